#include "statement_log.h"

#define SQLITE_HAS_CODEC 1
#include <sqlcipher/sqlite3.h>

namespace waymark::bench {
namespace {

int record(unsigned type, void* context, void* statement, void*) {
  if (type != SQLITE_TRACE_STMT) return 0;
  char* sql = sqlite3_expanded_sql(static_cast<sqlite3_stmt*>(statement));
  if (sql != nullptr) {
    static_cast<std::vector<std::string>*>(context)->emplace_back(sql);
    sqlite3_free(sql);
  }
  return 0;
}

}  // namespace

StatementLog::StatementLog(sqlite3* handle) : handle_(handle) {
  sqlite3_trace_v2(handle_, SQLITE_TRACE_STMT, record, &sql_);
}

StatementLog::~StatementLog() { sqlite3_trace_v2(handle_, 0, nullptr, nullptr); }

}  // namespace waymark::bench
