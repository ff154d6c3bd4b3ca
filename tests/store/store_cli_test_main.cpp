// waymark-cli-store-test: the store and case commands of waymark-cli, compiled with WAYMARK_TEST_HOOKS
// so that WAYMARK_TEST_FAST_KDF=1 makes key derivation cheap. Built for the test suite only, never
// installed: the shipped waymark-cli ignores WAYMARK_TEST_FAST_KDF.
#include <cstdio>
#include <cstring>

#include "commands.h"
#include "log/log.h"

int main(int argc, char** argv) {
  waymark::log::setup(waymark::log::Level::warn);
  if (argc < 2) {
    std::fputs("usage: waymark-cli-store-test store|case ...\n", stderr);
    return waymark::cli::kBadInput;
  }
  const waymark::cli::Argv rest(argv + 2, argv + argc);
  if (std::strcmp(argv[1], "store") == 0) return waymark::cli::store_command(rest);
  if (std::strcmp(argv[1], "case") == 0) return waymark::cli::case_command(rest);
  std::fprintf(stderr, "waymark-cli-store-test: only 'store' and 'case' are built in\n");
  return waymark::cli::kBadInput;
}
