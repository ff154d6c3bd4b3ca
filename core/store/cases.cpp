// CaseStore's case services: each checks the user's roles, does its work in one transaction with its
// audit event, and commits before returning (so a caller that hears "saved" can rely on it).
#include <SQLiteCpp/Statement.h>
#include <sodium.h>

#include <cctype>
#include <nlohmann/json.hpp>

#include "log/log.h"
#include "store/store_internal.h"

namespace waymark::store {
namespace {

constexpr const char* kCaseColumns =
    "c.id, c.reference, c.owner_id, u.name, c.assigned_to, c.status, c.pack_id, c.pack_version, "
    "c.pack_sha256, c.created_ms, c.updated_ms";

CaseSummary read_summary(SQLite::Statement& q) {
  CaseSummary c;
  c.id = q.getColumn(0).getInt64();
  c.reference = q.getColumn(1).getString();
  c.owner_id = q.getColumn(2).getInt64();
  c.owner_name = q.getColumn(3).getString();
  if (!q.getColumn(4).isNull()) c.assigned_to = q.getColumn(4).getInt64();
  c.status = parse_status(q.getColumn(5).getString()).value_or(CaseStatus::draft);
  c.pack = {q.getColumn(6).getString(), q.getColumn(7).getString(), q.getColumn(8).getString()};
  c.created_ms = q.getColumn(9).getInt64();
  c.updated_ms = q.getColumn(10).getInt64();
  return c;
}

std::optional<CaseSummary> find_case(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db, std::string("SELECT ") + kCaseColumns +
                              " FROM cases c JOIN users u ON u.id = c.owner_id WHERE c.id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_summary(q);
}

constexpr const char* kSelfApprovalKey = "allow_self_approval";
constexpr int kSelfApprovalSetting = 1;

// Off unless an admin turned it on: anything but "1" (or no row at all) means off.
bool self_approval_setting(SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT value FROM meta WHERE key = ?");
  q.bind(1, std::string(kSelfApprovalKey));
  return q.executeStep() && q.getColumn(0).getString() == "1";
}

CaseAccess access_of(const CaseSummary& c) { return {c.owner_id, c.assigned_to, c.status}; }

// Case references carry no meaning: 8 random letters and digits from an alphabet without look-alikes.
std::string new_reference() {
  static constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  unsigned char random[8];
  randombytes_buf(random, sizeof random);
  std::string ref = "WM-";
  for (int i = 0; i < 8; ++i) {
    if (i == 4) ref += '-';
    ref += kAlphabet[random[i] & 31u];
  }
  return ref;
}

// Question ids are program-written (rule pack ids): letters, digits, '.', '_', '-'.
void check_question_id(std::string_view id) {
  bool ok = !id.empty() && id.size() <= 128;
  for (char c : id)
    ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-');
  if (!ok) throw StoreError(Errc::invalid, "not a question id");
}

}  // namespace

namespace {

// Inserts a new draft case owned by the user, with its audit event; inside the caller's transaction.
std::int64_t insert_case(CaseStore::State& s, const PackRef& pack) {
  for (int attempt = 0;; ++attempt) {
    SQLite::Statement insert(s.conn->db(),
                             "INSERT OR IGNORE INTO cases (reference, owner_id, status, pack_id, pack_version, "
                             "pack_sha256, created_ms, updated_ms) VALUES (?, ?, 'draft', ?, ?, ?, ?, ?)");
    insert.bind(1, new_reference());
    insert.bind(2, s.user.id);
    insert.bind(3, pack.id);
    insert.bind(4, pack.version);
    insert.bind(5, pack.sha256);
    insert.bind(6, s.now());
    insert.bind(7, s.now());
    if (insert.exec() == 1) {
      const std::int64_t id = s.conn->db().getLastInsertRowid();
      s.audit->append(s.now(), s.user.id, AuditAction::case_created, id);
      log::debug("store: case {} created", id);
      return id;
    }
    if (attempt > 8) throw StoreError(Errc::io, "could not choose a case reference");
  }
}

void check_pack_ref(const PackRef& pack) {
  if (pack.id.empty() || pack.version.empty()) throw StoreError(Errc::invalid, "the rule pack has no id or version");
}

}  // namespace

CaseSummary CaseStore::create_case(const PackRef& pack) {
  State& s = *s_;
  if (!may_create_case(s.user.roles)) s.deny(std::nullopt, "only responders and supervisors create cases");
  check_pack_ref(pack);
  return s.write("create a case", [&] { return *find_case(s.conn->db(), insert_case(s, pack)); });
}

CaseSummary CaseStore::create_case_with_answers(const PackRef& pack, const std::vector<NewAnswer>& answers,
                                                std::string_view assessment_json) {
  State& s = *s_;
  if (!may_create_case(s.user.roles)) s.deny(std::nullopt, "only responders and supervisors create cases");
  check_pack_ref(pack);
  for (const NewAnswer& a : answers) check_question_id(a.question_id);
  return s.write("create the case", [&] {
    const std::int64_t id = insert_case(s, pack);
    for (const NewAnswer& a : answers) {
      SQLite::Statement insert(s.conn->db(),
                               "INSERT INTO answers (case_id, question_id, value_json, saved_by, saved_ms) "
                               "VALUES (?, ?, ?, ?, ?)");
      insert.bind(1, id);
      insert.bind(2, a.question_id);
      insert.bind(3, a.value_json);
      insert.bind(4, s.user.id);
      insert.bind(5, s.now());
      insert.exec();
      s.audit->append(s.now(), s.user.id, AuditAction::answer_saved, id);
    }
    SQLite::Statement update(s.conn->db(), "UPDATE cases SET assessment_json = ? WHERE id = ?");
    update.bind(1, std::string(assessment_json));
    update.bind(2, id);
    update.exec();
    s.audit->append(s.now(), s.user.id, AuditAction::assessment_saved, id);
    return *find_case(s.conn->db(), id);
  });
}

void CaseStore::save_answer(std::int64_t case_id, std::string_view question_id, std::string_view value_json) {
  State& s = *s_;
  check_question_id(question_id);
  const bool saved = s.write("save the answer", [&] {
    const auto c = find_case(s.conn->db(), case_id);
    if (!c) throw StoreError(Errc::not_found, "no such case");
    if (!may_edit(s.user.id, s.user.roles, access_of(*c))) return false;
    SQLite::Statement insert(s.conn->db(),
                             "INSERT INTO answers (case_id, question_id, value_json, saved_by, saved_ms) "
                             "VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, case_id);
    insert.bind(2, std::string(question_id));
    insert.bind(3, std::string(value_json));
    insert.bind(4, s.user.id);
    insert.bind(5, s.now());
    insert.exec();
    SQLite::Statement touch(s.conn->db(), "UPDATE cases SET updated_ms = ? WHERE id = ?");
    touch.bind(1, s.now());
    touch.bind(2, case_id);
    touch.exec();
    s.audit->append(s.now(), s.user.id, AuditAction::answer_saved, case_id);
    return true;
  });
  if (!saved) s.deny(case_id, "only the case's owner can change it, while it is a draft or returned");
  log::write(log::Level::trace, "store: answer to {} saved in case {}", log::Safe{question_id}, case_id);
}

namespace {

// Sets one text column of a case the owner may edit; false if not allowed.
bool set_case_text(CaseStore::State& s, std::int64_t case_id, const char* column, std::string_view text,
                   AuditAction action) {
  const auto c = find_case(s.conn->db(), case_id);
  if (!c) throw StoreError(Errc::not_found, "no such case");
  if (!may_edit(s.user.id, s.user.roles, access_of(*c))) return false;
  SQLite::Statement update(s.conn->db(), std::string("UPDATE cases SET ") + column + " = ?, updated_ms = ? WHERE id = ?");
  update.bind(1, std::string(text));
  update.bind(2, s.now());
  update.bind(3, case_id);
  update.exec();
  s.audit->append(s.now(), s.user.id, action, case_id);
  return true;
}

}  // namespace

void CaseStore::save_notes(std::int64_t case_id, std::string_view notes) {
  State& s = *s_;
  if (!s.write("save the notes", [&] { return set_case_text(s, case_id, "notes", notes, AuditAction::notes_saved); }))
    s.deny(case_id, "only the case's owner can change it, while it is a draft or returned");
}

void CaseStore::save_assessment(std::int64_t case_id, std::string_view assessment_json) {
  State& s = *s_;
  if (!s.write("save the assessment", [&] {
        return set_case_text(s, case_id, "assessment_json", assessment_json, AuditAction::assessment_saved);
      }))
    s.deny(case_id, "only the case's owner can change it, while it is a draft or returned");
}

std::vector<CaseSummary> CaseStore::list_cases() {
  State& s = *s_;
  if (!may_list_cases(s.user.roles)) s.deny(std::nullopt, "an admin sees no cases unless also a supervisor");
  return s.write("list the cases", [&] {
    std::vector<CaseSummary> out;
    SQLite::Statement q(s.conn->db(), std::string("SELECT ") + kCaseColumns +
                                          ", c.assessment_json FROM cases c JOIN users u ON u.id = c.owner_id "
                                          "ORDER BY c.id");
    while (q.executeStep()) {
      CaseSummary c = read_summary(q);
      if (!may_read(s.user.id, s.user.roles, access_of(c))) continue;
      // The band is read from the stored assessment (format 1: a top-level "band").
      if (!q.getColumn(11).isNull()) {
        const auto a = nlohmann::json::parse(q.getColumn(11).getString(), nullptr, false);
        if (a.is_object() && a.contains("band") && a["band"].is_string()) c.band = a["band"].get<std::string>();
      }
      out.push_back(std::move(c));
    }
    s.audit->append(s.now(), s.user.id, AuditAction::cases_listed);
    return out;
  });
}

namespace {

std::optional<CaseRecord> read_record(CaseStore::State& s, std::int64_t case_id, AuditAction action,
                                      bool (*allowed)(std::int64_t, Roles, const CaseAccess&)) {
  return s.write("read the case", [&]() -> std::optional<CaseRecord> {
    const auto c = find_case(s.conn->db(), case_id);
    if (!c) throw StoreError(Errc::not_found, "no such case");
    if (!allowed(s.user.id, s.user.roles, access_of(*c))) return std::nullopt;
    CaseRecord r;
    r.summary = *c;
    SQLite::Statement q(s.conn->db(), "SELECT notes, assessment_json FROM cases WHERE id = ?");
    q.bind(1, case_id);
    q.executeStep();
    r.notes = q.getColumn(0).getString();
    if (!q.getColumn(1).isNull()) r.assessment_json = q.getColumn(1).getString();
    // The latest answer to each question, in the order the questions were first answered.
    SQLite::Statement a(s.conn->db(),
                        "SELECT question_id, value_json, saved_by, saved_ms FROM answers WHERE id IN "
                        "(SELECT max(id) FROM answers WHERE case_id = ?1 GROUP BY question_id) "
                        "ORDER BY (SELECT min(id) FROM answers f WHERE f.case_id = ?1 "
                        "AND f.question_id = answers.question_id)");
    a.bind(1, case_id);
    while (a.executeStep())
      r.answers.push_back({a.getColumn(0).getString(), a.getColumn(1).getString(), a.getColumn(2).getInt64(),
                           a.getColumn(3).getInt64()});
    SQLite::Statement n(s.conn->db(), "SELECT count(*) FROM answers WHERE case_id = ?");
    n.bind(1, case_id);
    n.executeStep();
    r.answer_history = n.getColumn(0).getInt64();
    s.audit->append(s.now(), s.user.id, action, case_id);
    return r;
  });
}

}  // namespace

CaseRecord CaseStore::read_case(std::int64_t case_id) {
  State& s = *s_;
  auto r = read_record(s, case_id, AuditAction::case_viewed, may_read);
  if (!r) s.deny(case_id, "this case is not yours, not submitted to you, or you are not a supervisor");
  return std::move(*r);
}

CaseRecord CaseStore::export_case(std::int64_t case_id) {
  State& s = *s_;
  auto r = read_record(s, case_id, AuditAction::case_exported, may_export);
  if (!r) s.deny(case_id, "only the caseworker it was submitted to, or a supervisor, can export a case");
  return std::move(*r);
}

namespace {

enum class Change { submit, give_back, approve, close };

bool change_status(CaseStore::State& s, std::int64_t case_id, Change change,
                   std::optional<std::int64_t> assignee = std::nullopt) {
  const auto c = find_case(s.conn->db(), case_id);
  if (!c) throw StoreError(Errc::not_found, "no such case");
  const CaseAccess a = access_of(*c);
  CaseStatus next = c->status;
  AuditAction action = AuditAction::case_submitted;
  switch (change) {
    case Change::submit:
      if (!may_submit(s.user.id, s.user.roles, a)) return false;
      next = CaseStatus::submitted;
      break;
    case Change::give_back:
      if (!may_review(s.user.roles, a)) return false;
      next = CaseStatus::returned;
      action = AuditAction::case_returned;
      break;
    case Change::approve:
      if (!may_review(s.user.roles, a)) return false;
      // Approving is a second person's check: one's own case only where the store allows it.
      if (a.owner_id == s.user.id && !self_approval_setting(s.conn->db())) return false;
      next = CaseStatus::approved;
      action = AuditAction::case_approved;
      break;
    case Change::close:
      if (!may_close(s.user.roles, a)) return false;
      next = CaseStatus::closed;
      action = AuditAction::case_closed;
      break;
  }
  SQLite::Statement update(s.conn->db(),
                           "UPDATE cases SET status = ?, assigned_to = coalesce(?, assigned_to), updated_ms = ? "
                           "WHERE id = ?");
  update.bind(1, std::string(to_string(next)));
  if (assignee) update.bind(2, *assignee);
  else update.bind(2);
  update.bind(3, s.now());
  update.bind(4, case_id);
  update.exec();
  s.audit->append(s.now(), s.user.id, action, case_id);
  return true;
}

}  // namespace

void CaseStore::submit(std::int64_t case_id, std::string_view caseworker) {
  State& s = *s_;
  const bool done = s.write("submit the case", [&] {
    SQLite::Statement q(s.conn->db(), "SELECT id, roles FROM users WHERE name = ?");
    q.bind(1, std::string(caseworker));
    if (!q.executeStep() || (parse_roles(q.getColumn(1).getString()).value_or(0) & kCaseworker) == 0)
      throw StoreError(Errc::invalid, "a case can only be submitted to a caseworker");
    return change_status(s, case_id, Change::submit, q.getColumn(0).getInt64());
  });
  if (!done) s.deny(case_id, "only the case's owner can submit it, while it is a draft or returned");
}

void CaseStore::return_case(std::int64_t case_id) {
  State& s = *s_;
  if (!s.write("return the case", [&] { return change_status(s, case_id, Change::give_back); }))
    s.deny(case_id, "only a supervisor can return a submitted case");
}

void CaseStore::approve(std::int64_t case_id) {
  State& s = *s_;
  if (!s.write("approve the case", [&] { return change_status(s, case_id, Change::approve); }))
    s.deny(case_id, "only a supervisor can approve a submitted case, and not their own unless the store "
                    "allows self-approval");
}

void CaseStore::set_self_approval(bool allowed) {
  State& s = *s_;
  if (!may_manage_users(s.user.roles)) s.deny(std::nullopt, "only an admin can change store settings");
  s.write("change a store setting", [&] {
    SQLite::Statement set(s.conn->db(), "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    set.bind(1, std::string(kSelfApprovalKey));
    set.bind(2, std::string(allowed ? "1" : "0"));
    set.exec();
    s.audit->append(s.now(), s.user.id, AuditAction::setting_changed, std::nullopt, std::nullopt,
                    std::int64_t{kSelfApprovalSetting * 2 + (allowed ? 1 : 0)});
  });
}

bool CaseStore::self_approval_allowed() {
  try {
    return self_approval_setting(s_->conn->db());
  } catch (const SQLite::Exception& e) {
    throw s_->conn->translate(e, "read the store settings");
  }
}

void CaseStore::close_case(std::int64_t case_id) {
  State& s = *s_;
  if (!s.write("close the case", [&] { return change_status(s, case_id, Change::close); }))
    s.deny(case_id, "only a supervisor can close a case");
}

}  // namespace waymark::store
