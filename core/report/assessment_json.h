#pragma once
// The assessment as JSON, format 1 (docs/assessment-json.md), and the questions to show as JSON.
#include <nlohmann/json.hpp>

#include <vector>

#include "rules/assessment.h"

namespace waymark::report {

inline constexpr int kAssessmentFormat = 1;

[[nodiscard]] nlohmann::ordered_json assessment_to_json(const rules::RulePack& pack,
                                                const rules::AnswerSet& answers,
                                                const rules::Assessment& assessment);

// The questions to show now, in order: id, section, text, help, type, options, offers, answer.
[[nodiscard]] nlohmann::ordered_json questions_to_json(const rules::RulePack& pack,
                                               const rules::AnswerSet& answers,
                                               const std::vector<int>& shown);

}  // namespace waymark::report
