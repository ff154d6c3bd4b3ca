// The store's accounts: each change to an account and its keyslot happens together, inside one
// transaction and under the keyslot file's lock.
#include "store/accounts.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

#include "log/log.h"
#include "store/store_internal.h"

namespace waymark::store {
namespace fs = std::filesystem;

User Accounts::add_user(std::string_view name, Roles roles, const crypto::Secret& passphrase,
                         const crypto::KdfParams& kdf) {
  StoreState& s = *s_;
  if (!may_manage_users(s.user.roles)) s.deny(std::nullopt, "only an admin can add users");
  check_user_name(name);
  if (roles == 0 || (roles & ~kAllRoles) != 0) throw StoreError(Errc::invalid, "unknown role");
  // Supervisors read every case: only a supervisor can make another one, so that an admin account
  // alone cannot grant itself (or a second account it controls) access to case content.
  if ((roles & kSupervisor) != 0 && (s.user.roles & kSupervisor) == 0)
    s.deny(std::nullopt, "only a supervisor can give the supervisor role");
  check_new_passphrase(passphrase, name);
  const fs::path keys = keyslot_path(s.db);
  User added;
  s.write("add a user", [&] {
    {
      SQLite::Statement dup(s.conn->db(), "SELECT 1 FROM users WHERE name = ?");
      dup.bind(1, std::string(name));
      if (dup.executeStep()) throw StoreError(Errc::already_exists, "that user already exists");
    }
    // The keyslot file as it is now, under its lock: another add-user, a passphrase change or a
    // failure count written meanwhile is kept.
    update_keyslots(keys, [&](crypto::KeyslotFile& file) {
      // A keyslot whose account row does not exist is left by an add-user whose commit failed after the
      // keyslot file was written. Its id is never given to anyone else (ids come after every id in the
      // table AND in the keyslot file), and the orphan slot itself is dropped here.
      std::int64_t next_id = s.conn->db().execAndGet("SELECT coalesce(max(id), 0) FROM users").getInt64() + 1;
      std::vector<crypto::Keyslot> kept;
      for (auto& slot : file.slots) {
        next_id = std::max(next_id, slot.user_id + 1);
        if (slot.kind == crypto::Keyslot::Kind::passphrase) {
          SQLite::Statement exists(s.conn->db(), "SELECT 1 FROM users WHERE id = ?");
          exists.bind(1, slot.user_id);
          if (!exists.executeStep()) {
            log::warn("store: dropping a keyslot with no account (user id {})", slot.user_id);
            continue;
          }
        }
        kept.push_back(std::move(slot));
      }
      file.slots = std::move(kept);
      if (file.find_user(name) != nullptr) throw StoreError(Errc::already_exists, "that user already exists");
      SQLite::Statement insert(s.conn->db(), "INSERT INTO users (id, name, roles, created_ms) VALUES (?, ?, ?, ?)");
      insert.bind(1, next_id);
      insert.bind(2, std::string(name));
      insert.bind(3, roles_to_string(roles));
      insert.bind(4, s.now());
      insert.exec();
      added = {next_id, std::string(name), roles, s.now()};
      // The event names the new account and its roles (as codes: 1 responder, 2 caseworker,
      // 4 supervisor, 8 admin), never its name.
      s.audit->append(s.now(), s.user.id, AuditAction::user_added, std::nullopt, added.id,
                      static_cast<std::int64_t>(roles));
      file.slots.push_back(crypto::make_keyslot(crypto::Keyslot::Kind::passphrase, added.id, name,
                                                roles_to_string(roles), file.store_id, passphrase, s.key, kdf));
      return true;  // written before the commit: if the keyslot cannot be saved the account is not created
    });
  });
  log::info("store: user {} added", added.id);
  return added;
}

std::vector<User> Accounts::users() {
  StoreState& s = *s_;
  if ((s.user.roles & (kAdmin | kSupervisor)) == 0) s.deny(std::nullopt, "only an admin or supervisor can list users");
  std::vector<User> out;
  try {
    SQLite::Statement q(s.conn->db(), "SELECT id, name, roles, created_ms FROM users ORDER BY id");
    while (q.executeStep())
      out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                     parse_roles(q.getColumn(2).getString()).value_or(0), q.getColumn(3).getInt64()});
  } catch (const SQLite::Exception& e) {
    throw s.conn->translate(e, "read the users");
  }
  return out;
}

void Accounts::change_passphrase(const crypto::Secret& new_passphrase, const crypto::KdfParams& kdf) {
  StoreState& s = *s_;
  check_new_passphrase(new_passphrase, s.user.name);
  const fs::path keys = keyslot_path(s.db);
  const std::string roles = roles_to_string(s.user.roles);
  // Derived before any lock is taken; only the replacement of the one slot happens under it.
  const crypto::Keyslot fresh = crypto::make_keyslot(crypto::Keyslot::Kind::passphrase, s.user.id, s.user.name,
                                                     roles, s.store_id, new_passphrase, s.key, kdf);
  s.write("change the passphrase", [&] {
    s.audit->append(s.now(), s.user.id, AuditAction::passphrase_changed);
    update_keyslots(keys, [&](crypto::KeyslotFile& now) {
      crypto::Keyslot* slot = find_account_slot(now, s.user.id, s.user.name);
      if (slot == nullptr || slot->roles != roles) throw StoreError(Errc::not_found, "this account has no keyslot");
      *slot = fresh;
      return true;
    });
  });
}

}  // namespace waymark::store
