#pragma once
// Reads a rule pack from YAML (docs/rule-packs.md). A pack with any problem is refused whole and every
// problem is reported with its file, line and column.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "rules/load_error.h"
#include "rules/rule_pack.h"

namespace waymark::rules {

// Returns a file's bytes, or nothing if it cannot be read. Tests pass their own.
using FileReader = std::function<std::optional<std::string>(const std::filesystem::path&)>;

[[nodiscard]] std::optional<std::string> read_file(const std::filesystem::path& path);

struct LoadResult {
  std::optional<RulePack> pack;  // set only when there are no errors
  LoadErrors errors;
};

[[nodiscard]] LoadResult load_rule_pack(const std::filesystem::path& file,
                                        const FileReader& reader = read_file);

}  // namespace waymark::rules
