#include "rules/evaluation.h"

namespace waymark::rules {
namespace {

constexpr std::uint64_t bit(unsigned i) { return std::uint64_t{1} << i; }

Reason element_reason(const Evaluation& e, int element) {
  return {Reason::Kind::element, element, false,
          static_cast<std::uint8_t>(e.elements[static_cast<std::size_t>(element)])};
}

// Records what a condition reads, used to explain a negation ("not consented" names the answer).
void add_references(const RulePack& pack, const Evaluation& e, ConditionRef ref,
                    std::vector<Reason>& because) {
  if (ref == kAlways) return;
  const Condition& c = pack.conditions.nodes[static_cast<std::size_t>(ref)];
  switch (c.op) {
    case ConditionOp::all:
    case ConditionOp::any:
    case ConditionOp::negate:
      for (int i = 0; i < c.child_count; ++i)
        add_references(pack, e, pack.conditions.children[static_cast<std::size_t>(c.first_child + i)], because);
      return;
    case ConditionOp::answer:
      // A question that is not shown explains nothing ("could they be under 18?" for a 34-year-old).
      if (e.visible[static_cast<std::size_t>(c.ref)]) because.push_back({Reason::Kind::answer, c.ref});
      return;
    case ConditionOp::fact: because.push_back({Reason::Kind::fact, c.ref}); return;
    case ConditionOp::indicator: because.push_back({Reason::Kind::indicator, c.ref}); return;
    case ConditionOp::indicator_count: return;  // "none of these found" names nothing found
    case ConditionOp::element: because.push_back(element_reason(e, c.ref)); return;
    case ConditionOp::band: because.push_back({Reason::Kind::band, e.band_rule}); return;
    case ConditionOp::pathway: because.push_back({Reason::Kind::pathway, c.ref}); return;
  }
}

class Evaluator {
 public:
  Evaluator(const RulePack& pack, const AnswerSet& answers, Evaluation& out)
      : pack_(pack), answers_(answers), out_(out) {}

  // Does the condition hold? When `because` is set, appends what made it hold (only if it holds).
  bool holds(ConditionRef ref, std::vector<Reason>* because) const {
    if (ref == kAlways) return true;
    const Condition& c = pack_.conditions.nodes[static_cast<std::size_t>(ref)];
    switch (c.op) {
      case ConditionOp::all: return all(c, because);
      case ConditionOp::any: return any(c, because);
      case ConditionOp::negate: {
        const bool inner = holds(child(c, 0), nullptr);
        if (!inner && because) {
          const auto mark = because->size();
          add_references(pack_, out_, child(c, 0), *because);
          for (auto r = because->begin() + static_cast<std::ptrdiff_t>(mark); r != because->end(); ++r)
            r->negated = !r->negated;
        }
        return !inner;
      }
      case ConditionOp::answer: {
        const bool ok = answer_test(c);
        if (ok && because) because->push_back({Reason::Kind::answer, c.ref});
        return ok;
      }
      case ConditionOp::fact: return flag(out_.facts, c.ref, Reason::Kind::fact, because);
      case ConditionOp::indicator:
        return flag(out_.indicators, c.ref, Reason::Kind::indicator, because);
      case ConditionOp::indicator_count: {
        int found = 0;
        const auto mark = because ? because->size() : 0;
        for (int i = 0; i < c.child_count; ++i) {
          const int ind = child(c, i);
          if (out_.indicators[static_cast<std::size_t>(ind)]) {
            ++found;
            if (because) because->push_back({Reason::Kind::indicator, ind});
          }
        }
        if (found >= c.min) return true;
        if (because) because->resize(mark);
        return false;
      }
      case ConditionOp::element: {
        const bool ok = (c.mask & bit(static_cast<unsigned>(out_.elements[static_cast<std::size_t>(c.ref)]))) != 0;
        if (ok && because) because->push_back(element_reason(out_, c.ref));
        return ok;
      }
      case ConditionOp::band: {
        const bool ok = (c.mask & bit(static_cast<unsigned>(out_.band))) != 0;
        if (ok && because) because->push_back({Reason::Kind::band, out_.band_rule});
        return ok;
      }
      case ConditionOp::pathway: return flag(out_.pathways, c.ref, Reason::Kind::pathway, because);
    }
    return false;
  }

  // Evaluates `when` and stores its reasons in out_.reasons; returns whether it held.
  bool holds_recorded(ConditionRef when, ReasonSpan& span) {
    span.begin = static_cast<std::uint32_t>(out_.reasons.size());
    const bool ok = holds(when, &out_.reasons);
    if (!ok) out_.reasons.resize(span.begin);
    span.end = static_cast<std::uint32_t>(out_.reasons.size());
    return ok;
  }

  void node(const Node& n) {
    const auto i = static_cast<std::size_t>(n.index);
    switch (n.kind) {
      case NodeKind::question:
        out_.visible[i] = holds(pack_.questions[i].enable_when, nullptr);
        return;
      case NodeKind::fact: out_.facts[i] = holds_recorded(pack_.facts[i].when, out_.fact_because[i]); return;
      case NodeKind::indicator:
        out_.indicators[i] = holds_recorded(pack_.indicators[i].when, out_.indicator_because[i]);
        return;
      case NodeKind::element: {
        const auto& rules = pack_.element_rules[out_.treated_as_child(pack_) ? 1 : 0][i];
        for (std::size_t r = 0; r < rules.size(); ++r) {
          if (holds_recorded(rules[r].when, out_.element_because[i])) {
            out_.elements[i] = rules[r].outcome;
            out_.element_rule[i] = static_cast<int>(r);
            return;
          }
        }
        return;  // unreachable: the loader makes the last rule unconditional
      }
    }
  }

