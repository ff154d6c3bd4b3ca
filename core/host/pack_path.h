#pragma once
// Where a Waymark program finds the rule pack when none is named. The app and the CLI both ask
// here, so that an installed package and a build tree open the same pack from either program.
#include <filesystem>

namespace waymark::host {

// The folder of the running program (from /proc/self/exe); empty if it cannot be read.
[[nodiscard]] std::filesystem::path executable_dir();

// The UK pack in the source tree this program was built from (a build tree's fallback).
[[nodiscard]] std::filesystem::path source_tree_pack();

// The UK pack installed beside the program, <exe_dir>/../share/waymark/rules/uk/pack.yaml (so
// /usr/bin/waymark-cli finds /usr/share/waymark, and any other install prefix its own share/);
// else `source_fallback` if that file exists (a build tree: the pack in the sources); else the
// installed path, so that the loader's error names where the pack was expected.
[[nodiscard]] std::filesystem::path default_pack_path(const std::filesystem::path& exe_dir,
                                                      const std::filesystem::path& source_fallback);

}  // namespace waymark::host
