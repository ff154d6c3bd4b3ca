#pragma once
// `waymark-cli case export`: the raw record, or a referral summary written safely to a file.
#include "commands.h"

namespace waymark::cli {

extern const char* const kExportHelp;
int export_case_command(const Argv& args);  // after "case export"

}  // namespace waymark::cli
