#include "store/case_store.h"

#include <SQLiteCpp/Statement.h>
#include <sodium.h>

#include <algorithm>
#include <set>
#include <cctype>
#include <utility>
#include <vector>
#include <system_error>

#include "crypto/passphrase_policy.h"
#include "log/log.h"
#include "store/engine.h"
#include "store/files.h"
#include "store/case_rows.h"
#include "store/schema.h"
#include "store/store_internal.h"
#include "text/utf8.h"

namespace waymark::store {
namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kUnlockPageCheckMaxBytes = 64ull << 20;

bool present(const fs::path& p) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(p, ec));
}

StoreError slot_damaged(const fs::path& keys_file) {
  return StoreError(Errc::damaged, std::string(kDamagedMessage) + " (" + keys_file.string() +
                                       ": this account's keyslot has key derivation settings out of bounds)");
}

}  // namespace

// User names are shown in lists and audit exports: printable, no spaces at the ends, 1-64 bytes of
// valid UTF-8 with no invisible controls (a bidi override or zero-width space would let one name look
// exactly like another).
void check_user_name(std::string_view name) {
  bool ok = !name.empty() && name.size() <= 64 && name.front() != ' ' && name.back() != ' ';
  for (char c : name) ok = ok && static_cast<unsigned char>(c) >= 0x20 && c != 0x7f;
  if (!ok) throw StoreError(Errc::invalid, "a user name must be 1 to 64 printable characters");
  if (text::first_invalid_utf8(name))
    throw StoreError(Errc::invalid, "a user name must be valid UTF-8 text");
  if (text::has_invisible_control(name))
    throw StoreError(Errc::invalid, "a user name must not hold invisible characters (direction controls, "
                                    "zero-width spaces): they let one name look like another");
}

void check_new_passphrase(const crypto::Secret& passphrase, std::string_view user) {
  if (auto problem = crypto::passphrase_problem(passphrase, user))
    throw StoreError(Errc::weak_passphrase, *problem);
}

crypto::KeyslotFile load_keyslots(const fs::path& keys_file) {
  const auto text = read_whole_file(keys_file);
  if (!text)
    throw StoreError(Errc::keyslots_missing, "the keyslot file " + keys_file.string() +
                                                 " is missing: restore it from backup (the case store "
                                                 "cannot be unlocked without it)");
  try {
    return crypto::parse_keyslots(*text);
  } catch (const std::runtime_error& e) {
    log::error("store: keyslot file unreadable");
    throw StoreError(Errc::damaged, std::string(kDamagedMessage) + " (" + keys_file.string() + ": " + e.what() + ")");
  }
}

crypto::Keyslot* find_account_slot(crypto::KeyslotFile& file, std::int64_t id, std::string_view name) {
  crypto::Keyslot* slot = file.find_user(name);
  return slot != nullptr && slot->user_id == id ? slot : nullptr;
}

User read_user(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db, "SELECT id, name, roles, created_ms FROM users WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) throw StoreError(Errc::not_found, "this account is not in the case store");
  User u;
  u.id = q.getColumn(0).getInt64();
  u.name = q.getColumn(1).getString();
  u.roles = parse_roles(q.getColumn(2).getString()).value_or(0);
  u.created_ms = q.getColumn(3).getInt64();
  return u;
}

