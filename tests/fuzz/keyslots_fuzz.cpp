// libFuzzer target: the keyslot file (<db>.keys), as a damaged or edited file would reach an unlock.
// Whatever the bytes, parse_keyslots returns a file or throws std::runtime_error with a short message
// that quotes nothing from the input; a parsed file round-trips exactly through serialise_keyslots; the
// wait after failures is defined (no overflow) and never more than 15 minutes; only bounded KDF
// settings are ever used.
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "crypto/keyslot.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace waymark;
  static const bool ready = [] {
    crypto::init_sodium();
    return true;
  }();
  (void)ready;
  const std::string text(reinterpret_cast<const char*>(data), size);
  crypto::KeyslotFile file;
  try {
    file = crypto::parse_keyslots(text);
  } catch (const std::runtime_error& e) {
    fuzz::check_message(e.what());
    if (std::string(e.what()).size() > 120) std::abort();
    return 0;
  }
  const std::string written = crypto::serialise_keyslots(file);
  if (crypto::serialise_keyslots(crypto::parse_keyslots(written)) != written) std::abort();
  for (crypto::Keyslot slot : file.slots) {
    for (const std::int64_t now : {std::int64_t{0}, slot.last_failure_ms, std::int64_t{LLONG_MIN}, std::int64_t{LLONG_MAX},
                                   slot.last_failure_ms / 2 + 1000}) {
      const std::int64_t wait = crypto::required_wait_ms(slot, now);
      if (wait < 0 || wait > 15 * 60 * 1000) std::abort();
    }
    crypto::count_attempt(slot, slot.last_failure_ms);
    if (slot.failures < 1) std::abort();
    // Only bounded settings ever reach Argon2id; the cheapest ones are cheap enough to run here.
    if (slot.kdf.valid() && slot.kdf.opslimit <= 2 && slot.kdf.memlimit <= (64u << 10))
      (void)crypto::open_keyslot(slot, file.store_id, crypto::Secret::from("a passphrase to try"));
  }
  (void)file.find_user("alice");
  (void)file.recovery();
  return 0;
}
