// The case store: encryption guards, accounts, permissions, autosave, migrations, audit chain.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <dlfcn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <random>

#include "crypto/keyslot.h"
#include "store/connection.h"
#include "store/files.h"
#include "store/schema.h"
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

TEST(StoreGuards, FileIsEncryptedAndPlainSqliteCannotReadIt) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  {
    auto created = test::make_store(db, clock);
    const auto c = created.store.cases().create(test::test_pack_ref());
    created.store.cases().save_answer(c.id, "story.notes", R"("some text")");
  }
  const std::string bytes = test::read_bytes(db);
  ASSERT_GE(bytes.size(), 1024u);
  EXPECT_NE(bytes.substr(0, 16), std::string("SQLite format 3\0", 16));
  // The plain sqlite3 command-line tool (libsqlite3) cannot read it.
  const std::string cmd = "sqlite3 '" + db.string() + "' 'SELECT count(*) FROM sqlite_master;' >/dev/null 2>&1";
  EXPECT_NE(std::system(cmd.c_str()), 0);
  // No plain SQLite in this process; the engine is SQLCipher.
  EXPECT_NO_THROW(check_no_plain_sqlite_loaded());
  EXPECT_NO_THROW(check_header_encrypted(db));
}

TEST(StoreGuards, SelfTestRefusesAPlaintextHeaderOrPlainSqliteInTheProcess) {
  TempDir dir;
  const auto plain = dir / "plain.db";
  test::write_bytes(plain, std::string("SQLite format 3\0", 16) + std::string(1008, '\0'));
  EXPECT_EQ(error_of([&] { check_header_encrypted(plain); }), Errc::self_test);
  // A child process that loads libsqlite3 (as QtSql or NSS would) must be refused.
  const pid_t pid = ::fork();
  if (pid == 0) {
    void* lib = ::dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_LOCAL);
    if (lib == nullptr) ::_exit(2);
    try {
      check_no_plain_sqlite_loaded();
    } catch (const StoreError& e) {
      ::_exit(e.code() == Errc::self_test ? 0 : 3);
    }
    ::_exit(1);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(StoreGuards, AThousandRandomKeysAreRejected) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  { (void)test::make_store(db, clock); }
  const std::string before = test::read_bytes(db);
  int rejected = 0;
  for (int i = 0; i < 1000; ++i) {
    const auto key = crypto::Secret::random(32);
    try {
      Connection conn(db, key, OpenMode::existing);
    } catch (const StoreError& e) {
      if (e.code() == Errc::damaged) ++rejected;  // SQLITE_NOTADB: cannot be told apart from damage
    }
  }
  EXPECT_EQ(rejected, 1000);
  EXPECT_EQ(test::read_bytes(db), before);  // nothing written by failed attempts
}

TEST(StoreGuards, WrongPassphrasesAndUnknownUsersAreRejected) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  { (void)test::make_store(db, clock); }
  const std::vector<std::string> wrong = {"", " ", "blue kettle under the stairs ", "Blue kettle under the stairs",
                                          "blue kettle under the stair", "BLUE KETTLE UNDER THE STAIRS",
                                          std::string(kAdminPass) + "\n", "x", std::string(1000, 'a')};
  for (const auto& w : wrong) {
    EXPECT_EQ(error_of([&] { (void)CaseStore::open(db, kAdminName, pass(w), clock); }), Errc::wrong_passphrase);
    clock.advance_ms(20 * 60 * 1000);  // past any delay
  }
  EXPECT_EQ(error_of([&] { (void)CaseStore::open(db, "mallory", pass(kAdminPass), clock); }), Errc::wrong_passphrase);
  EXPECT_NO_THROW((void)CaseStore::open(db, kAdminName, pass(kAdminPass), clock));
}

