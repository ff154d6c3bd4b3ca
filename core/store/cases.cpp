// The store's case services: each checks the user's roles, does its work in one transaction with its
// audit event, and commits before returning (so a caller that hears "saved" can rely on it).
#include "store/cases.h"

#include <SQLiteCpp/Statement.h>
#include <sodium.h>

#include <cctype>
#include <variant>

#include "log/log.h"
#include "store/case_facets.h"
#include "store/case_rows.h"
#include "store/store_internal.h"

namespace waymark::store {
namespace {

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

void check_pack_ref(const PackRef& pack) {
  if (pack.id.empty() || pack.version.empty()) throw StoreError(Errc::invalid, "the rule pack has no id or version");
}

// Inserts a new draft case owned by the user, with its audit event; inside the caller's transaction.
std::int64_t insert_case(StoreState& s, const PackRef& pack) {
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
      SQLite::Statement content(s.conn->db(), "INSERT INTO case_content (case_id) VALUES (?)");
      content.bind(1, id);
      content.exec();
      s.audit->append(s.now(), s.user.id, AuditAction::case_created, id);
      log::debug("store: case {} created", id);
      return id;
    }
    if (attempt > 8) throw StoreError(Errc::io, "could not choose a case reference");
  }
}

void insert_answer(StoreState& s, std::int64_t case_id, std::string_view question_id, std::string_view value_json) {
  SQLite::Statement insert(s.conn->db(),
                           "INSERT INTO answers (case_id, question_id, value_json, saved_by, saved_ms) "
                           "VALUES (?, ?, ?, ?, ?)");
  insert.bind(1, case_id);
  insert.bind(2, std::string(question_id));
  insert.bind(3, std::string(value_json));
  insert.bind(4, s.user.id);
  insert.bind(5, s.now());
  insert.exec();
  s.audit->append(s.now(), s.user.id, AuditAction::answer_saved, case_id);
}

// The assessment and the columns kept in step with it.
void store_assessment(StoreState& s, std::int64_t case_id, std::string_view assessment_json) {
  SQLite::Statement content(s.conn->db(), "UPDATE case_content SET assessment_json = ? WHERE case_id = ?");
  content.bind(1, std::string(assessment_json));
  content.bind(2, case_id);
  content.exec();
  SQLite::Statement facets(s.conn->db(),
                           "UPDATE cases SET band = ?, types = ?, nation = ?, child = ?, updated_ms = ? WHERE id = ?");
  bind_facets(facets, facets_of(assessment_json));
  facets.bind(5, s.now());
  facets.bind(6, case_id);
  facets.exec();
  s.audit->append(s.now(), s.user.id, AuditAction::assessment_saved, case_id);
}

constexpr const char* kNotEditable = "only the case's owner can change it, while it is a draft or returned";

// The case, if the user may edit it; otherwise throws not_found or returns nothing.
std::optional<CaseSummary> editable_case(StoreState& s, std::int64_t case_id) {
  const auto c = find_case(s.conn->db(), case_id);
  if (!c) throw StoreError(Errc::not_found, "no such case");
  if (!may_edit(s.user.id, s.user.roles, access_of(*c))) return std::nullopt;
  return c;
}

void touch(StoreState& s, std::int64_t case_id) {
  SQLite::Statement update(s.conn->db(), "UPDATE cases SET updated_ms = ? WHERE id = ?");
  update.bind(1, s.now());
  update.bind(2, case_id);
  update.exec();
}

}  // namespace

// Question ids are program-written (rule pack ids): letters, digits, '.', '_', '-'.
void check_question_id(std::string_view id) {
  bool ok = !id.empty() && id.size() <= 128;
  for (char c : id)
    ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-');
  if (!ok) throw StoreError(Errc::invalid, "not a question id");
}

CaseSummary Cases::create(const PackRef& pack) {
  StoreState& s = *s_;
  if (!may_create_case(s.user.roles)) s.deny(std::nullopt, "only responders and supervisors create cases");
  check_pack_ref(pack);
  return s.write("create a case", [&] { return *find_case(s.conn->db(), insert_case(s, pack)); });
}

