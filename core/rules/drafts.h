#pragma once
// Drafted-paragraph templates of a rule pack (docs/referral-summaries.md): for each free-text box of
// the referral form that a screening informs, sentences chosen by the answers, indicators and element
// statuses. They live in the pack so a safeguarding lead can reword them and another country can have
// its own. Read by draft_templates.cpp; turned into paragraphs by report/drafts.cpp.
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace waymark::rules {

// The referral summary sections a draft may belong to, in the order of the online NRM form.
inline constexpr std::array<std::string_view, 19> kSummarySections{
    "organisation", "age",         "background",  "exploitation_start", "journeys",
    "treatment",    "situation",   "last_contact", "indicators",        "interview",
    "professional", "others_involved", "location", "types",             "other_victims",
    "consent",      "support",     "steps",       "rule_pack"};

struct DraftSentence {
  enum class Kind { answer, indicators, element };
  Kind kind = Kind::answer;

  // answer: the question and what to say for each kind of answer. Empty text says nothing.
  int question = -1;
  std::string yes, no;              // yes/no questions
  std::string chosen;               // choice questions: "{choices}" is the options chosen, joined
  std::vector<std::string> words;   // per option: how it reads in {choices}; empty = the option text
  std::vector<std::string> alone;   // per option: a sentence of its own instead ("none of these")
  std::string value;                // number and date questions: "{value}"; identifying, so never in dtn
  std::string unknown;              // "don't know", not answered; required: a draft says what is not known
  std::string declined;             // "prefer not to say"; empty = `unknown`
  std::string hidden;               // the question was not shown; usually empty

  // indicators: the found ones among `indicators` (all of them if empty) as "{list}" in `found`.
  std::vector<int> indicators;
  std::string found, none;

  // element: one sentence per ElementStatus (present, partial, absent, unknown, not_required).
  int element = 0;
  std::array<std::string, 5> by_status;
};

struct DraftTemplate {
  std::string id;
  std::string section;  // one of kSummarySections
  std::string box;      // the form's box, as the responder sees it
  std::string step;     // the form's step (page slug), to find the box
  int limit = 0;        // characters the box takes
  std::vector<DraftSentence> sentences;
  std::string not_covered;  // what the box asks that a screening does not ask
};

// Which answers a summary section lists, in order ("summary:" in the pack).
struct SummaryPlacement {
  std::string section;         // one of kSummarySections
  std::vector<int> questions;  // indices into RulePack::questions
};

// One value of an HTCDS v2 field that a summary exports when its source holds: an exploitation type
// indicated, or an option chosen (a yes for yes/no questions). docs/referral-summaries.md has the table.
struct HtcdsRule {
  std::string field, value;
  int type = -1;      // index into RulePack::exploitation_types, or -1
  int question = -1;  // index into RulePack::questions, or -1
  int option = -1;    // the option chosen; -1 with a yes/no question means "yes"
};

struct ReferralTemplates {
  std::vector<DraftTemplate> drafts;
  std::vector<SummaryPlacement> placements;
  std::vector<HtcdsRule> htcds;
};

}  // namespace waymark::rules
