#include "rules/yaml_reader.h"

#include <charconv>
#include <cmath>

#include "text/utf8.h"

namespace waymark::rules {

SourceLocation YamlReader::where(const YAML::Node& node) const {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) return {file_, 1, 1};
  return {file_, mark.line + 1, mark.column + 1};
}

void YamlReader::error(const YAML::Node& at, std::string message) const {
  error(where(at), std::move(message));
}

void YamlReader::error(const SourceLocation& at, std::string message) const {
  errors_.push_back({at, std::move(message)});
}

bool YamlReader::only_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                           std::string_view what) const {
  bool ok = true;
  for (const auto& entry : map) {
    const YAML::Node& key = entry.first;
    const std::string name = key.IsScalar() ? key.Scalar() : std::string();
    bool known = false;
    for (std::string_view a : allowed) known = known || a == name;
    if (!known) {
      error(key, "unknown key '" + waymark::text::quote_for_message(name) + "' in " + std::string(what));
      ok = false;
    }
  }
  return ok;
}

bool YamlReader::expect_map(const YAML::Node& node, std::string_view what) const {
  if (node.IsMap()) return true;
  error(node, std::string(what) + " must be a mapping of keys to values");
  return false;
}

bool YamlReader::expect_list(const YAML::Node& node, std::string_view what) const {
  if (node.IsSequence()) return true;
  error(node, std::string(what) + " must be a list");
  return false;
}

std::optional<std::string> YamlReader::text(const YAML::Node& map, const char* key,
                                            std::string_view what, bool required) const {
  const YAML::Node value = map[key];
  if (!value.IsDefined() || value.IsNull()) {
    if (required) error(map, std::string(what) + " has no '" + key + "'");
    return std::nullopt;
  }
  if (!value.IsScalar()) {
    // Built by appending: GCC 12 at -O3 reports a false -Wrestrict on a chain of operator+ here.
    std::string message = "'";
    message.append(key).append("' of ").append(what).append(" must be text");
    error(value, std::move(message));
    return std::nullopt;
  }
  return value.Scalar();
}

std::optional<double> YamlReader::number(const YAML::Node& node, std::string_view what) const {
  if (node.IsScalar()) {
    const std::string& s = node.Scalar();
    double value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec == std::errc() && end == s.data() + s.size() && std::isfinite(value)) return value;
  }
  error(node, std::string(what) + " must be a number");
  return std::nullopt;
}

std::optional<bool> YamlReader::boolean(const YAML::Node& node, std::string_view what) const {
  if (node.IsScalar()) {
    const std::string& s = node.Scalar();
    if (s == "yes" || s == "true") return true;
    if (s == "no" || s == "false") return false;
  }
  error(node, std::string(what) + " must be yes or no");
  return std::nullopt;
}

YAML::Node parse_yaml(const std::string& text, const YamlReader& reader) {
  // Every string of a pack ends up in JSON and on screen: invalid UTF-8 is refused here, where the
  // file and the place are known (yaml-cpp would pass the bytes through).
  if (const auto bad = waymark::text::first_invalid_utf8(text)) {
    const waymark::text::LineColumn at = waymark::text::line_column_at(text, *bad);
    static constexpr char kHex[] = "0123456789abcdef";
    const auto byte = static_cast<unsigned char>(text[*bad]);
    reader.error(SourceLocation{reader.file(), at.line, at.column},
                 std::string("not valid UTF-8 text (byte 0x") + kHex[byte >> 4] + kHex[byte & 15] +
                     "): save the file as UTF-8");
    return YAML::Node(YAML::NodeType::Null);
  }
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    SourceLocation at{reader.file(), 1, 1};
    if (!e.mark.is_null()) at = {reader.file(), e.mark.line + 1, e.mark.column + 1};
    reader.error(at, "YAML syntax error: " + e.msg);
  } catch (const std::exception&) {
    reader.error(SourceLocation{reader.file(), 1, 1}, "not a readable YAML document");
  }
  return YAML::Node(YAML::NodeType::Null);
}

}  // namespace waymark::rules
