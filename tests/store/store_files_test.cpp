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

using test::FakeClock;
using test::kAdminName;
using test::kAdminPass;
using test::pass;
using test::TempDir;
namespace fs = std::filesystem;

Errc error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const StoreError& e) {
    return e.code();
  }
  ADD_FAILURE() << "no StoreError";
  return Errc::io;
}

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
  const auto c = s.create_case(test::test_pack_ref());
  for (int i = 0; i < answers; ++i) s.save_answer(c.id, "q.n" + std::to_string(i), std::to_string(i));
  return c.id;
}

TEST(Tampering, EveryPageOfTheFileIsAuthenticated) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  {
    auto created = test::make_store(db, clock);
    auto id = make_case_with_answers(created.store, 40);
    created.store.save_notes(id, std::string(3000, 'n'));  // overflow pages too
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
  EXPECT_EQ(s.read_case(1).answers.size(), 3u);
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
          s.save_answer(case_id, "fill.q" + std::to_string(i), big);
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
  EXPECT_GE(static_cast<int>(s.read_case(1).answers.size()), at_least);
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
    const auto r = s.read_case(1);
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

TEST(Files, KeyslotFileOnAFullDiskIsReportedAndUnchanged) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  { (void)test::make_store(db, clock); }
  const std::string before = test::read_bytes(keyslot_path(db));
  const int result = in_child(
      [] {
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{100, 100};
        ::setrlimit(RLIMIT_FSIZE, &limit);
      },
      [&] {
        auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
        s.change_passphrase(pass("a completely new passphrase"), test::fast_kdf());
      });
  EXPECT_EQ(result, 100 + static_cast<int>(Errc::disk_full));
  EXPECT_EQ(test::read_bytes(keyslot_path(db)), before);
  EXPECT_NO_THROW((void)CaseStore::open(db, kAdminName, pass(kAdminPass), clock));
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
    created.store.save_answer(id, "gen", std::to_string(g));
    const auto r = created.store.backup(to, 3);
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
  EXPECT_EQ(error_of([&] { (void)created.store.backup(db); }), Errc::invalid);
}

TEST(Backup, RestoreReplacesOnlyAfterCheckingAndKeepsTheOldFiles) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  const auto to = dir / "cases.backup";
  {
    auto created = test::make_store(db, clock);
    (void)make_case_with_answers(created.store, 5);
    (void)created.store.backup(to);
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
  EXPECT_EQ(s.list_cases().size(), 1u);
  bool kept = false;
  for (const auto& e : fs::directory_iterator(dir.path()))
    if (e.path().filename().string().rfind("cases.db.replaced-", 0) == 0 && test::read_bytes(e.path()) == live) kept = true;
  EXPECT_TRUE(kept);
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
    const auto c = created.store.create_case(test::test_pack_ref());
    created.store.save_answer(c.id, "story.notes", nlohmann::json(canary).dump());
    created.store.save_notes(c.id, "met " + canary + " at the station");
    // While open: the WAL holds the new pages.
    ASSERT_TRUE(fs::exists(dir / "cases.db-wal"));
    EXPECT_EQ(test::count_in_tree(dir.path(), canary), 0u);
    (void)created.store.backup(dir / "cases.backup");
    EXPECT_EQ(created.store.read_case(c.id).notes, "met " + canary + " at the station");  // it is there
    EXPECT_EQ(error_of([&] { created.store.save_answer(c.id, "bad id!", canary); }), Errc::invalid);
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
