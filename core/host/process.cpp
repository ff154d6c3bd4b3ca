#include "host/process.h"

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <cstdlib>
#include <string>

#include "crypto/secret.h"
#include "log/log.h"

namespace waymark::host {

void harden_process() {
  const rlimit no_core{0, 0};
  (void)setrlimit(RLIMIT_CORE, &no_core);
  (void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
  ::umask(077);  // the database, its WAL and keyslot file readable by this user only
  crypto::init_sodium();
  if (const char* level = std::getenv("WAYMARK_LOG_LEVEL")) {
    // main() has already set the logger up (log::setup registers it once); only the level changes.
    const std::string l = level;
    const auto set = [](log::Level v) { spdlog::default_logger()->set_level(static_cast<spdlog::level::level_enum>(v)); };
    if (l == "trace") set(log::Level::trace);
    else if (l == "debug") set(log::Level::debug);
    else if (l == "info") set(log::Level::info);
  }
}

std::filesystem::path default_db_path() {
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg != nullptr && xdg[0] == '/') return std::filesystem::path(xdg) / "waymark" / "cases.db";
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home != nullptr ? home : ".") / ".local" / "share" / "waymark" / "cases.db";
}

}  // namespace waymark::host
