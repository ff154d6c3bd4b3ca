#include "access_controller.h"

#include <sodium.h>

#include <QPointer>
#include <filesystem>

#include "crypto/passphrase_policy.h"
#include "crypto/secret.h"
#include "store/errors.h"
#include "store/roles.h"

namespace waymark::app {
namespace {

// The passphrase leaves the QString at once and the UTF-8 copy is wiped. (QML's own copy in the text
// field is cleared by the page as soon as it has called us.)
crypto::Secret secret_of(const QString& text) {
  QByteArray utf8 = text.toUtf8();
  crypto::Secret s = crypto::Secret::from(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
  sodium_memzero(utf8.data(), static_cast<std::size_t>(utf8.size()));
  return s;
}

}  // namespace

AccessController::AccessController(const AppConfig& config, const store::Clock& clock, QObject* parent)
    : QObject(parent), config_(config), clock_(clock) {
  std::error_code ec;
  state_ = std::filesystem::exists(config_.db, ec) ? State::Locked : State::NeedsSetup;
  autolock_.setSingleShot(true);
  autolock_.setInterval(static_cast<int>(config_.autolock.count()));
  connect(&autolock_, &QTimer::timeout, this, [this] { lock_because(tr("Locked because it was not used for a while. Every saved answer is kept.")); });
}

AccessController::~AccessController() {
  if (worker_.joinable()) worker_.join();
}

QString AccessController::userName() const {
  return store_ ? QString::fromStdString(store_->user().name) : QString();
}

int AccessController::autolockMinutes() const {
  return static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(config_.autolock).count());
}

QString AccessController::storePath() const { return QString::fromStdString(config_.db.string()); }

template <class Work>
void AccessController::run_off_thread(Work work) {
  if (worker_.joinable()) worker_.join();
  set_busy(true);
  set_error({});
  QPointer<AccessController> self(this);
  worker_ = std::thread([self, work = std::move(work)]() mutable {
    std::optional<store::CaseStore> result;
    QString error;
    try {
      result.emplace(work());
    } catch (const store::StoreError& e) {
      error = QString::fromUtf8(e.what());
    } catch (const std::exception&) {
      error = tr("Something went wrong opening the store. Nothing was changed.");
    }
    auto shared = std::make_shared<std::optional<store::CaseStore>>(std::move(result));
    QMetaObject::invokeMethod(
        self.data(), [self, shared, error] {
          if (self) self->opened(std::move(*shared), error);
        },
        Qt::QueuedConnection);
  });
}

void AccessController::createStore(const QString& name, const QString& passphrase, const QString& repeat) {
  if (busy_ || state_ != State::NeedsSetup) return;
  if (name.trimmed().isEmpty()) return set_error(tr("Choose a user name."));
  if (passphrase != repeat) return set_error(tr("The two passphrases are not the same."));
  auto pass = std::make_shared<crypto::Secret>(secret_of(passphrase));
  const std::string user = name.trimmed().toStdString();
  const auto db = config_.db;
  const auto kdf = config_.kdf;
  const store::Clock* clock = &clock_;
  auto code = std::make_shared<crypto::Secret>();
  pending_recovery_code_ = code;
  run_off_thread([=]() {
    std::error_code ec;
    std::filesystem::create_directories(db.parent_path(), ec);
    const crypto::KdfParams params =
        kdf ? *kdf : crypto::calibrate_kdf([clock] { return clock->monotonic_ns(); });
    auto created = store::CaseStore::create(db, user, store::kResponder | store::kSupervisor | store::kAdmin, *pass,
                                            params, *clock);
    *code = std::move(created.recovery_code);
    return std::move(created.store);
  });
}

void AccessController::acknowledgeRecoveryCode() {
  recovery_code_.fill(QChar(' '));
  recovery_code_.clear();
  emit recoveryCodeChanged();
}

void AccessController::unlock(const QString& name, const QString& passphrase) {
  if (busy_ || state_ != State::Locked) return;
  auto pass = std::make_shared<crypto::Secret>(secret_of(passphrase));
  const std::string user = name.trimmed().toStdString();
  const auto db = config_.db;
  const store::Clock* clock = &clock_;
  run_off_thread([=]() { return store::CaseStore::open(db, user, *pass, *clock); });
}

void AccessController::opened(std::optional<store::CaseStore> store, const QString& error) {
  if (worker_.joinable()) worker_.join();
  set_busy(false);
  auto code = std::move(pending_recovery_code_);
  if (!store) {
    set_error(error);
    return;
  }
  if (code && !code->empty()) {  // first run: offered once, then wiped
    recovery_code_ = QString::fromUtf8(reinterpret_cast<const char*>(code->data()), static_cast<qsizetype>(code->size()));
    code->clear();
    emit recoveryCodeChanged();
  }
  store_ = std::move(store);
  state_ = State::Unlocked;
  lock_reason_.clear();
  autolock_.start();
  emit stateChanged();
  emit unlocked();
}

void AccessController::lock() { lock_because(tr("Locked.")); }

void AccessController::quickExit() { lock_because(tr("Locked with quick exit.")); }

void AccessController::lock_because(const QString& reason) {
  if (state_ != State::Unlocked) return;
  autolock_.stop();
  emit aboutToLock();
  store_.reset();
  acknowledgeRecoveryCode();
  state_ = State::Locked;
  lock_reason_ = reason;
  emit stateChanged();
}

void AccessController::noteActivity() {
  if (state_ == State::Unlocked) autolock_.start();
}

void AccessController::set_error(const QString& message) {
  if (last_error_ == message) return;
  last_error_ = message;
  emit lastErrorChanged();
}

void AccessController::set_busy(bool busy) {
  if (busy_ == busy) return;
  busy_ = busy;
  emit busyChanged();
}

}  // namespace waymark::app
