// build_summary(): the one place where a case becomes a referral summary. Renderers only lay it out.
#include <algorithm>
#include <cstdio>

#include "report/draft_paragraphs.h"
#include "report/reasons.h"
#include "report/referral_summary.h"
#include "report/wording.h"
#include "rules/answers_json.h"
#include "rules/evaluation.h"

namespace waymark::report {
namespace {

struct SectionInfo {
  std::string_view id, title, step;
  bool full, dtn, handover;
};

// The sections in the order of the online NRM form (shared/reference/nrm-form.md) and which variants
// carry them. Handover leaves out the account of the exploitation and every piece of legal reasoning.
constexpr SectionInfo kSections[] = {
    {"organisation", "Organisation and context", "organisation", true, true, true},
    {"age", "Age and child routing", "pv-under-age", true, true, true},
    {"background", "Background", "what-is-their-background", true, true, true},
    {"exploitation_start", "How the exploitation started", "how-did-the-exploitation-start", true, true, false},
    {"journeys", "Journeys", "were-they-taken-somewhere-by-their-exploiter", true, true, false},
    {"treatment", "How they were treated", "how-they-were-treated", true, true, false},
    {"situation", "Still in the situation: what keeps them there, or how they left",
     "is-the-potential-victim-still-in-an-exploitative-situation", true, true, true},
    {"last_contact", "Last contact and risk of re-exploitation", "when-last-contact", true, true, true},
    {"indicators", "Indicators found", "modern-slavery-indicators", true, true, false},
    {"interview", "Interview context", "where-how-interview-carried-out", true, true, true},
    {"professional", "Professional view and notes", "professional-insight", true, true, false},
    {"others_involved", "Other professionals", "are-others-involved", true, true, false},
    {"location", "Where it happened", "where-exploitation-happened", true, true, false},
    {"types", "Types of exploitation", "types-of-exploitation", true, true, true},
    {"other_victims", "Other potential victims", "any-other-pvs", true, true, true},
    {"consent", "Consent and co-operation", "pv-want-to-submit-nrm", true, true, true},
    {"support", "Support needs", "does-pv-need-support", true, true, true},
    {"steps", "Next steps and organisations", "", true, true, true},
    {"other_answers", "Other answers recorded", "", true, false, false},
    {"rule_pack", "Rule pack and notices", "", true, true, true},
};

bool carries(const SectionInfo& s, Variant v) {
  return v == Variant::full ? s.full : v == Variant::dtn ? s.dtn : s.handover;
}

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm); no clock, no locale.
std::string date_of(std::int64_t unix_ms) {
  if (unix_ms <= 0) return "unknown";
  std::int64_t z = unix_ms / 86400000 + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char buf[64];  // room for any three long longs: GCC's unoptimised builds check the worst case
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(y), static_cast<long long>(m),
                static_cast<long long>(d));
  return buf;
}

// Numbers, dates and free text can say who a person is (an age, a date of birth, a name).
bool identifying(const rules::Question& q) {
  return q.type == rules::AnswerType::number || q.type == rules::AnswerType::date ||
         q.type == rules::AnswerType::free_text;
}

class Builder {
 public:
  Builder(const CaseFacts& facts, const rules::RulePack& pack, const rules::AnswerSet& answers,
          const rules::Assessment& a, Variant v)
      : facts_(facts), pack_(pack), answers_(answers), a_(a), v_(v) {
    rules::evaluate_graph(pack, answers, ev_);
    placed_.assign(pack.questions.size(), false);
    for (const auto& p : pack.referral.placements)
      for (int q : p.questions) placed_[static_cast<std::size_t>(q)] = true;
  }

  ReferralSummary build();

 private:
  bool anonymous() const { return v_ == Variant::dtn; }
  bool reasoning() const { return v_ != Variant::handover; }
  bool visible(int q) const { return ev_.visible[static_cast<std::size_t>(q)] != 0; }
  void answer_entry(Section& s, int q) const;
  std::string because(const std::vector<rules::Reason>& reasons) const;
  void fill(Section& s) const;
  void fill_fixed(Section& s) const;
  void fill_steps(Section& s);
  std::vector<HtcdsValue> htcds() const;
  bool fact(std::string_view id) const;

  const CaseFacts& facts_;
  const rules::RulePack& pack_;
  const rules::AnswerSet& answers_;
  const rules::Assessment& a_;
  Variant v_;
  rules::Evaluation ev_;
  std::vector<bool> placed_;
  ReferralSummary out_;
};

