// waymark-cli store stats: assessed cases counted by month, band, exploitation type, nation and
// child/adult, for supervisors; counts from 1 to 4 shown only as "<5".
#include <cstdio>
#include <string>

#include "args.h"
#include "desk_commands.h"
#include "store/case_store.h"
#include "store/statistics.h"
#include "store_support.h"

namespace waymark::cli {
namespace {

const char* title_of(const std::string& dimension) {
  if (dimension == "month") return "by month created (UTC)";
  if (dimension == "band") return "by band";
  if (dimension == "exploitation_type") return "by exploitation type (a case may have several)";
  if (dimension == "nation") return "by nation";
  if (dimension == "child") return "child or adult";
  return dimension.c_str();
}

std::string count_text(std::int64_t n, bool suppressed, bool complementary = false) {
  return complementary ? "x" : suppressed ? "<5" : std::to_string(n);
}

}  // namespace

int store_stats_command(const Argv& argv) {
  Args args(argv, {"password-stdin", "csv"});
  bool bad = false;
  const auto from = day_option(args, "from", bad);
  const auto to = day_option(args, "to", bad);
  if (!bad && from && to && *from > *to) {
    std::fprintf(stderr, "waymark-cli: --from is after --to: no case could match\n");
    bad = true;
  }
  if (bad) return kBadInput;
  SystemClock clock;
  auto opened = open_store(args, {"csv", "from", "to"}, kStoreHelp, clock);
  if (!opened.store) return opened.exit_code;
  const store::CaseStatistics stats = opened.store->statistics().count(from.value_or(0), to ? *to + kDayMs : 0);
  if (args.flag("csv")) {
    std::fputs(store::statistics_csv(stats).c_str(), stdout);
    return kOk;
  }
  std::printf("assessed cases%s: %s\n", from || to ? " created in the period" : "",
              count_text(stats.cases, stats.cases_suppressed).c_str());
  std::string dimension;
  for (const auto& c : stats.cells) {
    if (c.dimension != dimension) {
      dimension = c.dimension;
      std::printf("\n%s\n", title_of(dimension));
    }
    std::printf("  %-24s %6s\n", c.key.c_str(), count_text(c.count, c.suppressed, c.complementary).c_str());
  }
  std::printf("\n\"<5\": from 1 to 4 cases, never shown exactly; \"x\": hidden so that a \"<5\" cannot be worked out "
              "from the total\n");
  return kOk;
}

}  // namespace waymark::cli
