#pragma once
// Figures for supervisors (CaseStore::statistics()): assessed cases counted by month, band,
// exploitation type, nation and child/adult. A count from 1 to 4 is never shown (k-anonymity at 5,
// as the CTDC publishes): the cell says only "fewer than 5".
#include <cstdint>
#include <string>
#include <vector>

namespace waymark::store {

struct StoreState;

inline constexpr std::int64_t kSmallestShownCount = 5;

struct StatCell {
  std::string dimension;  // "month", "band", "exploitation_type", "nation", "child"
  std::string key;        // "2026-03", "refer", "labour", "scotland", "child" | "adult"; "unknown"
  std::int64_t count = 0;  // 0 when suppressed
  bool suppressed = false;
  // Suppressed although 5 or more, because it alone would give away a smaller count ("<5" would be
  // false for it): shown as "hidden", "x" in CSV.
  bool complementary = false;
};

struct CaseStatistics {
  std::int64_t cases = 0;  // assessed cases counted (suppressed too when under 5)
  bool cases_suppressed = false;
  std::vector<StatCell> cells;  // by dimension; months in order, the rest by count, largest first
};

// "dimension,key,count" with "<5" for a count from 1 to 4 and "x" for a count hidden so that one
// under 5 cannot be worked out; a header line first.
[[nodiscard]] std::string statistics_csv(const CaseStatistics& stats);

class Statistics {
 public:
  explicit Statistics(StoreState& s) : s_(&s) {}
  // Supervisors only. Counts cases created in [from, before) when given.
  [[nodiscard]] CaseStatistics count(std::int64_t created_from_ms = 0, std::int64_t created_before_ms = 0);

 private:
  StoreState* s_;
};

}  // namespace waymark::store
