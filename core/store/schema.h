#pragma once
// The case store's schema as ordered migrations (PRAGMA user_version = the last step applied).
// Each step runs in its own transaction; a table that changes shape is rebuilt (create new, copy,
// drop, rename the new one), since SQLite 3.15 cannot rename or drop columns. A database whose
// version is newer than this program is refused, never touched.
#include <SQLiteCpp/Database.h>

#include <functional>
#include <span>

namespace waymark::store {

struct Migration {
  int version;  // user_version after this step
  const char* what;
  // Runs inside the step's transaction.
  std::function<void(SQLite::Database&)> apply;
  // Rebuild steps need foreign keys off around the transaction (SQLite's 12-step procedure).
  bool rebuilds_tables = false;
};

[[nodiscard]] std::span<const Migration> migrations();
[[nodiscard]] int schema_version();  // the newest version this program knows

[[nodiscard]] int current_version(SQLite::Database& db);

// Applies every step above the database's version. Throws StoreError too_new if the database is
// newer than this program; lets SQLite::Exception through otherwise (the caller translates it).
// `up_to` stops early (tests of the migration path).
void migrate(SQLite::Database& db, std::span<const Migration> steps, int up_to = 1 << 30);

}  // namespace waymark::store
