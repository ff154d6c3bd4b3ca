#pragma once
// CaseStore: the encrypted case store, unlocked by one user, with every service checking that user's
// roles. Each method either completes (and has committed, durably) or throws StoreError.
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
#include "store/audit.h"
#include "store/clock.h"
#include "store/errors.h"
#include "store/roles.h"

namespace waymark::store {

class Connection;

struct User {
  std::int64_t id = 0;
  std::string name;
  Roles roles = 0;
  std::int64_t created_ms = 0;
};

struct PackRef {
  std::string id, version, sha256;
};

struct CaseSummary {
  std::int64_t id = 0;
  std::string reference;  // random, e.g. "WM-7K2M-9QXD"; never derived from content
  std::int64_t owner_id = 0;
  std::string owner_name;
  std::optional<std::int64_t> assigned_to;
  CaseStatus status = CaseStatus::draft;
  PackRef pack;
  std::int64_t created_ms = 0, updated_ms = 0;
  std::string band;  // list_cases(): the band of the stored assessment ("" until assessed)
};

struct SavedAnswer {
  std::string question_id;
  std::string value_json;  // the answer as in an answers file (rules::answer_to_json)
  std::int64_t saved_by = 0;
  std::int64_t saved_ms = 0;
};

struct CaseRecord {
  CaseSummary summary;
  std::vector<SavedAnswer> answers;  // the latest answer to each question, in the order first given
  std::int64_t answer_history = 0;   // answer rows kept, including replaced ones
  std::string notes;
  std::optional<std::string> assessment_json;  // the latest assessment snapshot
};

struct VerifyReport {
  std::string engine_version;  // e.g. "3.4.1 community"
  int schema_version = 0;
  std::int64_t audit_events = 0;
  std::int64_t cases = 0;
  std::int64_t keyslots = 0;
  std::int64_t orphan_keyslots = 0;  // keyslots left by an add-user that failed (no account; harmless)
  // The file's length matched its pages exactly (checked at unlock when no one else had it open).
  bool whole_file_checked = false;
};

struct BackupReport {
  std::filesystem::path file;  // the new backup (and file + ".keys")
  std::int64_t cases = 0, answers = 0, audit_events = 0;
  int generations_kept = 0;
};

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

  // Accounts (admin). The new passphrase is checked against the passphrase rules.
  User add_user(std::string_view name, Roles roles, const crypto::Secret& passphrase, const crypto::KdfParams& kdf);
  [[nodiscard]] std::vector<User> users();
  // Rewraps the current user's own keyslot with a new passphrase; nothing is re-encrypted.
  void change_passphrase(const crypto::Secret& new_passphrase, const crypto::KdfParams& kdf);

  // Store settings. Self-approval: whether a supervisor may approve a case they created themselves;
  // off by default (a second person reviews every case). Changed by an admin; recorded in the audit.
  void set_self_approval(bool allowed);
  [[nodiscard]] bool self_approval_allowed();

  // Self-test, full integrity check, whole pages, audit chain, keyslots against accounts (every
  // account has one). Admin or supervisor. Throws on any problem.
  VerifyReport verify();

  // Cases. Every call is one transaction, committed before it returns, with its audit event.
  CaseSummary create_case(const PackRef& pack);
  // A new case with its answers (question id, value JSON; in this order) and its assessment, in ONE
  // transaction with the same audit events as one by one: on any failure (a full disk) no case exists.
  struct NewAnswer {
    std::string question_id;
    std::string value_json;
  };
  CaseSummary create_case_with_answers(const PackRef& pack, const std::vector<NewAnswer>& answers,
                                       std::string_view assessment_json);
  void save_answer(std::int64_t case_id, std::string_view question_id, std::string_view value_json);
  void save_notes(std::int64_t case_id, std::string_view notes);
  void save_assessment(std::int64_t case_id, std::string_view assessment_json);
  [[nodiscard]] std::vector<CaseSummary> list_cases();
  [[nodiscard]] CaseRecord read_case(std::int64_t case_id);
  [[nodiscard]] CaseRecord export_case(std::int64_t case_id);
  void submit(std::int64_t case_id, std::string_view caseworker);
  void return_case(std::int64_t case_id);
  void approve(std::int64_t case_id);
  void close_case(std::int64_t case_id);

  // An encrypted backup (same key) at `to`, with `to`.keys; older backups at `to`.1, `to`.2, ...
  // (`generations` in all). Made in a temporary file, reopened and verified before it replaces
  // anything. Never produces plaintext.
  BackupReport backup(const std::filesystem::path& to, int generations = 3);

  // The audit trail (for tests and `store verify`); no content in it.
  [[nodiscard]] std::vector<AuditEvent> audit_events();
  // The raw connection, for tests that tamper with the file.
  [[nodiscard]] Connection& connection_for_tests();

  struct State;  // internal (store_internal.h)

 private:
  explicit CaseStore(std::unique_ptr<State> state);
  std::unique_ptr<State> s_;
};

struct CaseStore::Created {
  CaseStore store;
  crypto::Secret recovery_code;  // show once; it unlocks the store like a passphrase
};

}  // namespace waymark::store
