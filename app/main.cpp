// waymark: the responder's app. Hardens the process, reads the options and the rule pack, and opens
// the window on the encrypted case store.
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <cstdio>

#include "app_config.h"
#include "app_objects.h"
#include "host/process.h"
#include "host/system_clock.h"
#include "log/log.h"
#include "rules/pack_loader.h"

Q_IMPORT_QML_PLUGIN(WaymarkPlugin)

int main(int argc, char** argv) {
  waymark::log::setup(waymark::log::Level::warn);
  waymark::host::harden_process();
  // The options first: --help and a bad option need no display.
  QStringList arguments;
  for (int i = 0; i < argc; ++i) arguments << QString::fromLocal8Bit(argv[i]);
  const auto parsed = waymark::app::parse_arguments(arguments);
  if (parsed.help) {
    std::fputs(waymark::app::usage_text(), stdout);
    return 0;
  }
  if (!parsed.config) {
    std::fprintf(stderr, "waymark: %s\n%s", parsed.error.toUtf8().constData(), waymark::app::usage_text());
    return 2;
  }
  QGuiApplication app(argc, argv);
  QGuiApplication::setApplicationName(QStringLiteral("Waymark"));
  QGuiApplication::setApplicationDisplayName(QStringLiteral("Waymark"));
  QGuiApplication::setDesktopFileName(QStringLiteral("waymark"));
  QQuickStyle::setStyle(QStringLiteral("Basic"));

  auto loaded = waymark::rules::load_rule_pack(parsed.config->pack);
  for (const auto& e : loaded.errors) std::fprintf(stderr, "%s\n", e.to_string().c_str());
  if (!loaded.pack) {
    std::fprintf(stderr, "waymark: the rule pack was refused; nothing was opened\n");
    return 1;
  }

  const waymark::host::SystemClock clock;
  waymark::app::AppObjects objects(*parsed.config, std::move(*loaded.pack), clock);
  objects.watch_activity();
  QQmlApplicationEngine engine;
  engine.addImportPath(QStringLiteral("qrc:/"));
  engine.setInitialProperties(objects.qml_properties());
  engine.load(QUrl(QStringLiteral("qrc:/Waymark/Main.qml")));
  if (engine.rootObjects().isEmpty()) return 3;
  if (parsed.config->measure_startup) {
    // For the start-up benchmark: say when the first frame is on screen, then quit.
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().front());
    if (window == nullptr) return 3;
    QObject::connect(window, &QQuickWindow::frameSwapped, &app, [] {
      std::puts("first-frame");
      std::fflush(stdout);
      QGuiApplication::quit();
    }, Qt::SingleShotConnection);
  }
  return QGuiApplication::exec();
}
