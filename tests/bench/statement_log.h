#pragma once
// The SQL each statement of a connection runs, with its bound values, for the desk benchmark's query
// plans (EXPLAIN QUERY PLAN of exactly what the store ran). Kept apart: the one bench file that talks
// to SQLCipher's own API (sqlite3_trace_v2).
#include <string>
#include <vector>

struct sqlite3;

namespace waymark::bench {

class StatementLog {
 public:
  explicit StatementLog(sqlite3* handle);
  ~StatementLog();  // stops recording
  StatementLog(const StatementLog&) = delete;
  StatementLog& operator=(const StatementLog&) = delete;
  [[nodiscard]] const std::vector<std::string>& statements() const { return sql_; }

 private:
  sqlite3* handle_;
  std::vector<std::string> sql_;
};

}  // namespace waymark::bench
