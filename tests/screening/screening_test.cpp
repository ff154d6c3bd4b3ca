// Across the layers: answers given one by one through the screening service become stored rows; a
// resumed screening rebuilds the same session and the same assessment; bad values are refused and
// leave nothing behind.
#include <gtest/gtest.h>

#include <filesystem>

#include "report/assessment_json.h"
#include "rules/answers_json.h"
#include "rules/pack_loader.h"
#include "screening/screening.h"
#include "store_test_support.h"

namespace waymark {
namespace {

namespace fs = std::filesystem;
using screening::Screening;

const rules::RulePack& uk_pack() {
  static const rules::RulePack pack = [] {
    auto loaded = rules::load_rule_pack(WAYMARK_UK_PACK);
    if (!loaded.pack) throw std::runtime_error("UK pack refused");
    return std::move(*loaded.pack);
  }();
  return pack;
}

rules::AnswerSet golden_answers(const std::string& name) {
  const auto text = rules::read_file(fs::path(WAYMARK_GOLDEN_DIR) / name);
  if (!text) throw std::runtime_error("no golden " + name);
  const auto doc = nlohmann::json::parse(*text);
  auto parsed = rules::answers_from_json_text(uk_pack(), nlohmann::json{{"answers", doc["answers"]}}.dump());
  if (!parsed.errors.empty()) throw std::runtime_error(parsed.errors.front());
  return std::move(parsed.answers);
}

// Answers the way a responder moves through the pages: always the first shown question still open,
// with the golden's answer to it, until the golden has nothing more for what is shown.
int answer_like_a_responder(Screening& s, const rules::AnswerSet& golden) {
  int given = 0;
  for (bool progressed = true; progressed;) {
    progressed = false;
    for (int q : s.session().shown()) {
      if (s.session().answers().get(q) != nullptr || golden.get(q) == nullptr) continue;
      EXPECT_EQ(s.answer(q, *golden.get(q)), rules::AnswerProblem::none) << uk_pack().questions[q].id;
      ++given;
      progressed = true;
      break;
    }
  }
  return given;
}

std::string assessment_json(const rules::AnswerSet& answers) {
  return report::assessment_to_json(uk_pack(), answers, rules::assess(uk_pack(), answers)).dump();
}

class ScreeningTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ScreeningTest, AnswersAreStoredAndResumeGivesTheSameAssessment) {
  test::TempDir dir;
  test::FakeClock clock;
  auto created = test::make_store(dir / "cases.db", clock);
  const rules::AnswerSet golden = golden_answers(GetParam());

  Screening s = Screening::start(created.store, uk_pack());
  const int given = answer_like_a_responder(s, golden);
  ASSERT_GT(given, 10);
  EXPECT_FALSE(s.next_unanswered().has_value()) << "the golden answers every shown question";
  const std::string live = report::assessment_to_json(uk_pack(), s.session().answers(), s.assessment()).dump();
  EXPECT_EQ(live, assessment_json(s.session().answers()));

  // The stored rows are exactly the answers given, each as an answers file holds it.
  const store::CaseRecord record = created.store.cases().read(s.case_id());
  ASSERT_EQ(record.answers.size(), static_cast<std::size_t>(given));
  for (const auto& saved : record.answers) {
    const int q = uk_pack().question_index(saved.question_id);
    ASSERT_GE(q, 0);
    EXPECT_EQ(saved.value_json, rules::answer_to_json(uk_pack().questions[q], *golden.get(q)).dump());
  }
  EXPECT_FALSE(record.assessment_json.has_value()) << "nothing is assessed before finish()";

  // A fresh unlock, as after a restart: the same session, the same assessment.
  store::CaseStore reopened = store::CaseStore::open(dir / "cases.db", test::kAdminName, test::pass(test::kAdminPass), clock);
  screening::ResumeReport report;
  Screening resumed = Screening::resume(reopened, uk_pack(), s.case_id(), &report);
  EXPECT_EQ(report.restored, given);
  EXPECT_TRUE(report.not_in_pack.empty());
  EXPECT_TRUE(report.not_valid.empty());
  EXPECT_FALSE(report.pack_changed);
  EXPECT_EQ(resumed.reference(), s.reference());
  EXPECT_EQ(resumed.session().shown(), s.session().shown());
  EXPECT_EQ(report::assessment_to_json(uk_pack(), resumed.session().answers(), resumed.assessment()).dump(), live);

