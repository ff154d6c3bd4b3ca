#include <gtest/gtest.h>

#include "report/assessment_json.h"
#include "report/assessment_text.h"
#include "rules/assessment.h"
#include "test_support.h"

namespace waymark::rules {
namespace {

const char* kTrafficked = R"({"safety.danger": false, "about.age": 30, "story.moved": true,
  "story.control": ["debt"], "story.work": "labour", "story.consent": true})";

std::vector<std::string> pathway_ids(const RulePack& pack, const Assessment& a) {
  std::vector<std::string> out;
  for (const auto& f : a.pathways) out.push_back(pack.pathways[static_cast<std::size_t>(f.index)].id);
  return out;
}

TEST(Assess, AdultWithAllElementsIsReferredWithConsent) {
  const auto& pack = test::minimal_pack();
  const auto a = assess(pack, test::answers(pack, kTrafficked));
  EXPECT_FALSE(a.treated_as_child);
  EXPECT_EQ(a.band, Band::refer);
  for (const auto& e : a.elements) EXPECT_EQ(e.status, ElementStatus::present);
  EXPECT_EQ(pathway_ids(pack, a), std::vector<std::string>{"nrm_referral"});
  ASSERT_EQ(a.exploitation_types.size(), 1u);
  EXPECT_EQ(pack.exploitation_types[static_cast<std::size_t>(a.exploitation_types[0].index)].id, "labour");
}

TEST(Assess, AdultWithoutConsentGoesToDutyToNotify) {
  const auto& pack = test::minimal_pack();
  auto answers = test::answers(pack, kTrafficked);
  answers.set(pack.question_index("story.consent"), Answer{.yes = false});
  EXPECT_EQ(pathway_ids(pack, assess(pack, answers)), std::vector<std::string>{"duty_to_notify"});
}

TEST(Assess, ChildNeedsNoMeans) {
  const auto& pack = test::minimal_pack();
  const auto a = assess(pack, test::answers(pack, R"({"about.age": 15, "story.moved": true, "story.work": "sex"})"));
  EXPECT_TRUE(a.treated_as_child);
  EXPECT_EQ(a.elements[1].status, ElementStatus::not_required);
  EXPECT_EQ(a.band, Band::refer);
  EXPECT_EQ(pathway_ids(pack, a), (std::vector<std::string>{"nrm_referral", "child_safeguarding"}));
}

TEST(Assess, DangerOverridesEverything) {
  const auto& pack = test::minimal_pack();
  const auto a = assess(pack, test::answers(pack, R"({"safety.danger": true})"));
  EXPECT_EQ(a.band, Band::emergency);
  EXPECT_EQ(pathway_ids(pack, a).front(), "emergency_services");
}

TEST(Assess, SomeSignsMeansFindOutMore) {
  const auto& pack = test::minimal_pack();
  const auto a = assess(pack, test::answers(pack, R"({"story.moved": true})"));
  EXPECT_EQ(a.band, Band::assess);
  EXPECT_EQ(a.elements[0].status, ElementStatus::present);
  EXPECT_EQ(a.elements[1].status, ElementStatus::absent);
}

TEST(Assess, EveryConclusionNamesItsRuleAndReasons) {
  const auto& pack = test::minimal_pack();
  const auto answers = test::answers(pack, kTrafficked);
  const auto a = assess(pack, answers);
  const auto json = report::assessment_to_json(pack, answers, a);
  EXPECT_EQ(json["format"], 1);
  EXPECT_EQ(json["rule_pack"]["sha256"], pack.sha256);
  EXPECT_EQ(json["elements"]["means"]["because"][0], "indicator means_debt");
  EXPECT_EQ(json["indicators"][1]["because"][0], R"(answer story.control = ["debt"])");
  for (const auto& step : json["explanation"]) {
    EXPECT_FALSE(step["rule"].get<std::string>().empty());
    EXPECT_FALSE(step["because"].empty()) << step.dump();
  }
  const auto& nrm = json["pathways"][0];
  EXPECT_EQ(nrm["id"], "nrm_referral");
  EXPECT_NE(std::find(nrm["because"].begin(), nrm["because"].end(), "answer story.consent = true"),
            nrm["because"].end());
}

TEST(Assess, SignpostsRankedAndMerged) {
  const auto& pack = test::minimal_pack();
  const auto a = assess(pack, test::answers(pack, kTrafficked));
  ASSERT_EQ(a.signposts.size(), 2u);
  EXPECT_EQ(pack.organisations[static_cast<std::size_t>(a.signposts[0].index)].id, "support");
  EXPECT_EQ(pack.organisations[static_cast<std::size_t>(a.signposts[1].index)].id, "helpline");
}

TEST(Assess, IsDeterministic) {
  const auto& pack = test::minimal_pack();
  const auto answers = test::answers(pack, kTrafficked);
  EXPECT_EQ(report::assessment_to_json(pack, answers, assess(pack, answers)).dump(),
            report::assessment_to_json(pack, answers, assess(pack, answers)).dump());
}

TEST(Assess, TextNeverShowsFreeText) {
  const auto& pack = test::minimal_pack();
  auto answers = test::answers(pack, kTrafficked);
  answers.set(pack.question_index("story.notes"), Answer{.text = "CANARY-Zorblax"});
  const auto a = assess(pack, answers);
  EXPECT_EQ(report::assessment_to_text(pack, answers, a).find("CANARY"), std::string::npos);
  EXPECT_EQ(report::assessment_to_json(pack, answers, a).dump().find("CANARY"), std::string::npos);
}

}  // namespace
}  // namespace waymark::rules
