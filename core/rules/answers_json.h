#pragma once
// Answers in JSON, as in an answers file: {"answers": {"<question id>": <value>}}. A value is an option
// value, a list of them (multiple choice), true/false, a number, an ISO date, text, or the reserved
// "dont_know" / "prefer_not_to_say". Error messages name the question, never the value given.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/answers.h"
#include "rules/rule_pack.h"

namespace waymark::rules {

[[nodiscard]] std::optional<Answer> answer_from_json(const Question& q, const nlohmann::json& value,
                                                     std::string& error);
[[nodiscard]] nlohmann::json answer_to_json(const Question& q, const Answer& a);
// What a reader sees: option texts, "yes", "don't know". Free text is shown as "(free text)".
[[nodiscard]] std::string answer_to_text(const Question& q, const Answer& a);

struct ParsedAnswers {
  AnswerSet answers;
  std::vector<std::string> errors;  // one per unknown id or invalid value
};

[[nodiscard]] ParsedAnswers answers_from_json_text(const RulePack& pack, std::string_view text);

}  // namespace waymark::rules
