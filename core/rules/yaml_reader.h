#pragma once
// Small helpers to read YAML nodes while collecting every problem with its file, line and column.
#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "rules/load_error.h"

namespace waymark::rules {

class YamlReader {
 public:
  YamlReader(std::string file, LoadErrors& errors) : file_(std::move(file)), errors_(errors) {}

  [[nodiscard]] SourceLocation where(const YAML::Node& node) const;
  void error(const YAML::Node& at, std::string message) const;
  void error(const SourceLocation& at, std::string message) const;
  [[nodiscard]] const std::string& file() const { return file_; }

  // Reports keys that are not in `allowed` ("unknown key 'x' in question"); false if any.
  bool only_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                 std::string_view what) const;
  bool expect_map(const YAML::Node& node, std::string_view what) const;
  bool expect_list(const YAML::Node& node, std::string_view what) const;

  // A required or optional text field of a map; reports a missing or non-text value.
  std::optional<std::string> text(const YAML::Node& map, const char* key, std::string_view what,
                                  bool required = true) const;
  std::optional<double> number(const YAML::Node& node, std::string_view what) const;
  std::optional<bool> boolean(const YAML::Node& node, std::string_view what) const;

 private:
  std::string file_;
  LoadErrors& errors_;
};

// Parses `text` as one YAML document; on a syntax error reports it and returns a null node.
YAML::Node parse_yaml(const std::string& text, const YamlReader& reader);

}  // namespace waymark::rules
