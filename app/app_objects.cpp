#include "app_objects.h"

#include <QCoreApplication>
#include <QEvent>

namespace waymark::app {

bool ActivityFilter::eventFilter(QObject* watched, QEvent* event) {
  switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
    case QEvent::TouchBegin: access_.noteActivity(); break;
    default: break;
  }
  return QObject::eventFilter(watched, event);
}

AppObjects::AppObjects(AppConfig config, rules::RulePack pack, const store::Clock& clock)
    : pack_(std::move(pack)),
      access_(config, clock),
      cases_(access_),
      screening_(access_, pack_),
      exporter_(access_, screening_, pack_),
      activity_(access_) {
  QObject::connect(&screening_, &ScreeningController::closed, &cases_, &CaseListModel::refresh);
}

QVariantMap AppObjects::qml_properties() {
  return {{"access", QVariant::fromValue(&access_)},
          {"cases", QVariant::fromValue(&cases_)},
          {"screening", QVariant::fromValue(&screening_)},
          {"exporter", QVariant::fromValue(&exporter_)}};
}

void AppObjects::watch_activity() { QCoreApplication::instance()->installEventFilter(&activity_); }

}  // namespace waymark::app
