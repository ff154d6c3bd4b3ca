// waymark-cli rules check / rules stats: for the people who write and review rule packs.
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "inputs.h"
#include "pack_stats.h"

namespace waymark::cli {
namespace {

constexpr const char* kHelp = R"(usage: waymark-cli rules check [PACK]
       waymark-cli rules stats [PACK] [--scenarios DIR]

PACK defaults to the UK pack installed with waymark-cli (/usr/share/waymark/rules/uk/pack.yaml; in a
build tree, the sources' rules/uk/pack.yaml).

check  Loads the pack (and the files it includes and its organisation directory) and reports every
       problem as file:line:col: message. Exit 0 when valid, 1 otherwise.
stats  Questions; indicators by element, grade and exploitation type; unverified items; and, for
       each golden scenario in DIR (default: tests/golden beside the current directory), the number
       of questions shown.
)";

}  // namespace

int rules_command(const Argv& argv) {
  if (print_help_if_asked(argv, kHelp)) return kOk;
  Args args(argv, {});
  const bool stats = !args.positional().empty() && args.positional()[0] == "stats";
  if (!args.only(stats ? std::set<std::string>{"scenarios"} : std::set<std::string>{}) ||
      args.positional().empty() || args.positional().size() > 2 ||
      (args.positional()[0] != "check" && args.positional()[0] != "stats")) {
    std::fprintf(stderr, "waymark-cli: %s\n%s",
                 args.ok() ? "expected 'rules check [PACK]' or 'rules stats [PACK]'" : args.error().c_str(),
                 kHelp);
    return kBadInput;
  }
  const std::string path =
      pack_or_default(args.positional().size() == 2 ? std::optional(args.positional()[1]) : std::nullopt);
  const auto pack = load_pack(path);
  if (!pack) return kPackRefused;
  if (args.positional()[0] == "check") {
    std::printf("%s: ok (%s %s, %zu questions, %zu indicators, sha256 %s)\n", path.c_str(),
                pack->id.c_str(), pack->version.c_str(), pack->questions.size(),
                pack->indicators.size(), pack->sha256.c_str());
    return kOk;
  }
  return print_pack_stats(*pack, args.option("scenarios").value_or("tests/golden"));
}

}  // namespace waymark::cli
