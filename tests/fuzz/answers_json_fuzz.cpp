// libFuzzer target: an answers file ({"answers": {...}}) against the minimal test pack. Whatever the
// bytes, reading them returns answers or messages (never throws, never aborts); messages are one short
// printable line; accepted answers assess and render as JSON and text without throwing.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "report/assessment_json.h"
#include "report/assessment_text.h"
#include "rules/answers_json.h"
#include "rules/assessment.h"
#include "rules/session.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace waymark;
  const rules::RulePack& pack = fuzz::minimal_pack();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  rules::ParsedAnswers parsed = rules::answers_from_json_text(pack, text);
  for (const auto& e : parsed.errors) fuzz::check_message(e);
  if (!parsed.errors.empty()) return 0;
  const rules::Assessment assessment = rules::assess(pack, parsed.answers);
  (void)report::assessment_to_json(pack, parsed.answers, assessment).dump();
  (void)report::assessment_to_text(pack, parsed.answers, assessment);
  rules::Session session(pack);
  for (int q = 0; q < static_cast<int>(pack.questions.size()); ++q) {
    if (const rules::Answer* a = parsed.answers.get(q)) {
      const auto& question = pack.questions[static_cast<std::size_t>(q)];
      // What is stored is what is read back.
      std::string error;
      const auto again = rules::answer_from_json(question, rules::answer_to_json(question, *a), error);
      if (!again) std::abort();
      (void)rules::answer_to_text(question, *a);
      session.answer(q, *a);
    }
  }
  (void)report::questions_to_json(pack, session.answers(), session.shown()).dump();
  return 0;
}
