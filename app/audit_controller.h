#pragma once
// The store-wide audit view for supervisors and admins: the newest events first, a page at a time,
// and the result of checking the whole store (integrity, the audit chain, keyslots).
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <thread>

namespace waymark::app {

class AccessController;

class AuditController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("made by the app")
  Q_PROPERTY(bool allowed READ allowed NOTIFY changed)
  // [{seq, when, who, action, reference, refused}]; a run of the same action by the same person on
  // the same case is one row ("answer saved (16 times)", seq "12-27"), when: its latest
  Q_PROPERTY(QVariantList events READ events NOTIFY changed)
  Q_PROPERTY(bool more READ more NOTIFY changed)  // older events exist
  Q_PROPERTY(QString verification READ verification NOTIFY changed)  // "" until checked
  Q_PROPERTY(bool verifiedOk READ verifiedOk NOTIFY changed)
  // A check is running (off the UI thread): the page keeps everything else out of reach meanwhile.
  Q_PROPERTY(bool checking READ checking NOTIFY changed)
  Q_PROPERTY(QString lastError READ lastError NOTIFY changed)

 public:
  static constexpr int kPageSize = 100;
  explicit AuditController(AccessController& access, QObject* parent = nullptr);
  ~AuditController() override;

  [[nodiscard]] bool allowed() const;
  [[nodiscard]] QVariantList events() const { return events_; }
  [[nodiscard]] bool more() const { return more_; }
  [[nodiscard]] QString verification() const { return verification_; }
  [[nodiscard]] bool verifiedOk() const { return verified_ok_; }
  [[nodiscard]] bool checking() const { return checker_.joinable(); }
  [[nodiscard]] QString lastError() const { return last_error_; }

  Q_INVOKABLE void refresh();    // the newest page
  Q_INVOKABLE void loadOlder();  // appends the next page
  // Checks the whole store (every page, the audit chain, the keyslots) off the UI thread: it reads the
  // whole file, seconds for a large store. Locking meanwhile waits for it to end.
  Q_INVOKABLE void verify();

 signals:
  void changed();

 private:
  void load(std::int64_t before_seq);
  void checked(bool ok, const QString& text);
  void wait_for_check();

  AccessController& access_;
  QVariantList events_;
  std::int64_t oldest_seq_ = 0;
  bool more_ = false, verified_ok_ = false;
  QString verification_, last_error_;
  std::thread checker_;  // runs verify(); joined by checked(), before a lock and on destruction
};

}  // namespace waymark::app
