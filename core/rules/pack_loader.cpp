#include "rules/pack_loader.h"

#include <sodium.h>

#include <fstream>
#include <sstream>

#include "rules/condition_compiler.h"
#include "rules/draft_templates.h"
#include "rules/names.h"
#include "rules/pack_graph.h"
#include "rules/yaml_reader.h"
#include "text/bounded_file.h"

namespace waymark::rules {
namespace {

constexpr int kFormat = 1;
// The UK pack's largest file is about 25 KB; anything past this is not a rule pack file.
constexpr std::size_t kMaxPackFileBytes = 4u << 20;

// One YAML file of the pack with the reader that reports its problems.
struct Document {
  YamlReader reader;
  YAML::Node root;
};

// An item read in the first pass whose conditions are compiled in the second.
struct Pending {
  const Document* doc;
  YAML::Node node;
};

std::string hex(const unsigned char* bytes, std::size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 15];
  }
  return out;
}

// "serves: {ages: [adult], nations: [england, wales]}" as one line a reader can scan.
std::string read_serves(const YamlReader& r, const YAML::Node& serves) {
  if (!serves.IsDefined()) return {};
  if (!r.expect_map(serves, "'serves'")) return {};
  r.only_keys(serves, {"ages", "genders", "types", "nations", "languages"}, "'serves'");
  std::string out;
  for (const auto& entry : serves) {
    if (!r.expect_list(entry.second, "'serves." + entry.first.Scalar() + "'")) continue;
    std::string values;
    for (const YAML::Node& v : entry.second) {
      if (!v.IsScalar()) {
        r.error(v, "'serves' values must be text");
        continue;
      }
      values += (values.empty() ? "" : ", ") + v.Scalar();
    }
    out += (out.empty() ? "" : "; ") + entry.first.Scalar() + ": " + values;
  }
  return out;
}

class PackBuilder {
 public:
  PackBuilder(const FileReader& files, LoadErrors& errors) : files_(files), errors_(errors) {
    crypto_hash_sha256_init(&hash_);
  }

  std::optional<RulePack> build(const std::filesystem::path& main_file);

 private:
  const Document* open(const std::filesystem::path& path, const YamlReader* from,
                       const YAML::Node& at);
  void read_header(const Document& doc);
  void read_statistics(const Document& doc);
  void read_content(const Document& doc, bool main);
  void read_directory(const Document& doc);
  template <class F>
  void each_item(const Document& doc, const char* key, F&& read_one);
  bool declare(IdIndex& index, const Document& doc, const YAML::Node& item, std::string_view what,
               std::string& id_out);
  void read_question(const Document& doc, const YAML::Node& node);
  void read_indicator(const Document& doc, const YAML::Node& node);
  void read_elements(const Document& doc, const YAML::Node& node);
  void compile_conditions();
  template <class Rule>
  void compile_ordered(std::vector<Rule>& rules, const std::vector<Pending>& pending,
                       ConditionScope scope, std::vector<Node>* reads, std::string_view what);

  const FileReader& files_;
  LoadErrors& errors_;
  crypto_hash_sha256_state hash_{};
  std::vector<std::unique_ptr<Document>> docs_;
  RulePack pack_;
  PackIds ids_;
  IdIndex sections_, sources_, organisations_, signpost_ids_;
  IdIndex element_rule_ids_, band_rule_ids_;
  std::vector<Pending> questions_, facts_, indicators_, pathways_, signposts_, bands_, types_;
  std::array<std::array<std::vector<Pending>, 3>, 2> element_rules_;
  const Document* elements_doc_ = nullptr;
  bool has_directory_ = false;
  ConditionCompiler compiler_{pack_, ids_};
  std::vector<std::vector<Node>> graph_reads_;  // per graph slot: the nodes its conditions read
};

const Document* PackBuilder::open(const std::filesystem::path& path, const YamlReader* from,
                                  const YAML::Node& at) {
  const std::optional<std::string> text = files_(path);
  if (!text) {
    std::string message = "cannot read file '" + path.string() + "'";
    if (const std::string why = waymark::text::unreadable_reason(path, kMaxPackFileBytes); !why.empty())
      message += ": " + why;
    if (from) from->error(at, message);
    else errors_.push_back(LoadError{SourceLocation{path.string(), 1, 1}, std::move(message)});
    return nullptr;
  }
  crypto_hash_sha256_update(&hash_, reinterpret_cast<const unsigned char*>(text->data()),
                            text->size());
  auto doc = std::make_unique<Document>(Document{YamlReader(path.string(), errors_), {}});
  doc->root = parse_yaml(*text, doc->reader);
  if (doc->root.IsNull() && !errors_.empty()) return nullptr;
  if (!doc->reader.expect_map(doc->root, "a rule pack file")) return nullptr;
  docs_.push_back(std::move(doc));
  return docs_.back().get();
}

