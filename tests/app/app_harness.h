#pragma once
// The real app, in process, for tests, screenshots and benchmarks: a store in a temporary folder
// (cheap key derivation), the UK pack, the same AppObjects wiring and Main.qml as `waymark`.
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QString>
#include <filesystem>
#include <memory>

#include "app_objects.h"
#include "host/system_clock.h"
#include "rules/answers.h"

namespace waymark::app::testing {

inline const QString kUser = QStringLiteral("sam");
inline const QString kPassphrase = QStringLiteral("quiet harbour lantern seven");
// The team add_team() makes beside kUser (responder, caseworker, supervisor and admin).
inline const QString kResponder = QStringLiteral("rita");
inline const QString kCaseworker = QStringLiteral("casey");
inline const QString kTeamPassphrase = QStringLiteral("amber meadow kettle ninety");

// The UK pack (or the pack at `file`), or an exception naming the first load error.
[[nodiscard]] rules::RulePack load_uk_pack(const std::filesystem::path& file = WAYMARK_UK_PACK);
// A golden scenario's answers (tests/golden/NAME).
[[nodiscard]] rules::AnswerSet golden_answers(const rules::RulePack& pack, const std::string& name);

class AppHarness {
 public:
  // `db`: the store to use (made on first run); empty: a fresh temporary folder.
  // `pack`: the rule pack's main file; empty: the UK pack.
  explicit AppHarness(std::filesystem::path db = {}, std::chrono::milliseconds autolock = std::chrono::minutes(5),
                      std::filesystem::path pack = {});
  ~AppHarness();

  [[nodiscard]] AppObjects& objects() { return *objects_; }
  [[nodiscard]] QQuickWindow* window() const { return window_; }
  [[nodiscard]] const std::filesystem::path& db() const { return db_; }

  // Loads Main.qml at this size and waits for the first frame. False (with a message) on failure.
  bool show(int width, int height);
  // Waits until the next frame has been drawn (or `timeout_ms`).
  bool wait_for_frame(int timeout_ms = 2000);
  // Waits while the store is being created or unlocked.
  bool wait_until_idle(int timeout_ms = 20000);
  // First run through the controller, recovery code acknowledged; unlocked afterwards.
  bool set_up_store();
  bool unlock();
  bool unlock_as(const QString& name, const QString& passphrase);
  // Adds kResponder (responder) and kCaseworker (caseworker) through the unlocked store (kUser).
  bool add_team();
  // As `user` (in a store connection of its own, as on another session): a case answered as the
  // golden scenario, assessed, submitted to kCaseworker if `submit`. Its id, or 0 on failure.
  std::int64_t case_by(const QString& user, const QString& passphrase, const std::string& golden, bool submit);
  // Answers the question on screen with the golden's answer through the controller's intents, then
  // (if `go_on`) goes to the next question. False when the golden has no answer for it.
  bool answer_current_from(const rules::AnswerSet& golden, bool go_on = true);
  // Saves the window as PNG.
  bool grab(const QString& file);
  // The QML item with this objectName (nullptr if none).
  [[nodiscard]] QObject* find(const QString& object_name) const;

 private:
  std::filesystem::path temp_dir_, db_;
  host::SystemClock clock_;
  std::unique_ptr<AppObjects> objects_;
  std::unique_ptr<QQmlApplicationEngine> engine_;
  QQuickWindow* window_ = nullptr;
};

}  // namespace waymark::app::testing
