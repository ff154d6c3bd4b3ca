#pragma once
// The store's accounts (CaseStore::accounts()): adding users, listing them, changing one's passphrase.
#include <string_view>
#include <vector>

#include "crypto/kdf.h"
#include "crypto/secret.h"
#include "store/records.h"

namespace waymark::store {

struct StoreState;

class Accounts {
 public:
  explicit Accounts(StoreState& s) : s_(&s) {}
  // Admin. The new passphrase is checked against the passphrase rules.
  User add_user(std::string_view name, Roles roles, const crypto::Secret& passphrase, const crypto::KdfParams& kdf);
  // Admin or supervisor.
  [[nodiscard]] std::vector<User> users();
  // Rewraps the current user's own keyslot with a new passphrase; nothing is re-encrypted.
  void change_passphrase(const crypto::Secret& new_passphrase, const crypto::KdfParams& kdf);

 private:
  StoreState* s_;
};

}  // namespace waymark::store
