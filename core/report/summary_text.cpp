// Plain text and Markdown renderings of a referral summary: layout only, every word comes from the model.
#include <sstream>
#include <stdexcept>

#include "report/summary_render.h"

namespace waymark::report {
namespace {

std::string thousands(int n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// Markdown: characters that would start markup are escaped so values print as written.
std::string md(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\`*_[]<>#|").find(c) != std::string_view::npos) out += '\\';
    if (c == '\n') {
      out += "  \n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string indent(const std::string& text, const char* prefix) {
  std::string out = prefix;
  for (char c : text) {
    out += c;
    if (c == '\n') out += prefix;
  }
  return out;
}

std::string continued(const std::string& text, const char* prefix) {
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '\n') out += prefix;
  }
  return out;
}

}  // namespace

std::string label_words(const std::string& label) {
  return !label.empty() && (label.back() == '?' || label.back() == ':') ? label : label + ":";
}

std::string form_step_words(const std::string& step) { return "form page '" + step + "'"; }

std::string draft_heading(const Draft& d) {
  return "DRAFT for the form box \"" + d.box + "\" (" + form_step_words(d.step) + "; up to " +
         thousands(d.limit) + " characters). Check, correct and complete it before use.";
}

std::string summary_to_text(const ReferralSummary& s) {
  std::ostringstream out;
  out << kMarking << "\n" << s.title << " - case " << s.reference << "\n" << s.purpose << "\n\n";
  out << s.band_heading << "\n";
  if (!s.band_explain.empty()) out << "  " << s.band_explain << "\n";
  int n = 0;
  for (const Section& sec : s.sections) {
    out << "\n" << ++n << ". " << sec.title;
    if (!sec.form_step.empty()) out << " (" << form_step_words(sec.form_step) << ")";
    out << "\n";
    for (const Entry& e : sec.entries) out << "  " << label_words(e.label) << " " << continued(e.value, "    ") << "\n";
    for (const std::string& b : sec.bullets) out << "  - " << b << "\n";
    for (const std::string& l : sec.lines) out << "  " << l << "\n";
    for (const Draft& d : sec.drafts) {
      out << "\n  " << draft_heading(d) << "\n";
      if (d.over_limit()) out << "  This draft is longer than the box allows: shorten it.\n";
      out << indent(d.text, "    ") << "\n";
      if (!d.not_covered.empty()) out << "    [" << d.not_covered << "]\n";
    }
  }
  out << "\n" << kMarking << "\n";
  return out.str();
}

std::string summary_to_markdown(const ReferralSummary& s) {
  std::ostringstream out;
  out << "**" << kMarking << "**\n\n# " << md(s.title) << ": case " << md(s.reference) << "\n\n"
      << md(s.purpose) << "\n\n";
  out << "**" << md(s.band_heading) << "**";
  if (!s.band_explain.empty()) out << "  \n" << md(s.band_explain);
  out << "\n";
  int n = 0;
  for (const Section& sec : s.sections) {
    out << "\n## " << ++n << ". " << md(sec.title) << "\n\n";
    if (!sec.form_step.empty()) out << "*" << md(form_step_words(sec.form_step)) << "*\n\n";
    for (const Entry& e : sec.entries) out << "- **" << md(label_words(e.label)) << "** " << md(e.value) << "\n";
    if (!sec.entries.empty()) out << "\n";
    for (const std::string& b : sec.bullets) out << "- " << md(b) << "\n";
    if (!sec.bullets.empty()) out << "\n";
    for (const std::string& l : sec.lines) out << md(l) << "\n\n";
    for (const Draft& d : sec.drafts) {
      out << "> **" << md(draft_heading(d)) << "**\n>\n";
      if (d.over_limit()) out << "> This draft is longer than the box allows: shorten it.\n>\n";
      out << "> " << md(d.text) << "\n";
      if (!d.not_covered.empty()) out << ">\n> *" << md(d.not_covered) << "*\n";
      out << "\n";
    }
  }
  out << "**" << kMarking << "**\n";
  return out.str();
}

std::string render(const ReferralSummary& summary, Format format) {
  switch (format) {
    case Format::text: return summary_to_text(summary);
    case Format::markdown: return summary_to_markdown(summary);
    case Format::json: return summary_to_json(summary).dump(2) + "\n";
    case Format::pdf: break;
  }
  throw std::invalid_argument("PDF is rendered by waymark::pdf::render_pdf (app/pdf)");
}

}  // namespace waymark::report