  const rules::Assessment finished = resumed.finish();
  const auto stored = reopened.cases().read(s.case_id()).assessment_json;
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(*stored, report::assessment_to_json(uk_pack(), resumed.session().answers(), finished).dump());
  // The case list shows the stored band; a case not yet assessed shows none.
  const auto other = reopened.cases().create({uk_pack().id, uk_pack().version, uk_pack().sha256});
  for (const auto& c : reopened.cases().list().rows)
    EXPECT_EQ(c.band, c.id == other.id ? std::string() : std::string(rules::to_string(finished.band))) << c.reference;
}

INSTANTIATE_TEST_SUITE_P(Goldens, ScreeningTest,
                         ::testing::Values("v01_labour_hungarian_man.json", "v03_county_lines_boy.json",
                                           "v05_sexual_exploitation_albanian_woman.json"));

TEST(Screening, ABadValueIsAProblemAndNothingIsSaved) {
  test::TempDir dir;
  test::FakeClock clock;
  auto created = test::make_store(dir / "cases.db", clock);
  Screening s = Screening::start(created.store, uk_pack());
  const auto& pack = uk_pack();
  int number_q = -1, choice_q = -1, no_dont_know = -1;
  for (int q = 0; q < static_cast<int>(pack.questions.size()); ++q) {
    const auto& question = pack.questions[q];
    if (question.type == rules::AnswerType::number && number_q < 0) number_q = q;
    if (question.type == rules::AnswerType::single_choice && choice_q < 0) choice_q = q;
    if (!question.offer_dont_know && no_dont_know < 0) no_dont_know = q;
  }
  ASSERT_GE(choice_q, 0);
  // UK pack 1.1 asks "Are they under 18?" instead of the age, so it may have no number question.
  if (number_q >= 0) {
    EXPECT_EQ(s.answer(number_q, rules::Answer{.number = pack.questions[number_q].max + 1}),
              rules::AnswerProblem::out_of_range);
  }
  EXPECT_EQ(s.answer(choice_q, rules::Answer{.choices = 0}), rules::AnswerProblem::choose_one);
  EXPECT_EQ(s.answer(choice_q, rules::Answer{.choices = std::uint64_t{1} << 63}), rules::AnswerProblem::not_an_option);
  if (no_dont_know >= 0) {
    EXPECT_EQ(s.answer(no_dont_know, rules::Answer{.kind = rules::Answer::Kind::dont_know}),
              rules::AnswerProblem::dont_know_not_offered);
  }
  EXPECT_EQ(created.store.cases().read(s.case_id()).answer_history, 0);
  if (number_q >= 0) {
    EXPECT_EQ(s.session().answers().get(number_q), nullptr);
  }
}

TEST(Screening, AStoreFailureLeavesTheSessionAsTheStoreIs) {
  test::TempDir dir;
  test::FakeClock clock;
  auto created = test::make_store(dir / "cases.db", clock, store::kAdmin | store::kSupervisor | store::kCaseworker);
  Screening s = Screening::start(created.store, uk_pack());
  const int q = s.session().shown().front();
  created.store.cases().submit(s.case_id(), test::kAdminName);  // no longer a draft: answers are refused
  EXPECT_THROW((void)s.answer(q, rules::Answer{.kind = rules::Answer::Kind::dont_know}), store::StoreError);
  EXPECT_EQ(s.session().answers().get(q), nullptr);
}

TEST(Screening, ResumeNamesAnswersThePackNoLongerHas) {
  test::TempDir dir;
  test::FakeClock clock;
  auto created = test::make_store(dir / "cases.db", clock);
  const auto c = created.store.cases().create({"uk-older", "0.9", std::string(64, 'b')});
  created.store.cases().save_answer(c.id, "person.no_such_question", "true");
  created.store.cases().save_answer(c.id, uk_pack().questions.front().id, "\"not an option of anything\"");
  screening::ResumeReport report;
  Screening s = Screening::resume(created.store, uk_pack(), c.id, &report);
  EXPECT_TRUE(report.pack_changed);
  EXPECT_EQ(report.started_under.version, "0.9");
  EXPECT_EQ(report.restored, 0);
  EXPECT_EQ(report.not_in_pack, std::vector<std::string>{"person.no_such_question"});
  EXPECT_EQ(report.not_valid, std::vector<std::string>{uk_pack().questions.front().id});
  EXPECT_EQ(s.next_unanswered(), s.session().shown().front());
}

}  // namespace
}  // namespace waymark
