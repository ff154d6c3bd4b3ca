// The one translation unit that talks to SQLCipher's own API (security-notes: keep this header away
// from the SQLiteCpp headers). The key is passed as a raw 256-bit key, "x'<64 hex digits>'", which
// SQLCipher uses directly (no PBKDF2): the key is already random. The text is built in locked memory
// and wiped after use; SQLCipher 3.4.1 keeps its own copy in its codec context until the connection
// closes.
#define SQLITE_HAS_CODEC 1
#include <sqlcipher/sqlite3.h>

#include <stdexcept>

#include "store/engine.h"

namespace waymark::store::engine {

void set_key(sqlite3* handle, const crypto::Secret& key32) {
  if (key32.size() != 32) throw std::runtime_error("database key must be 32 bytes");
  const crypto::Secret text = crypto::raw_key_literal(key32);  // wiped when it goes out of scope
  if (sqlite3_key(handle, text.data(), static_cast<int>(text.size() - 1)) != SQLITE_OK)
    throw std::runtime_error("sqlite3_key failed");
}

bool encrypts() { return true; }

int system_errno(sqlite3* handle) { return handle ? sqlite3_system_errno(handle) : 0; }

std::string library_version() { return sqlite3_libversion(); }

}  // namespace waymark::store::engine
