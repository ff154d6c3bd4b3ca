#include "rules/answer_check.h"

#include <bit>
#include <cmath>
#include <nlohmann/json.hpp>

#include "rules/names.h"
#include "text/utf8.h"

namespace waymark::rules {
namespace {

std::string option_list(const Question& q) {
  std::string out;
  for (const Option& o : q.options) out += (out.empty() ? "" : ", ") + o.value;
  return out;
}

}  // namespace

std::string number_text(double n) {
  const auto whole = static_cast<long long>(n);
  return static_cast<double>(whole) == n ? std::to_string(whole) : nlohmann::json(n).dump();
}

bool is_iso_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  const int month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
  const int year = std::stoi(s.substr(0, 4));
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

AnswerProblem check_answer(const Question& q, const Answer& a) {
  if (a.kind == Answer::Kind::dont_know)
    return q.offer_dont_know ? AnswerProblem::none : AnswerProblem::dont_know_not_offered;
  if (a.kind == Answer::Kind::prefer_not_to_say)
    return q.offer_prefer_not_to_say ? AnswerProblem::none : AnswerProblem::prefer_not_to_say_not_offered;
  const std::uint64_t all = q.options.size() >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << q.options.size()) - 1;
  switch (q.type) {
    case AnswerType::yes_no: return AnswerProblem::none;
    case AnswerType::single_choice:
      if ((a.choices & ~all) != 0) return AnswerProblem::not_an_option;
      return std::popcount(a.choices) == 1 ? AnswerProblem::none : AnswerProblem::choose_one;
    case AnswerType::multiple_choice:
      return (a.choices & ~all) != 0 ? AnswerProblem::not_an_option : AnswerProblem::none;
    case AnswerType::number:
      return std::isfinite(a.number) && a.number >= q.min && a.number <= q.max ? AnswerProblem::none
                                                                               : AnswerProblem::out_of_range;
    case AnswerType::date: return is_iso_date(a.text) ? AnswerProblem::none : AnswerProblem::not_a_date;
    case AnswerType::free_text:
      if (a.text.size() > kMaxTextBytes) return AnswerProblem::text_too_long;
      return text::first_invalid_utf8(a.text) ? AnswerProblem::not_utf8 : AnswerProblem::none;
  }
  return AnswerProblem::wrong_type;
}

std::string describe(const Question& q, AnswerProblem problem) {
  const std::string at = "answer to '" + q.id + "': ";
  switch (problem) {
    case AnswerProblem::none: return {};
    case AnswerProblem::dont_know_not_offered:
      return at + "this question does not offer '" + std::string(kDontKnow) + "'";
    case AnswerProblem::prefer_not_to_say_not_offered:
      return at + "this question does not offer '" + std::string(kPreferNotToSay) + "'";
    case AnswerProblem::text_too_long:
      return at + "text longer than " + std::to_string(kMaxTextBytes) + " bytes (put a long account in the notes)";
    case AnswerProblem::not_utf8: return at + "text is not valid UTF-8";
    case AnswerProblem::wrong_type:
    case AnswerProblem::not_an_option:
    case AnswerProblem::choose_one:
    case AnswerProblem::out_of_range:
    case AnswerProblem::not_a_date: break;
  }
  switch (q.type) {
    case AnswerType::yes_no: return at + "expected true or false";
    case AnswerType::single_choice: return at + "expected one of " + option_list(q);
    case AnswerType::multiple_choice: return at + "expected a list of options from " + option_list(q);
    case AnswerType::number:
      return at + "expected a number" + (q.min > -1e300 ? " from " + number_text(q.min) : std::string()) +
             (q.max < 1e300 ? " to " + number_text(q.max) : std::string());
    case AnswerType::date: return at + "expected a date as YYYY-MM-DD";
    case AnswerType::free_text: return at + "expected text";
  }
  return at + "not accepted";
}

const char* problem_name(AnswerProblem problem) {
  switch (problem) {
    case AnswerProblem::none: return "none";
    case AnswerProblem::dont_know_not_offered: return "dont_know_not_offered";
    case AnswerProblem::prefer_not_to_say_not_offered: return "prefer_not_to_say_not_offered";
    case AnswerProblem::wrong_type: return "wrong_type";
    case AnswerProblem::not_an_option: return "not_an_option";
    case AnswerProblem::choose_one: return "choose_one";
    case AnswerProblem::out_of_range: return "out_of_range";
    case AnswerProblem::not_a_date: return "not_a_date";
    case AnswerProblem::text_too_long: return "text_too_long";
    case AnswerProblem::not_utf8: return "not_utf8";
  }
  return "unknown";
}

}  // namespace waymark::rules
