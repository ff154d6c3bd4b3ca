#pragma once
// A case that plants identifying canaries in every answer that can hold one (name, phone, free-text
// account, date of birth, age) and in the notes. The UK pack has no such questions, so the test pack
// is the UK pack plus canary.yaml (served from memory), which asks them and drafts from them.
#include <regex>

#include "report_support.h"

namespace waymark::test {

inline constexpr const char* kCanaryName = "Zoltan-CANARY-NAME-Kx7";
inline constexpr const char* kCanaryPhone = "07700-CANARY-PHONE-900123";
inline constexpr const char* kCanaryStory = "CANARY-STORY-Wq3 they kept me in a shed";
inline constexpr const char* kCanaryNote = "CANARY-NOTE-Pv9 lives at 12 Acacia Road";
inline constexpr const char* kCanaryDob = "1928-07-14";
inline constexpr const char* kCanaryAge = "97";

inline const rules::RulePack& canary_pack() {
  static const rules::RulePack pack = [] {
    const std::filesystem::path main = WAYMARK_UK_PACK;
    auto r = rules::load_rule_pack(main, [&](const std::filesystem::path& p) -> std::optional<std::string> {
      if (p.filename() == "canary.yaml")
        return std::string(R"(questions:
  - {id: person.name, section: person, type: free_text, text: "What is their name?"}
  - {id: person.phone, section: person, type: free_text, text: "What phone number can they be reached on?"}
  - {id: person.date_of_birth, section: person, type: date, text: "What is their date of birth?"}
  - {id: start.story, section: start, type: free_text, text: "In their own words what happened?"}
summary:
  - {section: background, questions: [person.name, person.phone, person.date_of_birth]}
  - {section: exploitation_start, questions: [start.story]}
drafts:
  - id: canary_age
    section: age
    box: Age
    step: pv-dob
    limit: 15000
    sentences:
      - {answer: person.age, value: "They gave their age as {value}.", unknown: Their age is not known.}
      - {answer: person.date_of_birth, value: "Their date of birth is {value}.", unknown: Not known.}
      - {answer: person.name, unknown: Their name is not known.}
)");
      auto text = rules::read_file(p);
      if (text && p == main) text->insert(text->find("include:\n") + 9, "  - canary.yaml\n");
      return text;
    });
    for (const auto& e : r.errors) ADD_FAILURE() << e.to_string();
    return r.pack.value_or(rules::RulePack{});
  }();
  return pack;
}

// S12 (an adult who refuses consent, Duty to Notify) with a canary in every answer that can hold one.
inline rules::AnswerSet canary_answers() {
  const auto& pack = canary_pack();
  auto set = golden_answers(pack, "s12_england_police_man_refuses_dtn");
  const auto put = [&](const char* id, const nlohmann::json& value) {
    const int q = pack.question_index(id);
    std::string error;
    auto a = rules::answer_from_json(pack.questions[static_cast<std::size_t>(q)], value, error);
    if (!a) ADD_FAILURE() << id << ": " << error;
    else set.set(q, *a);
  };
  put("person.name", kCanaryName);
  put("person.phone", kCanaryPhone);
  put("person.date_of_birth", kCanaryDob);
  put("start.story", kCanaryStory);
  put("person.age", 97);
  return set;
}

// Every canary found in `text` (the pack hash is taken out first: it is hex and could hold "97").
inline std::vector<std::string> canaries_in(std::string text, const std::string& pack_sha256) {
  for (auto at = text.find(pack_sha256); at != std::string::npos; at = text.find(pack_sha256))
    text.erase(at, pack_sha256.size());
  std::vector<std::string> found;
  for (const char* c : {kCanaryName, kCanaryPhone, "CANARY", "Acacia", "Zoltan", "07700", kCanaryDob, "1928"})
    if (text.find(c) != std::string::npos) found.emplace_back(c);
  // The age is a bare number: look for it standing alone.
  if (std::regex_search(text, std::regex("(^|[^0-9])97([^0-9]|$)"))) found.emplace_back(kCanaryAge);
  return found;
}

}  // namespace waymark::test