TEST(StoreGuards, RepeatedWrongPassphrasesAreDelayedAndTheDelayPersists) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  { (void)test::make_store(db, clock); }
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(error_of([&] { (void)CaseStore::open(db, kAdminName, pass("not the passphrase"), clock); }),
              Errc::wrong_passphrase);
  // The sixth attempt, even with the right passphrase, must wait (the counter is in the keyslot file).
  EXPECT_EQ(error_of([&] { (void)CaseStore::open(db, kAdminName, pass(kAdminPass), clock); }), Errc::throttled);
  clock.advance_ms(1000);
  EXPECT_EQ(error_of([&] { (void)CaseStore::open(db, kAdminName, pass("not the passphrase"), clock); }),
            Errc::wrong_passphrase);
  clock.advance_ms(1500);
  EXPECT_EQ(error_of([&] { (void)CaseStore::open(db, kAdminName, pass(kAdminPass), clock); }), Errc::throttled);
  clock.advance_ms(600);
  EXPECT_NO_THROW((void)CaseStore::open(db, kAdminName, pass(kAdminPass), clock));
  // A success resets the counter.
  EXPECT_EQ(crypto::parse_keyslots(*read_whole_file(keyslot_path(db))).find_user(kAdminName)->failures, 0);
}

TEST(Accounts, AddUserPasswdAndRecoveryCode) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  crypto::Secret recovery;
  {
    auto created = test::make_store(db, clock);
    recovery = std::move(created.recovery_code);
    EXPECT_EQ(error_of([&] { created.store.accounts().add_user("bob", kResponder, pass("too short"), test::fast_kdf()); }),
              Errc::weak_passphrase);
    created.store.accounts().add_user("bob", kResponder, pass("bob's long enough passphrase"), test::fast_kdf());
    EXPECT_EQ(error_of([&] { created.store.accounts().add_user("bob", kResponder, pass("another long passphrase"), test::fast_kdf()); }),
              Errc::already_exists);
  }
  {
    auto bob = CaseStore::open(db, "bob", pass("bob's long enough passphrase"), clock);
    EXPECT_EQ(bob.user().roles, kResponder);
    EXPECT_EQ(error_of([&] { bob.accounts().add_user("eve", kAdmin, pass("eve's long enough passphrase"), test::fast_kdf()); }),
              Errc::denied);
    bob.accounts().change_passphrase(pass("bob's second long passphrase"), test::fast_kdf());
  }
  EXPECT_EQ(error_of([&] { (void)CaseStore::open(db, "bob", pass("bob's long enough passphrase"), clock); }),
            Errc::wrong_passphrase);
  EXPECT_NO_THROW((void)CaseStore::open(db, "bob", pass("bob's second long passphrase"), clock));
  // alice's slot is untouched by bob's change.
  EXPECT_NO_THROW((void)CaseStore::open(db, kAdminName, pass(kAdminPass), clock));
  // The recovery code sets a new passphrase for someone who forgot theirs.
  EXPECT_EQ(error_of([&] {
              CaseStore::reset_passphrase(db, pass("AAAA-BBBB"), "bob", pass("a brand new passphrase"), test::fast_kdf(), clock);
            }),
            Errc::wrong_passphrase);
  CaseStore::reset_passphrase(db, recovery, "bob", pass("a brand new passphrase"), test::fast_kdf(), clock);
  EXPECT_NO_THROW((void)CaseStore::open(db, "bob", pass("a brand new passphrase"), clock));
}

TEST(Accounts, EditingARoleInTheKeyslotFileUnlocksNothing) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  {
    auto created = test::make_store(db, clock);
    created.store.accounts().add_user("bob", kResponder, pass("bob's long enough passphrase"), test::fast_kdf());
  }
  auto text = *read_whole_file(keyslot_path(db));
  const auto at = text.find("\"roles\": \"responder\"");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 20, "\"roles\": \"supervisor\"");
  write_file_atomically(keyslot_path(db), text);
  EXPECT_EQ(error_of([&] { (void)CaseStore::open(db, "bob", pass("bob's long enough passphrase"), clock); }),
            Errc::wrong_passphrase);
  write_file_atomically(keyslot_path(db), "{ not json");
  EXPECT_EQ(error_of([&] { (void)CaseStore::open(db, "bob", pass("bob's long enough passphrase"), clock); }),
            Errc::damaged);
  EXPECT_TRUE(fs::exists(db));
}

