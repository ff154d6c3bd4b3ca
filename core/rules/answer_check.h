#pragma once
// Is this answer acceptable for this question? Separate from JSON parsing so that a form can show the
// problem beside the question as it is typed. Problems are values, not English: the CLI turns them
// into messages with describe(), the app into its own words.
#include <string>

#include "rules/answers.h"
#include "rules/rule_pack.h"

namespace waymark::rules {

enum class AnswerProblem {
  none,
  dont_know_not_offered,          // "don't know" given where the question does not offer it
  prefer_not_to_say_not_offered,  // likewise "prefer not to say"
  wrong_type,                     // e.g. text for a yes/no question (only JSON can do this)
  not_an_option,                  // a choice that is not one of the question's options
  choose_one,                     // a single-choice answer with no or several options
  out_of_range,                   // a number outside the question's min..max, or not finite
  not_a_date,                     // not a real calendar date as YYYY-MM-DD
  text_too_long,                  // free text over kMaxTextBytes
  not_utf8,                       // free text that is not valid UTF-8
};

// Free text is for short notes; a whole statement belongs in the case notes.
inline constexpr std::size_t kMaxTextBytes = 4000;

[[nodiscard]] AnswerProblem check_answer(const Question& q, const Answer& a);

// "answer to '<id>': expected ..." for a problem. Names the question and what it expects, never the
// value given (the value may identify the person).
[[nodiscard]] std::string describe(const Question& q, AnswerProblem problem);

// A short stable name ("out_of_range") for JSON and tests.
[[nodiscard]] const char* problem_name(AnswerProblem problem);

[[nodiscard]] bool is_iso_date(const std::string& s);
// 3 for 3.0, 2.5 for 2.5: how a number reads in messages and summaries.
[[nodiscard]] std::string number_text(double n);

}  // namespace waymark::rules
