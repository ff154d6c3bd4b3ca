#include "rules/condition_compiler.h"

#include "rules/names.h"

namespace waymark::rules {
namespace {

constexpr int kMaxDepth = 32;           // deeper nesting is an authoring mistake, not a need
constexpr std::size_t kMaxNodes = 200000;  // bounds what YAML aliases can multiply

constexpr std::uint64_t bit(unsigned i) { return std::uint64_t{1} << i; }

std::string key_of(const YAML::Node& map, std::initializer_list<const char*> keys) {
  for (const char* k : keys)
    if (map[k].IsDefined()) return k;
  return {};
}

// How many of `keys` the map has: a condition names exactly one operator, a test exactly one test.
int count_keys(const YAML::Node& map, std::initializer_list<const char*> keys) {
  int n = 0;
  for (const char* k : keys) n += map[k].IsDefined() ? 1 : 0;
  return n;
}

}  // namespace

ConditionRef ConditionCompiler::compile(const YAML::Node& node, const YamlReader& reader,
                                        ConditionScope scope, std::vector<Node>& reads) {
  reader_ = &reader;
  scope_ = scope;
  reads_ = &reads;
  return compile_at(node, 0);
}

ConditionRef ConditionCompiler::add(Condition c) {
  pack_.conditions.nodes.push_back(c);
  return static_cast<ConditionRef>(pack_.conditions.nodes.size() - 1);
}

int ConditionCompiler::lookup(const IdIndex& index, const YAML::Node& id, std::string_view what) {
  if (!id.IsScalar()) {
    reader_->error(id, std::string(what) + " id must be text");
    return -1;
  }
  const auto it = index.find(id.Scalar());
  if (it == index.end()) {
    reader_->error(id, "unknown " + std::string(what) + " '" + id.Scalar() + "'");
    return -1;
  }
  return it->second;
}

ConditionRef ConditionCompiler::compile_at(const YAML::Node& node, int depth) {
  if (depth > kMaxDepth) {
    reader_->error(node, "condition nested more than 32 levels deep");
    return kAlways;
  }
  if (pack_.conditions.nodes.size() > kMaxNodes) {
    reader_->error(node, "conditions too large (more than 200000 parts)");
    return kAlways;
  }
  if (!reader_->expect_map(node, "a condition")) return kAlways;
  const std::string op = key_of(node, {"all", "any", "not", "answer", "fact", "indicator",
                                       "indicators", "element", "band", "pathway"});
  if (op.empty()) {
    reader_->error(node,
                   "a condition needs one of: all, any, not, answer, fact, indicator, indicators, "
                   "element, band, pathway");
    return kAlways;
  }
  if (count_keys(node, {"all", "any", "not", "answer", "fact", "indicator", "indicators", "element",
                        "band", "pathway"}) > 1) {
    reader_->error(node, "a condition must have exactly one of: all, any, not, answer, fact, "
                         "indicator, indicators, element, band, pathway (wrap several in 'all' or 'any')");
    return kAlways;
  }
  if ((op == "all" || op == "any") && !reader_->only_keys(node, {op}, "an '" + op + "' condition"))
    return kAlways;
  if (op == "all") return group(node["all"], ConditionOp::all, depth);
  if (op == "any") return group(node["any"], ConditionOp::any, depth);
  if (op == "not") {
    reader_->only_keys(node, {"not"}, "a 'not' condition");
    const ConditionRef inner = compile_at(node["not"], depth + 1);
    const auto first = static_cast<std::int32_t>(pack_.conditions.children.size());
    pack_.conditions.children.push_back(inner);
    return add({.op = ConditionOp::negate, .first_child = first, .child_count = 1});
  }
  if (op == "answer") return answer(node);
  if (op == "fact" || op == "indicator") {
    reader_->only_keys(node, {op}, "a '" + op + "' condition");
    const bool is_fact = op == "fact";
    const int index = lookup(is_fact ? ids_.facts : ids_.indicators, node[op], op);
    if (index < 0) return kAlways;
    reads_->push_back({is_fact ? NodeKind::fact : NodeKind::indicator, index});
    return add({.op = is_fact ? ConditionOp::fact : ConditionOp::indicator, .ref = index});
  }
  if (op == "indicators") return indicator_count(node);
  if (op == "element") return element(node);
  if (op == "band") return band(node);
  // pathway
  reader_->only_keys(node, {"pathway"}, "a 'pathway' condition");
  if (!scope_.allow_pathway) {
    reader_->error(node, "a 'pathway' condition is allowed only in signpost rules");
    return kAlways;
  }
  const int index = lookup(ids_.pathways, node["pathway"], "pathway");
  if (index < 0) return kAlways;
  return add({.op = ConditionOp::pathway, .ref = index});
}

ConditionRef ConditionCompiler::group(const YAML::Node& list, ConditionOp op, int depth) {
  if (!reader_->expect_list(list, op == ConditionOp::all ? "'all'" : "'any'")) return kAlways;
  if (list.size() == 0) {
    reader_->error(list, "an 'all' or 'any' list needs at least one condition");
    return kAlways;
  }
  std::vector<ConditionRef> children;
  for (const YAML::Node& item : list) children.push_back(compile_at(item, depth + 1));
  const auto first = static_cast<std::int32_t>(pack_.conditions.children.size());
  pack_.conditions.children.insert(pack_.conditions.children.end(), children.begin(),
                                   children.end());
  return add({.op = op, .first_child = first, .child_count = static_cast<std::int32_t>(children.size())});
}

ConditionRef ConditionCompiler::answer(const YAML::Node& node) {
  reader_->only_keys(node, {"answer", "is", "in", "includes", "state", "lt", "le", "gt", "ge"},
                     "an 'answer' condition");
  const int q = lookup(ids_.questions, node["answer"], "question");
  if (q < 0) return kAlways;
  reads_->push_back({NodeKind::question, q});
  const Question& question = pack_.questions[static_cast<std::size_t>(q)];
  const std::string test = key_of(node, {"is", "in", "includes", "state", "lt", "le", "gt", "ge"});
  if (test.empty() || count_keys(node, {"is", "in", "includes", "state", "lt", "le", "gt", "ge"}) > 1) {
    reader_->error(node, "an 'answer' condition needs exactly one of: is, in, includes, state, lt, le, gt, ge");
    return kAlways;
  }
  const YAML::Node value = node[test];
  Condition c{.op = ConditionOp::answer, .ref = q};

  auto option_mask = [&](const YAML::Node& v) -> std::optional<std::uint64_t> {
    if (!v.IsScalar()) {
      reader_->error(v, "an option value must be text");
      return std::nullopt;
    }
    for (std::size_t i = 0; i < question.options.size(); ++i)
      if (question.options[i].value == v.Scalar()) return bit(static_cast<unsigned>(i));
    reader_->error(v, "question '" + question.id + "' has no option '" + v.Scalar() + "'");
    return std::nullopt;
  };
  const bool choice = question.type == AnswerType::single_choice ||
                      question.type == AnswerType::multiple_choice;

  if (test == "state" || (test == "is" && value.IsScalar() &&
                          (value.Scalar() == kDontKnow || value.Scalar() == kPreferNotToSay))) {
    const std::string s = value.IsScalar() ? value.Scalar() : std::string();
    if (s == "answered") c.test = AnswerTest::answered;
    else if (s == "unanswered") c.test = AnswerTest::unanswered;
    else if (s == kDontKnow) c.test = AnswerTest::dont_know;
    else if (s == kPreferNotToSay) c.test = AnswerTest::prefer_not_to_say;
    else {
      reader_->error(value, "state must be answered, unanswered, dont_know or prefer_not_to_say");
      return kAlways;
    }
    if ((c.test == AnswerTest::dont_know && !question.offer_dont_know) ||
        (c.test == AnswerTest::prefer_not_to_say && !question.offer_prefer_not_to_say)) {
      reader_->error(value, "question '" + question.id + "' does not offer '" + s + "'");
      return kAlways;
    }
    return add(c);
  }
  if (test == "lt" || test == "le" || test == "gt" || test == "ge" ||
      (test == "is" && question.type == AnswerType::number)) {
    if (question.type != AnswerType::number) {
      reader_->error(value, "'" + test + "' compares numbers, but question '" + question.id +
                                "' is " + std::string(to_string(question.type)));
      return kAlways;
    }
    const auto n = reader_->number(value, "'" + test + "'");
    if (!n) return kAlways;
    c.number = *n;
    c.test = test == "lt"   ? AnswerTest::number_lt
             : test == "le" ? AnswerTest::number_le
             : test == "gt" ? AnswerTest::number_gt
             : test == "ge" ? AnswerTest::number_ge
                            : AnswerTest::number_eq;
    constants_[q].push_back(*n);
    return add(c);
  }
  if (question.type == AnswerType::yes_no) {
    if (test != "is") {
      reader_->error(value, "a yes/no question is tested with 'is: yes' or 'is: no'");
      return kAlways;
    }
    const auto b = reader_->boolean(value, "'is' of a yes/no question");
    if (!b) return kAlways;
    c.test = *b ? AnswerTest::is_yes : AnswerTest::is_no;
    return add(c);
  }
  if (!choice) {
    reader_->error(value, "question '" + question.id + "' is " +
                              std::string(to_string(question.type)) +
                              ": test it only with 'state'");
    return kAlways;
  }
  if (test == "is") {
    if (question.type == AnswerType::multiple_choice) {
      reader_->error(value, "question '" + question.id +
                                "' is multiple choice: use 'includes' or 'in', not 'is'");
      return kAlways;
    }
    const auto m = option_mask(value);
    if (!m) return kAlways;
    c.test = AnswerTest::choice_any;
    c.mask = *m;
    return add(c);
  }
  if (test == "includes" && question.type != AnswerType::multiple_choice) {
    reader_->error(value, "'includes' is for multiple-choice questions; use 'is' or 'in'");
    return kAlways;
  }
  // in: [a, b] (any of them) or includes: a / [a, b] (all of them)
  std::uint64_t mask = 0;
  bool ok = true;
  if (value.IsSequence()) {
    if (value.size() == 0) {
      reader_->error(value, "'" + test + "' needs at least one option");
      return kAlways;
    }
    for (const YAML::Node& v : value) {
      const auto m = option_mask(v);
      ok = ok && m.has_value();
      if (m) mask |= *m;
    }
  } else if (test == "includes") {
    const auto m = option_mask(value);
    ok = m.has_value();
    if (m) mask = *m;
  } else {
    reader_->error(value, "'in' needs a list of options");
    return kAlways;
  }
  if (!ok) return kAlways;
  c.test = test == "in" ? AnswerTest::choice_any : AnswerTest::choice_all;
  c.mask = mask;
  return add(c);
}

ConditionRef ConditionCompiler::indicator_count(const YAML::Node& node) {
  reader_->only_keys(node, {"indicators", "min"}, "an 'indicators' condition");
  const YAML::Node what = node["indicators"];
  int min = 1;
  if (node["min"].IsDefined()) {
    const auto n = reader_->number(node["min"], "'min'");
    if (!n) return kAlways;
    if (*n < 1 || *n != static_cast<int>(*n)) {
      reader_->error(node["min"], "'min' must be a whole number of at least 1");
      return kAlways;
    }
    min = static_cast<int>(*n);
  }
  std::vector<int> chosen;
  if (what.IsSequence()) {
    for (const YAML::Node& id : what) {
      const int i = lookup(ids_.indicators, id, "indicator");
      if (i >= 0) chosen.push_back(i);
    }
    if (chosen.size() != what.size()) return kAlways;
  } else if (what.IsMap()) {
    // A filter: every indicator of that element / grade / exploitation type.
    if (!reader_->only_keys(what, {"element", "grade", "type"}, "an indicator filter")) return kAlways;
    std::optional<IndicatorElement> element;
    std::optional<Grade> grade;
    int type = -1;
    if (what["element"].IsDefined()) {
      element = what["element"].IsScalar() ? parse_indicator_element(what["element"].Scalar())
                                           : std::nullopt;
      if (!element) {
        reader_->error(what["element"], "element must be action, means, purpose, vulnerability or child");
        return kAlways;
      }
    }
    if (what["grade"].IsDefined()) {
      grade = what["grade"].IsScalar() ? parse_grade(what["grade"].Scalar()) : std::nullopt;
      if (!grade) {
        reader_->error(what["grade"], "grade must be strong, medium, weak or none");
        return kAlways;
      }
    }
    if (what["type"].IsDefined()) {
      type = lookup(ids_.types, what["type"], "exploitation type");
      if (type < 0) return kAlways;
    }
    for (std::size_t i = 0; i < pack_.indicators.size(); ++i) {
      const Indicator& ind = pack_.indicators[i];
      bool match = true;
      if (element) {
        bool has = false;
        for (IndicatorElement e : ind.elements) has = has || e == *element;
        match = has;
      }
      if (grade) match = match && ind.grade == *grade;
      if (type >= 0) {
        bool has = false;
        for (int t : ind.types) has = has || t == type;
        match = match && has;
      }
      if (match) chosen.push_back(static_cast<int>(i));
    }
    if (chosen.empty()) {
      reader_->error(what, "no indicator matches this filter");
      return kAlways;
    }
  } else {
    reader_->error(what, "'indicators' needs a list of indicator ids or a filter (element, grade, type)");
    return kAlways;
  }
  const auto first = static_cast<std::int32_t>(pack_.conditions.children.size());
  for (int i : chosen) {
    pack_.conditions.children.push_back(i);
    reads_->push_back({NodeKind::indicator, i});
  }
  return add({.op = ConditionOp::indicator_count,
              .min = min,
              .first_child = first,
              .child_count = static_cast<std::int32_t>(chosen.size())});
}

ConditionRef ConditionCompiler::element(const YAML::Node& node) {
  reader_->only_keys(node, {"element", "is", "in"}, "an 'element' condition");
  const YAML::Node name = node["element"];
  const auto e = name.IsScalar() ? parse_legal_element(name.Scalar()) : std::nullopt;
  if (!e) {
    reader_->error(name, "element must be action, means or purpose");
    return kAlways;
  }
  const YAML::Node statuses = node["is"].IsDefined() ? node["is"] : node["in"];
  if (count_keys(node, {"is", "in"}) != 1) {
    reader_->error(node, "an 'element' condition needs exactly one of 'is' or 'in' with statuses");
    return kAlways;
  }
  std::uint64_t mask = 0;
  auto add_status = [&](const YAML::Node& s) {
    const auto st = s.IsScalar() ? parse_element_status(s.Scalar()) : std::nullopt;
    if (!st) {
      reader_->error(s, "status must be present, partial, absent, unknown or not_required");
      return false;
    }
    mask |= bit(static_cast<unsigned>(*st));
    return true;
  };
  bool ok = true;
  if (statuses.IsSequence()) {
    for (const YAML::Node& s : statuses) ok = add_status(s) && ok;
  } else {
    ok = add_status(statuses);
  }
  if (!ok) return kAlways;
  const int index = static_cast<int>(*e);
  reads_->push_back({NodeKind::element, index});
  return add({.op = ConditionOp::element, .ref = index, .mask = mask});
}

ConditionRef ConditionCompiler::band(const YAML::Node& node) {
  reader_->only_keys(node, {"band"}, "a 'band' condition");
  if (!scope_.allow_band) {
    reader_->error(node, "a 'band' condition is allowed only in pathway and signpost rules");
    return kAlways;
  }
  const YAML::Node value = node["band"];
  std::uint64_t mask = 0;
  bool ok = true;
  auto add_band = [&](const YAML::Node& b) {
    const auto parsed = b.IsScalar() ? parse_band(b.Scalar()) : std::nullopt;
    if (!parsed) {
      reader_->error(b, "band must be emergency, refer, assess or none");
      ok = false;
      return;
    }
    mask |= bit(static_cast<unsigned>(*parsed));
  };
  if (value.IsSequence()) {
    for (const YAML::Node& b : value) add_band(b);
  } else {
    add_band(value);
  }
  if (!ok) return kAlways;
  return add({.op = ConditionOp::band, .mask = mask});
}

}  // namespace waymark::rules
