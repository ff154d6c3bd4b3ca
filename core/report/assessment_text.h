#pragma once
// The assessment as plain text for the responder: what to do first, the next steps and why.
#include <string>

#include "rules/assessment.h"

namespace waymark::report {

[[nodiscard]] std::string assessment_to_text(const rules::RulePack& pack,
                                             const rules::AnswerSet& answers,
                                             const rules::Assessment& assessment);

}  // namespace waymark::report