std::string random_hex(std::size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string out(bytes * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
  out.pop_back();
  return out;
}

void StoreState::deny(std::optional<std::int64_t> case_id, const std::string& message) {
  try {
    write("record a refusal", [&] { audit->append(now(), user.id, AuditAction::access_denied, case_id); });
  } catch (const StoreError&) {
    // The refusal stands even if it could not be recorded.
  }
  log::info("store: access denied (user {}, case {})", user.id, case_id.value_or(0));
  throw StoreError(Errc::denied, "not allowed: " + message);
}

UnlockedSlot unlock_keyslot(const fs::path& keys_file, std::string_view name, const crypto::Secret& passphrase,
                            const Clock& clock, bool record_failures) {
  // Under the keyslot file's lock: re-read, check the wait, and count this attempt as a failure
  // BEFORE the (slow) key derivation, so parallel or killed attempts are all counted. A success
  // undoes the count afterwards, again under the lock.
  crypto::KeyslotFile file;
  std::optional<crypto::Keyslot> slot;
  {
    const FileLock lock = record_failures ? FileLock::exclusive_waiting(keyslot_lock_path(keys_file)) : FileLock();
    file = load_keyslots(keys_file);
    if (crypto::Keyslot* found = file.find_user(name)) {
      if (!found->kdf.valid()) throw slot_damaged(keys_file);
      if (const std::int64_t wait = crypto::required_wait_ms(*found, clock.now_unix_ms()); wait > 0)
        throw StoreError(Errc::throttled, "too many wrong passphrases: wait " +
                                              std::to_string(wait / 1000 + (wait % 1000 != 0 ? 1 : 0)) +
                                              " s and try again");
      slot = *found;
      if (record_failures) {
        crypto::count_attempt(*found, clock.now_unix_ms());
        try {
          write_file_atomically(keys_file, crypto::serialise_keyslots(file));
        } catch (const StoreError&) {
          // Counting failures is a speed bump; a read-only folder must not hide the real answer.
        }
      }
    }
  }
  if (!slot) {
    // The same work and the same answer as a wrong passphrase, at a fixed cost that nothing in the
    // keyslot file can change: user names are not confirmed by timing, and no unlock can hang.
    const crypto::Secret salt = crypto::Secret::random(crypto::kSaltBytes);
    (void)crypto::derive_key(passphrase, std::span<const std::uint8_t>(salt.data(), salt.size()),
                             crypto::KdfParams::dummy());
    throw StoreError(Errc::wrong_passphrase, "wrong user name or passphrase");
  }
  auto key = crypto::open_keyslot(*slot, file.store_id, passphrase);
  if (!key) {
    log::warn("store: wrong passphrase (counted; {} earlier failures for this account)", slot->failures);
    throw StoreError(Errc::wrong_passphrase, "wrong user name or passphrase");
  }
  if (record_failures) {
    try {
      update_keyslots(keys_file, [&](crypto::KeyslotFile& now) {
        crypto::Keyslot* mine = find_account_slot(now, slot->user_id, slot->name);
        if (mine == nullptr || (mine->failures == 0 && mine->last_failure_ms == 0)) return false;
        mine->failures = 0;
        mine->last_failure_ms = 0;
        return true;
      });
    } catch (const StoreError&) {
    }
  }
  slot->failures = 0;
  slot->last_failure_ms = 0;
  return {std::move(*key), std::move(file), std::move(*slot)};
}

namespace {

constexpr int kRecoveryCopiesKept = 3;

// Copies the database and its write-ahead log (both encrypted) aside before SQLite replays the log:
// <db>.db-recovery-<ms> and <db>.wal-recovery-<ms>; keeps the newest few pairs. Best effort.
void keep_recovery_copy(const fs::path& db, std::int64_t now_ms) {
  const std::string stamp = std::to_string(now_ms);
  const fs::path db_copy = db.string() + ".db-recovery-" + stamp;
  const fs::path wal_copy = db.string() + ".wal-recovery-" + stamp;
  std::error_code ec;
  try {
    fs::remove(db_copy, ec);
    fs::remove(wal_copy, ec);
    copy_file_synced(db, db_copy);
    copy_file_synced(db.string() + "-wal", wal_copy);
    fsync_folder(db.parent_path());
  } catch (const StoreError& e) {
    log::warn("store: could not keep a copy of the database and its write-ahead log before replaying it ({})",
              log::Safe{errc_name(e.code())});
    fs::remove(db_copy, ec);
    fs::remove(wal_copy, ec);
  }
  // Prune: the newest kRecoveryCopiesKept stamps stay.
  const fs::path folder = db.parent_path().empty() ? fs::path(".") : db.parent_path();
  const std::string name = db.filename().string();
  std::vector<std::pair<std::int64_t, fs::path>> copies;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string f = entry.path().filename().string();
    for (const char* kind : {".db-recovery-", ".wal-recovery-"}) {
      const std::string prefix = name + kind;
      if (f.size() > prefix.size() && f.compare(0, prefix.size(), prefix) == 0) {
        try {
          copies.emplace_back(std::stoll(f.substr(prefix.size())), entry.path());
        } catch (const std::exception&) {
        }
      }
    }
  }
  std::vector<std::int64_t> stamps;
  for (const auto& c : copies) stamps.push_back(c.first);
  std::sort(stamps.begin(), stamps.end());
  stamps.erase(std::unique(stamps.begin(), stamps.end()), stamps.end());
  if (stamps.size() <= static_cast<std::size_t>(kRecoveryCopiesKept)) return;
  const std::int64_t oldest_kept = stamps[stamps.size() - kRecoveryCopiesKept];
  for (const auto& c : copies)
    if (c.first < oldest_kept) fs::remove(c.second, ec);
}

// Takes the store's shared lock. When nobody else has the store open, a non-empty write-ahead log is
// left over from a crash: it is copied aside and its frames checked BEFORE SQLite replays it (SQLite
// drops every frame after a damaged one without a word). `sole_clean`: nobody else has the store
// open and no frame of the log will be replayed; the lock is then still EXCLUSIVE, for the caller to
// check the file's length against its pages before downgrading it.
FileLock lock_and_check_wal(const fs::path& db, const Clock& clock, bool& sole_clean) {
  sole_clean = false;
  if (auto sole = FileLock::try_exclusive(db)) {
    const fs::path wal = db.string() + "-wal";
    const WalCheck w = check_wal(wal);
    if (w.bytes > 0) {
      log::info("store: write-ahead log left from an interrupted session ({} valid frames, {} committed)",
                w.valid_frames, w.committed_frames);
      keep_recovery_copy(db, clock.now_unix_ms());
    }
    if (w.damaged) {
      log::error("store: write-ahead log damaged at frame {}", w.first_bad_frame);
      throw StoreError(Errc::damaged, std::string(kDamagedMessage) + " (" + wal.string() + ": " + w.problem +
                                          "; nothing was replayed; copies of both files were kept as " +
                                          db.filename().string() + ".db-recovery-* and .wal-recovery-*)");
    }
    if (w.valid_frames == 0) sole_clean = true;
    else sole->downgrade();
    return std::move(*sole);
  }
  if (auto shared = FileLock::shared(db)) return std::move(*shared);
  return {};  // could not even open the file: the connection reports why
}

}  // namespace

