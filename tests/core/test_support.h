#pragma once
// Shared helpers for the core unit tests: the minimal test pack, packs from text, answers from JSON.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "rules/answers_json.h"
#include "rules/pack_loader.h"

namespace waymark::test {

inline const rules::RulePack& minimal_pack() {
  static const rules::RulePack pack = [] {
    auto r = rules::load_rule_pack(std::string(WAYMARK_TEST_PACKS) + "/minimal/pack.yaml");
    for (const auto& e : r.errors) ADD_FAILURE() << e.to_string();
    return r.pack.value_or(rules::RulePack{});
  }();
  return pack;
}

// Loads a pack from in-memory files (name -> text); the main file is "pack.yaml".
inline rules::LoadResult load_texts(const std::map<std::string, std::string>& files) {
  return rules::load_rule_pack("pack.yaml", [&](const std::filesystem::path& p) -> std::optional<std::string> {
    const auto it = files.find(p.lexically_normal().string());
    if (it == files.end()) return std::nullopt;
    return it->second;
  });
}

inline rules::AnswerSet answers(const rules::RulePack& pack, const std::string& json) {
  auto parsed = rules::answers_from_json_text(pack, R"({"answers": )" + json + "}");
  for (const auto& e : parsed.errors) ADD_FAILURE() << e;
  return parsed.answers;
}

}  // namespace waymark::test
