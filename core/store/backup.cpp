// Backups that cannot be plaintext: SQLite's backup API (and SQLiteCpp's backup()) would write an
// UNENCRYPTED copy, so the copy is made with SQLCipher's keyed ATTACH + sqlcipher_export() into a
// temporary file, which is reopened with the key and fully checked (encrypted header, integrity, row
// counts, audit chain) before it is renamed into place. Restores copy the encrypted bytes.
#include <SQLiteCpp/Statement.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include <algorithm>
#include <array>
#include <system_error>
#include <vector>

#include "log/log.h"
#include "store/files.h"
#include "store/schema.h"
#include "store/store_internal.h"

namespace waymark::store {
namespace fs = std::filesystem;

namespace {

constexpr std::array<const char*, 5> kCountedTables = {"users", "cases", "answers", "audit", "reviews"};

bool present(const fs::path& p) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(p, ec));
}

fs::path with_suffix(const fs::path& p, const std::string& suffix) { return fs::path(p.string() + suffix); }

fs::path generation(const fs::path& to, int n) {
  return n == 0 ? to : with_suffix(to, "." + std::to_string(n));
}

void remove_quietly(const fs::path& p) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(with_suffix(p, suffix), ec);
}

using RowCounts = std::array<std::int64_t, kCountedTables.size()>;

RowCounts count_rows(SQLite::Database& db, const std::string& schema = "main") {
  RowCounts counts{};
  for (std::size_t i = 0; i < kCountedTables.size(); ++i)
    counts[i] = db.execAndGet("SELECT count(*) FROM " + schema + "." + kCountedTables[i]).getInt64();
  return counts;
}

// One file of the backup set resolves to one of the live store's files: compared after resolving
// ".", ".." and symbolic links (weakly_canonical), and by device and inode where both exist (hard
// links, bind mounts).
bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec1, ec2;
  const fs::path ca = fs::weakly_canonical(fs::absolute(a), ec1);
  const fs::path cb = fs::weakly_canonical(fs::absolute(b), ec2);
  if (!ec1 && !ec2 && ca == cb) return true;
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) {
    const bool same = fs::equivalent(a, b, ec);
    if (!ec && same) return true;
  }
  return false;
}

// Refuses a backup whose files (every generation it would write or rename, with its .keys and the
// -wal/-shm SQLite could create beside it) would be the live database or one of its companions.
void refuse_live_targets(const fs::path& live, const fs::path& target, int generations) {
  const std::vector<fs::path> protected_files = {live, with_suffix(live, "-wal"), with_suffix(live, "-shm"),
                                                 with_suffix(live, "-journal"), keyslot_path(live)};
  for (int n = 0; n < generations; ++n) {  // the files written (n = 0) and renamed (1 .. generations-1)
    const fs::path g = generation(target, n);
    for (const fs::path& t : {g, keyslot_path(g), with_suffix(g, "-wal"), with_suffix(g, "-shm"), with_suffix(g, "-journal")})
      for (const fs::path& p : protected_files)
        if (same_file(t, p))
          throw StoreError(Errc::invalid, "a backup cannot be written over the case store itself (" + t.string() +
                                              " is " + p.string() + "): nothing was written");
  }
}

}  // namespace

BackupReport Backups::make(const fs::path& to, int generations) {
  StoreState& s = *s_;
  // A backup rotates generations: whoever may make one may push the newest good one out.
  if (!may_maintain(s.user.roles)) s.deny(std::nullopt, "only an admin or supervisor can make backups");
  generations = std::clamp(generations, 1, 20);
  std::error_code ec;
  const fs::path target = fs::absolute(to, ec).lexically_normal();
  refuse_live_targets(s.db, target, generations);
  const fs::path folder = target.parent_path();
  if (!fs::is_directory(folder, ec)) throw StoreError(Errc::io, "cannot write the backup: " + folder.string() + " is not a folder");
  const fs::path tmp = folder / ("." + target.filename().string() + ".tmp-" + random_hex(6));
  const fs::path keys = keyslot_path(s.db);
  const auto keyslots = read_whole_file(keys);
  if (!keyslots) throw StoreError(Errc::keyslots_missing, "the keyslot file " + keys.string() + " is missing");

  SQLite::Database& db = s.conn->db();
  RowCounts expected{};
  const int version = current_version(db);
  bool attached = false;
  // ATTACH opens with the main connection's flags, which never include CREATE: make the empty file.
  create_private_file(tmp);
  try {
    const crypto::Secret literal = crypto::raw_key_literal(s.key);
    SQLite::Statement attach(db, "ATTACH DATABASE ? AS waymark_backup KEY ?");
    attach.bind(1, tmp.string());
    attach.bindNoCopy(2, reinterpret_cast<const char*>(literal.data()));
    attach.exec();
    attached = true;
    db.exec("PRAGMA waymark_backup.auto_vacuum = FULL");
    {
      SQLite::Transaction tx(db);  // one snapshot: the counts are those of what is exported
      expected = count_rows(db);
      db.execAndGet("SELECT sqlcipher_export('waymark_backup')");
      db.exec("PRAGMA waymark_backup.user_version = " + std::to_string(version));
      tx.commit();
    }
    db.exec("DETACH DATABASE waymark_backup");
    attached = false;
  } catch (const SQLite::Exception& e) {
    if (attached) {
      try {
        db.exec("DETACH DATABASE waymark_backup");
      } catch (const SQLite::Exception&) {
      }
    }
    remove_quietly(tmp);
    throw s.conn->translate(e, "write the backup", tmp);
  }

  // Reopen the copy with the key and check everything before it replaces anything.
  try {
    {
      Connection copy(tmp, s.key, OpenMode::existing);
      copy.self_test(Connection::PageCheck::full);
      try {
        if (count_rows(copy.db()) != expected || current_version(copy.db()) != version)
          throw StoreError(Errc::io, "the backup copy is incomplete: nothing was replaced");
        const AuditCheck chain = AuditLog(copy.db(), s.key).verify();
        if (!chain.ok) throw StoreError(Errc::io, "the backup copy's audit trail does not check: nothing was replaced");
        copy.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
      } catch (const SQLite::Exception& e) {
        throw copy.translate(e, "check the backup", tmp);
      }
    }
    check_header_encrypted(tmp);
    fsync_file(tmp);
    write_file_atomically(with_suffix(tmp, ".keys"), *keyslots);
  } catch (...) {
    remove_quietly(tmp);
    std::error_code ignored;
    fs::remove(with_suffix(tmp, ".keys"), ignored);
    throw;
  }

  // Keep generations: to -> to.1 -> to.2 ...; the oldest beyond `generations` is replaced.
  for (int n = generations - 1; n >= 1; --n) {
    if (present(generation(target, n - 1))) {
      rename_synced(generation(target, n - 1), generation(target, n));
      if (present(keyslot_path(generation(target, n - 1))))
        rename_synced(keyslot_path(generation(target, n - 1)), keyslot_path(generation(target, n)));
    }
  }
  rename_synced(with_suffix(tmp, ".keys"), keyslot_path(target));
  rename_synced(tmp, target);
  s.write("record the backup", [&] { s.audit->append(s.now(), s.user.id, AuditAction::backup_made); });
  int kept = 0;
  for (int n = 0; n < generations; ++n) kept += present(generation(target, n)) ? 1 : 0;
  log::info("store: backup written ({} cases, {} generations kept)", expected[1], kept);
  return {target, expected[1], expected[2], expected[3], kept};
}

