#include "report/wording.h"

#include <algorithm>

namespace waymark::report {

const char* band_heading(rules::Band band) {
  switch (band) {
    case rules::Band::emergency: return "EMERGENCY: get help now (999)";
    case rules::Band::refer: return "REFER: the signs meet the threshold for a referral";
    case rules::Band::assess: return "FIND OUT MORE: some signs, more information needed";
    case rules::Band::none: return "NO SIGNS OF TRAFFICKING OR MODERN SLAVERY: offer other help";
  }
  return "";
}

bool is_unverified(const rules::Indicator& ind) {
  return !ind.verified || (ind.grade != rules::Grade::none && !ind.grade_verified);
}

std::string source_of(const rules::RulePack& pack, const rules::Indicator& ind) {
  const auto& src = pack.sources[static_cast<std::size_t>(ind.source)];
  return src.id + (ind.source_ref.empty() ? "" : " " + ind.source_ref);
}

std::vector<std::string> assessment_notices(const rules::RulePack& pack, const rules::Assessment& a) {
  std::vector<std::string> out{kSupportsNotDecides};
  if (!a.signposts.empty()) out.emplace_back(kRecheckContacts);
  if (std::any_of(a.indicators.begin(), a.indicators.end(), [&](const auto& f) {
        return is_unverified(pack.indicators[static_cast<std::size_t>(f.index)]);
      }))
    out.emplace_back(kUnverifiedNotice);
  return out;
}

}  // namespace waymark::report
