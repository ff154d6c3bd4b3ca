#include "screening/case_json.h"

#include <ctime>

#include "store/roles.h"

namespace waymark::screening {
namespace {

using nlohmann::json;

json time_or_null(const std::optional<std::int64_t>& ms) { return ms ? json(iso_time(*ms)) : json(nullptr); }
json text_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
// A stored answer value (JSON text); kept as text if it does not parse (never an error here).
json value_of(const std::string& value_json) {
  json v = json::parse(value_json, nullptr, false);
  return v.is_discarded() ? json(value_json) : v;
}

}  // namespace

std::string iso_time(std::int64_t unix_ms) {
  const std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

json case_summary_json(const store::CaseSummary& c) {
  return {{"id", c.id},
          {"reference", c.reference},
          {"status", store::to_string(c.status)},
          {"owner", c.owner_name},
          {"assigned_to", c.assigned_to ? json(*c.assigned_to) : json(nullptr)},
          {"assigned", text_or_null(c.assigned_name)},
          {"created", iso_time(c.created_ms)},
          {"updated", iso_time(c.updated_ms)},
          {"submitted", time_or_null(c.submitted_ms)},
          {"closed", time_or_null(c.closed_ms)},
          {"band", text_or_null(c.band)},
          {"exploitation_types", c.exploitation_types},
          {"nation", text_or_null(c.nation)},
          {"child", c.child ? json(*c.child) : json(nullptr)},
          {"pack", {{"id", c.pack.id}, {"version", c.pack.version}, {"sha256", c.pack.sha256}}}};
}

json case_record_json(const store::CaseRecord& r) {
  json j = case_summary_json(r.summary);
  json answers = json::object();
  for (const auto& a : r.answers) answers[a.question_id] = json::parse(a.value_json, nullptr, false);
  j["answers"] = answers;
  j["answer_history"] = r.answer_history;
  j["notes"] = r.notes;
  j["assessment"] = r.assessment_json ? json::parse(*r.assessment_json, nullptr, false) : json(nullptr);
  return j;
}

json review_json(const store::Review& r) {
  return {{"decision", store::to_string(r.decision)},
          {"reviewer", r.reviewer_name},
          {"time", iso_time(r.time_ms)},
          {"note", r.note}};
}

json answer_change_json(const store::AnswerChange& a) {
  return {{"question", a.question_id},
          {"value", value_of(a.value_json)},
          {"previous", a.previous_json ? value_of(*a.previous_json) : json(nullptr)},
          {"by", a.saved_by_name},
          {"time", iso_time(a.saved_ms)}};
}

json audit_entry_json(const store::AuditEntry& e) {
  return {{"seq", e.event.seq},
          {"time", iso_time(e.event.time_ms)},
          {"user", e.user_name},
          {"action", audit_action_name(e.event.action)}};
}

std::string audit_action_name(int action) {
  using A = store::AuditAction;
  switch (static_cast<A>(action)) {
    case A::store_created: return "store_created";
    case A::user_added: return "user_added";
    case A::passphrase_changed: return "passphrase_changed";
    case A::passphrase_reset: return "passphrase_reset";
    case A::unlocked: return "unlocked";
    case A::case_created: return "case_created";
    case A::answer_saved: return "answer_saved";
    case A::notes_saved: return "notes_saved";
    case A::assessment_saved: return "assessment_saved";
    case A::case_viewed: return "case_viewed";
    case A::cases_listed: return "cases_listed";
    case A::case_submitted: return "case_submitted";
    case A::case_returned: return "case_returned";
    case A::case_approved: return "case_approved";
    case A::case_closed: return "case_closed";
    case A::case_exported: return "case_exported";
    case A::cases_purged: return "cases_purged";
    case A::statistics_read: return "statistics_read";
    case A::backup_made: return "backup_made";
    case A::restored: return "restored";
    case A::verified: return "verified";
    case A::setting_changed: return "setting_changed";
    case A::retention_changed: return "retention_changed";
    case A::access_denied: return "access_denied";
  }
  return "action " + std::to_string(action);
}

}  // namespace waymark::screening
