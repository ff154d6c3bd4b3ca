// waymark-cli store purge | store retention: closed cases deleted after the retention period, by a
// supervisor, exactly as listed to them first.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "args.h"
#include "desk_commands.h"
#include "screening/case_json.h"
#include "store/case_store.h"
#include "store/retention.h"
#include "store_support.h"

namespace waymark::cli {
namespace {

void print_plan(const store::PurgePlan& plan) {
  for (const auto& c : plan.cases)
    std::printf("%lld\t%s\tclosed %s\n", static_cast<long long>(c.id), c.reference.c_str(),
                c.closed_ms ? screening::iso_time(*c.closed_ms).c_str() : "(unknown)");
}

std::string counts(std::int64_t cases, std::int64_t answers, std::int64_t reviews) {
  return std::to_string(cases) + (cases == 1 ? " case, " : " cases, ") + std::to_string(answers) +
         (answers == 1 ? " answer, " : " answers, ") + std::to_string(reviews) + (reviews == 1 ? " review" : " reviews");
}

}  // namespace

int store_purge_command(const Argv& argv) {
  Args args(argv, {"password-stdin", "dry-run", "yes", "by-retention"});
  bool bad = false;
  const auto before = day_option(args, "closed-before", bad);
  if (bad) return kBadInput;
  if (before.has_value() == args.flag("by-retention")) {
    std::fprintf(stderr, "waymark-cli: give either --closed-before YYYY-MM-DD or --by-retention\n");
    return kBadInput;
  }
  if (args.flag("dry-run") && args.flag("yes")) {
    std::fprintf(stderr, "waymark-cli: --dry-run deletes nothing, so --yes has no place with it\n");
    return kBadInput;
  }
  SystemClock clock;
  auto opened = open_store(args, {"closed-before", "by-retention", "dry-run", "yes"}, kStoreHelp, clock);
  if (!opened.store) return opened.exit_code;
  store::Retention retention = opened.store->retention();
  store::PurgePlan plan;
  if (before) {
    plan = retention.plan(*before);
  } else {
    const auto days = retention.period_days();
    if (!days) {
      std::fprintf(stderr, "waymark-cli: no retention period is set: set one with 'store retention --days N', or "
                           "give --closed-before YYYY-MM-DD\n");
      return kBadInput;
    }
    plan = retention.plan_by_period();
    std::printf("retention period: %d days\n", *days);
  }
  std::printf("closed before %s:\n", screening::iso_time(plan.closed_before_ms).c_str());
  print_plan(plan);
  if (args.flag("dry-run")) {
    std::printf("would delete %s (dry run: nothing deleted)\n", counts(static_cast<std::int64_t>(plan.cases.size()),
                                                                         plan.answers, plan.reviews).c_str());
    return kOk;
  }
  if (plan.cases.empty()) {
    std::printf("nothing to delete\n");
    return kOk;
  }
  if (!args.flag("yes")) {
    // The list is on standard output; the question goes to standard error, so the output stays the list.
    std::fflush(stdout);
    std::fprintf(stderr, "delete the cases listed above (%s) for good? type yes: ",
                 counts(static_cast<std::int64_t>(plan.cases.size()), plan.answers, plan.reviews).c_str());
    std::fflush(stderr);
    const auto answer = read_plain_line();
    if (::isatty(STDIN_FILENO) == 0) std::fputc('\n', stderr);  // a typed answer ended the line itself
    if (!answer || *answer != "yes") {
      std::fprintf(stderr, "waymark-cli: not confirmed (the line after the passphrase must be yes, or give "
                           "--yes): nothing was deleted\n");
      return kBadInput;
    }
  }
  const store::PurgeReport r = retention.purge(plan);
  std::printf("deleted %s\n", counts(r.cases, r.answers, r.reviews).c_str());
  return kOk;
}

int store_retention_command(const Argv& argv) {
  Args args(argv, {"password-stdin", "off"});
  std::optional<int> days;
  if (const auto text = args.option("days")) {
    char* end = nullptr;
    const long n = std::strtol(text->c_str(), &end, 10);
    if (text->empty() || *end != '\0' || n < 1 || n > 36500) {
      std::fprintf(stderr, "waymark-cli: --days: give a whole number of days from 1 to 36500 (or --off)\n");
      return kBadInput;
    }
    days = static_cast<int>(n);
  }
  if (days && args.flag("off")) {
    std::fprintf(stderr, "waymark-cli: give --days N or --off, not both\n");
    return kBadInput;
  }
  SystemClock clock;
  auto opened = open_store(args, {"days", "off"}, kStoreHelp, clock);
  if (!opened.store) return opened.exit_code;
  store::Retention retention = opened.store->retention();
  if (days || args.flag("off")) retention.set_period_days(days);
  if (const auto now = retention.period_days())
    std::printf("retention: %d days (closed cases older than that are listed by 'store purge --by-retention')\n", *now);
  else
    std::printf("retention: off (closed cases are kept until a supervisor purges them)\n");
  return kOk;
}

}  // namespace waymark::cli
