#include "inputs.h"

#include <cstdio>
#include <string>
#include <vector>

#include "commands.h"
#include "host/pack_path.h"
#include "rules/answers_json.h"
#include "rules/pack_loader.h"
#include "text/bounded_file.h"

namespace waymark::cli {

namespace {

// A loader message quotes ids and keys from the pack: control characters (a YAML "\e" escape, a
// newline) are shown as \xNN and the line is cut, so that a message is one line on the terminal.
std::string one_line(const std::string& message) {
  static constexpr char kHex[] = "0123456789abcdef";
  static constexpr std::size_t kMax = 1000;
  std::string out;
  for (const char c : message) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7f) {
      out += "\\x";
      out += kHex[b >> 4];
      out += kHex[b & 15];
    } else {
      out += c;
    }
    if (out.size() >= kMax) return out + "... (" + std::to_string(message.size()) + " bytes)";
  }
  return out;
}

}  // namespace

std::string pack_or_default(const std::optional<std::string>& given) {
  if (given) return *given;
  return host::default_pack_path(host::executable_dir(), host::source_tree_pack()).string();
}

std::optional<rules::RulePack> load_pack(const std::string& path) {
  rules::LoadResult result = rules::load_rule_pack(path);
  for (const auto& e : result.errors) std::fprintf(stderr, "%s\n", one_line(e.to_string()).c_str());
  return std::move(result.pack);
}

AnswersOrExit load_answers(const rules::RulePack& pack, const std::string& path) {
  // A regular file of at most 4 MiB (a full screening with long notes is a few KB): a folder, a device
  // or a pipe is refused with the reason, exit 3, like a missing file.
  const text::BoundedRead file = text::read_regular_file(path, 4u << 20);
  if (!file.text) {
    std::fprintf(stderr, "waymark-cli: cannot read answers file '%s': %s\n", path.c_str(), file.problem.c_str());
    return {std::nullopt, kIoError};
  }
  rules::ParsedAnswers parsed = rules::answers_from_json_text(pack, *file.text);
  for (const auto& e : parsed.errors) std::fprintf(stderr, "%s: %s\n", path.c_str(), e.c_str());
  if (!parsed.errors.empty()) return {std::nullopt, kBadInput};
  return {std::move(parsed.answers), kOk};
}

bool print_help_if_asked(const std::vector<std::string>& args, const char* help) {
  for (const auto& a : args) {
    if (a == "--help" || a == "-h") {
      std::fputs(help, stdout);
      return true;
    }
  }
  return false;
}

}  // namespace waymark::cli
