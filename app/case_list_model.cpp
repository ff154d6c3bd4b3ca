#include "case_list_model.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QStringList>

#include "access_controller.h"
#include "store/errors.h"
#include "store/roles.h"
#include "time_text.h"

namespace waymark::app {
namespace {

QString q(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

// Midnight at the start of `day` (local time), or nothing for "" ; `ok` false for a bad day.
std::optional<std::int64_t> day_start(const QString& day, bool& ok, int add_days = 0) {
  if (day.trimmed().isEmpty()) return std::nullopt;
  const QDate d = QDate::fromString(day.trimmed(), Qt::ISODate);
  if (!d.isValid()) {
    ok = false;
    return std::nullopt;
  }
  return d.addDays(add_days).startOfDay().toMSecsSinceEpoch();
}

}  // namespace

CaseListModel::CaseListModel(AccessController& access, QObject* parent) : QAbstractListModel(parent), access_(access) {
  connect(&access_, &AccessController::unlocked, this, [this] {
    // Each user starts on the list that is theirs to work: a supervisor's queue, a caseworker's cases.
    scope_ = access_.isSupervisor() ? QStringLiteral("queue")
             : (access_.isCaseworker() && !access_.isResponder()) ? QStringLiteral("submitted")
                                                                  : QStringLiteral("all");
    search_.clear();
    status_.clear();
    band_.clear();
    owner_.clear();
    from_.clear();
    to_.clear();
    page_ = 0;
    emit filterChanged();
    refresh();
  });
  connect(&access_, &AccessController::aboutToLock, this, [this] {
    beginResetModel();
    rows_.clear();
    total_ = 0;
    endResetModel();
    emit countsChanged();
  });
}

int CaseListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant CaseListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= static_cast<int>(rows_.size())) return {};
  const store::CaseSummary& c = rows_[static_cast<std::size_t>(index.row())];
  const bool mine = c.owner_id == user_id_;
  switch (role) {
    case IdRole: return QVariant::fromValue<qint64>(c.id);
    case Qt::DisplayRole:
    case ReferenceRole: return QString::fromStdString(c.reference);
    case StatusRole: return q(store::to_string(c.status));
    case BandRole: return QString::fromStdString(c.band);
    case OwnerRole: return QString::fromStdString(c.owner_name);
    case UpdatedRole: return local_time(c.updated_ms);
    case StartedRole: return local_time(c.created_ms);
    case MineRole: return mine;
    case EditableRole: return mine && (c.status == store::CaseStatus::draft || c.status == store::CaseStatus::returned);
    case ChildRole: return c.child.value_or(false);
    case SubmittedRole: return local_time(c.submitted_ms);
    case WaitingRole:
      return c.submitted_ms ? waiting_time(*c.submitted_ms, access_.clock().now_unix_ms()) : QString();
    case AssignedRole: return QString::fromStdString(c.assigned_name);
    case TypesRole: {
      QStringList types;
      for (const auto& t : c.exploitation_types) types << QString::fromStdString(t);
      return types.join(QStringLiteral(", "));
    }
    default: return {};
  }
}

QHash<int, QByteArray> CaseListModel::roleNames() const {
  return {{IdRole, "caseId"},       {ReferenceRole, "reference"}, {StatusRole, "status"},
          {BandRole, "band"},       {OwnerRole, "owner"},         {UpdatedRole, "updated"},
          {MineRole, "mine"},       {EditableRole, "editable"},   {ChildRole, "child"},
          {SubmittedRole, "submitted"}, {WaitingRole, "waiting"}, {AssignedRole, "assignedTo"},
          {TypesRole, "types"},     {StartedRole, "started"}};
}

void CaseListModel::filter_changed() {
  page_ = 0;
  emit filterChanged();
  refresh();
}

void CaseListModel::setScope(const QString& scope) {
  if (scope_ == scope) return;
  scope_ = scope;
  filter_changed();
}
void CaseListModel::setSearch(const QString& text) {
  if (search_ == text) return;
  search_ = text;
  filter_changed();
}
void CaseListModel::setStatus(const QString& status) {
  if (status_ == status) return;
  status_ = status;
  filter_changed();
}
void CaseListModel::setBand(const QString& band) {
  if (band_ == band) return;
  band_ = band;
  filter_changed();
}
void CaseListModel::setOwner(const QString& name) {
  if (owner_ == name) return;
  owner_ = name;
  filter_changed();
}
void CaseListModel::setStartedFrom(const QString& day) {
  if (from_ == day) return;
  from_ = day;
  filter_changed();
}
void CaseListModel::setStartedTo(const QString& day) {
  if (to_ == day) return;
  to_ = day;
  filter_changed();
}
void CaseListModel::setPage(int page) {
  page = std::clamp(page, 0, std::max(0, pageCount() - 1));
  if (page_ == page) return;
  page_ = page;
  refresh();
}

int CaseListModel::pageCount() const { return static_cast<int>((total_ + kPerPage - 1) / kPerPage); }

QString CaseListModel::range() const {
  if (total_ == 0) return {};
  const QLocale locale;
  const std::int64_t first = static_cast<std::int64_t>(page_) * kPerPage + 1;
  const std::int64_t last = first + static_cast<std::int64_t>(rows_.size()) - 1;
  return tr("%1-%2 of %3").arg(locale.toString(first), locale.toString(last), locale.toString(total_));
}

std::optional<store::CaseFilter> CaseListModel::make_filter() {
  store::CaseFilter f;
  f.scope = scope_ == QLatin1String("queue")       ? store::CaseFilter::Scope::queue
            : scope_ == QLatin1String("mine")      ? store::CaseFilter::Scope::mine_open
            : scope_ == QLatin1String("submitted") ? store::CaseFilter::Scope::submitted_to_me
                                                   : store::CaseFilter::Scope::visible;
  f.reference = search_.toStdString();
  if (!status_.isEmpty()) f.status = store::parse_status(status_.toStdString());
  f.band = band_.toStdString();
  bool ok = true;
  f.created_from_ms = day_start(from_, ok);
  f.created_before_ms = day_start(to_, ok, 1);  // "to" includes the whole day
  if (!ok) {
    last_error_ = tr("Write dates as YYYY-MM-DD, for example 2026-03-31.");
    return std::nullopt;
  }
  if (!owner_.trimmed().isEmpty()) {
    store::CaseStore* store = access_.store();
    const std::string name = owner_.trimmed().toStdString();
    if (name == store->user().name) {
      f.owner_id = store->user().id;
    } else {
      try {
        for (const auto& u : store->accounts().users())
          if (u.name == name) f.owner_id = u.id;
      } catch (const store::StoreError&) {
        // Only supervisors and admins see the accounts; anyone else can only mean themselves.
      }
      if (!f.owner_id) {
        last_error_ = tr("No user you can see is called \"%1\".").arg(owner_.trimmed());
        return std::nullopt;
      }
    }
  }
  f.offset = page_ * kPerPage;
  f.limit = kPerPage;
  return f;
}

void CaseListModel::refresh() {
  store::CaseStore* store = access_.store();
  if (store == nullptr) return;
  beginResetModel();
  rows_.clear();
  total_ = 0;
  last_error_.clear();
  user_id_ = store->user().id;
  if (const auto filter = make_filter()) {
    try {
      store::CasePage page = store->cases().list(*filter);
      rows_ = std::move(page.rows);
      total_ = page.total;
    } catch (const store::StoreError& e) {
      last_error_ = QString::fromUtf8(e.what());
    }
  }
  endResetModel();
  emit countsChanged();
}

}  // namespace waymark::app
