#pragma once
// Helpers for the store tests: a fake clock, temporary folders, cheap key derivation, file scans.
#include <gtest/gtest.h>
#include <sodium.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "crypto/kdf.h"
#include "crypto/secret.h"
#include "store/case_store.h"
#include "store/clock.h"
#include "store/errors.h"

namespace waymark::test {

namespace fs = std::filesystem;

class FakeClock final : public store::Clock {
 public:
  explicit FakeClock(std::int64_t start_ms = 1'790'000'000'000) : now_(start_ms) {}
  [[nodiscard]] std::int64_t now_unix_ms() const override { return now_.load(); }
  [[nodiscard]] std::int64_t monotonic_ns() const override { return now_.load() * 1'000'000; }
  void advance_ms(std::int64_t ms) { now_ += ms; }

 private:
  std::atomic<std::int64_t> now_;
};

// A fresh folder under $TMPDIR (or /tmp), removed at the end of the test unless it is kept.
class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/waymark-store-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, ec);
    fs::remove_all(path_, ec);
  }
  [[nodiscard]] const fs::path& path() const { return path_; }
  [[nodiscard]] fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

inline crypto::Secret pass(const std::string& text) { return crypto::Secret::from(text); }

inline const std::string kAdminPass = "blue kettle under the stairs";
inline const std::string kAdminName = "alice";

inline crypto::KdfParams fast_kdf() { return crypto::KdfParams::fast_for_tests(); }

// A new store with alice (admin + supervisor), using cheap key derivation.
inline store::CaseStore::Created make_store(const fs::path& db, const store::Clock& clock,
                                            store::Roles roles = store::kAdmin | store::kSupervisor) {
  crypto::init_sodium();
  return store::CaseStore::create(db, kAdminName, roles, pass(kAdminPass), fast_kdf(), clock);
}

inline std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::size_t count_occurrences(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

// Occurrences of `needle` (and of its UTF-16LE form) in every regular file under `root`.
inline std::size_t count_in_tree(const fs::path& root, const std::string& needle,
                                 std::vector<std::string>* where = nullptr) {
  std::string wide;
  for (char c : needle) {
    wide += c;
    wide += '\0';
  }
  std::size_t n = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec || !it->is_regular_file(ec) || it->file_size(ec) > (64u << 20)) continue;
    const std::string bytes = read_bytes(it->path());
    const std::size_t here = count_occurrences(bytes, needle) + count_occurrences(bytes, wide);
    if (here != 0 && where) where->push_back(it->path().string());
    n += here;
  }
  return n;
}

// The code of the StoreError that `f` throws; a test failure if it throws none.
inline store::Errc error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const store::StoreError& e) {
    return e.code();
  }
  ADD_FAILURE() << "no StoreError";
  return store::Errc::io;
}

inline store::PackRef test_pack_ref() { return {"test-minimal", "1.0.0", std::string(64, 'a')}; }

}  // namespace waymark::test
