// Runs one golden scenario: {"note", "answers", "expected": {band, treated_as_child, elements,
// pathways (exactly these), signposts (at least these), indicators (at least these)}} against a pack.
// Prints every difference and exits 1 if there is any.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <set>

#include "report/assessment_json.h"
#include "rules/answers_json.h"
#include "rules/assessment.h"
#include "rules/pack_loader.h"

namespace {

std::set<std::string> ids(const nlohmann::ordered_json& list) {
  std::set<std::string> out;
  for (const auto& item : list) out.insert(item.is_object() ? item["id"].get<std::string>() : item.get<std::string>());
  return out;
}

std::string join(const std::set<std::string>& s) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : ", ") + x;
  return "[" + out + "]";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: waymark_golden PACK SCENARIO.json\n");
    return 2;
  }
  auto loaded = waymark::rules::load_rule_pack(argv[1]);
  for (const auto& e : loaded.errors) std::fprintf(stderr, "%s\n", e.to_string().c_str());
  if (!loaded.pack) return 1;
  const auto& pack = *loaded.pack;
  const auto text = waymark::rules::read_file(argv[2]);
  const auto scenario = text ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json();
  if (!scenario.is_object() || !scenario.contains("answers") || !scenario.contains("expected") ||
      !scenario.contains("note")) {
    std::fprintf(stderr, "%s: needs \"note\", \"answers\" and \"expected\"\n", argv[2]);
    return 1;
  }
  const auto parsed = waymark::rules::answers_from_json_text(pack, nlohmann::json{{"answers", scenario["answers"]}}.dump());
  for (const auto& e : parsed.errors) std::fprintf(stderr, "%s: %s\n", argv[2], e.c_str());
  if (!parsed.errors.empty()) return 1;

  const auto assessment = waymark::rules::assess(pack, parsed.answers);
  const auto got = waymark::report::assessment_to_json(pack, parsed.answers, assessment);
  const auto& want = scenario["expected"];
  int failures = 0;
  auto differ = [&](const std::string& what, const std::string& expected, const std::string& actual) {
    std::fprintf(stderr, "%s: %s: expected %s, got %s\n", argv[2], what.c_str(), expected.c_str(), actual.c_str());
    ++failures;
  };
  if (want.contains("band") && want["band"] != got["band"])
    differ("band", want["band"].dump(), got["band"].dump());
  if (want.contains("treated_as_child") && want["treated_as_child"] != got["treated_as_child"])
    differ("treated_as_child", want["treated_as_child"].dump(), got["treated_as_child"].dump());
  if (want.contains("elements"))
    for (const auto& [element, status] : want["elements"].items())
      if (status != got["elements"][element]["status"])
        differ("element " + element, status.dump(), got["elements"][element]["status"].dump());
  if (want.contains("pathways") && ids(want["pathways"]) != ids(got["pathways"]))
    differ("pathways", join(ids(want["pathways"])), join(ids(got["pathways"])));
  for (const char* key : {"signposts", "indicators", "exploitation_types"}) {
    if (!want.contains(key)) continue;
    const auto have = ids(got[key]);
    for (const auto& id : ids(want[key]))
      if (!have.count(id)) differ(std::string(key) + " to include " + id, id, join(have));
  }
  if (want.contains("signposts_exclude")) {
    const auto have = ids(got["signposts"]);
    for (const auto& id : ids(want["signposts_exclude"]))
      if (have.count(id)) differ("signposts not to include " + id, "absent", join(have));
  }
  if (failures) {
    std::fprintf(stderr, "--- assessment\n%s\n", got.dump(2).c_str());
    return 1;
  }
  std::printf("%s: ok (%s)\n", argv[2], got["band"].get<std::string>().c_str());
  return 0;
}
