#pragma once
// Copies text for pasting into a form, then clears the clipboard after `hold` if it still holds that
// text (so a later copy by the user is never wiped). Also cleared at once on lock.
#include <QObject>
#include <QString>
#include <QTimer>
#include <chrono>

namespace waymark::app {

class ClipboardGuard : public QObject {
  Q_OBJECT
 public:
  explicit ClipboardGuard(std::chrono::milliseconds hold = std::chrono::seconds(60), QObject* parent = nullptr);
  void copy(const QString& text);
  // Clears now if the clipboard still holds what was copied here.
  void clear_if_unchanged();

 private:
  QTimer timer_;
  QString copied_;
};

}  // namespace waymark::app
