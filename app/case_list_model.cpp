#include "case_list_model.h"

#include <QDateTime>
#include <algorithm>

#include "access_controller.h"
#include "store/errors.h"
#include "store/roles.h"

namespace waymark::app {
namespace {

QString status_text(store::CaseStatus s) {
  const std::string_view v = store::to_string(s);
  return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
}

}  // namespace

CaseListModel::CaseListModel(AccessController& access, QObject* parent) : QAbstractListModel(parent), access_(access) {
  connect(&access_, &AccessController::unlocked, this, &CaseListModel::refresh);
  connect(&access_, &AccessController::aboutToLock, this, [this] {
    beginResetModel();
    all_.clear();
    shown_.clear();
    endResetModel();
    emit countsChanged();
  });
}

int CaseListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(shown_.size());
}

QVariant CaseListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= static_cast<int>(shown_.size())) return {};
  const store::CaseSummary& c = shown_[static_cast<std::size_t>(index.row())];
  const bool mine = c.owner_id == user_id_;
  switch (role) {
    case IdRole: return QVariant::fromValue<qint64>(c.id);
    case Qt::DisplayRole:
    case ReferenceRole: return QString::fromStdString(c.reference);
    case StatusRole: return status_text(c.status);
    case BandRole: return QString::fromStdString(c.band);
    case OwnerRole: return QString::fromStdString(c.owner_name);
    case UpdatedRole:
      return QDateTime::fromMSecsSinceEpoch(c.updated_ms).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case MineRole: return mine;
    case EditableRole: return mine && (c.status == store::CaseStatus::draft || c.status == store::CaseStatus::returned);
    default: return {};
  }
}

QHash<int, QByteArray> CaseListModel::roleNames() const {
  return {{IdRole, "caseId"},   {ReferenceRole, "reference"}, {StatusRole, "status"}, {BandRole, "band"},
          {OwnerRole, "owner"},     {UpdatedRole, "updated"},     {MineRole, "mine"},     {EditableRole, "editable"}};
}

void CaseListModel::setSearch(const QString& text) {
  if (search_ == text) return;
  search_ = text;
  apply_filter();
  emit filterChanged();
}

void CaseListModel::setStatus(const QString& status) {
  if (status_ == status) return;
  status_ = status;
  apply_filter();
  emit filterChanged();
}

void CaseListModel::setBand(const QString& band) {
  if (band_ == band) return;
  band_ = band;
  apply_filter();
  emit filterChanged();
}

void CaseListModel::refresh() {
  store::CaseStore* store = access_.store();
  if (store == nullptr) return;
  try {
    all_ = store->cases().list().rows;
    user_id_ = store->user().id;
    last_error_.clear();
  } catch (const store::StoreError& e) {
    all_.clear();
    last_error_ = QString::fromUtf8(e.what());
  }
  // Own work still to finish comes first, then everything else; newest first within each.
  const auto open_mine = [this](const store::CaseSummary& c) {
    return c.owner_id == user_id_ && (c.status == store::CaseStatus::draft || c.status == store::CaseStatus::returned);
  };
  std::stable_sort(all_.begin(), all_.end(), [&](const store::CaseSummary& a, const store::CaseSummary& b) {
    if (open_mine(a) != open_mine(b)) return open_mine(a);
    return a.updated_ms > b.updated_ms;
  });
  apply_filter();
  emit countsChanged();
}

void CaseListModel::apply_filter() {
  beginResetModel();
  shown_.clear();
  const std::string needle = search_.trimmed().toUpper().toStdString();
  for (const auto& c : all_) {
    if (!needle.empty() && c.reference.find(needle) == std::string::npos) continue;
    if (!status_.isEmpty() && status_text(c.status) != status_) continue;
    if (!band_.isEmpty() && QString::fromStdString(c.band.empty() ? "unassessed" : c.band) != band_) continue;
    shown_.push_back(c);
  }
  endResetModel();
}

}  // namespace waymark::app
