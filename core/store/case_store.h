#pragma once
// CaseStore: the encrypted case store, unlocked by one user, with every service checking that user's
// roles. Each method either completes (and has committed, durably) or throws StoreError. Its parts
// (accounts, cases, reviews, statistics, retention, backups) are small handles on the open store,
// each in its own header; CaseStore itself opens, creates and restores stores, holds the settings
// and checks the whole store.
//
// Files: <db> (SQLCipher, WAL; also <db>-wal and <db>-shm while open) and <db>.keys (keyslots, JSON).
// The database key is random; each user's passphrase and the recovery code wrap it (crypto/keyslot.h).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/kdf.h"
#include "crypto/secret.h"
#include "store/accounts.h"
#include "store/audit.h"
#include "store/backups.h"
#include "store/cases.h"
#include "store/clock.h"
#include "store/errors.h"
#include "store/records.h"
#include "store/retention.h"
#include "store/reviews.h"
#include "store/roles.h"
#include "store/statistics.h"

namespace waymark::store {

class Connection;
struct StoreState;

class CaseStore {
 public:
  struct Created;

  // A new store at `db` (refused if `db` or its keyslot file exists) with one account holding
  // `admin_roles`, and a recovery code to show once. `kdf`: parameters for the new keyslots.
  [[nodiscard]] static Created create(const std::filesystem::path& db, std::string_view admin_name,
                                      Roles admin_roles, const crypto::Secret& passphrase,
                                      const crypto::KdfParams& kdf, const Clock& clock);

  // Unlocks as `user`. Wrong passphrase and unknown user give the same error; after 5 wrong
  // passphrases for a user, further attempts must wait (1 s doubling to 15 min; Errc::throttled).
  [[nodiscard]] static CaseStore open(const std::filesystem::path& db, std::string_view user,
                                      const crypto::Secret& passphrase, const Clock& clock);

  // Sets a new passphrase for `user` using the recovery code (someone who forgot theirs).
  static void reset_passphrase(const std::filesystem::path& db, const crypto::Secret& recovery_code,
                               std::string_view user, const crypto::Secret& new_passphrase,
                               const crypto::KdfParams& kdf, const Clock& clock);

  // Replaces the store at `db` with the backup at `from` after checking the backup fully. `user` and
  // `passphrase` must unlock the backup (its keyslots are those of backup time) and be admin or
  // supervisor there. The replaced files are kept as <db>.replaced-<time>[-wal|-shm|.keys].
  static void restore(const std::filesystem::path& db, const std::filesystem::path& from, std::string_view user,
                      const crypto::Secret& passphrase, const Clock& clock);

  CaseStore(CaseStore&&) noexcept;
  CaseStore& operator=(CaseStore&&) noexcept;
  ~CaseStore();

  [[nodiscard]] const User& user() const;

  // The store's parts: handles valid while this CaseStore is.
  [[nodiscard]] Accounts accounts();
  [[nodiscard]] Cases cases();
  [[nodiscard]] Reviews reviews();
  [[nodiscard]] Statistics statistics();
  [[nodiscard]] Retention retention();
  [[nodiscard]] Backups backups();

  // Store settings. Self-approval: whether a supervisor may approve a case they created themselves;
  // off by default (a second person reviews every case). Changed by an admin; recorded in the audit.
  void set_self_approval(bool allowed);
  [[nodiscard]] bool self_approval_allowed();

  // Self-test, full integrity check, whole pages, audit chain, keyslots against accounts (every
  // account has one). Admin or supervisor. Throws on any problem.
  VerifyReport verify();

  // The audit trail, newest first: `limit` events before `before_seq` (0: from the newest), of one
  // case when `case_id` is given (anyone who may read it) or of the whole store (admin or supervisor).
  [[nodiscard]] std::vector<AuditEntry> audit_page(std::optional<std::int64_t> case_id, std::int64_t before_seq = 0,
                                                   int limit = 100);
  // The audit trail (for tests and `store verify`); no content in it.
  [[nodiscard]] std::vector<AuditEvent> audit_events();
  // The raw connection, for tests that tamper with the file.
  [[nodiscard]] Connection& connection_for_tests();

  using State = StoreState;  // internal (store_internal.h)

 private:
  explicit CaseStore(std::unique_ptr<State> state);
  std::unique_ptr<State> s_;
};

struct CaseStore::Created {
  CaseStore store;
  crypto::Secret recovery_code;  // show once; it unlocks the store like a passphrase
};

}  // namespace waymark::store
