// The keyslot file under concurrent writers, with real processes (fork): every read-modify-write of
// <db>.keys holds its lock and re-reads inside it, and an attempt is counted before the key derivation.
// Also the bounds on what a keyslot file may ask for (KDF cost, counters, times) and on user names.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <climits>
#include <csignal>
#include <functional>
#include <thread>
#include <vector>

#include "crypto/keyslot.h"
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

// Argon2id settings that make a derivation take tens to hundreds of milliseconds: the window in which
// the unlocked writers of the past replaced the file from a stale copy.
constexpr crypto::KdfParams kSlowKdf{2, 32ull << 20};
constexpr crypto::KdfParams kSlowerKdf{4, 64ull << 20};

constexpr int kChildWrong = 10, kChildThrottled = 11, kChildOk = 12, kChildOther = 13;

int child_code(const std::function<void()>& body) {
  try {
    body();
    return kChildOk;
  } catch (const StoreError& e) {
    if (e.code() == Errc::wrong_passphrase) return kChildWrong;
    if (e.code() == Errc::throttled) return kChildThrottled;
    return kChildOther;
  } catch (...) {
    return kChildOther;
  }
}

// Starts one process per body, all released at the same moment (after `stagger_ms` * index), and
// returns their exit codes in order.
std::vector<int> run_processes(const std::vector<std::function<void()>>& bodies, int stagger_ms = 0) {
  int gate[2];
  if (::pipe(gate) != 0) throw std::runtime_error("pipe");
  std::vector<pid_t> pids;
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::close(gate[1]);
      char c;
      (void)::read(gate[0], &c, 1);  // returns when the parent closes its end
      if (stagger_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(stagger_ms * static_cast<int>(i)));
      ::_exit(child_code(bodies[i]));
    }
    pids.push_back(pid);
  }
  ::close(gate[0]);
  ::close(gate[1]);
  std::vector<int> codes;
  for (const pid_t pid : pids) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    codes.push_back(WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  }
  return codes;
}

crypto::KeyslotFile keyslots_of(const fs::path& db) { return crypto::parse_keyslots(*read_whole_file(keyslot_path(db))); }

int count(const std::vector<int>& codes, int code) {
  int n = 0;
  for (int c : codes) n += c == code ? 1 : 0;
  return n;
}

// Finding: 16 wrong passphrases sent in parallel were all checked with no wait, and the failure counter
// ended at 1. Now each attempt is counted under the lock before deriving: with the clock standing
// still, exactly the 5 free attempts are checked and the other 11 are told to wait.
TEST(KeyslotConcurrency, ParallelWrongPassphrasesAreAllCountedAndThrottled) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  {
    auto created = test::make_store(db, clock);
    (void)created.store.accounts().add_user("bob", kResponder, pass("bob's long enough passphrase"), kSlowKdf);
  }
  std::vector<std::function<void()>> attempts(16, [&] { (void)CaseStore::open(db, "bob", pass("not bob's passphrase"), clock); });
  const auto codes = run_processes(attempts);
  EXPECT_EQ(count(codes, kChildWrong), crypto::kFreeAttempts);
  EXPECT_EQ(count(codes, kChildThrottled), 16 - crypto::kFreeAttempts);
  EXPECT_EQ(keyslots_of(db).find_user("bob")->failures, crypto::kFreeAttempts);  // every checked attempt counted
  // The wait is enforced for the right passphrase too, then it opens and the counter is reset.
  EXPECT_EQ(error_of([&] { (void)CaseStore::open(db, "bob", pass("bob's long enough passphrase"), clock); }),
            Errc::throttled);
  clock.advance_ms(1000);
  EXPECT_NO_THROW((void)CaseStore::open(db, "bob", pass("bob's long enough passphrase"), clock));
  EXPECT_EQ(keyslots_of(db).find_user("bob")->failures, 0);
}