std::optional<RulePack> PackBuilder::build(const std::filesystem::path& main_file) {
  const Document* main = open(main_file, nullptr, {});
  if (!main) return std::nullopt;
  read_header(*main);

  std::vector<const Document*> content{main};
  if (const YAML::Node include = main->root["include"]; include.IsDefined()) {
    if (main->reader.expect_list(include, "'include'")) {
      for (const YAML::Node& name : include) {
        if (!name.IsScalar()) {
          main->reader.error(name, "an included file name must be text");
          continue;
        }
        if (const Document* d = open(main_file.parent_path() / name.Scalar(), &main->reader, name))
          content.push_back(d);
      }
    }
  }
  if (const YAML::Node dir = main->root["directory"]; dir.IsDefined()) {
    has_directory_ = true;
    if (!dir.IsScalar()) {
      main->reader.error(dir, "'directory' must be the path of the organisation directory");
    } else if (const Document* d = open(main_file.parent_path() / dir.Scalar(), &main->reader, dir)) {
      read_directory(*d);
    }
  }
  // First pass: every id and every item's own fields, so conditions can refer to anything.
  for (const Document* d : content) read_content(*d, d == main);
  for (auto& p : questions_) read_question(*p.doc, p.node);
  for (auto& p : indicators_) read_indicator(*p.doc, p.node);
  for (const Document* d : content) read_draft_templates(d->root, d->reader, ids_, pack_);

  read_statistics(*main);
  const auto child = ids_.facts.find("treated_as_child");
  if (child == ids_.facts.end()) {
    main->reader.error(main->root, "the pack must define the fact 'treated_as_child'");
  } else {
    pack_.treated_as_child_fact = child->second;
  }
  for (const char* key : {"sections", "questions", "facts", "indicators", "elements", "bands",
                          "pathways", "sources"}) {
    bool found = false;
    for (const Document* d : content) found = found || d->root[key].IsDefined();
    if (!found) main->reader.error(main->root, std::string("the pack has no '") + key + "'");
  }
  for (const Document* d : content)
    if (const YAML::Node b = d->root["bands"]; b.IsDefined() && bands_.empty())
      d->reader.error(b, "'bands' must have at least one rule");
  if (!signposts_.empty() && !has_directory_)
    main->reader.error(main->root, "the pack has signposts but no 'directory' of organisations");
  if (!errors_.empty()) return std::nullopt;

  compile_conditions();
  if (!errors_.empty()) return std::nullopt;

  order_and_check_graph(pack_, graph_reads_, compiler_.number_constants(), errors_);
  if (!errors_.empty()) return std::nullopt;

  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&hash_, digest);
  pack_.sha256 = hex(digest, sizeof digest);
  return std::move(pack_);
}

// statistics: {nation: QUESTION}: the single-choice question whose answer a case is counted under by
// nation in the review desk's figures (optional).
void PackBuilder::read_statistics(const Document& doc) {
  const YamlReader& r = doc.reader;
  const YAML::Node stats = doc.root["statistics"];
  if (!stats.IsDefined() || !r.expect_map(stats, "'statistics'")) return;
  r.only_keys(stats, {"nation"}, "'statistics'");
  const YAML::Node nation = stats["nation"];
  if (!nation.IsDefined()) return;
  const auto id = r.text(stats, "nation", "'statistics'");
  if (!id) return;
  const auto q = ids_.questions.find(*id);
  if (q == ids_.questions.end()) {
    r.error(nation, "statistics nation: no question '" + *id + "'");
  } else if (pack_.questions[static_cast<std::size_t>(q->second)].type != AnswerType::single_choice) {
    r.error(nation, "statistics nation: question '" + *id + "' must be single_choice");
  } else {
    pack_.nation_question = q->second;
  }
}

