#pragma once
// The one logging gateway of core. Personal data must never reach a log, so the gateway accepts only
// values that cannot carry it: numbers, enums, `Safe` (text the program itself wrote, such as a
// question id or an error code) and `Sensitive` (anything else, always printed as "[redacted]").
// A plain std::string or a domain type does not compile as an argument.
#include <spdlog/spdlog.h>

#include <concepts>
#include <string_view>
#include <type_traits>

namespace waymark::log {

// Text written by the program, never by a person: ids, codes, file names of packs.
struct Safe {
  std::string_view text;
};

// A value that may hold personal data; whatever it wraps, it is logged as "[redacted]".
template <class T>
struct Sensitive {
  const T& value;
};
template <class T>
Sensitive(const T&) -> Sensitive<T>;

template <class T>
struct is_sensitive : std::false_type {};
template <class T>
struct is_sensitive<Sensitive<T>> : std::true_type {};

template <class T>
concept Loggable = std::is_arithmetic_v<std::remove_cvref_t<T>> ||
                   std::is_enum_v<std::remove_cvref_t<T>> ||
                   std::same_as<std::remove_cvref_t<T>, Safe> ||
                   is_sensitive<std::remove_cvref_t<T>>::value;

enum class Level { trace = 0, debug = 1, info = 2, warn = 3, error = 4, off = 6 };  // spdlog values

// Sends log lines to standard error (the default) at `level`. Call once at program start.
void setup(Level level);

template <Loggable... Args>
void write(Level level, spdlog::format_string_t<Args...> format, Args&&... args) {
  spdlog::log(static_cast<spdlog::level::level_enum>(level), format, std::forward<Args>(args)...);
}
template <Loggable... Args>
void info(spdlog::format_string_t<Args...> format, Args&&... args) {
  write(Level::info, format, std::forward<Args>(args)...);
}
template <Loggable... Args>
void warn(spdlog::format_string_t<Args...> format, Args&&... args) {
  write(Level::warn, format, std::forward<Args>(args)...);
}
template <Loggable... Args>
void debug(spdlog::format_string_t<Args...> format, Args&&... args) {
  write(Level::debug, format, std::forward<Args>(args)...);
}
template <Loggable... Args>
void error(spdlog::format_string_t<Args...> format, Args&&... args) {
  write(Level::error, format, std::forward<Args>(args)...);
}

}  // namespace waymark::log

template <>
struct fmt::formatter<waymark::log::Safe> : fmt::formatter<std::string_view> {
  auto format(const waymark::log::Safe& safe, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(safe.text, ctx);
  }
};

template <class T>
struct fmt::formatter<waymark::log::Sensitive<T>> : fmt::formatter<std::string_view> {
  auto format(const waymark::log::Sensitive<T>&, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format("[redacted]", ctx);
  }
};