void check_whole_pages(Connection& conn, const fs::path& db, bool exact) {
  std::int64_t page_size = 0, page_count = 0;
  try {
    page_size = conn.db().execAndGet("PRAGMA page_size").getInt64();
    page_count = conn.db().execAndGet("PRAGMA page_count").getInt64();
  } catch (const SQLite::Exception& e) {
    throw conn.translate(e, "check the case store");
  }
  std::error_code ec;
  const auto size = static_cast<std::int64_t>(fs::file_size(db, ec));
  if (ec || page_size <= 0) return;  // the connection has just read the file: nothing to add here
  if (size % page_size != 0)
    throw StoreError(Errc::damaged, std::string(kDamagedMessage) + " (" + db.string() + " is " + std::to_string(size) +
                                        " bytes long, not a whole number of " + std::to_string(page_size) +
                                        "-byte pages: bytes were cut off or added)");
  if (exact && size != page_count * page_size)
    throw StoreError(Errc::damaged, std::string(kDamagedMessage) + " (" + db.string() + " is " + std::to_string(size) +
                                        " bytes long but its database holds " + std::to_string(page_count) + " pages of " +
                                        std::to_string(page_size) + " bytes: " +
                                        (size > page_count * page_size ? "bytes were added after the last page)"
                                                                       : "pages were cut off)"));
}

