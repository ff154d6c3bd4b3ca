#pragma once
// What can go wrong with the case store, as values a caller can show. Messages are written for the
// person at the keyboard and never contain case content, answers or passphrases.
#include <stdexcept>
#include <string>

namespace waymark::store {

enum class Errc {
  wrong_passphrase,  // or no such user: the two are not told apart
  throttled,         // too many wrong passphrases: wait
  weak_passphrase,   // refused by the passphrase rules
  no_store,          // the database file does not exist
  keyslots_missing,  // the database exists but its keyslot file does not
  already_exists,    // init/backup would overwrite something
  damaged,           // file damaged or altered: restore from backup
  too_new,           // made by a newer Waymark
  read_only,         // the folder or file cannot be written
  disk_full,         // not saved: no space left
  io,                // any other input/output error
  self_test,         // the encryption self-test failed: refusing to run
  denied,            // the user's roles do not allow this
  not_found,         // no such case or user
  invalid,           // bad input (unknown role, status change not allowed, ...)
};

class StoreError : public std::runtime_error {
 public:
  StoreError(Errc code, const std::string& message) : std::runtime_error(message), code_(code) {}
  [[nodiscard]] Errc code() const { return code_; }

 private:
  Errc code_;
};

// A short stable name for logs and tests ("damaged", "denied", ...).
[[nodiscard]] const char* errc_name(Errc code);

inline constexpr const char* kDamagedMessage = "file damaged or altered: restore from backup";

}  // namespace waymark::store
