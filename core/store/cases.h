#pragma once
// The store's cases (CaseStore::cases()): creating and answering them, listing them by page, reading
// and exporting them, submitting them to a caseworker. Every call checks the user's roles and is one
// transaction, committed before it returns, with its audit event.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/records.h"

namespace waymark::store {

struct StoreState;

class Cases {
 public:
  explicit Cases(StoreState& s) : s_(&s) {}

  CaseSummary create(const PackRef& pack);
  // A new case with its answers (question id, value JSON; in this order) and its assessment, in ONE
  // transaction with the same audit events as one by one: on any failure (a full disk) no case exists.
  struct NewAnswer {
    std::string question_id;
    std::string value_json;
  };
  CaseSummary create_with_answers(const PackRef& pack, const std::vector<NewAnswer>& answers,
                                  std::string_view assessment_json);
  void save_answer(std::int64_t case_id, std::string_view question_id, std::string_view value_json);
  void save_notes(std::int64_t case_id, std::string_view notes);
  // Also sets the case's band, exploitation types, nation and child flag from it (case_facets.h).
  void save_assessment(std::int64_t case_id, std::string_view assessment_json);

  // One page of the cases the user may read that match `filter`, with the number matching. The
  // queue is for supervisors only.
  [[nodiscard]] CasePage list(const CaseFilter& filter = {});
  [[nodiscard]] CaseRecord read(std::int64_t case_id);
  // As read(), recorded as an export: the caseworker it was submitted to, or a supervisor.
  [[nodiscard]] CaseRecord export_record(std::int64_t case_id);
  // Every answer ever saved to the case, oldest first, each with the value it replaced.
  [[nodiscard]] std::vector<AnswerChange> answer_history(std::int64_t case_id);
  void submit(std::int64_t case_id, std::string_view caseworker);

 private:
  StoreState* s_;
};

}  // namespace waymark::store