void PackBuilder::read_header(const Document& doc) {
  const YamlReader& r = doc.reader;
  const YAML::Node& root = doc.root;
  r.only_keys(root, {"format", "id", "version", "jurisdiction", "title", "sources", "include",
                     "directory", "sections", "exploitation_types", "questions", "facts",
                     "indicators", "elements", "bands", "pathways", "signposts", "drafts", "summary", "htcds",
                     "statistics"},
              "the rule pack");
  if (const YAML::Node f = root["format"]; !f.IsDefined()) {
    r.error(root, "the pack has no 'format' (this version reads format 1)");
  } else if (const auto n = r.number(f, "'format'"); n && *n != kFormat) {
    r.error(f, "format " + f.Scalar() + " is not supported (this version reads format 1)");
  }
  pack_.id = r.text(root, "id", "the rule pack").value_or("");
  pack_.version = r.text(root, "version", "the rule pack").value_or("");
  pack_.jurisdiction = r.text(root, "jurisdiction", "the rule pack").value_or("");
  pack_.title = r.text(root, "title", "the rule pack", false).value_or(pack_.id);
}

template <class F>
void PackBuilder::each_item(const Document& doc, const char* key, F&& read_one) {
  const YAML::Node list = doc.root[key];
  if (!list.IsDefined()) return;
  if (!doc.reader.expect_list(list, std::string("'") + key + "'")) return;
  for (const YAML::Node& item : list)
    if (doc.reader.expect_map(item, std::string("an item of '") + key + "'")) read_one(item);
}

bool PackBuilder::declare(IdIndex& index, const Document& doc, const YAML::Node& item,
                          std::string_view what, std::string& id_out) {
  const auto id = doc.reader.text(item, "id", what);
  if (!id) return false;
  if (id->empty()) {
    doc.reader.error(item["id"], std::string(what) + " id must not be empty");
    return false;
  }
  if (!index.emplace(*id, static_cast<int>(index.size())).second) {
    doc.reader.error(item["id"], "duplicate " + std::string(what) + " id '" + *id + "'");
    return false;
  }
  id_out = *id;
  return true;
}

