#pragma once
// The review desk's subcommands, each in its own file: `case list` with its filters and pages,
// `case history`, `store stats`, `store purge` and `store retention`. Each takes the arguments after
// its name and returns the exit code; StoreError propagates to case_command / store_command.
#include "commands.h"

namespace waymark::cli {

extern const char* const kCaseHelp;   // case_command.cpp
extern const char* const kStoreHelp;  // store_command.cpp

int list_cases_command(const Argv& args);     // case_list.cpp
int case_history_command(const Argv& args);   // case_history.cpp
int store_stats_command(const Argv& args);    // store_stats.cpp
int store_purge_command(const Argv& args);    // store_retention.cpp
int store_retention_command(const Argv& args);

}  // namespace waymark::cli
