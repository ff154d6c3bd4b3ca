// Retention: closed cases deleted after the store's period, by a supervisor, exactly as previewed.
#include "store/retention.h"

#include <SQLiteCpp/Statement.h>

#include <set>
#include <string>

#include "log/log.h"
#include "store/case_rows.h"
#include "store/settings.h"
#include "store/store_internal.h"

namespace waymark::store {
namespace {

constexpr const char* kRetentionKey = "retention_days";
constexpr int kMaxRetentionDays = 36500;
constexpr std::int64_t kDayMs = 86'400'000;

void require_supervisor(StoreState& s) {
  if ((s.user.roles & kSupervisor) == 0) s.deny(std::nullopt, "only a supervisor manages retention");
}

PurgePlan read_plan(StoreState& s, std::int64_t closed_before_ms) {
  PurgePlan plan;
  plan.closed_before_ms = closed_before_ms;
  SQLite::Statement q(s.conn->db(), std::string("SELECT ") + kCaseColumns + " FROM " + kCaseJoins +
                                        " WHERE c.status = 'closed' AND c.closed_ms < ? ORDER BY c.closed_ms, c.id");
  q.bind(1, closed_before_ms);
  while (q.executeStep()) plan.cases.push_back(read_summary(q));
  SQLite::Statement counts(s.conn->db(),
                           "SELECT (SELECT count(*) FROM answers a WHERE a.case_id IN (SELECT id FROM cases c "
                           "WHERE c.status = 'closed' AND c.closed_ms < ?1)), "
                           "(SELECT count(*) FROM reviews r WHERE r.case_id IN (SELECT id FROM cases c "
                           "WHERE c.status = 'closed' AND c.closed_ms < ?1))");
  counts.bind(1, closed_before_ms);
  counts.executeStep();
  plan.answers = counts.getColumn(0).getInt64();
  plan.reviews = counts.getColumn(1).getInt64();
  return plan;
}

}  // namespace

std::optional<int> Retention::period_days() {
  StoreState& s = *s_;
  try {
    const auto value = read_setting(s.conn->db(), kRetentionKey);
    if (!value || value->empty() || *value == "0") return std::nullopt;
    const int days = std::stoi(*value);
    return days > 0 ? std::optional<int>(days) : std::nullopt;
  } catch (const SQLite::Exception& e) {
    throw s.conn->translate(e, "read the retention period");
  } catch (const std::exception&) {
    return std::nullopt;  // an unreadable setting is off: nothing is ever deleted by mistake
  }
}

void Retention::set_period_days(std::optional<int> days) {
  StoreState& s = *s_;
  require_supervisor(s);
  if (days && (*days < 1 || *days > kMaxRetentionDays))
    throw StoreError(Errc::invalid, "a retention period is 1 to 36500 days (or off)");
  s.write("change the retention period", [&] {
    write_setting(s.conn->db(), kRetentionKey, std::to_string(days.value_or(0)));
    s.audit->append(s.now(), s.user.id, AuditAction::retention_changed, std::nullopt, std::nullopt,
                    std::int64_t{days.value_or(0)});
  });
}

PurgePlan Retention::plan(std::int64_t closed_before_ms) {
  StoreState& s = *s_;
  require_supervisor(s);
  try {
    return read_plan(s, closed_before_ms);
  } catch (const SQLite::Exception& e) {
    throw s.conn->translate(e, "list the cases to delete");
  }
}

PurgePlan Retention::plan_by_period() {
  StoreState& s = *s_;
  require_supervisor(s);
  const auto days = period_days();
  if (!days) return {};
  return plan(s.now() - *days * kDayMs);
}

PurgeReport Retention::purge(const PurgePlan& plan) {
  StoreState& s = *s_;
  require_supervisor(s);
  std::set<std::int64_t> shown;
  for (const auto& c : plan.cases) shown.insert(c.id);
  const PurgeReport report = s.write("delete the closed cases", [&] {
    const PurgePlan now = read_plan(s, plan.closed_before_ms);
    std::set<std::int64_t> current;
    for (const auto& c : now.cases) current.insert(c.id);
    if (current != shown)
      throw StoreError(Errc::invalid, "the closed cases changed since the list was shown: nothing was deleted; "
                                      "look at the list again");
    PurgeReport r{static_cast<std::int64_t>(shown.size()), now.answers, now.reviews};
    for (const char* sql : {"DELETE FROM answers WHERE case_id = ?", "DELETE FROM reviews WHERE case_id = ?",
                            "DELETE FROM case_content WHERE case_id = ?", "DELETE FROM cases WHERE id = ?"}) {
      SQLite::Statement del(s.conn->db(), sql);
      for (std::int64_t id : shown) {
        del.reset();
        del.bind(1, id);
        del.exec();
      }
    }
    s.audit->append(s.now(), s.user.id, AuditAction::cases_purged, std::nullopt, std::nullopt, r.cases);
    return r;
  });
  try {
    s.conn->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");  // the old pages leave the log too, if no one reads
  } catch (const SQLite::Exception&) {
  }
  log::info("store: {} closed cases deleted after their retention period", report.cases);
  return report;
}

}  // namespace waymark::store
