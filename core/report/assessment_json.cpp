#include "report/assessment_json.h"

#include "report/reasons.h"
#include "report/wording.h"
#include "rules/answers_json.h"

namespace waymark::report {

using json = nlohmann::ordered_json;

namespace {
json because(const rules::RulePack& pack, const rules::AnswerSet& answers,
             const std::vector<rules::Reason>& reasons) {
  json out = json::array();
  for (const auto& r : unique(reasons)) out.push_back(reason_code(pack, answers, r));
  return out;
}
}  // namespace

json assessment_to_json(const rules::RulePack& pack, const rules::AnswerSet& answers,
                        const rules::Assessment& a) {
  json out;
  out["format"] = kAssessmentFormat;
  out["rule_pack"] = {{"id", pack.id}, {"version", pack.version}, {"sha256", pack.sha256}};
  out["treated_as_child"] = a.treated_as_child;
  // The option chosen for the pack's nation question (statistics: nation), or null.
  out["nation"] = nullptr;
  if (pack.nation_question >= 0)
    if (const rules::Answer* n = answers.get(pack.nation_question); n != nullptr && n->is_value()) {
      const auto& options = pack.questions[static_cast<std::size_t>(pack.nation_question)].options;
      for (std::size_t i = 0; i < options.size() && i < 64; ++i)
        if (n->choices & (std::uint64_t{1} << i)) out["nation"] = options[i].value;
    }
  out["band"] = to_string(a.band);
  json elements = json::object();
  for (rules::LegalElement e : rules::kLegalElements) {
    const auto& f = a.elements[static_cast<std::size_t>(e)];
    elements[std::string(to_string(e))] = {{"status", to_string(f.status)},
                                           {"because", because(pack, answers, f.because)}};
  }
  out["elements"] = elements;
  json types = json::array();
  for (const auto& f : a.exploitation_types)
    types.push_back(pack.exploitation_types[static_cast<std::size_t>(f.index)].id);
  out["exploitation_types"] = types;
  json indicators = json::array();
  for (const auto& f : a.indicators) {
    const auto& ind = pack.indicators[static_cast<std::size_t>(f.index)];
    indicators.push_back({{"id", ind.id},
                          {"text", ind.text},
                          {"element", to_string(ind.elements.front())},
                          {"grade", to_string(ind.grade)},
                          {"grade_verified", ind.grade_verified},
                          {"verified", ind.verified},
                          {"source", source_of(pack, ind)},
                          {"because", because(pack, answers, f.because)}});
  }
  out["indicators"] = indicators;
  json pathways = json::array();
  for (const auto& f : a.pathways) {
    const auto& p = pack.pathways[static_cast<std::size_t>(f.index)];
    pathways.push_back({{"id", p.id},
                        {"title", p.title},
                        {"action", p.action},
                        {"because", because(pack, answers, f.because)}});
  }
  out["pathways"] = pathways;
  json signposts = json::array();
  for (const auto& f : a.signposts) {
    const auto& o = pack.organisations[static_cast<std::size_t>(f.index)];
    json why = json::array();
    for (int r : f.rules) why.push_back(pack.signposts[static_cast<std::size_t>(r)].why);
    signposts.push_back({{"id", o.id},
                         {"name", o.name},
                         {"contact", o.contact},
                         {"web", o.web},
                         {"serves", o.serves},
                         {"why", why},
                         {"checked", o.checked},
                         {"because", because(pack, answers, f.because)}});
  }
  out["signposts"] = signposts;
  out["questions_shown"] = a.questions_shown;
  json unanswered = json::array();
  for (int q : a.unanswered) unanswered.push_back(pack.questions[static_cast<std::size_t>(q)].id);
  out["unanswered"] = unanswered;
  json explanation = json::array();
  for (const auto& step : a.explanation)
    explanation.push_back({{"rule", step.rule},
                           {"conclusion", step.conclusion},
                           {"because", because(pack, answers, step.because)}});
  out["explanation"] = explanation;
  // What every reader must be told, whatever renders this JSON.
  out["notices"] = assessment_notices(pack, a);
  return out;
}

json questions_to_json(const rules::RulePack& pack, const rules::AnswerSet& answers,
                       const std::vector<int>& shown) {
  json out = json::array();
  for (int qi : shown) {
    const auto& q = pack.questions[static_cast<std::size_t>(qi)];
    json options = json::array();
    for (const auto& o : q.options) options.push_back({{"value", o.value}, {"text", o.text}});
    json offers = json::array();
    if (q.offer_dont_know) offers.push_back("dont_know");
    if (q.offer_prefer_not_to_say) offers.push_back("prefer_not_to_say");
    json item = {{"id", q.id},
                 {"section", pack.sections[static_cast<std::size_t>(q.section)].id},
                 {"text", q.text},
                 {"help", q.help},
                 {"ask", q.ask},
                 {"type", to_string(q.type)},
                 {"options", options},
                 {"offers", offers}};
    if (const rules::Answer* a = answers.get(qi)) item["answer"] = json(rules::answer_to_json(q, *a));
    out.push_back(item);
  }
  return out;
}

}  // namespace waymark::report
