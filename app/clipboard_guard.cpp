#include "clipboard_guard.h"

#include <QClipboard>
#include <QGuiApplication>

namespace waymark::app {

ClipboardGuard::ClipboardGuard(std::chrono::milliseconds hold, QObject* parent) : QObject(parent) {
  timer_.setSingleShot(true);
  timer_.setInterval(static_cast<int>(hold.count()));
  connect(&timer_, &QTimer::timeout, this, &ClipboardGuard::clear_if_unchanged);
}

void ClipboardGuard::copy(const QString& text) {
  QGuiApplication::clipboard()->setText(text);
  copied_ = text;
  timer_.start();
}

void ClipboardGuard::clear_if_unchanged() {
  timer_.stop();
  if (copied_.isEmpty()) return;
  QClipboard* clipboard = QGuiApplication::clipboard();
  if (clipboard->text() == copied_) clipboard->clear();
  copied_.fill(QChar(' '));
  copied_.clear();
}

}  // namespace waymark::app
