#pragma once
// The supervisor's figures: assessed cases by month, result, exploitation type, nation and child or
// adult, with every count under 5 suppressed (shown as "fewer than 5"); saved as CSV on request.
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include "rules/rule_pack.h"
#include "store/statistics.h"

namespace waymark::app {

class AccessController;

class StatisticsController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("made by the app")
  Q_PROPERTY(bool allowed READ allowed NOTIFY changed)
  Q_PROPERTY(QString total READ total NOTIFY changed)  // "1,234" or "fewer than 5"
  // [{dimension, title, largest, cells: [{key, label, count, suppressed}]}]
  Q_PROPERTY(QVariantList dimensions READ dimensions NOTIFY changed)
  Q_PROPERTY(QString folder READ folder WRITE setFolder NOTIFY changed)
  Q_PROPERTY(QString lastResult READ lastResult NOTIFY changed)
  Q_PROPERTY(QString lastError READ lastError NOTIFY changed)

 public:
  StatisticsController(AccessController& access, const rules::RulePack& pack, QObject* parent = nullptr);

  [[nodiscard]] bool allowed() const;
  [[nodiscard]] QString total() const { return total_; }
  [[nodiscard]] QVariantList dimensions() const { return dimensions_; }
  [[nodiscard]] QString folder() const { return folder_; }
  void setFolder(const QString& folder);
  [[nodiscard]] QString lastResult() const { return last_result_; }
  [[nodiscard]] QString lastError() const { return last_error_; }

  Q_INVOKABLE void refresh();
  // Writes waymark-figures-<date>.csv into folder(); never over an existing file.
  Q_INVOKABLE void saveCsv();

 signals:
  void changed();

 private:
  [[nodiscard]] QString key_label(const std::string& dimension, const std::string& key) const;

  AccessController& access_;
  const rules::RulePack& pack_;
  store::CaseStatistics stats_;
  QVariantList dimensions_;
  QString total_, folder_, last_result_, last_error_;
};

}  // namespace waymark::app