void Builder::answer_entry(Section& s, int q) const {
  const auto& question = pack_.questions[static_cast<std::size_t>(q)];
  if (!visible(q)) return;  // a hidden question's answer does not count
  if (anonymous() && identifying(question)) return;
  const rules::Answer* a = answers_.get(q);
  s.entries.push_back({question.text, a ? rules::answer_to_text(question, *a) : "not answered"});
}

// "r1; r2" in words; in the anonymous variant without answers that could identify the person.
std::string Builder::because(const std::vector<rules::Reason>& reasons) const {
  std::vector<std::string> words;
  for (const auto& r : unique(reasons)) {
    if (anonymous() && r.kind == rules::Reason::Kind::answer &&
        identifying(pack_.questions[static_cast<std::size_t>(r.index)]))
      continue;
    words.push_back(reason_words(pack_, answers_, r));
  }
  return join_words(words, "; ");
}

bool Builder::fact(std::string_view id) const {
  for (std::size_t i = 0; i < pack_.facts.size(); ++i)
    if (pack_.facts[i].id == id) return ev_.facts[i] != 0;
  return false;
}

void Builder::fill_fixed(Section& s) const {
  if (s.id == "organisation") {
    s.entries.insert(s.entries.begin(), {{"Case reference", facts_.reference},
                                         {"Screened on", out_.screened_on},
                                         {"Last updated", out_.updated_on}});
    if (v_ == Variant::full) {
      s.entries.push_back({"Screened by (account)", facts_.screened_by});
      s.entries.push_back({"Case status", facts_.status});
    }
  } else if (s.id == "age") {
    s.entries.insert(s.entries.begin(),
                     {"Treated as", a_.treated_as_child ? "a child (under 18, or may be under 18)" : "an adult"});
    if (reasoning()) {
      const std::string why = because(a_.child_because);
      if (!why.empty()) s.bullets.push_back("Why: " + why);
    }
    if (a_.treated_as_child)
      s.lines.emplace_back(
          "A child needs no consent to be referred. Contact the local authority to safeguard the child "
          "before you finish the referral; the form asks which local authority you contacted.");
  } else if (s.id == "indicators") {
    bool any_unverified = false;
    for (const auto& i : out_.indicators) {
      any_unverified = any_unverified || i.unverified;
      s.bullets.push_back(i.text + " [" + i.element + (i.grade == "none" ? "" : ", " + i.grade) +
                          (i.unverified ? ", UNVERIFIED" : "") + "; source: " + i.source + "]");
    }
    if (out_.indicators.empty()) s.lines.emplace_back("The screening found no indicators.");
    if (any_unverified)
      s.lines.emplace_back("Items marked UNVERIFIED could not be checked against their primary source.");
  } else if (s.id == "professional") {
    s.entries.push_back({"Screening result", out_.band_heading});
    s.lines.push_back(pack_.band_rules[static_cast<std::size_t>(a_.band_rule)].explain);
    const std::size_t who = a_.treated_as_child ? 1 : 0;
    for (rules::LegalElement e : rules::kLegalElements) {
      const auto& f = a_.elements[static_cast<std::size_t>(e)];
      const auto& rule = pack_.element_rules[who][static_cast<std::size_t>(e)][static_cast<std::size_t>(f.rule)];
      std::string name(to_string(e));
      name[0] = static_cast<char>(name[0] - 'a' + 'A');  // "Action", "Means", "Purpose"
      std::string line = name + ": " + std::string(to_string(f.status)) + ". " + rule.explain;
      if (std::string_view(".!?").find(line.back()) == std::string_view::npos) line += '.';
      const std::string why = because(f.because);
      if (!why.empty()) line += " Because: " + why + ".";
      s.bullets.push_back(std::move(line));
    }
    if (v_ == Variant::full)
      s.entries.push_back({"Responder's notes", facts_.notes.empty() ? "none" : facts_.notes});
    else
      s.lines.emplace_back("The responder's notes are not included in this summary.");
  } else if (s.id == "others_involved") {
    s.lines.emplace_back(
        "The screening does not record other professionals. Add any referrals already made (for example "
        "legal team, GP, support worker, social worker) with their references.");
  } else if (s.id == "location") {
    s.lines.emplace_back(
        "The screening does not record the towns, cities or countries where the exploitation happened, or "
        "where the person is staying now. Add them if known.");
  } else if (s.id == "types") {
    for (const auto& t : out_.exploitation_types) s.bullets.push_back(t);
    if (out_.exploitation_types.empty())
      s.lines.emplace_back("The screening does not indicate a type of exploitation.");
    else if (reasoning())
      s.lines.emplace_back("On the form, tick the matching boxes on the page 'How were they exploited?'.");
  } else if (s.id == "consent") {
    if (a_.treated_as_child)
      s.lines.emplace_back("Consent is not needed to refer a child; explain to them what will happen.");
  } else if (s.id == "rule_pack") {
    s.entries = {{"Rule pack", pack_.id}, {"Version", pack_.version}, {"SHA-256", pack_.sha256}};
    if (facts_.pack_sha256 != pack_.sha256 && !facts_.pack_sha256.empty())
      s.entries.push_back({"Screened under", facts_.pack_id + " " + facts_.pack_version + " (SHA-256 " +
                                                 facts_.pack_sha256.substr(0, 12) + "...)"});
    s.bullets = out_.notices;
    s.lines.emplace_back(kJudgementLine);
  } else if (s.id == "other_answers") {
    for (std::size_t q = 0; q < pack_.questions.size(); ++q)
      if (!placed_[q] && answers_.get(static_cast<int>(q))) answer_entry(s, static_cast<int>(q));
  }
}

