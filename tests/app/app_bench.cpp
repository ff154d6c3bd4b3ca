// waymark_app_bench: the app's responsiveness, as medians.
//   cold start: `waymark --measure-startup` started afresh each time on an existing store, until its
//     first frame (the unlock screen) is drawn;
//   answer to next question drawn: each V01 answer given and Next pressed, until the next frame;
//   RSS after a full screening: a fresh process screens V01 through its pages, then reads VmRSS.
// Run offscreen (QT_QPA_PLATFORM=offscreen QT_QUICK_BACKEND=software), the same as the tests:
//   build/bin/waymark_app_bench [--runs N]
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQuickStyle>
#include <QSignalSpy>
#include <QtQml/qqmlextensionplugin.h>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "app_harness.h"
#include "crypto/secret.h"
#include "log/log.h"

Q_IMPORT_QML_PLUGIN(WaymarkPlugin)

namespace {

using waymark::app::testing::AppHarness;

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

long rss_kib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

// One full V01 screening through the app; the time from each answer to the next question's frame.
std::vector<double> screen_v01(AppHarness& h, const waymark::rules::AnswerSet& v01) {
  std::vector<double> ms;
  auto& s = h.objects().screening();
  s.startNew();
  h.wait_for_frame();
  while (s.view() == QLatin1String("question")) {
    QSignalSpy frame(h.window(), &QQuickWindow::frameSwapped);
    QElapsedTimer t;
    t.start();
    if (!h.answer_current_from(v01)) break;
    if (!frame.wait(2000)) break;
    ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
  }
  s.close();
  return ms;
}

}  // namespace

int main(int argc, char** argv) {
  waymark::log::setup(waymark::log::Level::warn);
  waymark::crypto::init_sodium();
  QGuiApplication app(argc, argv);
  QQuickStyle::setStyle(QStringLiteral("Basic"));
  int runs = 11;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], "--runs") == 0) runs = std::max(1, std::atoi(argv[i + 1]));
  const bool rss_child = argc > 1 && std::strcmp(argv[1], "--rss-once") == 0;

  const auto pack = waymark::app::testing::load_uk_pack();
  const auto v01 = waymark::app::testing::golden_answers(pack, "v01_labour_hungarian_man.json");

  if (rss_child) {  // one process, one screening, one figure
    AppHarness h;
    if (!h.show(1024, 640) || !h.set_up_store()) return 1;
    (void)screen_v01(h, v01);
    std::printf("%ld\n", rss_kib());
    return 0;
  }

  char folder[] = "/tmp/waymark-bench-XXXXXX";
  if (::mkdtemp(folder) == nullptr) return 1;
  const std::string db = std::string(folder) + "/cases.db";
  std::vector<double> answer_ms;
  {
    AppHarness h(db);
    if (!h.show(1024, 640) || !h.set_up_store()) return 1;
    for (int r = 0; r < std::max(3, runs / 3); ++r) {
      const auto ms = screen_v01(h, v01);
      answer_ms.insert(answer_ms.end(), ms.begin(), ms.end());
    }
  }

  std::vector<double> start_ms;
  const std::string app_path = QCoreApplication::applicationDirPath().toStdString() + "/waymark";
  for (int r = 0; r < runs; ++r) {
    const std::string command = app_path + " --measure-startup --db " + db;
    QElapsedTimer t;
    t.start();
    FILE* p = ::popen(command.c_str(), "r");
    if (p == nullptr) return 1;
    char line[64] = {};
    const bool drawn = std::fgets(line, sizeof line, p) != nullptr && std::strncmp(line, "first-frame", 11) == 0;
    const double ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
    ::pclose(p);
    if (drawn) start_ms.push_back(ms);
  }

  std::vector<double> rss_mib;
  const std::string self = QCoreApplication::applicationFilePath().toStdString() + " --rss-once";
  for (int r = 0; r < std::max(3, runs / 2); ++r) {
    FILE* p = ::popen(self.c_str(), "r");
    if (p == nullptr) return 1;
    long kib = -1;
    if (std::fscanf(p, "%ld", &kib) == 1 && kib > 0) rss_mib.push_back(static_cast<double>(kib) / 1024.0);
    ::pclose(p);
  }

  std::printf("platform: %s\n", QGuiApplication::platformName().toUtf8().constData());
  std::printf("cold start to the unlock screen:      median %7.1f ms  (%zu runs; goal <= 150 ms)\n",
              median(start_ms), start_ms.size());
  std::printf("answer to the next question drawn:    median %7.2f ms  (%zu answers; goal <= 16 ms)\n",
              median(answer_ms), answer_ms.size());
  std::printf("RSS after a full V01 screening:       median %7.1f MiB (%zu processes; goal <= 120 MB)\n",
              median(rss_mib), rss_mib.size());
  std::error_code ec;
  std::filesystem::remove_all(folder, ec);
  return start_ms.empty() || answer_ms.empty() || rss_mib.empty() ? 1 : 0;
}
