#pragma once
// What the review desk lists, filters and counts by, read from a stored assessment (JSON format 1,
// written by report::assessment_to_json): kept as columns of the case, in step with its assessment.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::store {

struct CaseFacets {
  std::string band;                             // "emergency", "refer", "assess", "none"; "" unassessed
  std::vector<std::string> exploitation_types;  // pack ids, in pack order
  std::string nation;                           // the pack's nation answer (option value); "" unknown
  std::optional<bool> child;                    // treated as a child; nothing when unassessed
};

// Unreadable or missing fields give empty facets (never an error: the assessment itself is kept).
[[nodiscard]] CaseFacets facets_of(std::string_view assessment_json);

// Exploitation types as stored in one column: ",labour,sexual," (delimited at both ends, so a type
// is found with instr(types, ',labour,')).
[[nodiscard]] std::string join_types(const std::vector<std::string>& types);
[[nodiscard]] std::vector<std::string> split_types(std::string_view column);

}  // namespace waymark::store
