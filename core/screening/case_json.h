#pragma once
// A stored case as JSON (the CLI's `case list/show/history --json` and `case export --format record`),
// and times as ISO 8601.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

#include "store/case_store.h"

namespace waymark::screening {

// "2026-01-02T03:04:05Z"
[[nodiscard]] std::string iso_time(std::int64_t unix_ms);

// id, reference, status, owner, assigned_to (user id) and assigned (name), created, updated,
// submitted, closed, pack {id, version, sha256}, and from the stored assessment band, child,
// exploitation_types, nation (null / empty until assessed).
[[nodiscard]] nlohmann::json case_summary_json(const store::CaseSummary& c);
// The summary plus answers (latest each), answer_history, notes and the stored assessment.
[[nodiscard]] nlohmann::json case_record_json(const store::CaseRecord& r);

// A supervisor's decision: decision, reviewer, time, note (the reason, for a return).
[[nodiscard]] nlohmann::json review_json(const store::Review& r);
// One saved answer: question, value, previous (null for a first answer), by, time.
[[nodiscard]] nlohmann::json answer_change_json(const store::AnswerChange& a);
// One audit event as the views show it: seq, time, user, action (a name); never content.
[[nodiscard]] nlohmann::json audit_entry_json(const store::AuditEntry& e);

// "case_returned", "answer_saved", ... for an AuditAction code; "action N" for a code this build
// does not know (a store written by a newer Waymark).
[[nodiscard]] std::string audit_action_name(int action);

}  // namespace waymark::screening
