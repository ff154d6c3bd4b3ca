// Personal data cannot reach the log: Sensitive values print as [redacted].
#include "log/log.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>

#include <sstream>

namespace waymark::log {
namespace {

TEST(Log, SensitiveIsRedactedAndSafeIsPrinted) {
  std::ostringstream out;
  auto logger = std::make_shared<spdlog::logger>("test", std::make_shared<spdlog::sinks::ostream_sink_st>(out));
  logger->set_level(spdlog::level::trace);
  spdlog::set_default_logger(logger);
  const std::string name = "CANARY-Name";
  info("saved answer to {} for {} ({} ms)", Safe{"about.age"}, Sensitive{name}, 3);
  EXPECT_NE(out.str().find("saved answer to about.age for [redacted] (3 ms)"), std::string::npos) << out.str();
  EXPECT_EQ(out.str().find("CANARY"), std::string::npos);
}

// Compile-time guarantee: a plain string is not Loggable.
static_assert(!Loggable<std::string>);
static_assert(!Loggable<const char*>);
static_assert(Loggable<Sensitive<std::string>>);
static_assert(Loggable<int>);

}  // namespace
}  // namespace waymark::log
