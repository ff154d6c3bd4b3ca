#include "retention_controller.h"

#include <QLocale>

#include "access_controller.h"
#include "store/errors.h"
#include "time_text.h"

namespace waymark::app {

RetentionController::RetentionController(AccessController& access, QObject* parent)
    : QObject(parent), access_(access) {
  connect(&access_, &AccessController::aboutToLock, this, [this] {
    forget_plan();
    period_days_ = 0;
    last_result_.clear();
    last_error_.clear();
    emit changed();
  });
}

void RetentionController::forget_plan() {
  plan_.reset();
  planned_.clear();
  plan_text_.clear();
}

void RetentionController::refresh() {
  store::CaseStore* store = access_.store();
  if (store == nullptr) return;
  try {
    period_days_ = store->retention().period_days().value_or(0);
  } catch (const store::StoreError& e) {
    last_error_ = QString::fromUtf8(e.what());
  }
  emit changed();
}

void RetentionController::setPeriodDays(int days) {
  store::CaseStore* store = access_.store();
  if (store == nullptr) return;
  last_error_.clear();
  last_result_.clear();
  forget_plan();
  try {
    store->retention().set_period_days(days > 0 ? std::optional<int>(days) : std::nullopt);
    period_days_ = std::max(days, 0);
    last_result_ = days > 0 ? tr("Closed cases are kept for %n day(s) after closing.", "", days)
                            : tr("Retention is off: closed cases are kept until deleted by hand.");
  } catch (const store::StoreError& e) {
    last_error_ = QString::fromUtf8(e.what());
  }
  emit changed();
}

void RetentionController::plan() {
  store::CaseStore* store = access_.store();
  if (store == nullptr) return;
  last_error_.clear();
  last_result_.clear();
  forget_plan();
  try {
    if (store->retention().period_days()) {
      plan_ = store->retention().plan_by_period();
      for (const auto& c : plan_->cases)
        planned_ << QVariantMap{{"reference", QString::fromStdString(c.reference)},
                                {"closed", local_time(c.closed_ms)},
                                {"owner", QString::fromStdString(c.owner_name)}};
      const QLocale locale;
      plan_text_ = plan_->cases.empty()
                       ? tr("No closed case is older than the retention period: nothing would be deleted.")
                       : tr("%1 closed case(s) closed before %2 would be deleted, with %3 answers and %4 review "
                            "decisions. This cannot be undone; backups made before keep them.")
                             .arg(locale.toString(static_cast<qint64>(plan_->cases.size())),
                                  local_time(plan_->closed_before_ms), locale.toString(plan_->answers),
                                  locale.toString(plan_->reviews));
    } else {
      plan_text_ = tr("Retention is off: set a period first.");
    }
  } catch (const store::StoreError& e) {
    last_error_ = QString::fromUtf8(e.what());
  }
  emit changed();
}

void RetentionController::purge() {
  store::CaseStore* store = access_.store();
  if (store == nullptr || !plan_) return;
  last_error_.clear();
  try {
    const store::PurgeReport r = store->retention().purge(*plan_);
    last_result_ = tr("Deleted %n closed case(s).", "", static_cast<int>(r.cases));
    forget_plan();
    emit purged();
  } catch (const store::StoreError& e) {
    last_error_ = QString::fromUtf8(e.what());
    forget_plan();
  }
  emit changed();
}

}  // namespace waymark::app
