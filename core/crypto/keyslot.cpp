#include "crypto/keyslot.h"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <limits>
#include <utility>
#include <stdexcept>

namespace waymark::crypto {
namespace {

constexpr std::string_view kAlgorithm = "argon2id13+xchacha20poly1305";

std::string_view kind_name(Keyslot::Kind kind) {
  return kind == Keyslot::Kind::recovery ? "recovery" : "passphrase";
}

std::string hex(const std::uint8_t* bytes, std::size_t size) {
  if (size == 0) return {};
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, size);
  out.pop_back();
  return out;
}

std::vector<std::uint8_t> unhex(const std::string& text, const char* field) {
  if (text.empty()) return {};  // libsodium must not see the null data() of an empty vector (fuzzing)
  std::vector<std::uint8_t> out(text.size() / 2);
  std::size_t written = 0;
  if (text.size() % 2 != 0 ||
      sodium_hex2bin(out.data(), out.size(), text.data(), text.size(), nullptr, &written, nullptr) != 0 ||
      written != out.size())
    throw std::runtime_error(std::string("keyslot field '") + field + "' is not hex");
  return out;
}

template <std::size_t N>
void unhex_into(std::array<std::uint8_t, N>& out, const std::string& text, const char* field) {
  const auto bytes = unhex(text, field);
  if (bytes.size() != N) throw std::runtime_error(std::string("keyslot field '") + field + "' has the wrong size");
  std::copy(bytes.begin(), bytes.end(), out.begin());
}

// Everything the slot binds, in one unambiguous byte string (fields are length-prefixed).
std::string associated_data(const Keyslot& s, std::string_view store_id) {
  std::string ad = "waymark-keyslot-1";
  const auto field = [&ad](std::string_view v) {
    ad += std::to_string(v.size());
    ad += ':';
    ad += v;
  };
  field(kAlgorithm);
  field(store_id);
  field(kind_name(s.kind));
  field(std::to_string(s.user_id));
  field(s.name);
  field(s.roles);
  field(std::to_string(s.kdf.opslimit));
  field(std::to_string(s.kdf.memlimit));
  field(hex(s.salt.data(), s.salt.size()));
  return ad;
}

// An integer field within [min, max]; anything else (a float, 1e400, a string) is refused.
template <class T>
T integer_field(const nlohmann::json& e, const char* field, T min, T max) {
  const nlohmann::json& v = e.at(field);
  if (v.is_number_unsigned()) {
    const auto u = v.get<std::uint64_t>();
    if (std::cmp_greater_equal(u, min) && std::cmp_less_equal(u, max)) return static_cast<T>(u);
  } else if (v.is_number_integer()) {
    const auto i = v.get<std::int64_t>();
    if (std::cmp_greater_equal(i, min) && std::cmp_less_equal(i, max)) return static_cast<T>(i);
  }
  throw std::runtime_error(std::string("keyslot field '") + field + "' is not a whole number in range");
}

}  // namespace

Keyslot* KeyslotFile::find_user(std::string_view name) {
  for (auto& s : slots)
    if (s.kind == Keyslot::Kind::passphrase && s.name == name) return &s;
  return nullptr;
}

Keyslot* KeyslotFile::recovery() {
  for (auto& s : slots)
    if (s.kind == Keyslot::Kind::recovery) return &s;
  return nullptr;
}

Keyslot make_keyslot(Keyslot::Kind kind, std::int64_t user_id, std::string_view name, std::string_view roles,
                     std::string_view store_id, const Secret& passphrase, const Secret& database_key,
                     const KdfParams& kdf) {
  Keyslot s;
  s.kind = kind;
  s.user_id = user_id;
  s.name = name;
  s.roles = roles;
  s.kdf = kdf;
  randombytes_buf(s.salt.data(), s.salt.size());
  randombytes_buf(s.nonce.data(), s.nonce.size());
  const Secret wrapping = derive_key(passphrase, s.salt, kdf);
  const std::string ad = associated_data(s, store_id);
  s.wrapped.resize(database_key.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
  unsigned long long length = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      s.wrapped.data(), &length, database_key.data(), database_key.size(),
      reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr, s.nonce.data(), wrapping.data());
  s.wrapped.resize(static_cast<std::size_t>(length));
  return s;
}

std::optional<Secret> open_keyslot(const Keyslot& slot, std::string_view store_id, const Secret& passphrase) {
  if (slot.wrapped.size() != kKeyBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES || !slot.kdf.valid())
    return std::nullopt;
  const Secret wrapping = derive_key(passphrase, slot.salt, slot.kdf);
  const std::string ad = associated_data(slot, store_id);
  Secret key(kKeyBytes);
  unsigned long long length = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(key.data(), &length, nullptr, slot.wrapped.data(),
                                                 slot.wrapped.size(),
                                                 reinterpret_cast<const unsigned char*>(ad.data()),
                                                 ad.size(), slot.nonce.data(), wrapping.data()) != 0 ||
      length != kKeyBytes)
    return std::nullopt;
  return key;
}

