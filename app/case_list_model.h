#pragma once
// One page of the cases the unlocked user may see, read from the store by its indexes (never the whole
// list): the supervisor's queue (longest waiting first), every visible case, one's own unfinished
// cases, or the cases submitted to a caseworker; filtered by reference, status, result, owner and the
// date a case was started. Holds no answers or notes.
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
  // all | queue | mine | submitted
  Q_PROPERTY(QString scope READ scope WRITE setScope NOTIFY filterChanged)
  Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY filterChanged)
  Q_PROPERTY(QString status READ status WRITE setStatus NOTIFY filterChanged)
  Q_PROPERTY(QString band READ band WRITE setBand NOTIFY filterChanged)
  Q_PROPERTY(QString owner READ owner WRITE setOwner NOTIFY filterChanged)
  // Started on or after / on or before these days (YYYY-MM-DD, local time); "" for no limit.
  Q_PROPERTY(QString startedFrom READ startedFrom WRITE setStartedFrom NOTIFY filterChanged)
  Q_PROPERTY(QString startedTo READ startedTo WRITE setStartedTo NOTIFY filterChanged)
  Q_PROPERTY(int page READ page WRITE setPage NOTIFY countsChanged)  // from 0
  Q_PROPERTY(int pageCount READ pageCount NOTIFY countsChanged)
  Q_PROPERTY(int total READ total NOTIFY countsChanged)  // matching cases on every page
  Q_PROPERTY(QString range READ range NOTIFY countsChanged)  // "1-50 of 1,234"
  Q_PROPERTY(QString lastError READ lastError NOTIFY countsChanged)

 public:
  enum Role {
    IdRole = Qt::UserRole + 1, ReferenceRole, StatusRole, BandRole, OwnerRole, UpdatedRole, MineRole,
    EditableRole, ChildRole, SubmittedRole, WaitingRole, AssignedRole, TypesRole, StartedRole
  };
  static constexpr int kPerPage = 50;

  explicit CaseListModel(AccessController& access, QObject* parent = nullptr);

  [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
  [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

  [[nodiscard]] QString scope() const { return scope_; }
  void setScope(const QString& scope);
  [[nodiscard]] QString search() const { return search_; }
  void setSearch(const QString& text);
  [[nodiscard]] QString status() const { return status_; }
  void setStatus(const QString& status);  // "" for any, or draft|submitted|returned|approved|closed
  [[nodiscard]] QString band() const { return band_; }
  void setBand(const QString& band);  // "" for any, emergency|refer|assess|none, or "unassessed"
  [[nodiscard]] QString owner() const { return owner_; }
  void setOwner(const QString& name);  // a user name; "" for anyone
  [[nodiscard]] QString startedFrom() const { return from_; }
  void setStartedFrom(const QString& day);
  [[nodiscard]] QString startedTo() const { return to_; }
  void setStartedTo(const QString& day);
  [[nodiscard]] int page() const { return page_; }
  void setPage(int page);
  [[nodiscard]] int pageCount() const;
  [[nodiscard]] int total() const { return static_cast<int>(total_); }
  [[nodiscard]] QString range() const;
  [[nodiscard]] QString lastError() const { return last_error_; }

  // Reads the page again from the store (after unlock, after a case is closed or decided).
  Q_INVOKABLE void refresh();

 signals:
  void filterChanged();
  void countsChanged();

 private:
  void filter_changed();
  [[nodiscard]] std::optional<store::CaseFilter> make_filter();

  AccessController& access_;
  std::vector<store::CaseSummary> rows_;
  std::int64_t total_ = 0;
  std::int64_t user_id_ = 0;
  int page_ = 0;
  QString scope_ = QStringLiteral("all"), search_, status_, band_, owner_, from_, to_, last_error_;
};

}  // namespace waymark::app