struct Team {
  TempDir dir;
  FakeClock clock;
  fs::path db = dir / "cases.db";
  Team() {
    // alice (admin + supervisor) sets the team up: only a supervisor may create a supervisor.
    auto created = test::make_store(db, clock);
    created.store.accounts().add_user("adam", kAdmin, pass("adam administers accounts"), test::fast_kdf());  // sees no cases
    created.store.accounts().add_user("rita", kResponder, pass("rita responds to calls"), test::fast_kdf());
    created.store.accounts().add_user("ravi", kResponder, pass("ravi responds to calls"), test::fast_kdf());
    created.store.accounts().add_user("cara", kCaseworker, pass("cara works the cases"), test::fast_kdf());
    created.store.accounts().add_user("carl", kCaseworker, pass("carl works the cases"), test::fast_kdf());
    created.store.accounts().add_user("sam", kSupervisor, pass("sam supervises them all"), test::fast_kdf());
  }
  CaseStore as(const std::string& who) {
    static const std::map<std::string, std::string> passes = {
        {"alice", kAdminPass}, {"adam", "adam administers accounts"}, {"rita", "rita responds to calls"}, {"ravi", "ravi responds to calls"},
        {"cara", "cara works the cases"}, {"carl", "carl works the cases"}, {"sam", "sam supervises them all"}};
    return CaseStore::open(db, who, pass(passes.at(who)), clock);
  }
};

TEST(Permissions, RolesAreEnforcedInTheService) {
  Team team;
  std::int64_t id = 0;
  {
    auto rita = team.as("rita");
    id = rita.cases().create(test::test_pack_ref()).id;
    rita.cases().save_answer(id, "safety.danger", "true");
    rita.cases().save_notes(id, "notes");
    EXPECT_EQ(rita.cases().list().total, 1);
  }
  {
    auto ravi = team.as("ravi");
    EXPECT_EQ(ravi.cases().list().total, 0);
    EXPECT_EQ(error_of([&] { (void)ravi.cases().read(id); }), Errc::denied);
    EXPECT_EQ(error_of([&] { ravi.cases().save_answer(id, "safety.danger", "false"); }), Errc::denied);
  }
  {
    auto admin = team.as("adam");
    EXPECT_EQ(error_of([&] { (void)admin.cases().list(); }), Errc::denied);
    EXPECT_EQ(error_of([&] { (void)admin.cases().read(id); }), Errc::denied);
    EXPECT_EQ(error_of([&] { (void)admin.cases().create(test::test_pack_ref()); }), Errc::denied);
    EXPECT_EQ(admin.accounts().users().size(), 7u);
  }
  {
    auto cara = team.as("cara");
    EXPECT_EQ(error_of([&] { (void)cara.cases().read(id); }), Errc::denied);  // a draft is not submitted
    EXPECT_EQ(error_of([&] { (void)cara.cases().create(test::test_pack_ref()); }), Errc::denied);
  }
  {
    auto rita = team.as("rita");
    EXPECT_EQ(error_of([&] { rita.cases().submit(id, "sam"); }), Errc::invalid);  // not a caseworker
    rita.cases().submit(id, "cara");
    EXPECT_EQ(error_of([&] { rita.cases().save_answer(id, "safety.danger", "false"); }), Errc::denied);  // submitted
  }
  {
    auto cara = team.as("cara");
    EXPECT_EQ(cara.cases().read(id).answers.size(), 1u);
    EXPECT_EQ(cara.cases().export_record(id).notes, "notes");
    EXPECT_EQ(cara.cases().list().total, 1);
    EXPECT_EQ(error_of([&] { cara.reviews().approve(id); }), Errc::denied);
    EXPECT_EQ(error_of([&] { cara.cases().save_notes(id, "x"); }), Errc::denied);
  }
  {
    auto carl = team.as("carl");
    EXPECT_EQ(error_of([&] { (void)carl.cases().read(id); }), Errc::denied);
    EXPECT_EQ(error_of([&] { (void)carl.cases().export_record(id); }), Errc::denied);
  }
  {
    auto sam = team.as("sam");
    EXPECT_EQ(sam.cases().list().total, 1);
    sam.reviews().return_case(id, "check the dates");
  }
  {
    auto rita = team.as("rita");
    rita.cases().save_answer(id, "safety.danger", "false");  // returned: editable again
    const auto r = rita.cases().read(id);
    ASSERT_EQ(r.answers.size(), 1u);
    EXPECT_EQ(r.answers[0].value_json, "false");
    EXPECT_EQ(r.answer_history, 2);  // history kept
    rita.cases().submit(id, "cara");
  }
  {
    auto sam = team.as("sam");
    sam.reviews().approve(id);
    sam.reviews().close(id);
    EXPECT_EQ(sam.cases().read(id).summary.status, CaseStatus::closed);
    EXPECT_EQ(error_of([&] { sam.reviews().close(id); }), Errc::denied);
  }
  // Refusals are in the audit trail.
  auto sam = team.as("sam");
  int denials = 0;
  for (const auto& e : sam.audit_events()) denials += e.action == static_cast<int>(AuditAction::access_denied);
  EXPECT_GE(denials, 10);
  EXPECT_NO_THROW((void)sam.verify());
}

