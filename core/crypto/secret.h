#pragma once
// Secret bytes (passphrases, keys, recovery codes) in memory that libsodium allocates away from the
// heap, locks against swapping (sodium_malloc = guard pages + mlock) and wipes when freed. Move-only;
// no formatter, no conversion to std::string: a Secret cannot reach a log by accident.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace waymark::crypto {

// Call once before any other crypto function (sodium_init); throws std::runtime_error on failure.
void init_sodium();

class Secret {
 public:
  Secret() = default;
  explicit Secret(std::size_t size);  // zero-filled
  Secret(const Secret&) = delete;
  Secret& operator=(const Secret&) = delete;
  Secret(Secret&& other) noexcept;
  Secret& operator=(Secret&& other) noexcept;
  ~Secret();

  // Builds from text held elsewhere (tests, constants); the caller wipes its own copy.
  [[nodiscard]] static Secret from(std::string_view text);
  // `size` random bytes from the operating system's CSPRNG.
  [[nodiscard]] static Secret random(std::size_t size);

  [[nodiscard]] std::uint8_t* data() { return data_; }
  [[nodiscard]] const std::uint8_t* data() const { return data_; }
  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] std::string_view view() const {
    return {reinterpret_cast<const char*>(data_), size_};
  }
  void push_back(std::uint8_t byte);  // grows into a new locked buffer; the old one is wiped
  void clear();                       // wipes and frees
  // Constant-time comparison.
  [[nodiscard]] bool equals(const Secret& other) const;

 private:
  std::uint8_t* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

// Lower-case hex of the bytes, itself a Secret.
[[nodiscard]] Secret to_hex(const Secret& bytes);
// SQLCipher's raw-key text "x'<hex>'" followed by a NUL byte (size() counts the NUL too), so that it
// can be bound as a C string; SQLCipher uses such a key directly, without its own PBKDF2.
[[nodiscard]] Secret raw_key_literal(const Secret& key);

}  // namespace waymark::crypto
