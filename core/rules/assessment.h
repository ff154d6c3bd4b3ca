#pragma once
// assess(): a pure function from a rule pack and answers to an explained assessment. No I/O, no clock;
// the same answers under the same pack always give the same result.
#include <string>
#include <vector>

#include "rules/answers.h"
#include "rules/evaluation.h"
#include "rules/rule_pack.h"

namespace waymark::rules {

// A conclusion with the rule that reached it and what made that rule hold.
struct Finding {
  int index = -1;  // into the pack's list of that kind (indicator, pathway, organisation, ...)
  std::vector<Reason> because;
  std::vector<int> rules;  // signposts: the matching signpost rules, best first
};

struct ElementFinding {
  ElementStatus status = ElementStatus::unknown;
  int rule = -1;  // into pack.element_rules[child][element]
  std::vector<Reason> because;
};

// One step of the explanation trail, in the order a reader follows it.
struct ExplanationStep {
  enum class Kind { child, element, exploitation_type, band, pathway, signpost } kind;
  std::string rule;        // the id of the pack rule (fact, element rule, band rule, pathway, signpost)
  std::string conclusion;  // e.g. "means: present"
  std::vector<Reason> because;
};

struct Assessment {
  bool treated_as_child = false;
  std::vector<Reason> child_because;
  std::vector<Finding> indicators;          // found, in pack order
  std::array<ElementFinding, 3> elements;  // by LegalElement
  std::vector<Finding> exploitation_types;  // indicated, in pack order
  Band band = Band::none;
  int band_rule = -1;
  std::vector<Reason> band_because;
  std::vector<Finding> pathways;   // recommended, in pack order
  std::vector<Finding> signposts;  // organisations, best match first
  int questions_shown = 0;
  std::vector<int> unanswered;     // shown questions with no answer, in order
  std::vector<ExplanationStep> explanation;
};

[[nodiscard]] Assessment assess(const RulePack& pack, const AnswerSet& answers);

}  // namespace waymark::rules