TEST(Autosave, EachAnswerIsCommittedBeforeSaveReturns) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  auto created = test::make_store(db, clock);
  const auto c = created.store.cases().create(test::test_pack_ref());
  created.store.cases().save_answer(c.id, "safety.danger", "true");
  // A second, independent connection sees it at once: it is committed, not buffered.
  auto other = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
  EXPECT_EQ(other.cases().read(c.id).answers.size(), 1u);
  auto& conn = created.store.connection_for_tests().db();
  EXPECT_EQ(conn.execAndGet("PRAGMA journal_mode").getString(), "wal");
  EXPECT_EQ(conn.execAndGet("PRAGMA synchronous").getInt(), 2);  // FULL
  EXPECT_EQ(conn.execAndGet("PRAGMA foreign_keys").getInt(), 1);
  auto& conn2 = other.connection_for_tests().db();
  EXPECT_EQ(conn2.execAndGet("PRAGMA synchronous").getInt(), 2);
}

// Finding: `store backup` and `store verify` had no role check: a responder could replace the admin's
// newest backup. docs/security.md: backups and checks are the store's upkeep (admin or supervisor).
TEST(Permissions, BackupAndVerifyNeedAdminOrSupervisor) {
  Team team;
  for (const char* who : {"rita", "cara"}) {
    auto s = team.as(who);
    EXPECT_EQ(error_of([&] { (void)s.backups().make(team.dir / "backup.db"); }), Errc::denied) << who;
    EXPECT_EQ(error_of([&] { (void)s.verify(); }), Errc::denied) << who;
  }
  EXPECT_FALSE(fs::exists(team.dir / "backup.db"));
  for (const char* who : {"adam", "sam", "alice"}) {
    auto s = team.as(who);
    EXPECT_NO_THROW((void)s.backups().make(team.dir / "backup.db")) << who;
    EXPECT_NO_THROW((void)s.verify()) << who;
  }
  int denials = 0;
  for (const auto& e : team.as("alice").audit_events()) denials += e.action == static_cast<int>(AuditAction::access_denied);
  EXPECT_EQ(denials, 4);
}

