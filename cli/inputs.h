#pragma once
// Reading a rule pack and an answers file for a command, reporting problems on standard error.
#include <optional>
#include <string>

#include "rules/answers.h"
#include "rules/rule_pack.h"

namespace waymark::cli {

// The pack named by --pack, or without it the default (host::default_pack_path): the UK pack
// installed beside waymark-cli (/usr/share/waymark/rules/uk/pack.yaml for /usr/bin/waymark-cli) or,
// in a build tree, the sources' rules/uk/pack.yaml.
[[nodiscard]] std::string pack_or_default(const std::optional<std::string>& given);

// Prints every load error as file:line:col: message; nothing when the pack loads.
[[nodiscard]] std::optional<rules::RulePack> load_pack(const std::string& path);

// Returns the answers, or an exit code (kIoError, kBadInput) after naming each problem.
struct AnswersOrExit {
  std::optional<rules::AnswerSet> answers;
  int exit_code = 0;
};
[[nodiscard]] AnswersOrExit load_answers(const rules::RulePack& pack, const std::string& path);

// Prints "--help" text when asked; true if it did.
bool print_help_if_asked(const std::vector<std::string>& args, const char* help);

}  // namespace waymark::cli
