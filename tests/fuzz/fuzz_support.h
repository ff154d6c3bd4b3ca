#pragma once
// Shared by the fuzz targets: the small test pack they read answers against, loaded once.
#include <cstdio>
#include <cstdlib>

#include "rules/pack_loader.h"

namespace waymark::fuzz {

inline const rules::RulePack& minimal_pack() {
  static const rules::RulePack pack = [] {
    rules::LoadResult r = rules::load_rule_pack(WAYMARK_FUZZ_PACK);
    if (!r.pack) {
      std::fprintf(stderr, "fuzz: cannot load %s\n", WAYMARK_FUZZ_PACK);
      std::abort();
    }
    return std::move(*r.pack);
  }();
  return pack;
}

// A message shown to a person must be one short line of printable text whatever the input was.
inline void check_message(const std::string& m) {
  if (m.size() > 600) std::abort();
  for (const char c : m)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) std::abort();
}

}  // namespace waymark::fuzz
