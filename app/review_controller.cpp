#include "review_controller.h"

#include <QCoreApplication>
#include <nlohmann/json.hpp>

#include "access_controller.h"
#include "audit_words.h"
#include "rules/answers_json.h"
#include "screening/screening.h"
#include "store/errors.h"
#include "summary_presenter.h"
#include "time_text.h"

namespace waymark::app {
namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

// What a reader sees for a stored answer value under this pack ("(free text)" for free text).
QString answer_words(const rules::RulePack& pack, const std::string& question_id, const std::string& value_json) {
  const int qi = pack.question_index(question_id);
  if (qi < 0) return QCoreApplication::translate("review", "(a question this rule pack does not have)");
  const auto& question = pack.questions[static_cast<std::size_t>(qi)];
  std::string error;
  const auto value = nlohmann::json::parse(value_json, nullptr, false);
  const auto answer = value.is_discarded() ? std::nullopt : rules::answer_from_json(question, value, error);
  if (!answer) return QCoreApplication::translate("review", "(an answer this rule pack no longer accepts)");
  // A supervisor reviewing the case reads free text as written (summaries elsewhere leave it out).
  if (question.type == rules::AnswerType::free_text && answer->is_value()) return q(answer->text);
  return q(rules::answer_to_text(question, *answer));
}

QString question_text(const rules::RulePack& pack, const std::string& id) {
  const int qi = pack.question_index(id);
  return qi < 0 ? q(id) : q(pack.questions[static_cast<std::size_t>(qi)].text);
}

}  // namespace

ReviewController::ReviewController(AccessController& access, const rules::RulePack& pack, QObject* parent)
    : QObject(parent), access_(access), pack_(pack) {
  // Nothing of a case outlives the lock.
  connect(&access_, &AccessController::aboutToLock, this, [this] {
    clear();
    emit changed();
  });
}

void ReviewController::clear() {
  case_id_ = 0;
  info_.clear();
  summary_.clear();
  answers_.clear();
  reviews_.clear();
  trail_.clear();
  questions_.clear();
  notes_.clear();
  approve_blocked_.clear();
  can_review_ = can_close_ = false;
}

void ReviewController::open(qint64 caseId) {
  last_error_.clear();
  message_.clear();
  load(caseId);
  emit changed();
}

void ReviewController::leave() {
  clear();
  last_error_.clear();
  message_.clear();
  emit changed();
}

void ReviewController::load(std::int64_t case_id) {
  store::CaseStore* store = access_.store();
  if (store == nullptr) return;
  clear();
  try {
    screening::ResumeReport report;
    const auto s = screening::Screening::resume(*store, pack_, case_id, &report);
    const auto assessment = s.assessment();
    summary_ = summary_view(pack_, s.session().answers(), assessment);
    notes_ = q(report.notes);
    const store::CaseSummary& c = report.summary;
    QStringList types;
    for (const auto& t : c.exploitation_types) types << q(t);
    info_ = {{"reference", q(c.reference)},
             {"status", q(std::string(store::to_string(c.status)))},
             {"owner", q(c.owner_name)},
             {"assignedTo", q(c.assigned_name)},
             {"started", local_time(c.created_ms)},
             {"submitted", local_time(c.submitted_ms)},
             {"waiting", c.submitted_ms ? waiting_time(*c.submitted_ms, access_.clock().now_unix_ms()) : QString()},
             {"band", q(c.band)},
             {"child", c.child.value_or(false)},
             {"types", types.join(QStringLiteral(", "))},
             {"nation", q(c.nation)},
             {"pack", q(c.pack.id + " " + c.pack.version)},
             {"packChanged", report.pack_changed}};

    const auto history = store->cases().answer_history(case_id);
    for (auto it = history.rbegin(); it != history.rend(); ++it)
      answers_ << QVariantMap{{"question", question_text(pack_, it->question_id)},
                              {"questionId", q(it->question_id)},
                              {"value", answer_words(pack_, it->question_id, it->value_json)},
                              {"previous", it->previous_json ? answer_words(pack_, it->question_id, *it->previous_json)
                                                             : QString()},
                              {"who", q(it->saved_by_name)},
                              {"when", local_time(it->saved_ms)}};
    // The questions a return may point at: each answered one once, in the order first answered.
    QStringList seen;
    for (const auto& change : history) {
      const QString id = q(change.question_id);
      if (seen.contains(id)) continue;
      seen << id;
      questions_ << QVariantMap{{"id", id}, {"text", question_text(pack_, change.question_id)}};
    }

    for (const auto& r : store->reviews().history(case_id))
      reviews_ << QVariantMap{{"decision", QString::fromLatin1(store::to_string(r.decision))},
                              {"reviewer", q(r.reviewer_name)},
                              {"when", local_time(r.time_ms)},
                              {"note", q(r.note)},
                              {"question", r.question_id.empty() ? QString() : question_text(pack_, r.question_id)}};

    for (const auto& e : store->audit_page(case_id, 0, 200))
      trail_ << QVariantMap{{"when", local_time(e.event.time_ms)},
                            {"who", q(e.user_name)},
                            {"action", audit_action_text(e.event)}};

    const store::User& me = store->user();
    const store::CaseAccess access{c.owner_id, c.assigned_to, c.status};
    can_review_ = store::may_review(me.roles, access);
    can_close_ = store::may_close(me.roles, access);
    if (can_review_ && c.owner_id == me.id && !store->self_approval_allowed())
      approve_blocked_ = tr("You started this case: another supervisor approves it (this store does not allow "
                            "approving one's own cases).");
    case_id_ = case_id;
  } catch (const store::StoreError& e) {
    clear();
    last_error_ = QString::fromUtf8(e.what());
  }
}

template <class Decide>
void ReviewController::decide(Decide&& decide, const QString& done) {
  store::CaseStore* store = access_.store();
  if (store == nullptr || case_id_ == 0) return;
  last_error_.clear();
  message_.clear();
  try {
    decide(*store);
    message_ = done;
    load(case_id_);
    emit decided();
  } catch (const store::StoreError& e) {
    last_error_ = QString::fromUtf8(e.what());
  }
  emit changed();
}

void ReviewController::returnCase(const QString& reason, const QString& questionId) {
  const QString owner = info_.value(QStringLiteral("owner")).toString();
  decide([&](store::CaseStore& s) { s.reviews().return_case(case_id_, reason.toStdString(), questionId.toStdString()); },
         tr("Returned to %1 with your reason.").arg(owner));
}

void ReviewController::approve(const QString& note) {
  decide([&](store::CaseStore& s) { s.reviews().approve(case_id_, note.toStdString()); }, tr("Approved."));
}

void ReviewController::closeCase(const QString& note) {
  decide([&](store::CaseStore& s) { s.reviews().close(case_id_, note.toStdString()); }, tr("Closed."));
}

}  // namespace waymark::app
