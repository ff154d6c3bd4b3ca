#pragma once
// Conditions (enable_when, indicator and fact tests, element, band, pathway and signpost rules),
// compiled into one flat pool. A condition refers to questions, facts, indicators and elements by
// index; the loader has resolved every id. "Not asked", "don't know" and "no" are distinct.
#include <cstdint>
#include <vector>

#include "rules/statuses.h"

namespace waymark::rules {

using ConditionRef = std::int32_t;
inline constexpr ConditionRef kAlways = -1;  // no condition: always holds

enum class ConditionOp : std::uint8_t {
  all,
  any,
  negate,
  answer,           // a test on the answer to a shown question
  fact,             // a named fact holds
  indicator,        // an indicator was found
  indicator_count,  // at least `min` of the listed indicators were found
  element,          // a legal element's status is in `mask`
  band,             // the band is in `mask` (pathway and signpost rules only)
  pathway,          // a pathway is recommended (signpost rules only)
};

enum class AnswerTest : std::uint8_t {
  answered,           // a real value was given (not "don't know" / "prefer not to say")
  unanswered,         // not shown, or shown and not answered yet
  dont_know,
  prefer_not_to_say,
  is_yes,
  is_no,
  choice_any,         // single or multiple choice: any option in `mask` chosen
  choice_all,         // multiple choice: every option in `mask` chosen
  number_lt,
  number_le,
  number_gt,
  number_ge,
  number_eq,
};

struct Condition {
  ConditionOp op = ConditionOp::all;
  AnswerTest test = AnswerTest::answered;
  std::int32_t ref = -1;        // question, fact, indicator, element or pathway index
  std::uint64_t mask = 0;       // options, element statuses or bands (bit = enum value)
  double number = 0;            // number tests
  std::int32_t min = 1;         // indicator_count
  std::int32_t first_child = 0; // into ConditionPool::children
  std::int32_t child_count = 0;
};

struct ConditionPool {
  std::vector<Condition> nodes;
  std::vector<std::int32_t> children;  // condition refs (all/any/negate) or indicator indices (count)
};

// A node of the evaluation graph; the loader orders them so that dependencies come first.
enum class NodeKind : std::uint8_t { question, fact, indicator, element };
struct Node {
  NodeKind kind;
  std::int32_t index;
};

}  // namespace waymark::rules
