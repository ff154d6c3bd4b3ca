#include "crypto/kdf.h"

#include <sodium.h>

#include <stdexcept>

namespace waymark::crypto {

KdfParams KdfParams::fast_for_tests() {
  return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

bool KdfParams::valid() const {
  // Each factor is bounded before the product is taken, so the product cannot overflow.
  return opslimit >= crypto_pwhash_argon2id_OPSLIMIT_MIN && opslimit <= kMaxOpslimit &&
         memlimit >= crypto_pwhash_argon2id_MEMLIMIT_MIN && memlimit <= kMaxMemlimit &&
         opslimit * memlimit <= kMaxWork;
}

Secret derive_key(const Secret& passphrase, std::span<const std::uint8_t> salt, const KdfParams& params) {
  if (salt.size() != crypto_pwhash_SALTBYTES) throw std::invalid_argument("bad salt size");
  if (!params.valid()) throw std::invalid_argument("bad key derivation parameters");
  Secret key(kKeyBytes);
  if (crypto_pwhash(key.data(), key.size(), reinterpret_cast<const char*>(passphrase.data()),
                    passphrase.size(), salt.data(), params.opslimit,
                    static_cast<std::size_t>(params.memlimit), crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("not enough memory to derive the key");
  return key;
}

KdfParams calibrate_kdf(const MonotonicNs& now, double min_seconds, double max_seconds,
                        std::uint64_t max_memory) {
  const Secret probe = Secret::random(16);
  std::uint8_t salt[crypto_pwhash_SALTBYTES] = {};
  KdfParams p{2, 64ull << 20};
  for (int step = 0; step < 12; ++step) {
    const std::int64_t start = now();
    (void)derive_key(probe, salt, p);
    const double seconds = static_cast<double>(now() - start) / 1e9;
    if (seconds >= min_seconds) return p;
    // Too fast: double memory while allowed, else add passes in proportion, keeping under the max.
    if (p.memlimit * 2 <= max_memory && seconds * 2 <= max_seconds) {
      p.memlimit *= 2;
    } else {
      const double per_pass = seconds / static_cast<double>(p.opslimit);
      const auto wanted = static_cast<std::uint64_t>(((min_seconds + max_seconds) / 2) /
                                                     (per_pass > 1e-6 ? per_pass : 1e-6));
      p.opslimit = wanted > p.opslimit ? wanted : p.opslimit + 1;
      if (p.opslimit > 64) p.opslimit = 64;
    }
  }
  return p;
}

}  // namespace waymark::crypto