void Builder::fill_steps(Section& s) {
  for (const auto& f : a_.pathways) {
    const auto& p = pack_.pathways[static_cast<std::size_t>(f.index)];
    Step step{p.id, p.title, p.action, {}};
    std::string bullet = p.title + ": " + p.action;
    if (reasoning()) {
      for (const auto& r : unique(f.because)) {
        if (anonymous() && r.kind == rules::Reason::Kind::answer &&
            identifying(pack_.questions[static_cast<std::size_t>(r.index)]))
          continue;
        step.why.push_back(reason_words(pack_, answers_, r));
      }
    }
    s.bullets.push_back(std::move(bullet));
    out_.steps.push_back(std::move(step));
  }
  for (const auto& f : a_.signposts) {
    const auto& o = pack_.organisations[static_cast<std::size_t>(f.index)];
    OrganisationItem item{o.id, o.name, o.contact, o.web, o.checked, {}};
    for (int r : f.rules) item.why.push_back(pack_.signposts[static_cast<std::size_t>(r)].why);
    std::string bullet = o.name + " - " + o.contact + (o.web.empty() ? "" : " - " + o.web) +
                         " (as published; checked: " + o.checked + ").";
    for (const auto& w : item.why) bullet += " " + w;
    s.bullets.push_back(std::move(bullet));
    out_.organisations.push_back(std::move(item));
  }
  s.lines.emplace_back("Re-check contact details before you use them: numbers, hours and eligibility change.");
}

void Builder::fill(Section& s) const {
  for (const auto& p : pack_.referral.placements)
    if (p.section == s.id)
      for (int q : p.questions) answer_entry(s, q);
  fill_fixed(s);
  if (reasoning()) s.drafts = draft_paragraphs(pack_, answers_, ev_, a_, s.id, anonymous());
}

std::vector<HtcdsValue> Builder::htcds() const {
  std::vector<HtcdsValue> out;
  const auto add = [&](const std::string& field, const std::string& value) {
    auto it = std::find_if(out.begin(), out.end(), [&](const HtcdsValue& h) { return h.field == field; });
    if (it == out.end()) it = out.insert(out.end(), HtcdsValue{field, {}});
    if (std::find(it->values.begin(), it->values.end(), value) == it->values.end()) it->values.push_back(value);
  };
  // A screening can only ever say "possible": an actual victim needs an NRM conclusive grounds decision.
  if (a_.band != rules::Band::none) add("vic_TraffickingStatus", "PossibleVictimOfTrafficking");
  for (const auto& h : pack_.referral.htcds) {
    bool holds = false;
    if (h.type >= 0) {
      holds = std::any_of(a_.exploitation_types.begin(), a_.exploitation_types.end(),
                          [&](const rules::Finding& f) { return f.index == h.type; });
    } else if (visible(h.question)) {
      const rules::Answer* a = answers_.get(h.question);
      if (a && a->is_value())
        holds = h.option < 0 ? a->yes : (a->choices >> static_cast<unsigned>(h.option) & 1U) != 0;
    }
    if (holds) add(h.field, h.value);
  }
  return out;
}

