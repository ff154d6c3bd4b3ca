#pragma once
// Audit events in plain words for the audit views: what happened, never any content.
#include <QString>

#include "store/audit.h"

namespace waymark::app {

// "answer saved", "case returned", "store unlocked", ...
[[nodiscard]] QString audit_action_text(const store::AuditEvent& e);

}  // namespace waymark::app
