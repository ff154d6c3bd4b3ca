#include "rules/answers_json.h"

#include <cmath>

#include "rules/names.h"

namespace waymark::rules {
namespace {

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

std::string number_text(double n) {
  const auto whole = static_cast<long long>(n);
  return static_cast<double>(whole) == n ? std::to_string(whole) : nlohmann::json(n).dump();
}

std::string option_list(const Question& q) {
  std::string out;
  for (const Option& o : q.options) out += (out.empty() ? "" : ", ") + o.value;
  return out;
}

int option_index(const Question& q, const std::string& value) {
  for (std::size_t i = 0; i < q.options.size(); ++i)
    if (q.options[i].value == value) return static_cast<int>(i);
  return -1;
}

}  // namespace

std::optional<Answer> answer_from_json(const Question& q, const nlohmann::json& value,
                                       std::string& error) {
  const std::string at = "answer to '" + q.id + "'";
  if (value.is_string()) {
    const auto& s = value.get_ref<const std::string&>();
    if (s == kDontKnow || s == kPreferNotToSay) {
      const bool dk = s == kDontKnow;
      if (dk ? !q.offer_dont_know : !q.offer_prefer_not_to_say) {
        error = at + ": this question does not offer '" + s + "'";
        return std::nullopt;
      }
      return Answer{.kind = dk ? Answer::Kind::dont_know : Answer::Kind::prefer_not_to_say};
    }
  }
  Answer a;
  switch (q.type) {
    case AnswerType::yes_no:
      if (value.is_boolean()) a.yes = value.get<bool>();
      else if (value == "yes" || value == "no") a.yes = value == "yes";
      else {
        error = at + ": expected true or false";
        return std::nullopt;
      }
      return a;
    case AnswerType::single_choice:
      if (value.is_string()) {
        const int i = option_index(q, value.get<std::string>());
        if (i >= 0) {
          a.choices = std::uint64_t{1} << i;
          return a;
        }
      }
      error = at + ": expected one of " + option_list(q);
      return std::nullopt;
    case AnswerType::multiple_choice:
      if (value.is_array()) {
        for (const auto& v : value) {
          const int i = v.is_string() ? option_index(q, v.get<std::string>()) : -1;
          if (i < 0) {
            error = at + ": expected a list of options from " + option_list(q);
            return std::nullopt;
          }
          a.choices |= std::uint64_t{1} << i;
        }
        return a;
      }
      error = at + ": expected a list of options from " + option_list(q);
      return std::nullopt;
    case AnswerType::number:
      if (value.is_number() && std::isfinite(value.get<double>()) && value.get<double>() >= q.min &&
          value.get<double>() <= q.max) {
        a.number = value.get<double>();
        return a;
      }
      error = at + ": expected a number" +
              (q.min > -1e300 ? " from " + number_text(q.min) : std::string()) +
              (q.max < 1e300 ? " to " + number_text(q.max) : std::string());
      return std::nullopt;
    case AnswerType::date:
      if (value.is_string() && is_iso_date(value.get<std::string>())) {
        a.text = value.get<std::string>();
        return a;
      }
      error = at + ": expected a date as YYYY-MM-DD";
      return std::nullopt;
    case AnswerType::free_text:
      if (value.is_string()) {
        a.text = value.get<std::string>();
        return a;
      }
      error = at + ": expected text";
      return std::nullopt;
  }
  return std::nullopt;
}

nlohmann::json answer_to_json(const Question& q, const Answer& a) {
  if (a.kind == Answer::Kind::dont_know) return std::string(kDontKnow);
  if (a.kind == Answer::Kind::prefer_not_to_say) return std::string(kPreferNotToSay);
  switch (q.type) {
    case AnswerType::yes_no: return a.yes;
    case AnswerType::single_choice:
    case AnswerType::multiple_choice: {
      nlohmann::json list = nlohmann::json::array();
      for (std::size_t i = 0; i < q.options.size(); ++i)
        if (a.choices & (std::uint64_t{1} << i)) list.push_back(q.options[i].value);
      if (q.type == AnswerType::single_choice) return list.empty() ? nlohmann::json() : list[0];
      return list;
    }
    case AnswerType::number: return a.number;
    case AnswerType::date:
    case AnswerType::free_text: return a.text;
  }
  return nullptr;
}

std::string answer_to_text(const Question& q, const Answer& a) {
  if (a.kind == Answer::Kind::dont_know) return "don't know";
  if (a.kind == Answer::Kind::prefer_not_to_say) return "prefer not to say";
  switch (q.type) {
    case AnswerType::yes_no: return a.yes ? "yes" : "no";
    case AnswerType::single_choice:
    case AnswerType::multiple_choice: {
      std::string out;
      for (std::size_t i = 0; i < q.options.size(); ++i)
        if (a.choices & (std::uint64_t{1} << i)) out += (out.empty() ? "" : "; ") + q.options[i].text;
      return out.empty() ? "(none chosen)" : out;
    }
    case AnswerType::number: return number_text(a.number);
    case AnswerType::date: return a.text;
    case AnswerType::free_text: return "(free text)";
  }
  return {};
}

ParsedAnswers answers_from_json_text(const RulePack& pack, std::string_view text) {
  ParsedAnswers out{AnswerSet(pack.questions.size()), {}};
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    out.errors.push_back("answers file is not valid JSON (at byte " + std::to_string(e.byte) + ")");
    return out;
  }
  if (!doc.is_object() || !doc.contains("answers") || !doc["answers"].is_object()) {
    out.errors.push_back("answers file must be an object with an \"answers\" object");
    return out;
  }
  for (const auto& [id, value] : doc["answers"].items()) {
    const int q = pack.question_index(id);
    if (q < 0) {
      out.errors.push_back("unknown question '" + id + "'");
      continue;
    }
    std::string error;
    if (auto a = answer_from_json(pack.questions[static_cast<std::size_t>(q)], value, error))
      out.answers.set(q, std::move(*a));
    else
      out.errors.push_back(error);
  }
  return out;
}

}  // namespace waymark::rules
