#pragma once
// Shared helpers for the referral-summary tests: the UK pack, golden scenarios as cases, and renderings.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "report/referral_summary.h"
#include "report/summary_render.h"
#include "rules/answers_json.h"
#include "rules/assessment.h"
#include "rules/pack_loader.h"

namespace waymark::test {

inline const rules::RulePack& uk_pack() {
  static const rules::RulePack pack = [] {
    auto r = rules::load_rule_pack(WAYMARK_UK_PACK);
    for (const auto& e : r.errors) ADD_FAILURE() << e.to_string();
    return r.pack.value_or(rules::RulePack{});
  }();
  return pack;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline rules::AnswerSet golden_answers(const rules::RulePack& pack, const std::string& name) {
  auto parsed = rules::answers_from_json_text(pack, read_text(std::string(WAYMARK_GOLDEN) + "/" + name + ".json"));
  for (const auto& e : parsed.errors) ADD_FAILURE() << name << ": " << e;
  return parsed.answers;
}

inline report::CaseFacts case_facts(const rules::RulePack& pack, std::string notes = {}) {
  report::CaseFacts f;
  f.reference = "WM-TEST-0001";
  f.status = "draft";
  f.screened_by = "responder1";
  f.created_ms = 1764583200000;  // 2025-12-01T10:00:00Z
  f.updated_ms = 1764586800000;
  f.pack_id = pack.id;
  f.pack_version = pack.version;
  f.pack_sha256 = pack.sha256;
  f.notes = std::move(notes);
  return f;
}

inline report::ReferralSummary golden_summary(const std::string& name, report::Variant v, std::string notes = {}) {
  const auto& pack = uk_pack();
  const auto answers = golden_answers(pack, name);
  return report::build_summary(case_facts(pack, std::move(notes)), pack, answers, rules::assess(pack, answers), v);
}

// The scenarios every format and variant is rendered for: an adult who consents, a child, an adult
// who refuses consent (Duty to Notify).
inline const char* const kScenarios[] = {"v01_labour_hungarian_man", "v03_county_lines_boy",
                                        "s12_england_police_man_refuses_dtn"};

}  // namespace waymark::test
