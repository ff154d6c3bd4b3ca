#pragma once
// Checks a safeguarding lead runs on a pack before publishing it (`rules stats`, the UK pack test):
// which questions no rule reads, and how hard each question is to read. Header-only and pure.
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule_pack.h"

namespace waymark::rules {

namespace review_detail {

// Marks each question a condition reads, and the options its choice tests name (bit per option).
inline void mark_questions(const RulePack& pack, ConditionRef ref, std::vector<char>& read,
                           std::vector<std::uint64_t>& options) {
  if (ref == kAlways) return;
  const Condition& c = pack.conditions.nodes[static_cast<std::size_t>(ref)];
  switch (c.op) {
    case ConditionOp::all:
    case ConditionOp::any:
    case ConditionOp::negate:
      for (int i = 0; i < c.child_count; ++i)
        mark_questions(pack, pack.conditions.children[static_cast<std::size_t>(c.first_child + i)], read,
                       options);
      return;
    case ConditionOp::answer:
      read[static_cast<std::size_t>(c.ref)] = 1;
      if (c.test == AnswerTest::choice_any || c.test == AnswerTest::choice_all)
        options[static_cast<std::size_t>(c.ref)] |= c.mask;
      return;
    default: return;
  }
}

// Syllables by vowel groups, less a silent final "e": the usual estimate behind Flesch-Kincaid.
inline int syllables(std::string_view word) {
  int count = 0;
  bool in_vowels = false;
  for (char ch : word) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    const bool vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    if (vowel && !in_vowels) ++count;
    in_vowels = vowel;
  }
  if (word.size() > 2 && std::tolower(static_cast<unsigned char>(word.back())) == 'e' &&
      !(std::tolower(static_cast<unsigned char>(word[word.size() - 2])) == 'l') && count > 1)
    --count;
  return count < 1 ? 1 : count;
}

}  // namespace review_detail

// Per question: whether any fact, indicator, element rule, band, exploitation type, pathway or
// signpost reads its answer. Another question's enable_when does not count: an answer that only opens
// another question changes nothing by itself.
struct RulesRead {
  std::vector<char> questions;          // per question: some rule reads its answer
  std::vector<std::uint64_t> options;   // per question: the options some rule names (bit = option)
};

[[nodiscard]] inline RulesRead read_by_rules(const RulePack& pack) {
  RulesRead out{std::vector<char>(pack.questions.size(), 0),
                std::vector<std::uint64_t>(pack.questions.size(), 0)};
  auto mark = [&](ConditionRef ref) { review_detail::mark_questions(pack, ref, out.questions, out.options); };
  for (const auto& f : pack.facts) mark(f.when);
  for (const auto& i : pack.indicators) mark(i.when);
  for (const auto& who : pack.element_rules)
    for (const auto& element : who)
      for (const auto& rule : element) mark(rule.when);
  for (const auto& b : pack.band_rules) mark(b.when);
  for (const auto& t : pack.exploitation_types) mark(t.when);
  for (const auto& p : pack.pathways) mark(p.when);
  for (const auto& s : pack.signposts) mark(s.when);
  return out;
}

// The options of choice questions that no rule names ("none of these" aside, which says nothing).
[[nodiscard]] inline std::vector<std::string> options_no_rule_reads(const RulePack& pack) {
  const RulesRead read = read_by_rules(pack);
  std::vector<std::string> out;
  for (std::size_t q = 0; q < pack.questions.size(); ++q) {
    const Question& question = pack.questions[q];
    if (!read.questions[q]) continue;  // listed as a whole question instead
    for (std::size_t o = 0; o < question.options.size(); ++o)
      if (question.options[o].value != "none" && !(read.options[q] & (std::uint64_t{1} << o)))
        out.push_back(question.id + " = " + question.options[o].value);
  }
  return out;
}

// Flesch-Kincaid grade level: 0.39 words per sentence + 11.8 syllables per word - 15.59. Grade 6 is
// about a reading age of 11. Text in brackets counts like any other; numbers count as one syllable.
[[nodiscard]] inline double flesch_kincaid_grade(std::string_view text) {
  int words = 0, sentences = 0, syll = 0;
  std::size_t i = 0;
  bool pending_sentence = false;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (std::isalnum(c) || c == '\'') {
      const std::size_t start = i;
      while (i < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '\'' || text[i] == '-'))
        ++i;
      ++words;
      syll += review_detail::syllables(text.substr(start, i - start));
      pending_sentence = true;
      continue;
    }
    if ((c == '.' || c == '?' || c == '!') && pending_sentence) {
      ++sentences;
      pending_sentence = false;
    }
    ++i;
  }
  if (pending_sentence) ++sentences;
  if (words == 0) return 0;
  return 0.39 * words / sentences + 11.8 * syll / words - 15.59;
}

}  // namespace waymark::rules
