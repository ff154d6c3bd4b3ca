// The case store's files: tampering, missing files, read-only folders, full disks, backups, and the
// canary that must never appear in any file the store or its logs write.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sodium.h>
#include <spdlog/sinks/ostream_sink.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <random>
#include <sstream>

#include "log/log.h"
#include "store/connection.h"
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

// Runs `body` in a child process and returns the Errc it threw (as exit code 100 + Errc), 0 if none.
int in_child(const std::function<void()>& setup, const std::function<void()>& body) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    setup();
    int code = 0;
    try {
      body();
    } catch (const StoreError& e) {
      code = 100 + static_cast<int>(e.code());
    } catch (...) {
      code = 99;
    }
    ::_exit(code);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::int64_t make_case_with_answers(CaseStore& s, int answers) {
  const auto c = s.cases().create(test::test_pack_ref());
  for (int i = 0; i < answers; ++i) s.cases().save_answer(c.id, "q.n" + std::to_string(i), std::to_string(i));
  return c.id;
}

TEST(Tampering, EveryPageOfTheFileIsAuthenticated) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  {
    auto created = test::make_store(db, clock);
    auto id = make_case_with_answers(created.store, 40);
    created.store.cases().save_notes(id, std::string(3000, 'n'));  // overflow pages too
  }
  ASSERT_FALSE(fs::exists(dir / "cases.db-wal"));
  const std::string original = test::read_bytes(db);
  const std::size_t page = 1024, pages = original.size() / page;
  ASSERT_GE(pages, 8u);
  std::mt19937 rng(42);
  int reported = 0;
  for (std::size_t p = 0; p < pages; ++p) {
    std::string bytes = original;
    const std::size_t at = p * page + rng() % page;
    bytes[at] = static_cast<char>(bytes[at] ^ (1 << (rng() % 8)));
    test::write_bytes(db, bytes);
    const Errc e = error_of([&] {
      auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
      (void)s.verify();
    });
    if (e == Errc::damaged) ++reported;
    else ADD_FAILURE() << "page " << p << " offset " << at << ": " << errc_name(e);
    // Never deleted or recreated: the damaged bytes are still there.
    EXPECT_EQ(test::read_bytes(db).size(), original.size());
    EXPECT_EQ(test::read_bytes(db)[at], bytes[at]);
  }
  EXPECT_EQ(reported, static_cast<int>(pages));
  test::write_bytes(db, original);
  auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
  EXPECT_NO_THROW((void)s.verify());
}

// A store too large to read whole at every unlock (over 64 MiB): a damaged page is still found by the
// read that meets it and by verify, is never replaced, and everything else stays readable.
TEST(Tampering, ALargeStoreUnlocksWithoutReadingEveryPageAndStillFindsDamage) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  std::vector<std::int64_t> ids;
  {
    auto created = test::make_store(db, clock);
    const std::string notes(1 << 20, 'n');  // 1 MiB of notes: overflow pages
    for (int i = 0; i < 70; ++i) {
      ids.push_back(created.store.cases().create(test::test_pack_ref()).id);
      created.store.cases().save_notes(ids.back(), notes);
    }
  }
  ASSERT_GT(fs::file_size(db), 64u << 20);
  std::string bytes = test::read_bytes(db);
  const std::size_t at = bytes.size() / 2 + 517;  // inside some case's notes
  bytes[at] = static_cast<char>(bytes[at] ^ 0x10);
  test::write_bytes(db, bytes);

  auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);  // no page check at unlock
  int damaged = 0, read = 0;
  for (const std::int64_t id : ids) {
    try {
      (void)s.cases().read(id);
      ++read;
    } catch (const StoreError& e) {
      if (e.code() == Errc::damaged) ++damaged;
      else ADD_FAILURE() << "case " << id << ": " << errc_name(e.code());
    }
  }
  EXPECT_EQ(damaged, 1) << "the one case on the damaged page";
  EXPECT_EQ(read, 69);
  EXPECT_EQ(error_of([&] { (void)s.verify(); }), Errc::damaged);
  EXPECT_EQ(test::read_bytes(db)[at], bytes[at]) << "the damaged byte is never replaced";
}

