// libFuzzer target: the rule-pack loader, from memory. The input is one or more files separated by a
// line "#---8<---": the first is the pack's main file (pack.yaml); each other file the pack names
// (include, directory) gets the next part, in the order the loader asks for them. Whatever the bytes,
// the loader returns a pack or file:line:col messages (never throws, never aborts); a pack it accepts
// assesses and renders without throwing (its text is valid UTF-8).
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.h"
#include "report/assessment_json.h"
#include "report/assessment_text.h"
#include "rules/assessment.h"
#include "rules/session.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace waymark;
  static constexpr std::string_view kSeparator = "\n#---8<---\n";
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> parts;
  for (std::size_t at = 0;;) {
    const std::size_t next = input.find(kSeparator, at);
    parts.emplace_back(input.substr(at, next == std::string_view::npos ? std::string_view::npos : next - at));
    if (next == std::string_view::npos) break;
    at = next + kSeparator.size();
  }
  std::map<std::string, std::size_t> assigned;
  const rules::FileReader reader = [&](const std::filesystem::path& path) -> std::optional<std::string> {
    const std::string key = path.lexically_normal().string();
    if (key == "pack.yaml") return parts[0];
    auto [it, added] = assigned.emplace(key, assigned.size() + 1);
    if (it->second >= parts.size()) return std::nullopt;
    return parts[it->second];
  };
  rules::LoadResult result = rules::load_rule_pack("pack.yaml", reader);
  for (const auto& e : result.errors) {
    if (e.where.line < 1 || e.where.column < 1) std::abort();
    (void)e.to_string();
  }
  if (!result.pack) return 0;
  const rules::RulePack& pack = *result.pack;
  rules::Session session(pack);
  const rules::Assessment assessment = rules::assess(pack, session.answers());
  (void)report::assessment_to_json(pack, session.answers(), assessment).dump();
  (void)report::assessment_to_text(pack, session.answers(), assessment);
  (void)report::questions_to_json(pack, session.answers(), session.shown()).dump();
  return 0;
}
