// Google Benchmark for the rules core: assess() on the UK pack with every question answered, and
// the pieces around it. Run: build/bin/waymark_bench --benchmark_repetitions=15
//   --benchmark_report_aggregates_only=true   (the median is the figure we report)
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "report/assessment_json.h"
#include "rules/answers_json.h"
#include "rules/assessment.h"
#include "rules/pack_loader.h"
#include "rules/session.h"

namespace {

using namespace waymark;

const rules::RulePack& pack() {
  static const rules::RulePack p = [] {
    auto r = rules::load_rule_pack(WAYMARK_UK_PACK);
    if (!r.pack) std::abort();
    return std::move(*r.pack);
  }();
  return p;
}

const rules::AnswerSet& all_answered() {
  static const rules::AnswerSet a = [] {
    const auto text = rules::read_file(WAYMARK_BENCH_ANSWERS);
    auto doc = nlohmann::json::parse(*text);
    auto parsed = rules::answers_from_json_text(pack(), nlohmann::json{{"answers", doc["answers"]}}.dump());
    if (!parsed.errors.empty()) std::abort();
    return parsed.answers;
  }();
  return a;
}

void BM_Assess(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(rules::assess(pack(), all_answered()));
}
BENCHMARK(BM_Assess);

void BM_AssessToJson(benchmark::State& state) {
  for (auto _ : state) {
    const auto a = rules::assess(pack(), all_answered());
    benchmark::DoNotOptimize(report::assessment_to_json(pack(), all_answered(), a).dump());
  }
}
BENCHMARK(BM_AssessToJson);

void BM_SessionAnswer(benchmark::State& state) {
  rules::Session session(pack());
  const int q = pack().question_index("work.kinds");
  const rules::Answer a = *all_answered().get(q);
  for (auto _ : state) session.answer(q, a);  // what the app does after every answer
}
BENCHMARK(BM_SessionAnswer);

void BM_LoadPack(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(rules::load_rule_pack(WAYMARK_UK_PACK));
}
BENCHMARK(BM_LoadPack)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