void PackBuilder::read_content(const Document& doc, bool main) {
  const YamlReader& r = doc.reader;
  if (!main) {
    r.only_keys(doc.root, {"sources", "sections", "exploitation_types", "questions", "facts",
                           "indicators", "elements", "bands", "pathways", "signposts", "drafts", "summary", "htcds"},
                "an included pack file");
  }
  each_item(doc, "sources", [&](const YAML::Node& n) {
    r.only_keys(n, {"id", "title", "url"}, "a source");
    Source s;
    if (!declare(sources_, doc, n, "source", s.id)) return;
    s.title = r.text(n, "title", "source '" + s.id + "'").value_or("");
    s.url = r.text(n, "url", "source", false).value_or("");
    pack_.sources.push_back(std::move(s));
  });
  each_item(doc, "sections", [&](const YAML::Node& n) {
    r.only_keys(n, {"id", "title"}, "a section");
    Section s;
    if (!declare(sections_, doc, n, "section", s.id)) return;
    s.title = r.text(n, "title", "section '" + s.id + "'").value_or("");
    pack_.sections.push_back(std::move(s));
  });
  each_item(doc, "exploitation_types", [&](const YAML::Node& n) {
    r.only_keys(n, {"id", "title", "when"}, "an exploitation type");
    ExploitationType t;
    if (!declare(ids_.types, doc, n, "exploitation type", t.id)) return;
    t.title = r.text(n, "title", "exploitation type '" + t.id + "'").value_or("");
    t.reported = n["when"].IsDefined();
    t.where = r.where(n);
    pack_.exploitation_types.push_back(std::move(t));
    types_.push_back({&doc, n});
  });
  each_item(doc, "questions", [&](const YAML::Node& n) {
    std::string id;
    if (declare(ids_.questions, doc, n, "question", id)) questions_.push_back({&doc, n});
  });
  each_item(doc, "facts", [&](const YAML::Node& n) {
    r.only_keys(n, {"id", "text", "text_when_false", "when"}, "a fact");
    Fact f;
    if (!declare(ids_.facts, doc, n, "fact", f.id)) return;
    f.text = r.text(n, "text", "fact '" + f.id + "'").value_or("");
    f.text_when_false = r.text(n, "text_when_false", "fact", false).value_or("");
    f.where = r.where(n);
    if (!n["when"].IsDefined()) r.error(n, "fact '" + f.id + "' has no 'when'");
    pack_.facts.push_back(std::move(f));
    facts_.push_back({&doc, n});
  });
  each_item(doc, "indicators", [&](const YAML::Node& n) {
    std::string id;
    if (declare(ids_.indicators, doc, n, "indicator", id)) indicators_.push_back({&doc, n});
  });
  each_item(doc, "pathways", [&](const YAML::Node& n) {
    r.only_keys(n, {"id", "title", "action", "when", "emergency_guidance"}, "a pathway");
    Pathway p;
    if (!declare(ids_.pathways, doc, n, "pathway", p.id)) return;
    p.title = r.text(n, "title", "pathway '" + p.id + "'").value_or("");
    p.action = r.text(n, "action", "pathway '" + p.id + "'").value_or("");
    if (const YAML::Node g = n["emergency_guidance"]; g.IsDefined())
      p.emergency_guidance = r.boolean(g, "pathway '" + p.id + "' emergency_guidance").value_or(false);
    p.where = r.where(n);
    if (!n["when"].IsDefined()) r.error(n, "pathway '" + p.id + "' has no 'when'");
    pack_.pathways.push_back(std::move(p));
    pathways_.push_back({&doc, n});
  });
  each_item(doc, "bands", [&](const YAML::Node& n) {
    r.only_keys(n, {"id", "band", "when", "explain"}, "a band rule");
    BandRule b;
    if (!declare(band_rule_ids_, doc, n, "band rule", b.id)) return;
    const auto word = r.text(n, "band", "band rule '" + b.id + "'");
    const auto band = word ? parse_band(*word) : std::nullopt;
    if (word && !band) r.error(n["band"], "band must be emergency, refer, assess or none");
    b.outcome = band.value_or(Band::none);
    b.explain = r.text(n, "explain", "band rule '" + b.id + "'").value_or("");
    b.where = r.where(n);
    pack_.band_rules.push_back(std::move(b));
    bands_.push_back({&doc, n});
  });
  each_item(doc, "signposts", [&](const YAML::Node& n) {
    r.only_keys(n, {"id", "organisation", "priority", "why", "when"}, "a signpost rule");
    SignpostRule s;
    if (!declare(signpost_ids_, doc, n, "signpost rule", s.id)) return;
    s.why = r.text(n, "why", "signpost rule '" + s.id + "'").value_or("");
    s.where = r.where(n);
    if (n["priority"].IsDefined())
      s.priority = static_cast<int>(r.number(n["priority"], "'priority'").value_or(0));
    if (const auto org = r.text(n, "organisation", "signpost rule '" + s.id + "'")) {
      const auto it = organisations_.find(*org);
      if (it == organisations_.end())
        r.error(n["organisation"], "unknown organisation '" + *org + "'");
      else
        s.organisation = it->second;
    }
    if (!n["when"].IsDefined()) r.error(n, "signpost rule '" + s.id + "' has no 'when'");
    pack_.signposts.push_back(std::move(s));
    signposts_.push_back({&doc, n});
  });
  if (const YAML::Node e = doc.root["elements"]; e.IsDefined()) {
    if (elements_doc_) r.error(e, "'elements' is defined twice");
    else read_elements(doc, e);
  }
}

void PackBuilder::read_directory(const Document& doc) {
  const YamlReader& r = doc.reader;
  r.only_keys(doc.root, {"organisations", "checked", "note"}, "the organisation directory");
  each_item(doc, "organisations", [&](const YAML::Node& n) {
    r.only_keys(n, {"id", "name", "contact", "web", "serves", "source", "checked", "note"},
                "an organisation");
    Organisation o;
    if (!declare(organisations_, doc, n, "organisation", o.id)) return;
    const std::string what = "organisation '" + o.id + "'";
    o.name = r.text(n, "name", what).value_or("");
    o.contact = r.text(n, "contact", what).value_or("");
    o.web = r.text(n, "web", what, false).value_or("");
    o.serves = read_serves(r, n["serves"]);
    o.source = r.text(n, "source", what).value_or("");
    o.checked = r.text(n, "checked", what).value_or("");
    o.where = r.where(n);
    pack_.organisations.push_back(std::move(o));
  });
}

