#include "report/case_export.h"

#include <nlohmann/json.hpp>

#include "rules/answers_json.h"

namespace waymark::report {

CaseSummary summarise_record(const store::CaseRecord& r, const rules::RulePack& pack, Variant variant) {
  CaseSummary out;
  rules::AnswerSet answers(pack.questions.size());
  for (const auto& saved : r.answers) {
    const int q = pack.question_index(saved.question_id);
    if (q < 0) {
      out.not_in_pack.push_back(saved.question_id);
      continue;
    }
    std::string error;
    const auto value = nlohmann::json::parse(saved.value_json, nullptr, false);
    auto a = value.is_discarded() ? std::nullopt
                                  : rules::answer_from_json(pack.questions[static_cast<std::size_t>(q)], value, error);
    if (!a) {
      out.not_valid.push_back(saved.question_id);
      continue;
    }
    answers.set(q, std::move(*a));
  }
  CaseFacts facts;
  facts.reference = r.summary.reference;
  facts.status = std::string(store::to_string(r.summary.status));
  facts.screened_by = r.summary.owner_name;
  facts.created_ms = r.summary.created_ms;
  facts.updated_ms = r.summary.updated_ms;
  facts.pack_id = r.summary.pack.id;
  facts.pack_version = r.summary.pack.version;
  facts.pack_sha256 = r.summary.pack.sha256;
  facts.notes = r.notes;
  out.summary = build_summary(facts, pack, answers, rules::assess(pack, answers), variant);
  const auto name = [](const std::vector<std::string>& ids) {
    std::string s;
    for (const auto& id : ids) s += (s.empty() ? "" : ", ") + id;
    return s;
  };
  if (!out.not_in_pack.empty())
    out.summary.notices.push_back("Answers saved to questions this rule pack does not have were left out: " +
                                  name(out.not_in_pack) + ".");
  if (!out.not_valid.empty())
    out.summary.notices.push_back("Answers this rule pack no longer accepts were left out: " + name(out.not_valid) + ".");
  return out;
}

CaseSummary summarise_case(store::CaseStore& store, std::int64_t case_id, const rules::RulePack& pack,
                           Variant variant) {
  return summarise_record(store.cases().export_record(case_id), pack, variant);
}

}  // namespace waymark::report
