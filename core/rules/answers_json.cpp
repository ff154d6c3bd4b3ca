#include "rules/answers_json.h"

#include "rules/answer_check.h"
#include "rules/names.h"

namespace waymark::rules {
namespace {

int option_index(const Question& q, const std::string& value) {
  for (std::size_t i = 0; i < q.options.size(); ++i)
    if (q.options[i].value == value) return static_cast<int>(i);
  return -1;
}

// The JSON value as an Answer of the question's type; the value's own checks are check_answer's.
std::optional<Answer> convert(const Question& q, const nlohmann::json& value, AnswerProblem& problem) {
  problem = AnswerProblem::wrong_type;
  if (value.is_string()) {
    const auto& s = value.get_ref<const std::string&>();
    if (s == kDontKnow) return Answer{.kind = Answer::Kind::dont_know};
    if (s == kPreferNotToSay) return Answer{.kind = Answer::Kind::prefer_not_to_say};
  }
  Answer a;
  switch (q.type) {
    case AnswerType::yes_no:
      if (value.is_boolean()) a.yes = value.get<bool>();
      else if (value == "yes" || value == "no") a.yes = value == "yes";
      else return std::nullopt;
      return a;
    case AnswerType::single_choice: {
      const int i = value.is_string() ? option_index(q, value.get<std::string>()) : -1;
      if (i < 0) return std::nullopt;
      a.choices = std::uint64_t{1} << i;
      return a;
    }
    case AnswerType::multiple_choice:
      if (!value.is_array()) return std::nullopt;
      for (const auto& v : value) {
        const int i = v.is_string() ? option_index(q, v.get<std::string>()) : -1;
        if (i < 0) return std::nullopt;
        a.choices |= std::uint64_t{1} << i;
      }
      return a;
    case AnswerType::number:
      if (!value.is_number()) return std::nullopt;
      a.number = value.get<double>();
      return a;
    case AnswerType::date:
    case AnswerType::free_text:
      if (!value.is_string()) return std::nullopt;
      a.text = value.get<std::string>();
      return a;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Answer> answer_from_json(const Question& q, const nlohmann::json& value,
                                       std::string& error) {
  AnswerProblem problem = AnswerProblem::none;
  std::optional<Answer> a = convert(q, value, problem);
  if (a) problem = check_answer(q, *a);
  if (problem == AnswerProblem::none) return a;
  error = describe(q, problem);
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
