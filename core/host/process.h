#pragma once
// What a Waymark program does to its own process before it touches case data. The only part of core
// that reads the environment; the CLI and the app call it first thing.
#include <filesystem>

namespace waymark::host {

// Core dumps off (RLIMIT_CORE 0) and no ptrace attach / dump (PR_SET_DUMPABLE 0), files created
// readable by this user only (umask 077), libsodium ready, and the log level from WAYMARK_LOG_LEVEL
// (trace|debug|info|warn; default warn; the logger must already be set up).
void harden_process();

// $XDG_DATA_HOME/waymark/cases.db, or ~/.local/share/waymark/cases.db.
[[nodiscard]] std::filesystem::path default_db_path();

}  // namespace waymark::host
