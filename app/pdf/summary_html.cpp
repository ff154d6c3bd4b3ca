#include "pdf/summary_html.h"

#include "report/summary_render.h"

namespace waymark::pdf {
namespace {

QString esc(const std::string& text) {
  QString out = QString::fromStdString(text).toHtmlEscaped();
  out.replace(QLatin1Char('\n'), QLatin1String("<br>"));
  return out;
}

// Band colours a reader can tell apart in print; the heading's words carry the meaning on their own.
const char* band_colour(const std::string& band) {
  if (band == "emergency") return "#f6d5d5";
  if (band == "refer") return "#fbe6c8";
  if (band == "assess") return "#f3f0c6";
  return "#dfeedd";
}

const QString kMuted = QStringLiteral("color: #4a4a4a;");

void steps_and_organisations(const report::ReferralSummary& s, const report::Section& sec, std::vector<Block>& out) {
  int n = 0;
  for (const auto& st : s.steps) {
    QString h = QStringLiteral("<p><b>%1. %2</b><br>%3").arg(++n).arg(esc(st.title), esc(st.action));
    if (!st.why.empty()) {
      QString why;
      for (const auto& w : st.why) why += (why.isEmpty() ? "" : "; ") + esc(w);
      h += QStringLiteral("<br><span style=\"font-size: 8.5pt; %1\">Why: %2</span>").arg(kMuted, why);
    }
    out.push_back({h + "</p>", false, 4});
  }
  out.push_back({QStringLiteral("<p style=\"font-size: 11pt;\"><b>Organisations</b></p>"), true, 8});
  for (const auto& o : s.organisations) {
    QString h = QStringLiteral("<p><b>%1</b><br>%2").arg(esc(o.name), esc(o.contact));
    if (!o.web.empty()) h += QStringLiteral("<br>%1").arg(esc(o.web));
    h += QStringLiteral("<br><span style=\"font-size: 8.5pt; %1\">As published (checked: %2).").arg(kMuted, esc(o.checked));
    for (const auto& w : o.why) h += " " + esc(w);
    out.push_back({h + "</span></p>", false, 4});
  }
  for (const auto& l : sec.lines) out.push_back({QStringLiteral("<p><i>%1</i></p>").arg(esc(l)), false, 4});
}

}  // namespace

std::vector<Block> summary_blocks(const report::ReferralSummary& s) {
  std::vector<Block> out;
  QString head = QStringLiteral("<p style=\"font-size: 17pt;\"><b>%1</b></p><p style=\"%2\">%3</p>")
                     .arg(esc(s.title), kMuted, esc(s.purpose));
  out.push_back({head, false, 0});
  QString band = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"7\"><tr><td style=\"background-color: %1;\">"
                                "<span style=\"font-size: 12pt;\"><b>%2</b></span>")
                     .arg(QLatin1String(band_colour(s.band)), esc(s.band_heading));
  if (!s.band_explain.empty()) band += QStringLiteral("<br>%1").arg(esc(s.band_explain));
  out.push_back({band + "</td></tr></table>", false, 6});
  out.push_back({QStringLiteral("<p style=\"%1\">Case %2 &nbsp;|&nbsp; screened on %3 &nbsp;|&nbsp; rule pack %4 %5</p>")
                     .arg(kMuted, esc(s.reference), esc(s.screened_on), esc(s.pack_id), esc(s.pack_version)),
                 false, 6});

  int n = 0;
  for (const auto& sec : s.sections) {
    QString title = QStringLiteral("<p style=\"font-size: 12.5pt;\"><b>%1. %2</b></p>").arg(++n).arg(esc(sec.title));
    if (!sec.form_step.empty())
      title += QStringLiteral("<p style=\"font-size: 8pt; %1\">Online form page: %2</p>").arg(kMuted, esc(sec.form_step));
    out.push_back({title, true, 14});
    for (const auto& e : sec.entries)
      out.push_back({QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"1\"><tr>"
                                    "<td width=\"44%\" style=\"%1\">%2</td><td width=\"2%\"></td><td><b>%3</b></td></tr></table>")
                         .arg(kMuted, esc(e.label), esc(e.value)),
                     false, 3});
    if (sec.id == "steps") {
      steps_and_organisations(s, sec, out);
      continue;
    }
    for (const auto& b : sec.bullets)
      out.push_back({QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr><td width=\"14\">&#8226;</td>"
                                    "<td>%1</td></tr></table>")
                         .arg(esc(b)),
                     false, 3});
    for (const auto& l : sec.lines) out.push_back({QStringLiteral("<p>%1</p>").arg(esc(l)), false, 5});
    for (const auto& d : sec.drafts) {
      QString h = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"7\" border=\"1\" "
                                 "style=\"border-color: #8a8a8a; border-style: solid;\"><tr><td>");
      h += QStringLiteral("<p style=\"font-size: 8.5pt; color: #7a3b00;\"><b>%1</b></p>").arg(esc(report::draft_heading(d)));
      if (d.over_limit()) h += QStringLiteral("<p><b>This draft is longer than the box allows: shorten it.</b></p>");
      h += QStringLiteral("<p>%1</p>").arg(esc(d.text));
      if (!d.not_covered.empty())
        h += QStringLiteral("<p style=\"font-size: 8.5pt; %1\"><i>%2</i></p>").arg(kMuted, esc(d.not_covered));
      out.push_back({h + "</td></tr></table>", false, 8});
    }
  }
  return out;
}

}  // namespace waymark::pdf
