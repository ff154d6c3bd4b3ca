#include <gtest/gtest.h>

#include <random>

#include "rules/pack_loader.h"
#include "test_support.h"

namespace waymark::rules {
namespace {

// The smallest valid pack; tests change one thing and look for the exact error.
const std::string kValid = R"(format: 1
id: t
version: "1"
jurisdiction: T
sources:
  - {id: S, title: Source}
sections:
  - {id: s, title: Section}
exploitation_types:
  - {id: labour, title: Labour}
questions:
  - {id: q1, section: s, text: One, type: yes_no}
  - {id: q2, section: s, text: Two, type: yes_no, enable_when: {answer: q1, is: yes}}
facts:
  - {id: treated_as_child, text: Child, when: {answer: q1, is: no}}
indicators:
  - {id: i1, text: I1, element: purpose, types: [labour], grade: none, source: S, verified: yes, when: {answer: q2, is: yes}}
elements:
  adult:
    action: [{id: aa, status: absent, explain: x}]
    means: [{id: am, status: absent, explain: x}]
    purpose: [{id: ap1, status: present, when: {indicator: i1}, explain: x}, {id: ap2, status: absent, explain: x}]
  child:
    action: [{id: ca, status: absent, explain: x}]
    means: [{id: cm, status: not_required, explain: x}]
    purpose: [{id: cp, status: absent, explain: x}]
bands:
  - {id: b1, band: none, explain: x}
pathways:
  - {id: p1, title: P, action: Do, when: {band: none}}
)";

LoadResult load(const std::string& text) { return test::load_texts({{"pack.yaml", text}}); }

std::vector<std::string> messages(const LoadResult& r) {
  std::vector<std::string> out;
  for (const auto& e : r.errors) out.push_back(e.to_string());
  return out;
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(PackLoader, LoadsTheValidPack) {
  const auto r = load(kValid);
  ASSERT_TRUE(r.pack) << testing::PrintToString(messages(r));
  EXPECT_EQ(r.pack->questions.size(), 2u);
  EXPECT_EQ(r.pack->sha256.size(), 64u);
}

TEST(PackLoader, ReadsTheAskLineAndLeavesItEmptyWhenMissing) {
  const auto r = load(replace(kValid, "text: One,", "text: One, ask: \"Are you one?\","));
  ASSERT_TRUE(r.pack) << testing::PrintToString(messages(r));
  EXPECT_EQ(r.pack->questions[0].ask, "Are you one?");
  EXPECT_EQ(r.pack->questions[1].ask, "");
}

TEST(PackLoader, LoadsTheMinimalTestPackWithDirectory) {
  const auto& pack = test::minimal_pack();
  EXPECT_EQ(pack.organisations.size(), 2u);
  EXPECT_EQ(pack.signposts.size(), 2u);
}

TEST(PackLoader, ReportsYamlSyntaxErrorWithLineAndColumn) {
  const auto r = load("format: 1\nid: [unclosed\n");
  ASSERT_FALSE(r.pack);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].where.line, 3);
  EXPECT_NE(r.errors[0].message.find("YAML syntax error"), std::string::npos);
}

TEST(PackLoader, ReportsDuplicateQuestionId) {
  const auto r = load(replace(kValid, "id: q2,", "id: q1,"));
  EXPECT_FALSE(r.pack);
  EXPECT_EQ(messages(r)[0], "pack.yaml:13:10: duplicate question id 'q1'");
}

TEST(PackLoader, ReportsUnknownQuestionInCondition) {
  const auto r = load(replace(kValid, "{answer: q1, is: yes}", "{answer: nope, is: yes}"));
  EXPECT_EQ(messages(r), std::vector<std::string>{"pack.yaml:13:73: unknown question 'nope'"});
}

TEST(PackLoader, ReportsMissingOption) {
  auto text = replace(kValid, "  - {id: q2, section: s, text: Two, type: yes_no,",
                      "  - {id: q3, section: s, text: Three, type: single_choice, options: [{value: a, text: A}]}\n"
                      "  - {id: q2, section: s, text: Two, type: yes_no,");
  text = replace(text, "{answer: q1, is: yes}", "{answer: q3, is: b}");
  EXPECT_EQ(messages(load(text)),
            std::vector<std::string>{"pack.yaml:14:81: question 'q3' has no option 'b'"});
}

