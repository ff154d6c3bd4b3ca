#pragma once
// The supervisor's review of one case: the summary and its explanation, the answer history (what
// changed, when, by whom), the notes, earlier decisions and the case's audit trail side by side; and
// the decisions: return with a reason (optionally pointing at a question), approve, close. The store
// checks every decision against the roles and the case's state; this only offers what may succeed.
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include "rules/rule_pack.h"

namespace waymark::app {

class AccessController;

class ReviewController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("made by the app")
  Q_PROPERTY(bool active READ active NOTIFY changed)
  Q_PROPERTY(qint64 caseId READ caseId NOTIFY changed)
  // reference, status, owner, assignedTo, started, submitted, waiting, band, child, types, nation, pack
  Q_PROPERTY(QVariantMap caseInfo READ caseInfo NOTIFY changed)
  Q_PROPERTY(QVariantMap summary READ summary NOTIFY changed)  // as ScreeningController::summary
  // [{question, questionId, value, previous, who, when}], newest first
  Q_PROPERTY(QVariantList answerHistory READ answerHistory NOTIFY changed)
  // [{decision, reviewer, when, note, question}], oldest first
  Q_PROPERTY(QVariantList reviews READ reviews NOTIFY changed)
  // [{when, who, action}], newest first
  Q_PROPERTY(QVariantList trail READ trail NOTIFY changed)
  // [{id, text}]: the questions a return may point at (those answered)
  Q_PROPERTY(QVariantList questions READ questions NOTIFY changed)
  Q_PROPERTY(QString notes READ notes NOTIFY changed)
  Q_PROPERTY(bool canReturn READ canReturn NOTIFY changed)
  Q_PROPERTY(bool canApprove READ canApprove NOTIFY changed)
  Q_PROPERTY(QString approveBlocked READ approveBlocked NOTIFY changed)  // why approving is not offered
  Q_PROPERTY(bool canClose READ canClose NOTIFY changed)
  Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
  Q_PROPERTY(QString message READ message NOTIFY changed)  // "Returned to rita." after a decision

 public:
  ReviewController(AccessController& access, const rules::RulePack& pack, QObject* parent = nullptr);

  [[nodiscard]] bool active() const { return case_id_ != 0; }
  [[nodiscard]] qint64 caseId() const { return case_id_; }
  [[nodiscard]] QVariantMap caseInfo() const { return info_; }
  [[nodiscard]] QVariantMap summary() const { return summary_; }
  [[nodiscard]] QVariantList answerHistory() const { return answers_; }
  [[nodiscard]] QVariantList reviews() const { return reviews_; }
  [[nodiscard]] QVariantList trail() const { return trail_; }
  [[nodiscard]] QVariantList questions() const { return questions_; }
  [[nodiscard]] QString notes() const { return notes_; }
  [[nodiscard]] bool canReturn() const { return can_review_; }
  [[nodiscard]] bool canApprove() const { return can_review_ && approve_blocked_.isEmpty(); }
  [[nodiscard]] QString approveBlocked() const { return approve_blocked_; }
  [[nodiscard]] bool canClose() const { return can_close_; }
  [[nodiscard]] QString lastError() const { return last_error_; }
  [[nodiscard]] QString message() const { return message_; }

  Q_INVOKABLE void open(qint64 caseId);
  Q_INVOKABLE void leave();
  // `questionId` "" or one of questions(); `reason` is required (the store refuses a blank one).
  Q_INVOKABLE void returnCase(const QString& reason, const QString& questionId);
  Q_INVOKABLE void approve(const QString& note);
  Q_INVOKABLE void closeCase(const QString& note);

 signals:
  void changed();
  void decided();  // the case changed state: lists should be read again

 private:
  void load(std::int64_t case_id);
  void clear();
  template <class Decide>
  void decide(Decide&& decide, const QString& done);

  AccessController& access_;
  const rules::RulePack& pack_;
  std::int64_t case_id_ = 0;
  QVariantMap info_, summary_;
  QVariantList answers_, reviews_, trail_, questions_;
  QString notes_, approve_blocked_, last_error_, message_;
  bool can_review_ = false, can_close_ = false;
};

}  // namespace waymark::app
