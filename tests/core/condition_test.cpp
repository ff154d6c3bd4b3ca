// Conditions distinguish "not asked", "don't know" and "no", and hidden answers stop counting.
#include <gtest/gtest.h>

#include "rules/evaluation.h"
#include "test_support.h"

namespace waymark::rules {
namespace {

bool fact(const RulePack& pack, const AnswerSet& a, const std::string& id) {
  Evaluation e;
  evaluate_graph(pack, a, e);
  for (std::size_t i = 0; i < pack.facts.size(); ++i)
    if (pack.facts[i].id == id) return e.facts[i] != 0;
  ADD_FAILURE() << "no fact " << id;
  return false;
}

bool indicator(const RulePack& pack, const AnswerSet& a, const std::string& id) {
  Evaluation e;
  evaluate_graph(pack, a, e);
  for (std::size_t i = 0; i < pack.indicators.size(); ++i)
    if (pack.indicators[i].id == id) return e.indicators[i] != 0;
  ADD_FAILURE() << "no indicator " << id;
  return false;
}

TEST(Conditions, NotAskedDontKnowAndNoAreDifferent) {
  const auto& pack = test::minimal_pack();
  EXPECT_FALSE(fact(pack, test::answers(pack, "{}"), "in_danger"));
  EXPECT_FALSE(fact(pack, test::answers(pack, R"({"safety.danger": "dont_know"})"), "in_danger"));
  EXPECT_FALSE(fact(pack, test::answers(pack, R"({"safety.danger": false})"), "in_danger"));
  EXPECT_TRUE(fact(pack, test::answers(pack, R"({"safety.danger": true})"), "in_danger"));
}

TEST(Conditions, NumberComparisons) {
  const auto& pack = test::minimal_pack();
  EXPECT_TRUE(fact(pack, test::answers(pack, R"({"about.age": 17})"), "treated_as_child"));
  EXPECT_FALSE(fact(pack, test::answers(pack, R"({"about.age": 18})"), "treated_as_child"));
  EXPECT_FALSE(fact(pack, test::answers(pack, "{}"), "treated_as_child"));
}

TEST(Conditions, HiddenAnswerStopsCounting) {
  const auto& pack = test::minimal_pack();
  // Age uncertain counts while age is "don't know" ...
  EXPECT_TRUE(fact(pack, test::answers(pack, R"({"about.age": "dont_know", "about.age_uncertain": true})"),
                   "treated_as_child"));
  // ... and no longer once an age is given, which hides the question.
  EXPECT_FALSE(fact(pack, test::answers(pack, R"({"about.age": 40, "about.age_uncertain": true})"),
                    "treated_as_child"));
}

TEST(Conditions, MultipleChoiceIncludes) {
  const auto& pack = test::minimal_pack();
  EXPECT_TRUE(indicator(pack, test::answers(pack, R"({"story.control": ["documents", "debt"]})"), "means_debt"));
  EXPECT_FALSE(indicator(pack, test::answers(pack, R"({"story.control": ["documents"]})"), "means_debt"));
  EXPECT_FALSE(indicator(pack, test::answers(pack, R"({"story.control": "prefer_not_to_say"})"), "means_debt"));
}

TEST(Conditions, NotNamesWhatItRead) {
  const auto& pack = test::minimal_pack();
  const auto a = test::answers(pack, R"({"about.age": 30})");
  Evaluation e;
  evaluate_all(pack, a, e);
  const auto reasons = why_not(pack, e, pack.facts[static_cast<std::size_t>(pack.treated_as_child_fact)].when);
  ASSERT_FALSE(reasons.empty());
  EXPECT_EQ(reasons[0].kind, Reason::Kind::answer);
  EXPECT_TRUE(reasons[0].negated);
}

}  // namespace
}  // namespace waymark::rules
