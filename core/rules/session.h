#pragma once
// A screening in progress: answers go in; out come the questions to show now (skip logic), progress
// by section and what is still unanswered. Every change re-evaluates the whole pack. An answer to a
// question that is no longer shown stops counting but is kept, and every change is kept in history.
#include <cstdint>
#include <string_view>
#include <vector>

#include "rules/answers.h"
#include "rules/evaluation.h"
#include "rules/rule_pack.h"

namespace waymark::rules {

struct SectionProgress {
  int section = 0;
  int shown = 0;     // questions of the section shown now
  int answered = 0;  // of those, answered (a "don't know" counts as an answer)
};

struct AnswerChange {
  std::uint64_t sequence = 0;
  int question = 0;
  std::optional<Answer> answer;  // empty: the answer was cleared
};

class Session {
 public:
  explicit Session(const RulePack& pack);

  // Answers are checked by the caller (answers_json.h) against the question's type.
  void answer(int question, Answer value);
  void clear(int question);

  [[nodiscard]] const std::vector<int>& shown() const { return shown_; }
  [[nodiscard]] std::vector<int> unanswered() const;
  [[nodiscard]] std::vector<SectionProgress> progress() const;
  [[nodiscard]] bool is_shown(int question) const { return evaluation_.visible[static_cast<std::size_t>(question)] != 0; }
  [[nodiscard]] const AnswerSet& answers() const { return answers_; }
  [[nodiscard]] const std::vector<AnswerChange>& history() const { return history_; }

 private:
  void refresh();

  const RulePack& pack_;
  AnswerSet answers_;
  Evaluation evaluation_;
  std::vector<int> shown_;
  std::vector<AnswerChange> history_;
};

}  // namespace waymark::rules
