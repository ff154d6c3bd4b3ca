#pragma once
// A keyslot: the database key wrapped by one passphrase (or the recovery code).
//   wrapping key = Argon2id(passphrase, salt, params stored in the slot)
//   wrapped      = XChaCha20-Poly1305(wrapping key, random nonce, database key,
//                                     associated data = store id, kind, user id, name, roles, KDF params)
// Editing any bound field (say, a role) breaks the slot: it then opens for no passphrase at all.
// The failure counter and time are NOT bound: they are rewritten after each wrong passphrase and only
// slow down guessing through the program (an attacker with the file runs Argon2 directly).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/kdf.h"
#include "crypto/secret.h"

namespace waymark::crypto {

struct Keyslot {
  enum class Kind { passphrase, recovery };
  Kind kind = Kind::passphrase;
  std::int64_t user_id = 0;  // 0 for the recovery slot
  std::string name;          // user name; empty for the recovery slot
  std::string roles;         // e.g. "admin,supervisor"; empty for the recovery slot
  KdfParams kdf;
  std::array<std::uint8_t, kSaltBytes> salt{};
  std::array<std::uint8_t, 24> nonce{};
  std::vector<std::uint8_t> wrapped;  // 32-byte key + 16-byte tag
  int failures = 0;                   // wrong passphrases since the last success
  std::int64_t last_failure_ms = 0;   // unix time in ms of the last wrong passphrase
};

struct KeyslotFile {
  static constexpr int kFormat = 1;
  std::string store_id;  // 32 hex digits, also stored in the database
  std::vector<Keyslot> slots;

  [[nodiscard]] Keyslot* find_user(std::string_view name);
  [[nodiscard]] Keyslot* recovery();
};

// Wraps `database_key` for this passphrase with a fresh salt and nonce.
[[nodiscard]] Keyslot make_keyslot(Keyslot::Kind kind, std::int64_t user_id, std::string_view name,
                                   std::string_view roles, std::string_view store_id,
                                   const Secret& passphrase, const Secret& database_key,
                                   const KdfParams& kdf);

// The database key, or nothing if the passphrase is wrong (or a bound field was edited).
[[nodiscard]] std::optional<Secret> open_keyslot(const Keyslot& slot, std::string_view store_id,
                                                 const Secret& passphrase);

// Growing delays after repeated wrong passphrases: none for the first 5, then 1 s doubling to 15 min.
// Defined for every value a keyslot file can hold (failures up to INT_MAX, any times): saturates.
[[nodiscard]] std::int64_t required_wait_ms(const Keyslot& slot, std::int64_t now_ms);
inline constexpr int kFreeAttempts = 5;
// Counts one attempt against the slot (failures + 1, saturating; last failure = now). Done BEFORE the
// key derivation, so that an attempt killed or still running counts, and undone by a success.
void count_attempt(Keyslot& slot, std::int64_t now_ms);

// The file's text (JSON). parse_keyslots throws std::runtime_error naming what is malformed (never a
// value from the file); it accepts any size of file, but numbers only within their field's range.
[[nodiscard]] std::string serialise_keyslots(const KeyslotFile& file);
[[nodiscard]] KeyslotFile parse_keyslots(std::string_view text);

// A recovery code: 160 random bits as 32 base32 letters in groups of four ("ABCD-EFGH-...").
[[nodiscard]] Secret make_recovery_code();
// Upper-cases and drops separators, so that the code may be typed with or without dashes.
[[nodiscard]] Secret normalise_recovery_code(const Secret& typed);

}  // namespace waymark::crypto