// Finding: a supervisor could approve their own case. Now refused unless an admin allows it for the
// store (off by default); the change is in the audit trail.
TEST(Permissions, SelfApprovalIsOffUnlessTheStoreAllowsIt) {
  Team team;
  std::int64_t own = 0;
  {
    auto sam = team.as("sam");
    EXPECT_FALSE(sam.self_approval_allowed());
    own = sam.cases().create(test::test_pack_ref()).id;
    sam.cases().submit(own, "cara");
    EXPECT_EQ(error_of([&] { sam.reviews().approve(own); }), Errc::denied);
    sam.reviews().return_case(own, "check the dates");  // giving it back is not approving it
    sam.cases().submit(own, "cara");
    EXPECT_EQ(error_of([&] { sam.set_self_approval(true); }), Errc::denied);  // not an admin
  }
  {
    auto alice = team.as("alice");  // another supervisor may approve it
    EXPECT_NO_THROW(alice.reviews().approve(own));
  }
  std::int64_t second = 0;
  {
    auto sam = team.as("sam");
    second = sam.cases().create(test::test_pack_ref()).id;
    sam.cases().submit(second, "cara");
  }
  {
    auto adam = team.as("adam");
    adam.set_self_approval(true);
    EXPECT_TRUE(adam.self_approval_allowed());
    const auto events = adam.audit_events();
    EXPECT_EQ(events.back().action, static_cast<int>(AuditAction::setting_changed));
    EXPECT_EQ(events.back().detail.value_or(0), 3);  // setting 1, on
  }
  {
    auto sam = team.as("sam");
    EXPECT_NO_THROW(sam.reviews().approve(second));
    EXPECT_NO_THROW((void)sam.verify());
  }
}

TEST(Schema, MigratesOldDatabasesAndRefusesNewerOnes) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  {
    auto created = test::make_store(db, clock);
    const auto c = created.store.cases().create(test::test_pack_ref());
    created.store.cases().save_answer(c.id, "safety.danger", "true");
    auto& conn = created.store.connection_for_tests().db();
    EXPECT_EQ(current_version(conn), schema_version());
    // Foreign keys hold: an answer for a case that does not exist is refused.
    EXPECT_THROW(conn.exec("INSERT INTO answers (case_id, question_id, value_json, saved_by, saved_ms) "
                           "VALUES (99, 'q', '1', 1, 0)"),
                 SQLite::Exception);
  }
  // A fresh in-memory database at version 1 with data, migrated to the newest version.
  {
    SQLite::Database mem(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    mem.exec("PRAGMA foreign_keys = ON");
    migrate(mem, migrations(), 1);
    EXPECT_EQ(current_version(mem), 1);
    mem.exec("INSERT INTO users (id, name, roles, created_ms) VALUES (1, 'u', 'responder', 0)");
    mem.exec("INSERT INTO cases (id, reference, owner_id, status, pack_id, pack_version, pack_sha256, created_ms, "
             "updated_ms) VALUES (1, 'WM-1', 1, 'draft', 'p', '1', 's', 0, 0)");
    mem.exec("INSERT INTO answers (case_id, question_id, value_json, saved_by, saved_ms) VALUES (1, 'q', '1', 1, 0)");
    migrate(mem, migrations());
    EXPECT_EQ(current_version(mem), schema_version());
    EXPECT_EQ(mem.execAndGet("SELECT count(*) FROM cases WHERE assigned_to IS NULL").getInt(), 1);
    EXPECT_EQ(mem.execAndGet("SELECT count(*) FROM answers").getInt(), 1);
    EXPECT_EQ(mem.execAndGet("PRAGMA foreign_keys").getInt(), 1);
    EXPECT_THROW(mem.exec("UPDATE cases SET status = 'lost'"), SQLite::Exception);  // new CHECK
  }
  // A database from a newer Waymark is refused and left alone.
  {
    auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
    s.connection_for_tests().db().exec("PRAGMA user_version = " + std::to_string(schema_version() + 1));
  }
  const std::string before = test::read_bytes(db);
  EXPECT_EQ(error_of([&] { (void)CaseStore::open(db, kAdminName, pass(kAdminPass), clock); }), Errc::too_new);
  EXPECT_EQ(test::read_bytes(db), before);
}

