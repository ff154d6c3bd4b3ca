#include "store/case_rows.h"

#include "store/case_facets.h"

namespace waymark::store {

CaseSummary read_summary(SQLite::Statement& q) {
  CaseSummary c;
  c.id = q.getColumn(0).getInt64();
  c.reference = q.getColumn(1).getString();
  c.owner_id = q.getColumn(2).getInt64();
  c.owner_name = q.getColumn(3).getString();
  if (!q.getColumn(4).isNull()) c.assigned_to = q.getColumn(4).getInt64();
  c.status = parse_status(q.getColumn(5).getString()).value_or(CaseStatus::draft);
  c.pack = {q.getColumn(6).getString(), q.getColumn(7).getString(), q.getColumn(8).getString()};
  c.created_ms = q.getColumn(9).getInt64();
  c.updated_ms = q.getColumn(10).getInt64();
  c.band = q.getColumn(11).getString();  // NULL reads as ""
  c.exploitation_types = split_types(q.getColumn(12).getString());
  c.nation = q.getColumn(13).getString();
  if (!q.getColumn(14).isNull()) c.child = q.getColumn(14).getInt() != 0;
  if (!q.getColumn(15).isNull()) c.submitted_ms = q.getColumn(15).getInt64();
  if (!q.getColumn(16).isNull()) c.closed_ms = q.getColumn(16).getInt64();
  c.assigned_name = q.getColumn(17).getString();
  return c;
}

void bind_facets(SQLite::Statement& q, const CaseFacets& f) {
  if (f.band.empty()) q.bind(1);
  else q.bind(1, f.band);
  q.bind(2, join_types(f.exploitation_types));
  if (f.nation.empty()) q.bind(3);
  else q.bind(3, f.nation);
  if (f.child) q.bind(4, *f.child ? 1 : 0);
  else q.bind(4);
}

std::optional<CaseSummary> find_case(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db, std::string("SELECT ") + kCaseColumns + " FROM " + kCaseJoins + " WHERE c.id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_summary(q);
}

const char* to_string(Decision d) {
  switch (d) {
    case Decision::returned: return "returned";
    case Decision::approved: return "approved";
    case Decision::closed: return "closed";
  }
  return "returned";
}

}  // namespace waymark::store
