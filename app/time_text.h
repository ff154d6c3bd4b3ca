#pragma once
// Times as the app shows them: local time, to the minute.
#include <QString>
#include <cstdint>
#include <optional>

namespace waymark::app {

// "2026-03-04 15:06"; "" for nothing.
[[nodiscard]] QString local_time(std::optional<std::int64_t> unix_ms);
// "today", "1 day", "12 days": how long since `unix_ms`, for a queue.
[[nodiscard]] QString waiting_time(std::int64_t unix_ms, std::int64_t now_ms);

}  // namespace waymark::app
