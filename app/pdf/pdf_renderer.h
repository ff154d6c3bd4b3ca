#pragma once
// A referral summary as PDF: A4, paginated, every page headed with OFFICIAL-SENSITIVE and the case
// reference and numbered "Page n of N". The document's metadata names no person: its title is the
// summary's kind, its author is empty.
#include <string>

#include "report/referral_summary.h"

namespace waymark::pdf {

// The PDF's bytes. Needs a QGuiApplication; without one, call ensure_gui() first (the CLI does).
[[nodiscard]] std::string render_pdf(const report::ReferralSummary& summary);

// Creates a QGuiApplication for a program that has none (the CLI, tests), on the offscreen platform
// unless QT_QPA_PLATFORM says otherwise, so no display is needed. Does nothing if one exists.
void ensure_gui();

}  // namespace waymark::pdf
