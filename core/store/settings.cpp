#include "store/settings.h"

#include <SQLiteCpp/Statement.h>

#include "store/case_store.h"
#include "store/store_internal.h"

namespace waymark::store {
namespace {
constexpr const char* kSelfApprovalKey = "allow_self_approval";
constexpr int kSelfApprovalSetting = 1;
}  // namespace

std::optional<std::string> read_setting(SQLite::Database& db, const std::string& key) {
  SQLite::Statement q(db, "SELECT value FROM meta WHERE key = ?");
  q.bind(1, key);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

void write_setting(SQLite::Database& db, const std::string& key, const std::string& value) {
  SQLite::Statement set(db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
  set.bind(1, key);
  set.bind(2, value);
  set.exec();
}

// Anything but "1" (or no row at all) means off.
bool self_approval_setting(SQLite::Database& db) { return read_setting(db, kSelfApprovalKey) == "1"; }

void CaseStore::set_self_approval(bool allowed) {
  State& s = *s_;
  if (!may_manage_users(s.user.roles)) s.deny(std::nullopt, "only an admin can change store settings");
  s.write("change a store setting", [&] {
    write_setting(s.conn->db(), kSelfApprovalKey, allowed ? "1" : "0");
    s.audit->append(s.now(), s.user.id, AuditAction::setting_changed, std::nullopt, std::nullopt,
                    std::int64_t{kSelfApprovalSetting * 2 + (allowed ? 1 : 0)});
  });
}

bool CaseStore::self_approval_allowed() {
  try {
    return self_approval_setting(s_->conn->db());
  } catch (const SQLite::Exception& e) {
    throw s_->conn->translate(e, "read the store settings");
  }
}

}  // namespace waymark::store