std::int64_t required_wait_ms(const Keyslot& slot, std::int64_t now_ms) {
  if (slot.failures < kFreeAttempts) return 0;
  const int doublings = std::min(slot.failures - kFreeAttempts, 10);  // failures >= 5: no overflow
  const std::int64_t delay = std::min<std::int64_t>(1000ll << doublings, 15 * 60 * 1000);
  // A failure time now or in the future (a clock set back, or an edited file) never means more than
  // one delay. Otherwise the time elapsed, computed unsigned: the difference of any two int64 fits.
  if (now_ms <= slot.last_failure_ms) return delay;
  const std::uint64_t elapsed = static_cast<std::uint64_t>(now_ms) - static_cast<std::uint64_t>(slot.last_failure_ms);
  return elapsed >= static_cast<std::uint64_t>(delay) ? 0 : delay - static_cast<std::int64_t>(elapsed);
}

void count_attempt(Keyslot& slot, std::int64_t now_ms) {
  if (slot.failures < std::numeric_limits<int>::max()) ++slot.failures;
  slot.last_failure_ms = now_ms;
}

std::string serialise_keyslots(const KeyslotFile& file) {
  nlohmann::json slots = nlohmann::json::array();
  for (const auto& s : file.slots) {
    slots.push_back({{"kind", kind_name(s.kind)},
                     {"user_id", s.user_id},
                     {"name", s.name},
                     {"roles", s.roles},
                     {"algorithm", kAlgorithm},
                     {"opslimit", s.kdf.opslimit},
                     {"memlimit", s.kdf.memlimit},
                     {"salt", hex(s.salt.data(), s.salt.size())},
                     {"nonce", hex(s.nonce.data(), s.nonce.size())},
                     {"wrapped_key", hex(s.wrapped.data(), s.wrapped.size())},
                     {"failures", s.failures},
                     {"last_failure_ms", s.last_failure_ms}});
  }
  const nlohmann::json j = {{"waymark_keyslots", KeyslotFile::kFormat},
                            {"store_id", file.store_id},
                            {"slots", slots}};
  return j.dump(2) + "\n";
}

KeyslotFile parse_keyslots(std::string_view text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw std::runtime_error("keyslot file is not JSON");
  try {
    if (integer_field<int>(j, "waymark_keyslots", 0, std::numeric_limits<int>::max()) != KeyslotFile::kFormat)
      throw std::runtime_error("keyslot file has an unknown format version");
    KeyslotFile file;
    file.store_id = j.at("store_id").get<std::string>();
    if (!j.at("slots").is_array()) throw std::runtime_error("keyslot file has no list of slots");
    for (const auto& e : j.at("slots")) {
      Keyslot s;
      const auto kind = e.at("kind").get<std::string>();
      if (kind != "passphrase" && kind != "recovery") throw std::runtime_error("unknown keyslot kind");
      if (e.at("algorithm").get<std::string>() != kAlgorithm) throw std::runtime_error("unknown keyslot algorithm");
      s.kind = kind == "recovery" ? Keyslot::Kind::recovery : Keyslot::Kind::passphrase;
      s.user_id = integer_field<std::int64_t>(e, "user_id", 0, std::numeric_limits<std::int32_t>::max());
      s.name = e.at("name").get<std::string>();
      s.roles = e.at("roles").get<std::string>();
      // Read as written; KdfParams::valid() decides whether the slot may be used (open_keyslot).
      s.kdf.opslimit = integer_field<std::uint64_t>(e, "opslimit", 0, std::numeric_limits<std::uint64_t>::max());
      s.kdf.memlimit = integer_field<std::uint64_t>(e, "memlimit", 0, std::numeric_limits<std::uint64_t>::max());
      unhex_into(s.salt, e.at("salt").get<std::string>(), "salt");
      unhex_into(s.nonce, e.at("nonce").get<std::string>(), "nonce");
      s.wrapped = unhex(e.at("wrapped_key").get<std::string>(), "wrapped_key");
      s.failures = integer_field<int>(e, "failures", 0, std::numeric_limits<int>::max());
      s.last_failure_ms = integer_field<std::int64_t>(e, "last_failure_ms", std::numeric_limits<std::int64_t>::min(),
                                                      std::numeric_limits<std::int64_t>::max());
      file.slots.push_back(std::move(s));
    }
    return file;
  } catch (const nlohmann::json::exception&) {
    throw std::runtime_error("keyslot file is missing a field or has a field of the wrong type");
  }
}

Secret make_recovery_code() {
  static constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";  // no I, O, 0, 1
  const Secret random = Secret::random(32);
  Secret code;
  for (std::size_t i = 0; i < 32; ++i) {
    if (i != 0 && i % 4 == 0) code.push_back('-');
    code.push_back(static_cast<std::uint8_t>(kAlphabet[random.data()[i] & 31u]));
  }
  return code;
}

Secret normalise_recovery_code(const Secret& typed) {
  Secret out;
  for (std::size_t i = 0; i < typed.size(); ++i) {
    const auto c = typed.data()[i];
    if (c == '-' || c == ' ' || c == '\t') continue;
    out.push_back(static_cast<std::uint8_t>(std::toupper(c)));
  }
  return out;
}

}  // namespace waymark::crypto
