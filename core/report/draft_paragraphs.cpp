#include "report/draft_paragraphs.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace waymark::report {
namespace {

std::string fill(const std::string& text, std::string_view name, const std::string& with) {
  std::string out = text;
  const std::string key = "{" + std::string(name) + "}";
  for (std::size_t at = out.find(key); at != std::string::npos; at = out.find(key, at + with.size()))
    out.replace(at, key.size(), with);
  return out;
}

std::string number_words(double n) {
  char buf[32];
  if (std::floor(n) == n && std::fabs(n) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", n);
  else std::snprintf(buf, sizeof buf, "%g", n);
  return buf;
}

std::string answer_sentence(const rules::RulePack& pack, const rules::AnswerSet& answers,
                            const rules::Evaluation& ev, const rules::DraftSentence& s, bool anonymous) {
  const auto& q = pack.questions[static_cast<std::size_t>(s.question)];
  if (!ev.visible[static_cast<std::size_t>(s.question)]) return s.hidden;
  const rules::Answer* a = answers.get(s.question);
  if (a == nullptr || a->kind == rules::Answer::Kind::dont_know) return s.unknown;
  if (a->kind == rules::Answer::Kind::prefer_not_to_say) return s.declined.empty() ? s.unknown : s.declined;
  switch (q.type) {
    case rules::AnswerType::yes_no: return a->yes ? s.yes : s.no;
    case rules::AnswerType::single_choice:
    case rules::AnswerType::multiple_choice: {
      std::vector<std::string> chosen, alone;
      for (std::size_t i = 0; i < q.options.size(); ++i) {
        if (!(a->choices >> i & 1U)) continue;
        if (i < s.alone.size() && !s.alone[i].empty()) alone.push_back(s.alone[i]);
        else chosen.push_back(i < s.words.size() && !s.words[i].empty() ? s.words[i] : inline_words(q.options[i].text));
      }
      std::string out;
      if (!chosen.empty() && !s.chosen.empty()) out = fill(s.chosen, "choices", join_words(chosen));
      for (const auto& sentence : alone) out += (out.empty() ? "" : " ") + sentence;
      return out;
    }
    case rules::AnswerType::number:
      return anonymous || s.value.empty() ? std::string() : fill(s.value, "value", number_words(a->number));
    case rules::AnswerType::date:
      return anonymous || s.value.empty() ? std::string() : fill(s.value, "value", a->text);
    case rules::AnswerType::free_text: return {};  // free text never enters a draft
  }
  return {};
}

std::string indicator_sentence(const rules::RulePack& pack, const rules::Assessment& assessment,
                               const rules::DraftSentence& s) {
  std::vector<std::string> found;
  for (const auto& f : assessment.indicators) {
    const bool listed = s.indicators.empty() ||
                        std::find(s.indicators.begin(), s.indicators.end(), f.index) != s.indicators.end();
    if (listed) found.push_back(pack.indicators[static_cast<std::size_t>(f.index)].text);
  }
  if (found.empty()) return s.none;
  // Indicator texts may hold commas and semicolons: one per line reads best in a form box.
  return fill(s.found, "list", bullet_lines(found));
}

}  // namespace

std::string join_words(const std::vector<std::string>& words, const char* last) {
  // Items that hold commas or "and" themselves are kept apart with semicolons, so a list reads
  // unambiguously ("a; b and c; and d").
  const bool commas = words.size() > 1 && std::any_of(words.begin(), words.end(), [](const std::string& w) {
    return w.find(',') != std::string::npos || w.find(" and ") != std::string::npos;
  });
  const std::string between = commas ? "; " : ", ";
  const std::string_view tail(last);
  const std::string before_last = commas && tail.front() != ';' ? ";" + std::string(tail) : std::string(tail);
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? before_last : between;
    out += words[i];
  }
  return out;
}

std::string bullet_lines(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += "\n- " + item;
  return out + "\n";
}

std::string inline_words(const std::string& text) {
  if (text.size() < 2 || !std::isupper(static_cast<unsigned char>(text[0])) ||
      std::isupper(static_cast<unsigned char>(text[1])))
    return text;
  std::string out = text;
  out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  return out;
}

std::vector<Draft> draft_paragraphs(const rules::RulePack& pack, const rules::AnswerSet& answers,
                                    const rules::Evaluation& ev, const rules::Assessment& assessment,
                                    std::string_view section, bool anonymous) {
  std::vector<Draft> out;
  for (const auto& t : pack.referral.drafts) {
    if (t.section != section) continue;
    std::string text;
    for (const auto& s : t.sentences) {
      std::string sentence;
      switch (s.kind) {
        case rules::DraftSentence::Kind::answer: sentence = answer_sentence(pack, answers, ev, s, anonymous); break;
        case rules::DraftSentence::Kind::indicators: sentence = indicator_sentence(pack, assessment, s); break;
        case rules::DraftSentence::Kind::element:
          sentence = s.by_status[static_cast<std::size_t>(assessment.elements[static_cast<std::size_t>(s.element)].status)];
          break;
      }
      if (sentence.empty()) continue;
      if (!text.empty() && text.back() != '\n') text += ' ';
      text += sentence;
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    if (text.empty()) text = "The screening recorded nothing for this box.";
    out.push_back({t.id, t.box, t.step, t.limit, std::move(text), t.not_covered});
  }
  return out;
}

}  // namespace waymark::report
