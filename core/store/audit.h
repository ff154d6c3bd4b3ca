#pragma once
// The audit trail: who did what to which case, when; never any content. Each event's hash covers the
// previous event's hash, so verify() catches an edited, deleted, inserted or reordered event. The
// hash is keyed with a key derived from the database key: it cannot be recomputed without unlocking.
// Limits (docs/security.md): someone who can unlock can rewrite the whole chain; cutting events off
// the END, or rolling back the whole file, is not detected by the chain.
#include <SQLiteCpp/Database.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crypto/secret.h"

namespace waymark::store {

enum class AuditAction : int {
  store_created = 1,
  user_added = 2,
  passphrase_changed = 3,
  passphrase_reset = 4,  // with the recovery code
  unlocked = 5,
  case_created = 10,
  answer_saved = 11,
  notes_saved = 12,
  assessment_saved = 13,
  case_viewed = 14,
  cases_listed = 15,
  case_submitted = 16,
  case_returned = 17,
  case_approved = 18,
  case_closed = 19,
  case_exported = 20,
  cases_purged = 21,  // detail: how many cases were deleted (never which)
  statistics_read = 22,
  backup_made = 30,
  restored = 31,
  verified = 32,
  setting_changed = 33,  // detail: the setting's code and new value (kSelfApprovalSetting * 2 + on)
  retention_changed = 34,  // detail: the retention period in days; 0: off
  access_denied = 40,
};

struct AuditEvent {
  std::int64_t seq = 0;
  std::int64_t time_ms = 0;
  std::int64_t user_id = 0;  // 0: the recovery code
  int action = 0;
  std::optional<std::int64_t> case_id;
  std::optional<std::int64_t> subject_id;  // the account an account event is about (user_added)
  std::optional<std::int64_t> detail;      // user_added: the roles given, as a bit set (roles.h codes)
  std::array<std::uint8_t, 32> prev_hash{};
  std::array<std::uint8_t, 32> hash{};
};

struct AuditCheck {
  bool ok = true;
  std::int64_t events = 0;
  std::int64_t first_bad_seq = 0;  // when !ok
  std::string problem;             // when !ok: "event 7: hash does not match"
};

class AuditLog {
 public:
  // `database_key` is used only to derive the chain's own key.
  AuditLog(SQLite::Database& db, const crypto::Secret& database_key);

  // Appends one event; call inside the transaction of the change it records.
  void append(std::int64_t time_ms, std::int64_t user_id, AuditAction action,
              std::optional<std::int64_t> case_id = std::nullopt,
              std::optional<std::int64_t> subject_id = std::nullopt,
              std::optional<std::int64_t> detail = std::nullopt);
  [[nodiscard]] AuditCheck verify() const;
  [[nodiscard]] std::vector<AuditEvent> events() const;
  // Newest first: up to `limit` events with seq < `before_seq` (0: from the newest), of one case if given.
  [[nodiscard]] std::vector<AuditEvent> page(std::optional<std::int64_t> case_id, std::int64_t before_seq,
                                             int limit) const;

 private:
  [[nodiscard]] std::array<std::uint8_t, 32> hash_of(const AuditEvent& e) const;
  SQLite::Database& db_;
  crypto::Secret key_;
};

}  // namespace waymark::store
