#include "rules/names.h"

#include <array>
#include <utility>

namespace waymark::rules {
namespace {

template <class E, std::size_t N>
using Table = std::array<std::pair<E, std::string_view>, N>;

constexpr Table<AnswerType, 6> kAnswerTypes{{{AnswerType::yes_no, "yes_no"},
                                             {AnswerType::single_choice, "single_choice"},
                                             {AnswerType::multiple_choice, "multiple_choice"},
                                             {AnswerType::number, "number"},
                                             {AnswerType::date, "date"},
                                             {AnswerType::free_text, "free_text"}}};
constexpr Table<LegalElement, 3> kLegalElementNames{{{LegalElement::action, "action"},
                                                     {LegalElement::means, "means"},
                                                     {LegalElement::purpose, "purpose"}}};
constexpr Table<IndicatorElement, 5> kIndicatorElements{
    {{IndicatorElement::action, "action"},
     {IndicatorElement::means, "means"},
     {IndicatorElement::purpose, "purpose"},
     {IndicatorElement::vulnerability, "vulnerability"},
     {IndicatorElement::child, "child"}}};
constexpr Table<ElementStatus, 5> kStatuses{{{ElementStatus::present, "present"},
                                             {ElementStatus::partial, "partial"},
                                             {ElementStatus::absent, "absent"},
                                             {ElementStatus::unknown, "unknown"},
                                             {ElementStatus::not_required, "not_required"}}};
constexpr Table<Band, 4> kBands{{{Band::emergency, "emergency"},
                                 {Band::refer, "refer"},
                                 {Band::assess, "assess"},
                                 {Band::none, "none"}}};
constexpr Table<Grade, 4> kGrades{{{Grade::strong, "strong"},
                                   {Grade::medium, "medium"},
                                   {Grade::weak, "weak"},
                                   {Grade::none, "none"}}};

template <class E, std::size_t N>
std::optional<E> parse(const Table<E, N>& table, std::string_view word) {
  for (const auto& [value, name] : table)
    if (name == word) return value;
  return std::nullopt;
}

template <class E, std::size_t N>
std::string_view name(const Table<E, N>& table, E value) {
  for (const auto& [v, n] : table)
    if (v == value) return n;
  return "?";
}

}  // namespace

std::optional<AnswerType> parse_answer_type(std::string_view w) { return parse(kAnswerTypes, w); }
std::optional<LegalElement> parse_legal_element(std::string_view w) {
  return parse(kLegalElementNames, w);
}
std::optional<IndicatorElement> parse_indicator_element(std::string_view w) {
  return parse(kIndicatorElements, w);
}
std::optional<ElementStatus> parse_element_status(std::string_view w) { return parse(kStatuses, w); }
std::optional<Band> parse_band(std::string_view w) { return parse(kBands, w); }
std::optional<Grade> parse_grade(std::string_view w) { return parse(kGrades, w); }

std::string_view to_string(AnswerType v) { return name(kAnswerTypes, v); }
std::string_view to_string(LegalElement v) { return name(kLegalElementNames, v); }
std::string_view to_string(IndicatorElement v) { return name(kIndicatorElements, v); }
std::string_view to_string(ElementStatus v) { return name(kStatuses, v); }
std::string_view to_string(Band v) { return name(kBands, v); }
std::string_view to_string(Grade v) { return name(kGrades, v); }

}  // namespace waymark::rules