// Finding: `store passwd` for one account printed success while wrong attempts on another account ran
// at the same time; afterwards the new passphrase was refused and the old one worked (2 of 2 runs).
TEST(KeyslotConcurrency, PasswdIsNotUndoneByWrongAttemptsOnAnotherAccount) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  {
    auto created = test::make_store(db, clock);
    (void)created.store.accounts().add_user("bob", kResponder, pass("bob's long enough passphrase"), kSlowerKdf);
  }
  const std::string new_pass = "a brand new passphrase for alice";
  for (int round = 0; round < 2; ++round) {
    const std::string from = round == 0 ? kAdminPass : new_pass, to = round == 0 ? new_pass : kAdminPass;
    std::vector<std::function<void()>> bodies;
    bodies.push_back([&] {
      auto s = CaseStore::open(db, kAdminName, pass(from), clock);
      s.accounts().change_passphrase(pass(to), kSlowKdf);
    });
    // Four wrong attempts on bob (fewer than the free five), each deriving for longer than the change.
    for (int i = 0; i < 4; ++i)
      bodies.push_back([&] { (void)CaseStore::open(db, "bob", pass("not bob's passphrase"), clock); });
    const auto codes = run_processes(bodies, 15);
    EXPECT_EQ(codes[0], kChildOk) << "round " << round;
    EXPECT_EQ(count(codes, kChildWrong), 4) << "round " << round;
    EXPECT_NO_THROW((void)CaseStore::open(db, kAdminName, pass(to), clock)) << "round " << round;
    EXPECT_EQ(error_of([&] { (void)CaseStore::open(db, kAdminName, pass(from), clock); }), Errc::wrong_passphrase)
        << "round " << round;
    EXPECT_EQ(keyslots_of(db).find_user("bob")->failures, 4) << "round " << round;
    EXPECT_NO_THROW((void)CaseStore::open(db, "bob", pass("bob's long enough passphrase"), clock));
  }
}

// Finding: add-user reported success 3 of 3 times but left a user row with no keyslot, and `store
// verify` said ok.
TEST(KeyslotConcurrency, ParallelAddUsersAllKeepTheirKeyslots) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  { (void)test::make_store(db, clock); }
  const std::vector<std::string> names = {"rita", "ravi", "rosa", "ruth"};
  // All unlock first, then add at the same moment (as admins scripting add-user in parallel do once
  // their unlock and the calibration are over).
  const auto together = std::chrono::steady_clock::now() + std::chrono::milliseconds(500);
  std::vector<std::function<void()>> bodies;
  for (const auto& name : names)
    bodies.push_back([&db, &clock, name, together] {
      auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
      std::this_thread::sleep_until(together);
      (void)s.accounts().add_user(name, kResponder, pass(name + " has a long passphrase"), kSlowKdf);
    });
  const auto codes = run_processes(bodies);
  EXPECT_EQ(count(codes, kChildOk), static_cast<int>(names.size()));
  auto file = keyslots_of(db);
  for (const auto& name : names) {
    EXPECT_NE(file.find_user(name), nullptr) << name;
    EXPECT_NO_THROW((void)CaseStore::open(db, name, pass(name + " has a long passphrase"), clock)) << name;
  }
  auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
  EXPECT_NO_THROW((void)s.verify());
}

// `store verify` said ok for an account whose keyslot was gone: now it is reported by id.
TEST(KeyslotConcurrency, VerifyReportsAnAccountWithoutAKeyslot) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  auto created = test::make_store(db, clock);
  const User bob = created.store.accounts().add_user("bob", kResponder, pass("bob's long enough passphrase"), test::fast_kdf());
  EXPECT_NO_THROW((void)created.store.verify());
  crypto::KeyslotFile file = keyslots_of(db);
  std::erase_if(file.slots, [](const crypto::Keyslot& s) { return s.name == "bob"; });
  write_file_atomically(keyslot_path(db), crypto::serialise_keyslots(file));
  try {
    (void)created.store.verify();
    ADD_FAILURE() << "verify passed";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.code(), Errc::damaged);
    EXPECT_NE(std::string(e.what()).find("account " + std::to_string(bob.id) + " has no keyslot"), std::string::npos)
        << e.what();
  }
}

// Finding: the failure was written after the derivation, so an attempt killed while deriving (or
// still running) did not count. Now the count is in the file while the derivation runs.
TEST(KeyslotConcurrency, AnAttemptIsCountedBeforeTheKeyDerivation) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  {
    auto created = test::make_store(db, clock);
    // About a second of Argon2id: the child is still deriving when the parent looks.
    (void)created.store.accounts().add_user("bob", kResponder, pass("bob's long enough passphrase"), {8, 128ull << 20});
  }
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(child_code([&] { (void)CaseStore::open(db, "bob", pass("not bob's passphrase"), clock); }));
  int seen = 0;
  for (int i = 0; i < 40 && seen == 0; ++i) {  // up to 400 ms, well within the derivation
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    seen = keyslots_of(db).find_user("bob")->failures;
  }
  int status = 0;
  const bool still_running = ::waitpid(pid, &status, WNOHANG) == 0;
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(still_running);
  EXPECT_EQ(seen, 1);
  EXPECT_EQ(keyslots_of(db).find_user("bob")->failures, 1);  // the killed attempt stays counted
}

