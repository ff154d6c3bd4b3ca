#include "crypto/passphrase_policy.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include <sodium.h>

namespace waymark::crypto {
namespace {

// Commonly chosen long passwords (breach corpora) and words of this context. Compared after
// lower-casing and removing spaces and punctuation; what is left after removing them (and the user
// name) must still be a real passphrase, so "Password 1234567!" and "admin admin admin" are caught.
constexpr std::array<std::string_view, 24> kBlocked = {
    "password",        "passwordpassword", "passphrase",      "qwertyuiop",     "qwertyuiopasdfgh",
    "asdfghjkl",       "iloveyou",         "letmein",         "welcome",        "trustno",
    "abcdefghijklmno", "abcdefghijklmnopqrstuvwxyz",          "changeme",       "default",
    "administrator",   "admin",            "supervisor",      "caseworker",     "responder",
    "waymark",         "correcthorsebatterystaple",           "monkey",         "dragon",
    "football",
};

std::string normalised(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) out.push_back(static_cast<char>(std::tolower(u)));
  }
  return out;
}

// "aaaa...", "abab...", "123123...": a short unit repeated.
bool is_repetition(std::string_view text) {
  for (std::size_t unit = 1; unit <= 4 && unit < text.size(); ++unit) {
    bool repeats = true;
    for (std::size_t i = unit; i < text.size() && repeats; ++i) repeats = text[i] == text[i % unit];
    if (repeats) return true;
  }
  return false;
}

// Every character one more than the previous one ("123456789012345" wraps 9 -> 0, "abcdefgh...").
bool is_sequence(std::string_view text) {
  if (text.size() < 2) return false;
  for (std::size_t i = 1; i < text.size(); ++i) {
    const int step = static_cast<unsigned char>(text[i]) - static_cast<unsigned char>(text[i - 1]);
    const bool digit_wrap = text[i - 1] == '9' && text[i] == '0';
    if (step != 1 && !digit_wrap) return false;
  }
  return true;
}

}  // namespace

std::size_t count_characters(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::optional<std::string> passphrase_problem(const Secret& passphrase, std::string_view user_name) {
  const std::string_view text = passphrase.view();
  const std::size_t chars = count_characters(text);
  if (chars < kMinPassphraseChars)
    return "the passphrase is too short: use at least " + std::to_string(kMinPassphraseChars) +
           " characters (several words with spaces are easy to remember)";
  if (chars > kMaxPassphraseChars)
    return "the passphrase is too long: at most " + std::to_string(kMaxPassphraseChars) + " characters";
  if (is_repetition(text) || is_sequence(text))
    return "the passphrase is a repeated or running sequence of characters: choose another";
  std::string letters = normalised(text);
  // `letters` is a copy of the passphrase (lower-cased, letters and digits): wiped on every return.
  // Its capacity is fixed by normalised()'s reserve and only shrinks below, so no copy is left behind
  // by a reallocation.
  struct Wipe {
    std::string& s;
    ~Wipe() {
      s.resize(s.capacity());  // within capacity: no reallocation; the whole buffer is then wiped
      sodium_memzero(s.data(), s.size());
    }
  } wipe{letters};
  const std::string user = normalised(user_name);
  // Remove every blocked word; if almost nothing is left, the passphrase is only common words.
  std::array<std::string_view, kBlocked.size()> longest_first = kBlocked;
  std::sort(longest_first.begin(), longest_first.end(),
            [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
  for (std::string_view word : longest_first) {
    for (std::size_t at; (at = letters.find(word)) != std::string::npos;) letters.erase(at, word.size());
  }
  if (!user.empty())
    for (std::size_t at; (at = letters.find(user)) != std::string::npos;) letters.erase(at, user.size());
  if (letters.size() < 4 || is_repetition(letters) || is_sequence(letters))
    return "the passphrase is on the list of common or guessable choices (or is your user name): "
           "choose another";
  return std::nullopt;
}

}  // namespace waymark::crypto
