// The referral summary model and its text, Markdown and JSON renderings.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "canary.h"
#include "report_support.h"

namespace waymark::test {
namespace {

using report::Format;
using report::Variant;

std::vector<std::string> section_ids(const report::ReferralSummary& s) {
  std::vector<std::string> ids;
  for (const auto& sec : s.sections) ids.push_back(sec.id);
  return ids;
}

const report::Section* section(const report::ReferralSummary& s, std::string_view id) {
  for (const auto& sec : s.sections)
    if (sec.id == id) return &sec;
  return nullptr;
}

const report::Draft* draft(const report::ReferralSummary& s, std::string_view id) {
  for (const auto& sec : s.sections)
    for (const auto& d : sec.drafts)
      if (d.id == id) return &d;
  return nullptr;
}

TEST(ReferralSummary, SectionsFollowTheOnlineNrmForm) {
  const auto s = golden_summary("v01_labour_hungarian_man", Variant::full);
  EXPECT_EQ(section_ids(s),
            (std::vector<std::string>{"organisation", "age", "background", "exploitation_start", "journeys",
                                      "treatment", "situation", "last_contact", "indicators", "interview",
                                      "professional", "others_involved", "location", "types", "other_victims",
                                      "consent", "support", "steps", "rule_pack"}));
  EXPECT_EQ(s.band, "refer");
  EXPECT_EQ(s.screened_on, "2025-12-01");
  EXPECT_EQ(section(s, "rule_pack")->lines.back(), report::kJudgementLine);
}

TEST(ReferralSummary, DraftsSayOnlyWhatTheAnswersSupport) {
  const auto v01 = golden_summary("v01_labour_hungarian_man", Variant::full);
  const auto* start = draft(v01, "exploitation_start");
  ASSERT_NE(start, nullptr);
  EXPECT_EQ(start->text,
            "The screening recorded that someone offered them work, a better life or a relationship; what they "
            "were told about the work, pay, papers or life here was not true; someone brought them, or set up "
            "their travel, from another country; they must pay back the cost of their travel; and the person in "
            "control also decides where they live.");
  EXPECT_EQ(start->box, "How did the exploitation start?");
  EXPECT_EQ(start->limit, 15000);
  // Items that hold "and" are kept apart with semicolons (UK pack 1.1 asks how it started in one list).
  EXPECT_NE(start->text.find("; and the person in control"), std::string::npos);
  EXPECT_EQ(draft(v01, "journeys")->text, "It happened in the UK.");
  // "don't know" answers become what is not known, never a guess.
  EXPECT_NE(draft(v01, "required_to_do")->text.find("It is not known what would happen if they said no"),
            std::string::npos);
  EXPECT_NE(draft(v01, "situation")->text.find("other people, or children, are still in the same situation"),
            std::string::npos);

  const auto v05 = golden_summary("v05_sexual_exploitation_albanian_woman", Variant::full);
  // A box takes only the part of an answer that speaks to it: V05's "How are things now?" says nothing
  // about other victims, so neither does that box.
  EXPECT_EQ(draft(v05, "other_victims")->text, "The screening recorded nothing for this box.");
  EXPECT_EQ(draft(v01, "other_victims")->text, "Other people, or children, are still in the same situation.");
  EXPECT_EQ(draft(v05, "exploitation_start")->text.find("the pay"), std::string::npos);
  EXPECT_NE(draft(v05, "exploitation_start")->text.find("a relationship"), std::string::npos);
  // Not asked once sexual exploitation is shown (UK pack 1.1): the draft says so.
  EXPECT_EQ(draft(v05, "living_conditions")->text,
            "It is not known what their living and working conditions are like (not asked, as other answers "
            "already decided it).");
}

TEST(ReferralSummary, WithNoAnswersEveryDraftSaysWhatIsNotKnown) {
  const auto& pack = uk_pack();
  const rules::AnswerSet none(pack.questions.size());
  const auto s = report::build_summary(case_facts(pack), pack, none, rules::assess(pack, none), Variant::full);
  int drafts = 0;
  for (const auto& sec : s.sections) {
    for (const auto& d : sec.drafts) {
      ++drafts;
      EXPECT_EQ(d.text.find("The screening recorded that"), std::string::npos) << d.id << ": " << d.text;
      EXPECT_EQ(d.text.find("turned out to be untrue."), std::string::npos) << d.id;
      const bool says_unknown = d.text.find("not known") != std::string::npos ||
                                d.text.find("found no") != std::string::npos ||
                                d.text.find("found none") != std::string::npos;
      EXPECT_TRUE(says_unknown) << d.id << ": " << d.text;
    }
  }
  EXPECT_EQ(drafts, static_cast<int>(pack.referral.drafts.size()));
}

TEST(ReferralSummary, HandoverHasNeedsRisksAndOrganisationsButNoLegalReasoning) {
  const auto s = golden_summary("v05_sexual_exploitation_albanian_woman", Variant::handover, "private note");
  const auto ids = section_ids(s);
  for (const char* gone : {"indicators", "professional", "exploitation_start", "journeys", "treatment"})
    EXPECT_EQ(std::find(ids.begin(), ids.end(), gone), ids.end()) << gone;
  for (const char* kept : {"support", "last_contact", "steps", "interview"})
    EXPECT_NE(std::find(ids.begin(), ids.end(), kept), ids.end()) << kept;
  EXPECT_TRUE(s.indicators.empty());
  EXPECT_TRUE(s.band_explain.empty());
  for (const auto& sec : s.sections) EXPECT_TRUE(sec.drafts.empty()) << sec.id;
  for (const auto& st : s.steps) EXPECT_TRUE(st.why.empty()) << st.id;
  EXPECT_FALSE(s.organisations.empty());
  const std::string text = report::render(s, Format::text);
  for (const char* legal : {"Because:", "UNVERIFIED", "Means: present", "MSA s.", "private note", "DRAFT"})
    EXPECT_EQ(text.find(legal), std::string::npos) << legal << " in:\n" << text;
  EXPECT_NE(text.find("A safe place to stay tonight"), std::string::npos);
  EXPECT_NE(text.find("They are afraid of being harmed or used again"), std::string::npos) << text;
}

TEST(ReferralSummary, DutyToNotifyHoldsNoCanaryInAnyFormat) {
  const auto& pack = canary_pack();
  const auto answers = canary_answers();
  const auto assessment = rules::assess(pack, answers);
  auto facts = case_facts(pack, kCanaryNote);
  facts.screened_by = "CANARY-ACCOUNT";
  const auto dtn = report::build_summary(facts, pack, answers, assessment, Variant::dtn);
  for (Format f : {Format::text, Format::markdown, Format::json}) {
    const std::string out = report::render(dtn, f);
    EXPECT_EQ(canaries_in(out, pack.sha256), std::vector<std::string>{}) << report::to_string(f) << ":\n" << out;
    EXPECT_NE(out.find(dtn.band_heading), std::string::npos);
  }
  // The planted values are really there to be found: the full summary shows the notes, the date of
  // birth and the age (free text stays out of every summary).
  const auto full = report::build_summary(facts, pack, answers, assessment, Variant::full);
  const auto found = canaries_in(report::render(full, Format::text), pack.sha256);
  for (const char* c : {"CANARY", kCanaryDob, kCanaryAge})
    EXPECT_NE(std::find(found.begin(), found.end(), c), found.end()) << c;
  EXPECT_EQ(std::find(found.begin(), found.end(), kCanaryName), found.end());
}

TEST(ReferralSummary, DutyToNotifyOfAChildSaysToUseTheFullSummary) {
  const auto s = golden_summary("v03_county_lines_boy", Variant::dtn);
  EXPECT_TRUE(s.treated_as_child);
  EXPECT_TRUE(std::any_of(s.notices.begin(), s.notices.end(),
                          [](const std::string& n) { return n.find("use the full summary") != std::string::npos; }));
}

TEST(ReferralSummary, HtcdsValuesFollowThePackMapping) {
  const auto s = golden_summary("v01_labour_hungarian_man", Variant::full);
  const auto json = report::summary_to_json(s);
  const auto& fields = json["htcds"]["fields"];
  EXPECT_EQ(fields["vic_TraffickingStatus"], nlohmann::ordered_json::array({"PossibleVictimOfTrafficking"}));
  EXPECT_EQ(fields["vic_TypeOfExploitation"], nlohmann::ordered_json::array({"ForcedLabour"}));
  EXPECT_EQ(fields["vic_TraffickingStatusDecisionMakingOrg"], nlohmann::ordered_json::array({"Police"}));
  // Gender is asked only in Scotland and Northern Ireland, where adult support depends on it.
  EXPECT_FALSE(fields.contains("prs_Gender"));
  EXPECT_EQ(report::summary_to_json(golden_summary("s09_ni_man_fishing_labour_consent", Variant::full))["htcds"]
                ["fields"]["prs_Gender"],
            nlohmann::ordered_json::array({"Masculine"}));
  EXPECT_EQ(fields["vic_MethodsOfControl"],
            nlohmann::ordered_json::array({"DebtBondage", "WithholdsDocuments", "FalsePromises", "ExcessiveWorkingHours"}));
  const auto none = golden_summary("s26_england_warehouse_poor_but_free_control", Variant::full);
  EXPECT_FALSE(report::summary_to_json(none)["htcds"]["fields"].contains("vic_TraffickingStatus"));
}

TEST(ReferralSummary, FileNameHoldsOnlyReferenceAndVariant) {
  const auto s = golden_summary("v01_labour_hungarian_man", Variant::dtn);
  EXPECT_EQ(report::export_file_name(s, Format::pdf), "WM-TEST-0001-dtn.pdf");
  EXPECT_EQ(report::export_file_name(s, Format::markdown), "WM-TEST-0001-dtn.md");
}

// Every variant of every scenario, in every core format, names the band, each step and each organisation.
TEST(ReferralSummary, EveryVariantAndFormatCarriesBandStepsAndOrganisations) {
  for (const char* name : kScenarios) {
    for (Variant v : {Variant::full, Variant::dtn, Variant::handover}) {
      const auto s = golden_summary(name, v);
      ASSERT_FALSE(s.steps.empty()) << name;
      for (Format f : {Format::text, Format::markdown, Format::json}) {
        const std::string out = report::render(s, f);
        const std::string what = std::string(name) + " " + std::string(report::to_string(v)) + " " +
                                 std::string(report::to_string(f));
        EXPECT_NE(out.find(s.band_heading), std::string::npos) << what;
        EXPECT_NE(out.find(std::string(report::kMarking)), std::string::npos) << what;
        EXPECT_NE(out.find(s.reference), std::string::npos) << what;
        for (const auto& st : s.steps) EXPECT_NE(out.find(st.title), std::string::npos) << what << ": " << st.title;
        for (const auto& o : s.organisations) EXPECT_NE(out.find(o.name), std::string::npos) << what << ": " << o.name;
      }
    }
  }
}

// Each JSON export validates against the published schema, checked by an independent validator
// (python3-jsonschema); a broken document must fail, so the check itself is shown to bite.
TEST(ReferralJson, EveryExportValidatesAgainstTheSchema) {
  const auto dir = std::filesystem::temp_directory_path() / ("waymark-schema-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::vector<std::string> files;
  const auto save = [&](const std::string& name, const std::string& text) {
    const auto path = dir / name;
    std::ofstream(path) << text;
    files.push_back(path.string());
  };
  for (const char* name : kScenarios)
    for (Variant v : {Variant::full, Variant::dtn, Variant::handover})
      save(std::string(name) + "-" + std::string(report::to_string(v)) + ".json",
           report::render(golden_summary(name, v), Format::json));
  const std::string validate = std::string(WAYMARK_PYTHON) + " " + WAYMARK_SCHEMA_CHECK + " " + WAYMARK_SCHEMA;
  std::string all;
  for (const auto& f : files) all += " " + f;
  EXPECT_EQ(std::system((validate + all).c_str()), 0);

  auto broken = report::summary_to_json(golden_summary("v01_labour_hungarian_man", Variant::dtn));
  broken.erase("reference");
  broken["sections"][0]["entries"][0]["value"] = 7;
  save("broken.json", broken.dump());
  EXPECT_NE(std::system((validate + " " + files.back() + " 2>/dev/null").c_str()), 0);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace waymark::test

namespace waymark::test {
namespace {

// A case screened under another pack, or another copy of the same one, says so: its stored result may
// not be the one this summary shows.
TEST(ReferralSummary, APackChangedSinceScreeningIsNamed) {
  const auto& pack = uk_pack();
  const auto answers = golden_answers(pack, "v01_labour_hungarian_man");
  const auto notice_of = [&](const report::CaseFacts& f) {
    const auto s = report::build_summary(f, pack, answers, rules::assess(pack, answers), report::Variant::full);
    std::string all;
    for (const auto& n : s.notices) all += n + "\n";
    return all;
  };
  auto facts = case_facts(pack);
  EXPECT_EQ(notice_of(facts).find("may differ"), std::string::npos);
  facts.pack_sha256 = std::string(64, '0');
  EXPECT_NE(notice_of(facts).find("The rule pack's files have changed since the case was screened"), std::string::npos);
  facts.pack_version = "0.9.0";
  EXPECT_NE(notice_of(facts).find("The case was screened under rule pack uk-screening 0.9.0"), std::string::npos);
}

}  // namespace
}  // namespace waymark::test
