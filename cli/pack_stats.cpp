#include "pack_stats.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

#include "commands.h"
#include "rules/answers_json.h"
#include "rules/assessment.h"
#include "rules/pack_loader.h"
#include "rules/pack_review.h"

namespace waymark::cli {
namespace {

constexpr double kMaxReadingGrade = 6;  // about a reading age of 11

void print_counts(const char* title, const std::map<std::string, int>& counts) {
  std::printf("%s\n", title);
  for (const auto& [name, n] : counts) std::printf("  %-28s %d\n", name.c_str(), n);
}

}  // namespace

int print_pack_stats(const rules::RulePack& pack, const std::string& scenarios_dir) {
  std::printf("rule pack %s %s (%s)\n", pack.id.c_str(), pack.version.c_str(), pack.jurisdiction.c_str());
  std::printf("questions: %zu in %zu sections\n", pack.questions.size(), pack.sections.size());
  std::printf("indicators: %zu\n", pack.indicators.size());
  std::map<std::string, int> by_element, by_grade, by_type;
  std::vector<std::string> unverified;
  for (const auto& ind : pack.indicators) {
    for (auto e : ind.elements) ++by_element[std::string(to_string(e))];
    ++by_grade[std::string(to_string(ind.grade)) +
               (ind.grade != rules::Grade::none && !ind.grade_verified ? " (unverified)" : "")];
    for (int t : ind.types) ++by_type[pack.exploitation_types[static_cast<std::size_t>(t)].id];
    if (!ind.verified) unverified.push_back(ind.id + " (wording)");
    else if (ind.grade != rules::Grade::none && !ind.grade_verified) unverified.push_back(ind.id + " (grade)");
  }
  print_counts("indicators by element (an indicator may count for two):", by_element);
  print_counts("indicators by grade:", by_grade);
  print_counts("indicators by exploitation type:", by_type);
  std::printf("unverified indicators: %zu\n", unverified.size());
  for (const auto& u : unverified) std::printf("  %s\n", u.c_str());

  // Every answer should change the assessment or the steps; one that no rule reads should not be asked.
  const auto read = rules::read_by_rules(pack);
  std::vector<std::string> unread;
  for (std::size_t q = 0; q < pack.questions.size(); ++q)
    if (!read.questions[q]) unread.push_back(pack.questions[q].id);
  std::printf("questions no rule reads: %zu\n", unread.size());
  for (const auto& u : unread) std::printf("  %s\n", u.c_str());
  const auto unread_options = rules::options_no_rule_reads(pack);
  std::printf("options no rule names (each counts only as \"not the others\"): %zu\n", unread_options.size());
  for (const auto& u : unread_options) std::printf("  %s\n", u.c_str());

  // Reading age 11 is about Flesch-Kincaid grade 6: question text and "ask" lines above it are listed.
  std::vector<std::string> hard, no_ask;
  double hardest = 0;
  for (const auto& q : pack.questions) {
    if (q.ask.empty()) no_ask.push_back(q.id);
    for (const std::string* t : {&q.text, &q.ask}) {
      const double grade = rules::flesch_kincaid_grade(*t);
      hardest = std::max(hardest, grade);
      if (grade > kMaxReadingGrade) hard.push_back(q.id + " (" + std::to_string(grade).substr(0, 4) + "): " + *t);
    }
  }
  std::printf("questions without an \"ask\" line: %zu\n", no_ask.size());
  for (const auto& u : no_ask) std::printf("  %s\n", u.c_str());
  std::printf("question texts and ask lines above Flesch-Kincaid grade %.0f: %zu (hardest %.1f)\n",
              kMaxReadingGrade, hard.size(), hardest);
  for (const auto& u : hard) std::printf("  %s\n", u.c_str());

  std::error_code ec;
  if (!std::filesystem::is_directory(scenarios_dir, ec)) {
    std::printf("scenarios: none (no directory %s)\n", scenarios_dir.c_str());
    return kOk;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(scenarios_dir, ec))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<int> shown;
  std::printf("questions shown per scenario (%s):\n", scenarios_dir.c_str());
  for (const auto& file : files) {
    const auto text = rules::read_file(file);
    nlohmann::json doc = text ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json();
    if (!doc.is_object() || !doc.contains("answers")) {
      std::printf("  %-40s unreadable\n", file.filename().c_str());
      continue;
    }
    const auto parsed = rules::answers_from_json_text(pack, nlohmann::json{{"answers", doc["answers"]}}.dump());
    if (!parsed.errors.empty()) {
      std::printf("  %-40s invalid answers: %s\n", file.filename().c_str(), parsed.errors.front().c_str());
      continue;
    }
    const auto a = rules::assess(pack, parsed.answers);
    shown.push_back(a.questions_shown);
    std::printf("  %-40s %3d shown, %2zu unanswered\n", file.filename().c_str(), a.questions_shown,
                a.unanswered.size());
  }
  if (!shown.empty()) {
    std::sort(shown.begin(), shown.end());
    const double median = shown.size() % 2 ? shown[shown.size() / 2]
                                           : (shown[shown.size() / 2 - 1] + shown[shown.size() / 2]) / 2.0;
    std::printf("scenarios: %zu; questions shown: median %.1f, min %d, max %d\n", shown.size(), median,
                shown.front(), shown.back());
  }
  return kOk;
}

}  // namespace waymark::cli
