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
      review_(access_, pack_),
      audit_(access_),
      statistics_(access_, pack_),
      retention_(access_),
      activity_(access_) {
  QObject::connect(&screening_, &ScreeningController::closed, &cases_, &CaseListModel::refresh);
  QObject::connect(&review_, &ReviewController::decided, &cases_, &CaseListModel::refresh);
  QObject::connect(&retention_, &RetentionController::purged, &cases_, &CaseListModel::refresh);
}

QVariantMap AppObjects::qml_properties() {
  return {{"access", QVariant::fromValue(&access_)},
          {"cases", QVariant::fromValue(&cases_)},
          {"screening", QVariant::fromValue(&screening_)},
          {"exporter", QVariant::fromValue(&exporter_)},
          {"review", QVariant::fromValue(&review_)},
          {"audit", QVariant::fromValue(&audit_)},
          {"statistics", QVariant::fromValue(&statistics_)},
          {"retention", QVariant::fromValue(&retention_)}};
}

void AppObjects::watch_activity() { QCoreApplication::instance()->installEventFilter(&activity_); }

}  // namespace waymark::app
