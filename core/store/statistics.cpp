// Counting assessed cases for supervisors, with small cells suppressed.
#include "store/statistics.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <limits>
#include <map>

#include "store/case_facets.h"
#include "store/store_internal.h"

namespace waymark::store {
namespace {

constexpr const char* kDimensions[] = {"month", "band", "exploitation_type", "nation", "child"};

// Primary suppression: 1 to 4 is never shown. Complementary: if exactly one cell of a dimension was
// suppressed, the smallest shown cell of it is suppressed too, so that no count can be worked out from
// the total by subtraction. (A case can have several exploitation types, so that dimension does not
// add up to the total; it is treated the same way anyway.)
void suppress(std::vector<StatCell>& cells) {
  for (StatCell& c : cells)
    if (c.count > 0 && c.count < kSmallestShownCount) c.suppressed = true;
  for (const char* dimension : kDimensions) {
    int suppressed = 0;
    StatCell* smallest_shown = nullptr;
    for (StatCell& c : cells) {
      if (c.dimension != dimension) continue;
      if (c.suppressed) ++suppressed;
      else if (smallest_shown == nullptr || c.count < smallest_shown->count) smallest_shown = &c;
    }
    if (suppressed == 1 && smallest_shown != nullptr) smallest_shown->suppressed = smallest_shown->complementary = true;
  }
  for (StatCell& c : cells)
    if (c.suppressed) c.count = 0;
}

}  // namespace

std::string statistics_csv(const CaseStatistics& stats) {
  std::string out = "dimension,key,count\n";
  out += "all,cases," + (stats.cases_suppressed ? std::string("<5") : std::to_string(stats.cases)) + "\n";
  for (const StatCell& c : stats.cells)
    out += c.dimension + "," + c.key + "," +
           (c.complementary ? std::string("x") : c.suppressed ? std::string("<5") : std::to_string(c.count)) + "\n";
  return out;
}

CaseStatistics Statistics::count(std::int64_t created_from_ms, std::int64_t created_before_ms) {
  StoreState& s = *s_;
  if ((s.user.roles & kSupervisor) == 0) s.deny(std::nullopt, "only supervisors see the store's figures");
  return s.write("count the cases", [&] {
    std::map<std::string, std::int64_t> by[5];
    CaseStatistics stats;
    // One pass over the small case rows (no content is read); months in UTC.
    SQLite::Statement q(s.conn->db(),
                        "SELECT strftime('%Y-%m', created_ms / 1000, 'unixepoch'), band, types, nation, child "
                        "FROM cases WHERE band IS NOT NULL AND created_ms >= ? AND created_ms < ?");
    q.bind(1, created_from_ms);
    q.bind(2, created_before_ms > 0 ? created_before_ms : std::numeric_limits<std::int64_t>::max());
    while (q.executeStep()) {
      ++stats.cases;
      ++by[0][q.getColumn(0).getString()];
      ++by[1][q.getColumn(1).getString()];
      const auto types = split_types(q.getColumn(2).getString());
      if (types.empty()) ++by[2]["none"];
      for (const auto& t : types) ++by[2][t];
      ++by[3][q.getColumn(3).isNull() ? std::string("unknown") : q.getColumn(3).getString()];
      ++by[4][q.getColumn(4).isNull() ? "unknown" : q.getColumn(4).getInt() != 0 ? "child" : "adult"];
    }
    for (int d = 0; d < 5; ++d) {
      std::vector<StatCell> cells;
      for (const auto& [key, n] : by[d]) cells.push_back({kDimensions[d], key, n, false});
      if (d > 0)  // months stay in calendar order
        std::stable_sort(cells.begin(), cells.end(), [](const StatCell& a, const StatCell& b) { return a.count > b.count; });
      stats.cells.insert(stats.cells.end(), cells.begin(), cells.end());
    }
    suppress(stats.cells);
    stats.cases_suppressed = stats.cases > 0 && stats.cases < kSmallestShownCount;
    if (stats.cases_suppressed) stats.cases = 0;
    s.audit->append(s.now(), s.user.id, AuditAction::statistics_read);
    return stats;
  });
}

}  // namespace waymark::store
