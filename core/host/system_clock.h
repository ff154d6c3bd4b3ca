#pragma once
// The real clock, for the programs (CLI, app). Core takes a store::Clock and never reads time itself.
#include "store/clock.h"

namespace waymark::host {

class SystemClock final : public store::Clock {
 public:
  [[nodiscard]] std::int64_t now_unix_ms() const override;
  [[nodiscard]] std::int64_t monotonic_ns() const override;
};

}  // namespace waymark::host