  void outcomes() {
    for (std::size_t r = 0; r < pack_.band_rules.size(); ++r) {
      if (holds_recorded(pack_.band_rules[r].when, out_.band_because)) {
        out_.band = pack_.band_rules[r].outcome;
        out_.band_rule = static_cast<int>(r);
        break;
      }
    }
    for (std::size_t t = 0; t < pack_.exploitation_types.size(); ++t)
      out_.types[t] = pack_.exploitation_types[t].reported &&
                      holds_recorded(pack_.exploitation_types[t].when, out_.type_because[t]);
    for (std::size_t p = 0; p < pack_.pathways.size(); ++p)
      out_.pathways[p] = holds_recorded(pack_.pathways[p].when, out_.pathway_because[p]);
    for (std::size_t s = 0; s < pack_.signposts.size(); ++s)
      out_.signposts[s] = holds_recorded(pack_.signposts[s].when, out_.signpost_because[s]);
  }

 private:
  [[nodiscard]] int child(const Condition& c, int i) const {
    return pack_.conditions.children[static_cast<std::size_t>(c.first_child + i)];
  }

  bool all(const Condition& c, std::vector<Reason>* because) const {
    const auto mark = because ? because->size() : 0;
    for (int i = 0; i < c.child_count; ++i) {
      if (!holds(child(c, i), because)) {
        if (because) because->resize(mark);
        return false;
      }
    }
    return true;
  }

  // Every true branch is explained, so the trail shows all the reasons, not only the first.
  bool any(const Condition& c, std::vector<Reason>* because) const {
    bool ok = false;
    for (int i = 0; i < c.child_count; ++i) {
      if (holds(child(c, i), because)) {
        ok = true;
        if (!because) return true;
      }
    }
    return ok;
  }

  static bool flag(const std::vector<char>& values, int index, Reason::Kind kind,
                   std::vector<Reason>* because) {
    const bool ok = values[static_cast<std::size_t>(index)] != 0;
    if (ok && because) because->push_back({kind, index});
    return ok;
  }

  [[nodiscard]] bool answer_test(const Condition& c) const {
    const Answer* a = out_.visible[static_cast<std::size_t>(c.ref)] ? answers_.get(c.ref) : nullptr;
    if (c.test == AnswerTest::unanswered) return a == nullptr;
    if (a == nullptr) return false;
    switch (c.test) {
      case AnswerTest::answered: return a->is_value();
      case AnswerTest::unanswered: return false;
      case AnswerTest::dont_know: return a->kind == Answer::Kind::dont_know;
      case AnswerTest::prefer_not_to_say: return a->kind == Answer::Kind::prefer_not_to_say;
      default: break;
    }
    if (!a->is_value()) return false;
    switch (c.test) {
      case AnswerTest::is_yes: return a->yes;
      case AnswerTest::is_no: return !a->yes;
      case AnswerTest::choice_any: return (a->choices & c.mask) != 0;
      case AnswerTest::choice_all: return (a->choices & c.mask) == c.mask;
      case AnswerTest::number_lt: return a->number < c.number;
      case AnswerTest::number_le: return a->number <= c.number;
      case AnswerTest::number_gt: return a->number > c.number;
      case AnswerTest::number_ge: return a->number >= c.number;
      case AnswerTest::number_eq: return a->number == c.number;
      default: return false;
    }
  }

  const RulePack& pack_;
  const AnswerSet& answers_;
  Evaluation& out_;
};

void reset(const RulePack& pack, Evaluation& out) {
  out.visible.assign(pack.questions.size(), 0);
  out.facts.assign(pack.facts.size(), 0);
  out.indicators.assign(pack.indicators.size(), 0);
  out.pathways.assign(pack.pathways.size(), 0);
  out.signposts.assign(pack.signposts.size(), 0);
  out.types.assign(pack.exploitation_types.size(), 0);
  out.type_because.assign(pack.exploitation_types.size(), {});
  out.reasons.clear();
  out.fact_because.assign(pack.facts.size(), {});
  out.indicator_because.assign(pack.indicators.size(), {});
  out.pathway_because.assign(pack.pathways.size(), {});
  out.signpost_because.assign(pack.signposts.size(), {});
  out.element_because = {};
  out.elements = {ElementStatus::unknown, ElementStatus::unknown, ElementStatus::unknown};
  out.element_rule = {-1, -1, -1};
  out.band = Band::none;
  out.band_rule = -1;
  out.band_because = {};
}

}  // namespace

void evaluate_graph(const RulePack& pack, const AnswerSet& answers, Evaluation& out) {
  reset(pack, out);
  Evaluator evaluator(pack, answers, out);
  for (const Node& n : pack.evaluation_order) evaluator.node(n);
}

std::vector<Reason> why_not(const RulePack& pack, const Evaluation& evaluation,
                            ConditionRef condition) {
  std::vector<Reason> out;
  add_references(pack, evaluation, condition, out);
  for (Reason& r : out) r.negated = !r.negated;
  return out;
}

void evaluate_all(const RulePack& pack, const AnswerSet& answers, Evaluation& out) {
  evaluate_graph(pack, answers, out);
  Evaluator(pack, answers, out).outcomes();
}

}  // namespace waymark::rules
