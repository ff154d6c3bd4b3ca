#pragma once
// Supervisors' decisions on cases (CaseStore::reviews()): return with a reason, approve, close. Each
// is a row of the case's review history and an audit event, in one transaction with the new status.
#include <cstdint>
#include <string_view>
#include <vector>

#include "store/records.h"

namespace waymark::store {

struct StoreState;

class Reviews {
 public:
  explicit Reviews(StoreState& s) : s_(&s) {}

  // A submitted case goes back to its owner; `reason` (what to fix) is required: 1 to 2000 characters.
  void return_case(std::int64_t case_id, std::string_view reason);
  // A submitted case; not one's own unless the store allows self-approval. `note` may be empty.
  void approve(std::int64_t case_id, std::string_view note = {});
  void close(std::int64_t case_id, std::string_view note = {});
  // The decisions on a case, oldest first: anyone who may read the case.
  [[nodiscard]] std::vector<Review> history(std::int64_t case_id);

 private:
  StoreState* s_;
};

}  // namespace waymark::store