TEST(Tampering, TruncatedFileIsDamage) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  {
    auto created = test::make_store(db, clock);
    (void)make_case_with_answers(created.store, 20);
  }
  const std::string original = test::read_bytes(db);
  test::write_bytes(db, original.substr(0, original.size() - 1024));
  EXPECT_EQ(error_of([&] { (void)CaseStore::open(db, kAdminName, pass(kAdminPass), clock).verify(); }), Errc::damaged);
  test::write_bytes(db, original.substr(0, 100));
  EXPECT_EQ(error_of([&] { (void)CaseStore::open(db, kAdminName, pass(kAdminPass), clock); }), Errc::damaged);
  EXPECT_TRUE(fs::exists(db));
}

TEST(Files, MissingDatabaseOrKeyslotFile) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  EXPECT_EQ(error_of([&] { (void)CaseStore::open(db, kAdminName, pass(kAdminPass), clock); }), Errc::no_store);
  EXPECT_FALSE(fs::exists(db));  // opening never creates
  { (void)test::make_store(db, clock); }
  EXPECT_EQ(error_of([&] { (void)test::make_store(db, clock); }), Errc::already_exists);
  fs::rename(keyslot_path(db), dir / "elsewhere");
  EXPECT_EQ(error_of([&] { (void)CaseStore::open(db, kAdminName, pass(kAdminPass), clock); }), Errc::keyslots_missing);
  fs::rename(dir / "elsewhere", keyslot_path(db));
  EXPECT_NO_THROW((void)CaseStore::open(db, kAdminName, pass(kAdminPass), clock));
}

TEST(Files, ReadOnlyFolderGivesASpecificMessageAndLosesNothing) {
  TempDir dir;
  FakeClock clock;
  const auto folder = dir / "ro";
  fs::create_directory(folder);
  const auto db = folder / "cases.db";
  {
    auto created = test::make_store(db, clock);
    (void)make_case_with_answers(created.store, 3);
  }
  const std::string before = test::read_bytes(db);
  // root ignores permissions: the check runs in a child that drops to "nobody".
  const bool root = ::geteuid() == 0;
  if (root) {
    ASSERT_EQ(::chown(dir.path().c_str(), 65534, 65534), 0);
    for (const auto& e : fs::directory_iterator(folder)) ASSERT_EQ(::chown(e.path().c_str(), 65534, 65534), 0);
  }
  ASSERT_EQ(::chmod(folder.c_str(), 0555), 0);
  const int result = in_child(
      [&] {
        if (root && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(98);
      },
      [&] {
        auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
        (void)make_case_with_answers(s, 1);
      });
  EXPECT_EQ(result, 100 + static_cast<int>(Errc::read_only));
  ::chmod(folder.c_str(), 0700);
  EXPECT_EQ(test::read_bytes(db), before);
  auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
  EXPECT_EQ(s.cases().read(1).answers.size(), 3u);
}

// A full disk: every acknowledged answer survives, the failing one is reported as "disk full".
void check_disk_full(const fs::path& db, FakeClock& clock, const std::function<void()>& limit) {
  std::int64_t case_id = 0;
  {
    auto created = test::make_store(db, clock);
    case_id = make_case_with_answers(created.store, 2);
  }
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  const int result = in_child(
      [&] {
        ::close(pipe_fds[0]);
        limit();
      },
      [&] {
        auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
        const std::string big = "\"" + std::string(4000, 'x') + "\"";
        for (int i = 0; i < 100000; ++i) {
          s.cases().save_answer(case_id, "fill.q" + std::to_string(i), big);
          const char ack = 'a';
          if (::write(pipe_fds[1], &ack, 1) != 1) ::_exit(97);
        }
      });
  ::close(pipe_fds[1]);
  int acked = 0;
  char buffer[256];
  for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;) acked += static_cast<int>(n);
  ::close(pipe_fds[0]);
  EXPECT_EQ(result, 100 + static_cast<int>(Errc::disk_full));
  EXPECT_GT(acked, 0);
}

void expect_all_acknowledged(const fs::path& db, FakeClock& clock, int at_least) {
  auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
  EXPECT_NO_THROW((void)s.verify());
  EXPECT_GE(static_cast<int>(s.cases().read(1).answers.size()), at_least);
}

