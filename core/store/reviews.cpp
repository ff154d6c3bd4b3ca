// Supervisors' decisions: the new status, the review row and the audit event in one transaction.
#include "store/reviews.h"

#include <SQLiteCpp/Statement.h>

#include <cctype>

#include "store/case_rows.h"
#include "store/settings.h"
#include "store/store_internal.h"
#include "text/utf8.h"

namespace waymark::store {
namespace {

constexpr std::size_t kMaxNoteBytes = 8000;

void check_note(std::string_view note, bool required) {
  bool blank = true;
  for (char c : note) blank = blank && std::isspace(static_cast<unsigned char>(c));
  if (required && blank)
    throw StoreError(Errc::invalid, "a returned case needs a reason: say what to check or change");
  if (note.size() > kMaxNoteBytes) throw StoreError(Errc::invalid, "a review note holds at most 8000 bytes");
  if (text::first_invalid_utf8(note)) throw StoreError(Errc::invalid, "a review note must be valid UTF-8 text");
}

// Applies `decision` if the user may; false if not allowed.
bool decide(StoreState& s, std::int64_t case_id, Decision decision, std::string_view note,
            std::string_view question_id = {}) {
  const auto c = find_case(s.conn->db(), case_id);
  if (!c) throw StoreError(Errc::not_found, "no such case");
  const CaseAccess a = access_of(*c);
  AuditAction action = AuditAction::case_returned;
  CaseStatus next = CaseStatus::returned;
  switch (decision) {
    case Decision::returned:
      if (!may_review(s.user.roles, a)) return false;
      break;
    case Decision::approved:
      if (!may_review(s.user.roles, a)) return false;
      // Approving is a second person's check: one's own case only where the store allows it.
      if (a.owner_id == s.user.id && !self_approval_setting(s.conn->db())) return false;
      action = AuditAction::case_approved;
      next = CaseStatus::approved;
      break;
    case Decision::closed:
      if (!may_close(s.user.roles, a)) return false;
      action = AuditAction::case_closed;
      next = CaseStatus::closed;
      break;
  }
  SQLite::Statement update(s.conn->db(),
                           "UPDATE cases SET status = ?, updated_ms = ?, closed_ms = ? WHERE id = ?");
  update.bind(1, std::string(to_string(next)));
  update.bind(2, s.now());
  if (next == CaseStatus::closed) update.bind(3, s.now());
  else update.bind(3);
  update.bind(4, case_id);
  update.exec();
  SQLite::Statement review(s.conn->db(),
                           "INSERT INTO reviews (case_id, reviewer_id, decision, note, question_id, time_ms) "
                           "VALUES (?, ?, ?, ?, ?, ?)");
  review.bind(1, case_id);
  review.bind(2, s.user.id);
  review.bind(3, to_string(decision));
  review.bind(4, std::string(note));
  if (question_id.empty()) review.bind(5);
  else review.bind(5, std::string(question_id));
  review.bind(6, s.now());
  review.exec();
  s.audit->append(s.now(), s.user.id, action, case_id);
  return true;
}

}  // namespace

void Reviews::return_case(std::int64_t case_id, std::string_view reason, std::string_view question_id) {
  StoreState& s = *s_;
  check_note(reason, true);
  if (!question_id.empty()) check_question_id(question_id);
  if (!s.write("return the case", [&] { return decide(s, case_id, Decision::returned, reason, question_id); }))
    s.deny(case_id, "only a supervisor can return a submitted case");
}

void Reviews::approve(std::int64_t case_id, std::string_view note) {
  StoreState& s = *s_;
  check_note(note, false);
  if (!s.write("approve the case", [&] { return decide(s, case_id, Decision::approved, note); }))
    s.deny(case_id, "only a supervisor can approve a submitted case, and not their own unless the store "
                    "allows self-approval");
}

void Reviews::close(std::int64_t case_id, std::string_view note) {
  StoreState& s = *s_;
  check_note(note, false);
  if (!s.write("close the case", [&] { return decide(s, case_id, Decision::closed, note); }))
    s.deny(case_id, "only a supervisor can close a case");
}

std::vector<Review> Reviews::history(std::int64_t case_id) {
  StoreState& s = *s_;
  auto out = s.write("read the reviews", [&]() -> std::optional<std::vector<Review>> {
    const auto c = find_case(s.conn->db(), case_id);
    if (!c) throw StoreError(Errc::not_found, "no such case");
    if (!may_read(s.user.id, s.user.roles, access_of(*c))) return std::nullopt;
    std::vector<Review> reviews;
    SQLite::Statement q(s.conn->db(),
                        "SELECT r.id, r.case_id, r.reviewer_id, u.name, r.decision, r.note, r.time_ms, r.question_id "
                        "FROM reviews r "
                        "LEFT JOIN users u ON u.id = r.reviewer_id WHERE r.case_id = ? ORDER BY r.id");
    q.bind(1, case_id);
    while (q.executeStep()) {
      Review r;
      r.id = q.getColumn(0).getInt64();
      r.case_id = q.getColumn(1).getInt64();
      r.reviewer_id = q.getColumn(2).getInt64();
      r.reviewer_name = q.getColumn(3).getString();
      const std::string d = q.getColumn(4).getString();
      r.decision = d == "approved" ? Decision::approved : d == "closed" ? Decision::closed : Decision::returned;
      r.note = q.getColumn(5).getString();
      r.time_ms = q.getColumn(6).getInt64();
      r.question_id = q.getColumn(7).getString();
      reviews.push_back(std::move(r));
    }
    s.audit->append(s.now(), s.user.id, AuditAction::case_viewed, case_id);
    return reviews;
  });
  if (!out) s.deny(case_id, "this case is not yours, not submitted to you, or you are not a supervisor");
  return std::move(*out);
}

}  // namespace waymark::store
