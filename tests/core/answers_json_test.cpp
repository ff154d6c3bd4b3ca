#include "rules/answers_json.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace waymark::rules {
namespace {

TEST(AnswersJson, NamesEveryUnknownIdAndInvalidValueButNeverTheValue) {
  const auto& pack = test::minimal_pack();
  const auto parsed = answers_from_json_text(pack, R"({"answers": {
    "nope": true, "safety.danger": "CANARY-yes", "about.age": 200, "story.work": "CANARY-x",
    "story.control": ["debt", "CANARY-y"], "about.age_uncertain": "dont_know"}})");
  ASSERT_EQ(parsed.errors.size(), 6u);
  for (const auto& e : parsed.errors) EXPECT_EQ(e.find("CANARY"), std::string::npos) << e;
  auto has = [&](const std::string& m) {
    return std::find(parsed.errors.begin(), parsed.errors.end(), m) != parsed.errors.end();
  };
  EXPECT_TRUE(has("unknown question 'nope'"));
  EXPECT_TRUE(has("answer to 'about.age_uncertain': this question does not offer 'dont_know'"));
  EXPECT_TRUE(has("answer to 'about.age': expected a number from 0 to 120"));
  EXPECT_TRUE(has("answer to 'safety.danger': expected true or false"));
  EXPECT_TRUE(has("answer to 'story.work': expected one of none, labour, sex"));
  EXPECT_TRUE(has("answer to 'story.control': expected a list of options from debt, documents, threats"));
}

TEST(AnswersJson, AcceptsEveryType) {
  const auto& pack = test::minimal_pack();
  const auto parsed = answers_from_json_text(pack, R"({"answers": {
    "safety.danger": false, "about.age": 17, "story.control": ["debt", "threats"],
    "story.work": "labour", "story.notes": "text", "story.moved": "dont_know"}})");
  EXPECT_TRUE(parsed.errors.empty()) << parsed.errors.front();
  const Answer* control = parsed.answers.get(pack.question_index("story.control"));
  ASSERT_NE(control, nullptr);
  EXPECT_EQ(control->choices, 0b101u);
  EXPECT_EQ(answer_to_json(pack.questions[static_cast<std::size_t>(pack.question_index("story.control"))], *control),
            nlohmann::json({"debt", "threats"}));
}

TEST(AnswersJson, RejectsBrokenJson) {
  const auto parsed = answers_from_json_text(test::minimal_pack(), "{\"answers\": ");
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_NE(parsed.errors[0].find("not valid JSON"), std::string::npos);
}

}  // namespace
}  // namespace waymark::rules
