#include "audit_controller.h"

#include <QLocale>
#include <QMetaObject>

#include "access_controller.h"
#include "audit_words.h"
#include "store/errors.h"
#include "time_text.h"

namespace waymark::app {

AuditController::AuditController(AccessController& access, QObject* parent) : QObject(parent), access_(access) {
  connect(&access_, &AccessController::aboutToLock, this, [this] {
    wait_for_check();  // the store must not close under the check
    events_.clear();
    oldest_seq_ = 0;
    more_ = verified_ok_ = false;
    verification_.clear();
    last_error_.clear();
    emit changed();
  });
  connect(&access_, &AccessController::unlocked, this, [this] { emit changed(); });
}

bool AuditController::allowed() const { return access_.isSupervisor(); }

void AuditController::refresh() {
  events_.clear();
  load(0);
}

void AuditController::loadOlder() {
  if (more_) load(oldest_seq_);
}

void AuditController::load(std::int64_t before_seq) {
  store::CaseStore* store = access_.store();
  if (store == nullptr) return;
  last_error_.clear();
  try {
    const auto page = store->audit_page(std::nullopt, before_seq, kPageSize);
    for (const auto& e : page) {
      // A run of the same action by the same person on the same case (16 answers saved) is one row.
      if (!events_.isEmpty()) {
        QVariantMap last = events_.constLast().toMap();
        if (last.value("who").toString() == QString::fromStdString(e.user_name) &&
            last.value("actionCode").toInt() == e.event.action &&
            last.value("reference").toString() == QString::fromStdString(e.case_reference) &&
            e.event.action != static_cast<int>(store::AuditAction::cases_purged)) {
          const int times = last.value("times").toInt() + 1;
          last["times"] = times;
          last["seq"] = QStringLiteral("%1-%2").arg(e.event.seq).arg(last.value("lastSeq").toLongLong());
          last["action"] = tr("%1 (%2 times)").arg(audit_action_text(e.event)).arg(times);
          events_.last() = last;
          oldest_seq_ = e.event.seq;
          continue;
        }
      }
      events_ << QVariantMap{{"seq", QString::number(e.event.seq)},
                             {"lastSeq", QVariant::fromValue<qint64>(e.event.seq)},
                             {"times", 1},
                             {"actionCode", e.event.action},
                             {"when", local_time(e.event.time_ms)},
                             {"who", QString::fromStdString(e.user_name)},
                             {"action", audit_action_text(e.event)},
                             {"reference", QString::fromStdString(e.case_reference)},
                             {"refused", e.event.action == static_cast<int>(store::AuditAction::access_denied)}};
      oldest_seq_ = e.event.seq;
    }
    more_ = static_cast<int>(page.size()) == kPageSize && oldest_seq_ > 1;
  } catch (const store::StoreError& e) {
    last_error_ = QString::fromUtf8(e.what());
  }
  emit changed();
}

AuditController::~AuditController() { wait_for_check(); }

void AuditController::wait_for_check() {
  if (checker_.joinable()) checker_.join();
}

void AuditController::verify() {
  store::CaseStore* store = access_.store();
  if (store == nullptr || checker_.joinable()) return;
  verified_ok_ = false;
  verification_ = tr("Checking every page of the store...");
  checker_ = std::thread([this, store] {
    bool ok = false;
    QString text;
    try {
      const store::VerifyReport r = store->verify();
      const QLocale locale;
      ok = true;
      text = tr("Checked: every page of the store is intact and unaltered, the audit trail of %1 events is "
                "unbroken, and every account has its key (%2 cases; %3).")
                 .arg(locale.toString(r.audit_events), locale.toString(r.cases),
                      QString::fromStdString(r.engine_version));
    } catch (const store::StoreError& e) {
      text = tr("The check FAILED: %1").arg(QString::fromUtf8(e.what()));
    }
    QMetaObject::invokeMethod(this, [this, ok, text] { checked(ok, text); }, Qt::QueuedConnection);
  });
  emit changed();
}

void AuditController::checked(bool ok, const QString& text) {
  wait_for_check();
  if (access_.store() == nullptr) return;  // locked meanwhile: nothing of it is shown
  verified_ok_ = ok;
  verification_ = text;
  refresh();  // the check itself is now the newest event
}

}  // namespace waymark::app
