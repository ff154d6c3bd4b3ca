#include "rules/assessment.h"

#include <algorithm>

namespace waymark::rules {
namespace {

std::vector<Reason> span(const Evaluation& e, ReasonSpan s) {
  return {e.reasons.begin() + s.begin, e.reasons.begin() + s.end};
}

}  // namespace

Assessment assess(const RulePack& pack, const AnswerSet& answers) {
  Evaluation e;
  evaluate_all(pack, answers, e);
  Assessment a;
  const auto child_fact = static_cast<std::size_t>(pack.treated_as_child_fact);
  a.treated_as_child = e.facts[child_fact] != 0;
  a.child_because = a.treated_as_child
                        ? span(e, e.fact_because[child_fact])
                        : why_not(pack, e, pack.facts[child_fact].when);
  a.explanation.push_back({ExplanationStep::Kind::child, pack.facts[child_fact].id,
                           a.treated_as_child ? "treated as a child" : "treated as an adult",
                           a.child_because});

  for (std::size_t i = 0; i < pack.indicators.size(); ++i)
    if (e.indicators[i]) a.indicators.push_back({static_cast<int>(i), span(e, e.indicator_because[i])});

  const std::size_t who = a.treated_as_child ? 1 : 0;
  for (LegalElement el : kLegalElements) {
    const auto i = static_cast<std::size_t>(el);
    a.elements[i] = {e.elements[i], e.element_rule[i], span(e, e.element_because[i])};
    a.explanation.push_back({ExplanationStep::Kind::element,
                             pack.element_rules[who][i][static_cast<std::size_t>(e.element_rule[i])].id,
                             std::string(to_string(el)) + ": " + std::string(to_string(e.elements[i])),
                             a.elements[i].because});
  }

  for (std::size_t t = 0; t < pack.exploitation_types.size(); ++t) {
    if (!e.types[t]) continue;
    a.exploitation_types.push_back({static_cast<int>(t), span(e, e.type_because[t])});
    a.explanation.push_back({ExplanationStep::Kind::exploitation_type, pack.exploitation_types[t].id,
                             "exploitation type: " + pack.exploitation_types[t].title,
                             a.exploitation_types.back().because});
  }

  a.band = e.band;
  a.band_rule = e.band_rule;
  a.band_because = span(e, e.band_because);
  a.explanation.push_back({ExplanationStep::Kind::band,
                           pack.band_rules[static_cast<std::size_t>(e.band_rule)].id,
                           "band: " + std::string(to_string(e.band)), a.band_because});

  for (std::size_t p = 0; p < pack.pathways.size(); ++p) {
    if (!e.pathways[p]) continue;
    a.pathways.push_back({static_cast<int>(p), span(e, e.pathway_because[p])});
    a.explanation.push_back({ExplanationStep::Kind::pathway, pack.pathways[p].id,
                             "pathway: " + pack.pathways[p].title, a.pathways.back().because});
  }

  // One entry per organisation, ranked by its best matching rule; reasons of every rule kept.
  std::vector<int> best(pack.organisations.size(), -1);
  std::vector<std::vector<Reason>> org_because(pack.organisations.size());
  std::vector<std::vector<int>> org_rules(pack.organisations.size());
  for (std::size_t s = 0; s < pack.signposts.size(); ++s) {
    if (!e.signposts[s]) continue;
    const SignpostRule& rule = pack.signposts[s];
    const auto o = static_cast<std::size_t>(rule.organisation);
    if (best[o] < 0 || rule.priority > pack.signposts[static_cast<std::size_t>(best[o])].priority)
      best[o] = static_cast<int>(s);
    const auto because = span(e, e.signpost_because[s]);
    org_because[o].insert(org_because[o].end(), because.begin(), because.end());
    org_rules[o].push_back(static_cast<int>(s));
    a.explanation.push_back({ExplanationStep::Kind::signpost, rule.id,
                             "signpost: " + pack.organisations[o].name, because});
  }
  for (auto& rules : org_rules)  // best first, as the summary lists them
    std::stable_sort(rules.begin(), rules.end(), [&](int x, int y) {
      return pack.signposts[static_cast<std::size_t>(x)].priority >
             pack.signposts[static_cast<std::size_t>(y)].priority;
    });
  for (std::size_t o = 0; o < best.size(); ++o)
    if (best[o] >= 0)
      a.signposts.push_back({static_cast<int>(o), std::move(org_because[o]), std::move(org_rules[o])});
  std::stable_sort(a.signposts.begin(), a.signposts.end(), [&](const Finding& x, const Finding& y) {
    return pack.signposts[static_cast<std::size_t>(best[static_cast<std::size_t>(x.index)])].priority >
           pack.signposts[static_cast<std::size_t>(best[static_cast<std::size_t>(y.index)])].priority;
  });

  for (std::size_t q = 0; q < pack.questions.size(); ++q) {
    if (!e.visible[q]) continue;
    ++a.questions_shown;
    if (!answers.get(static_cast<int>(q))) a.unanswered.push_back(static_cast<int>(q));
  }
  return a;
}

}  // namespace waymark::rules