TEST(PackLoader, ReportsIndicatorWithoutSource) {
  const auto r = load(replace(kValid, " source: S,", ""));
  EXPECT_EQ(messages(r), std::vector<std::string>{"pack.yaml:17:5: indicator 'i1' has no source"});
}

TEST(PackLoader, ReportsCycleInEnableWhen) {
  const auto r = load(replace(kValid, "{id: q1, section: s, text: One, type: yes_no}",
                              "{id: q1, section: s, text: One, type: yes_no, enable_when: {answer: q2, state: answered}}"));
  ASSERT_FALSE(r.pack);
  EXPECT_NE(r.errors[0].message.find("cycle in conditions: question 'q1' -> question 'q2' -> question 'q1'"),
            std::string::npos)
      << r.errors[0].message;
}

TEST(PackLoader, ReportsQuestionThatCanNeverBeShown) {
  const auto r = load(replace(kValid, "enable_when: {answer: q1, is: yes}",
                              "enable_when: {all: [{answer: q1, is: yes}, {answer: q1, is: no}]}"));
  EXPECT_EQ(messages(r), std::vector<std::string>{
                             "pack.yaml:13:5: question 'q2' can never be shown: no answers make its "
                             "enable_when true"});
}

TEST(PackLoader, ReportsWrongValueTypes) {
  const auto r = load(replace(kValid, "{answer: q1, is: yes}", "{answer: q1, lt: 3}"));
  EXPECT_EQ(messages(r), std::vector<std::string>{
                             "pack.yaml:13:81: 'lt' compares numbers, but question 'q1' is yes_no"});
}

TEST(PackLoader, ReportsEveryProblemNotOnlyTheFirst) {
  auto text = replace(kValid, "type: yes_no}", "type: maybe}");
  text = replace(text, "types: [labour]", "types: [labor]");
  const auto r = load(text);
  EXPECT_GE(r.errors.size(), 2u);
}

TEST(PackLoader, ReportsUnknownKey) {
  const auto r = load(replace(kValid, "text: One", "txt: One"));
  ASSERT_FALSE(r.pack);
  EXPECT_EQ(messages(r)[0], "pack.yaml:12:26: unknown key 'txt' in a question");
}

TEST(PackLoader, ReadsTheNationQuestionForStatistics) {
  const std::string with_nation =
      replace(kValid, "  - {id: q2, section: s, text: Two, type: yes_no, enable_when: {answer: q1, is: yes}}\n",
              "  - {id: q2, section: s, text: Two, type: yes_no, enable_when: {answer: q1, is: yes}}\n"
              "  - {id: q3, section: s, text: Where, type: single_choice, options: [{value: here, text: Here}]}\n");
  const auto ok = load(with_nation + "statistics: {nation: q3}\n");
  ASSERT_TRUE(ok.pack) << testing::PrintToString(messages(ok));
  EXPECT_EQ(ok.pack->nation_question, 2);
  EXPECT_EQ(load(kValid).pack->nation_question, -1);  // optional
  const auto not_choice = load(with_nation + "statistics: {nation: q1}\n");
  ASSERT_FALSE(not_choice.pack);
  EXPECT_EQ(messages(not_choice)[0], "pack.yaml:32:22: statistics nation: question 'q1' must be single_choice");
  const auto unknown = load(with_nation + "statistics: {nation: qx}\n");
  ASSERT_FALSE(unknown.pack);
  EXPECT_EQ(messages(unknown)[0], "pack.yaml:32:22: statistics nation: no question 'qx'");
}

TEST(PackLoader, RequiresTreatedAsChildFact) {
  const auto r = load(replace(kValid, "id: treated_as_child,", "id: child,"));
  ASSERT_FALSE(r.pack);
  EXPECT_NE(messages(r)[0].find("the pack must define the fact 'treated_as_child'"), std::string::npos);
}

TEST(PackLoader, RequiresLastOrderedRuleWithoutCondition) {
  const auto r = load(replace(kValid, "{id: b1, band: none, explain: x}",
                              "{id: b1, band: none, when: {answer: q1, is: yes}, explain: x}"));
  EXPECT_EQ(messages(r), std::vector<std::string>{
                             "pack.yaml:28:5: the last band rule must have no 'when', so that one rule "
                             "always applies"});
}

