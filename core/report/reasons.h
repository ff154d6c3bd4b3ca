#pragma once
// Words for the reasons behind a conclusion, shared by the JSON and text renderings.
#include <string>
#include <vector>

#include "rules/answers.h"
#include "rules/evaluation.h"
#include "rules/rule_pack.h"

namespace waymark::report {

// "answer q.id = yes", "indicator means_documents_withheld", "fact treated_as_child", ...
[[nodiscard]] std::string reason_code(const rules::RulePack& pack, const rules::AnswerSet& answers,
                                      const rules::Reason& reason);

// For a person: the question text and the answer, the indicator text, the fact text.
[[nodiscard]] std::string reason_words(const rules::RulePack& pack, const rules::AnswerSet& answers,
                                       const rules::Reason& reason);

// Reasons without repeats, in first-seen order.
[[nodiscard]] std::vector<rules::Reason> unique(const std::vector<rules::Reason>& reasons);

}  // namespace waymark::report