std::unique_ptr<CaseStore::State> open_state(const fs::path& db, crypto::Secret key, const std::string& store_id,
                                             const crypto::Keyslot& slot, const Clock& clock) {
  auto s = std::make_unique<CaseStore::State>();
  s->db = db;
  s->clock = &clock;
  s->key = std::move(key);
  s->store_id = store_id;
  {
    std::error_code ec;
    const auto size = fs::file_size(db, ec);
    if (!ec && size < kMinDatabaseBytes)  // before anything (even a recovery copy) touches it
      throw StoreError(Errc::damaged, std::string(kDamagedMessage) + " (" + db.string() + " is " +
                                          std::to_string(size) + " bytes long: too short to be a case store)");
  }
  bool sole_clean = false;
  s->lock = lock_and_check_wal(db, clock, sole_clean);
  s->conn = std::make_unique<Connection>(db, s->key, OpenMode::existing);
  // Reading every page at unlock costs about 3 s per GiB: done while the store is small (up to some
  // 4,000 cases), when it is cheap. A larger store relies on SQLCipher authenticating each page as it
  // is read (a damaged page fails the read that meets it, and no write can replace a page unread),
  // and on verify and backups, which read everything (docs/security.md).
  {
    std::error_code ec;
    const auto size = fs::file_size(db, ec);
    s->conn->self_test(!ec && size <= kUnlockPageCheckMaxBytes ? Connection::PageCheck::quick
                                                               : Connection::PageCheck::none);
  }
  // SQLite ignores bytes after the database's last page and a checkpoint would silently cut them off:
  // checked while no one else can write (the database is then all in this file), before anything is.
  check_whole_pages(*s->conn, db, sole_clean);
  s->whole_file_checked = sole_clean;
  if (sole_clean) s->lock.downgrade();
  try {
    // Checked before any migration writes: the schema exists (version 0 would mean an empty file that
    // SQLite took for a new database: schema version 1 is built only by create()), the file is not
    // from a newer Waymark, and it is the database the keyslot file belongs to.
    const int version = current_version(s->conn->db());
    if (version == 0)
      throw StoreError(Errc::damaged, std::string(kDamagedMessage) + " (" + db.string() +
                                          " holds no case store: it is empty or was not made by Waymark)");
    if (version > schema_version()) migrate(s->conn->db(), migrations());  // throws too_new, writes nothing
    {
      SQLite::Statement q(s->conn->db(), "SELECT value FROM meta WHERE key = 'store_id'");
      if (!q.executeStep() || q.getColumn(0).getString() != store_id)
        throw StoreError(Errc::damaged, std::string(kDamagedMessage) + " (the keyslot file belongs to another case store)");
    }
    migrate(s->conn->db(), migrations());
    if (slot.kind == crypto::Keyslot::Kind::recovery) s->user = User{0, "recovery code", 0, 0};
    else s->user = read_user(s->conn->db(), slot.user_id);
  } catch (const SQLite::Exception& e) {
    throw s->conn->translate(e, "open the case store");
  }
  if (slot.kind == crypto::Keyslot::Kind::passphrase &&
      (s->user.name != slot.name || roles_to_string(s->user.roles) != slot.roles))
    throw StoreError(Errc::damaged, std::string(kDamagedMessage) + " (an account does not match its keyslot)");
  s->audit = std::make_unique<AuditLog>(s->conn->db(), s->key);
  return s;
}

CaseStore::CaseStore(std::unique_ptr<State> state) : s_(std::move(state)) {}
CaseStore::CaseStore(CaseStore&&) noexcept = default;
CaseStore& CaseStore::operator=(CaseStore&&) noexcept = default;
CaseStore::~CaseStore() = default;

const User& CaseStore::user() const { return s_->user; }
Connection& CaseStore::connection_for_tests() { return *s_->conn; }

