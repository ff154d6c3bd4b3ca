#pragma once
// Store settings kept in the meta table (self-approval, retention period); internal to the store.
#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>

namespace waymark::store {

[[nodiscard]] std::optional<std::string> read_setting(SQLite::Database& db, const std::string& key);
void write_setting(SQLite::Database& db, const std::string& key, const std::string& value);

// Off unless an admin turned it on.
[[nodiscard]] bool self_approval_setting(SQLite::Database& db);

}  // namespace waymark::store
