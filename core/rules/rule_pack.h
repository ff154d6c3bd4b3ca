#pragma once
// The in-memory form of a rule pack: questions, indicators, facts, element rules, outcome rules and
// signposting, with every condition compiled to indices so that assessing is a walk over arrays.
// Built only by load_rule_pack(), which has already checked every reference.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "rules/condition.h"
#include "rules/drafts.h"

namespace waymark::rules {

struct SourceLocation {
  std::string file;
  int line = 0;  // 1-based
  int column = 0;
};

enum class AnswerType { yes_no, single_choice, multiple_choice, number, date, free_text };
enum class LegalElement { action, means, purpose };
inline constexpr std::array kLegalElements{LegalElement::action, LegalElement::means,
                                           LegalElement::purpose};
enum class IndicatorElement { action, means, purpose, vulnerability, child };
enum class Grade { strong, medium, weak, none };

struct Source {
  std::string id, title, url;
};

struct Section {
  std::string id, title;
};

struct Option {
  std::string value, text;
};

struct Question {
  std::string id;
  int section = 0;
  std::string text, help;
  std::string ask;  // "ask it like this": words a responder can read out or give to an interpreter
  AnswerType type = AnswerType::yes_no;
  std::vector<Option> options;  // choice questions only; at most 64
  bool offer_dont_know = false;
  bool offer_prefer_not_to_say = false;
  double min = -1e300, max = 1e300;  // number questions
  ConditionRef enable_when = kAlways;
  SourceLocation where;
};

struct Fact {
  std::string id, text;
  std::string text_when_false;  // how a reason reads when the fact does not hold (optional)
  ConditionRef when = kAlways;
  SourceLocation where;
};

struct Indicator {
  std::string id, text;
  std::vector<IndicatorElement> elements;  // first is the main one
  std::vector<int> types;                  // indices into RulePack::exploitation_types
  Grade grade = Grade::none;
  bool grade_verified = false;
  int source = 0;  // index into RulePack::sources
  std::string source_ref;  // e.g. "§9"
  bool verified = false;   // wording checked against the primary source
  ConditionRef when = kAlways;
  SourceLocation where;
};

// A kind of exploitation. Indicators are tagged with types; a type is reported as indicated when its
// `when` holds. A type without `when` only tags indicators and is never reported.
struct ExploitationType {
  std::string id, title;
  ConditionRef when = kAlways;
  bool reported = false;
  SourceLocation where;
};

// One line of an ordered rule list: the first rule whose condition holds decides.
template <class Outcome>
struct OrderedRule {
  std::string id;
  Outcome outcome{};
  ConditionRef when = kAlways;
  std::string explain;
  SourceLocation where;
};

using ElementRule = OrderedRule<ElementStatus>;
using BandRule = OrderedRule<Band>;

struct Pathway {
  std::string id, title, action;
  bool emergency_guidance = false;  // shown at once by the app's "Danger now" action, whatever the answers
  ConditionRef when = kAlways;
  SourceLocation where;
};

struct Organisation {
  std::string id, name, contact, web, serves, source, checked;
  SourceLocation where;
};

struct SignpostRule {
  std::string id;
  int organisation = 0;
  int priority = 0;
  std::string why;
  ConditionRef when = kAlways;
  SourceLocation where;
};

struct RulePack {
  int format = 1;
  std::string id, version, jurisdiction, title;
  std::string sha256;  // of every file the pack was read from, in reading order
  std::vector<Source> sources;
  std::vector<Section> sections;
  std::vector<ExploitationType> exploitation_types;
  std::vector<Question> questions;  // in the order they are asked
  std::vector<Fact> facts;
  std::vector<Indicator> indicators;
  // [0] adults, [1] children; each indexed by LegalElement
  std::array<std::array<std::vector<ElementRule>, 3>, 2> element_rules;
  std::vector<BandRule> band_rules;
  std::vector<Pathway> pathways;
  std::vector<Organisation> organisations;
  std::vector<SignpostRule> signposts;
  ReferralTemplates referral;  // drafted paragraphs and answer placement for summaries (rules/drafts.h)
  int treated_as_child_fact = -1;  // the fact every pack must define
  int nation_question = -1;        // statistics: {nation: ...}: the answer cases are counted under by nation

  ConditionPool conditions;
  std::vector<Node> evaluation_order;  // questions, facts, indicators, elements: dependencies first

  [[nodiscard]] int question_index(std::string_view question_id) const;
};

[[nodiscard]] std::string_view to_string(AnswerType);
[[nodiscard]] std::string_view to_string(LegalElement);
[[nodiscard]] std::string_view to_string(IndicatorElement);
[[nodiscard]] std::string_view to_string(ElementStatus);
[[nodiscard]] std::string_view to_string(Band);
[[nodiscard]] std::string_view to_string(Grade);

}  // namespace waymark::rules
