#include "host/pack_path.h"

#include <system_error>

namespace waymark::host {

namespace fs = std::filesystem;

fs::path executable_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return exe.parent_path();
}

fs::path source_tree_pack() { return WAYMARK_SOURCE_PACK; }

fs::path default_pack_path(const fs::path& exe_dir, const fs::path& source_fallback) {
  std::error_code ec;
  if (!exe_dir.empty()) {
    const fs::path installed =
        (exe_dir / ".." / "share" / "waymark" / "rules" / "uk" / "pack.yaml").lexically_normal();
    if (fs::is_regular_file(installed, ec)) return installed;
    if (source_fallback.empty() || !fs::is_regular_file(source_fallback, ec)) return installed;
  }
  return source_fallback;
}

}  // namespace waymark::host
