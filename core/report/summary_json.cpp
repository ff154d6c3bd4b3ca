// The referral summary as JSON, format 1 (docs/referral-json.schema.json, docs/referral-summaries.md).
#include "report/summary_render.h"

namespace waymark::report {

using json = nlohmann::ordered_json;

json summary_to_json(const ReferralSummary& s) {
  json out;
  out["kind"] = "waymark-referral-summary";
  out["format"] = kReferralFormat;
  out["variant"] = std::string(to_string(s.variant));
  out["marking"] = std::string(kMarking);
  out["title"] = s.title;
  out["purpose"] = s.purpose;
  out["reference"] = s.reference;
  out["screened_on"] = s.screened_on;
  out["updated_on"] = s.updated_on;
  out["band"] = {{"id", s.band}, {"heading", s.band_heading}, {"explain", s.band_explain}};
  out["treated_as_child"] = s.treated_as_child;
  out["exploitation_types"] = s.exploitation_types;
  json sections = json::array();
  for (const Section& sec : s.sections) {
    json entries = json::array();
    for (const Entry& e : sec.entries) entries.push_back({{"label", e.label}, {"value", e.value}});
    json drafts = json::array();
    for (const Draft& d : sec.drafts)
      drafts.push_back({{"id", d.id},
                        {"box", d.box},
                        {"form_step", d.step},
                        {"limit", d.limit},
                        {"draft", true},
                        {"over_limit", d.over_limit()},
                        {"text", d.text},
                        {"not_covered", d.not_covered}});
    sections.push_back({{"id", sec.id},
                        {"title", sec.title},
                        {"form_step", sec.form_step},
                        {"entries", entries},
                        {"bullets", sec.bullets},
                        {"lines", sec.lines},
                        {"drafts", drafts}});
  }
  out["sections"] = sections;
  json indicators = json::array();
  for (const auto& i : s.indicators)
    indicators.push_back({{"id", i.id},
                          {"text", i.text},
                          {"element", i.element},
                          {"grade", i.grade},
                          {"source", i.source},
                          {"unverified", i.unverified}});
  out["indicators"] = indicators;
  json steps = json::array();
  for (const auto& st : s.steps)
    steps.push_back({{"id", st.id}, {"title", st.title}, {"action", st.action}, {"why", st.why}});
  out["steps"] = steps;
  json orgs = json::array();
  for (const auto& o : s.organisations)
    orgs.push_back({{"id", o.id},
                    {"name", o.name},
                    {"contact", o.contact},
                    {"web", o.web},
                    {"checked", o.checked},
                    {"why", o.why}});
  out["organisations"] = orgs;
  json fields = json::object();
  for (const auto& h : s.htcds) fields[h.field] = h.values;
  out["htcds"] = {{"version", "2.0"}, {"fields", fields}};
  out["rule_pack"] = {{"id", s.pack_id}, {"version", s.pack_version}, {"sha256", s.pack_sha256}};
  out["notices"] = s.notices;
  out["judgement"] = std::string(kJudgementLine);
  return out;
}

}  // namespace waymark::report
