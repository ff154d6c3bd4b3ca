#pragma once
// Everything the window binds to, wired once: the rule pack, the lock, the case list, the screening,
// the review desk.
// main(), the Qt Quick tests, the screenshot tool and the benchmark all build the app through this,
// so they exercise the same wiring. The store is never handed to QML; only these controllers are.
#include <QObject>
#include <QVariantMap>
#include <memory>

#include "access_controller.h"
#include "app_config.h"
#include "audit_controller.h"
#include "case_list_model.h"
#include "export_controller.h"
#include "retention_controller.h"
#include "review_controller.h"
#include "rules/rule_pack.h"
#include "screening_controller.h"
#include "statistics_controller.h"

namespace waymark::app {

// Any key press, click, scroll or touch anywhere in the app restarts the autolock countdown.
class ActivityFilter : public QObject {
 public:
  explicit ActivityFilter(AccessController& access) : access_(access) {}
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  AccessController& access_;
};

class AppObjects {
 public:
  AppObjects(AppConfig config, rules::RulePack pack, const store::Clock& clock);

  [[nodiscard]] AccessController& access() { return access_; }
  [[nodiscard]] CaseListModel& cases() { return cases_; }
  [[nodiscard]] ScreeningController& screening() { return screening_; }
  [[nodiscard]] ExportController& exporter() { return exporter_; }
  [[nodiscard]] ReviewController& review() { return review_; }
  [[nodiscard]] AuditController& audit() { return audit_; }
  [[nodiscard]] StatisticsController& statistics() { return statistics_; }
  [[nodiscard]] RetentionController& retention() { return retention_; }
  [[nodiscard]] const rules::RulePack& pack() const { return pack_; }
  // The initial properties of Main.qml: access, cases, screening, exporter, review, audit, statistics,
  // retention.
  [[nodiscard]] QVariantMap qml_properties();
  // Installs the activity filter on the application (call once the QGuiApplication exists).
  void watch_activity();

 private:
  rules::RulePack pack_;
  AccessController access_;
  CaseListModel cases_;
  ScreeningController screening_;
  ExportController exporter_;
  ReviewController review_;
  AuditController audit_;
  StatisticsController statistics_;
  RetentionController retention_;
  ActivityFilter activity_;
};

}  // namespace waymark::app
