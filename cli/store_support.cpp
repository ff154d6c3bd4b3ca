#include "store_support.h"

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "commands.h"
#include "host/process.h"

namespace waymark::cli {

std::optional<std::vector<crypto::Secret>> read_secret_lines(std::size_t count) {
  std::vector<crypto::Secret> lines;
  crypto::Secret line;
  bool at_eof = false;
  while (lines.size() < count && !at_eof) {
    unsigned char c = 0;
    const ssize_t n = ::read(STDIN_FILENO, &c, 1);  // one byte at a time: nothing is left in stdio buffers
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) at_eof = true;
    if (at_eof || c == '\n') {
      if (!line.empty() && line.data()[line.size() - 1] == '\r') {
        crypto::Secret trimmed = crypto::Secret::from(line.view().substr(0, line.size() - 1));
        line = std::move(trimmed);
      }
      if (line.empty()) break;
      lines.push_back(std::move(line));
      line = crypto::Secret();
      continue;
    }
    line.push_back(c);
  }
  if (lines.size() < count) {
    std::fprintf(stderr, "waymark-cli: expected %zu non-empty line%s on standard input (%s)\n", count,
                 count == 1 ? "" : "s", count == 1 ? "the passphrase" : "see --help for their order");
    return std::nullopt;
  }
  return lines;
}

std::optional<std::string> read_plain_line(std::size_t keep) {
  std::string line;
  bool any = false;
  for (;;) {
    unsigned char c = 0;
    const ssize_t n = ::read(STDIN_FILENO, &c, 1);  // unbuffered, as the passphrase lines before it
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    any = true;
    if (c == '\n') break;
    if (line.size() < keep) line.push_back(static_cast<char>(c));
  }
  if (!any) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::optional<std::int64_t> parse_day_ms(const std::string& text) {
  // Exactly YYYY-MM-DD, digits only: "2026-1-5" or "2026-01-05T00" are refused, not guessed at.
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  const int y = std::stoi(text.substr(0, 4));
  const unsigned m = static_cast<unsigned>(std::stoi(text.substr(5, 2)));
  const unsigned d = static_cast<unsigned>(std::stoi(text.substr(8, 2)));
  const std::chrono::year_month_day day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (y < 1970 || !day.ok()) return std::nullopt;
  const auto since_epoch = std::chrono::sys_days{day}.time_since_epoch();
  return std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count();
}

std::optional<std::int64_t> day_option(const Args& args, const std::string& name, bool& bad) {
  const auto text = args.option(name);
  if (!text) return std::nullopt;
  const auto ms = parse_day_ms(*text);
  if (!ms) {
    std::fprintf(stderr, "waymark-cli: --%s: not a date: give YYYY-MM-DD (a UTC day, such as 2026-03-31)\n",
                 name.c_str());
    bad = true;
  }
  return ms;
}

crypto::KdfParams kdf_for_new_keyslots(const SystemClock& clock) {
  const char* fast = std::getenv("WAYMARK_TEST_FAST_KDF");
  const bool asked = fast != nullptr && std::strcmp(fast, "1") == 0;
#ifdef WAYMARK_TEST_HOOKS
  // Only the test copy of the CLI (tests/store, never installed) is built with WAYMARK_TEST_HOOKS.
  if (asked) {
    std::fputs("waymark-cli: WAYMARK_TEST_FAST_KDF=1: weak key derivation, for tests only\n", stderr);
    return crypto::KdfParams::fast_for_tests();
  }
#else
  if (asked)
    std::fputs("waymark-cli: WAYMARK_TEST_FAST_KDF is ignored: this build always calibrates key derivation\n",
               stderr);
#endif
  return crypto::calibrate_kdf([&clock] { return clock.monotonic_ns(); });
}

int report_store_error(const store::StoreError& e) {
  std::fprintf(stderr, "waymark-cli: %s\n", e.what());
  switch (e.code()) {
    case store::Errc::wrong_passphrase:
    case store::Errc::throttled: return kAuthFailed;
    case store::Errc::damaged: return kDamaged;
    case store::Errc::denied: return kDenied;
    case store::Errc::self_test:
    case store::Errc::too_new: return kStoreRefused;
    case store::Errc::weak_passphrase:
    case store::Errc::invalid:
    case store::Errc::not_found:
    case store::Errc::already_exists: return kBadInput;
    case store::Errc::no_store:
    case store::Errc::keyslots_missing:
    case store::Errc::read_only:
    case store::Errc::disk_full:
    case store::Errc::io: return kIoError;
  }
  return kIoError;
}

OpenedStore open_store(Args& args, std::set<std::string> extra, const char* help,
                       const store::Clock& clock) {
  extra.insert({"db", "user", "password-stdin"});
  args.only(extra);
  const auto target = store_target(args, help);
  if (!target) return {std::nullopt, kBadInput};
  auto secrets = read_secret_lines(1);
  if (!secrets) return {std::nullopt, kBadInput};
  return {store::CaseStore::open(target->db, target->user, (*secrets)[0], clock), kOk};
}

std::optional<StoreTarget> store_target(const Args& args, const char* help, bool need_user, const char* user_option) {
  const auto fail = [help](const std::string& why) -> std::optional<StoreTarget> {
    std::fprintf(stderr, "waymark-cli: %s\n%s", why.c_str(), help);
    return std::nullopt;
  };
  if (!args.ok()) return fail(args.error());
  if (!args.flag("password-stdin"))
    return fail("--password-stdin is required: the passphrase is read from standard input, never an argument");
  StoreTarget t;
  t.db = args.option("db") ? std::filesystem::path(*args.option("db")) : host::default_db_path();
  if (need_user) {
    const auto user = args.option(user_option);
    if (!user || user->empty()) return fail(std::string("--") + user_option + " is required");
    t.user = *user;
  }
  return t;
}

}  // namespace waymark::cli
