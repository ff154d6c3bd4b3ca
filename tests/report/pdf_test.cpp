// The PDF: readable with poppler's pdftotext, paginated, headed with the marking and case reference on
// every page, numbered, metadata without personal data, and no canary in a Duty to Notify PDF.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "canary.h"
#include "pdf/pdf_renderer.h"
#include "report_support.h"

namespace waymark::test {
namespace {

namespace fs = std::filesystem;
using report::Variant;

class Pdf : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { pdf::ensure_gui(); }
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("waymark-pdf-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Writes the PDF and returns what `tool` (pdftotext, pdfinfo) prints about it.
  std::string run(const std::string& tool, const std::string& bytes) {
    const fs::path file = dir_ / "summary.pdf";
    std::ofstream(file, std::ios::binary) << bytes;
    const std::string command = tool + " '" + file.string() + "'" + (tool == "pdfinfo" ? "" : " -") + " 2>&1";
    std::string out;
    if (FILE* p = ::popen(command.c_str(), "r")) {
      char buf[4096];
      while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
      EXPECT_EQ(::pclose(p), 0) << command << ": " << out;
    }
    return out;
  }
  std::string text_of(const std::string& bytes) { return run("pdftotext -layout", bytes); }
  std::string info_of(const std::string& bytes) { return run("pdfinfo", bytes); }
  fs::path dir_;
};

// pdftotext joins wrapped lines with a line break: compare with all white space made single spaces.
std::string flat(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

int pages_in(const std::string& info) {
  const auto at = info.find("Pages:");
  return at == std::string::npos ? 0 : std::atoi(info.c_str() + at + 6);
}

TEST_F(Pdf, EveryVariantCarriesBandStepsAndOrganisations) {
  for (const char* name : kScenarios) {
    for (Variant v : {Variant::full, Variant::dtn, Variant::handover}) {
      const auto s = golden_summary(name, v);
      const std::string bytes = pdf::render_pdf(s);
      ASSERT_EQ(bytes.rfind("%PDF-", 0), 0u);
      const std::string text = flat(text_of(bytes));
      const std::string what = std::string(name) + " " + std::string(report::to_string(v));
      EXPECT_NE(text.find(flat(s.band_heading)), std::string::npos) << what;
      for (const auto& st : s.steps) EXPECT_NE(text.find(flat(st.title)), std::string::npos) << what << ": " << st.title;
      for (const auto& o : s.organisations) EXPECT_NE(text.find(flat(o.name)), std::string::npos) << what << ": " << o.name;
    }
  }
}

TEST_F(Pdf, PagesAreHeadedNumberedAndMarked) {
  const auto s = golden_summary("v01_labour_hungarian_man", Variant::full);
  const std::string bytes = pdf::render_pdf(s);
  const int pages = pages_in(info_of(bytes));
  ASSERT_GT(pages, 1);
  const std::string text = text_of(bytes);
  std::size_t from = 0;
  for (int p = 1; p <= pages; ++p) {
    const std::size_t end = text.find('\f', from);
    const std::string page = text.substr(from, end - from);
    EXPECT_NE(page.find("OFFICIAL-SENSITIVE"), std::string::npos) << "page " << p;
    EXPECT_NE(page.find("Case " + s.reference), std::string::npos) << "page " << p;
    EXPECT_NE(page.find("Page " + std::to_string(p) + " of " + std::to_string(pages)), std::string::npos) << p;
    from = end + 1;
  }
  // Each drafted paragraph is there in full, marked as a draft with its box.
  const std::string all = flat(text);
  for (const auto& sec : s.sections)
    for (const auto& d : sec.drafts) {
      EXPECT_NE(all.find(flat(d.box)), std::string::npos) << d.id;
      EXPECT_NE(all.find(flat(d.text.substr(0, 60))), std::string::npos) << d.id;
    }
  EXPECT_NE(all.find("DRAFT for the form box"), std::string::npos);
  // Copied into the online form, words must be plain letters: no ligature characters (U+FB00-FB06).
  EXPECT_EQ(text.find("\xEF\xAC"), std::string::npos);
}

TEST_F(Pdf, DutyToNotifyPdfHoldsNoCanaryInTextOrMetadata) {
  const auto& pack = canary_pack();
  const auto answers = canary_answers();
  auto facts = case_facts(pack, kCanaryNote);
  facts.screened_by = "CANARY-ACCOUNT";
  const auto s = report::build_summary(facts, pack, answers, rules::assess(pack, answers), Variant::dtn);
  const std::string bytes = pdf::render_pdf(s);
  EXPECT_EQ(canaries_in(text_of(bytes), pack.sha256), std::vector<std::string>{});
  EXPECT_EQ(canaries_in(info_of(bytes), pack.sha256), std::vector<std::string>{});
  EXPECT_EQ(bytes.find("CANARY"), std::string::npos);
  // The metadata names the kind of document only: no case reference, no author.
  const std::string info = info_of(bytes);
  EXPECT_NE(flat(info).find("Title: Duty to Notify summary (anonymous) Creator: Waymark"), std::string::npos) << info;
  EXPECT_EQ(info.find(s.reference), std::string::npos) << info;
  EXPECT_EQ(info.find("Author:"), std::string::npos) << info;
}

}  // namespace
}  // namespace waymark::test
