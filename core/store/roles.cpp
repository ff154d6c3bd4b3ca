#include "store/roles.h"

#include <array>
#include <utility>

namespace waymark::store {
namespace {
constexpr std::array<std::pair<Roles, std::string_view>, 4> kRoleNames = {{
    {kResponder, "responder"}, {kCaseworker, "caseworker"}, {kSupervisor, "supervisor"}, {kAdmin, "admin"}}};
constexpr std::array<std::pair<CaseStatus, std::string_view>, 5> kStatusNames = {{
    {CaseStatus::draft, "draft"},
    {CaseStatus::submitted, "submitted"},
    {CaseStatus::returned, "returned"},
    {CaseStatus::approved, "approved"},
    {CaseStatus::closed, "closed"}}};
}  // namespace

std::optional<Roles> parse_roles(std::string_view text) {
  Roles roles = 0;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const std::string_view name = text.substr(0, comma);
    Roles found = 0;
    for (const auto& [role, role_name] : kRoleNames)
      if (name == role_name) found = role;
    if (found == 0 || (roles & found) != 0) return std::nullopt;
    roles |= found;
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
    if (text.empty()) return std::nullopt;
  }
  if (roles == 0) return std::nullopt;
  return roles;
}

std::string roles_to_string(Roles roles) {
  std::string out;
  for (const auto& [role, name] : kRoleNames) {
    if ((roles & role) == 0) continue;
    if (!out.empty()) out += ',';
    out += name;
  }
  return out;
}

std::string_view to_string(CaseStatus status) {
  for (const auto& [s, name] : kStatusNames)
    if (s == status) return name;
  return "draft";
}

std::optional<CaseStatus> parse_status(std::string_view text) {
  for (const auto& [s, name] : kStatusNames)
    if (text == name) return s;
  return std::nullopt;
}

bool may_create_case(Roles roles) { return (roles & (kResponder | kSupervisor)) != 0; }
bool may_list_cases(Roles roles) { return (roles & (kResponder | kCaseworker | kSupervisor)) != 0; }

bool may_read(std::int64_t user_id, Roles roles, const CaseAccess& c) {
  if (roles & kSupervisor) return true;
  if ((roles & kResponder) && c.owner_id == user_id) return true;
  if ((roles & kCaseworker) && c.assigned_to == user_id && c.status != CaseStatus::draft) return true;
  return false;
}

bool may_edit(std::int64_t user_id, Roles roles, const CaseAccess& c) {
  return (roles & (kResponder | kSupervisor)) && c.owner_id == user_id &&
         (c.status == CaseStatus::draft || c.status == CaseStatus::returned);
}

bool may_submit(std::int64_t user_id, Roles roles, const CaseAccess& c) { return may_edit(user_id, roles, c); }

bool may_export(std::int64_t user_id, Roles roles, const CaseAccess& c) {
  if (roles & kSupervisor) return true;
  return (roles & kCaseworker) && c.assigned_to == user_id && c.status != CaseStatus::draft;
}

bool may_review(Roles roles, const CaseAccess& c) {
  return (roles & kSupervisor) && c.status == CaseStatus::submitted;
}

bool may_close(Roles roles, const CaseAccess& c) {
  return (roles & kSupervisor) && c.status != CaseStatus::closed;
}

bool may_manage_users(Roles roles) { return (roles & kAdmin) != 0; }
bool may_restore(Roles roles) { return (roles & (kAdmin | kSupervisor)) != 0; }
bool may_maintain(Roles roles) { return (roles & (kAdmin | kSupervisor)) != 0; }

}  // namespace waymark::store
