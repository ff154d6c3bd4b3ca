#pragma once
// Reading case rows, shared by the store's parts (cases, reviews, retention); not part of the interface.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>

#include "store/case_facets.h"
#include "store/records.h"

namespace waymark::store {

// The columns read_summary() expects, from "cases c JOIN users u ON u.id = c.owner_id LEFT JOIN
// users w ON w.id = c.assigned_to".
inline constexpr const char* kCaseColumns =
    "c.id, c.reference, c.owner_id, u.name, c.assigned_to, c.status, c.pack_id, c.pack_version, c.pack_sha256, "
    "c.created_ms, c.updated_ms, c.band, c.types, c.nation, c.child, c.submitted_ms, c.closed_ms, w.name";
inline constexpr const char* kCaseJoins =
    "cases c JOIN users u ON u.id = c.owner_id LEFT JOIN users w ON w.id = c.assigned_to";

[[nodiscard]] CaseSummary read_summary(SQLite::Statement& q);
[[nodiscard]] std::optional<CaseSummary> find_case(SQLite::Database& db, std::int64_t id);
// Binds band, types, nation and child (NULL when unknown) to parameters 1 to 4 of "UPDATE cases SET
// band = ?, types = ?, nation = ?, child = ? ...": the one way the facet columns are written.
void bind_facets(SQLite::Statement& q, const CaseFacets& f);

// Refuses (Errc::invalid) anything but a rule pack's question id.
void check_question_id(std::string_view id);

[[nodiscard]] inline CaseAccess access_of(const CaseSummary& c) { return {c.owner_id, c.assigned_to, c.status}; }

}  // namespace waymark::store
