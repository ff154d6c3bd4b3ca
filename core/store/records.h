#pragma once
// What the store's parts take and give: accounts, cases, answers, reviews, figures. Plain data.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "store/audit.h"
#include "store/roles.h"

namespace waymark::store {

struct User {
  std::int64_t id = 0;
  std::string name;
  Roles roles = 0;
  std::int64_t created_ms = 0;
};

struct PackRef {
  std::string id, version, sha256;
};

struct CaseSummary {
  std::int64_t id = 0;
  std::string reference;  // random, e.g. "WM-7K2M-9QXD"; never derived from content
  std::int64_t owner_id = 0;
  std::string owner_name;
  std::optional<std::int64_t> assigned_to;
  std::string assigned_name;  // "" when not submitted to anyone
  CaseStatus status = CaseStatus::draft;
  PackRef pack;
  std::int64_t created_ms = 0, updated_ms = 0;
  // From the stored assessment (case_facets.h); "" / empty / nothing until assessed.
  std::string band;
  std::vector<std::string> exploitation_types;
  std::string nation;
  std::optional<bool> child;
  std::optional<std::int64_t> submitted_ms;  // the latest submission
  std::optional<std::int64_t> closed_ms;
};

struct SavedAnswer {
  std::string question_id;
  std::string value_json;  // the answer as in an answers file (rules::answer_to_json)
  std::int64_t saved_by = 0;
  std::int64_t saved_ms = 0;
};

struct CaseRecord {
  CaseSummary summary;
  std::vector<SavedAnswer> answers;  // the latest answer to each question, in the order first given
  std::int64_t answer_history = 0;   // answer rows kept, including replaced ones
  std::string notes;
  std::optional<std::string> assessment_json;  // the latest assessment snapshot
};

// One row of a case's answer history: what was given, what it replaced, when and by whom.
struct AnswerChange {
  std::string question_id;
  std::string value_json;
  std::optional<std::string> previous_json;  // nothing: the first answer to this question
  std::int64_t saved_by = 0;
  std::string saved_by_name;
  std::int64_t saved_ms = 0;
};

enum class Decision { returned, approved, closed };
[[nodiscard]] const char* to_string(Decision d);

struct Review {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::int64_t reviewer_id = 0;
  std::string reviewer_name;
  Decision decision = Decision::returned;
  std::string note;  // the reason, for a return; may be empty otherwise
  std::string question_id;  // a return may point at the question to look at again ("" if not)
  std::int64_t time_ms = 0;
};

// Which cases a list shows, of those the user may read. Empty fields do not filter.
struct CaseFilter {
  enum class Scope {
    visible,          // every case the user may read, most recently changed first
    queue,            // supervisors: submitted cases, the longest waiting first
    submitted_to_me,  // caseworkers: cases submitted to them
    mine_open,        // own drafts and returned cases
  };
  Scope scope = Scope::visible;
  std::string reference;  // a reference or its start: "wm-7k2m", "7K2M 9Q" (case, dashes and spaces ignored)
  std::optional<CaseStatus> status;
  std::string band;  // "emergency", "refer", "assess", "none" or "unassessed"
  std::optional<std::int64_t> owner_id;
  std::optional<std::int64_t> created_from_ms, created_before_ms;  // [from, before)
  int offset = 0;
  int limit = 50;  // at most 500
};

struct CasePage {
  std::vector<CaseSummary> rows;
  std::int64_t total = 0;  // matching cases on every page
};

// An audit event with the account's name, for the audit views.
struct AuditEntry {
  AuditEvent event;
  std::string user_name;  // "recovery code" for user 0; "" if the account is unknown
  std::string case_reference;  // "" when the event names no case or the case was purged
};

struct VerifyReport {
  std::string engine_version;  // e.g. "3.4.1 community"
  int schema_version = 0;
  std::int64_t audit_events = 0;
  std::int64_t cases = 0;
  std::int64_t keyslots = 0;
  std::int64_t orphan_keyslots = 0;  // keyslots left by an add-user that failed (no account; harmless)
  // The file's length matched its pages exactly (checked at unlock when no one else had it open).
  bool whole_file_checked = false;
};

struct BackupReport {
  std::filesystem::path file;  // the new backup (and file + ".keys")
  std::int64_t cases = 0, answers = 0, audit_events = 0;
  int generations_kept = 0;
};

}  // namespace waymark::store
