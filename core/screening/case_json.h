#pragma once
// A stored case as JSON (the CLI's `case list/show --json` and `case export --format record`), and
// times as ISO 8601.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

#include "store/case_store.h"

namespace waymark::screening {

// "2026-01-02T03:04:05Z"
[[nodiscard]] std::string iso_time(std::int64_t unix_ms);

// id, reference, status, owner, assigned_to, created, updated, pack {id, version, sha256}
[[nodiscard]] nlohmann::json case_summary_json(const store::CaseSummary& c);
// The summary plus answers (latest each), answer_history, notes and the stored assessment.
[[nodiscard]] nlohmann::json case_record_json(const store::CaseRecord& r);

}  // namespace waymark::screening
