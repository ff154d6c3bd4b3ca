// Export time per format for V01 (the full referral summary): building the summary from the answers and
// assessment, then rendering it. Goal: PDF <= 150 ms median. Run:
//   build/bin/export_bench --benchmark_repetitions=15 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "pdf/pdf_renderer.h"
#include "report/referral_summary.h"
#include "report/summary_render.h"
#include "rules/answers_json.h"
#include "rules/assessment.h"
#include "rules/pack_loader.h"

namespace {

using namespace waymark;

struct Case {
  rules::RulePack pack;
  rules::AnswerSet answers;
  rules::Assessment assessment;
  report::CaseFacts facts;
};

const Case& v01() {
  static const Case c = [] {
    Case out;
    out.pack = *rules::load_rule_pack(WAYMARK_UK_PACK).pack;
    std::ifstream in(WAYMARK_BENCH_V01);
    std::stringstream text;
    text << in.rdbuf();
    out.answers = rules::answers_from_json_text(out.pack, text.str()).answers;
    out.assessment = rules::assess(out.pack, out.answers);
    out.facts = {"WM-BENC-H001", "submitted", "responder", 1764583200000, 1764586800000,
                 out.pack.id, out.pack.version, out.pack.sha256, "Met at the night shelter."};
    return out;
  }();
  return c;
}

report::ReferralSummary summary() {
  const Case& c = v01();
  return report::build_summary(c.facts, c.pack, c.answers, c.assessment, report::Variant::full);
}

void BM_BuildSummary(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(summary());
}

void BM_Export(benchmark::State& state, report::Format format) {
  if (format == report::Format::pdf) pdf::ensure_gui();
  std::size_t bytes = 0;
  for (auto _ : state) {
    const auto s = summary();
    const std::string out = format == report::Format::pdf ? pdf::render_pdf(s) : report::render(s, format);
    bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}

BENCHMARK(BM_BuildSummary)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Export, text, report::Format::text)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Export, md, report::Format::markdown)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Export, json, report::Format::json)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Export, pdf, report::Format::pdf)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