// Finding: the KDF settings in the keys file were unbounded (an edited or damaged file with a huge
// opslimit made every unlock hang), and an unknown user name paid the first slot's cost.
TEST(KeyslotBounds, HugeKdfSettingsAreDamageAndUnknownUsersPayAFixedCost) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  { (void)test::make_store(db, clock); }
  crypto::KeyslotFile file = keyslots_of(db);
  for (auto& slot : file.slots) slot.kdf.opslimit = 1ull << 30;  // libsodium would accept it: hours
  write_file_atomically(keyslot_path(db), crypto::serialise_keyslots(file));
  EXPECT_EQ(error_of([&] { (void)CaseStore::open(db, kAdminName, pass(kAdminPass), clock); }), Errc::damaged);
  EXPECT_EQ(error_of([&] { (void)CaseStore::open(db, "nobody", pass(kAdminPass), clock); }), Errc::wrong_passphrase);
  for (auto& slot : file.slots) {
    slot.kdf.opslimit = 3;
    slot.kdf.memlimit = crypto::kMaxMemlimit * 2;
  }
  write_file_atomically(keyslot_path(db), crypto::serialise_keyslots(file));
  EXPECT_EQ(error_of([&] { (void)CaseStore::open(db, kAdminName, pass(kAdminPass), clock); }), Errc::damaged);
  EXPECT_FALSE((crypto::KdfParams{crypto::kMaxOpslimit, crypto::kMaxMemlimit}.valid()));  // work bound
  EXPECT_TRUE((crypto::KdfParams{crypto::kMaxOpslimit, 256ull << 20}.valid()));
  EXPECT_TRUE(crypto::KdfParams::dummy().valid());
  EXPECT_TRUE(crypto::KdfParams::fast_for_tests().valid());
}

// Finding: a failure count at INT_MAX or a failure time near the ends of int64 overflowed (undefined
// behaviour); an overflowed "ready" time meant no wait at all.
TEST(KeyslotBounds, WaitArithmeticSaturates) {
  crypto::Keyslot s;
  s.failures = INT_MAX;
  s.last_failure_ms = LLONG_MAX;
  EXPECT_EQ(crypto::required_wait_ms(s, 0), 15 * 60 * 1000);
  EXPECT_EQ(crypto::required_wait_ms(s, LLONG_MIN), 15 * 60 * 1000);
  EXPECT_EQ(crypto::required_wait_ms(s, LLONG_MAX), 15 * 60 * 1000);
  s.last_failure_ms = LLONG_MIN;
  EXPECT_EQ(crypto::required_wait_ms(s, LLONG_MAX), 0);
  EXPECT_EQ(crypto::required_wait_ms(s, LLONG_MIN + 1000), 15 * 60 * 1000 - 1000);
  crypto::count_attempt(s, 5);
  EXPECT_EQ(s.failures, INT_MAX);
  EXPECT_EQ(s.last_failure_ms, 5);
  // The file cannot carry values outside the fields' ranges (a float, a negative count, 1e400).
  const std::string good = crypto::serialise_keyslots({"00", {s}});
  EXPECT_NO_THROW((void)crypto::parse_keyslots(good));
  for (const std::string& bad : {std::string("-1"), std::string("1.5"), std::string("1e400"), std::string("2147483648"),
                                 std::string("\"3\"")}) {
    std::string text = good;
    const auto at = text.find("\"failures\": ") + 12;
    text.replace(at, text.find(',', at) - at, bad);
    EXPECT_THROW((void)crypto::parse_keyslots(text), std::runtime_error) << bad;
  }
}

// Finding: a user name with invalid UTF-8 gave "unexpected error: json..."; bidi controls let one
// user name look like another.
TEST(KeyslotBounds, UserNamesMustBeValidVisibleText) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  auto created = test::make_store(db, clock);
  for (const std::string& bad : {std::string("bob\xff"), std::string("\xc0\xafroot"), std::string("ed\xed\xa0\x80"),
                                 std::string("alice\u202e"), std::string("al\u200bice"), std::string("\u2066bob\u2069"),
                                 std::string("\xef\xbb\xbf" "bob")})
    EXPECT_EQ(error_of([&] { (void)created.store.accounts().add_user(bad, kResponder, pass("a long enough passphrase"), test::fast_kdf()); }),
              Errc::invalid);
  EXPECT_NO_THROW((void)created.store.accounts().add_user("Zoë Ó Briain", kResponder, pass("a long enough passphrase"), test::fast_kdf()));
  EXPECT_EQ(error_of([&] {
              (void)CaseStore::create(dir / "other.db", "adm\xff", kAdmin, pass(kAdminPass), test::fast_kdf(), clock);
            }),
            Errc::invalid);
  EXPECT_NO_THROW((void)created.store.verify());
}

}  // namespace
}  // namespace waymark::store
