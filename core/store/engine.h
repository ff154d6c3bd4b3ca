#pragma once
// The few things that depend on which SQLite library is linked. The shipped store links
// sqlcipher_engine.cpp (the only translation unit that includes SQLCipher's header and calls
// sqlite3_key, which only libsqlcipher exports: a plain-SQLite link fails at build time). The
// side-by-side benchmark alone links plain_sqlite_engine.cpp against libsqlite3, in its own executable.
#include <string>

#include "crypto/secret.h"

struct sqlite3;

namespace waymark::store::engine {

// Sets the raw 256-bit key on a freshly opened connection, once. Throws std::runtime_error on failure.
void set_key(sqlite3* handle, const crypto::Secret& key32);
// True for the shipped engine: files are encrypted and the self-test demands it.
[[nodiscard]] bool encrypts();
// errno of the last failed system call on this connection (0 if none), to tell a full disk apart.
[[nodiscard]] int system_errno(sqlite3* handle);
// Library version text, e.g. "3.15.2".
[[nodiscard]] std::string library_version();

}  // namespace waymark::store::engine