TEST(PackLoader, ReadsIncludedFiles) {
  const auto main = replace(kValid, "pathways:\n  - {id: p1, title: P, action: Do, when: {band: none}}\n",
                            "include: [more.yaml]\n");
  const auto r = test::load_texts(
      {{"pack.yaml", main}, {"more.yaml", "pathways:\n  - {id: p1, title: P, action: Do, when: {band: none}}\n"}});
  ASSERT_TRUE(r.pack) << testing::PrintToString(messages(r));
  EXPECT_EQ(r.pack->pathways.size(), 1u);
}

TEST(PackLoader, ReportsErrorsInIncludedFileWithItsName) {
  const auto main = replace(kValid, "pathways:\n  - {id: p1, title: P, action: Do, when: {band: none}}\n",
                            "include: [more.yaml]\n");
  const auto r = test::load_texts(
      {{"pack.yaml", main}, {"more.yaml", "pathways:\n  - {id: p1, title: P, action: Do, when: {band: nix}}\n"}});
  EXPECT_EQ(messages(r), std::vector<std::string>{"more.yaml:2:49: band must be emergency, refer, assess or none"});
}

TEST(PackLoader, RefusesEmptyRuleLists) {
  // An empty list would leave nothing to decide a band or an element: refuse, never crash later.
  EXPECT_EQ(messages(load(replace(kValid, "  - {id: b1, band: none, explain: x}\n", "  []\n"))),
            std::vector<std::string>{"pack.yaml:28:3: 'bands' must have at least one rule"});
  EXPECT_EQ(messages(load(replace(kValid, "means: [{id: cm, status: not_required, explain: x}]", "means: []"))),
            std::vector<std::string>{"pack.yaml:25:12: 'elements.child.means' must have at least one rule"});
}

TEST(PackLoader, RefusesConditionsWithTwoOperatorsOrTwoTests) {
  EXPECT_EQ(messages(load(replace(kValid, "{answer: q1, is: yes}", "{answer: q1, is: yes, fact: treated_as_child}"))),
            std::vector<std::string>{"pack.yaml:13:64: a condition must have exactly one of: all, any, not, "
                                     "answer, fact, indicator, indicators, element, band, pathway (wrap "
                                     "several in 'all' or 'any')"});
  EXPECT_EQ(messages(load(replace(kValid, "{answer: q1, is: yes}", "{answer: q1, is: yes, state: answered}"))),
            std::vector<std::string>{"pack.yaml:13:64: an 'answer' condition needs exactly one of: is, in, "
                                     "includes, state, lt, le, gt, ge"});
}

TEST(PackLoader, RefusesMaxBelowMin) {
  const auto r = load(replace(kValid, "{id: q1, section: s, text: One, type: yes_no}",
                              "{id: q1, section: s, text: One, type: number, min: 5, max: 1}"));
  ASSERT_FALSE(r.pack);
  EXPECT_NE(messages(r)[0].find("'max' is smaller than 'min'"), std::string::npos) << messages(r)[0];
}

TEST(PackLoader, ArbitraryBytesNeverCrash) {
  std::mt19937 random(12345);
  for (int round = 0; round < 3000; ++round) {
    std::string text = kValid;
    const int edits = 1 + static_cast<int>(random() % 8);
    for (int e = 0; e < edits; ++e) {
      const auto at = random() % text.size();
      switch (random() % 3) {
        case 0: text[at] = static_cast<char>(random() % 256); break;
        case 1: text.erase(at, random() % 20); break;
        default: text.insert(at, std::string(1 + random() % 4, "{}[]:-,&*!|>'\"\n #"[random() % 18]));
      }
      if (text.empty()) text = "x";
    }
    const auto r = load(text);
    EXPECT_TRUE(r.pack.has_value() || !r.errors.empty());
  }
  std::string random_bytes(4096, '\0');
  for (auto& c : random_bytes) c = static_cast<char>(random() % 256);
  EXPECT_FALSE(load(random_bytes).pack);
  EXPECT_FALSE(load(std::string(5000, '[')).pack);  // deep nesting
}

}  // namespace
}  // namespace waymark::rules
