#pragma once
// Roles, case statuses and who may do what. Enforced in CaseStore's services, not in any UI.
//   responder : creates cases; sees and edits their own (while draft or returned); submits them
//   caseworker: reads and exports cases submitted to them
//   supervisor: reads all cases; returns, approves and closes them; may also create their own
//   admin     : manages users and backups; sees NO case content unless also a supervisor
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace waymark::store {

using Roles = unsigned;
inline constexpr Roles kResponder = 1, kCaseworker = 2, kSupervisor = 4, kAdmin = 8;
inline constexpr Roles kAllRoles = kResponder | kCaseworker | kSupervisor | kAdmin;

// "responder", "admin,supervisor" (any order, no repeats); nothing if a name is unknown or empty.
[[nodiscard]] std::optional<Roles> parse_roles(std::string_view text);
// Canonical order: responder,caseworker,supervisor,admin.
[[nodiscard]] std::string roles_to_string(Roles roles);

enum class CaseStatus { draft, submitted, returned, approved, closed };
[[nodiscard]] std::string_view to_string(CaseStatus status);
[[nodiscard]] std::optional<CaseStatus> parse_status(std::string_view text);

// What a user may do to a case, given their roles and the case's owner, assignee and status.
struct CaseAccess {
  std::int64_t owner_id = 0;
  std::optional<std::int64_t> assigned_to;
  CaseStatus status = CaseStatus::draft;
};
[[nodiscard]] bool may_create_case(Roles roles);
[[nodiscard]] bool may_list_cases(Roles roles);
[[nodiscard]] bool may_read(std::int64_t user_id, Roles roles, const CaseAccess& c);
[[nodiscard]] bool may_edit(std::int64_t user_id, Roles roles, const CaseAccess& c);
[[nodiscard]] bool may_submit(std::int64_t user_id, Roles roles, const CaseAccess& c);
[[nodiscard]] bool may_export(std::int64_t user_id, Roles roles, const CaseAccess& c);
[[nodiscard]] bool may_review(Roles roles, const CaseAccess& c);  // return or approve a submitted case
[[nodiscard]] bool may_close(Roles roles, const CaseAccess& c);
[[nodiscard]] bool may_manage_users(Roles roles);
[[nodiscard]] bool may_restore(Roles roles);
// Backups and `verify`: the store's upkeep, for an admin or supervisor (docs/security.md).
[[nodiscard]] bool may_maintain(Roles roles);

}  // namespace waymark::store
