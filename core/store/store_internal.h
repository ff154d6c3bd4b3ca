#pragma once
// Shared by the CaseStore translation units; not part of the store's interface.
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Transaction.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

#include "crypto/keyslot.h"
#include "store/audit.h"
#include "store/case_store.h"
#include "store/connection.h"
#include "store/files.h"

namespace waymark::store {

struct StoreState {
  // Shared flock on the database file for as long as the store is open (a restore needs it exclusive).
  // Declared first: released only after the connection has closed.
  FileLock lock;
  std::filesystem::path db;
  const Clock* clock = nullptr;
  crypto::Secret key;
  std::string store_id;
  std::unique_ptr<Connection> conn;
  std::unique_ptr<AuditLog> audit;
  User user;
  // At open, nobody else had the store open and no log was pending, so the file's length was checked
  // against its pages exactly (check_whole_pages).
  bool whole_file_checked = false;

  [[nodiscard]] std::int64_t now() const { return clock->now_unix_ms(); }

  // Runs `body` in one IMMEDIATE transaction, committed before returning; SQLite errors become
  // StoreErrors saying what was being done.
  template <class Body>
  auto write(std::string_view doing, Body&& body) {
    try {
      SQLite::Transaction tx(conn->db(), SQLite::TransactionBehavior::IMMEDIATE);
      if constexpr (std::is_void_v<decltype(body())>) {
        body();
        tx.commit();
      } else {
        auto result = body();
        tx.commit();
        return result;
      }
    } catch (const SQLite::Exception& e) {
      throw conn->translate(e, doing);
    }
  }

  // Records the refusal in the audit trail (best effort) and throws Errc::denied.
  [[noreturn]] void deny(std::optional<std::int64_t> case_id, const std::string& message);
};

// Account names and new passphrases: refused with Errc::invalid / weak_passphrase.
void check_user_name(std::string_view name);
void check_new_passphrase(const crypto::Secret& passphrase, std::string_view user);
[[nodiscard]] crypto::KeyslotFile load_keyslots(const std::filesystem::path& keys_file);
// The passphrase slot of account `id` named `name`, or nothing.
[[nodiscard]] crypto::Keyslot* find_account_slot(crypto::KeyslotFile& file, std::int64_t id, std::string_view name);
[[nodiscard]] User read_user(SQLite::Database& db, std::int64_t id);

// Runs `change` on the keyslot file as it is NOW (re-read under its exclusive lock) and writes the
// result back before the lock is released, so that no writer replaces the file from a stale copy.
// `change` returns false to leave the file as it is.
template <class Change>
void update_keyslots(const std::filesystem::path& keys_file, Change&& change) {
  const FileLock lock = FileLock::exclusive_waiting(keyslot_lock_path(keys_file));
  crypto::KeyslotFile file = load_keyslots(keys_file);
  if (change(file)) write_file_atomically(keys_file, crypto::serialise_keyslots(file));
}

// Unlocks a keyslot file for `name`. `record_failures`: count wrong passphrases in the file (not done
// for backups, which are never modified).
struct UnlockedSlot {
  crypto::Secret key;
  crypto::KeyslotFile file;
  crypto::Keyslot slot;
};
[[nodiscard]] UnlockedSlot unlock_keyslot(const std::filesystem::path& keys_file, std::string_view name,
                                          const crypto::Secret& passphrase, const Clock& clock,
                                          bool record_failures);

// Opens `db` with `key` for `user_id`, runs the self-test and migrations, checks the store id and the
// account. `expected_name`/`roles` must match the users table.
[[nodiscard]] std::unique_ptr<StoreState> open_state(const std::filesystem::path& db, crypto::Secret key,
                                                           const std::string& store_id,
                                                           const crypto::Keyslot& slot, const Clock& clock);

[[nodiscard]] std::string random_hex(std::size_t bytes);

// Damage unless the database file is a whole number of pages and, if `exact`, exactly the pages the
// database holds (only certain while no one else has it open and no log frame is pending).
void check_whole_pages(Connection& conn, const std::filesystem::path& db, bool exact);

}  // namespace waymark::store
