#include "time_text.h"

#include <QCoreApplication>
#include <QDateTime>

namespace waymark::app {

QString local_time(std::optional<std::int64_t> unix_ms) {
  if (!unix_ms) return {};
  return QDateTime::fromMSecsSinceEpoch(*unix_ms).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString waiting_time(std::int64_t unix_ms, std::int64_t now_ms) {
  const auto days = static_cast<int>((now_ms - unix_ms) / 86'400'000);
  if (days <= 0) return QCoreApplication::translate("waiting", "today");
  return QCoreApplication::translate("waiting", "%n day(s)", "", days);
}

}  // namespace waymark::app