TEST(Files, FullDiskOnASmallTmpfs) {
  if (::geteuid() != 0) GTEST_SKIP() << "mounting a small tmpfs needs root (the RLIMIT_FSIZE test covers this)";
  TempDir dir;
  FakeClock clock;
  const auto mnt = dir / "small";
  fs::create_directory(mnt);
  if (::mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=200k") != 0)
    GTEST_SKIP() << "cannot mount tmpfs here (the RLIMIT_FSIZE test covers this)";
  const auto db = mnt / "cases.db";
  check_disk_full(db, clock, [] {});
  // Free space again: the store opens, checks clean, and holds every acknowledged answer.
  {
    auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
    EXPECT_NO_THROW((void)s.verify());
    const auto r = s.cases().read(1);
    EXPECT_GE(r.answers.size(), 3u);
    std::printf("tmpfs full after %zu answers\n", r.answers.size());
  }
  ASSERT_EQ(::umount(mnt.c_str()), 0);
}

TEST(Files, FullDiskByFileSizeLimit) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  check_disk_full(db, clock, [] {
    std::signal(SIGXFSZ, SIG_IGN);  // writes past the limit then fail with EFBIG
    const rlimit limit{256 * 1024, 256 * 1024};
    ::setrlimit(RLIMIT_FSIZE, &limit);
  });
  expect_all_acknowledged(db, clock, 3);
}

// The store is opened first (its unlock event written), THEN the file size limit drops below the new
// keyslot file's size: the failure must come from writing the keyslot file, which stays byte-identical.
// Finding: `case new` on a full disk left three drafts holding 24 of 25 answers and named none. A case
// with its answers and assessment is one transaction now: on a full disk, no case at all.
TEST(Files, ACaseWithItsAnswersIsAllOrNothingOnAFullDisk) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  { (void)test::make_store(db, clock); }
  const int result = in_child(
      [] {
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{256 * 1024, 256 * 1024};
        ::setrlimit(RLIMIT_FSIZE, &limit);
      },
      [&] {
        auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
        std::vector<Cases::NewAnswer> rows;
        for (int i = 0; i < 200; ++i) rows.push_back({"q.n" + std::to_string(i), "\"" + std::string(4000, 'x') + "\""});
        (void)s.cases().create_with_answers(test::test_pack_ref(), rows, "{}");
      });
  EXPECT_EQ(result, 100 + static_cast<int>(Errc::disk_full));
  auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
  EXPECT_EQ(s.cases().list().total, 0);
  EXPECT_NO_THROW((void)s.verify());
  // Without the limit the same call stores everything, with the events of one-by-one saving.
  const auto c = s.cases().create_with_answers(test::test_pack_ref(), {{"q.a", "1"}, {"q.b", "true"}}, "{\"band\": \"none\"}");
  const auto r = s.cases().read(c.id);
  EXPECT_EQ(r.answers.size(), 2u);
  EXPECT_EQ(r.assessment_json.value_or(""), "{\"band\": \"none\"}");
  EXPECT_NO_THROW((void)s.verify());
}

TEST(Files, KeyslotFileOnAFullDiskIsReportedAndUnchanged) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  { (void)test::make_store(db, clock); }
  const std::string before = test::read_bytes(keyslot_path(db));
  ASSERT_GT(before.size(), 200u);
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(pipe_fds[0]);
    std::string report = "opened:no";
    try {
      auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
      report = "opened:yes";
      std::signal(SIGXFSZ, SIG_IGN);
      const rlimit limit{100, 100};  // far below the keyslot file's size
      ::setrlimit(RLIMIT_FSIZE, &limit);
      s.accounts().change_passphrase(pass("a completely new passphrase"), test::fast_kdf());
      report += " error:none";
    } catch (const StoreError& e) {
      report += std::string(" error:") + errc_name(e.code()) + " message:" + e.what();
    }
    (void)!::write(pipe_fds[1], report.data(), report.size());
    ::_exit(0);
  }
  ::close(pipe_fds[1]);
  std::string report;
  char buffer[512];
  for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;) report.append(buffer, static_cast<std::size_t>(n));
  ::close(pipe_fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_NE(report.find("opened:yes"), std::string::npos) << report;
  EXPECT_NE(report.find("error:disk_full"), std::string::npos) << report;
  // Named by the keyslot write ("write cases.db.keys" / "create a file beside cases.db.keys").
  EXPECT_NE(report.find("cases.db.keys"), std::string::npos) << report;
  EXPECT_EQ(test::read_bytes(keyslot_path(db)), before);
  EXPECT_NO_THROW((void)CaseStore::open(db, kAdminName, pass(kAdminPass), clock));
}

