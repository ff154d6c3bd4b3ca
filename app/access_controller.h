#pragma once
// The lock on the case store: first-run set-up, unlock, lock, autolock after inactivity and quick
// exit. Owns the unlocked store; other controllers borrow it while it is unlocked and let go when
// `aboutToLock` is emitted. Key derivation runs off the UI thread so the window stays alive.
#include <QObject>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <memory>
#include <optional>
#include <thread>

#include "app_config.h"
#include "crypto/secret.h"
#include "store/case_store.h"
#include "store/clock.h"

namespace waymark::app {

class AccessController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("made by the app")
  Q_PROPERTY(State state READ state NOTIFY stateChanged)
  Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
  Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
  Q_PROPERTY(QString userName READ userName NOTIFY stateChanged)
  Q_PROPERTY(QString recoveryCode READ recoveryCode NOTIFY recoveryCodeChanged)
  Q_PROPERTY(int autolockMinutes READ autolockMinutes CONSTANT)
  Q_PROPERTY(QString lockReason READ lockReason NOTIFY stateChanged)
  Q_PROPERTY(QString storePath READ storePath CONSTANT)
  // The unlocked user's roles, for choosing what to offer (the store enforces them).
  Q_PROPERTY(bool isResponder READ isResponder NOTIFY stateChanged)
  Q_PROPERTY(bool isCaseworker READ isCaseworker NOTIFY stateChanged)
  Q_PROPERTY(bool isSupervisor READ isSupervisor NOTIFY stateChanged)

 public:
  enum class State { NeedsSetup, Locked, Unlocked };
  Q_ENUM(State)

  AccessController(const AppConfig& config, const store::Clock& clock, QObject* parent = nullptr);
  ~AccessController() override;

  [[nodiscard]] State state() const { return state_; }
  [[nodiscard]] bool busy() const { return busy_; }
  [[nodiscard]] QString lastError() const { return last_error_; }
  [[nodiscard]] QString userName() const;
  [[nodiscard]] QString recoveryCode() const { return recovery_code_; }
  [[nodiscard]] int autolockMinutes() const;
  [[nodiscard]] QString lockReason() const { return lock_reason_; }
  [[nodiscard]] QString storePath() const;
  [[nodiscard]] bool isResponder() const { return has_role(store::kResponder); }
  [[nodiscard]] bool isCaseworker() const { return has_role(store::kCaseworker); }
  [[nodiscard]] bool isSupervisor() const { return has_role(store::kSupervisor); }

  // The unlocked store, or nullptr. Valid until aboutToLock().
  [[nodiscard]] store::CaseStore* store() { return store_ ? &*store_ : nullptr; }
  [[nodiscard]] const store::Clock& clock() const { return clock_; }

  // First run: the store and its first account (responder, supervisor and admin). The recovery code is
  // then offered once through recoveryCode until acknowledgeRecoveryCode().
  Q_INVOKABLE void createStore(const QString& name, const QString& passphrase, const QString& repeat);
  Q_INVOKABLE void acknowledgeRecoveryCode();
  Q_INVOKABLE void unlock(const QString& name, const QString& passphrase);
  // Lock now: every case view is dropped before the store is closed.
  Q_INVOKABLE void lock();
  // The quick exit: the same as lock(), named for the help page and the shortcut.
  Q_INVOKABLE void quickExit();
  // Any key, click or touch: the autolock countdown starts again.
  Q_INVOKABLE void noteActivity();

 signals:
  void stateChanged();
  void busyChanged();
  void lastErrorChanged();
  void recoveryCodeChanged();
  void aboutToLock();  // let go of the store now
  void unlocked();     // a store is open again

 private:
  [[nodiscard]] bool has_role(store::Roles role) const { return store_ && (store_->user().roles & role) != 0; }
  void lock_because(const QString& reason);
  void set_error(const QString& message);
  void set_busy(bool busy);
  void opened(std::optional<store::CaseStore> store, const QString& error);
  template <class Work>
  void run_off_thread(Work work);

  AppConfig config_;
  const store::Clock& clock_;
  State state_ = State::Locked;
  bool busy_ = false;
  QString last_error_, recovery_code_, lock_reason_;
  std::optional<store::CaseStore> store_;
  QTimer autolock_;
  std::shared_ptr<crypto::Secret> pending_recovery_code_;  // filled by the worker on first run
  std::thread worker_;
};

}  // namespace waymark::app
