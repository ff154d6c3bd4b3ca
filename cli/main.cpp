// waymark-cli: the Waymark core from the command line, for scripts, tests, benchmarks and admins.
#include <cstdio>
#include <cstring>
#include <string>

#include "commands.h"
#include "host/process.h"
#include "log/log.h"

namespace {

constexpr const char* kUsage = R"(usage: waymark-cli COMMAND [ARGS]

Commands:
  rules check [PACK]                   check a rule pack; every problem as file:line:col: message
  rules stats [PACK]                   questions, indicators and scenario figures of a pack
  questions [--pack PACK] --answers FILE
                                       the questions to show now, as JSON
  screen [--pack PACK] --answers FILE [--format json|text]
                                       assess the answers and print the assessment
  bench [--pack PACK] --answers FILE   time assess() on these answers
  store init|add-user|passwd|users|verify|backup|restore|settings|stats|purge|retention ...
                                       the encrypted case store, its accounts, figures and retention
  case new|list|show|history|export|submit|return|approve|close ...
                                       cases in the store (passphrase on standard input)

PACK defaults to the UK rule pack installed with waymark-cli (/usr/share/waymark/rules/uk/pack.yaml).
Run 'waymark-cli COMMAND --help' for a command's options. Exit codes: 0 ok, 1 rule pack refused,
2 bad usage or invalid answers, 3 a file could not be read or written; store/case also 4 wrong
passphrase, 5 file damaged or altered, 6 not allowed, 7 refused to run (see 'store --help').
)";

struct Command {
  const char* name;
  int (*run)(const waymark::cli::Argv&);
};

constexpr Command kCommands[] = {
    {"rules", waymark::cli::rules_command},
    {"questions", waymark::cli::questions_command},
    {"screen", waymark::cli::screen_command},
    {"bench", waymark::cli::bench_command},
    {"store", waymark::cli::store_command},
    {"case", waymark::cli::case_command},
};

}  // namespace

int main(int argc, char** argv) {
  waymark::log::setup(waymark::log::Level::warn);
  // Before any command reads a pack, answers or the store: no core dump (it would hold answers and
  // free text), no debugger attach, files private. Every command, so none can be forgotten.
  waymark::host::harden_process();
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? waymark::cli::kBadInput : waymark::cli::kOk;
  }
  const waymark::cli::Argv rest(argv + 2, argv + argc);
  for (const Command& c : kCommands)
    if (std::strcmp(argv[1], c.name) == 0) return c.run(rest);
  std::fprintf(stderr, "waymark-cli: unknown command '%s'\n%s", argv[1], kUsage);
  return waymark::cli::kBadInput;
}