CaseStore::Created CaseStore::create(const fs::path& db, std::string_view admin_name, Roles admin_roles,
                                     const crypto::Secret& passphrase, const crypto::KdfParams& kdf,
                                     const Clock& clock) {
  crypto::init_sodium();
  check_user_name(admin_name);
  if ((admin_roles & kAdmin) == 0 || (admin_roles & ~kAllRoles) != 0)
    throw StoreError(Errc::invalid, "the first account must have the admin role");
  check_new_passphrase(passphrase, admin_name);
  const fs::path keys = keyslot_path(db);
  if (present(db) || present(keys) || present(fs::path(db.string() + "-wal")))
    throw StoreError(Errc::already_exists, "a case store already exists at " + db.string() +
                                               ": nothing was changed (it is never overwritten)");
  {
    const fs::path folder = db.parent_path().empty() ? fs::path(".") : db.parent_path();
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
      throw StoreError(Errc::io, "cannot create the case store: the folder " + folder.string() +
                                     (fs::exists(folder, ec) ? " is not a folder" : " does not exist"));
  }
  // Built under a temporary name; only a complete, verified store is renamed into place.
  const fs::path tmp = db.string() + ".init-tmp";
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(tmp.string() + suffix, ec);

  crypto::Secret key = crypto::Secret::random(crypto::kKeyBytes);
  const std::string store_id = random_hex(16);
  const std::int64_t now = clock.now_unix_ms();
  crypto::KeyslotFile file;
  file.store_id = store_id;
  crypto::Secret recovery = crypto::make_recovery_code();
  try {
    {
      create_private_file(tmp);  // 0600 whatever the umask; SQLite gives -wal and -shm the same mode
      Connection conn(tmp, key, OpenMode::create);
      try {
        migrate(conn.db(), migrations());
        SQLite::Transaction tx(conn.db(), SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement meta(conn.db(), "INSERT INTO meta (key, value) VALUES ('store_id', ?), ('created_ms', ?)");
        meta.bind(1, store_id);
        meta.bind(2, std::to_string(now));
        meta.exec();
        SQLite::Statement user(conn.db(), "INSERT INTO users (id, name, roles, created_ms) VALUES (1, ?, ?, ?)");
        user.bind(1, std::string(admin_name));
        user.bind(2, roles_to_string(admin_roles));
        user.bind(3, now);
        user.exec();
        AuditLog audit(conn.db(), key);
        audit.append(now, 1, AuditAction::store_created);
        audit.append(now, 1, AuditAction::user_added, std::nullopt, 1, static_cast<std::int64_t>(admin_roles));
        tx.commit();
        conn.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
      } catch (const SQLite::Exception& e) {
        throw conn.translate(e, "create the case store");
      }
      conn.self_test(Connection::PageCheck::full);
    }
    if (present(fs::path(tmp.string() + "-wal")))
      throw StoreError(Errc::io, "could not finish writing the new case store");
    file.slots.push_back(crypto::make_keyslot(crypto::Keyslot::Kind::passphrase, 1, admin_name,
                                              roles_to_string(admin_roles), store_id, passphrase, key, kdf));
    file.slots.push_back(crypto::make_keyslot(crypto::Keyslot::Kind::recovery, 0, "", "", store_id,
                                              crypto::normalise_recovery_code(recovery), key, kdf));
    write_file_atomically(keys, crypto::serialise_keyslots(file));
    try {
      rename_synced(tmp, db);
    } catch (...) {
      fs::remove(keys, ec);
      throw;
    }
  } catch (...) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(tmp.string() + suffix, ec);
    throw;
  }
  log::info("store: created (schema {})", schema_version());
  auto state = open_state(db, std::move(key), store_id, file.slots.front(), clock);
  return {CaseStore(std::move(state)), std::move(recovery)};
}

CaseStore CaseStore::open(const fs::path& db, std::string_view user, const crypto::Secret& passphrase,
                          const Clock& clock) {
  crypto::init_sodium();
  if (!present(db)) {
    if (present(fs::path(db.string() + "-wal")))
      throw StoreError(Errc::damaged, std::string(kDamagedMessage) + " (" + db.string() +
                                          " is missing but its write-ahead log is there)");
    throw StoreError(Errc::no_store, "no case store at " + db.string() +
                                         " (create one with 'waymark-cli store init')");
  }
  UnlockedSlot unlocked = unlock_keyslot(keyslot_path(db), user, passphrase, clock, true);
  auto state = open_state(db, std::move(unlocked.key), unlocked.file.store_id, unlocked.slot, clock);
  CaseStore store(std::move(state));
  store.s_->write("record the unlock", [&] {
    store.s_->audit->append(store.s_->now(), store.s_->user.id, AuditAction::unlocked);
  });
  log::debug("store: unlocked (user {})", store.s_->user.id);
  return store;
}

