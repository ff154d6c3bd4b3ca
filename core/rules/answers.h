#pragma once
// The answers given in a screening, indexed by question. An answer to a question that is no longer
// shown stays here (it is part of the case's history) but does not count in any condition.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace waymark::rules {

struct Answer {
  enum class Kind : std::uint8_t { value, dont_know, prefer_not_to_say };
  Kind kind = Kind::value;
  bool yes = false;            // yes/no questions
  double number = 0;           // number questions
  std::uint64_t choices = 0;   // choice questions: bit i = option i chosen
  std::string text;            // date (YYYY-MM-DD) and free-text questions

  [[nodiscard]] bool is_value() const { return kind == Kind::value; }
  friend bool operator==(const Answer&, const Answer&) = default;
};

class AnswerSet {
 public:
  AnswerSet() = default;
  explicit AnswerSet(std::size_t question_count) : answers_(question_count) {}

  [[nodiscard]] const Answer* get(int question) const {
    const auto& a = answers_[static_cast<std::size_t>(question)];
    return a ? &*a : nullptr;
  }
  void set(int question, Answer answer) { answers_[static_cast<std::size_t>(question)] = std::move(answer); }
  void clear(int question) { answers_[static_cast<std::size_t>(question)].reset(); }
  [[nodiscard]] std::size_t size() const { return answers_.size(); }

 private:
  std::vector<std::optional<Answer>> answers_;
};

}  // namespace waymark::rules
