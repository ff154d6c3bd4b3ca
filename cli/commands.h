#pragma once
// The commands of waymark-cli. Each takes the arguments after its name and returns the exit code.
#include <string>
#include <vector>

namespace waymark::cli {

// Exit codes, documented in docs/cli.md.
inline constexpr int kOk = 0;
inline constexpr int kPackRefused = 1;   // the rule pack has errors (or a check failed)
inline constexpr int kBadInput = 2;      // bad usage, unknown question ids, invalid answer values
inline constexpr int kIoError = 3;       // a file could not be read or written
inline constexpr int kAuthFailed = 4;    // store: wrong user name or passphrase, or too many attempts
inline constexpr int kDamaged = 5;       // store: file damaged or altered (restore from backup)
inline constexpr int kDenied = 6;        // store: not allowed for this user's roles
inline constexpr int kStoreRefused = 7;  // store: self-test failed, or made by a newer Waymark

using Argv = std::vector<std::string>;

int rules_command(const Argv& args);      // rules check | rules stats
int questions_command(const Argv& args);  // questions --pack --answers
int screen_command(const Argv& args);     // screen --pack --answers [--format]
int bench_command(const Argv& args);      // bench --pack --answers
int store_command(const Argv& args);      // store init|add-user|...|stats|purge|retention
int case_command(const Argv& args);       // case new|list|show|history|export|submit|...

}  // namespace waymark::cli
