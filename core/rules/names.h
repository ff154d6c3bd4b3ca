#pragma once
// The words a pack uses for its enumerations, both ways.
#include <optional>
#include <string_view>

#include "rules/rule_pack.h"

namespace waymark::rules {

[[nodiscard]] std::optional<AnswerType> parse_answer_type(std::string_view);
[[nodiscard]] std::optional<LegalElement> parse_legal_element(std::string_view);
[[nodiscard]] std::optional<IndicatorElement> parse_indicator_element(std::string_view);
[[nodiscard]] std::optional<ElementStatus> parse_element_status(std::string_view);
[[nodiscard]] std::optional<Band> parse_band(std::string_view);
[[nodiscard]] std::optional<Grade> parse_grade(std::string_view);

inline constexpr std::string_view kDontKnow = "dont_know";
inline constexpr std::string_view kPreferNotToSay = "prefer_not_to_say";

}  // namespace waymark::rules
