#pragma once
// Argon2id (libsodium crypto_pwhash, ALG_ARGON2ID13): passphrase -> 256-bit key-wrapping key.
// The parameters are chosen once, by calibration on the machine that creates a keyslot, and stored in
// the slot, so a slot keeps opening with the cost it was made with.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>

#include "crypto/secret.h"

namespace waymark::crypto {

inline constexpr std::size_t kKeyBytes = 32;
inline constexpr std::size_t kSaltBytes = 16;  // crypto_pwhash_SALTBYTES

struct KdfParams {
  std::uint64_t opslimit = 3;
  std::uint64_t memlimit = 256u << 20;  // bytes

  friend bool operator==(const KdfParams&, const KdfParams&) = default;

  // The cheapest parameters libsodium accepts. For the test suite only: the CLI passes them when
  // WAYMARK_TEST_FAST_KDF=1 is set, so that hundreds of unlocks take milliseconds.
  [[nodiscard]] static KdfParams fast_for_tests();
  // The fixed cost spent on an unknown user name (so that it takes about as long as a wrong
  // passphrase), whatever the keyslot file says: the defaults above.
  [[nodiscard]] static KdfParams dummy() { return {}; }
  // True if libsodium accepts them AND they are within what Waymark ever writes (kMaxOpslimit,
  // kMaxMemlimit, kMaxWork): an edited or damaged keyslot file cannot make an unlock take hours.
  [[nodiscard]] bool valid() const;
};

// Bounds on the parameters read from a keyslot file. calibrate_kdf stays far inside them (at most
// 64 passes, 256 MiB by default); kMaxWork bounds passes x memory, about a minute of Argon2id here.
inline constexpr std::uint64_t kMaxOpslimit = 64;
inline constexpr std::uint64_t kMaxMemlimit = 1024ull << 20;
inline constexpr std::uint64_t kMaxWork = 64 * (256ull << 20);  // opslimit * memlimit, in bytes

// Nanoseconds from a monotonic clock; injected so that core reads no clock itself.
using MonotonicNs = std::function<std::int64_t()>;

// Finds parameters whose derivation takes between `min_seconds` and about `max_seconds` here: memory
// first (64 MiB doubling to `max_memory`, 256 MiB by default so that small laptops cope), then
// passes. A few derivations, about 1-3 s in all.
[[nodiscard]] KdfParams calibrate_kdf(const MonotonicNs& now, double min_seconds = 0.5,
                                      double max_seconds = 1.0,
                                      std::uint64_t max_memory = 256ull << 20);

// Derives kKeyBytes from the passphrase; throws std::runtime_error if memory runs out.
[[nodiscard]] Secret derive_key(const Secret& passphrase, std::span<const std::uint8_t> salt,
                                const KdfParams& params);

}  // namespace waymark::crypto
