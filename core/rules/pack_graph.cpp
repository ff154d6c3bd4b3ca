#include "rules/pack_graph.h"

#include <algorithm>
#include <functional>
#include <set>

#include "rules/evaluation.h"

namespace waymark::rules {
namespace {

constexpr std::size_t kMaxProbes = 1024;  // answer combinations tried per question; more is skipped

std::string describe(const RulePack& pack, Node n) {
  const auto i = static_cast<std::size_t>(n.index);
  switch (n.kind) {
    case NodeKind::question: return "question '" + pack.questions[i].id + "'";
    case NodeKind::fact: return "fact '" + pack.facts[i].id + "'";
    case NodeKind::indicator: return "indicator '" + pack.indicators[i].id + "'";
    case NodeKind::element:
      return "element '" + std::string(to_string(static_cast<LegalElement>(n.index))) + "'";
  }
  return {};
}

SourceLocation location(const RulePack& pack, Node n) {
  const auto i = static_cast<std::size_t>(n.index);
  switch (n.kind) {
    case NodeKind::question: return pack.questions[i].where;
    case NodeKind::fact: return pack.facts[i].where;
    case NodeKind::indicator: return pack.indicators[i].where;
    case NodeKind::element: {
      const auto& rules = pack.element_rules[0][i];
      return rules.empty() ? SourceLocation{} : rules.front().where;
    }
  }
  return {};
}

Node node_at(const RulePack& pack, std::size_t slot) {
  const std::size_t q = pack.questions.size(), f = pack.facts.size(), ind = pack.indicators.size();
  if (slot < q) return {NodeKind::question, static_cast<std::int32_t>(slot)};
  if (slot < q + f) return {NodeKind::fact, static_cast<std::int32_t>(slot - q)};
  if (slot < q + f + ind) return {NodeKind::indicator, static_cast<std::int32_t>(slot - q - f)};
  return {NodeKind::element, static_cast<std::int32_t>(slot - q - f - ind)};
}

// The answers worth trying for a question when probing whether another question can be shown.
std::vector<std::optional<Answer>> probe_answers(const Question& q, const std::vector<double>* numbers) {
  std::vector<std::optional<Answer>> out{std::nullopt};
  if (q.offer_dont_know) out.push_back(Answer{.kind = Answer::Kind::dont_know});
  if (q.offer_prefer_not_to_say) out.push_back(Answer{.kind = Answer::Kind::prefer_not_to_say});
  switch (q.type) {
    case AnswerType::yes_no:
      out.push_back(Answer{.yes = true});
      out.push_back(Answer{.yes = false});
      break;
    case AnswerType::single_choice:
    case AnswerType::multiple_choice:
      for (std::size_t i = 0; i < q.options.size(); ++i)
        out.push_back(Answer{.choices = std::uint64_t{1} << i});
      if (q.type == AnswerType::multiple_choice && q.options.size() > 1)
        out.push_back(Answer{.choices = q.options.size() == 64 ? ~std::uint64_t{0}
                                                               : (std::uint64_t{1} << q.options.size()) - 1});
      break;
    case AnswerType::number:
      out.push_back(Answer{.number = std::max(q.min, 0.0)});
      if (numbers)
        for (double c : *numbers)
          for (double d : {c - 1, c, c + 1})
            if (d >= q.min && d <= q.max) out.push_back(Answer{.number = d});
      break;
    case AnswerType::date: out.push_back(Answer{.text = "2000-01-01"}); break;
    case AnswerType::free_text: out.push_back(Answer{.text = "text"}); break;
  }
  return out;
}

}  // namespace

std::size_t graph_slot(const RulePack& pack, Node node) {
  const auto i = static_cast<std::size_t>(node.index);
  switch (node.kind) {
    case NodeKind::question: return i;
    case NodeKind::fact: return pack.questions.size() + i;
    case NodeKind::indicator: return pack.questions.size() + pack.facts.size() + i;
    case NodeKind::element:
      return pack.questions.size() + pack.facts.size() + pack.indicators.size() + i;
  }
  return 0;
}

void order_and_check_graph(RulePack& pack, const std::vector<std::vector<Node>>& reads,
                           const std::unordered_map<int, std::vector<double>>& number_constants,
                           LoadErrors& errors) {
  const std::size_t n = reads.size();
  enum Colour : char { white, grey, black };
  std::vector<Colour> colour(n, white);
  std::vector<std::size_t> stack;  // the current path, to name a cycle
  pack.evaluation_order.clear();
  const std::size_t errors_before = errors.size();

  // Depth-first, dependencies first; iterative over an explicit stack so no pack can overflow ours.
  for (std::size_t start = 0; start < n; ++start) {
    if (colour[start] != white) continue;
    std::vector<std::pair<std::size_t, std::size_t>> work{{start, 0}};
    colour[start] = grey;
    stack.push_back(start);
    while (!work.empty()) {
      auto& [slot, next] = work.back();
      if (next < reads[slot].size()) {
        const std::size_t dep = graph_slot(pack, reads[slot][next++]);
        if (colour[dep] == white) {
          colour[dep] = grey;
          stack.push_back(dep);
          work.emplace_back(dep, 0);
        } else if (colour[dep] == grey) {
          const auto from = std::find(stack.begin(), stack.end(), dep);
          std::string path;
          for (auto it = from; it != stack.end(); ++it) path += describe(pack, node_at(pack, *it)) + " -> ";
          path += describe(pack, node_at(pack, dep));
          errors.push_back({location(pack, node_at(pack, dep)), "cycle in conditions: " + path});
        }
        continue;
      }
      colour[slot] = black;
      pack.evaluation_order.push_back(node_at(pack, slot));
      stack.pop_back();
      work.pop_back();
    }
  }
  if (errors.size() != errors_before) return;

  // A question can never be shown if no combination of answers to what its enable_when reads
  // (directly or through facts, indicators and elements) makes it true.
  Evaluation evaluation;
  for (std::size_t qi = 0; qi < pack.questions.size(); ++qi) {
    if (pack.questions[qi].enable_when == kAlways) continue;
    std::set<std::size_t> seen;
    std::vector<std::size_t> todo{qi};
    std::vector<int> inputs;
    while (!todo.empty()) {
      const std::size_t slot = todo.back();
      todo.pop_back();
      for (const Node& dep : reads[slot]) {
        const std::size_t d = graph_slot(pack, dep);
        if (!seen.insert(d).second) continue;
        if (dep.kind == NodeKind::question) inputs.push_back(dep.index);
        todo.push_back(d);
      }
    }
    std::vector<std::vector<std::optional<Answer>>> domains;
    std::size_t combinations = 1;
    for (int input : inputs) {
      const auto it = number_constants.find(input);
      domains.push_back(probe_answers(pack.questions[static_cast<std::size_t>(input)],
                                      it == number_constants.end() ? nullptr : &it->second));
      combinations *= domains.back().size();
      if (combinations > kMaxProbes) break;
    }
    if (combinations > kMaxProbes) continue;  // too many to try; trust the author
    bool shown = false;
    std::vector<std::size_t> pick(inputs.size(), 0);
    for (std::size_t c = 0; c < combinations && !shown; ++c) {
      AnswerSet answers(pack.questions.size());
      for (std::size_t k = 0; k < inputs.size(); ++k)
        if (const auto& a = domains[k][pick[k]]) answers.set(inputs[k], *a);
      evaluate_graph(pack, answers, evaluation);
      shown = evaluation.visible[qi] != 0;
      for (std::size_t k = 0; k < pick.size(); ++k) {  // next combination
        if (++pick[k] < domains[k].size()) break;
        pick[k] = 0;
      }
    }
    if (!shown)
      errors.push_back({pack.questions[qi].where,
                        "question '" + pack.questions[qi].id +
                            "' can never be shown: no answers make its enable_when true"});
  }
}

}  // namespace waymark::rules
