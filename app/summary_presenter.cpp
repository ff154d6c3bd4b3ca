#include "summary_presenter.h"

#include "report/reasons.h"
#include "report/wording.h"

namespace waymark::app {
namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }
QString q(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

QStringList because(const rules::RulePack& pack, const rules::AnswerSet& answers,
                    const std::vector<rules::Reason>& reasons) {
  QStringList out;
  for (const auto& r : report::unique(reasons)) out << q(report::reason_words(pack, answers, r));
  return out;
}

const char* element_title(rules::LegalElement e) {
  switch (e) {
    case rules::LegalElement::action: return "Action";
    case rules::LegalElement::means: return "Means";
    case rules::LegalElement::purpose: return "Purpose";
  }
  return "";
}

}  // namespace

QVariantList element_panel(const rules::RulePack& pack, const rules::AnswerSet& answers, const rules::Assessment& a) {
  QVariantList out;
  const std::size_t who = a.treated_as_child ? 1 : 0;
  for (rules::LegalElement e : rules::kLegalElements) {
    const auto& f = a.elements[static_cast<std::size_t>(e)];
    const auto& rules_for = pack.element_rules[who][static_cast<std::size_t>(e)];
    QVariantMap m;
    m["element"] = q(rules::to_string(e));
    m["title"] = QString::fromLatin1(element_title(e));
    m["status"] = q(rules::to_string(f.status));
    m["explain"] = f.rule >= 0 ? q(rules_for[static_cast<std::size_t>(f.rule)].explain) : QString();
    m["because"] = because(pack, answers, f.because);
    out << m;
  }
  return out;
}

QVariantMap summary_view(const rules::RulePack& pack, const rules::AnswerSet& answers, const rules::Assessment& a) {
  QVariantMap m;
  m["band"] = q(rules::to_string(a.band));
  m["heading"] = QString::fromUtf8(report::band_heading(a.band));
  m["explain"] = a.band_rule >= 0 ? q(pack.band_rules[static_cast<std::size_t>(a.band_rule)].explain) : QString();
  m["bandBecause"] = because(pack, answers, a.band_because);
  m["treatedAsChild"] = a.treated_as_child;
  m["childBecause"] = because(pack, answers, a.child_because);
  m["elements"] = element_panel(pack, answers, a);

  QVariantList steps;
  for (const auto& f : a.pathways) {
    const auto& p = pack.pathways[static_cast<std::size_t>(f.index)];
    steps << QVariantMap{{"id", q(p.id)}, {"title", q(p.title)}, {"action", q(p.action)},
                         {"because", because(pack, answers, f.because)}};
  }
  m["steps"] = steps;

  QVariantList orgs;
  for (const auto& f : a.signposts) {
    const auto& o = pack.organisations[static_cast<std::size_t>(f.index)];
    QStringList why;
    for (int r : f.rules) why << q(pack.signposts[static_cast<std::size_t>(r)].why);
    orgs << QVariantMap{{"id", q(o.id)},         {"name", q(o.name)},       {"contact", q(o.contact)},
                        {"web", q(o.web)},       {"checked", q(o.checked)}, {"serves", q(o.serves)},
                        {"why", why}};
  }
  m["organisations"] = orgs;

  QVariantList indicators;
  bool any_unverified = false;
  for (const auto& f : a.indicators) {
    const auto& ind = pack.indicators[static_cast<std::size_t>(f.index)];
    const bool unverified = report::is_unverified(ind);
    any_unverified = any_unverified || unverified;
    indicators << QVariantMap{{"text", q(ind.text)},
                              {"element", q(rules::to_string(ind.elements.front()))},
                              {"grade", ind.grade == rules::Grade::none ? QString() : q(rules::to_string(ind.grade))},
                              {"source", q(report::source_of(pack, ind))},
                              {"unverified", unverified}};
  }
  m["indicators"] = indicators;
  m["anyUnverified"] = any_unverified;

  QStringList types;
  for (const auto& f : a.exploitation_types)
    types << q(pack.exploitation_types[static_cast<std::size_t>(f.index)].title);
  m["types"] = types;

  QStringList notices;
  for (const auto& n : report::assessment_notices(pack, a)) notices << q(n);
  m["notices"] = notices;
  m["unanswered"] = static_cast<int>(a.unanswered.size());
  m["shown"] = a.questions_shown;

  QVariantList explanation;
  for (const auto& step : a.explanation)
    explanation << QVariantMap{{"rule", q(step.rule)}, {"conclusion", q(step.conclusion)},
                               {"because", because(pack, answers, step.because)}};
  m["explanation"] = explanation;
  m["packId"] = q(pack.id);
  m["packVersion"] = q(pack.version);
  return m;
}

QVariantList emergency_guidance(const rules::RulePack& pack) {
  QVariantList out;
  for (const auto& p : pack.pathways)
    if (p.emergency_guidance) out << QVariantMap{{"title", q(p.title)}, {"action", q(p.action)}};
  return out;
}

}  // namespace waymark::app
