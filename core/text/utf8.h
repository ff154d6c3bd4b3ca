#pragma once
// UTF-8 checks and safe echoing of text that came from outside the program (files, user names).
// Header-only: used by the rules core and the store alike.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace waymark::text {

// Where the first byte that is not part of well-formed UTF-8 is (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF); nothing if the whole text is valid.
[[nodiscard]] std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// 1-based line and column (in characters, counting a bad byte as one) of byte `offset` in `text`.
struct LineColumn {
  int line = 1;
  int column = 1;
};
[[nodiscard]] LineColumn line_column_at(std::string_view text, std::size_t offset);

// True if valid UTF-8 `text` holds a character that changes how text around it is shown without
// being visible itself: bidirectional controls (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069),
// zero-width and other format characters (U+200B-U+200D, U+2060-U+2064, U+FEFF), or a C1 control.
// Such characters let one name look exactly like another.
[[nodiscard]] bool has_invisible_control(std::string_view text);

// For quoting a value from a file in a message: printable ASCII is kept, anything else (controls,
// escape sequences, newlines, any non-ASCII byte) becomes \xNN, and the result is cut to about
// `max_chars` characters with "... (N bytes)" so that a huge value cannot flood the terminal.
[[nodiscard]] std::string quote_for_message(std::string_view value, std::size_t max_chars = 64);

namespace detail {

// Length of the well-formed sequence starting at `at` and its code point, or 0 if it is not one.
inline std::size_t sequence_at(std::string_view s, std::size_t at, char32_t& cp) {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[at + i]); };
  const unsigned char c = b(0);
  std::size_t n = 0;
  char32_t min = 0;
  if (c < 0x80) {
    cp = c;
    return 1;
  } else if (c >= 0xC2 && c <= 0xDF) {
    n = 2, cp = c & 0x1Fu, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, cp = c & 0x0Fu, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, cp = c & 0x07u, min = 0x10000;
  } else {
    return 0;
  }
  if (at + n > s.size()) return 0;
  for (std::size_t i = 1; i < n; ++i) {
    if ((b(i) & 0xC0u) != 0x80u) return 0;
    cp = (cp << 6) | (b(i) & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

}  // namespace detail

inline std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    char32_t cp = 0;
    const std::size_t n = detail::sequence_at(text, at, cp);
    if (n == 0) return at;
    at += n;
  }
  return std::nullopt;
}

inline LineColumn line_column_at(std::string_view text, std::size_t offset) {
  LineColumn lc;
  for (std::size_t at = 0; at < offset && at < text.size();) {
    if (text[at] == '\n') {
      ++lc.line;
      lc.column = 1;
      ++at;
      continue;
    }
    char32_t cp = 0;
    const std::size_t n = detail::sequence_at(text, at, cp);
    at += n == 0 ? 1 : n;
    ++lc.column;
  }
  return lc;
}

inline bool has_invisible_control(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    char32_t cp = 0;
    const std::size_t n = detail::sequence_at(text, at, cp);
    if (n == 0) return false;  // not valid UTF-8: first_invalid_utf8's business
    at += n;
    if ((cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || (cp >= 0x200B && cp <= 0x200F) ||
        (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) ||
        cp == 0xFEFF)
      return true;
  }
  return false;
}

inline std::string quote_for_message(std::string_view value, std::size_t max_chars) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  std::size_t shown = 0;
  for (; shown < value.size() && out.size() < max_chars; ++shown) {
    const auto c = static_cast<unsigned char>(value[shown]);
    if (c >= 0x20 && c < 0x7F && c != '\\' && c != '\'') {
      out += static_cast<char>(c);
    } else {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  if (shown < value.size()) out += "... (" + std::to_string(value.size()) + " bytes)";
  return out;
}

}  // namespace waymark::text
