#pragma once
// Passphrase rules after NIST SP 800-63B (rev. 4, sec. 3.1.1.2): when the passphrase is the only
// factor, at least 15 characters; at most 256 are accepted; any characters (spaces, emoji, pasted);
// NO composition rules; a small offline block list of common and context-specific choices.
#include <optional>
#include <string>
#include <string_view>

#include "crypto/secret.h"

namespace waymark::crypto {

inline constexpr std::size_t kMinPassphraseChars = 15;
inline constexpr std::size_t kMaxPassphraseChars = 256;

// Characters as a person counts them: UTF-8 code points.
[[nodiscard]] std::size_t count_characters(std::string_view utf8);

// Nothing if acceptable, else a message for the person choosing it (never containing the passphrase).
// `user_name` is context: a passphrase made of the user name or the product name is refused.
[[nodiscard]] std::optional<std::string> passphrase_problem(const Secret& passphrase,
                                                            std::string_view user_name);

}  // namespace waymark::crypto
