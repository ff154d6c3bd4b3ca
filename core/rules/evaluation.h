#pragma once
// Evaluates a rule pack's graph (which questions are shown, which facts hold, which indicators are
// found, each legal element's status) and then its outcome rules, recording for each conclusion the
// answers, facts and indicators that made it hold.
#include <array>
#include <cstdint>
#include <vector>

#include "rules/answers.h"
#include "rules/rule_pack.h"

namespace waymark::rules {

struct Reason {
  enum class Kind : std::uint8_t { answer, fact, indicator, element, band, pathway };
  Kind kind;
  std::int32_t index;
  bool negated = false;     // the reason is that this does NOT hold ("not treated as a child")
  std::uint8_t detail = 0;  // elements: the ElementStatus at the time
  friend bool operator==(const Reason&, const Reason&) = default;
};

// A range of Evaluation::reasons.
struct ReasonSpan {
  std::uint32_t begin = 0, end = 0;
};

struct Evaluation {
  std::vector<char> visible;     // per question
  std::vector<char> facts;       // per fact: holds
  std::vector<char> indicators;  // per indicator: found
  std::array<ElementStatus, 3> elements{};
  std::array<int, 3> element_rule{};
  Band band = Band::none;
  int band_rule = -1;
  std::vector<char> pathways;    // per pathway: recommended
  std::vector<char> signposts;   // per signpost rule: matched
  std::vector<char> types;       // per exploitation type: indicated

  // Why each conclusion holds; empty spans for what does not hold.
  std::vector<Reason> reasons;
  std::vector<ReasonSpan> fact_because, indicator_because, pathway_because, signpost_because,
      type_because;
  std::array<ReasonSpan, 3> element_because{};
  ReasonSpan band_because;

  [[nodiscard]] bool treated_as_child(const RulePack& pack) const {
    return facts[static_cast<std::size_t>(pack.treated_as_child_fact)] != 0;
  }
};

// Visibility, facts, indicators and elements only: what a session needs after every answer.
void evaluate_graph(const RulePack& pack, const AnswerSet& answers, Evaluation& out);

// What a condition that does not hold reads, each marked negated: why "not a child", for instance.
[[nodiscard]] std::vector<Reason> why_not(const RulePack& pack, const Evaluation& evaluation,
                                          ConditionRef condition);

// The whole evaluation: the graph, then band, pathways and signpost rules.
void evaluate_all(const RulePack& pack, const AnswerSet& answers, Evaluation& out);

}  // namespace waymark::rules
