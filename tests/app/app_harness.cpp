#include "app_harness.h"

#include <nlohmann/json.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QSignalSpy>
#include <QTest>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "crypto/kdf.h"
#include "screening/screening.h"
#include "store/errors.h"
#include "rules/answer_check.h"
#include "rules/answers_json.h"
#include "rules/pack_loader.h"

namespace waymark::app::testing {

rules::RulePack load_uk_pack(const std::filesystem::path& file) {
  auto loaded = rules::load_rule_pack(file);
  if (!loaded.pack) throw std::runtime_error(loaded.errors.empty() ? "UK pack refused" : loaded.errors.front().to_string());
  return std::move(*loaded.pack);
}

rules::AnswerSet golden_answers(const rules::RulePack& pack, const std::string& name) {
  const auto text = rules::read_file(std::filesystem::path(WAYMARK_GOLDEN_DIR) / name);
  if (!text) throw std::runtime_error("no golden " + name);
  const auto doc = nlohmann::json::parse(*text);
  auto parsed = rules::answers_from_json_text(pack, nlohmann::json{{"answers", doc["answers"]}}.dump());
  if (!parsed.errors.empty()) throw std::runtime_error(parsed.errors.front());
  return std::move(parsed.answers);
}

AppHarness::AppHarness(std::filesystem::path db, std::chrono::milliseconds autolock, std::filesystem::path pack) {
  if (pack.empty()) pack = WAYMARK_UK_PACK;
  if (db.empty()) {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/waymark-app-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    temp_dir_ = pattern;
    db = temp_dir_ / "cases.db";
  }
  db_ = db;
  AppConfig config;
  config.db = db_;
  config.pack = pack;
  config.autolock = autolock;
  config.kdf = crypto::KdfParams::fast_for_tests();
  objects_ = std::make_unique<AppObjects>(config, load_uk_pack(pack), clock_);
  objects_->watch_activity();
}

AppHarness::~AppHarness() {
  engine_.reset();
  objects_.reset();
  if (!temp_dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(temp_dir_, ec);
  }
}

namespace {
bool failed(const char* what) {
  std::fprintf(stderr, "app harness: %s\n", what);
  return false;
}
}  // namespace

bool AppHarness::show(int width, int height) {
  engine_ = std::make_unique<QQmlApplicationEngine>();
  engine_->addImportPath(QStringLiteral("qrc:/"));
  engine_->setInitialProperties(objects_->qml_properties());
  engine_->load(QUrl(QStringLiteral("qrc:/Waymark/Main.qml")));
  if (engine_->rootObjects().isEmpty()) return failed("Main.qml did not load");
  window_ = qobject_cast<QQuickWindow*>(engine_->rootObjects().front());
  if (window_ == nullptr) return failed("Main.qml is not a window");
  window_->resize(width, height);
  window_->show();
  if (!QTest::qWaitForWindowExposed(window_)) return failed("the window was never exposed");
  return wait_for_frame() || failed("no frame was drawn");
}

bool AppHarness::wait_for_frame(int timeout_ms) {
  QSignalSpy spy(window_, &QQuickWindow::frameSwapped);
  window_->update();
  return spy.wait(timeout_ms);
}

bool AppHarness::wait_until_idle(int timeout_ms) {
  QElapsedTimer t;
  t.start();
  while (objects_->access().busy() && t.elapsed() < timeout_ms) QTest::qWait(10);
  return !objects_->access().busy();
}

bool AppHarness::set_up_store() {
  objects_->access().createStore(kUser, kPassphrase, kPassphrase);
  if (!wait_until_idle()) return false;
  objects_->access().acknowledgeRecoveryCode();
  return objects_->access().state() == AccessController::State::Unlocked;
}

bool AppHarness::unlock() { return unlock_as(kUser, kPassphrase); }

bool AppHarness::unlock_as(const QString& name, const QString& passphrase) {
  objects_->access().unlock(name, passphrase);
  return wait_until_idle() && objects_->access().state() == AccessController::State::Unlocked;
}

bool AppHarness::add_team() {
  store::CaseStore* store = objects_->access().store();
  if (store == nullptr) return false;
  const crypto::Secret pass = crypto::Secret::from(kTeamPassphrase.toStdString());
  try {
    (void)store->accounts().add_user(kResponder.toStdString(), store::kResponder, pass, crypto::KdfParams::fast_for_tests());
    (void)store->accounts().add_user(kCaseworker.toStdString(), store::kCaseworker, pass, crypto::KdfParams::fast_for_tests());
  } catch (const store::StoreError& e) {
    std::fprintf(stderr, "add_team: %s\n", e.what());
    return false;
  }
  return true;
}

std::int64_t AppHarness::case_by(const QString& user, const QString& passphrase, const std::string& golden,
                                 bool submit) {
  try {
    auto store = store::CaseStore::open(db_, user.toStdString(), crypto::Secret::from(passphrase.toStdString()), clock_);
    const auto c = screening::create_case_from_answers(store, objects_->pack(), golden_answers(objects_->pack(), golden));
    if (submit) store.cases().submit(c.id, kCaseworker.toStdString());
    return c.id;
  } catch (const store::StoreError& e) {
    std::fprintf(stderr, "case_by: %s\n", e.what());
    return 0;
  }
}

bool AppHarness::answer_current_from(const rules::AnswerSet& golden, bool go_on) {
  ScreeningController& s = objects_->screening();
  const QString id = s.question().value(QStringLiteral("id")).toString();
  const rules::RulePack& pack = objects_->pack();
  const int q = pack.question_index(id.toStdString());
  if (q < 0 || golden.get(q) == nullptr) return false;
  const rules::Answer& a = *golden.get(q);
  const rules::Question& question = pack.questions[static_cast<std::size_t>(q)];
  if (a.kind == rules::Answer::Kind::dont_know) {
    s.answerDontKnow();
  } else if (a.kind == rules::Answer::Kind::prefer_not_to_say) {
    s.answerPreferNotToSay();
  } else {
    switch (question.type) {
      case rules::AnswerType::yes_no: s.answerYesNo(a.yes); break;
      case rules::AnswerType::single_choice: s.chooseOption(std::countr_zero(a.choices)); break;
      case rules::AnswerType::multiple_choice:
        for (int i = 0; i < 64; ++i)
          if ((a.choices >> i) & 1U) s.toggleOption(i);
        if (a.choices == 0) s.answerNoneOfThese();
        break;
      case rules::AnswerType::number: s.answerNumber(QString::fromStdString(rules::number_text(a.number))); break;
      case rules::AnswerType::date:
      case rules::AnswerType::free_text: s.answerText(QString::fromStdString(a.text)); break;
    }
  }
  if (!go_on) return true;
  if (s.view() == QLatin1String("emergency")) s.leaveEmergency();
  s.next();
  return true;
}

bool AppHarness::grab(const QString& file) {
  if (!wait_for_frame()) return false;
  const QImage image = window_->grabWindow();
  return !image.isNull() && image.save(file, "PNG");
}

QObject* AppHarness::find(const QString& object_name) const {
  if (window_ == nullptr) return nullptr;
  if (window_->objectName() == object_name) return window_;
  return window_->findChild<QObject*>(object_name);
}

}  // namespace waymark::app::testing