void PackBuilder::read_question(const Document& doc, const YAML::Node& n) {
  const YamlReader& r = doc.reader;
  r.only_keys(n, {"id", "section", "text", "help", "ask", "type", "options", "offer", "min", "max",
                  "enable_when"},
              "a question");
  Question q;
  q.id = n["id"].Scalar();
  q.where = r.where(n);
  const std::string what = "question '" + q.id + "'";
  q.text = r.text(n, "text", what).value_or("");
  q.help = r.text(n, "help", what, false).value_or("");
  q.ask = r.text(n, "ask", what, false).value_or("");
  if (const auto s = r.text(n, "section", what)) {
    const auto it = sections_.find(*s);
    if (it == sections_.end()) r.error(n["section"], "unknown section '" + *s + "'");
    else q.section = it->second;
  }
  if (const auto t = r.text(n, "type", what)) {
    const auto type = parse_answer_type(*t);
    if (!type)
      r.error(n["type"], "type must be yes_no, single_choice, multiple_choice, number, date or free_text");
    q.type = type.value_or(AnswerType::yes_no);
  }
  const bool choice = q.type == AnswerType::single_choice || q.type == AnswerType::multiple_choice;
  if (const YAML::Node opts = n["options"]; opts.IsDefined()) {
    if (!choice) {
      r.error(opts, what + " is not a choice question and cannot have options");
    } else if (r.expect_list(opts, "'options'")) {
      for (const YAML::Node& o : opts) {
        if (!r.expect_map(o, "an option")) continue;
        r.only_keys(o, {"value", "text"}, "an option");
        Option option;
        const auto value = r.text(o, "value", "an option of " + what);
        if (!value) continue;
        if (*value == kDontKnow || *value == kPreferNotToSay) {
          r.error(o["value"], "'" + *value + "' is reserved: offer it with 'offer' instead");
          continue;
        }
        for (const Option& other : q.options)
          if (other.value == *value) r.error(o["value"], "duplicate option value '" + *value + "'");
        option.value = *value;
        option.text = r.text(o, "text", "option '" + *value + "'").value_or("");
        q.options.push_back(std::move(option));
      }
      if (q.options.size() > 64) r.error(opts, what + " has more than 64 options");
    }
  } else if (choice) {
    r.error(n, what + " is a choice question but has no 'options'");
  }
  if (const YAML::Node offer = n["offer"]; offer.IsDefined() && r.expect_list(offer, "'offer'")) {
    for (const YAML::Node& o : offer) {
      if (o.IsScalar() && o.Scalar() == kDontKnow) q.offer_dont_know = true;
      else if (o.IsScalar() && o.Scalar() == kPreferNotToSay) q.offer_prefer_not_to_say = true;
      else r.error(o, "'offer' may list only dont_know and prefer_not_to_say");
    }
  }
  for (const char* bound : {"min", "max"}) {
    if (!n[bound].IsDefined()) continue;
    if (q.type != AnswerType::number) r.error(n[bound], std::string("'") + bound + "' is only for number questions");
    if (const auto v = r.number(n[bound], std::string("'") + bound + "'"))
      (std::string_view(bound) == "min" ? q.min : q.max) = *v;
  }
  if (q.min > q.max) r.error(n["max"], what + ": 'max' is smaller than 'min'");
  pack_.questions.push_back(std::move(q));
}