// An empty or few-byte database file is damage: refused before SQLite sees it, never recreated, no
// byte written (SQLite would otherwise take it for a new database and write a header and a schema).
TEST(Files, EmptyOrTinyDatabaseIsDamageAndStaysUntouched) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  { (void)test::make_store(db, clock); }
  const std::string original = test::read_bytes(db);
  for (const std::size_t size : {std::size_t{0}, std::size_t{7}, std::size_t{1023}}) {
    test::write_bytes(db, original.substr(0, size));
    std::string message;
    try {
      (void)CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
    } catch (const StoreError& e) {
      EXPECT_EQ(e.code(), Errc::damaged) << size;
      message = e.what();
    }
    EXPECT_NE(message.find("file damaged or altered"), std::string::npos) << size << ": " << message;
    EXPECT_EQ(test::read_bytes(db), original.substr(0, size)) << size;
    EXPECT_FALSE(fs::exists(db.string() + "-wal")) << size;
  }
  test::write_bytes(db, original);
  EXPECT_NO_THROW((void)CaseStore::open(db, kAdminName, pass(kAdminPass), clock));
}

// A keyslot file from another store opens with this user's passphrase, but its key does not decrypt
// this database: the message says the keyslot file may not belong here, not only "damaged".
TEST(Files, KeyslotFileOfAnotherStoreIsNamed) {
  TempDir dir;
  FakeClock clock;
  const auto a = dir / "a.db";
  const auto b = dir / "b.db";
  { (void)test::make_store(a, clock); }
  { (void)test::make_store(b, clock); }
  const std::string a_bytes = test::read_bytes(a);
  fs::copy_file(keyslot_path(b), keyslot_path(a), fs::copy_options::overwrite_existing);
  std::string message;
  try {
    (void)CaseStore::open(a, kAdminName, pass(kAdminPass), clock);
  } catch (const StoreError& e) {
    EXPECT_EQ(e.code(), Errc::damaged);
    message = e.what();
  }
  EXPECT_NE(message.find("keyslot file"), std::string::npos) << message;
  EXPECT_NE(message.find("may not belong to this database"), std::string::npos) << message;
  EXPECT_EQ(test::read_bytes(a), a_bytes);
}

TEST(Files, InitIntoAMissingFolderNamesTheFolder) {
  TempDir dir;
  FakeClock clock;
  const auto folder = dir / "no" / "such";
  std::string message;
  try {
    (void)test::make_store(folder / "cases.db", clock);
  } catch (const StoreError& e) {
    EXPECT_EQ(e.code(), Errc::io);
    message = e.what();
  }
  EXPECT_NE(message.find("the folder " + folder.string() + " does not exist"), std::string::npos) << message;
  EXPECT_FALSE(fs::exists(dir / "no"));
}

// Leaves <db> and a non-empty <db>-wal as a crash would: a child writes cases and exits without closing.
void crash_with_wal(const fs::path& db, FakeClock& clock, int cases) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    try {
      auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
      for (int i = 0; i < cases; ++i) (void)make_case_with_answers(s, 2);
      ::_exit(0);  // no close, no checkpoint: the WAL stays
    } catch (...) {
      ::_exit(1);
    }
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int count_recovery_copies(const fs::path& folder, const std::string& kind) {
  int n = 0;
  for (const auto& e : fs::directory_iterator(folder))
    if (e.path().filename().string().find(kind) != std::string::npos) ++n;
  return n;
}

