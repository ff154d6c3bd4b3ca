#pragma once
// Backups of the open store (CaseStore::backups()); restoring one is CaseStore::restore.
#include <filesystem>

#include "store/records.h"

namespace waymark::store {

struct StoreState;

class Backups {
 public:
  explicit Backups(StoreState& s) : s_(&s) {}
  // An encrypted backup (same key) at `to`, with `to`.keys; older backups at `to`.1, `to`.2, ...
  // (`generations` in all). Made in a temporary file, reopened and verified before it replaces
  // anything. Never produces plaintext. Admin or supervisor.
  BackupReport make(const std::filesystem::path& to, int generations = 3);

 private:
  StoreState* s_;
};

}  // namespace waymark::store
