#include "screening/case_json.h"

#include <ctime>

#include "store/roles.h"

namespace waymark::screening {

std::string iso_time(std::int64_t unix_ms) {
  const std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

nlohmann::json case_summary_json(const store::CaseSummary& c) {
  return {{"id", c.id},
          {"reference", c.reference},
          {"status", store::to_string(c.status)},
          {"owner", c.owner_name},
          {"assigned_to", c.assigned_to ? nlohmann::json(*c.assigned_to) : nlohmann::json(nullptr)},
          {"created", iso_time(c.created_ms)},
          {"updated", iso_time(c.updated_ms)},
          {"pack", {{"id", c.pack.id}, {"version", c.pack.version}, {"sha256", c.pack.sha256}}}};
}

nlohmann::json case_record_json(const store::CaseRecord& r) {
  nlohmann::json j = case_summary_json(r.summary);
  nlohmann::json answers = nlohmann::json::object();
  for (const auto& a : r.answers) answers[a.question_id] = nlohmann::json::parse(a.value_json, nullptr, false);
  j["answers"] = answers;
  j["answer_history"] = r.answer_history;
  j["notes"] = r.notes;
  j["assessment"] = r.assessment_json ? nlohmann::json::parse(*r.assessment_json, nullptr, false)
                                      : nlohmann::json(nullptr);
  return j;
}

}  // namespace waymark::screening
