// waymark-cli case list: one page of the cases the user may see, filtered, with the number matching.
#include <nlohmann/json.hpp>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include "args.h"
#include "desk_commands.h"
#include "screening/case_json.h"
#include "store/case_store.h"
#include "store/roles.h"
#include "store_support.h"

namespace waymark::cli {
namespace {

constexpr const char* kBands[] = {"emergency", "refer", "assess", "none", "unassessed"};

// A whole number from `low` to `high` given as --NAME; `fallback` when not given. On a bad value prints
// what is allowed and sets `bad`.
int number_option(const Args& args, const std::string& name, int fallback, int low, int high, bool& bad) {
  const auto text = args.option(name);
  if (!text) return fallback;
  char* end = nullptr;
  const long long n = std::strtoll(text->c_str(), &end, 10);
  if (text->empty() || end == nullptr || *end != '\0' || n < low || n > high) {
    std::fprintf(stderr, "waymark-cli: --%s: give a whole number from %d to %d\n", name.c_str(), low, high);
    bad = true;
    return fallback;
  }
  return static_cast<int>(n);
}

// The filter the options ask for, all but --owner (which needs the store); nothing after a message.
std::optional<store::CaseFilter> filter_of(const Args& args, int& page, int& per_page) {
  store::CaseFilter f;
  bool bad = false;
  const int scopes = args.flag("queue") + args.flag("mine") + args.flag("submitted-to-me");
  if (scopes > 1) {
    std::fprintf(stderr, "waymark-cli: give at most one of --queue, --mine and --submitted-to-me\n");
    bad = true;
  }
  if (args.flag("queue")) f.scope = store::CaseFilter::Scope::queue;
  if (args.flag("mine")) f.scope = store::CaseFilter::Scope::mine_open;
  if (args.flag("submitted-to-me")) f.scope = store::CaseFilter::Scope::submitted_to_me;
  if (const auto status = args.option("status")) {
    f.status = store::parse_status(*status);
    if (!f.status) {
      std::fprintf(stderr, "waymark-cli: --status: unknown status; give one of draft, submitted, returned, "
                           "approved, closed\n");
      bad = true;
    }
  }
  if (const auto band = args.option("band")) {
    bool known = false;
    for (const char* b : kBands) known = known || *band == b;
    if (!known) {
      std::fprintf(stderr, "waymark-cli: --band: unknown band; give one of emergency, refer, assess, none, "
                           "unassessed\n");
      bad = true;
    }
    f.band = *band;
  }
  if (const auto ref = args.option("ref")) {
    if (ref->empty() || ref->size() > 32) {
      std::fprintf(stderr, "waymark-cli: --ref: give a case reference or its start, such as WM-7K2M\n");
      bad = true;
    }
    f.reference = *ref;
  }
  f.created_from_ms = day_option(args, "from", bad);
  if (const auto to = day_option(args, "to", bad)) f.created_before_ms = *to + kDayMs;  // the whole day
  if (f.created_from_ms && f.created_before_ms && *f.created_from_ms >= *f.created_before_ms) {
    std::fprintf(stderr, "waymark-cli: --from is after --to: no case could match\n");
    bad = true;
  }
  per_page = number_option(args, "per-page", 50, 1, 500, bad);
  page = number_option(args, "page", 1, 1, 1'000'000, bad);
  if (!bad && static_cast<long long>(page - 1) * per_page > INT_MAX) {
    std::fprintf(stderr, "waymark-cli: --page: too far: no store holds that many cases\n");
    bad = true;
  }
  if (bad) return std::nullopt;
  f.limit = per_page;
  f.offset = (page - 1) * per_page;
  return f;
}

// --owner NAME as a user id: any account for a supervisor; otherwise only one's own name.
std::optional<std::int64_t> owner_id(store::CaseStore& s, const std::string& name, int& exit_code) {
  if (name == s.user().name) return s.user().id;
  if ((s.user().roles & store::kSupervisor) == 0) {
    std::fprintf(stderr, "waymark-cli: --owner: only a supervisor can list another user's cases; give your own "
                         "name or leave --owner out\n");
    exit_code = kDenied;
    return std::nullopt;
  }
  for (const auto& u : s.accounts().users())
    if (u.name == name) return u.id;
  std::fprintf(stderr, "waymark-cli: --owner: no account has that name (see 'waymark-cli store users')\n");
  exit_code = kBadInput;
  return std::nullopt;
}

}  // namespace

int list_cases_command(const Argv& argv) {
  Args args(argv, {"password-stdin", "json", "queue", "mine", "submitted-to-me"});
  if (!args.positional().empty()) {
    std::fprintf(stderr, "waymark-cli: case list takes no case id (filters are options: see 'case --help')\n");
    return kBadInput;
  }
  const std::set<std::string> known = {"json", "queue", "mine", "submitted-to-me", "status", "band", "owner",
                                       "ref", "from", "to", "page", "per-page", "db", "user", "password-stdin"};
  int page = 1, per_page = 50;
  if (!args.ok() || !args.only(known)) {
    std::fprintf(stderr, "waymark-cli: %s\n%s", args.error().c_str(), kCaseHelp);
    return kBadInput;
  }
  auto filter = filter_of(args, page, per_page);
  if (!filter) return kBadInput;
  SystemClock clock;
  auto opened = open_store(args, known, kCaseHelp, clock);
  if (!opened.store) return opened.exit_code;
  if (const auto owner = args.option("owner")) {
    int code = kOk;
    filter->owner_id = owner_id(*opened.store, *owner, code);
    if (!filter->owner_id) return code;
  }
  const store::CasePage result = opened.store->cases().list(*filter);
  const std::int64_t first = filter->offset + 1, last = filter->offset + static_cast<std::int64_t>(result.rows.size());
  const std::int64_t pages = (result.total + per_page - 1) / per_page;
  if (args.flag("json")) {
    nlohmann::json out = {{"total", result.total}, {"page", page}, {"per_page", per_page}, {"pages", pages}};
    out["cases"] = nlohmann::json::array();
    for (const auto& c : result.rows) out["cases"].push_back(screening::case_summary_json(c));
    std::printf("%s\n", out.dump(2).c_str());
    return kOk;
  }
  if (result.total == 0) {
    std::printf("no cases\n");
    return kOk;
  }
  if (result.rows.empty()) {
    std::printf("no cases on page %d: %lld in all (%lld page%s of %d)\n", page, static_cast<long long>(result.total),
                static_cast<long long>(pages), pages == 1 ? "" : "s", per_page);
    return kOk;
  }
  const bool queue = filter->scope == store::CaseFilter::Scope::queue;
  std::printf("cases %lld-%lld of %lld (page %d of %lld%s)\n", static_cast<long long>(first),
              static_cast<long long>(last), static_cast<long long>(result.total), page, static_cast<long long>(pages),
              queue ? "; longest waiting first" : "");
  std::printf("ID\tREFERENCE\tSTATUS\tBAND\tOWNER\t%s\n", queue ? "SUBMITTED" : "UPDATED");
  for (const auto& c : result.rows) {
    const std::int64_t when = queue && c.submitted_ms ? *c.submitted_ms : c.updated_ms;
    std::printf("%lld\t%s\t%s\t%s\t%s\t%s\n", static_cast<long long>(c.id), c.reference.c_str(),
                std::string(store::to_string(c.status)).c_str(), c.band.empty() ? "-" : c.band.c_str(),
                c.owner_name.c_str(), screening::iso_time(when).c_str());
  }
  return kOk;
}

}  // namespace waymark::cli