void PackBuilder::read_indicator(const Document& doc, const YAML::Node& n) {
  const YamlReader& r = doc.reader;
  r.only_keys(n, {"id", "text", "element", "types", "grade", "grade_verified", "source",
                  "source_ref", "verified", "when"},
              "an indicator");
  Indicator ind;
  ind.id = n["id"].Scalar();
  ind.where = r.where(n);
  const std::string what = "indicator '" + ind.id + "'";
  ind.text = r.text(n, "text", what).value_or("");
  const YAML::Node element = n["element"];
  std::vector<YAML::Node> element_words;
  if (!element.IsDefined()) r.error(n, what + " has no 'element'");
  else if (element.IsSequence())
    for (const YAML::Node& e : element) element_words.push_back(e);
  else element_words.push_back(element);
  for (const YAML::Node& e : element_words) {
    const auto parsed = e.IsScalar() ? parse_indicator_element(e.Scalar()) : std::nullopt;
    if (!parsed) r.error(e, "element must be action, means, purpose, vulnerability or child");
    else ind.elements.push_back(*parsed);
  }
  if (element.IsDefined() && element_words.empty()) r.error(element, what + " needs an element");
  if (const YAML::Node types = n["types"]; !types.IsDefined()) {
    r.error(n, what + " has no 'types' (exploitation types)");
  } else if (r.expect_list(types, "'types'")) {
    for (const YAML::Node& t : types) {
      const auto it = t.IsScalar() ? ids_.types.find(t.Scalar()) : ids_.types.end();
      if (it == ids_.types.end())
        r.error(t, "unknown exploitation type '" + (t.IsScalar() ? t.Scalar() : std::string()) + "'");
      else
        ind.types.push_back(it->second);
    }
  }
  if (const auto g = r.text(n, "grade", what)) {
    const auto grade = parse_grade(*g);
    if (!grade) r.error(n["grade"], "grade must be strong, medium, weak or none");
    ind.grade = grade.value_or(Grade::none);
  }
  if (n["grade_verified"].IsDefined())
    ind.grade_verified = r.boolean(n["grade_verified"], "'grade_verified'").value_or(false);
  else if (ind.grade != Grade::none)
    r.error(n, what + " has a grade but no 'grade_verified'");
  if (!n["source"].IsDefined()) {
    r.error(n, what + " has no source");
  } else if (const auto s = r.text(n, "source", what)) {
    const auto it = sources_.find(*s);
    if (it == sources_.end()) r.error(n["source"], "unknown source '" + *s + "'");
    else ind.source = it->second;
  }
  ind.source_ref = r.text(n, "source_ref", what, false).value_or("");
  if (!n["verified"].IsDefined()) r.error(n, what + " has no 'verified' (yes or no)");
  else ind.verified = r.boolean(n["verified"], "'verified'").value_or(false);
  if (!n["when"].IsDefined()) r.error(n, what + " has no 'when'");
  pack_.indicators.push_back(std::move(ind));
}

void PackBuilder::read_elements(const Document& doc, const YAML::Node& node) {
  const YamlReader& r = doc.reader;
  elements_doc_ = &doc;
  if (!r.expect_map(node, "'elements'")) return;
  r.only_keys(node, {"adult", "child"}, "'elements'");
  for (int who = 0; who < 2; ++who) {
    const char* group = who == 0 ? "adult" : "child";
    const YAML::Node g = node[group];
    if (!g.IsDefined()) {
      r.error(node, std::string("'elements' has no '") + group + "' rules");
      continue;
    }
    if (!r.expect_map(g, std::string("'elements.") + group + "'")) continue;
    r.only_keys(g, {"action", "means", "purpose"}, std::string("'elements.") + group + "'");
    for (LegalElement e : kLegalElements) {
      const std::string name(to_string(e));
      const YAML::Node list = g[name];
      const std::string what = std::string("'elements.") + group + "." + name + "'";
      if (!list.IsDefined()) {
        r.error(g, what + " is missing");
        continue;
      }
      if (!r.expect_list(list, what)) continue;
      if (list.size() == 0) r.error(list, what + " must have at least one rule");
      auto& rules = pack_.element_rules[static_cast<std::size_t>(who)][static_cast<std::size_t>(e)];
      for (const YAML::Node& item : list) {
        if (!r.expect_map(item, "an element rule")) continue;
        r.only_keys(item, {"id", "status", "when", "explain"}, "an element rule");
        ElementRule rule;
        if (!declare(element_rule_ids_, doc, item, "element rule", rule.id)) continue;
        const auto word = r.text(item, "status", "element rule '" + rule.id + "'");
        const auto status = word ? parse_element_status(*word) : std::nullopt;
        if (word && !status)
          r.error(item["status"], "status must be present, partial, absent, unknown or not_required");
        rule.outcome = status.value_or(ElementStatus::unknown);
        rule.explain = r.text(item, "explain", "element rule '" + rule.id + "'").value_or("");
        rule.where = r.where(item);
        rules.push_back(std::move(rule));
        element_rules_[static_cast<std::size_t>(who)][static_cast<std::size_t>(e)].push_back({&doc, item});
      }
    }
  }
}

