#pragma once
// Renderers of a ReferralSummary that need no Qt: plain text, Markdown and JSON
// (docs/referral-json.schema.json). PDF is app/pdf (waymark::pdf::render_pdf).
#include <nlohmann/json.hpp>

#include <string>

#include "report/referral_summary.h"

namespace waymark::report {

[[nodiscard]] std::string summary_to_text(const ReferralSummary& summary);
[[nodiscard]] std::string summary_to_markdown(const ReferralSummary& summary);
[[nodiscard]] nlohmann::ordered_json summary_to_json(const ReferralSummary& summary);

// Text, Markdown or JSON (pretty, with a final newline). Throws std::invalid_argument for PDF.
[[nodiscard]] std::string render(const ReferralSummary& summary, Format format);

// "DRAFT for the form box "X" (form page: y; up to 15,000 characters). Check, correct and complete it."
[[nodiscard]] std::string draft_heading(const Draft& draft);
// "Case reference:"; a question keeps its question mark.
[[nodiscard]] std::string label_words(const std::string& label);
// "form page 'types-of-exploitation'"
[[nodiscard]] std::string form_step_words(const std::string& step);

}  // namespace waymark::report