ReferralSummary Builder::build() {
  out_.variant = v_;
  switch (v_) {
    case Variant::full:
      out_.title = "Referral summary";
      out_.purpose = "For an NRM referral with the person's consent, or child safeguarding.";
      break;
    case Variant::dtn:
      out_.title = "Duty to Notify summary (anonymous)";
      out_.purpose =
          "For a Duty to Notify report about an adult who does not consent to a referral. It holds no name, "
          "contact details, date of birth, age, free text or notes.";
      break;
    case Variant::handover:
      out_.title = "Handover summary for a support provider";
      out_.purpose = "Needs, risks and organisations for the service taking the person on. No legal reasoning.";
      break;
  }
  out_.reference = facts_.reference;
  out_.screened_on = date_of(facts_.created_ms);
  out_.updated_on = date_of(facts_.updated_ms);
  out_.band = std::string(to_string(a_.band));
  out_.band_heading = band_heading(a_.band);
  if (reasoning()) out_.band_explain = pack_.band_rules[static_cast<std::size_t>(a_.band_rule)].explain;
  out_.treated_as_child = a_.treated_as_child;
  for (const auto& f : a_.exploitation_types)
    out_.exploitation_types.push_back(pack_.exploitation_types[static_cast<std::size_t>(f.index)].title);
  if (reasoning()) {
    for (const auto& f : a_.indicators) {
      const auto& ind = pack_.indicators[static_cast<std::size_t>(f.index)];
      out_.indicators.push_back({ind.id, ind.text, std::string(to_string(ind.elements.front())),
                                 std::string(to_string(ind.grade)), source_of(pack_, ind), is_unverified(ind)});
    }
    out_.htcds = htcds();
  }
  out_.pack_id = pack_.id;
  out_.pack_version = pack_.version;
  out_.pack_sha256 = pack_.sha256;

  out_.notices = assessment_notices(pack_, a_);
  if (!reasoning())  // the handover lists no indicators, so their verification is not its reader's concern
    std::erase(out_.notices, std::string(kUnverifiedNotice));
  if (v_ != Variant::handover && !pack_.referral.drafts.empty())
    out_.notices.emplace_back(
        "Paragraphs marked DRAFT were written from the screening answers: check, correct and complete each "
        "one with the person's own account before you use it.");
  if (v_ == Variant::dtn && a_.treated_as_child)
    out_.notices.emplace_back(
        "This person is treated as a child. A child is referred to the NRM without consent, not by a Duty "
        "to Notify: use the full summary.");
  if (v_ == Variant::dtn && fact("consent_given"))
    out_.notices.emplace_back("This adult agreed to an NRM referral: the full summary is the one to send.");
  if (v_ == Variant::handover)
    out_.notices.emplace_back("Share this handover only with the person's agreement and only with the service "
                              "that will support them.");
  if (!facts_.pack_sha256.empty() && facts_.pack_sha256 != pack_.sha256) {
    const bool same_name = facts_.pack_id == pack_.id && facts_.pack_version == pack_.version;
    out_.notices.push_back(
        same_name ? "The rule pack's files have changed since the case was screened (same id and version, different "
                    "content), so this summary's result may differ from the one stored with the case."
                  : "The case was screened under rule pack " + facts_.pack_id + " " + facts_.pack_version +
                        "; this summary assesses the same answers under " + pack_.id + " " + pack_.version +
                        ", so its result may differ from the one stored with the case.");
  }

  for (const SectionInfo& info : kSections) {
    if (!carries(info, v_)) continue;
    // A support provider fills no NRM form: the handover names no form pages.
    Section s{std::string(info.id), std::string(info.title), reasoning() ? std::string(info.step) : std::string(),
              {}, {}, {}, {}};
    if (s.id == "steps") fill_steps(s);
    else fill(s);
    if (s.id == "other_answers" && s.entries.empty()) continue;
    out_.sections.push_back(std::move(s));
  }
  return std::move(out_);
}

}  // namespace

std::string_view to_string(Variant v) {
  switch (v) {
    case Variant::full: return "full";
    case Variant::dtn: return "dtn";
    case Variant::handover: return "handover";
  }
  return "";
}

std::string_view to_string(Format f) {
  switch (f) {
    case Format::text: return "text";
    case Format::markdown: return "md";
    case Format::json: return "json";
    case Format::pdf: return "pdf";
  }
  return "";
}

std::optional<Variant> parse_variant(std::string_view s) {
  for (Variant v : {Variant::full, Variant::dtn, Variant::handover})
    if (to_string(v) == s) return v;
  return std::nullopt;
}

std::optional<Format> parse_format(std::string_view s) {
  for (Format f : {Format::text, Format::markdown, Format::json, Format::pdf})
    if (to_string(f) == s) return f;
  return std::nullopt;
}

ReferralSummary build_summary(const CaseFacts& facts, const rules::RulePack& pack, const rules::AnswerSet& answers,
                              const rules::Assessment& assessment, Variant variant) {
  return Builder(facts, pack, answers, assessment, variant).build();
}

std::string export_file_name(const ReferralSummary& summary, Format format) {
  const char* ext = format == Format::text ? "txt" : format == Format::markdown ? "md"
                    : format == Format::json ? "json" : "pdf";
  // The reference is random (never derived from content), so the name says nothing about the person.
  return summary.reference + "-" + std::string(to_string(summary.variant)) + "." + ext;
}

}  // namespace waymark::report