void CaseStore::reset_passphrase(const fs::path& db, const crypto::Secret& recovery_code, std::string_view user,
                                 const crypto::Secret& new_passphrase, const crypto::KdfParams& kdf,
                                 const Clock& clock) {
  crypto::init_sodium();
  if (!present(db)) throw StoreError(Errc::no_store, "no case store at " + db.string());
  check_new_passphrase(new_passphrase, user);  // before an attempt is spent on the code
  const fs::path keys = keyslot_path(db);
  crypto::KeyslotFile file;
  crypto::Keyslot recovery;
  {
    // As for passphrases (unlock_keyslot): the attempt is counted under the lock before deriving.
    const FileLock lock = FileLock::exclusive_waiting(keyslot_lock_path(keys));
    file = load_keyslots(keys);
    crypto::Keyslot* slot = file.recovery();
    if (slot == nullptr) throw StoreError(Errc::wrong_passphrase, "wrong recovery code");
    if (!slot->kdf.valid()) throw slot_damaged(keys);
    if (const std::int64_t wait = crypto::required_wait_ms(*slot, clock.now_unix_ms()); wait > 0)
      throw StoreError(Errc::throttled, "too many wrong recovery codes: wait " +
                                            std::to_string(wait / 1000 + (wait % 1000 != 0 ? 1 : 0)) +
                                            " s and try again");
    recovery = *slot;
    crypto::count_attempt(*slot, clock.now_unix_ms());
    try {
      write_file_atomically(keys, crypto::serialise_keyslots(file));
    } catch (const StoreError&) {
    }
  }
  auto key = crypto::open_keyslot(recovery, file.store_id, crypto::normalise_recovery_code(recovery_code));
  if (!key) throw StoreError(Errc::wrong_passphrase, "wrong recovery code");
  try {
    update_keyslots(keys, [](crypto::KeyslotFile& now) {
      crypto::Keyslot* r = now.recovery();
      if (r == nullptr) return false;
      r->failures = 0;
      r->last_failure_ms = 0;
      return true;
    });
  } catch (const StoreError&) {
  }
  auto state = open_state(db, std::move(*key), file.store_id, recovery, clock);
  const crypto::Keyslot* target = file.find_user(user);
  if (target == nullptr) throw StoreError(Errc::not_found, "no such user");
  const std::int64_t user_id = target->user_id;
  const std::string name = target->name, roles = target->roles;
  const crypto::Keyslot fresh = crypto::make_keyslot(crypto::Keyslot::Kind::passphrase, user_id, name, roles,
                                                     file.store_id, new_passphrase, state->key, kdf);
  state->write("reset a passphrase", [&] {
    state->audit->append(state->now(), 0, AuditAction::passphrase_reset, std::nullopt);
    // The keyslot file is replaced inside the transaction: if it cannot be written, nothing is recorded.
    update_keyslots(keys, [&](crypto::KeyslotFile& now) {
      crypto::Keyslot* slot = find_account_slot(now, user_id, name);
      if (slot == nullptr || slot->roles != roles)
        throw StoreError(Errc::io, "the keyslot file changed meanwhile: nothing was changed; try again");
      *slot = fresh;
      return true;
    });
  });
  log::info("store: passphrase reset with the recovery code (user {})", user_id);
}

