#pragma once
// A problem found while reading a rule pack, reported as "file:line:col: message".
#include <string>
#include <vector>

#include "rules/rule_pack.h"

namespace waymark::rules {

struct LoadError {
  SourceLocation where;
  std::string message;

  [[nodiscard]] std::string to_string() const {
    return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) + ": " +
           message;
  }
};

using LoadErrors = std::vector<LoadError>;

}  // namespace waymark::rules
