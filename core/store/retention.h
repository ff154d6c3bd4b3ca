#pragma once
// Deleting closed cases after the store's retention period (CaseStore::retention()). A supervisor
// sees what a purge would delete, then purges exactly that list, in one transaction; the audit trail
// records how many cases, answers and reviews went, never what they held.
#include <cstdint>
#include <optional>
#include <vector>

#include "store/records.h"

namespace waymark::store {

struct StoreState;

struct PurgePlan {
  std::int64_t closed_before_ms = 0;
  std::vector<CaseSummary> cases;  // closed before that time, oldest closing first
  std::int64_t answers = 0, reviews = 0;
};

struct PurgeReport {
  std::int64_t cases = 0, answers = 0, reviews = 0;
};

class Retention {
 public:
  explicit Retention(StoreState& s) : s_(&s) {}
  // The store's retention period for closed cases in days; nothing: off (the default). A supervisor
  // sets it; recorded in the audit trail.
  [[nodiscard]] std::optional<int> period_days();
  void set_period_days(std::optional<int> days);
  // Closed cases closed before `closed_before_ms` (supervisors only; nothing is changed).
  [[nodiscard]] PurgePlan plan(std::int64_t closed_before_ms);
  // The plan's cases by the period: closed more than period_days() ago; an empty plan when off.
  [[nodiscard]] PurgePlan plan_by_period();
  // Deletes exactly the plan's cases. Refused whole (nothing deleted) if any of them is no longer
  // closed before the plan's time, or if a case closed before it is missing from the plan.
  PurgeReport purge(const PurgePlan& plan);

 private:
  StoreState* s_;
};

}  // namespace waymark::store