// The audit chain catches an edited, a deleted and a reordered event.
class AuditTamper : public ::testing::Test {
 protected:
  TempDir dir;
  FakeClock clock;
  fs::path db = dir / "cases.db";
  void SetUp() override {
    auto created = test::make_store(db, clock);
    const auto c = created.store.cases().create(test::test_pack_ref());
    for (int i = 0; i < 5; ++i) {
      clock.advance_ms(1000);
      created.store.cases().save_answer(c.id, "story.moved", "true");
    }
    EXPECT_TRUE(AuditLog(created.store.connection_for_tests().db(), crypto::Secret::random(32)).events().size() > 6);
    EXPECT_NO_THROW((void)created.store.verify());
  }
  Errc tamper_then_verify(const std::string& sql) {
    auto s = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
    s.connection_for_tests().db().exec(sql);
    return error_of([&] { (void)s.verify(); });
  }
};

TEST_F(AuditTamper, EditedEvent) {
  EXPECT_EQ(tamper_then_verify("UPDATE audit SET user_id = 2 WHERE seq = 5"), Errc::damaged);
}
TEST_F(AuditTamper, EditedTime) {
  EXPECT_EQ(tamper_then_verify("UPDATE audit SET time_ms = time_ms + 1 WHERE seq = 4"), Errc::damaged);
}
TEST_F(AuditTamper, DeletedEvent) {
  EXPECT_EQ(tamper_then_verify("DELETE FROM audit WHERE seq = 4"), Errc::damaged);
}
TEST_F(AuditTamper, ReorderedEvents) {
  EXPECT_EQ(tamper_then_verify("UPDATE audit SET seq = -1 WHERE seq = 4; UPDATE audit SET seq = 4 WHERE seq = 5; "
                               "UPDATE audit SET seq = 5 WHERE seq = -1"),
            Errc::damaged);
}
TEST_F(AuditTamper, ReorderedContent) {
  // Swap everything but seq between two events.
  EXPECT_EQ(tamper_then_verify(
                "CREATE TEMP TABLE t AS SELECT * FROM audit WHERE seq IN (4, 5);"
                "UPDATE audit SET time_ms = (SELECT time_ms FROM t WHERE seq = 5), action = (SELECT action FROM t WHERE seq = 5),"
                " prev_hash = (SELECT prev_hash FROM t WHERE seq = 5), hash = (SELECT hash FROM t WHERE seq = 5) WHERE seq = 4;"
                "UPDATE audit SET time_ms = (SELECT time_ms FROM t WHERE seq = 4), action = (SELECT action FROM t WHERE seq = 4),"
                " prev_hash = (SELECT prev_hash FROM t WHERE seq = 4), hash = (SELECT hash FROM t WHERE seq = 4) WHERE seq = 5;"),
            Errc::damaged);
}
TEST_F(AuditTamper, InsertedEvent) {
  EXPECT_EQ(tamper_then_verify("INSERT INTO audit (seq, time_ms, user_id, action, case_id, prev_hash, hash)"
                               " SELECT (SELECT max(seq) + 1 FROM audit), time_ms, user_id, action,"
                               " case_id, prev_hash, hash FROM audit WHERE seq = 5"),
            Errc::damaged);
}


