#pragma once
// Retention for supervisors: the store's period for closed cases (off by default), the list of what
// a purge would delete, and the purge of exactly that list.
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <optional>

#include "store/retention.h"

namespace waymark::app {

class AccessController;

class RetentionController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("made by the app")
  Q_PROPERTY(int periodDays READ periodDays NOTIFY changed)  // 0: off
  // [{reference, closed, owner}] of the plan shown; empty until planned
  Q_PROPERTY(QVariantList planned READ planned NOTIFY changed)
  Q_PROPERTY(QString planText READ planText NOTIFY changed)
  Q_PROPERTY(bool canPurge READ canPurge NOTIFY changed)
  Q_PROPERTY(QString lastResult READ lastResult NOTIFY changed)
  Q_PROPERTY(QString lastError READ lastError NOTIFY changed)

 public:
  explicit RetentionController(AccessController& access, QObject* parent = nullptr);

  [[nodiscard]] int periodDays() const { return period_days_; }
  [[nodiscard]] QVariantList planned() const { return planned_; }
  [[nodiscard]] QString planText() const { return plan_text_; }
  [[nodiscard]] bool canPurge() const { return plan_ && !plan_->cases.empty(); }
  [[nodiscard]] QString lastResult() const { return last_result_; }
  [[nodiscard]] QString lastError() const { return last_error_; }

  Q_INVOKABLE void refresh();
  Q_INVOKABLE void setPeriodDays(int days);  // 0 turns it off
  // Lists what the period would delete now (nothing is deleted).
  Q_INVOKABLE void plan();
  // Deletes exactly the listed cases (refused whole if the list is out of date).
  Q_INVOKABLE void purge();

 signals:
  void changed();
  void purged();

 private:
  void forget_plan();

  AccessController& access_;
  int period_days_ = 0;
  std::optional<store::PurgePlan> plan_;
  QVariantList planned_;
  QString plan_text_, last_result_, last_error_;
};

}  // namespace waymark::app
