#pragma once
// Time, injected: core never reads a clock itself (tests pass a fake one; the CLI the system's).
#include <cstdint>

namespace waymark::store {

class Clock {
 public:
  virtual ~Clock() = default;
  [[nodiscard]] virtual std::int64_t now_unix_ms() const = 0;  // wall time, for records and audit
  [[nodiscard]] virtual std::int64_t monotonic_ns() const = 0;  // for measuring durations only
};

}  // namespace waymark::store