// Finding: an admin-only account could grant supervisor (and so read every case) to itself or to a
// second account; the user_added event named neither the new account nor its roles.
TEST(Accounts, OnlyASupervisorCanGrantSupervisorAndTheEventNamesAccountAndRoles) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  {
    auto created = test::make_store(db, clock);  // alice: admin + supervisor
    const User adam = created.store.accounts().add_user("adam", kAdmin, pass("adam administers accounts"), test::fast_kdf());
    const auto events = created.store.audit_events();
    ASSERT_FALSE(events.empty());
    const AuditEvent& added = events.back();
    EXPECT_EQ(added.action, static_cast<int>(AuditAction::user_added));
    EXPECT_EQ(added.user_id, 1);
    ASSERT_TRUE(added.subject_id.has_value());
    EXPECT_EQ(*added.subject_id, adam.id);
    ASSERT_TRUE(added.detail.has_value());
    EXPECT_EQ(*added.detail, static_cast<std::int64_t>(kAdmin));
    // The first account's own event says so too.
    EXPECT_EQ(events[1].action, static_cast<int>(AuditAction::user_added));
    EXPECT_EQ(events[1].subject_id.value_or(0), 1);
    EXPECT_EQ(events[1].detail.value_or(0), static_cast<std::int64_t>(kAdmin | kSupervisor));
  }
  {
    auto adam = CaseStore::open(db, "adam", pass("adam administers accounts"), clock);
    EXPECT_EQ(error_of([&] { (void)adam.accounts().add_user("mallory", kSupervisor, pass("mallory wants to read"), test::fast_kdf()); }),
              Errc::denied);
    EXPECT_EQ(error_of([&] {
                (void)adam.accounts().add_user("adam2", kAdmin | kSupervisor, pass("adam has a second account"), test::fast_kdf());
              }),
              Errc::denied);
    // Responders, caseworkers and other admins: allowed.
    EXPECT_NO_THROW((void)adam.accounts().add_user("rita", kResponder, pass("rita responds to calls"), test::fast_kdf()));
    EXPECT_NO_THROW((void)adam.accounts().add_user("cara", kCaseworker, pass("cara works the cases"), test::fast_kdf()));
    EXPECT_NO_THROW((void)adam.accounts().add_user("ada", kAdmin, pass("ada administers too"), test::fast_kdf()));
    EXPECT_EQ(adam.accounts().users().size(), 5u);
    EXPECT_NO_THROW((void)adam.verify());
  }
  // A supervisor may.
  auto alice = CaseStore::open(db, kAdminName, pass(kAdminPass), clock);
  EXPECT_NO_THROW((void)alice.accounts().add_user("sam", kSupervisor, pass("sam supervises them all"), test::fast_kdf()));
}

// Finding: add_user writes the keyslot before the commit; a failed commit left a slot whose user id
// the next account then received.
TEST(Accounts, AnOrphanKeyslotsIdIsNeverReusedAndTheSlotIsDropped) {
  TempDir dir;
  FakeClock clock;
  const auto db = dir / "cases.db";
  auto created = test::make_store(db, clock);
  // What a failed commit leaves: a slot for user 2 ("ghost") with no account row.
  {
    crypto::KeyslotFile file = crypto::parse_keyslots(test::read_bytes(keyslot_path(db)));
    // The database key, to wrap the ghost slot like the real code would have.
    const auto unlocked = crypto::open_keyslot(*file.find_user(kAdminName), file.store_id, pass(kAdminPass));
    ASSERT_TRUE(unlocked.has_value());
    file.slots.push_back(crypto::make_keyslot(crypto::Keyslot::Kind::passphrase, 2, "ghost", "responder",
                                              file.store_id, pass("ghost was never committed"), *unlocked,
                                              test::fast_kdf()));
    write_file_atomically(keyslot_path(db), crypto::serialise_keyslots(file));
  }
  const User bob = created.store.accounts().add_user("bob", kResponder, pass("bob's long enough passphrase"), test::fast_kdf());
  EXPECT_EQ(bob.id, 3);  // not 2: that id is the orphan slot's
  const crypto::KeyslotFile after = crypto::parse_keyslots(test::read_bytes(keyslot_path(db)));
  for (const auto& slot : after.slots) EXPECT_NE(slot.name, "ghost");
  EXPECT_NO_THROW((void)created.store.verify());
  // The name is free again.
  const User ghost = created.store.accounts().add_user("ghost", kResponder, pass("ghost is real this time"), test::fast_kdf());
  EXPECT_EQ(ghost.id, 4);
  EXPECT_NO_THROW((void)CaseStore::open(db, "ghost", pass("ghost is real this time"), clock));
  EXPECT_NO_THROW((void)CaseStore::open(db, "bob", pass("bob's long enough passphrase"), clock));
}

}  // namespace
}  // namespace waymark::store