// SQLite drops every WAL frame after a damaged one without a word. At open (when no one else has the
// store open) the WAL is copied aside and its frames checked first: damage is reported, not replayed.
TEST(Files, DamagedWriteAheadLogIsReportedAndCopiedAsideNotReplayed) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  const fs::path wal = db.string() + "-wal";
  { (void)test::make_store(db, clock); }
  crash_with_wal(db, clock, 4);
  const std::string db_bytes = test::read_bytes(db);
  const std::string wal_bytes = test::read_bytes(wal);
  const WalCheck clean = check_wal(wal);
  ASSERT_GT(clean.valid_frames, 5) << "the WAL should hold several frames";
  EXPECT_FALSE(clean.damaged);
  EXPECT_EQ(clean.committed_frames, clean.valid_frames);
  // Flip one bit in the page data of frame 3.
  const std::uint32_t page_size = (std::uint32_t{static_cast<unsigned char>(wal_bytes[8])} << 24) |
                                  (std::uint32_t{static_cast<unsigned char>(wal_bytes[9])} << 16) |
                                  (std::uint32_t{static_cast<unsigned char>(wal_bytes[10])} << 8) |
                                  std::uint32_t{static_cast<unsigned char>(wal_bytes[11])};
  std::string bad = wal_bytes;
  const std::size_t at = 32 + 2 * (24 + page_size) + 24 + 100;
  bad[at] = static_cast<char>(bad[at] ^ 0x10);
  test::write_bytes(wal, bad);
  const WalCheck damaged = check_wal(wal);
  EXPECT_TRUE(damaged.damaged);
  EXPECT_EQ(damaged.first_bad_frame, 3);
  std::string message;
  try {
    (void)CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
  } catch (const StoreError& e) {
    EXPECT_EQ(e.code(), Errc::damaged);
    message = e.what();
  }
  EXPECT_NE(message.find("frame 3"), std::string::npos) << message;
  EXPECT_EQ(test::read_bytes(db), db_bytes);  // nothing replayed, nothing written
  EXPECT_EQ(test::read_bytes(wal), bad);
  EXPECT_EQ(count_recovery_copies(dir.path(), ".wal-recovery-"), 1);
  EXPECT_EQ(count_recovery_copies(dir.path(), ".db-recovery-"), 1);
  // The intact WAL replays: every case is there; a copy was kept first; at most 3 pairs are kept.
  test::write_bytes(wal, wal_bytes);
  clock.advance_ms(1000);
  {
    auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
    EXPECT_EQ(s.cases().list().total, 4);
    EXPECT_NO_THROW((void)s.verify());
  }
  EXPECT_EQ(count_recovery_copies(dir.path(), ".wal-recovery-"), 2);
  for (int i = 0; i < 3; ++i) {
    crash_with_wal(db, clock, 1);
    clock.advance_ms(1000);
    (void)CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
  }
  EXPECT_EQ(count_recovery_copies(dir.path(), ".wal-recovery-"), 3);
  EXPECT_EQ(count_recovery_copies(dir.path(), ".db-recovery-"), 3);
}

// A WAL reused after a checkpoint keeps stale frames of the older log behind the new ones: those are
// not damage.
TEST(Files, StaleFramesOfAnOlderLogAreNotDamage) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  const fs::path wal = db.string() + "-wal";
  { (void)test::make_store(db, clock); }
  const pid_t pid = ::fork();
  if (pid == 0) {
    try {
      auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
      for (int i = 0; i < 6; ++i) (void)make_case_with_answers(s, 2);
      s.connection_for_tests().db().exec("PRAGMA wal_checkpoint(PASSIVE)");
      (void)make_case_with_answers(s, 1);  // restarts the log from its start, with new salts
      ::_exit(0);
    } catch (...) {
      ::_exit(1);
    }
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  const WalCheck w = check_wal(wal);
  EXPECT_FALSE(w.damaged) << w.problem;
  EXPECT_GT(w.first_bad_frame, 0);  // the stale frames
  auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
  EXPECT_EQ(s.cases().list().total, 7);
}

TEST(Backup, IsEncryptedVerifiedAndKeepsGenerations) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  const auto to = dir / "backups" / "cases.backup";
  fs::create_directory(dir / "backups");
  auto created = test::make_store(db, clock);
  const auto id = make_case_with_answers(created.store, 5);
  for (int g = 0; g < 4; ++g) {
    created.store.cases().save_answer(id, "gen", std::to_string(g));
    const auto r = created.store.backups().make(to, 3);
    EXPECT_EQ(r.answers, 6 + g);
    EXPECT_EQ(r.generations_kept, std::min(g + 1, 3));
  }
  for (const auto& f : {to, fs::path(to.string() + ".1"), fs::path(to.string() + ".2")}) {
    EXPECT_NE(test::read_bytes(f).substr(0, 16), std::string("SQLite format 3\0", 16)) << f;
    EXPECT_TRUE(fs::exists(keyslot_path(f))) << f;
  }
  EXPECT_FALSE(fs::exists(to.string() + ".3"));
  const std::string cmd = "sqlite3 '" + to.string() + "' 'SELECT count(*) FROM sqlite_master;' >/dev/null 2>&1";
  EXPECT_NE(std::system(cmd.c_str()), 0);
  // No temporary files left behind.
  int files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir / "backups")) ++files;
  EXPECT_EQ(files, 6);
  EXPECT_EQ(error_of([&] { (void)created.store.backups().make(db); }), Errc::invalid);
}

