#pragma once
// The body of the PDF as a list of blocks of Qt rich text (the subset of HTML that QTextDocument
// reads). A block is never split across pages unless it is taller than a page; a heading keeps with
// the block after it. Layout only: every word comes from the ReferralSummary.
#include <QString>

#include <vector>

#include "report/referral_summary.h"

namespace waymark::pdf {

struct Block {
  QString html;
  bool keep_with_next = false;
  int space_before = 0;  // in points
};

[[nodiscard]] std::vector<Block> summary_blocks(const report::ReferralSummary& summary);

}  // namespace waymark::pdf
