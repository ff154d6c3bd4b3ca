#include "screening/screening.h"

#include <nlohmann/json.hpp>

#include "report/assessment_json.h"
#include "rules/answers_json.h"

namespace waymark::screening {

Screening::Screening(store::CaseStore& store, const rules::RulePack& pack, std::int64_t case_id, std::string reference)
    : store_(&store), pack_(&pack), case_id_(case_id), reference_(std::move(reference)), session_(pack) {}

Screening Screening::start(store::CaseStore& store, const rules::RulePack& pack) {
  const auto c = store.cases().create({pack.id, pack.version, pack.sha256});
  return Screening(store, pack, c.id, c.reference);
}

Screening Screening::resume(store::CaseStore& store, const rules::RulePack& pack, std::int64_t case_id,
                            ResumeReport* report) {
  const store::CaseRecord record = store.cases().read(case_id);
  Screening s(store, pack, case_id, record.summary.reference);
  ResumeReport r;
  r.started_under = record.summary.pack;
  r.summary = record.summary;
  r.notes = record.notes;
  r.pack_changed = record.summary.pack.id != pack.id || record.summary.pack.version != pack.version ||
                   record.summary.pack.sha256 != pack.sha256;
  for (const store::SavedAnswer& saved : record.answers) {
    const int q = pack.question_index(saved.question_id);
    if (q < 0) {
      r.not_in_pack.push_back(saved.question_id);
      continue;
    }
    const auto json = nlohmann::json::parse(saved.value_json, nullptr, false);
    std::string error;
    auto a = json.is_discarded() ? std::nullopt
                                 : rules::answer_from_json(pack.questions[static_cast<std::size_t>(q)], json, error);
    if (!a) {
      r.not_valid.push_back(saved.question_id);
      continue;
    }
    s.session_.answer(q, std::move(*a));
    ++r.restored;
  }
  if (report != nullptr) *report = std::move(r);
  return s;
}

rules::AnswerProblem Screening::answer(int question, const rules::Answer& value) {
  const rules::Question& q = pack_->questions.at(static_cast<std::size_t>(question));
  const rules::AnswerProblem problem = rules::check_answer(q, value);
  if (problem != rules::AnswerProblem::none) return problem;
  store_->cases().save_answer(case_id_, q.id, rules::answer_to_json(q, value).dump());  // commits, or throws
  session_.answer(question, value);
  return problem;
}

rules::Assessment Screening::assessment() const { return rules::assess(*pack_, session_.answers()); }

rules::Assessment Screening::finish() {
  rules::Assessment a = assessment();
  store_->cases().save_assessment(case_id_, report::assessment_to_json(*pack_, session_.answers(), a).dump());
  return a;
}

void Screening::save_notes(std::string_view notes) { store_->cases().save_notes(case_id_, notes); }

std::optional<int> Screening::next_unanswered() const {
  const auto open = session_.unanswered();
  if (open.empty()) return std::nullopt;
  return open.front();
}

CreatedCase create_case_from_answers(store::CaseStore& store, const rules::RulePack& pack,
                                     const rules::AnswerSet& answers) {
  // Checked and assessed first (pure), then stored in ONE transaction: a full disk or any other failure
  // leaves no case at all, never a draft holding some of the answers.
  rules::Session session(pack);
  std::vector<store::Cases::NewAnswer> rows;
  for (int q = 0; q < static_cast<int>(pack.questions.size()); ++q) {
    const rules::Answer* a = answers.get(q);
    if (a == nullptr) continue;
    const rules::Question& question = pack.questions[static_cast<std::size_t>(q)];
    // The answers were checked when they were read; a problem here is a bug, not bad input.
    if (rules::check_answer(question, *a) != rules::AnswerProblem::none)
      throw store::StoreError(store::Errc::invalid, "answer to '" + question.id + "' not accepted");
    rows.push_back({question.id, rules::answer_to_json(question, *a).dump()});
    session.answer(q, *a);
  }
  const rules::Assessment assessment = rules::assess(pack, session.answers());
  const store::CaseSummary c =
      store.cases().create_with_answers({pack.id, pack.version, pack.sha256}, rows,
                                     report::assessment_to_json(pack, session.answers(), assessment).dump());
  return {c.id, c.reference, static_cast<int>(rows.size()), assessment.band};
}

}  // namespace waymark::screening
