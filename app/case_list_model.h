#pragma once
// The cases the unlocked user may see, for the case list: own drafts and returned cases first, then
// the rest, newest first; filtered by reference text, status and band. Holds no answers or notes.
#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "store/case_store.h"

namespace waymark::app {

class AccessController;

class CaseListModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("made by the app")
  Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY filterChanged)
  Q_PROPERTY(QString status READ status WRITE setStatus NOTIFY filterChanged)
  Q_PROPERTY(QString band READ band WRITE setBand NOTIFY filterChanged)
  Q_PROPERTY(int total READ total NOTIFY countsChanged)
  Q_PROPERTY(QString lastError READ lastError NOTIFY countsChanged)

 public:
  enum Role { IdRole = Qt::UserRole + 1, ReferenceRole, StatusRole, BandRole, OwnerRole, UpdatedRole, MineRole, EditableRole };

  explicit CaseListModel(AccessController& access, QObject* parent = nullptr);

  [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
  [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

  [[nodiscard]] QString search() const { return search_; }
  void setSearch(const QString& text);
  [[nodiscard]] QString status() const { return status_; }
  void setStatus(const QString& status);  // "" for any, or draft|submitted|returned|approved|closed
  [[nodiscard]] QString band() const { return band_; }
  void setBand(const QString& band);  // "" for any, emergency|refer|assess|none, or "unassessed"
  [[nodiscard]] int total() const { return static_cast<int>(all_.size()); }
  [[nodiscard]] QString lastError() const { return last_error_; }

  // Reads the list again from the store (after unlock, after a screening is closed).
  Q_INVOKABLE void refresh();

 signals:
  void filterChanged();
  void countsChanged();

 private:
  void apply_filter();

  AccessController& access_;
  std::vector<store::CaseSummary> all_, shown_;
  std::int64_t user_id_ = 0;
  QString search_, status_, band_, last_error_;
};

}  // namespace waymark::app
