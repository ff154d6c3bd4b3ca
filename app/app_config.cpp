#include "app_config.h"

#include "host/pack_path.h"
#include "host/process.h"

namespace waymark::app {
namespace {

namespace fs = std::filesystem;

// The same lookup as the CLI's: installed beside the program, else (a build tree) the sources' pack.
fs::path default_pack() {
  return host::default_pack_path(host::executable_dir(), host::source_tree_pack());
}

}  // namespace

const char* usage_text() {
  return "usage: waymark [--db PATH] [--pack PATH] [--autolock-minutes N]\n\n"
         "Opens the Waymark screening app on the encrypted case store at PATH (default: the XDG data\n"
         "folder, ~/.local/share/waymark/cases.db). On first run it creates the store and the first\n"
         "account. It locks itself after N minutes without input (default 5, 1 to 120); Ctrl+L locks\n"
         "at once and hides every case. The rule pack is the installed UK pack\n"
         "(<prefix>/share/waymark/rules/uk/pack.yaml) unless --pack names another.\n"
         "--measure-startup prints \"first-frame\" once the window is drawn and quits (for benchmarks).\n";
}

ParsedConfig parse_arguments(const QStringList& arguments) {
  ParsedConfig out;
  AppConfig c;
  c.db = host::default_db_path();
  c.pack = default_pack();
  for (qsizetype i = 1; i < arguments.size(); ++i) {
    const QString& a = arguments[i];
    const auto value = [&]() -> std::optional<QString> {
      if (i + 1 >= arguments.size()) return std::nullopt;
      return arguments[++i];
    };
    if (a == "--help" || a == "-h") {
      out.help = true;
      return out;
    }
    if (a == "--measure-startup") {
      c.measure_startup = true;
    } else if (a == "--db" || a == "--pack") {
      const auto v = value();
      if (!v || v->isEmpty()) {
        out.error = a + " needs a path";
        return out;
      }
      (a == "--db" ? c.db : c.pack) = v->toStdString();
    } else if (a == "--autolock-minutes") {
      const auto v = value();
      bool ok = false;
      const int minutes = v ? v->toInt(&ok) : 0;
      if (!ok || minutes < 1 || minutes > 120) {
        out.error = "--autolock-minutes needs a whole number from 1 to 120";
        return out;
      }
      c.autolock = std::chrono::minutes(minutes);
    } else {
      out.error = "unknown option '" + a.left(40) + "'";
      return out;
    }
  }
  out.config = std::move(c);
  return out;
}

}  // namespace waymark::app
