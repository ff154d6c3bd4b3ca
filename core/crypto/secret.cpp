#include "crypto/secret.h"

#include <sodium.h>

#include <cstring>
#include <new>
#include <stdexcept>
#include <utility>

namespace waymark::crypto {

void init_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

namespace {
std::uint8_t* allocate(std::size_t capacity) {
  init_sodium();  // idempotent; sodium_malloc needs it (a Secret may be the first thing made)
  void* p = sodium_malloc(capacity == 0 ? 1 : capacity);
  if (p == nullptr) throw std::bad_alloc();
  std::memset(p, 0, capacity == 0 ? 1 : capacity);
  return static_cast<std::uint8_t*>(p);
}
}  // namespace

Secret::Secret(std::size_t size) : data_(allocate(size)), size_(size), capacity_(size) {}

Secret::Secret(Secret&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      capacity_(std::exchange(other.capacity_, 0)) {}

Secret& Secret::operator=(Secret&& other) noexcept {
  if (this != &other) {
    clear();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    capacity_ = std::exchange(other.capacity_, 0);
  }
  return *this;
}

Secret::~Secret() { clear(); }

void Secret::clear() {
  if (data_ != nullptr) sodium_free(data_);  // sodium_free wipes before unmapping
  data_ = nullptr;
  size_ = capacity_ = 0;
}

Secret Secret::from(std::string_view text) {
  Secret s(text.size());
  if (!text.empty()) std::memcpy(s.data_, text.data(), text.size());
  return s;
}

Secret Secret::random(std::size_t size) {
  Secret s(size);
  randombytes_buf(s.data_, size);
  return s;
}

void Secret::push_back(std::uint8_t byte) {
  if (size_ == capacity_) {
    const std::size_t capacity = capacity_ < 32 ? 64 : capacity_ * 2;
    std::uint8_t* bigger = allocate(capacity);
    if (size_ != 0) std::memcpy(bigger, data_, size_);
    const std::size_t size = size_;
    clear();
    data_ = bigger;
    size_ = size;
    capacity_ = capacity;
  }
  data_[size_++] = byte;
}

bool Secret::equals(const Secret& other) const {
  if (size_ != other.size_) return false;
  if (size_ == 0) return true;
  return sodium_memcmp(data_, other.data_, size_) == 0;
}

Secret to_hex(const Secret& bytes) {
  Secret hex(bytes.size() * 2 + 1);
  sodium_bin2hex(reinterpret_cast<char*>(hex.data()), hex.size(), bytes.data(), bytes.size());
  Secret out(bytes.size() * 2);
  std::memcpy(out.data(), hex.data(), out.size());
  return out;
}

Secret raw_key_literal(const Secret& key) {
  const Secret hex = to_hex(key);
  Secret text(hex.size() + 4);  // x ' hex ' NUL
  text.data()[0] = 'x';
  text.data()[1] = '\'';
  std::memcpy(text.data() + 2, hex.data(), hex.size());
  text.data()[hex.size() + 2] = '\'';
  text.data()[hex.size() + 3] = 0;
  return text;
}

}  // namespace waymark::crypto
