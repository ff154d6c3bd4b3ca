#pragma once
// A case that plants identifying canaries in every answer that can hold one (name, phone, free-text
// account, date of birth, age) and in the notes. The UK pack asks for none of these, so the test pack
// is the UK pack plus canary.yaml (served from memory), which asks them, places them in the summary
// and drafts from them.
#include <cctype>

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
      // Its own section and questions, so the test does not depend on the UK pack's question ids.
      if (p.filename() == "canary.yaml")
        return std::string(R"(sections:
  - {id: identity, title: Identity}
questions:
  - {id: identity.name, section: identity, type: free_text, text: "What is their name?"}
  - {id: identity.phone, section: identity, type: free_text, text: "What phone number can they be reached on?"}
  - {id: identity.date_of_birth, section: identity, type: date, text: "What is their date of birth?"}
  - {id: identity.age, section: identity, type: number, min: 0, max: 120, text: "How old are they exactly?"}
  - {id: identity.story, section: identity, type: free_text, text: "In their own words what happened?"}
summary:
  - {section: background, questions: [identity.name, identity.phone, identity.date_of_birth, identity.age]}
  - {section: exploitation_start, questions: [identity.story]}
drafts:
  - id: canary_age
    section: age
    box: Age
    step: pv-dob
    limit: 15000
    sentences:
      - {answer: identity.age, value: "They gave their age as {value}.", unknown: Their age is not known.}
      - {answer: identity.date_of_birth, value: "Their date of birth is {value}.", unknown: Not known.}
      - {answer: identity.name, unknown: Their name is not known.}
      - {answer: identity.story, unknown: Their account is not recorded.}
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
  put("identity.name", kCanaryName);
  put("identity.phone", kCanaryPhone);
  put("identity.date_of_birth", kCanaryDob);
  put("identity.story", kCanaryStory);
  put("identity.age", 97);
  return set;
}

// Every canary found in `text` (the pack hash is taken out first: it is hex and could hold "97").
inline std::vector<std::string> canaries_in(std::string text, const std::string& pack_sha256) {
  for (auto at = text.find(pack_sha256); at != std::string::npos; at = text.find(pack_sha256))
    text.erase(at, pack_sha256.size());
  std::vector<std::string> found;
  for (const char* c : {kCanaryName, kCanaryPhone, "CANARY", "Acacia", "Zoltan", "07700", kCanaryDob, "1928"})
    if (text.find(c) != std::string::npos) found.emplace_back(c);
  // The age is a bare number: look for it standing alone, not inside a longer number.
  const auto digit = [&](std::size_t i) { return i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); };
  for (auto at = text.find(kCanaryAge); at != std::string::npos; at = text.find(kCanaryAge, at + 1))
    if ((at == 0 || !digit(at - 1)) && !digit(at + 2)) {
      found.emplace_back(kCanaryAge);
      break;
    }
  return found;
}

}  // namespace waymark::test
