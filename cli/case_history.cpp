// waymark-cli case history ID: a case's review decisions, answer changes and audit trail.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "args.h"
#include "desk_commands.h"
#include "screening/case_json.h"
#include "store/case_store.h"
#include "store_support.h"

namespace waymark::cli {
namespace {

// The case's whole audit trail, oldest first (the store pages it newest first).
std::vector<store::AuditEntry> whole_trail(store::CaseStore& s, std::int64_t case_id) {
  constexpr int kPage = 1000;
  std::vector<store::AuditEntry> trail;
  std::int64_t before = 0;
  for (;;) {
    auto page = s.audit_page(case_id, before, kPage);
    const bool last = page.size() < static_cast<std::size_t>(kPage);
    if (!page.empty()) before = page.back().event.seq;
    for (auto& e : page) trail.push_back(std::move(e));
    if (last) break;
  }
  std::reverse(trail.begin(), trail.end());
  return trail;
}

// A note of several lines, each continued line indented under the first.
std::string indented(const std::string& note) {
  std::string out;
  for (char c : note) {
    out += c;
    if (c == '\n') out += "      ";
  }
  return out;
}

std::string reference_of(const std::vector<store::AuditEntry>& trail) {
  for (const auto& e : trail)
    if (!e.case_reference.empty()) return e.case_reference;
  return "";
}

}  // namespace

int case_history_command(const Argv& argv) {
  Args args(argv, {"password-stdin", "json"});
  std::int64_t id = 0;
  if (args.positional().size() == 1) {
    char* end = nullptr;
    id = std::strtoll(args.positional()[0].c_str(), &end, 10);
    if (end == nullptr || *end != '\0') id = 0;
  }
  if (id <= 0) {
    std::fprintf(stderr, "waymark-cli: give one case id (a number, see 'case list')\n");
    return kBadInput;
  }
  SystemClock clock;
  auto opened = open_store(args, {"json"}, kCaseHelp, clock);
  if (!opened.store) return opened.exit_code;
  store::CaseStore& s = *opened.store;
  const auto reviews = s.reviews().history(id);
  const auto answers = s.cases().answer_history(id);
  const auto trail = whole_trail(s, id);
  const std::string reference = reference_of(trail);

  if (args.flag("json")) {
    nlohmann::json out = {{"id", id}, {"reference", reference}};
    out["reviews"] = nlohmann::json::array();
    for (const auto& r : reviews) out["reviews"].push_back(screening::review_json(r));
    out["answers"] = nlohmann::json::array();
    for (const auto& a : answers) out["answers"].push_back(screening::answer_change_json(a));
    out["audit"] = nlohmann::json::array();
    for (const auto& e : trail) out["audit"].push_back(screening::audit_entry_json(e));
    std::printf("%s\n", out.dump(2).c_str());
    return kOk;
  }
  std::printf("case %lld  %s\n", static_cast<long long>(id), reference.c_str());
  std::printf("\nreviews (%zu):\n", reviews.size());
  if (reviews.empty()) std::printf("  none yet\n");
  for (const auto& r : reviews) {
    std::printf("  %s  %-8s  by %s", screening::iso_time(r.time_ms).c_str(), store::to_string(r.decision),
                r.reviewer_name.c_str());
    if (!r.note.empty()) std::printf(": %s", indented(r.note).c_str());
    std::printf("\n");
  }
  std::printf("\nanswers (%zu saved, oldest first):\n", answers.size());
  for (const auto& a : answers) {
    std::printf("  %s  %s  %s = %s", screening::iso_time(a.saved_ms).c_str(), a.saved_by_name.c_str(),
                a.question_id.c_str(), a.value_json.c_str());
    if (a.previous_json) std::printf("  (was %s)", a.previous_json->c_str());
    std::printf("\n");
  }
  std::printf("\naudit trail (%zu events, oldest first; no content):\n", trail.size());
  // A run of the same action by the same user (the answers of a new case) is one line with its count.
  for (std::size_t i = 0; i < trail.size();) {
    std::size_t end = i + 1;
    while (end < trail.size() && trail[end].event.action == trail[i].event.action &&
           trail[end].event.user_id == trail[i].event.user_id)
      ++end;
    const auto& e = trail[i];
    std::printf("  %s  %s  %s", screening::iso_time(e.event.time_ms).c_str(),
                e.user_name.empty() ? "(unknown account)" : e.user_name.c_str(),
                screening::audit_action_name(e.event.action).c_str());
    if (end - i > 1)
      std::printf(" x%zu (to %s)", end - i, screening::iso_time(trail[end - 1].event.time_ms).c_str());
    std::printf("\n");
    i = end;
  }
  return kOk;
}

}  // namespace waymark::cli
