// waymark_screenshots DIR: renders each main page of the app to DIR/<page>.png, as a new responder
// meets them at 1024x600: unlock, case list, a question with its help open, the live panel
// mid-screening, the summary of V01, the emergency guidance and the autolocked screen; a question with
// a 1.5x system font; a question at 1920x1080; the review desk (queue, review, all cases, audit,
// figures) and a returned case as its responder sees it. Used by scripts/screenshots.
#include <QFontInfo>
#include <QGuiApplication>
#include <QQuickStyle>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <unistd.h>

#include <cstdio>
#include <vector>

#include "store/errors.h"

#include "app_harness.h"
#include "crypto/secret.h"
#include "log/log.h"

Q_IMPORT_QML_PLUGIN(WaymarkPlugin)

namespace {

using waymark::app::testing::AppHarness;

int failures = 0;

void shot(AppHarness& h, const QString& dir, const char* name) {
  const QString file = dir + "/" + name + ".png";
  if (h.grab(file)) {
    std::printf("%s\n", file.toUtf8().constData());
  } else {
    std::fprintf(stderr, "waymark_screenshots: could not save %s\n", file.toUtf8().constData());
    ++failures;
  }
}

void set_checked(AppHarness& h, const char* name) {
  if (QObject* o = h.find(QString::fromLatin1(name))) o->setProperty("checked", true);
}

// The desk's tabs for the first account (responder, supervisor, admin): queue, all cases, audit, figures.
void show_tab(AppHarness& h, int index) {
  if (QObject* tabs = h.find(QStringLiteral("deskTabs"))) tabs->setProperty("currentIndex", index);
  h.wait_for_frame();
}

// A team's store for the review desk: rita's screenings (the public vignettes and golden scenarios),
// most submitted to casey; some returned, approved and closed by the supervisor on screen.
bool seed_desk(AppHarness& h) {
  if (!h.add_team()) return false;
  using waymark::app::testing::kResponder;
  using waymark::app::testing::kTeamPassphrase;
  const char* goldens[] = {"v05_sexual_exploitation_albanian_woman.json", "v02_domestic_servitude_odw.json",
                           "s23_england_emergency_woman_locked_flat.json", "v03_county_lines_boy.json",
                           "v01_labour_hungarian_man.json", "v04_cannabis_age_uncertain.json"};
  std::vector<std::int64_t> ids;
  for (int round = 0; round < 6; ++round)
    for (const char* g : goldens) {
      const std::int64_t id = h.case_by(kResponder, kTeamPassphrase, g, true);
      if (id == 0) return false;
      ids.push_back(id);
    }
  auto* store = h.objects().access().store();
  try {
    for (std::size_t i = 0; i + 6 < ids.size(); ++i) {
      if (i % 4 == 0) store->reviews().return_case(ids[i], "Please check how the work was first offered: the notes say an agency, the answer says a friend.", "start.how");
      else if (i % 4 == 1) store->reviews().approve(ids[i]);
      else if (i % 4 == 2) {
        store->reviews().approve(ids[i]);
        store->reviews().close(ids[i], "Referred; support accepted.");
      }
    }
  } catch (const waymark::store::StoreError& e) {
    std::fprintf(stderr, "seed_desk: %s\n", e.what());
    return false;
  }
  (void)h.case_by(kResponder, kTeamPassphrase, "v06_smuggled_not_exploited.json", false);  // a draft
  h.objects().cases().refresh();
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  waymark::log::setup(waymark::log::Level::warn);
  waymark::crypto::init_sodium();
  if (argc != 2) {
    std::fprintf(stderr, "usage: waymark_screenshots DIR\n");
    return 2;
  }
  std::error_code made;
  std::filesystem::create_directories(argv[1], made);
  QGuiApplication app(argc, argv);
  QQuickStyle::setStyle(QStringLiteral("Basic"));
  const QString dir = QString::fromLocal8Bit(argv[1]);
  const auto pack = waymark::app::testing::load_uk_pack();
  const auto v01 = waymark::app::testing::golden_answers(pack, "v01_labour_hungarian_man.json");
  const auto v03 = waymark::app::testing::golden_answers(pack, "v03_county_lines_boy.json");

  char folder[] = "/tmp/waymark-screenshots-XXXXXX";
  if (::mkdtemp(folder) == nullptr) return 1;
  const std::filesystem::path db = std::filesystem::path(folder) / "cases.db";
  {
    AppHarness h(db);
    if (!h.show(1024, 600)) return std::fputs("waymark_screenshots: the window did not show\n", stderr), 1;
    if (!h.set_up_store()) return std::fputs("waymark_screenshots: the store was not created\n", stderr), 1;
    auto& s = h.objects().screening();
    // Two finished cases and one draft for the list.
    s.startNew();
    while (s.view() == QLatin1String("question") && h.answer_current_from(v01)) {}
    s.close();
    s.startNew();
    for (int i = 0; i < 6 && h.answer_current_from(v03); ++i) {}
    s.close();
    // V01 again, on screen: a question with its help, the live panel half way, the summary.
    s.startNew();
    h.wait_for_frame();
    set_checked(h, "helpToggle");
    shot(h, dir, "question-help");
    for (int i = 0; i < 8 && h.answer_current_from(v01); ++i) {}
    shot(h, dir, "live-panel");
    while (s.view() == QLatin1String("question") && h.answer_current_from(v01)) {}
    s.showSummary();
    shot(h, dir, "summary-v01");
    s.showEmergency();
    shot(h, dir, "emergency");
    s.leaveEmergency();
    s.close();
    show_tab(h, 1);  // the first account is also a supervisor: its desk opens on the (empty) queue
    shot(h, dir, "case-list");
    h.window()->resize(1920, 1080);
    s.resume(h.objects().cases().data(h.objects().cases().index(1), waymark::app::CaseListModel::IdRole).toLongLong());
    set_checked(h, "helpToggle");
    shot(h, dir, "question-1920x1080");
    s.close();
  }
  {
    AppHarness h(db);
    if (!h.show(1024, 600)) return std::fputs("waymark_screenshots: the window did not show\n", stderr), 1;
    shot(h, dir, "unlock");
  }
  {
    // The system font one and a half times larger, as set before the app starts: every size follows.
    const QFont normal = QGuiApplication::font();
    QFont large = normal;
    large.setPixelSize(static_cast<int>(QFontInfo(normal).pixelSize() * 1.5));
    QGuiApplication::setFont(large);
    AppHarness h(db);
    if (!h.show(1024, 600) || !h.unlock()) return std::fputs("waymark_screenshots: could not unlock\n", stderr), 1;
    h.objects().cases().setScope(QStringLiteral("all"));
    h.objects().screening().resume(h.objects().cases().data(h.objects().cases().index(1), waymark::app::CaseListModel::IdRole).toLongLong());
    shot(h, dir, "question-large-font");
    QGuiApplication::setFont(normal);
  }
  {
    AppHarness h(db, std::chrono::milliseconds(1500));
    if (!h.show(1024, 600)) return std::fputs("waymark_screenshots: the window did not show\n", stderr), 1;
    if (!h.unlock()) {
      std::fprintf(stderr, "waymark_screenshots: could not unlock: %s\n", h.objects().access().lastError().toUtf8().constData());
      return 1;
    }
    h.objects().cases().setScope(QStringLiteral("all"));
    h.objects().screening().resume(h.objects().cases().data(h.objects().cases().index(0), waymark::app::CaseListModel::IdRole).toLongLong());
    QTest::qWait(2500);  // no input: the autolock fires
    shot(h, dir, "autolocked");
  }
  {
    // The review desk, as a supervisor meets it: the queue, a review, the audit trail, the figures.
    const std::filesystem::path desk = std::filesystem::path(folder) / "desk.db";
    AppHarness h(desk);
    if (!h.show(1280, 800) || !h.set_up_store() || !seed_desk(h))
      return std::fputs("waymark_screenshots: could not seed the review desk\n", stderr), 1;
    show_tab(h, 0);
    shot(h, dir, "desk-queue");
    auto& cases = h.objects().cases();
    std::int64_t child_case = 0;
    for (int r = 0; r < cases.rowCount() && child_case == 0; ++r)
      if (cases.data(cases.index(r), waymark::app::CaseListModel::ChildRole).toBool())
        child_case = cases.data(cases.index(r), waymark::app::CaseListModel::IdRole).toLongLong();
    h.objects().review().open(child_case);
    h.wait_for_frame();
    shot(h, dir, "desk-review");
    h.objects().review().leave();
    show_tab(h, 1);
    shot(h, dir, "desk-all-cases");
    show_tab(h, 2);
    shot(h, dir, "desk-audit");
    h.objects().audit().verify();
    while (h.objects().audit().checking()) QTest::qWait(20);  // the check runs off the UI thread
    h.wait_for_frame();
    shot(h, dir, "desk-audit-verified");
    h.window()->resize(1280, 1150);  // the figures and, below them, retention
    show_tab(h, 3);
    if (QObject* plan = h.find(QStringLiteral("planPurge"))) QMetaObject::invokeMethod(plan, "clicked");
    h.wait_for_frame();
    shot(h, dir, "desk-figures");
  }
  {
    // The responder opens a case the supervisor returned: the reason on top, at the question it names.
    const std::filesystem::path desk = std::filesystem::path(folder) / "desk.db";
    AppHarness h(desk);
    if (!h.show(1024, 700) || !h.unlock_as(waymark::app::testing::kResponder, waymark::app::testing::kTeamPassphrase))
      return std::fputs("waymark_screenshots: could not unlock as the responder\n", stderr), 1;
    auto& cases = h.objects().cases();
    cases.setStatus(QStringLiteral("returned"));
    if (cases.rowCount() > 0) h.objects().screening().resume(cases.data(cases.index(0), waymark::app::CaseListModel::IdRole).toLongLong());
    h.wait_for_frame();
    QTest::qWait(200);
    h.wait_for_frame();
    shot(h, dir, "desk-returned-to-responder");
  }
  std::error_code ec;
  std::filesystem::remove_all(folder, ec);
  return failures == 0 ? 0 : 1;
}
