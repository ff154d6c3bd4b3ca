#pragma once
// What `store` and `case` commands share: passphrases from standard input, key derivation for new
// keyslots, the common options, and StoreError -> message + exit code. Process hardening, the clock and
// the default database path are core's (host/), shared with the app.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "args.h"
#include "crypto/kdf.h"
#include "crypto/secret.h"
#include "store/case_store.h"
#include "host/system_clock.h"
#include "store/clock.h"

namespace waymark::cli {

using host::SystemClock;

// `count` lines from standard input, each into locked memory (a trailing CR is dropped). Nothing
// (after a message) if a line is missing or empty.
[[nodiscard]] std::optional<std::vector<crypto::Secret>> read_secret_lines(std::size_t count);

// One more line from standard input after the passphrase lines (a confirmation such as "yes", a review
// reason), read byte by byte like them; a trailing CR is dropped. Nothing at the end of input. The
// whole line is read; at most `keep` bytes of it are returned.
[[nodiscard]] std::optional<std::string> read_plain_line(std::size_t keep = 256);

// A day given as YYYY-MM-DD (a real calendar date, years 1970 to 9999): 00:00 UTC that day, in ms.
[[nodiscard]] std::optional<std::int64_t> parse_day_ms(const std::string& text);
inline constexpr std::int64_t kDayMs = 86'400'000;

// The day option --NAME, if given. On a bad date prints "--NAME: not a date: give YYYY-MM-DD (a UTC
// day)" and sets `bad`; the value itself is never echoed.
[[nodiscard]] std::optional<std::int64_t> day_option(const Args& args, const std::string& name, bool& bad);

// Parameters for new keyslots: calibrated here to about 0.5-1 s of Argon2id. Only a build compiled with
// WAYMARK_TEST_HOOKS (the test copy tests/store builds, never waymark-cli itself) honours
// WAYMARK_TEST_FAST_KDF=1 and then uses the cheapest ones; waymark-cli ignores it with a warning.
[[nodiscard]] crypto::KdfParams kdf_for_new_keyslots(const SystemClock& clock);

// Prints "waymark-cli: <message>" and returns the exit code for the error.
int report_store_error(const store::StoreError& e);

// The options every store/case command takes: --db PATH, --user NAME, --password-stdin.
struct StoreTarget {
  std::filesystem::path db;
  std::string user;
};
// Checks --password-stdin is given and --user is set (unless `need_user` is false). On a problem
// prints it with `help` and returns nothing.
[[nodiscard]] std::optional<StoreTarget> store_target(const Args& args, const char* help, bool need_user = true,
                                                      const char* user_option = "user");

// A store unlocked by the common options, or the exit code of the problem already reported.
struct OpenedStore {
  std::optional<store::CaseStore> store;
  int exit_code = 0;
};

// Checks --db/--user/--password-stdin (plus `extra` options), reads one passphrase line and opens the
// store. StoreError propagates to the caller, which reports it.
[[nodiscard]] OpenedStore open_store(Args& args, std::set<std::string> extra, const char* help,
                                     const store::Clock& clock);

}  // namespace waymark::cli
