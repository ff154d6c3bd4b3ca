// waymark-cli bench: the median time of assess() on a pack and answers, for the closing figures.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "args.h"
#include "commands.h"
#include "inputs.h"
#include "rules/assessment.h"

namespace waymark::cli {
namespace {

constexpr const char* kHelp = R"(usage: waymark-cli bench [--pack PACK] --answers FILE [--samples N]

Times assess() on the answers: N samples (default 201) of a batch of calls each, and prints the
median, the 10th and 90th percentile per call in microseconds, and the pack load time. PACK
defaults to the installed UK pack.
Exit codes: 0 ok, 1 rule pack refused or unreadable, 2 bad usage or invalid answers, 3 unreadable
answers file.
)";

}  // namespace

int bench_command(const Argv& argv) {
  if (print_help_if_asked(argv, kHelp)) return kOk;
  Args args(argv, {});
  const auto pack_path = args.option("pack"), answers_path = args.option("answers");
  if (!args.only({"pack", "answers", "samples"}) || !answers_path) {
    std::fprintf(stderr, "waymark-cli: %s\n%s",
                 args.ok() ? "--answers is required" : args.error().c_str(), kHelp);
    return kBadInput;
  }
  using Clock = std::chrono::steady_clock;
  const auto load_start = Clock::now();
  const auto pack = load_pack(pack_or_default(pack_path));
  const double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - load_start).count();
  if (!pack) return kPackRefused;
  const auto answers = load_answers(*pack, *answers_path);
  if (!answers.answers) return answers.exit_code;

  // Parsed with bounds (atoi would be undefined past INT_MAX, and a huge count would run for ever).
  const std::string samples_text = args.option("samples").value_or("201");
  char* end = nullptr;
  const long requested = std::strtol(samples_text.c_str(), &end, 10);
  if (end == samples_text.c_str() || *end != '\0' || requested < 1 || requested > 100000) {
    std::fprintf(stderr, "waymark-cli: --samples is a whole number from 1 to 100000\n");
    return kBadInput;
  }
  const int samples = std::max(11, static_cast<int>(requested));
  constexpr int kBatch = 200;
  std::vector<double> per_call_us;
  std::size_t sink = 0;  // keeps the optimiser from dropping the calls
  for (int s = 0; s < samples; ++s) {
    const auto start = Clock::now();
    for (int i = 0; i < kBatch; ++i) sink += rules::assess(*pack, *answers.answers).indicators.size();
    per_call_us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count() / kBatch);
  }
  std::sort(per_call_us.begin(), per_call_us.end());
  auto at = [&](double q) { return per_call_us[static_cast<std::size_t>(q * static_cast<double>(per_call_us.size() - 1))]; };
  std::printf("assess(): median %.2f us, p10 %.2f us, p90 %.2f us per call (%d samples x %d calls)\n",
              at(0.5), at(0.1), at(0.9), samples, kBatch);
  std::printf("pack load: %.1f ms; %zu questions, %zu indicators; check %zu\n", load_ms,
              pack->questions.size(), pack->indicators.size(), sink % 10);
  return kOk;
}

}  // namespace waymark::cli
