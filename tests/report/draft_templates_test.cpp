// The loader's checks on drafted-paragraph templates: a template that names something the pack does not
// have is refused with file:line:col, so a question renamed elsewhere can never leave a draft saying
// the wrong thing.
#include <gtest/gtest.h>

#include <map>

#include "report_support.h"

namespace waymark::test {
namespace {

// The UK pack with one more included file, served from memory.
rules::LoadResult uk_pack_with(const std::string& extra) {
  const std::filesystem::path main = WAYMARK_UK_PACK;
  return rules::load_rule_pack(main, [&](const std::filesystem::path& p) -> std::optional<std::string> {
    if (p.filename() == "extra.yaml") return extra;
    auto text = rules::read_file(p);
    if (text && p == main) {
      const auto at = text->find("include:\n");
      if (at == std::string::npos) return std::nullopt;
      text->insert(at + 9, "  - extra.yaml\n");
    }
    return text;
  });
}

std::string first_error(const rules::LoadResult& r) {
  if (r.errors.empty()) return "(no error)";
  auto e = r.errors.front();
  e.where.file = std::filesystem::path(e.where.file).filename().string();
  return e.to_string();
}

TEST(DraftTemplates, UkPackHasADraftForEveryBoxItInforms) {
  const auto& pack = uk_pack();
  ASSERT_FALSE(pack.referral.drafts.empty());
  for (const char* id : {"background", "exploitation_start", "journeys", "required_to_do", "living_conditions",
                         "how_treated", "situation", "last_contact", "indicators", "interview", "professional",
                         "other_victims"}) {
    EXPECT_TRUE(std::any_of(pack.referral.drafts.begin(), pack.referral.drafts.end(),
                            [&](const auto& d) { return d.id == id; }))
        << id;
  }
  for (const auto& d : pack.referral.drafts) {
    EXPECT_FALSE(d.box.empty()) << d.id;
    EXPECT_EQ(d.limit, 15000) << d.id;  // every box of the online form (nrm-form.md, section 1)
  }
}

TEST(DraftTemplates, ValidExtraTemplateLoads) {
  const auto r = uk_pack_with(R"(drafts:
  - id: extra
    section: background
    box: Extra
    step: extra
    limit: 100
    sentences:
      - answer: person.gender
        chosen: "They describe their gender as {choices}."
        options: {female: female}
        unknown: Not known.
)");
  EXPECT_TRUE(r.pack) << first_error(r);
}

struct BadCase {
  const char* name;
  const char* yaml;
  const char* error;
};

class BadTemplate : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadTemplate, IsRefusedWithItsPlace) {
  const auto r = uk_pack_with(GetParam().yaml);
  EXPECT_FALSE(r.pack);
  EXPECT_EQ(first_error(r), GetParam().error);
}


INSTANTIATE_TEST_SUITE_P(
    Loader, BadTemplate,
    ::testing::Values(
        BadCase{"unknown_question",
                "drafts:\n  - id: x\n    section: background\n    box: B\n    step: s\n    limit: 10\n    sentences:\n"
                "      - {answer: person.shoe_size, unknown: Not known.}\n",
                "extra.yaml:8:18: unknown question 'person.shoe_size'"},
        BadCase{"unknown_indicator",
                "drafts:\n  - id: x\n    section: background\n    box: B\n    step: s\n    limit: 10\n    sentences:\n"
                "      - {indicators: [means_gone], found: \"{list}\"}\n",
                "extra.yaml:8:23: unknown indicator 'means_gone'"},
        BadCase{"unknown_option",
                "drafts:\n  - id: x\n    section: background\n    box: B\n    step: s\n    limit: 10\n    sentences:\n"
                "      - answer: person.gender\n        chosen: \"{choices}\"\n        options: {purple: p}\n"
                "        unknown: Not known.\n",
                "extra.yaml:10:19: question 'person.gender' has no option 'purple'"},
        BadCase{"no_unknown",
                "drafts:\n  - id: x\n    section: background\n    box: B\n    step: s\n    limit: 10\n    sentences:\n"
                "      - {answer: consent.cooperate, yes: Helps.}\n",
                "extra.yaml:8:9: draft sentence for 'consent.cooperate' has no 'unknown': a draft must say what is not known"},
        BadCase{"yes_on_choice",
                "drafts:\n  - id: x\n    section: background\n    box: B\n    step: s\n    limit: 10\n    sentences:\n"
                "      - {answer: person.gender, yes: Y, unknown: U}\n",
                "extra.yaml:8:38: 'yes' is for yes_no questions; 'person.gender' is single_choice"},
        BadCase{"value_on_choice",
                "drafts:\n  - id: x\n    section: background\n    box: B\n    step: s\n    limit: 10\n    sentences:\n"
                "      - {answer: person.gender, value: \"{value}\", unknown: U}\n",
                "extra.yaml:8:40: 'value' is for number or date questions; 'person.gender' is single_choice"},
        BadCase{"unknown_placeholder",
                "drafts:\n  - id: x\n    section: background\n    box: B\n    step: s\n    limit: 10\n    sentences:\n"
                "      - {answer: person.gender, chosen: \"Aged {age}.\", unknown: U}\n",
                "extra.yaml:8:41: unknown placeholder '{age}' in draft text"},
        BadCase{"unknown_section",
                "drafts:\n  - id: x\n    section: hobbies\n    box: B\n    step: s\n    limit: 10\n    sentences: []\n",
                "extra.yaml:3:14: unknown summary section 'hobbies'"},
        BadCase{"no_limit",
                "drafts:\n  - id: x\n    section: background\n    box: B\n    step: s\n    sentences: []\n",
                "extra.yaml:2:5: draft 'x' has no 'limit' (the characters the box takes)"},
        // extra.yaml is read first, so the pack's own draft is the duplicate.
        BadCase{"duplicate_id",
                "drafts:\n  - id: background\n    section: background\n    box: B\n    step: s\n    limit: 10\n"
                "    sentences: []\n",
                "drafts.yaml:28:9: duplicate draft id 'background'"},
        BadCase{"placement_unknown_question",
                "summary:\n  - {section: support, questions: [support.wishes]}\n",
                "extra.yaml:2:36: unknown question 'support.wishes'"},
        BadCase{"htcds_unknown_type",
                "htcds:\n  - {field: vic_TypeOfExploitation, type: piracy, value: Other}\n",
                "extra.yaml:2:43: unknown exploitation type 'piracy'"},
        BadCase{"htcds_choice_without_option",
                "htcds:\n  - {field: prs_Gender, answer: person.gender, value: Other}\n",
                "extra.yaml:2:5: an HTCDS mapping of a choice question needs 'option'"}),
    [](const auto& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace waymark::test
