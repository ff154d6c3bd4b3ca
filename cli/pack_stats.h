#pragma once
// `rules stats`: the figures a safeguarding lead reviews before publishing a pack.
#include <string>

#include "rules/rule_pack.h"

namespace waymark::cli {

int print_pack_stats(const rules::RulePack& pack, const std::string& scenarios_dir);

}  // namespace waymark::cli