TEST(Backup, RestoreReplacesOnlyAfterCheckingAndKeepsTheOldFiles) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  const auto to = dir / "cases.backup";
  {
    auto created = test::make_store(db, clock);
    (void)make_case_with_answers(created.store, 5);
    (void)created.store.backups().make(to);
    (void)make_case_with_answers(created.store, 1);  // after the backup
  }
  // Damage the live file; restore a tampered backup: refused, nothing replaced.
  std::string live = test::read_bytes(db);
  live[3000] = static_cast<char>(live[3000] ^ 4);
  test::write_bytes(db, live);
  EXPECT_EQ(error_of([&] { (void)CaseStore::open(db, kAdminName, pass(kAdminPass), clock).verify(); }), Errc::damaged);
  const std::string good_backup = test::read_bytes(to);
  std::string bad_backup = good_backup;
  bad_backup[2500] = static_cast<char>(bad_backup[2500] ^ 1);
  test::write_bytes(to, bad_backup);
  EXPECT_EQ(error_of([&] { CaseStore::restore(db, to, kAdminName, pass(kAdminPass), clock); }), Errc::damaged);
  EXPECT_EQ(test::read_bytes(db), live);
  EXPECT_EQ(error_of([&] { CaseStore::restore(db, to, kAdminName, pass("a wrong passphrase!!"), clock); }),
            Errc::wrong_passphrase);
  // The good backup restores; the damaged file is kept beside it.
  test::write_bytes(to, good_backup);
  CaseStore::restore(db, to, kAdminName, pass(kAdminPass), clock);
  auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
  EXPECT_NO_THROW((void)s.verify());
  EXPECT_EQ(s.cases().list().total, 1);
  bool kept = false;
  for (const auto& e : fs::directory_iterator(dir.path()))
    if (e.path().filename().string().rfind("cases.db.replaced-", 0) == 0 && test::read_bytes(e.path()) == live) kept = true;
  EXPECT_TRUE(kept);
}

// A backup target spelled differently (".", "..", a symbolic link, a hard link, a generation name)
// that resolves to the live database or one of its companions is refused; the live files stay as
// they were.
TEST(Backup, NeverOverTheLiveStoreHoweverTheTargetIsSpelled) {
  TempDir dir;
  FakeClock clock;
  fs::create_directory(dir / "a");
  const auto db = dir / "a" / "cases.db";
  auto created = test::make_store(db, clock);
  (void)make_case_with_answers(created.store, 3);
  created.store.connection_for_tests().db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  fs::create_symlink(dir / "a", dir / "link");
  fs::create_hard_link(db, dir / "hard.db");
  const std::vector<fs::path> spellings = {
      dir.path() / "a" / "." / "cases.db",
      dir.path() / "a" / ".." / "a" / "cases.db",
      dir.path() / "link" / "cases.db",
      dir.path() / "hard.db",
      dir.path() / "a" / "." / "cases.db.keys",
      dir.path() / "a" / "." / "cases.db-wal",
  };
  const std::string live = test::read_bytes(db);
  const std::string live_keys = test::read_bytes(keyslot_path(db));
  for (std::size_t i = 0; i < spellings.size(); ++i) {
    for (const int keep : {1, 3}) {
      EXPECT_EQ(error_of([&] { (void)created.store.backups().make(spellings[i], keep); }), Errc::invalid)
          << spellings[i] << " keep " << keep;
      EXPECT_EQ(test::read_bytes(db), live) << spellings[i];
      EXPECT_EQ(test::read_bytes(keyslot_path(db)), live_keys) << spellings[i];
      EXPECT_FALSE(fs::exists(db.string() + ".1"));
    }
  }
  // A generation that would land on the live file: the live store is "x.1" and the backup "x".
  const auto gen_db = dir / "a" / "store.1";
  {
    auto other = test::make_store(gen_db, clock);
    EXPECT_EQ(error_of([&] { (void)other.store.backups().make(dir / "a" / ".." / "a" / "store", 3); }), Errc::invalid);
    EXPECT_NO_THROW((void)other.store.backups().make(dir / "a" / "store", 1));  // keeps 1: nothing renamed
  }
  // A relative spelling from the current folder.
  const fs::path cwd = fs::current_path();
  fs::current_path(dir.path());
  EXPECT_EQ(error_of([&] { (void)created.store.backups().make(fs::path("./a/cases.db"), 1); }), Errc::invalid);
  EXPECT_EQ(error_of([&] { (void)created.store.backups().make(fs::path("a/../a/./cases.db"), 3); }), Errc::invalid);
  fs::current_path(cwd);
  EXPECT_EQ(test::read_bytes(db), live);
  EXPECT_NO_THROW((void)created.store.verify());
}

