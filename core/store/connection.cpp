#include "store/connection.h"

#include <SQLiteCpp/Statement.h>

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

#include "log/log.h"
#include "store/engine.h"

namespace waymark::store {
namespace fs = std::filesystem;

namespace {

bool is_disk_full(int e) { return e == ENOSPC || e == EDQUOT || e == EFBIG; }
bool is_read_only(int e) { return e == EROFS || e == EACCES || e == EPERM; }

std::string folder_of(const fs::path& file) {
  const fs::path parent = file.parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

}  // namespace

StoreError file_error(int e, const fs::path& path, std::string_view doing) {
  const std::string what(doing);
  if (is_disk_full(e))
    return {Errc::disk_full, "not saved: the disk holding " + folder_of(path) + " is full (" + what +
                                 "); nothing already saved was lost"};
  if (is_read_only(e))
    return {Errc::read_only, "not saved: " + folder_of(path) + " cannot be written (read-only folder "
                                 "or file; " + what + "); nothing already saved was lost"};
  if (e == ENOENT) return {Errc::io, "cannot " + what + ": " + path.string() + " does not exist"};
  return {Errc::io, "cannot " + what + " (" + path.string() + "): " + std::strerror(e)};
}

StoreError Connection::translate(const SQLite::Exception& e, std::string_view doing) const {
  return translate(e, doing, file_);
}

StoreError Connection::translate(const SQLite::Exception& e, std::string_view doing, const fs::path& about) const {
  const int code = e.getErrorCode();
  const int sys = db_ ? engine::system_errno(db_->getHandle()) : 0;
  log::debug("store: sqlite error {} (extended {}, errno {}) while {}", code, e.getExtendedErrorCode(), sys,
             log::Safe{doing});
  switch (code) {
    case kSqliteNotADb:
    case kSqliteCorrupt:
      return {Errc::damaged, std::string(kDamagedMessage) + " (" + about.string() + ")"};
    case kSqliteFull:
      return file_error(ENOSPC, about, doing);
    case kSqliteReadOnly:
    case kSqlitePerm:
      return file_error(EROFS, about, doing);
    case kSqliteCantOpen:
    case kSqliteIoErr:
      if (sys == ENOSPC || sys == EDQUOT || sys == EFBIG) return file_error(sys, about, doing);
      // SQLite may retry other files after the first failure, so errno alone can mislead: ask the
      // file system whether this user may write the folder at all.
      if (::access(folder_of(about).c_str(), W_OK) != 0 && (errno == EACCES || errno == EROFS || errno == EPERM))
        return file_error(EACCES, about, doing);
      if (sys != 0) return file_error(sys, about, doing);
      return {Errc::io, "cannot " + std::string(doing) + " (" + about.string() + "): input/output error"};
    case kSqliteBusy:
      return {Errc::io, "the case store is busy (another Waymark is writing to it): try again"};
    default:
      return {Errc::io, "cannot " + std::string(doing) + " (" + about.string() + "): database error " +
                            std::to_string(code)};
  }
}

Connection::Connection(const fs::path& file, const crypto::Secret& key, OpenMode mode) : file_(file) {
  const int flags = mode == OpenMode::create ? (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE)
                                             : SQLite::OPEN_READWRITE;
  if (mode == OpenMode::existing) {
    std::error_code ec;
    if (!fs::exists(file, ec)) throw StoreError(Errc::no_store, "no case store at " + file.string());
    // Shorter than one page: SQLite would take it for a new, empty database and write a header into
    // it. Refused before SQLite sees it, so nothing is written.
    const auto size = fs::file_size(file, ec);
    if (!ec && size < kMinDatabaseBytes)
      throw StoreError(Errc::damaged, std::string(kDamagedMessage) + " (" + file.string() + " is " +
                                          std::to_string(size) + " bytes long: too short to be a case store)");
  }
  try {
    db_ = std::make_unique<SQLite::Database>(file.string(), flags, 5000);
  } catch (const SQLite::Exception& e) {
    const int sys = errno;
    if (e.getErrorCode() == kSqliteCantOpen && sys != 0) throw file_error(sys, file, "open the case store");
    throw translate(e, "open the case store");
  }
  // Key exactly once, before anything reads the file; then prove the key by reading.
  engine::set_key(db_->getHandle(), key);
  try {
    SQLite::Statement probe(*db_, "SELECT count(*) FROM sqlite_master");
    probe.executeStep();
  } catch (const SQLite::Exception& e) {
    if (mode == OpenMode::existing && e.getErrorCode() == kSqliteNotADb)
      // The key came from a keyslot that opened, yet it does not decrypt the file: either the file is
      // damaged or the keyslot file belongs to another database.
      throw StoreError(Errc::damaged, std::string(kDamagedMessage) + " (" + file.string() +
                                          "), or the keyslot file " + file.string() +
                                          ".keys may not belong to this database: check that the two "
                                          "files were kept together");
    throw translate(e, "read the case store");
  }
  try {
    // A new file frees pages at each commit (no free list): every page then belongs to a table or
    // index, so integrity_check reads (and SQLCipher authenticates) every page of the file.
    if (mode == OpenMode::create) db_->exec("PRAGMA auto_vacuum = FULL");
    // journal_mode returns the mode in force; on a read-only folder WAL cannot be set up.
    SQLite::Statement wal(*db_, "PRAGMA journal_mode = WAL");
    if (!wal.executeStep() || wal.getColumn(0).getString() != "wal")
      throw StoreError(Errc::read_only, "cannot open the case store for writing: " + file.parent_path().string() +
                                            " does not allow the write-ahead log; nothing was changed");
    db_->exec("PRAGMA synchronous = FULL");
    db_->exec("PRAGMA foreign_keys = ON");
    db_->exec("PRAGMA secure_delete = ON");
    db_->exec("PRAGMA temp_store = MEMORY");
    // 32 MiB of decrypted pages (SQLCipher's default is 2,000 pages of 1 KiB): with a hundred thousand
    // cases a page of the desk's lists otherwise reads and decrypts the same pages again and again.
    db_->exec("PRAGMA cache_size = -32768");
  } catch (const SQLite::Exception& e) {
    throw translate(e, "open the case store");
  }
}

void check_header_encrypted(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  char header[16] = {};
  in.read(header, sizeof header);
  if (in.gcount() == 16 && std::memcmp(header, "SQLite format 3", 16) == 0)
    throw StoreError(Errc::self_test,
                     "refusing to run: " + file.string() + " is NOT encrypted (plain SQLite header)");
}

void check_no_plain_sqlite_loaded() {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line))
    if (line.find("libsqlite3") != std::string::npos)
      throw StoreError(Errc::self_test,
                       "refusing to run: plain libsqlite3 is loaded into this process beside SQLCipher");
}

