#include "rules/answers_json.h"

#include <optional>
#include <vector>

#include "rules/answer_check.h"
#include "rules/names.h"
#include "text/utf8.h"

namespace waymark::rules {
namespace {

// Follows a document that nlohmann could not read, to say where it stopped: for a number outside the
// range of doubles (1e400), inside the answer to which question. Never keeps a value.
class LocatingSax {
 public:
  using json = nlohmann::json;
  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(json::number_integer_t) { return true; }
  bool number_unsigned(json::number_unsigned_t) { return true; }
  bool number_float(json::number_float_t, const json::string_t&) { return true; }
  bool string(json::string_t&) { return true; }
  bool binary(json::binary_t&) { return true; }
  bool start_object(std::size_t) { return open(true); }
  bool key(json::string_t& k) {
    if (!stack_.empty()) stack_.back().key = k;
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(false); }
  bool end_array() { return close(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    byte_ = position;
    // An out-of-range number is reported at the value itself, so the last key read is its own.
    if (dynamic_cast<const json::out_of_range*>(&ex) != nullptr && stack_.size() >= 2 && stack_[0].object &&
        stack_[0].key == "answers" && stack_[1].object)
      question_ = stack_[1].key;
    return false;
  }

  [[nodiscard]] std::size_t byte() const { return byte_; }
  [[nodiscard]] const std::optional<std::string>& question() const { return question_; }

 private:
  struct Level {
    bool object;
    std::string key;
  };
  bool open(bool object) {
    stack_.push_back({object, {}});
    return true;
  }
  bool close() {
    if (!stack_.empty()) stack_.pop_back();
    return true;
  }
  std::vector<Level> stack_;
  std::size_t byte_ = 0;
  std::optional<std::string> question_;
};

// Why `text` is not a JSON document, naming the question whose value could not be read if that is it.
std::string unreadable_json(const RulePack& pack, std::string_view text) {
  LocatingSax sax;
  try {
    (void)nlohmann::json::sax_parse(text, &sax);
  } catch (const nlohmann::json::exception&) {
  }
  if (const auto& id = sax.question()) {
    const std::string shown = pack.question_index(*id) >= 0 ? *id : text::quote_for_message(*id);
    return "answer to '" + shown + "': a number outside the range this program can hold";
  }
  return "answers file is not valid JSON (at byte " + std::to_string(sax.byte()) + ")";
}

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
  // Without exceptions: every reason nlohmann has to stop (syntax, invalid UTF-8, a number such as
  // 1e400 that no double holds) gives a discarded document, explained by unreadable_json.
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded()) {
    out.errors.push_back(unreadable_json(pack, text));
    return out;
  }
  if (!doc.is_object() || !doc.contains("answers") || !doc.at("answers").is_object()) {
    out.errors.push_back("answers file must be an object with an \"answers\" object");
    return out;
  }
  for (const auto& [id, value] : doc.at("answers").items()) {
    const int q = pack.question_index(id);
    if (q < 0) {
      // Escaped and cut: an id from the file may hold escape sequences, newlines or megabytes.
      out.errors.push_back("unknown question '" + text::quote_for_message(id) + "'");
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