// A restore does not replace a store someone has open (every open store holds a shared lock).
TEST(Backup, RestoreRefusesWhileTheStoreIsOpen) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  const auto to = dir / "cases.backup";
  {
    auto created = test::make_store(db, clock);
    (void)make_case_with_answers(created.store, 2);
    (void)created.store.backups().make(to);
  }
  {
    auto open = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
    const std::string before = test::read_bytes(db);
    std::string message;
    try {
      CaseStore::restore(db, to, kAdminName, pass(kAdminPass), clock);
    } catch (const StoreError& e) {
      EXPECT_EQ(e.code(), Errc::io);
      message = e.what();
    }
    EXPECT_NE(message.find("open in another Waymark"), std::string::npos) << message;
    EXPECT_EQ(test::read_bytes(db), before);
    EXPECT_NO_THROW((void)open.verify());
    for (const auto& e : fs::directory_iterator(dir.path()))
      EXPECT_EQ(e.path().filename().string().find("replaced"), std::string::npos) << e.path();
  }
  EXPECT_NO_THROW(CaseStore::restore(db, to, kAdminName, pass(kAdminPass), clock));
}

// A canary name typed as free text appears nowhere in plaintext: not in the database, its WAL, the
// keyslot file, backups, temporary folders, or the log at trace level.
TEST(Canary, NeverInAnyFileOrLog) {
  TempDir dir;
  FakeClock clock;
  unsigned char random[6];
  randombytes_buf(random, sizeof random);
  std::string tag;
  for (unsigned char b : random) tag += static_cast<char>('a' + b % 26);
  const std::string canary = "Zq7Canary" + tag + " Wilhelmina Oduya-Trask";
  const std::string unique = "Zq7Canary" + tag;
  std::ostringstream captured;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_st>(captured);
  auto logger = std::make_shared<spdlog::logger>("waymark-test", sink);
  logger->set_level(spdlog::level::trace);
  struct Restore {
    std::shared_ptr<spdlog::logger> previous = spdlog::default_logger();
    ~Restore() { spdlog::set_default_logger(previous); }
  } restore;
  spdlog::set_default_logger(logger);
  const auto db = dir / "cases.db";
  {
    auto created = test::make_store(db, clock);
    const auto c = created.store.cases().create(test::test_pack_ref());
    created.store.cases().save_answer(c.id, "story.notes", nlohmann::json(canary).dump());
    created.store.cases().save_notes(c.id, "met " + canary + " at the station");
    // While open: the WAL holds the new pages.
    ASSERT_TRUE(fs::exists(dir / "cases.db-wal"));
    EXPECT_EQ(test::count_in_tree(dir.path(), canary), 0u);
    (void)created.store.backups().make(dir / "cases.backup");
    EXPECT_EQ(created.store.cases().read(c.id).notes, "met " + canary + " at the station");  // it is there
    EXPECT_EQ(error_of([&] { created.store.cases().save_answer(c.id, "bad id!", canary); }), Errc::invalid);
  }
  std::vector<std::string> where;
  EXPECT_EQ(test::count_in_tree(dir.path(), canary, &where), 0u) << (where.empty() ? "" : where.front());
  EXPECT_EQ(test::count_in_tree(dir.path(), "Wilhelmina"), 0u);
  EXPECT_FALSE(captured.str().empty());  // the log did receive trace lines
  EXPECT_EQ(test::count_occurrences(captured.str(), "Wilhelmina"), 0u);
  // SQLite keeps temporary data in memory (temp_store=MEMORY); nothing in $TMPDIR either.
  const char* tmp = std::getenv("TMPDIR");
  EXPECT_EQ(test::count_in_tree(tmp && *tmp ? tmp : "/tmp", unique), 0u);
}

}  // namespace
}  // namespace waymark::store
