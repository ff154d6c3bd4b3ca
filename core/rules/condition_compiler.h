#pragma once
// Compiles a condition written in YAML (all / any / not, answer tests, facts, indicators, elements,
// bands, pathways) into the pack's condition pool, checking every id and value against the pack.
#include <string>
#include <unordered_map>
#include <vector>

#include "rules/rule_pack.h"
#include "rules/yaml_reader.h"

namespace waymark::rules {

using IdIndex = std::unordered_map<std::string, int>;

struct PackIds {
  IdIndex questions, facts, indicators, pathways, types;
};

// Where a condition stands decides what it may read: band and pathway tests need the outcome rules
// to have run, so they are allowed only in pathway and signpost rules.
struct ConditionScope {
  bool allow_band = false;
  bool allow_pathway = false;
};

class ConditionCompiler {
 public:
  ConditionCompiler(RulePack& pack, const PackIds& ids) : pack_(pack), ids_(ids) {}

  // Compiles `node`; records the graph nodes it reads in `reads`. Returns kAlways on error (after
  // reporting it), so loading can go on and report more problems.
  ConditionRef compile(const YAML::Node& node, const YamlReader& reader, ConditionScope scope,
                       std::vector<Node>& reads);

  // Number constants each question is compared with, used to probe reachability.
  [[nodiscard]] const std::unordered_map<int, std::vector<double>>& number_constants() const {
    return constants_;
  }

 private:
  ConditionRef compile_at(const YAML::Node& node, int depth);
  ConditionRef group(const YAML::Node& list, ConditionOp op, int depth);
  ConditionRef answer(const YAML::Node& node);
  ConditionRef indicator_count(const YAML::Node& node);
  ConditionRef element(const YAML::Node& node);
  ConditionRef band(const YAML::Node& node);
  ConditionRef add(Condition c);
  int lookup(const IdIndex& index, const YAML::Node& id, std::string_view what);

  RulePack& pack_;
  const PackIds& ids_;
  const YamlReader* reader_ = nullptr;
  ConditionScope scope_;
  std::vector<Node>* reads_ = nullptr;
  std::unordered_map<int, std::vector<double>> constants_;
};

}  // namespace waymark::rules
