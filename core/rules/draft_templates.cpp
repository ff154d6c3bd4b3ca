#include "rules/draft_templates.h"

#include <algorithm>
#include <unordered_set>

#include "rules/names.h"

namespace waymark::rules {
namespace {

bool is_choice(AnswerType t) {
  return t == AnswerType::single_choice || t == AnswerType::multiple_choice;
}

// Placeholders a sentence may use; anything else in braces is a typo the author must hear about.
void check_placeholders(const YamlReader& r, const YAML::Node& at, const std::string& text,
                        std::initializer_list<std::string_view> allowed, bool required) {
  bool used = false;
  for (std::size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open);
    if (close == std::string::npos) {
      r.error(at, "'{' without '}' in draft text");
      return;
    }
    const std::string_view name(text.data() + open + 1, close - open - 1);
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      r.error(at, "unknown placeholder '{" + std::string(name) + "}' in draft text");
      return;
    }
    used = true;
  }
  if (required && !used) {
    std::string names;
    for (std::string_view a : allowed) names += (names.empty() ? "{" : " or {") + std::string(a) + "}";
    r.error(at, "draft text must use " + names);
  }
}

std::string text_of(const YamlReader& r, const YAML::Node& map, const char* key,
                    std::initializer_list<std::string_view> placeholders = {}, bool needs = false) {
  const auto t = r.text(map, key, "a draft sentence", false);
  if (!t) return {};
  check_placeholders(r, map[key], *t, placeholders, needs);
  return *t;
}

int option_index(const Question& q, const std::string& value) {
  for (std::size_t i = 0; i < q.options.size(); ++i)
    if (q.options[i].value == value) return static_cast<int>(i);
  return -1;
}

// "options: {pay: the pay}" or "alone: {none: ...}": every key must be an option of the question.
std::vector<std::string> per_option(const YamlReader& r, const YAML::Node& map, const char* key,
                                    const Question& q) {
  std::vector<std::string> out;
  const YAML::Node node = map[key];
  if (!node.IsDefined()) return out;
  if (!r.expect_map(node, std::string("'") + key + "'")) return out;
  out.resize(q.options.size());
  for (const auto& entry : node) {
    const std::string value = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
    const int i = option_index(q, value);
    if (i < 0) {
      r.error(entry.first, "question '" + q.id + "' has no option '" + value + "'");
      continue;
    }
    if (!entry.second.IsScalar()) {
      r.error(entry.second, "'" + std::string(key) + "." + value + "' must be text");
      continue;
    }
    check_placeholders(r, entry.second, entry.second.Scalar(), {}, false);
    out[static_cast<std::size_t>(i)] = entry.second.Scalar();
  }
  return out;
}

bool read_answer_sentence(const YamlReader& r, const YAML::Node& n, const PackIds& ids,
                          const RulePack& pack, DraftSentence& s) {
  r.only_keys(n, {"answer", "yes", "no", "chosen", "options", "alone", "value", "unknown", "declined",
                  "hidden"},
              "an answer sentence of a draft");
  const YAML::Node id = n["answer"];
  const auto it = id.IsScalar() ? ids.questions.find(id.Scalar()) : ids.questions.end();
  if (it == ids.questions.end()) {
    r.error(id, "unknown question '" + (id.IsScalar() ? id.Scalar() : std::string()) + "'");
    return false;
  }
  s.kind = DraftSentence::Kind::answer;
  s.question = it->second;
  const Question& q = pack.questions[static_cast<std::size_t>(s.question)];
  const auto only_for = [&](const char* key, bool ok, const char* types) {
    if (n[key].IsDefined() && !ok)
      r.error(n[key], "'" + std::string(key) + "' is for " + types + " questions; '" + q.id + "' is " +
                          std::string(to_string(q.type)));
  };
  only_for("yes", q.type == AnswerType::yes_no, "yes_no");
  only_for("no", q.type == AnswerType::yes_no, "yes_no");
  only_for("chosen", is_choice(q.type), "choice");
  only_for("options", is_choice(q.type), "choice");
  only_for("alone", is_choice(q.type), "choice");
  // Free text never reaches a draft: it can hold anything, including who the person is.
  only_for("value", q.type == AnswerType::number || q.type == AnswerType::date, "number or date");
  s.yes = text_of(r, n, "yes");
  s.no = text_of(r, n, "no");
  s.chosen = text_of(r, n, "chosen", {"choices"}, true);
  s.value = text_of(r, n, "value", {"value"}, true);
  s.unknown = text_of(r, n, "unknown");
  s.declined = text_of(r, n, "declined");
  s.hidden = text_of(r, n, "hidden");
  if (is_choice(q.type)) {
    s.words = per_option(r, n, "options", q);
    s.alone = per_option(r, n, "alone", q);
  }
  if (s.unknown.empty())
    r.error(n, "draft sentence for '" + q.id + "' has no 'unknown': a draft must say what is not known");
  return true;
}