void Connection::self_test(PageCheck pages) {
  if (engine::encrypts()) {
    bool has_cipher = false;
    try {
      SQLite::Statement v(*db_, "PRAGMA cipher_version");
      has_cipher = v.executeStep() && !v.getColumn(0).getString().empty();
    } catch (const SQLite::Exception&) {
      has_cipher = false;
    }
    if (!has_cipher)
      throw StoreError(Errc::self_test, "refusing to run: the database engine is not SQLCipher "
                                        "(PRAGMA cipher_version returned nothing)");
    check_header_encrypted(file_);
    check_no_plain_sqlite_loaded();
  }
  if (pages == PageCheck::none) return;
  const bool full = pages == PageCheck::full;
  try {
    SQLite::Statement check(*db_, full ? "PRAGMA integrity_check" : "PRAGMA quick_check");
    if (!check.executeStep() || check.getColumn(0).getString() != "ok") {
      log::error("store: {} failed", log::Safe{full ? "integrity_check" : "quick_check"});
      throw StoreError(Errc::damaged, std::string(kDamagedMessage) + " (" + file_.string() + ")");
    }
  } catch (const SQLite::Exception& e) {
    throw translate(e, "check the case store");
  }
}

const char* errc_name(Errc code) {
  switch (code) {
    case Errc::wrong_passphrase: return "wrong_passphrase";
    case Errc::throttled: return "throttled";
    case Errc::weak_passphrase: return "weak_passphrase";
    case Errc::no_store: return "no_store";
    case Errc::keyslots_missing: return "keyslots_missing";
    case Errc::already_exists: return "already_exists";
    case Errc::damaged: return "damaged";
    case Errc::too_new: return "too_new";
    case Errc::read_only: return "read_only";
    case Errc::disk_full: return "disk_full";
    case Errc::io: return "io";
    case Errc::self_test: return "self_test";
    case Errc::denied: return "denied";
    case Errc::not_found: return "not_found";
    case Errc::invalid: return "invalid";
  }
  return "unknown";
}

}  // namespace waymark::store
