#include "log/log.h"

#include <spdlog/sinks/stdout_sinks.h>

namespace waymark::log {

void setup(Level level) {
  spdlog::drop("waymark");  // setup may run again (a test, a second command in one process)
  auto logger = spdlog::stderr_logger_st("waymark");
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %l %v");
  logger->set_level(static_cast<spdlog::level::level_enum>(level));
  spdlog::set_default_logger(logger);
}

}  // namespace waymark::log