void CaseStore::restore(const fs::path& db, const fs::path& from, std::string_view user,
                        const crypto::Secret& passphrase, const Clock& clock) {
  crypto::init_sodium();
  if (!present(from)) throw StoreError(Errc::no_store, "no backup at " + from.string());
  UnlockedSlot unlocked = unlock_keyslot(keyslot_path(from), user, passphrase, clock, false);
  const auto keyslots = read_whole_file(keyslot_path(from));
  const fs::path tmp = with_suffix(db, ".restore-tmp");
  remove_quietly(tmp);  // only ever our own unfinished copy
  copy_file_synced(from, tmp);
  try {
    auto state = open_state(tmp, crypto::Secret::from(unlocked.key.view()), unlocked.file.store_id,
                            unlocked.slot, clock);
    if (!may_restore(state->user.roles))
      throw StoreError(Errc::denied, "not allowed: only an admin or supervisor can restore a backup");
    state->conn->self_test(Connection::PageCheck::full);
    try {
      const AuditCheck chain = state->audit->verify();
      if (!chain.ok) throw StoreError(Errc::damaged, "the backup is damaged or altered (" + chain.problem + "): nothing was replaced");
      state->conn->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const SQLite::Exception& e) {
      throw state->conn->translate(e, "check the backup", from);
    }
  } catch (const StoreError& e) {
    remove_quietly(tmp);
    if (e.code() == Errc::damaged)
      throw StoreError(Errc::damaged, "the backup " + from.string() + " is damaged or altered: try an older "
                                      "generation; nothing was replaced");
    throw;
  } catch (...) {
    remove_quietly(tmp);
    throw;
  }
  // No one may have the live store open while it is replaced: every open CaseStore holds a shared
  // lock on the database file; this needs it exclusively and waits for no one.
  std::optional<FileLock> exclusive;
  if (present(db)) {
    exclusive = FileLock::try_exclusive(db);
    if (!exclusive) {
      remove_quietly(tmp);
      throw StoreError(Errc::io, "the case store " + db.string() + " is open in another Waymark (or cannot be "
                                 "read): close it and try again; nothing was replaced");
    }
  }
  // The keyslot file's writers wait while it is replaced (an unlock attempt counting a failure would
  // otherwise write the old slots back over the restored ones).
  {
    const FileLock keys_lock = FileLock::exclusive_waiting(keyslot_lock_path(keyslot_path(db)));
    // Keep what is being replaced, never delete it: <db>.replaced-<time> with its -wal, -shm and .keys.
    const std::string aside = ".replaced-" + std::to_string(clock.now_unix_ms());
    for (const char* suffix : {"-wal", "-shm", ""})
      if (present(with_suffix(db, suffix))) rename_synced(with_suffix(db, suffix), with_suffix(db, aside + suffix));
    if (present(keyslot_path(db))) rename_synced(keyslot_path(db), with_suffix(db, aside + ".keys"));
    write_file_atomically(keyslot_path(db), *keyslots);
    rename_synced(tmp, db);
  }  // the keyslot lock is released before anything waits for the database
  exclusive.reset();
  auto state = open_state(db, std::move(unlocked.key), unlocked.file.store_id, unlocked.slot, clock);
  state->write("record the restore", [&] { state->audit->append(state->now(), state->user.id, AuditAction::restored); });
  log::info("store: restored from a backup");
}

}  // namespace waymark::store
