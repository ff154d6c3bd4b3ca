#include "report/reasons.h"

#include <algorithm>

#include "rules/answers_json.h"

namespace waymark::report {

using rules::Reason;

namespace {
std::string answer_value(const rules::RulePack& pack, const rules::AnswerSet& answers, int q) {
  const rules::Answer* a = answers.get(q);
  if (!a) return "not answered";
  return rules::answer_to_text(pack.questions[static_cast<std::size_t>(q)], *a);
}
}  // namespace

std::string reason_code(const rules::RulePack& pack, const rules::AnswerSet& answers,
                        const Reason& r) {
  if (r.negated && r.kind != Reason::Kind::answer) {
    Reason plain = r;
    plain.negated = false;
    return "not " + reason_code(pack, answers, plain);
  }
  const auto i = static_cast<std::size_t>(r.index);
  switch (r.kind) {
    case Reason::Kind::answer: {
      const rules::Answer* a = answers.get(r.index);
      const auto& q = pack.questions[i];
      return "answer " + q.id + " = " +
             (a ? (q.type == rules::AnswerType::free_text && a->is_value()
                       ? std::string("(free text)")
                       : rules::answer_to_json(q, *a).dump())
                : std::string("not answered"));
    }
    case Reason::Kind::fact: return "fact " + pack.facts[i].id;
    case Reason::Kind::indicator: return "indicator " + pack.indicators[i].id;
    case Reason::Kind::element:
      return "element " + std::string(to_string(static_cast<rules::LegalElement>(r.index))) + " " +
             std::string(to_string(static_cast<rules::ElementStatus>(r.detail)));
    case Reason::Kind::band: return "band rule " + pack.band_rules[i].id;
    case Reason::Kind::pathway: return "pathway " + pack.pathways[i].id;
  }
  return {};
}

std::string reason_words(const rules::RulePack& pack, const rules::AnswerSet& answers,
                         const Reason& r) {
  const auto i = static_cast<std::size_t>(r.index);
  if (r.negated && r.kind == Reason::Kind::fact && !pack.facts[i].text_when_false.empty())
    return pack.facts[i].text_when_false;
  if (r.negated && r.kind != Reason::Kind::answer) {
    Reason plain = r;
    plain.negated = false;
    return "Not so: " + reason_words(pack, answers, plain);
  }
  switch (r.kind) {
    case Reason::Kind::answer:
      return "\"" + pack.questions[i].text + "\" - " + answer_value(pack, answers, r.index);
    case Reason::Kind::fact: return pack.facts[i].text;
    case Reason::Kind::indicator: return pack.indicators[i].text;
    case Reason::Kind::element:
      return std::string(to_string(static_cast<rules::LegalElement>(r.index))) + ": " +
             std::string(to_string(static_cast<rules::ElementStatus>(r.detail)));
    case Reason::Kind::band: return pack.band_rules[i].explain;
    case Reason::Kind::pathway: return pack.pathways[i].title;
  }
  return {};
}

std::vector<Reason> unique(const std::vector<Reason>& reasons) {
  std::vector<Reason> out;
  for (const Reason& r : reasons)
    if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
  return out;
}

}  // namespace waymark::report
