#include "rules/session.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace waymark::rules {
namespace {

std::vector<std::string> ids(const RulePack& pack, const std::vector<int>& qs) {
  std::vector<std::string> out;
  for (int q : qs) out.push_back(pack.questions[static_cast<std::size_t>(q)].id);
  return out;
}

TEST(Session, ShowsQuestionsInOrderWithSkipLogic) {
  const auto& pack = test::minimal_pack();
  Session s(pack);
  EXPECT_EQ(ids(pack, s.shown()),
            (std::vector<std::string>{"safety.danger", "about.age", "story.moved", "story.control",
                                      "story.work", "story.notes", "story.consent"}));
  s.answer(pack.question_index("about.age"), Answer{.kind = Answer::Kind::dont_know});
  EXPECT_TRUE(s.is_shown(pack.question_index("about.age_uncertain")));
}

TEST(Session, ChangingAnEarlierAnswerReevaluatesAndKeepsHistory) {
  const auto& pack = test::minimal_pack();
  Session s(pack);
  const int age = pack.question_index("about.age");
  const int unsure = pack.question_index("about.age_uncertain");
  const int consent = pack.question_index("story.consent");
  s.answer(age, Answer{.kind = Answer::Kind::dont_know});
  s.answer(unsure, Answer{.yes = true});
  EXPECT_FALSE(s.is_shown(consent));  // presumed a child: consent is not asked
  s.answer(age, Answer{.number = 35});
  EXPECT_FALSE(s.is_shown(unsure));
  EXPECT_TRUE(s.is_shown(consent));
  ASSERT_NE(s.answers().get(unsure), nullptr);  // kept, though it no longer counts
  EXPECT_EQ(s.history().size(), 3u);
  EXPECT_EQ(s.history().back().sequence, 3u);
}

TEST(Session, ProgressBySectionAndUnanswered) {
  const auto& pack = test::minimal_pack();
  Session s(pack);
  s.answer(pack.question_index("safety.danger"), Answer{.yes = false});
  const auto progress = s.progress();
  ASSERT_EQ(progress.size(), 3u);
  EXPECT_EQ(progress[0].shown, 1);
  EXPECT_EQ(progress[0].answered, 1);
  EXPECT_EQ(progress[2].shown, 5);
  EXPECT_EQ(progress[2].answered, 0);
  EXPECT_EQ(s.unanswered().size(), 6u);
  s.clear(pack.question_index("safety.danger"));
  EXPECT_EQ(s.unanswered().size(), 7u);
}

}  // namespace
}  // namespace waymark::rules
