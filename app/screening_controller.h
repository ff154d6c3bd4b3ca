#pragma once
// One screening on screen: the question shown, the answer intents, back and next, the live
// Action / Means / Purpose panel, the summary, the emergency guidance, notes and submitting.
// Every answer goes through screening::Screening, which commits it before "Saved" is shown.
// On lock it lets go of the case and remembers only where it was; on unlock it resumes there.
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <optional>

#include "rules/rule_pack.h"
#include "screening/screening.h"

namespace waymark::app {

class AccessController;

class ScreeningController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("made by the app")
  Q_PROPERTY(bool active READ active NOTIFY changed)
  Q_PROPERTY(QString view READ view NOTIFY changed)
  Q_PROPERTY(QString caseReference READ caseReference NOTIFY changed)
  Q_PROPERTY(QVariantMap question READ question NOTIFY changed)
  Q_PROPERTY(int position READ position NOTIFY changed)
  Q_PROPERTY(int shownCount READ shownCount NOTIFY changed)
  Q_PROPERTY(int answeredCount READ answeredCount NOTIFY changed)
  Q_PROPERTY(QVariantList sections READ sections NOTIFY changed)
  Q_PROPERTY(QString saveState READ saveState NOTIFY changed)
  Q_PROPERTY(QString problem READ problem NOTIFY changed)
  Q_PROPERTY(QVariantList elements READ elements NOTIFY changed)
  Q_PROPERTY(bool treatedAsChild READ treatedAsChild NOTIFY changed)
  Q_PROPERTY(QVariantMap summary READ summary NOTIFY changed)
  Q_PROPERTY(QVariantList emergency READ emergency CONSTANT)
  Q_PROPERTY(QString notes READ notes NOTIFY changed)
  Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
  Q_PROPERTY(QString notice READ notice NOTIFY changed)
  Q_PROPERTY(bool editable READ editable NOTIFY changed)
  // A returned case: {reason, reviewer, when, question} of the supervisor's return; empty otherwise.
  Q_PROPERTY(QVariantMap returnNote READ returnNote NOTIFY changed)

 public:
  ScreeningController(AccessController& access, const rules::RulePack& pack, QObject* parent = nullptr);

  [[nodiscard]] bool active() const { return screening_.has_value(); }
  [[nodiscard]] QString view() const { return view_; }
  [[nodiscard]] QString caseReference() const;
  [[nodiscard]] std::int64_t caseId() const { return screening_ ? screening_->case_id() : 0; }
  [[nodiscard]] QVariantMap question() const;
  [[nodiscard]] int position() const;
  [[nodiscard]] int shownCount() const;
  [[nodiscard]] int answeredCount() const;
  [[nodiscard]] QVariantList sections() const;
  [[nodiscard]] QString saveState() const { return save_state_; }
  [[nodiscard]] QString problem() const { return problem_; }
  [[nodiscard]] QVariantList elements() const;
  [[nodiscard]] bool treatedAsChild() const;
  [[nodiscard]] QVariantMap summary() const;
  [[nodiscard]] QVariantList emergency() const;
  [[nodiscard]] QString notes() const { return notes_; }
  [[nodiscard]] QString lastError() const { return last_error_; }
  [[nodiscard]] QString notice() const { return notice_; }
  [[nodiscard]] bool editable() const { return editable_; }
  [[nodiscard]] QVariantMap returnNote() const { return return_note_; }

  Q_INVOKABLE void startNew();
  Q_INVOKABLE void resume(qint64 caseId);
  Q_INVOKABLE void answerYesNo(bool yes);
  Q_INVOKABLE void chooseOption(int index);  // single choice
  Q_INVOKABLE void toggleOption(int index);  // multiple choice
  Q_INVOKABLE void answerNoneOfThese();       // multiple choice: an explicit "none"
  Q_INVOKABLE void answerNumber(const QString& text);
  Q_INVOKABLE void answerText(const QString& text);  // dates (YYYY-MM-DD) and free text
  Q_INVOKABLE void answerDontKnow();
  Q_INVOKABLE void answerPreferNotToSay();
  Q_INVOKABLE void next();
  Q_INVOKABLE void back();
  Q_INVOKABLE void goToQuestion(const QString& questionId);
  Q_INVOKABLE void goToFirstUnanswered();
  Q_INVOKABLE void showSummary();
  Q_INVOKABLE void showEmergency();
  Q_INVOKABLE void leaveEmergency();
  Q_INVOKABLE void saveNotes(const QString& notes);
  Q_INVOKABLE void submitTo(const QString& caseworker);
  Q_INVOKABLE void close();

 signals:
  void changed();
  void closed();  // back to the case list

 private:
  void give(const rules::Answer& answer);
  void open(screening::Screening s, std::optional<int> at, const QString& view);
  void refresh_assessment();
  void fail(const QString& message);
  void forget();
  [[nodiscard]] const rules::Answer* current_answer() const;
  [[nodiscard]] QString problem_text(rules::AnswerProblem problem) const;

  AccessController& access_;
  const rules::RulePack& pack_;
  std::optional<screening::Screening> screening_;
  std::optional<rules::Assessment> assessment_;
  int current_ = -1;  // pack index of the question on screen
  QString view_, save_state_, problem_, notes_, last_error_, notice_;
  QVariantMap return_note_;
  bool editable_ = true;
  // Kept across a lock: where to come back to. Never any content.
  struct Place {
    std::int64_t case_id = 0;
    int question = -1;
    QString view;
  };
  std::optional<Place> place_;
};

}  // namespace waymark::app
