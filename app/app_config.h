#pragma once
// How the app was started: which store, which rule pack, how long before it locks itself. Read once
// from the command line in main(); tests build one directly.
#include <QString>
#include <QStringList>
#include <chrono>
#include <filesystem>
#include <optional>

#include "crypto/kdf.h"

namespace waymark::app {

struct AppConfig {
  std::filesystem::path db;    // the encrypted case store (created on first run)
  std::filesystem::path pack;  // the rule pack's main file
  std::chrono::milliseconds autolock{std::chrono::minutes(5)};
  // Key derivation for keyslots made here (first account). Empty: calibrated on this machine.
  std::optional<crypto::KdfParams> kdf;
  bool measure_startup = false;  // --measure-startup: print "first-frame" when drawn, then quit
};

struct ParsedConfig {
  std::optional<AppConfig> config;
  QString error;  // when config is empty: what was wrong, for the terminal
  bool help = false;
};

// --db PATH, --pack PATH, --autolock-minutes N (1-120), --help. Defaults: the store in the XDG data
// folder, the pack installed beside the program or, in a build tree, the source tree's UK pack.
[[nodiscard]] ParsedConfig parse_arguments(const QStringList& arguments);

[[nodiscard]] const char* usage_text();

}  // namespace waymark::app
