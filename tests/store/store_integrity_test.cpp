// What the store notices about its own files: bytes added or cut off, which bytes of a page the
// page HMAC covers (docs/security.md), and the modes of every file it writes.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <set>

#include "store/files.h"
#include "store_test_support.h"

namespace waymark::store {
namespace {

using test::error_of;
using test::FakeClock;
using test::kAdminName;
using test::kAdminPass;
using test::pass;
using test::TempDir;
namespace fs = std::filesystem;

constexpr std::size_t kPage = 1024;

// A closed store with some cases in it (no -wal left: the last close checkpoints).
void fill_store(const fs::path& db, const Clock& clock) {
  auto created = test::make_store(db, clock);
  for (int c = 0; c < 3; ++c) {
    const auto id = created.store.cases().create(test::test_pack_ref()).id;
    for (int i = 0; i < 10; ++i) created.store.cases().save_answer(id, "q.n" + std::to_string(i), std::to_string(i));
  }
}

// The error of unlocking and verifying, or nothing if both passed.
std::optional<Errc> open_and_verify(const fs::path& db, const Clock& clock) {
  try {
    auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
    (void)s.verify();
  } catch (const StoreError& e) {
    return e.code();
  }
  return std::nullopt;
}

// Finding: garbage appended to the database, and a file that is not a whole number of pages, passed
// `store verify` (SQLite ignores bytes after the last page; a checkpoint would then cut them off).
TEST(WholePages, BytesAddedOrCutOffAreDamageAndTheFileIsLeftAlone) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  fill_store(db, clock);
  ASSERT_FALSE(fs::exists(dir / "cases.db-wal"));
  const std::string original = test::read_bytes(db);
  ASSERT_EQ(original.size() % kPage, 0u);
  const std::vector<std::pair<const char*, std::string>> variants = {
      {"100 bytes appended", original + std::string(100, 'x')},
      {"a whole page of garbage appended", original + std::string(kPage, '\x5a')},
      {"a copy of the last page appended", original + original.substr(original.size() - kPage)},
      {"100 bytes cut off", original.substr(0, original.size() - 100)},
      {"the last page cut off", original.substr(0, original.size() - kPage)},
  };
  for (const auto& [what, bytes] : variants) {
    test::write_bytes(db, bytes);
    try {
      auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
      (void)s.verify();
      ADD_FAILURE() << what << ": not reported";
    } catch (const StoreError& e) {
      EXPECT_EQ(e.code(), Errc::damaged) << what << ": " << e.what();
      // Pages cut off SQLite notices itself; added bytes only the length check does.
      if (bytes.size() > original.size()) {
        EXPECT_NE(std::string(e.what()).find("added"), std::string::npos) << what << ": " << e.what();
      }
    }
    EXPECT_EQ(test::read_bytes(db), bytes) << what << ": the file was changed";
  }
  test::write_bytes(db, original);
  EXPECT_EQ(open_and_verify(db, clock), std::nullopt);
}

// docs/security.md says which bytes of a page the HMAC does not cover: the 12 bytes of padding at the
// end of each page's reserved area (SQLCipher 3: 16-byte IV + 20-byte HMAC-SHA1, reserve rounded up to
// 48 bytes). Every other byte of a page, changed, is reported as damage. This test pins that claim.
TEST(WholePages, ThePageHmacCoversEveryByteButTheReservePadding) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  fill_store(db, clock);
  const std::string original = test::read_bytes(db);
  const std::size_t pages = original.size() / kPage;
  ASSERT_GE(pages, 4u);
  // Page 1 (with the salt), a middle page and the last page; every byte of the reserved area and a
  // spread of content bytes.
  std::set<std::size_t> offsets;
  for (std::size_t o = kPage - 48; o < kPage; ++o) offsets.insert(o);
  for (std::size_t o = 0; o < kPage - 48; o += 61) offsets.insert(o);
  offsets.insert(kPage - 49);
  std::set<std::size_t> uncovered_seen;
  for (const std::size_t page : {std::size_t{0}, pages / 2, pages - 1}) {
    for (const std::size_t o : offsets) {
      std::string bytes = original;
      bytes[page * kPage + o] = static_cast<char>(bytes[page * kPage + o] ^ 0x01);
      test::write_bytes(db, bytes);
      const auto e = open_and_verify(db, clock);
      if (!e) uncovered_seen.insert(o);
      else EXPECT_EQ(*e, Errc::damaged) << "page " << page << " offset " << o;
    }
  }
  std::set<std::size_t> documented;
  for (std::size_t o = kPage - 12; o < kPage; ++o) documented.insert(o);
  EXPECT_EQ(uncovered_seen, documented);
  test::write_bytes(db, original);
}

// Finding: the store relied on the caller's umask for its files' modes. Now every file it writes is
// 0600 whatever the umask.
TEST(FileModes, EveryFileTheStoreWritesIsOwnerOnly) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  const mode_t old_mask = ::umask(0);
  {
    auto created = test::make_store(db, clock);
    (void)created.store.accounts().add_user("rita", kResponder, pass("rita answers the phone"), test::fast_kdf());
    const auto id = created.store.cases().create(test::test_pack_ref()).id;
    created.store.cases().save_answer(id, "q.a", "1");
    (void)created.store.backups().make(dir / "backup.db");
    (void)created.store.backups().make(dir / "backup.db");  // a second generation
    EXPECT_EQ(error_of([&] { (void)CaseStore::open(db, "rita", pass("not rita's passphrase"), clock); }),
              Errc::wrong_passphrase);  // the failure count rewrites the keyslot file
    // The write-ahead log and its index exist only while the store is open: checked now.
    for (const char* name : {"cases.db-wal", "cases.db-shm"}) {
      struct stat st {};
      ASSERT_EQ(::stat((dir / name).c_str(), &st), 0) << name;
      EXPECT_EQ(st.st_mode & 0777, 0600u) << name;
    }
  }
  CaseStore::restore(db, dir / "backup.db", kAdminName, pass(kAdminPass), clock);
  { auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock); }
  ::umask(old_mask);
  std::vector<std::string> seen;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    struct stat st {};
    ASSERT_EQ(::lstat(entry.path().c_str(), &st), 0);
    seen.push_back(entry.path().filename().string());
    EXPECT_EQ(st.st_mode & 0777, 0600u) << entry.path().filename();
  }
  // What the directory held, so that the test sees every kind of file.
  for (const char* name : {"cases.db", "cases.db.keys", "cases.db.keys.lock", "backup.db", "backup.db.keys",
                           "backup.db.1", "backup.db.1.keys"})
    EXPECT_NE(std::find(seen.begin(), seen.end(), name), seen.end()) << name;
  bool replaced = false;
  for (const auto& name : seen) replaced = replaced || name.find(".replaced-") != std::string::npos;
  EXPECT_TRUE(replaced);
}

}  // namespace
}  // namespace waymark::store
