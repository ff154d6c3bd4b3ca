#pragma once
// Words every rendering shares (the screening summary, the assessment JSON and the referral summary),
// so a change of wording is made once.
#include <string>
#include <vector>

#include "rules/assessment.h"

namespace waymark::report {

// "REFER: the signs meet the threshold for a referral"
[[nodiscard]] const char* band_heading(rules::Band band);

// Not checked against its primary source, or its grade is not.
[[nodiscard]] bool is_unverified(const rules::Indicator& indicator);
// "HO-TK §9"
[[nodiscard]] std::string source_of(const rules::RulePack& pack, const rules::Indicator& indicator);

inline constexpr const char* kSupportsNotDecides = "This supports the responder's decision; it does not make it.";
inline constexpr const char* kRecheckContacts =
    "Re-check contact details before use: numbers, hours and eligibility change.";
inline constexpr const char* kUnverifiedNotice =
    "Some indicators or their grades are UNVERIFIED: not checked against their primary source.";

// What every reader of an assessment must be told, in order.
[[nodiscard]] std::vector<std::string> assessment_notices(const rules::RulePack& pack,
                                                          const rules::Assessment& assessment);

}  // namespace waymark::report