void read_sentence(const YamlReader& r, const YAML::Node& n, const PackIds& ids, const RulePack& pack,
                   DraftTemplate& t) {
  DraftSentence s;
  if (n["answer"].IsDefined()) {
    if (read_answer_sentence(r, n, ids, pack, s)) t.sentences.push_back(std::move(s));
    return;
  }
  if (n["indicators"].IsDefined()) {
    r.only_keys(n, {"indicators", "found", "none"}, "an indicator sentence of a draft");
    s.kind = DraftSentence::Kind::indicators;
    const YAML::Node list = n["indicators"];
    if (list.IsScalar() && list.Scalar() == "all") {
      // every indicator of the pack
    } else if (r.expect_list(list, "'indicators' (a list of indicator ids, or 'all')")) {
      for (const YAML::Node& id : list) {
        const auto it = id.IsScalar() ? ids.indicators.find(id.Scalar()) : ids.indicators.end();
        if (it == ids.indicators.end())
          r.error(id, "unknown indicator '" + (id.IsScalar() ? id.Scalar() : std::string()) + "'");
        else
          s.indicators.push_back(it->second);
      }
    }
    s.found = text_of(r, n, "found", {"list"}, true);
    s.none = text_of(r, n, "none");
    if (!n["found"].IsDefined()) r.error(n, "an indicator sentence has no 'found'");
    t.sentences.push_back(std::move(s));
    return;
  }
  if (n["element"].IsDefined()) {
    r.only_keys(n, {"element", "present", "partial", "absent", "unknown", "not_required"},
                "an element sentence of a draft");
    s.kind = DraftSentence::Kind::element;
    const auto e = n["element"].IsScalar() ? parse_legal_element(n["element"].Scalar()) : std::nullopt;
    if (!e) {
      r.error(n["element"], "element must be action, means or purpose");
      return;
    }
    s.element = static_cast<int>(*e);
    const char* keys[] = {"present", "partial", "absent", "unknown", "not_required"};
    for (std::size_t i = 0; i < 5; ++i) s.by_status[i] = text_of(r, n, keys[i]);
    if (s.by_status[3].empty())
      r.error(n, "element sentence has no 'unknown': a draft must say what is not known");
    t.sentences.push_back(std::move(s));
    return;
  }
  r.error(n, "a draft sentence needs 'answer', 'indicators' or 'element'");
}


bool known_section(const YamlReader& r, const YAML::Node& n, const std::string& section) {
  if (std::find(kSummarySections.begin(), kSummarySections.end(), section) != kSummarySections.end())
    return true;
  if (n.IsScalar()) r.error(n, "unknown summary section '" + section + "'");
  return false;
}

void read_placements(const YAML::Node& list, const YamlReader& r, const PackIds& ids, RulePack& pack) {
  if (!r.expect_list(list, "'summary'")) return;
  for (const YAML::Node& n : list) {
    if (!r.expect_map(n, "an item of 'summary'")) continue;
    r.only_keys(n, {"section", "questions"}, "a summary placement");
    SummaryPlacement p;
    p.section = r.text(n, "section", "a summary placement").value_or("");
    known_section(r, n["section"], p.section);
    const YAML::Node qs = n["questions"];
    if (!qs.IsDefined()) {
      r.error(n, "a summary placement has no 'questions'");
    } else if (r.expect_list(qs, "'questions'")) {
      for (const YAML::Node& id : qs) {
        const auto it = id.IsScalar() ? ids.questions.find(id.Scalar()) : ids.questions.end();
        if (it == ids.questions.end())
          r.error(id, "unknown question '" + (id.IsScalar() ? id.Scalar() : std::string()) + "'");
        else
          p.questions.push_back(it->second);
      }
    }
    pack.referral.placements.push_back(std::move(p));
  }
}