CaseSummary Cases::create_with_answers(const PackRef& pack, const std::vector<NewAnswer>& answers,
                                       std::string_view assessment_json) {
  StoreState& s = *s_;
  if (!may_create_case(s.user.roles)) s.deny(std::nullopt, "only responders and supervisors create cases");
  check_pack_ref(pack);
  for (const NewAnswer& a : answers) check_question_id(a.question_id);
  return s.write("create the case", [&] {
    const std::int64_t id = insert_case(s, pack);
    for (const NewAnswer& a : answers) insert_answer(s, id, a.question_id, a.value_json);
    store_assessment(s, id, assessment_json);
    return *find_case(s.conn->db(), id);
  });
}

void Cases::save_answer(std::int64_t case_id, std::string_view question_id, std::string_view value_json) {
  StoreState& s = *s_;
  check_question_id(question_id);
  const bool saved = s.write("save the answer", [&] {
    if (!editable_case(s, case_id)) return false;
    insert_answer(s, case_id, question_id, value_json);
    touch(s, case_id);
    return true;
  });
  if (!saved) s.deny(case_id, kNotEditable);
  log::write(log::Level::trace, "store: answer to {} saved in case {}", log::Safe{question_id}, case_id);
}

void Cases::save_notes(std::int64_t case_id, std::string_view notes) {
  StoreState& s = *s_;
  const bool saved = s.write("save the notes", [&] {
    if (!editable_case(s, case_id)) return false;
    SQLite::Statement update(s.conn->db(), "UPDATE case_content SET notes = ? WHERE case_id = ?");
    update.bind(1, std::string(notes));
    update.bind(2, case_id);
    update.exec();
    touch(s, case_id);
    s.audit->append(s.now(), s.user.id, AuditAction::notes_saved, case_id);
    return true;
  });
  if (!saved) s.deny(case_id, kNotEditable);
}

void Cases::save_assessment(std::int64_t case_id, std::string_view assessment_json) {
  StoreState& s = *s_;
  const bool saved = s.write("save the assessment", [&] {
    if (!editable_case(s, case_id)) return false;
    store_assessment(s, case_id, assessment_json);
    return true;
  });
  if (!saved) s.deny(case_id, kNotEditable);
}