template <class Rule>
void PackBuilder::compile_ordered(std::vector<Rule>& rules, const std::vector<Pending>& pending,
                                  ConditionScope scope, std::vector<Node>* reads,
                                  std::string_view what) {
  std::vector<Node> ignored;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const YAML::Node when = pending[i].node["when"];
    const YamlReader& r = pending[i].doc->reader;
    if (when.IsDefined()) {
      rules[i].when = compiler_.compile(when, r, scope, reads ? *reads : ignored);
      if (i + 1 == rules.size())
        r.error(pending[i].node, "the last " + std::string(what) +
                                     " rule must have no 'when', so that one rule always applies");
    } else if (i + 1 < rules.size()) {
      r.error(pending[i + 1].node, "this " + std::string(what) +
                                       " rule can never apply: the rule before it has no 'when'");
    }
  }
}

void PackBuilder::compile_conditions() {
  ConditionCompiler& compiler = compiler_;
  const std::size_t q_count = pack_.questions.size();
  const std::size_t f_count = pack_.facts.size();
  const std::size_t i_count = pack_.indicators.size();
  graph_reads_.assign(q_count + f_count + i_count + 3, {});
  auto reads_of = [&](NodeKind kind, std::size_t i) -> std::vector<Node>& {
    return graph_reads_[graph_slot(pack_, {kind, static_cast<std::int32_t>(i)})];
  };
  for (std::size_t i = 0; i < q_count; ++i) {
    const YAML::Node when = questions_[i].node["enable_when"];
    if (when.IsDefined())
      pack_.questions[i].enable_when =
          compiler.compile(when, questions_[i].doc->reader, {}, reads_of(NodeKind::question, i));
  }
  for (std::size_t i = 0; i < f_count; ++i)
    pack_.facts[i].when = compiler.compile(facts_[i].node["when"], facts_[i].doc->reader, {},
                                           reads_of(NodeKind::fact, i));
  for (std::size_t i = 0; i < i_count; ++i)
    pack_.indicators[i].when = compiler.compile(indicators_[i].node["when"],
                                                indicators_[i].doc->reader, {},
                                                reads_of(NodeKind::indicator, i));
  for (std::size_t who = 0; who < 2; ++who) {
    for (std::size_t e = 0; e < 3; ++e) {
      auto& reads = reads_of(NodeKind::element, e);
      compile_ordered(pack_.element_rules[who][e], element_rules_[who][e], {}, &reads,
                      "element");
      if (pack_.treated_as_child_fact >= 0)
        reads.push_back({NodeKind::fact, pack_.treated_as_child_fact});
    }
  }
  compile_ordered(pack_.band_rules, bands_, {}, nullptr, "band");
  for (std::size_t i = 0; i < pack_.exploitation_types.size(); ++i) {
    std::vector<Node> ignored;
    if (pack_.exploitation_types[i].reported)
      pack_.exploitation_types[i].when = compiler.compile(types_[i].node["when"], types_[i].doc->reader, {}, ignored);
  }
  for (std::size_t i = 0; i < pack_.pathways.size(); ++i) {
    std::vector<Node> ignored;
    pack_.pathways[i].when = compiler.compile(pathways_[i].node["when"], pathways_[i].doc->reader,
                                              {.allow_band = true}, ignored);
  }
  for (std::size_t i = 0; i < pack_.signposts.size(); ++i) {
    std::vector<Node> ignored;
    pack_.signposts[i].when =
        compiler.compile(signposts_[i].node["when"], signposts_[i].doc->reader,
                         {.allow_band = true, .allow_pathway = true}, ignored);
  }
}

}  // namespace

std::optional<std::string> read_file(const std::filesystem::path& path) {
  // Regular files only, and bounded: a folder, /dev/zero or a pipe is refused, never read without end.
  return waymark::text::read_regular_file(path, kMaxPackFileBytes).text;
}

LoadResult load_rule_pack(const std::filesystem::path& file, const FileReader& reader) {
  LoadResult result;
  try {
    PackBuilder builder(reader, result.errors);
    result.pack = builder.build(file);
  } catch (const std::exception&) {
    // yaml-cpp may throw on odd input we did not foresee; refuse rather than crash.
    result.errors.push_back(
        LoadError{SourceLocation{file.string(), 1, 1}, "the pack could not be read (unexpected structure)"});
  }
  if (!result.errors.empty()) result.pack.reset();
  return result;
}

}  // namespace waymark::rules