// "- {field: vic_TypeOfExploitation, type: labour, value: ForcedLabour}" or
// "- {field: prs_Gender, answer: person.gender, option: female, value: Feminine}".
void read_htcds(const YAML::Node& list, const YamlReader& r, const PackIds& ids, RulePack& pack) {
  if (!r.expect_list(list, "'htcds'")) return;
  for (const YAML::Node& n : list) {
    if (!r.expect_map(n, "an item of 'htcds'")) continue;
    r.only_keys(n, {"field", "value", "type", "answer", "option"}, "an HTCDS mapping");
    HtcdsRule h;
    h.field = r.text(n, "field", "an HTCDS mapping").value_or("");
    h.value = r.text(n, "value", "an HTCDS mapping").value_or("");
    if (n["type"].IsDefined() == n["answer"].IsDefined()) {
      r.error(n, "an HTCDS mapping needs either 'type' or 'answer' (with 'option' unless yes/no)");
      continue;
    }
    if (const auto type = r.text(n, "type", "an HTCDS mapping", false)) {
      const auto it = ids.types.find(*type);
      if (it == ids.types.end()) r.error(n["type"], "unknown exploitation type '" + *type + "'");
      else h.type = it->second;
    } else if (const auto q = r.text(n, "answer", "an HTCDS mapping")) {
      const auto it = ids.questions.find(*q);
      if (it == ids.questions.end()) {
        r.error(n["answer"], "unknown question '" + *q + "'");
        continue;
      }
      h.question = it->second;
      const Question& question = pack.questions[static_cast<std::size_t>(h.question)];
      if (const auto option = r.text(n, "option", "an HTCDS mapping", false)) {
        h.option = option_index(question, *option);
        if (h.option < 0) r.error(n["option"], "question '" + question.id + "' has no option '" + *option + "'");
      } else if (question.type != AnswerType::yes_no) {
        r.error(n, "an HTCDS mapping of a choice question needs 'option'");
      }
    }
    pack.referral.htcds.push_back(std::move(h));
  }
}

}  // namespace

void read_draft_templates(const YAML::Node& root, const YamlReader& r, const PackIds& ids,
                          RulePack& pack) {
  if (const YAML::Node summary = root["summary"]; summary.IsDefined())
    read_placements(summary, r, ids, pack);
  if (const YAML::Node htcds = root["htcds"]; htcds.IsDefined()) read_htcds(htcds, r, ids, pack);
  const YAML::Node list = root["drafts"];
  if (!list.IsDefined() || !r.expect_list(list, "'drafts'")) return;
  std::unordered_set<std::string> seen;
  for (const DraftTemplate& t : pack.referral.drafts) seen.insert(t.id);
  for (const YAML::Node& n : list) {
    if (!r.expect_map(n, "an item of 'drafts'")) continue;
    r.only_keys(n, {"id", "section", "box", "step", "limit", "sentences", "not_covered"}, "a draft");
    DraftTemplate t;
    t.id = r.text(n, "id", "a draft").value_or("");
    if (!t.id.empty() && !seen.insert(t.id).second) r.error(n["id"], "duplicate draft id '" + t.id + "'");
    const std::string what = "draft '" + t.id + "'";
    t.section = r.text(n, "section", what).value_or("");
    known_section(r, n["section"], t.section);
    t.box = r.text(n, "box", what).value_or("");
    t.step = r.text(n, "step", what).value_or("");
    if (n["limit"].IsDefined()) {
      const double limit = r.number(n["limit"], "'limit'").value_or(1);
      if (limit < 1 || limit > 1e7) r.error(n["limit"], "'limit' must be a number of characters, 1 or more");
      t.limit = static_cast<int>(limit);
    } else {
      r.error(n, what + " has no 'limit' (the characters the box takes)");
    }
    t.not_covered = r.text(n, "not_covered", what, false).value_or("");
    const YAML::Node sentences = n["sentences"];
    if (!sentences.IsDefined()) {
      r.error(n, what + " has no 'sentences'");
    } else if (r.expect_list(sentences, "'sentences'")) {
      for (const YAML::Node& s : sentences)
        if (r.expect_map(s, "a draft sentence")) read_sentence(r, s, ids, pack, t);
    }
    pack.referral.drafts.push_back(std::move(t));
  }
}

}  // namespace waymark::rules
