#include "report/assessment_text.h"

#include <sstream>

#include "report/reasons.h"
#include "report/wording.h"

namespace waymark::report {
namespace {

void reasons(std::ostringstream& out, const rules::RulePack& pack, const rules::AnswerSet& answers,
             const std::vector<rules::Reason>& because, const char* indent) {
  for (const auto& r : unique(because)) out << indent << "- " << reason_words(pack, answers, r) << "\n";
}

}  // namespace

std::string assessment_to_text(const rules::RulePack& pack, const rules::AnswerSet& answers,
                               const rules::Assessment& a) {
  std::ostringstream out;
  out << "Waymark screening summary (rule pack " << pack.id << " " << pack.version << ")\n"
      << "This supports your decision; it does not make it.\n\n";
  out << band_heading(a.band) << "\n";
  out << "  " << pack.band_rules[static_cast<std::size_t>(a.band_rule)].explain << "\n";
  reasons(out, pack, answers, a.band_because, "    ");

  out << "\nTreated as: " << (a.treated_as_child ? "a child" : "an adult") << "\n";
  reasons(out, pack, answers, a.child_because, "    ");

  out << "\nLegal elements\n";
  const std::size_t who = a.treated_as_child ? 1 : 0;
  for (rules::LegalElement e : rules::kLegalElements) {
    const auto& f = a.elements[static_cast<std::size_t>(e)];
    const auto& rule = pack.element_rules[who][static_cast<std::size_t>(e)][static_cast<std::size_t>(f.rule)];
    out << "  " << to_string(e) << ": " << to_string(f.status) << " - " << rule.explain << "\n";
    reasons(out, pack, answers, f.because, "    ");
  }
  if (!a.exploitation_types.empty()) {
    out << "\nKinds of exploitation indicated:";
    for (std::size_t i = 0; i < a.exploitation_types.size(); ++i)
      out << (i ? ", " : " ")
          << pack.exploitation_types[static_cast<std::size_t>(a.exploitation_types[i].index)].title;
    out << "\n";
  }

  out << "\nNext steps\n";
  int n = 0;
  for (const auto& f : a.pathways) {
    const auto& p = pack.pathways[static_cast<std::size_t>(f.index)];
    out << "  " << ++n << ". " << p.title << "\n     " << p.action << "\n     Why:\n";
    reasons(out, pack, answers, f.because, "       ");
  }

  if (!a.signposts.empty()) {
    out << "\nOrganisations (re-check contact details before you use them)\n";
    for (const auto& f : a.signposts) {
      const auto& o = pack.organisations[static_cast<std::size_t>(f.index)];
      out << "  - " << o.name << ": " << o.contact << " (as published; checked " << o.checked << ")\n";
      for (int r : f.rules) out << "      " << pack.signposts[static_cast<std::size_t>(r)].why << "\n";
    }
  }

  if (!a.indicators.empty()) {
    out << "\nIndicators found (" << a.indicators.size() << ")\n";
    bool any_unverified = false;
    for (const auto& f : a.indicators) {
      const auto& ind = pack.indicators[static_cast<std::size_t>(f.index)];
      const bool unverified = is_unverified(ind);
      any_unverified = any_unverified || unverified;
      out << "  - " << ind.text << " [" << to_string(ind.elements.front());
      if (ind.grade != rules::Grade::none) out << ", " << to_string(ind.grade);
      out << (unverified ? ", UNVERIFIED" : "") << "; source: " << source_of(pack, ind) << "]\n";
    }
    if (any_unverified)
      out << "  Items marked UNVERIFIED could not be checked against their primary source.\n";
  }

  if (!a.unanswered.empty())
    out << "\n" << a.unanswered.size() << " of " << a.questions_shown
        << " questions shown are not answered yet; the result may change when they are.\n";
  return out.str();
}

}  // namespace waymark::report
