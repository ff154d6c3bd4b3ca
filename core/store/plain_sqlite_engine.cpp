// BENCHMARK ONLY: the same store code over plain libsqlite3, no encryption, to measure what SQLCipher
// costs. Linked only into the store_bench_plain executable (tests/store/CMakeLists.txt); the shipped
// targets link sqlcipher_engine.cpp, and a test checks that waymark-cli does not load libsqlite3.
#include <sqlite3.h>

#include "store/engine.h"

namespace waymark::store::engine {

void set_key(sqlite3*, const crypto::Secret&) {}

bool encrypts() { return false; }

int system_errno(sqlite3* handle) { return handle ? sqlite3_system_errno(handle) : 0; }

std::string library_version() { return sqlite3_libversion(); }

}  // namespace waymark::store::engine
