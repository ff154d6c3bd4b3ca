// Crash test: at least 200 SIGKILLs of a process saving answers; 0 acknowledged answers lost, 0 failed
// integrity checks. WAYMARK_CRASH_TRIALS=N runs more (the store_bench binary has a crash mode too).
#include <gtest/gtest.h>

#include <cstdlib>

#include "crash_harness.h"
#include "store_test_support.h"

namespace waymark::store {
namespace {

TEST(Crash, KilledWhileSavingLosesNoAcknowledgedAnswer) {
  test::TempDir dir;
  test::FakeClock clock;
  const auto db = dir / "cases.db";
  std::int64_t case_id = 0;
  {
    auto created = test::make_store(db, clock);
    case_id = created.store.cases().create(test::test_pack_ref()).id;
  }
  int trials = 200;
  if (const char* n = std::getenv("WAYMARK_CRASH_TRIALS")) trials = std::max(200, std::atoi(n));
  const auto counts = test::run_crash_trials(db, test::kAdminName, test::kAdminPass, clock, case_id, trials, 20261123);
  std::printf("crash test: %d kills, %lld acknowledged answers, %lld lost, %d failed checks\n", counts.kills,
              counts.acknowledged, counts.lost, counts.failed_checks);
  EXPECT_EQ(counts.kills, trials);
  EXPECT_GT(counts.acknowledged, trials);  // the kills did land mid-work
  EXPECT_EQ(counts.lost, 0);
  EXPECT_EQ(counts.failed_checks, 0);
  auto s = CaseStore::open(db, test::kAdminName, test::pass(test::kAdminPass), clock);
  EXPECT_NO_THROW((void)s.verify());  // full integrity check and an unbroken audit chain
}

}  // namespace
}  // namespace waymark::store
