#pragma once
// One keyed connection to the case store. Opening it: open (never creating unless asked), set the key
// exactly once, read to prove the key, then WAL + synchronous=FULL + foreign keys, set explicitly on
// every connection. Errors come out as StoreError with a specific code.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "crypto/secret.h"
#include "store/errors.h"

namespace waymark::store {

enum class OpenMode { existing, create };

class Connection {
 public:
  Connection(const std::filesystem::path& file, const crypto::Secret& key, OpenMode mode);

  [[nodiscard]] SQLite::Database& db() { return *db_; }
  [[nodiscard]] const std::filesystem::path& file() const { return file_; }

  // The self-test: refuses (StoreError self_test) if the engine is not SQLCipher (`cipher_version`
  // missing), the header is plaintext, or libsqlite3 is mapped into the process; then reports damage
  // (StoreError damaged) if the page check fails: `quick_check` reads every page, `integrity_check`
  // also checks every index entry (verify and backups); `none` leaves the pages to SQLCipher, which
  // authenticates each one whenever it is read.
  enum class PageCheck { none, quick, full };
  void self_test(PageCheck pages);

  // A StoreError for an SQLite exception on this connection; `doing` says what was attempted.
  [[nodiscard]] StoreError translate(const SQLite::Exception& e, std::string_view doing) const;
  // The same, naming `about` (e.g. a backup file being written) instead of the database file.
  [[nodiscard]] StoreError translate(const SQLite::Exception& e, std::string_view doing,
                                     const std::filesystem::path& about) const;

 private:
  std::filesystem::path file_;
  std::unique_ptr<SQLite::Database> db_;
};

// A StoreError for an errno from a file operation on `path`.
[[nodiscard]] StoreError file_error(int error_number, const std::filesystem::path& path, std::string_view doing);

// Plain checks shared with backups: the first 16 bytes are not "SQLite format 3\0" (throws self_test);
// no libsqlite3 in /proc/self/maps (throws self_test).
void check_header_encrypted(const std::filesystem::path& file);
void check_no_plain_sqlite_loaded();

// SQLite result codes used to classify errors (sqlite3.h is kept out of the shared code).
// SQLCipher's page size (3.x default): a case store is never shorter than one page.
inline constexpr std::uintmax_t kMinDatabaseBytes = 1024;

inline constexpr int kSqliteBusy = 5, kSqliteReadOnly = 8, kSqliteIoErr = 10, kSqliteCorrupt = 11,
                     kSqliteFull = 13, kSqliteCantOpen = 14, kSqlitePerm = 3, kSqliteNotADb = 26,
                     kSqliteAuth = 23;

}  // namespace waymark::store
