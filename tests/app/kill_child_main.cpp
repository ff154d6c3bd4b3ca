// waymark_kill_child DB: the app (Main.qml, offscreen) on the store DB, as the SIGKILL test's victim.
// On a new store it sets it up; otherwise it unlocks and resumes the newest draft from the case list,
// or starts one. It then answers V01 question by question, and after each answer prints
//   saved <question id> <answer as JSON>
// once the page shows "Saved" - the promise the test holds it to. With --report it only resumes and
// prints "at <question id>" and "answer <question id> <answer as JSON>" for every stored answer.
#include <nlohmann/json.hpp>

#include <QGuiApplication>
#include <QQuickStyle>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <cstdio>
#include <cstring>

#include "app_harness.h"
#include "crypto/secret.h"
#include "log/log.h"
#include "rules/answers_json.h"

Q_IMPORT_QML_PLUGIN(WaymarkPlugin)

namespace {

using waymark::app::testing::AppHarness;

int fail(const char* what) {
  std::fprintf(stderr, "waymark_kill_child: %s\n", what);
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  waymark::log::setup(waymark::log::Level::warn);
  waymark::crypto::init_sodium();
  QGuiApplication app(argc, argv);
  QQuickStyle::setStyle(QStringLiteral("Basic"));
  if (argc < 2) return fail("usage: waymark_kill_child DB [--report]");
  const std::filesystem::path db = argv[1];
  const bool report = argc > 2 && std::strcmp(argv[2], "--report") == 0;
  const bool fresh = !std::filesystem::exists(db);

  AppHarness h(db);
  if (!h.show(1024, 640)) return fail("the window did not show");
  if (fresh ? !h.set_up_store() : !h.unlock()) return fail("could not open the store");
  auto& screening = h.objects().screening();
  auto& cases = h.objects().cases();
  // As a responder would: the newest own draft is at the top of their unfinished cases.
  cases.setScope(QStringLiteral("mine"));
  if (cases.rowCount() > 0 && cases.data(cases.index(0), waymark::app::CaseListModel::EditableRole).toBool())
    screening.resume(cases.data(cases.index(0), waymark::app::CaseListModel::IdRole).toLongLong());
  else if (!report)
    screening.startNew();
  if (!screening.active()) return fail("no case open");

  const auto& pack = h.objects().pack();
  if (report) {
    std::printf("at %s\n", screening.question().value(QStringLiteral("id")).toString().toUtf8().constData());
    std::printf("view %s\n", screening.view().toUtf8().constData());
    auto* store = h.objects().access().store();
    for (const auto& c : store->cases().list().rows)
      if (QString::fromStdString(c.reference) == screening.caseReference())
        for (const auto& a : store->cases().read(c.id).answers)
          std::printf("answer %s %s\n", a.question_id.c_str(), a.value_json.c_str());
    return 0;
  }

  const auto v01 = waymark::app::testing::golden_answers(pack, "v01_labour_hungarian_man.json");
  while (screening.view() == QLatin1String("question")) {
    const std::string id = screening.question().value(QStringLiteral("id")).toString().toStdString();
    const int q = pack.question_index(id);
    if (!h.answer_current_from(v01, false)) return fail("the scenario has no answer for the question shown");
    h.wait_for_frame();
    QObject* label = h.find(QStringLiteral("saveState"));
    if (label == nullptr || label->property("text").toString() != QLatin1String("Saved")) return fail("not shown as saved");
    std::printf("saved %s %s\n", id.c_str(),
                waymark::rules::answer_to_json(pack.questions[static_cast<std::size_t>(q)], *v01.get(q)).dump().c_str());
    std::fflush(stdout);
    if (screening.view() == QLatin1String("emergency")) screening.leaveEmergency();
    screening.next();
  }
  return 0;
}