VerifyReport CaseStore::verify() {
  State& s = *s_;
  if (!may_maintain(s.user.roles)) s.deny(std::nullopt, "only an admin or supervisor can verify the store");
  s.conn->self_test(Connection::PageCheck::full);
  check_whole_pages(*s.conn, s.db, false);
  VerifyReport r;
  r.whole_file_checked = s.whole_file_checked;
  try {
    SQLite::Database& db = s.conn->db();
    if (engine::encrypts()) r.engine_version = db.execAndGet("PRAGMA cipher_version").getString();
    r.engine_version += " (SQLite " + engine::library_version() + ")";
    r.schema_version = current_version(db);
    SQLite::Statement fk(db, "PRAGMA foreign_key_check");
    if (fk.executeStep())
      throw StoreError(Errc::damaged, std::string(kDamagedMessage) + " (broken references between records)");
    const AuditCheck chain = s.audit->verify();
    if (!chain.ok) {
      log::error("store: audit chain broken at event {}", chain.first_bad_seq);
      throw StoreError(Errc::damaged, std::string(kDamagedMessage) + " (" + chain.problem + ")");
    }
    r.audit_events = chain.events;
    r.cases = db.execAndGet("SELECT count(*) FROM cases").getInt64();
    const fs::path keys = keyslot_path(s.db);
    const crypto::KeyslotFile file = load_keyslots(keys);
    std::set<std::int64_t> with_slot;
    for (const auto& slot : file.slots) {
      ++r.keyslots;
      if (!slot.kdf.valid())
        throw StoreError(Errc::damaged, std::string(kDamagedMessage) + " (" + keys.string() + ": a keyslot has key "
                                            "derivation settings out of bounds)");
      if (slot.kind != crypto::Keyslot::Kind::passphrase) continue;
      SQLite::Statement q(db, "SELECT 1 FROM users WHERE id = ?");
      q.bind(1, slot.user_id);
      if (!q.executeStep()) {  // left by an add-user whose commit failed; dropped by the next one
        ++r.orphan_keyslots;
        continue;
      }
      const User u = read_user(db, slot.user_id);
      if (u.name != slot.name || roles_to_string(u.roles) != slot.roles)
        throw StoreError(Errc::damaged, std::string(kDamagedMessage) + " (an account does not match its keyslot)");
      with_slot.insert(slot.user_id);
    }
    // Every account must be able to unlock: an account row without its keyslot is a lost keyslot.
    SQLite::Statement accounts(db, "SELECT id FROM users ORDER BY id");
    while (accounts.executeStep()) {
      const std::int64_t id = accounts.getColumn(0).getInt64();
      if (with_slot.count(id) == 0)
        throw StoreError(Errc::damaged, std::string(kDamagedMessage) + " (account " + std::to_string(id) +
                                            " has no keyslot in " + keys.string() +
                                            ": it cannot be unlocked; restore the keyslot file from a backup)");
    }
  } catch (const SQLite::Exception& e) {
    throw s.conn->translate(e, "verify the case store");
  }
  s.write("record the check", [&] { s.audit->append(s.now(), s.user.id, AuditAction::verified); });
  return r;
}

Accounts CaseStore::accounts() { return Accounts(*s_); }
Cases CaseStore::cases() { return Cases(*s_); }
Reviews CaseStore::reviews() { return Reviews(*s_); }
Statistics CaseStore::statistics() { return Statistics(*s_); }
Retention CaseStore::retention() { return Retention(*s_); }
Backups CaseStore::backups() { return Backups(*s_); }

std::vector<AuditEntry> CaseStore::audit_page(std::optional<std::int64_t> case_id, std::int64_t before_seq, int limit) {
  State& s = *s_;
  if (limit < 1 || limit > 1000) throw StoreError(Errc::invalid, "an audit page holds 1 to 1000 events");
  auto page = s.write("read the audit trail", [&]() -> std::optional<std::vector<AuditEntry>> {
    if (case_id) {
      const auto c = find_case(s.conn->db(), *case_id);
      if (!c) throw StoreError(Errc::not_found, "no such case");
      if (!may_read(s.user.id, s.user.roles, access_of(*c))) return std::nullopt;
    } else if (!may_maintain(s.user.roles)) {
      return std::nullopt;
    }
    std::vector<AuditEntry> out;
    SQLite::Statement who(s.conn->db(), "SELECT name FROM users WHERE id = ?");
    SQLite::Statement ref(s.conn->db(), "SELECT reference FROM cases WHERE id = ?");
    for (AuditEvent& e : s.audit->page(case_id, before_seq, limit)) {
      AuditEntry entry{std::move(e), "", ""};
      if (entry.event.user_id == 0) {
        entry.user_name = "recovery code";
      } else {
        who.reset();
        who.bind(1, entry.event.user_id);
        if (who.executeStep()) entry.user_name = who.getColumn(0).getString();
      }
      if (entry.event.case_id) {
        ref.reset();
        ref.bind(1, *entry.event.case_id);
        if (ref.executeStep()) entry.case_reference = ref.getColumn(0).getString();
      }
      out.push_back(std::move(entry));
    }
    return out;
  });
  if (!page)
    s.deny(case_id, case_id ? "this case is not yours, not submitted to you, or you are not a supervisor"
                            : "only an admin or supervisor can read the store's audit trail");
  return std::move(*page);
}

std::vector<AuditEvent> CaseStore::audit_events() {
  try {
    return s_->audit->events();
  } catch (const SQLite::Exception& e) {
    throw s_->conn->translate(e, "read the audit trail");
  }
}

}  // namespace waymark::store
