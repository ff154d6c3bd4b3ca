#pragma once
// Turns a pack's draft templates (rules/drafts.h) into paragraphs for one case. A sentence says only
// what an answer, indicator or element status supports; with no answer it says what is not known.
#include <string>
#include <vector>

#include "report/referral_summary.h"
#include "rules/evaluation.h"

namespace waymark::report {

// Drafts for the boxes of `section` (a rules::kSummarySections id), in pack order. `anonymous` leaves
// out every sentence that would quote a number or date (age, dates), as the Duty to Notify requires.
[[nodiscard]] std::vector<Draft> draft_paragraphs(const rules::RulePack& pack, const rules::AnswerSet& answers,
                                                  const rules::Evaluation& evaluation,
                                                  const rules::Assessment& assessment,
                                                  std::string_view section, bool anonymous);

// "a, b and c"; items that hold a comma or "and" are joined "a; b and c; and d" so they stay apart.
[[nodiscard]] std::string join_words(const std::vector<std::string>& words, const char* last = " and ");

// "\n- a\n- b\n": one item per line, for lists whose items hold punctuation.
[[nodiscard]] std::string bullet_lines(const std::vector<std::string>& items);

// An option's own text as it reads inside a sentence: "The pay" -> "the pay", "UK" stays "UK".
[[nodiscard]] std::string inline_words(const std::string& text);

}  // namespace waymark::report
