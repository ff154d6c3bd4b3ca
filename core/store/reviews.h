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

  // A submitted case goes back to its owner; `reason` (what to check or change) is required, at most
  // 8000 bytes. `question_id` may point at the question the owner should look at again.
  void return_case(std::int64_t case_id, std::string_view reason, std::string_view question_id = {});
  // A submitted case; not one's own unless the store allows self-approval. `note` may be empty.
  void approve(std::int64_t case_id, std::string_view note = {});
  void close(std::int64_t case_id, std::string_view note = {});
  // The decisions on a case, oldest first: anyone who may read the case.
  // (The owner of a returned case reads the reason in the last one.)
  [[nodiscard]] std::vector<Review> history(std::int64_t case_id);

 private:
  StoreState* s_;
};

}  // namespace waymark::store
