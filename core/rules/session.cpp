#include "rules/session.h"

namespace waymark::rules {

Session::Session(const RulePack& pack) : pack_(pack), answers_(pack.questions.size()) { refresh(); }

void Session::answer(int question, Answer value) {
  history_.push_back({history_.size() + 1, question, value});
  answers_.set(question, std::move(value));
  refresh();
}

void Session::clear(int question) {
  history_.push_back({history_.size() + 1, question, std::nullopt});
  answers_.clear(question);
  refresh();
}

void Session::refresh() {
  evaluate_graph(pack_, answers_, evaluation_);
  shown_.clear();
  for (std::size_t q = 0; q < pack_.questions.size(); ++q)
    if (evaluation_.visible[q]) shown_.push_back(static_cast<int>(q));
}

std::vector<int> Session::unanswered() const {
  std::vector<int> out;
  for (int q : shown_)
    if (!answers_.get(q)) out.push_back(q);
  return out;
}

std::vector<SectionProgress> Session::progress() const {
  std::vector<SectionProgress> out(pack_.sections.size());
  for (std::size_t s = 0; s < out.size(); ++s) out[s].section = static_cast<int>(s);
  for (int q : shown_) {
    auto& p = out[static_cast<std::size_t>(pack_.questions[static_cast<std::size_t>(q)].section)];
    ++p.shown;
    if (answers_.get(q)) ++p.answered;
  }
  return out;
}

}  // namespace waymark::rules
