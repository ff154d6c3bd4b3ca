// The Qt Quick tests (tests/app/qml/tst_*.qml) drive the real Main.qml with clicks and typing. Each
// test asks `support` for a fresh app on an empty store in a temporary folder (cheap key derivation)
// and for a golden scenario's answers, which it then gives through the UI.
#include <nlohmann/json.hpp>

#include <QJsonDocument>
#include <QJsonObject>
#include <QClipboard>
#include <QGuiApplication>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QVariantMap>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>
#include <memory>

#include "app_harness.h"
#include "crypto/secret.h"
#include "log/log.h"
#include "rules/pack_loader.h"

Q_IMPORT_QML_PLUGIN(WaymarkPlugin)

namespace waymark::app::testing {

class TestSupport : public QObject {
  Q_OBJECT
  Q_PROPERTY(QObject* access READ access NOTIFY reset)
  Q_PROPERTY(QObject* cases READ cases NOTIFY reset)
  Q_PROPERTY(QObject* screening READ screening NOTIFY reset)
  Q_PROPERTY(QObject* exporter READ exporter NOTIFY reset)
  Q_PROPERTY(QObject* review READ review NOTIFY reset)
  Q_PROPERTY(QObject* audit READ audit NOTIFY reset)
  Q_PROPERTY(QString user READ user CONSTANT)
  Q_PROPERTY(QString passphrase READ passphrase CONSTANT)
  Q_PROPERTY(QString responder READ responder CONSTANT)
  Q_PROPERTY(QString caseworker READ caseworker CONSTANT)
  Q_PROPERTY(QString teamPassphrase READ teamPassphrase CONSTANT)

 public:
  [[nodiscard]] QObject* access() { return harness_ ? &harness_->objects().access() : nullptr; }
  [[nodiscard]] QObject* cases() { return harness_ ? &harness_->objects().cases() : nullptr; }
  [[nodiscard]] QObject* screening() { return harness_ ? &harness_->objects().screening() : nullptr; }
  [[nodiscard]] QObject* exporter() { return harness_ ? &harness_->objects().exporter() : nullptr; }
  [[nodiscard]] QObject* review() { return harness_ ? &harness_->objects().review() : nullptr; }
  [[nodiscard]] QObject* audit() { return harness_ ? &harness_->objects().audit() : nullptr; }
  // Main.qml's initial properties, as the app gives them, sized for a test.
  Q_INVOKABLE QVariantMap mainProperties(int width, int height) {
    if (!harness_) return {};
    QVariantMap p = harness_->objects().qml_properties();
    p["width"] = width;
    p["height"] = height;
    return p;
  }
  [[nodiscard]] QString user() const { return kUser; }
  [[nodiscard]] QString passphrase() const { return kPassphrase; }
  [[nodiscard]] QString responder() const { return kResponder; }
  [[nodiscard]] QString caseworker() const { return kCaseworker; }
  [[nodiscard]] QString teamPassphrase() const { return kTeamPassphrase; }

  // Beside the first account: a responder and a caseworker (AppHarness::add_team).
  Q_INVOKABLE bool addTeam() { return harness_ && harness_->add_team(); }
  // A case screened by `user` as the golden scenario says (tests/golden/NAME), submitted if asked;
  // made in a store connection of its own, as on that user's own session. Its id, or 0.
  Q_INVOKABLE qint64 caseBy(const QString& user, const QString& golden, bool submit) {
    if (!harness_) return 0;
    return harness_->case_by(user, user == kUser ? kPassphrase : kTeamPassphrase, golden.toStdString(), submit);
  }

  // A new app on a new, empty store that locks itself after `autolockMs` without input, under the UK
  // pack or a test pack from tests/packs (e.g. "minimal").
  Q_INVOKABLE void freshApp(int autolockMs = 300000, const QString& testPack = {}) {
    harness_.reset();
    const std::filesystem::path pack =
        testPack.isEmpty() ? std::filesystem::path{}
                           : std::filesystem::path(WAYMARK_TEST_PACKS) / testPack.toStdString() / "pack.yaml";
    harness_ = std::make_unique<AppHarness>(std::filesystem::path{}, std::chrono::milliseconds(autolockMs), pack);
    emit reset();
  }
  Q_INVOKABLE void dropApp() {
    harness_.reset();
    emit reset();
  }

  // {question id: answer} as stored for the case on screen: what the store holds, not the page.
  Q_INVOKABLE QVariantMap storedAnswers() {
    if (!harness_) return {};
    auto& objects = harness_->objects();
    store::CaseStore* store = objects.access().store();
    if (store == nullptr || !objects.screening().active()) return {};
    const auto cases = store->cases().list().rows;
    for (const auto& c : cases) {
      if (QString::fromStdString(c.reference) != objects.screening().caseReference()) continue;
      nlohmann::json answers = nlohmann::json::object();
      for (const auto& a : store->cases().read(c.id).answers) answers[a.question_id] = nlohmann::json::parse(a.value_json);
      return QJsonDocument::fromJson(QByteArray::fromStdString(answers.dump())).object().toVariantMap();
    }
    return {};
  }

  // A folder of this test's own, and what is in it.
  Q_INVOKABLE QString tempFolder() const { return harness_ ? QString::fromStdString(harness_->db().parent_path().string()) : QString(); }
  Q_INVOKABLE bool fileExists(const QString& path) const { return std::filesystem::exists(path.toStdString()); }
  Q_INVOKABLE QString fileStart(const QString& path) const {
    const auto bytes = rules::read_file(path.toStdString());
    return bytes ? QString::fromUtf8(bytes->substr(0, 8).c_str()) : QString();
  }
  Q_INVOKABLE QString clipboardText() const { return QGuiApplication::clipboard()->text(); }

  // {question id: answer} from tests/golden/NAME, values as in the file.
  Q_INVOKABLE QVariantMap goldenAnswers(const QString& name) const {
    const auto text = rules::read_file(std::filesystem::path(WAYMARK_GOLDEN_DIR) / name.toStdString());
    if (!text) return {};
    const auto doc = nlohmann::json::parse(*text, nullptr, false);
    if (!doc.is_object() || !doc.contains("answers")) return {};
    return QVariant(QJsonDocument::fromJson(QByteArray::fromStdString(doc["answers"].dump())).object().toVariantMap())
        .toMap();
  }

 signals:
  void reset();

 private:
  std::unique_ptr<AppHarness> harness_;
};

class Setup : public QObject {
  Q_OBJECT
 public slots:
  void applicationAvailable() {
    log::setup(log::Level::warn);
    crypto::init_sodium();
    QQuickStyle::setStyle(QStringLiteral("Basic"));
  }
  void qmlEngineAvailable(QQmlEngine* engine) {
    engine->addImportPath(QStringLiteral("qrc:/"));
    engine->rootContext()->setContextProperty(QStringLiteral("support"), &support_);
  }
  void cleanupTestCase() { support_.dropApp(); }

 private:
  TestSupport support_;
};

}  // namespace waymark::app::testing

QUICK_TEST_MAIN_WITH_SETUP(waymark_qml, waymark::app::testing::Setup)

#include "qml_test_main.moc"
