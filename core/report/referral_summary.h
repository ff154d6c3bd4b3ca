#pragma once
// ReferralSummary: what a caseworker sends on, built once from a case, its answers and assessment, and
// drawn on by every renderer (text, Markdown, JSON, PDF, the app's summary page), so the wording lives
// in one place. Sections follow the online NRM form (docs/referral-summaries.md).
//
// Variants decide what may leave the building:
//   full      NRM with consent, or child safeguarding: everything, including the responder's notes.
//   dtn       Duty to Notify for an adult who does not consent: no name, contact, date of birth, age,
//             free text, notes or screening account name; only what a DtN report may hold.
//   handover  for a support provider: needs, risks, organisations; no legal reasoning or indicators.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/answers.h"
#include "rules/assessment.h"
#include "rules/rule_pack.h"

namespace waymark::report {

enum class Variant { full, dtn, handover };
enum class Format { text, markdown, json, pdf };

[[nodiscard]] std::string_view to_string(Variant);
[[nodiscard]] std::string_view to_string(Format);
[[nodiscard]] std::optional<Variant> parse_variant(std::string_view);
[[nodiscard]] std::optional<Format> parse_format(std::string_view);  // text, md, json, pdf

inline constexpr int kReferralFormat = 1;
inline constexpr std::string_view kMarking = "OFFICIAL-SENSITIVE";
inline constexpr std::string_view kJudgementLine =
    "Waymark supports, and does not replace, the professional judgement of the responder.";

// What the summary needs of a stored case (store::CaseRecord carries it; report/case_summary.h).
struct CaseFacts {
  std::string reference;    // random, never derived from content
  std::string status;       // draft, submitted, ...
  std::string screened_by;  // the account that owns the case; full variant only
  std::int64_t created_ms = 0, updated_ms = 0;
  std::string pack_id, pack_version, pack_sha256;  // the pack the case was screened under
  std::string notes;                               // free text; full variant only
};

struct Entry {
  std::string label, value;
};

// A drafted paragraph for one box of the form, for the responder to check, correct and complete.
struct Draft {
  std::string id, box, step;
  int limit = 0;
  std::string text;         // the paragraph; never empty
  std::string not_covered;  // what the box asks that the screening did not
  [[nodiscard]] bool over_limit() const { return static_cast<int>(text.size()) > limit; }
};

struct Section {
  std::string id, title;
  std::string form_step;             // where this goes on the online form ("" if it has no page)
  std::vector<Entry> entries;        // answers and facts, label: value
  std::vector<std::string> bullets;  // findings, steps, organisations, reasons
  std::vector<std::string> lines;    // plain sentences (what is not recorded, where to put it)
  std::vector<Draft> drafts;
};

struct IndicatorItem {
  std::string id, text, element, grade, source;
  bool unverified = false;
};

struct Step {
  std::string id, title, action;
  std::vector<std::string> why;  // full and dtn only
};

struct OrganisationItem {
  std::string id, name, contact, web, checked;
  std::vector<std::string> why;
};

struct HtcdsValue {
  std::string field;
  std::vector<std::string> values;
};

struct ReferralSummary {
  Variant variant = Variant::full;
  std::string title;  // e.g. "NRM referral summary"
  std::string purpose;
  std::string reference;
  std::string screened_on, updated_on;  // YYYY-MM-DD (UTC)
  std::string band, band_heading, band_explain;
  bool treated_as_child = false;
  std::vector<std::string> exploitation_types;  // titles
  std::vector<Section> sections;                // in the order of the online NRM form
  std::vector<IndicatorItem> indicators;        // empty in handover
  std::vector<Step> steps;
  std::vector<OrganisationItem> organisations;
  std::vector<HtcdsValue> htcds;
  std::string pack_id, pack_version, pack_sha256;
  std::vector<std::string> notices;  // every reader must see these
};

// Builds the summary of `variant` from a case screened under `pack`: `answers` as stored, and
// `assessment` = rules::assess(pack, answers). Pure: no clock, no I/O.
[[nodiscard]] ReferralSummary build_summary(const CaseFacts& facts, const rules::RulePack& pack,
                                            const rules::AnswerSet& answers,
                                            const rules::Assessment& assessment, Variant variant);

// "WM-7K2M-9QXD-dtn.pdf": the case reference and variant only, never a person's details.
[[nodiscard]] std::string export_file_name(const ReferralSummary& summary, Format format);

}  // namespace waymark::report
