#include "report/assessment_text.h"

#include <sstream>

#include "report/reasons.h"
#include "report/wording.h"

namespace waymark::report {
namespace {

// The screen summary is for acting on: the first steps in full, the rest by title; the reasons for
// every step and the sources of every indicator are in the JSON and the exported summaries.
constexpr std::size_t kDoNow = 4;

void reasons(std::ostringstream& out, const rules::RulePack& pack, const rules::AnswerSet& answers,
             const std::vector<rules::Reason>& because, const char* indent) {
  for (const auto& r : unique(because)) out << indent << "- " << reason_words(pack, answers, r) << "\n";
}

bool main_element_is(const rules::Indicator& ind, rules::IndicatorElement e) {
  return !ind.elements.empty() && ind.elements.front() == e;
}

// Each indicator once, under its main element, with a visible UNVERIFIED mark.
bool list_indicators(std::ostringstream& out, const rules::RulePack& pack, const rules::Assessment& a,
                     rules::IndicatorElement e) {
  bool any = false;
  for (const auto& f : a.indicators) {
    const auto& ind = pack.indicators[static_cast<std::size_t>(f.index)];
    if (!main_element_is(ind, e)) continue;
    out << "    - " << ind.text << (is_unverified(ind) ? " (UNVERIFIED)" : "") << "\n";
    any = true;
  }
  return any;
}

rules::IndicatorElement as_indicator_element(rules::LegalElement e) {
  switch (e) {
    case rules::LegalElement::action: return rules::IndicatorElement::action;
    case rules::LegalElement::means: return rules::IndicatorElement::means;
    case rules::LegalElement::purpose: return rules::IndicatorElement::purpose;
  }
  return rules::IndicatorElement::action;
}

}  // namespace

// In the order a responder acts: the band (danger first), child or adult, what to do now, who to
// contact, and then why.
std::string assessment_to_text(const rules::RulePack& pack, const rules::AnswerSet& answers,
                               const rules::Assessment& a) {
  std::ostringstream out;
  out << "Waymark screening summary (rule pack " << pack.id << " " << pack.version << ")\n"
      << "This supports your decision; it does not make it.\n\n";
  out << band_heading(a.band) << "\n";
  out << "  " << pack.band_rules[static_cast<std::size_t>(a.band_rule)].explain << "\n";

  out << "\nTreated as " << (a.treated_as_child ? "a child" : "an adult") << "\n";
  reasons(out, pack, answers, a.child_because, "  ");

  out << "\nDo now\n";
  for (std::size_t i = 0; i < a.pathways.size() && i < kDoNow; ++i) {
    const auto& p = pack.pathways[static_cast<std::size_t>(a.pathways[i].index)];
    out << "  " << i + 1 << ". " << p.title << "\n     " << p.action << "\n";
  }
  if (a.pathways.size() > kDoNow) {
    out << "Then\n";
    for (std::size_t i = kDoNow; i < a.pathways.size(); ++i) {
      const auto& p = pack.pathways[static_cast<std::size_t>(a.pathways[i].index)];
      out << "  " << i + 1 << ". " << p.title << "\n     " << p.action << "\n";
    }
  }

  if (!a.signposts.empty()) {
    out << "\nContacts (re-check before you use them)\n";
    for (const auto& f : a.signposts) {
      const auto& o = pack.organisations[static_cast<std::size_t>(f.index)];
      out << "  - " << o.name << ": " << o.contact << " (checked " << o.checked << ")\n";
    }
  }

  out << "\nWhy\n";
  const std::size_t who = a.treated_as_child ? 1 : 0;
  for (rules::LegalElement e : rules::kLegalElements) {
    const auto& f = a.elements[static_cast<std::size_t>(e)];
    const auto& rule = pack.element_rules[who][static_cast<std::size_t>(e)][static_cast<std::size_t>(f.rule)];
    out << "  " << to_string(e) << ": " << to_string(f.status) << " - " << rule.explain << "\n";
    if (e == rules::LegalElement::purpose && f.status == rules::ElementStatus::absent) {
      // Signs listed under a Purpose that is absent must say why they do not count.
      std::ostringstream signs;
      if (list_indicators(signs, pack, a, rules::IndicatorElement::purpose))
        out << "    These signs were found but do not count as exploitation on these answers:\n" << signs.str();
    } else {
      list_indicators(out, pack, a, as_indicator_element(e));
    }
  }
  std::ostringstream other;
  const bool vulnerable = list_indicators(other, pack, a, rules::IndicatorElement::vulnerability);
  const bool child = list_indicators(other, pack, a, rules::IndicatorElement::child);
  if (vulnerable || child) out << "  other signs:\n" << other.str();
  if (!a.exploitation_types.empty()) {
    out << "  kinds of exploitation:";
    for (std::size_t i = 0; i < a.exploitation_types.size(); ++i)
      out << (i ? ", " : " ")
          << pack.exploitation_types[static_cast<std::size_t>(a.exploitation_types[i].index)].title;
    out << "\n";
  }
  bool any_unverified = false;
  for (const auto& f : a.indicators)
    any_unverified = any_unverified || is_unverified(pack.indicators[static_cast<std::size_t>(f.index)]);
  if (any_unverified) out << "  UNVERIFIED: not checked against the primary source.\n";

  if (!a.unanswered.empty())
    out << "\n" << a.unanswered.size() << " of " << a.questions_shown
        << " questions shown are not answered yet; the result may change when they are.\n";
  out << "\nEvery reason and source: waymark-cli screen --format json, or the exported summary.\n";
  return out.str();
}

}  // namespace waymark::report