namespace {

// "wm-7k2m 9q" -> "WM-7K2M-9Q": the start of a reference as stored; "" when nothing is left. A leading
// "WM" is the prefix only when something other than a letter or digit follows it, or when all ten
// characters are there: "wmab" is the start of WM-WMAB-..., not of WM-AB...
std::string reference_prefix(std::string_view typed) {
  std::string alnum;
  for (char c : typed)
    if (std::isalnum(static_cast<unsigned char>(c))) alnum += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::size_t start = 0;
  while (start < typed.size() && std::isspace(static_cast<unsigned char>(typed[start]))) ++start;
  const std::string_view rest = typed.substr(start);
  const bool wm_then_separator = rest.size() > 2 && (rest[0] == 'w' || rest[0] == 'W') &&
                                 (rest[1] == 'm' || rest[1] == 'M') && !std::isalnum(static_cast<unsigned char>(rest[2]));
  const bool whole_with_wm = alnum.size() == 10 && alnum.rfind("WM", 0) == 0;
  if (wm_then_separator || whole_with_wm || alnum == "WM") alnum.erase(0, 2);
  if (alnum.empty()) return typed.empty() ? "" : "WM-";
  std::string out = "WM-" + alnum.substr(0, 4);
  if (alnum.size() > 4) out += "-" + alnum.substr(4);
  return out;
}

using Bound = std::variant<std::int64_t, std::string>;

// The WHERE clause of a list: what the user may read, the scope and the filters.
std::string list_conditions(const StoreState& s, const CaseFilter& f, std::vector<Bound>& binds) {
  std::string where = "1";
  auto add = [&](const std::string& condition) { where += " AND " + condition; };
  const Roles roles = s.user.roles;
  if ((roles & kSupervisor) == 0) {
    // Only the alternatives that apply: a constant "0 OR" would keep SQLite from using an index.
    std::vector<std::string> visible;
    if (roles & kResponder) {
      visible.emplace_back("c.owner_id = ?");
      binds.emplace_back(s.user.id);
    }
    if (roles & kCaseworker) {
      visible.emplace_back("(c.assigned_to = ? AND c.status <> 'draft')");
      binds.emplace_back(s.user.id);
    }
    if (visible.empty()) add("0");
    else if (visible.size() == 1) add(visible.front());
    else add("(" + visible[0] + " OR " + visible[1] + ")");
  }
  switch (f.scope) {
    case CaseFilter::Scope::visible: break;
    case CaseFilter::Scope::queue: add("c.status = 'submitted'"); break;
    case CaseFilter::Scope::submitted_to_me:
      add("c.assigned_to = ? AND c.status <> 'draft'");
      binds.emplace_back(s.user.id);
      break;
    case CaseFilter::Scope::mine_open:
      add("c.owner_id = ? AND c.status IN ('draft', 'returned')");
      binds.emplace_back(s.user.id);
      break;
  }
  if (const std::string prefix = reference_prefix(f.reference); !prefix.empty()) {
    add("c.reference >= ? AND c.reference < ?");  // a range on the reference's unique index
    binds.emplace_back(prefix);
    binds.emplace_back(prefix + '\x7f');
  }
  if (f.status) {
    add("c.status = ?");
    binds.emplace_back(std::string(to_string(*f.status)));
  }
  if (f.band == "unassessed") {
    add("c.band IS NULL");
  } else if (!f.band.empty()) {
    add("c.band = ?");
    binds.emplace_back(f.band);
  }
  if (f.owner_id) {
    add("c.owner_id = ?");
    binds.emplace_back(*f.owner_id);
  }
  if (f.created_from_ms) {
    add("c.created_ms >= ?");
    binds.emplace_back(*f.created_from_ms);
  }
  if (f.created_before_ms) {
    add("c.created_ms < ?");
    binds.emplace_back(*f.created_before_ms);
  }
  return where;
}

void bind_all(SQLite::Statement& q, const std::vector<Bound>& binds) {
  int i = 1;
  for (const Bound& b : binds) {
    if (const auto* n = std::get_if<std::int64_t>(&b)) q.bind(i++, *n);
    else q.bind(i++, std::get<std::string>(b));
  }
}

}  // namespace

CasePage Cases::list(const CaseFilter& filter) {
  StoreState& s = *s_;
  if (!may_list_cases(s.user.roles)) s.deny(std::nullopt, "an admin sees no cases unless also a supervisor");
  if (filter.scope == CaseFilter::Scope::queue && (s.user.roles & kSupervisor) == 0)
    s.deny(std::nullopt, "only supervisors have the review queue");
  if (filter.limit < 1 || filter.limit > 500 || filter.offset < 0)
    throw StoreError(Errc::invalid, "a page holds 1 to 500 cases");
  std::vector<Bound> binds;
  const std::string where = list_conditions(s, filter, binds);
  const char* order = filter.scope == CaseFilter::Scope::queue ? "c.submitted_ms, c.id"
                                                               : "c.updated_ms DESC, c.id DESC";
  return s.write("list the cases", [&] {
    CasePage page;
    SQLite::Statement count(s.conn->db(), "SELECT count(*) FROM cases c WHERE " + where);
    bind_all(count, binds);
    count.executeStep();
    page.total = count.getColumn(0).getInt64();
    SQLite::Statement q(s.conn->db(), std::string("SELECT ") + kCaseColumns + " FROM " + kCaseJoins + " WHERE " +
                                          where + " ORDER BY " + order + " LIMIT ? OFFSET ?");
    bind_all(q, binds);
    q.bind(static_cast<int>(binds.size()) + 1, filter.limit);
    q.bind(static_cast<int>(binds.size()) + 2, filter.offset);
    while (q.executeStep()) page.rows.push_back(read_summary(q));
    s.audit->append(s.now(), s.user.id, AuditAction::cases_listed);
    return page;
  });
}

