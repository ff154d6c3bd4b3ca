#include "audit_words.h"

#include <QCoreApplication>

namespace waymark::app {

QString audit_action_text(const store::AuditEvent& e) {
  using A = store::AuditAction;
  const auto tr = [](const char* text) { return QCoreApplication::translate("audit", text); };
  switch (static_cast<A>(e.action)) {
    case A::store_created: return tr("store created");
    case A::user_added: return tr("account added");
    case A::passphrase_changed: return tr("passphrase changed");
    case A::passphrase_reset: return tr("passphrase reset with the recovery code");
    case A::unlocked: return tr("store unlocked");
    case A::case_created: return tr("case started");
    case A::answer_saved: return tr("answer saved");
    case A::notes_saved: return tr("notes saved");
    case A::assessment_saved: return tr("assessment saved");
    case A::case_viewed: return tr("case read");
    case A::cases_listed: return tr("case list read");
    case A::case_submitted: return tr("case submitted");
    case A::case_returned: return tr("case returned");
    case A::case_approved: return tr("case approved");
    case A::case_closed: return tr("case closed");
    case A::case_exported: return tr("case exported");
    case A::cases_purged:
      return QCoreApplication::translate("audit", "%n closed case(s) deleted after the retention period", "",
                                         static_cast<int>(e.detail.value_or(0)));
    case A::statistics_read: return tr("figures read");
    case A::backup_made: return tr("backup made");
    case A::restored: return tr("restored from a backup");
    case A::verified: return tr("store checked");
    case A::setting_changed: return tr("setting changed");
    case A::retention_changed:
      return e.detail.value_or(0) > 0
                 ? QCoreApplication::translate("audit", "retention period set to %n day(s)", "",
                                               static_cast<int>(*e.detail))
                 : tr("retention period turned off");
    case A::access_denied: return tr("refused: not allowed");
  }
  return tr("event %1").arg(e.action);
}

}  // namespace waymark::app
