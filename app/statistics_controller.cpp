#include "statistics_controller.h"

#include <QDate>
#include <QDir>
#include <QLocale>

#include "access_controller.h"
#include "report/export_file.h"
#include "store/errors.h"

namespace waymark::app {
namespace {

QString dimension_title(const std::string& d) {
  if (d == "month") return StatisticsController::tr("Started, by month");
  if (d == "band") return StatisticsController::tr("Result");
  if (d == "exploitation_type") return StatisticsController::tr("Type of exploitation indicated");
  if (d == "nation") return StatisticsController::tr("Nation");
  return StatisticsController::tr("Child or adult");
}

}  // namespace

// The words the pack uses for a type or a nation; the stored id where the pack has none.
QString StatisticsController::key_label(const std::string& d, const std::string& key) const {
  if (key == "unknown") return tr("not known");
  if (d == "band") {
    if (key == "emergency") return tr("Emergency");
    if (key == "refer") return tr("Refer");
    if (key == "assess") return tr("Find out more");
    if (key == "none") return tr("No signs");
  }
  if (d == "exploitation_type") {
    if (key == "none") return tr("none indicated");
    for (const auto& t : pack_.exploitation_types)
      if (t.id == key) return QString::fromStdString(t.title);
  }
  if (d == "nation" && pack_.nation_question >= 0)
    for (const auto& o : pack_.questions[static_cast<std::size_t>(pack_.nation_question)].options)
      if (o.value == key) return QString::fromStdString(o.text);
  if (d == "child") return key == "child" ? tr("Child") : tr("Adult");
  return QString::fromStdString(key);
}

StatisticsController::StatisticsController(AccessController& access, const rules::RulePack& pack, QObject* parent)
    : QObject(parent), access_(access), pack_(pack), folder_(QDir::homePath()) {
  connect(&access_, &AccessController::aboutToLock, this, [this] {
    stats_ = {};
    dimensions_.clear();
    total_.clear();
    last_result_.clear();
    last_error_.clear();
    emit changed();
  });
  connect(&access_, &AccessController::unlocked, this, [this] { emit changed(); });
}

bool StatisticsController::allowed() const { return access_.isSupervisor(); }

void StatisticsController::setFolder(const QString& folder) {
  if (folder_ == folder) return;
  folder_ = folder;
  emit changed();
}

void StatisticsController::refresh() {
  store::CaseStore* store = access_.store();
  if (store == nullptr) return;
  last_error_.clear();
  dimensions_.clear();
  try {
    stats_ = store->statistics().count();
    const QLocale locale;
    total_ = stats_.cases_suppressed ? tr("fewer than 5") : locale.toString(stats_.cases);
    QVariantMap current;
    QVariantList cells;
    qint64 largest = 0;
    const auto flush = [&] {
      if (current.isEmpty()) return;
      current[QStringLiteral("cells")] = cells;
      current[QStringLiteral("largest")] = largest;
      dimensions_ << current;
    };
    std::string dimension;
    for (const store::StatCell& c : stats_.cells) {
      if (c.dimension != dimension) {
        flush();
        dimension = c.dimension;
        current = {{"dimension", QString::fromStdString(dimension)}, {"title", dimension_title(dimension)}};
        cells.clear();
        largest = 0;
      }
      cells << QVariantMap{{"key", QString::fromStdString(c.key)},
                           {"label", key_label(c.dimension, c.key)},
                           {"count", QVariant::fromValue<qint64>(c.count)},
                           {"countText", c.complementary ? tr("hidden")
                                         : c.suppressed  ? tr("fewer than 5")
                                                         : locale.toString(c.count)},
                           {"suppressed", c.suppressed}};
      largest = std::max<qint64>(largest, c.count);
    }
    flush();
  } catch (const store::StoreError& e) {
    last_error_ = QString::fromUtf8(e.what());
  }
  emit changed();
}

void StatisticsController::saveCsv() {
  last_result_.clear();
  last_error_.clear();
  if (dimensions_.isEmpty()) refresh();
  const QString name = QStringLiteral("waymark-figures-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate));
  const QString path = QDir(folder_).filePath(name);
  try {
    report::write_export_file(path.toStdString(), store::statistics_csv(stats_), false);
    last_result_ = tr("Saved %1").arg(QDir::toNativeSeparators(path));
  } catch (const report::ExportError& e) {
    last_error_ = QString::fromUtf8(e.what());
  }
  emit changed();
}

}  // namespace waymark::app
