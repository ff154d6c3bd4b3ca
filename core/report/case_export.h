#pragma once
// A stored case as a referral summary: the one call the CLI's `case export` and the app's Export action
// share. Reading goes through CaseStore::export_case, so the store checks the user's roles (the
// caseworker the case was submitted to, or a supervisor) and records one audit event, never content.
//
//   auto e = report::summarise_case(store, case_id, pack, report::Variant::dtn);
//   const std::string bytes = format == report::Format::pdf ? pdf::render_pdf(e.summary)   // app/pdf
//                                                           : report::render(e.summary, format);
//   report::write_export_file(path, bytes, overwrite);   // report/export_file.h; throws ExportError
#include <cstdint>
#include <string>
#include <vector>

#include "report/referral_summary.h"
#include "store/case_store.h"

namespace waymark::report {

struct CaseSummary {
  ReferralSummary summary;
  std::vector<std::string> not_in_pack;  // saved answers to questions this pack does not have (ids only)
  std::vector<std::string> not_valid;    // saved answers this pack's question does not accept (ids only)
};

// Throws store::StoreError (not allowed, no such case, ...).
[[nodiscard]] CaseSummary summarise_case(store::CaseStore& store, std::int64_t case_id, const rules::RulePack& pack,
                                         Variant variant);

// From a record already read: its answers are read back under `pack`, assessed and summarised. Answers
// the pack cannot read are left out and named (by question id) in the summary's notices.
[[nodiscard]] CaseSummary summarise_record(const store::CaseRecord& record, const rules::RulePack& pack,
                                           Variant variant);

}  // namespace waymark::report