namespace {

std::optional<CaseRecord> read_record(StoreState& s, std::int64_t case_id, AuditAction action,
                                      bool (*allowed)(std::int64_t, Roles, const CaseAccess&)) {
  return s.write("read the case", [&]() -> std::optional<CaseRecord> {
    const auto c = find_case(s.conn->db(), case_id);
    if (!c) throw StoreError(Errc::not_found, "no such case");
    if (!allowed(s.user.id, s.user.roles, access_of(*c))) return std::nullopt;
    CaseRecord r;
    r.summary = *c;
    SQLite::Statement q(s.conn->db(), "SELECT notes, assessment_json FROM case_content WHERE case_id = ?");
    q.bind(1, case_id);
    if (q.executeStep()) {
      r.notes = q.getColumn(0).getString();
      if (!q.getColumn(1).isNull()) r.assessment_json = q.getColumn(1).getString();
    }
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

CaseRecord Cases::read(std::int64_t case_id) {
  StoreState& s = *s_;
  auto r = read_record(s, case_id, AuditAction::case_viewed, may_read);
  if (!r) s.deny(case_id, "this case is not yours, not submitted to you, or you are not a supervisor");
  return std::move(*r);
}

CaseRecord Cases::export_record(std::int64_t case_id) {
  StoreState& s = *s_;
  auto r = read_record(s, case_id, AuditAction::case_exported, may_export);
  if (!r) s.deny(case_id, "only the caseworker it was submitted to, or a supervisor, can export a case");
  return std::move(*r);
}

std::vector<AnswerChange> Cases::answer_history(std::int64_t case_id) {
  StoreState& s = *s_;
  auto history = s.write("read the answer history", [&]() -> std::optional<std::vector<AnswerChange>> {
    const auto c = find_case(s.conn->db(), case_id);
    if (!c) throw StoreError(Errc::not_found, "no such case");
    if (!may_read(s.user.id, s.user.roles, access_of(*c))) return std::nullopt;
    std::vector<AnswerChange> out;
    SQLite::Statement q(s.conn->db(),
                        "SELECT a.question_id, a.value_json, "
                        "(SELECT p.value_json FROM answers p WHERE p.case_id = a.case_id AND "
                        "p.question_id = a.question_id AND p.id < a.id ORDER BY p.id DESC LIMIT 1), "
                        "a.saved_by, u.name, a.saved_ms FROM answers a LEFT JOIN users u ON u.id = a.saved_by "
                        "WHERE a.case_id = ? ORDER BY a.id");
    q.bind(1, case_id);
    while (q.executeStep()) {
      AnswerChange change{q.getColumn(0).getString(), q.getColumn(1).getString(), std::nullopt,
                          q.getColumn(3).getInt64(), q.getColumn(4).getString(), q.getColumn(5).getInt64()};
      if (!q.getColumn(2).isNull()) change.previous_json = q.getColumn(2).getString();
      out.push_back(std::move(change));
    }
    s.audit->append(s.now(), s.user.id, AuditAction::case_viewed, case_id);
    return out;
  });
  if (!history) s.deny(case_id, "this case is not yours, not submitted to you, or you are not a supervisor");
  return std::move(*history);
}

void Cases::submit(std::int64_t case_id, std::string_view caseworker) {
  StoreState& s = *s_;
  const bool done = s.write("submit the case", [&] {
    SQLite::Statement q(s.conn->db(), "SELECT id, roles FROM users WHERE name = ?");
    q.bind(1, std::string(caseworker));
    if (!q.executeStep() || (parse_roles(q.getColumn(1).getString()).value_or(0) & kCaseworker) == 0)
      throw StoreError(Errc::invalid, "a case can only be submitted to a caseworker");
    const auto c = find_case(s.conn->db(), case_id);
    if (!c) throw StoreError(Errc::not_found, "no such case");
    if (!may_submit(s.user.id, s.user.roles, access_of(*c))) return false;
    SQLite::Statement update(s.conn->db(),
                             "UPDATE cases SET status = 'submitted', assigned_to = ?, submitted_ms = ?, "
                             "updated_ms = ? WHERE id = ?");
    update.bind(1, q.getColumn(0).getInt64());
    update.bind(2, s.now());
    update.bind(3, s.now());
    update.bind(4, case_id);
    update.exec();
    s.audit->append(s.now(), s.user.id, AuditAction::case_submitted, case_id);
    return true;
  });
  if (!done) s.deny(case_id, "only the case's owner can submit it, while it is a draft or returned");
}

}  // namespace waymark::store
