#pragma once
// Checks of the whole pack once every condition is compiled: orders the evaluation graph so that
// each node comes after what it reads, reports cycles, and reports questions that can never be shown.
#include <unordered_map>
#include <vector>

#include "rules/load_error.h"
#include "rules/rule_pack.h"

namespace waymark::rules {

// Position of a node in one flat numbering: questions, then facts, indicators, the three elements.
[[nodiscard]] std::size_t graph_slot(const RulePack& pack, Node node);

// Fills pack.evaluation_order; reports cycles and never-shown questions.
void order_and_check_graph(RulePack& pack, const std::vector<std::vector<Node>>& reads,
                           const std::unordered_map<int, std::vector<double>>& number_constants,
                           LoadErrors& errors);

}  // namespace waymark::rules
