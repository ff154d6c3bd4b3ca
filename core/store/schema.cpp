#include "store/schema.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <string>
#include <vector>

#include "log/log.h"
#include "store/case_facets.h"
#include "store/case_rows.h"
#include "store/errors.h"

namespace waymark::store {
namespace {

// Version 1: users, cases, answers (history: rows are only ever added), audit chain, store metadata.
void create_v1(SQLite::Database& db) {
  db.exec(R"sql(
    CREATE TABLE meta (
      key   TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL
    );
    CREATE TABLE users (
      id         INTEGER PRIMARY KEY,
      name       TEXT NOT NULL UNIQUE,
      roles      TEXT NOT NULL,
      created_ms INTEGER NOT NULL
    );
    CREATE TABLE cases (
      id              INTEGER PRIMARY KEY,
      reference       TEXT NOT NULL UNIQUE,
      owner_id        INTEGER NOT NULL REFERENCES users(id),
      status          TEXT NOT NULL,
      pack_id         TEXT NOT NULL,
      pack_version    TEXT NOT NULL,
      pack_sha256     TEXT NOT NULL,
      notes           TEXT NOT NULL DEFAULT '',
      assessment_json TEXT,
      created_ms      INTEGER NOT NULL,
      updated_ms      INTEGER NOT NULL
    );
    CREATE TABLE answers (
      id          INTEGER PRIMARY KEY,
      case_id     INTEGER NOT NULL REFERENCES cases(id),
      question_id TEXT NOT NULL,
      value_json  TEXT NOT NULL,
      saved_by    INTEGER NOT NULL REFERENCES users(id),
      saved_ms    INTEGER NOT NULL
    );
    CREATE INDEX answers_by_case ON answers(case_id, question_id, id);
    CREATE TABLE audit (
      seq       INTEGER PRIMARY KEY,
      time_ms   INTEGER NOT NULL,
      user_id   INTEGER NOT NULL,
      action    INTEGER NOT NULL,
      case_id   INTEGER,
      prev_hash BLOB NOT NULL,
      hash      BLOB NOT NULL
    );
  )sql");
}

// Version 2: cases gain the caseworker they were submitted to and a CHECK on status. Rebuilt, not
// altered: the pattern every later column change follows.
void rebuild_cases_v2(SQLite::Database& db) {
  db.exec(R"sql(
    CREATE TABLE cases_new (
      id              INTEGER PRIMARY KEY,
      reference       TEXT NOT NULL UNIQUE,
      owner_id        INTEGER NOT NULL REFERENCES users(id),
      assigned_to     INTEGER REFERENCES users(id),
      status          TEXT NOT NULL
                      CHECK (status IN ('draft','submitted','returned','approved','closed')),
      pack_id         TEXT NOT NULL,
      pack_version    TEXT NOT NULL,
      pack_sha256     TEXT NOT NULL,
      notes           TEXT NOT NULL DEFAULT '',
      assessment_json TEXT,
      created_ms      INTEGER NOT NULL,
      updated_ms      INTEGER NOT NULL
    );
    INSERT INTO cases_new (id, reference, owner_id, assigned_to, status, pack_id, pack_version,
                           pack_sha256, notes, assessment_json, created_ms, updated_ms)
      SELECT id, reference, owner_id, NULL, status, pack_id, pack_version, pack_sha256, notes,
             assessment_json, created_ms, updated_ms FROM cases;
    DROP TABLE cases;
    ALTER TABLE cases_new RENAME TO cases;
    CREATE INDEX cases_by_owner ON cases(owner_id);
    CREATE INDEX cases_by_assignee ON cases(assigned_to);
  )sql");
}

// Version 3: audit events about accounts name the account and the roles given (codes, never names).
// Adding a nullable column is supported by SQLite 3.15 and rewrites nothing.
void audit_subject_v3(SQLite::Database& db) {
  db.exec("ALTER TABLE audit ADD COLUMN subject_id INTEGER; ALTER TABLE audit ADD COLUMN detail INTEGER;");
}

// Version 4, the review desk: a case row holds only what lists, filters and counts need (status, band,
// exploitation types, nation, child flag, submission and closing times), each indexed for the desk's
// queries; notes and the assessment move to case_content so that scanning cases never reads them. Ids
// are never reused (AUTOINCREMENT): audit events of a purged case must not come to name a new one.
// Reviews keep every decision with its reviewer and note; a return must say why.
void review_desk_v4(SQLite::Database& db) {
  db.exec(R"sql(
    CREATE TABLE case_content (
      case_id         INTEGER PRIMARY KEY REFERENCES cases(id),
      notes           TEXT NOT NULL DEFAULT '',
      assessment_json TEXT
    );
    INSERT INTO case_content (case_id, notes, assessment_json) SELECT id, notes, assessment_json FROM cases;
    CREATE TABLE cases_new (
      id           INTEGER PRIMARY KEY AUTOINCREMENT,
      reference    TEXT NOT NULL UNIQUE,
      owner_id     INTEGER NOT NULL REFERENCES users(id),
      assigned_to  INTEGER REFERENCES users(id),
      status       TEXT NOT NULL
                   CHECK (status IN ('draft','submitted','returned','approved','closed')),
      pack_id      TEXT NOT NULL,
      pack_version TEXT NOT NULL,
      pack_sha256  TEXT NOT NULL,
      band         TEXT CHECK (band IN ('emergency','refer','assess','none')),
      types        TEXT NOT NULL DEFAULT '',
      nation       TEXT,
      child        INTEGER CHECK (child IN (0, 1)),
      submitted_ms INTEGER,
      closed_ms    INTEGER,
      created_ms   INTEGER NOT NULL,
      updated_ms   INTEGER NOT NULL
    );
    INSERT INTO cases_new (id, reference, owner_id, assigned_to, status, pack_id, pack_version, pack_sha256,
                           submitted_ms, closed_ms, created_ms, updated_ms)
      SELECT id, reference, owner_id, assigned_to, status, pack_id, pack_version, pack_sha256,
             (SELECT max(time_ms) FROM audit a WHERE a.case_id = cases.id AND a.action = 16),
             CASE status WHEN 'closed' THEN
               (SELECT max(time_ms) FROM audit a WHERE a.case_id = cases.id AND a.action = 19) END,
             created_ms, updated_ms FROM cases;
    DROP TABLE cases;
    ALTER TABLE cases_new RENAME TO cases;
    CREATE INDEX cases_by_updated  ON cases(updated_ms);
    CREATE INDEX cases_by_owner    ON cases(owner_id, updated_ms);
    CREATE INDEX cases_by_assignee ON cases(assigned_to, updated_ms);
    CREATE INDEX cases_by_status   ON cases(status, updated_ms);
    CREATE INDEX cases_in_queue    ON cases(status, submitted_ms);
    CREATE INDEX cases_by_band     ON cases(band, updated_ms);
    CREATE INDEX cases_by_created  ON cases(created_ms);
    CREATE INDEX cases_by_closed   ON cases(closed_ms) WHERE closed_ms IS NOT NULL;
    CREATE TABLE reviews (
      id          INTEGER PRIMARY KEY,
      case_id     INTEGER NOT NULL REFERENCES cases(id),
      reviewer_id INTEGER NOT NULL REFERENCES users(id),
      decision    TEXT NOT NULL CHECK (decision IN ('returned','approved','closed')),
      note        TEXT NOT NULL DEFAULT '',
      question_id TEXT,
      time_ms     INTEGER NOT NULL,
      CHECK (decision <> 'returned' OR length(trim(note)) > 0)
    );
    CREATE INDEX reviews_by_case ON reviews(case_id, id);
    CREATE INDEX audit_by_case ON audit(case_id, seq) WHERE case_id IS NOT NULL;
  )sql");
  // The facets of each stored assessment (JSON: parsed here, not in SQL; SQLite 3.15 has no json1).
  SQLite::Statement read(db, "SELECT case_id, assessment_json FROM case_content WHERE assessment_json IS NOT NULL");
  SQLite::Statement write(db, "UPDATE cases SET band = ?, types = ?, nation = ?, child = ? WHERE id = ?");
  while (read.executeStep()) {
    write.reset();
    bind_facets(write, facets_of(read.getColumn(1).getString()));
    write.bind(5, read.getColumn(0).getInt64());
    write.exec();
  }
}

// Version 5, indexes measured at 100,000 cases (tests/bench/desk_bench.cpp): status and result with
// the start date for the desk's combined filters (read from the index alone); the figures' columns
// after the start date so that counting never reads a case row (it replaces cases_by_created).
void desk_indexes_v5(SQLite::Database& db) {
  db.exec(R"sql(
    CREATE INDEX cases_by_status_band ON cases(status, band, created_ms);
    CREATE INDEX cases_for_figures ON cases(created_ms, band, types, nation, child);
    DROP INDEX cases_by_created;
  )sql");
}

const std::vector<Migration>& all() {
  static const std::vector<Migration> steps = {
      {1, "users, cases, answers, audit", create_v1, false},
      {2, "cases: assigned caseworker, status check", rebuild_cases_v2, true},
      {3, "audit: subject account and detail", audit_subject_v3, false},
      {4, "review desk: case facets, case content apart, reviews", review_desk_v4, true},
      {5, "review desk: indexes for combined filters and figures", desk_indexes_v5, false},
  };
  return steps;
}

}  // namespace

std::span<const Migration> migrations() { return all(); }
int schema_version() { return all().back().version; }

int current_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

void migrate(SQLite::Database& db, std::span<const Migration> steps, int up_to) {
  const int newest = steps.empty() ? 0 : steps.back().version;
  const int have = current_version(db);
  if (have > newest)
    throw StoreError(Errc::too_new, "this case store was made by a newer version of Waymark (schema " +
                                        std::to_string(have) + ", this program knows up to " +
                                        std::to_string(newest) + "): update Waymark; nothing was changed");
  for (const Migration& step : steps) {
    if (step.version <= have || step.version > up_to) continue;
    log::info("store: migrating schema to version {}", step.version);
    if (step.rebuilds_tables) db.exec("PRAGMA foreign_keys = OFF");  // no effect inside a transaction
    try {
      SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
      step.apply(db);
      if (step.rebuilds_tables) {
        SQLite::Statement fk(db, "PRAGMA foreign_key_check");
        if (fk.executeStep())
          throw StoreError(Errc::damaged, "schema migration would break references: restore from backup");
      }
      db.exec("PRAGMA user_version = " + std::to_string(step.version));
      tx.commit();
    } catch (...) {
      if (step.rebuilds_tables) db.exec("PRAGMA foreign_keys = ON");
      throw;
    }
    if (step.rebuilds_tables) db.exec("PRAGMA foreign_keys = ON");
  }
}

}  // namespace waymark::store
