// Content checks on the shipped UK pack: sources, the pathway vocabulary other systems rely on,
// visible UNVERIFIED marks, safeguarding wording rules, and that nothing asked goes unused.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "rules/pack_loader.h"
#include "rules/pack_review.h"

namespace waymark::rules {
namespace {

const RulePack& uk() {
  static const RulePack pack = [] {
    auto r = load_rule_pack(WAYMARK_UK_PACK);
    for (const auto& e : r.errors) ADD_FAILURE() << e.to_string();
    return r.pack.value_or(RulePack{});
  }();
  return pack;
}

TEST(UkPack, EveryIndicatorHasASourceThatExists) {
  ASSERT_FALSE(uk().indicators.empty());
  for (const auto& ind : uk().indicators) {
    ASSERT_GE(ind.source, 0) << ind.id;
    ASSERT_LT(static_cast<std::size_t>(ind.source), uk().sources.size()) << ind.id;
    EXPECT_FALSE(uk().sources[static_cast<std::size_t>(ind.source)].title.empty()) << ind.id;
    EXPECT_FALSE(ind.text.empty()) << ind.id;
  }
}

TEST(UkPack, HasThePathwayIdsOtherSystemsRelyOn) {
  std::set<std::string> ids;
  for (const auto& p : uk().pathways) ids.insert(p.id);
  for (const char* id : {"emergency_services", "nrm_referral", "duty_to_notify", "child_safeguarding",
                         "adult_safeguarding", "police_report", "labour_rights", "legal_advice",
                         "helpline", "further_assessment", "check_safety", "separate_safely",
                         "forced_marriage_protection", "ask_a_first_responder", "detention_route",
                         "asylum_advice", "no_signs_now"})
    EXPECT_TRUE(ids.count(id)) << id;
}

TEST(UkPack, KeepsUnverifiedGradesMarked) {
  // Every ILO grade in the reference is unverified (indicators.md §0): none may claim otherwise.
  for (const auto& ind : uk().indicators)
    if (ind.grade != Grade::none) {
      EXPECT_FALSE(ind.grade_verified) << ind.id;
    }
  // Indicators taken from the secondary ILO table are unverified in wording too.
  for (const auto& ind : uk().indicators)
    if (uk().sources[static_cast<std::size_t>(ind.source)].id == "ILO-D2") {
      EXPECT_FALSE(ind.verified) << ind.id;
    }
}

TEST(UkPack, CoversEveryExploitationTypeWithIndicators) {
  for (std::size_t t = 0; t < uk().exploitation_types.size(); ++t) {
    const bool tagged = std::any_of(uk().indicators.begin(), uk().indicators.end(), [&](const Indicator& i) {
      return std::find(i.types.begin(), i.types.end(), static_cast<int>(t)) != i.types.end();
    });
    EXPECT_TRUE(tagged) << uk().exploitation_types[t].id;
  }
}

TEST(UkPack, QuestionsOfferDontKnowWhereTheyAskAboutThePerson) {
  for (const auto& q : uk().questions) {
    // The responder always knows these; the age questions offer the NRM form's own "Not sure".
    const bool has_not_sure = std::any_of(q.options.begin(), q.options.end(),
                                          [](const Option& o) { return o.value == "not_sure"; });
    const bool about_context = q.id.rfind("context.", 0) == 0 || q.id == "consent.nrm" ||
                               q.id == "safety.safe_now" || has_not_sure;
    if (!about_context) {
      EXPECT_TRUE(q.offer_dont_know || q.offer_prefer_not_to_say) << q.id;
    }
    EXPECT_LE(q.text.size(), 110u) << q.id << ": keep questions short";
  }
}

TEST(UkPack, EveryQuestionHasAnAskLineAndReadsAtAgeEleven) {
  for (const auto& q : uk().questions) {
    EXPECT_FALSE(q.ask.empty()) << q.id << ": needs an \"ask it like this\" line";
    EXPECT_LE(flesch_kincaid_grade(q.text), 6.0) << q.id << ": " << q.text;
    EXPECT_LE(flesch_kincaid_grade(q.ask), 6.0) << q.id << ": " << q.ask;
  }
}

TEST(UkPack, NoDoubleNegativesInQuestions) {
  // "Could they not ..." and "not unable" style wording confuses; ask what would happen instead.
  for (const auto& q : uk().questions)
    for (const char* bad : {"n't not", "not un", "never not", "Could they refuse", "could not refuse"})
      EXPECT_EQ(q.text.find(bad), std::string::npos) << q.id << ": " << q.text;
}

TEST(UkPack, EveryQuestionIsReadBySomeRule) {
  const auto read = read_by_rules(uk());
  for (std::size_t q = 0; q < uk().questions.size(); ++q)
    EXPECT_TRUE(read.questions[q]) << uk().questions[q].id << " changes nothing: do not ask it";
}

TEST(UkPack, ReadabilityScoreFollowsFleschKincaid) {
  // Short plain sentences score low; long words in one long sentence score high.
  EXPECT_LT(flesch_kincaid_grade("Is anyone in danger right now?"), 6.0);
  EXPECT_GT(flesch_kincaid_grade("Notwithstanding considerable international documentation requirements, "
                                 "administrative authorities occasionally misinterpret exploitation."),
            12.0);
  EXPECT_EQ(flesch_kincaid_grade(""), 0.0);
}

TEST(UkPack, EveryOrganisationSaysWhereItsContactCameFrom) {
  for (const auto& o : uk().organisations) {
    EXPECT_FALSE(o.contact.empty()) << o.id;
    EXPECT_FALSE(o.source.empty()) << o.id;
    EXPECT_FALSE(o.checked.empty()) << o.id;
    EXPECT_NE(o.checked.find("20"), std::string::npos) << o.id << ": every entry is dated";
  }
}

}  // namespace
}  // namespace waymark::rules
