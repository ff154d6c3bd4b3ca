// The review desk over the store (issue 11): returns with reasons and resubmission, who sees which
// cases, list filters and paging, the queue's order, retention purges, statistics with small cells
// suppressed, and a schema 3 store carried over to schema 4.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "report/assessment_json.h"
#include "rules/answers_json.h"
#include "rules/assessment.h"
#include "rules/pack_loader.h"
#include "store/connection.h"
#include "store/schema.h"
#include "store_test_support.h"

namespace waymark::store {
namespace {

using test::error_of;
using test::pass;
namespace fs = std::filesystem;
using json = nlohmann::json;

// One store with a team: alice (admin + supervisor, made it), adam (admin only), responders rita and
// ravi, caseworkers cara and carl, supervisor sam.
struct Desk {
  test::TempDir dir;
  test::FakeClock clock;
  fs::path db = dir / "cases.db";
  explicit Desk(std::int64_t start_ms = 1'790'000'000'000) : clock(start_ms) {
    auto created = test::make_store(db, clock);
    created.store.accounts().add_user("adam", kAdmin, pass("adam administers accounts"), test::fast_kdf());
    created.store.accounts().add_user("rita", kResponder, pass("rita responds to calls"), test::fast_kdf());
    created.store.accounts().add_user("ravi", kResponder, pass("ravi responds to calls"), test::fast_kdf());
    created.store.accounts().add_user("cara", kCaseworker, pass("cara works the cases"), test::fast_kdf());
    created.store.accounts().add_user("carl", kCaseworker, pass("carl works the cases"), test::fast_kdf());
    created.store.accounts().add_user("sam", kSupervisor, pass("sam supervises them all"), test::fast_kdf());
  }
  CaseStore as(const std::string& who) {
    static const std::map<std::string, std::string> passes = {
        {"alice", test::kAdminPass},          {"adam", "adam administers accounts"},
        {"rita", "rita responds to calls"},   {"ravi", "ravi responds to calls"},
        {"cara", "cara works the cases"},     {"carl", "carl works the cases"},
        {"sam", "sam supervises them all"}};
    return CaseStore::open(db, who, pass(passes.at(who)), clock);
  }
  void minutes(int n) { clock.advance_ms(n * 60'000LL); }
};

constexpr std::int64_t kDayMs = 86'400'000;

// An assessment as report::assessment_to_json writes it (format 1), with only what the desk reads.
std::string assessment(const std::string& band, const std::vector<std::string>& types,
                       std::optional<std::string> nation, bool child) {
  json a = {{"format", 1}, {"band", band}, {"exploitation_types", types}, {"treated_as_child", child}};
  a["nation"] = nation ? json(*nation) : json(nullptr);
  return a.dump();
}

std::vector<Cases::NewAnswer> some_answers() {
  return {{"safety.danger", "false"}, {"work.hours", "\"long\""}, {"context.nation", "\"england\""}};
}

std::set<std::int64_t> ids_of(const CasePage& page) {
  std::set<std::int64_t> out;
  for (const auto& c : page.rows) out.insert(c.id);
  return out;
}

CaseFilter scope(CaseFilter::Scope s) {
  CaseFilter f;
  f.scope = s;
  return f;
}

std::int64_t count_rows(CaseStore& s, const std::string& table, const std::string& column, std::int64_t case_id) {
  SQLite::Statement q(s.connection_for_tests().db(), "SELECT count(*) FROM " + table + " WHERE " + column + " = ?");
  q.bind(1, case_id);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::int64_t count_all(CaseStore& s, const std::string& table) {
  return s.connection_for_tests().db().execAndGet("SELECT count(*) FROM " + table).getInt64();
}

int count_action(CaseStore& s, AuditAction action) {
  int n = 0;
  for (const auto& e : s.audit_events()) n += e.action == static_cast<int>(action);
  return n;
}

// ---------------------------------------------------------------------------------------------------
// Return with a reason, fix, resubmit, approve: what each side sees, the answer history, the audit.

TEST(ReviewDesk, AReturnedCaseIsFixedResubmittedAndApproved) {
  Desk desk;
  auto rita = desk.as("rita");
  auto sam = desk.as("sam");
  const std::int64_t created_at = desk.clock.now_unix_ms();
  const auto c = rita.cases().create_with_answers(test::test_pack_ref(), some_answers(),
                                                  assessment("refer", {"labour"}, "england", false));
  desk.minutes(5);
  rita.cases().submit(c.id, "cara");
  const std::int64_t submitted_at = desk.clock.now_unix_ms();
  desk.minutes(5);

  const auto queue = sam.cases().list(scope(CaseFilter::Scope::queue));
  ASSERT_EQ(queue.total, 1);
  ASSERT_EQ(queue.rows.size(), 1u);
  EXPECT_EQ(queue.rows[0].id, c.id);
  EXPECT_EQ(queue.rows[0].submitted_ms, submitted_at);
  EXPECT_EQ(queue.rows[0].assigned_name, "cara");
  EXPECT_EQ(queue.rows[0].owner_name, "rita");
  EXPECT_EQ(queue.rows[0].band, "refer");

  // A blank reason is refused and changes nothing, not even the audit trail.
  const auto before = sam.cases().read(c.id).summary;
  const std::size_t events = sam.audit_events().size();
  for (const std::string blank : {"", " ", " \t\n ", "\r\n"})
    EXPECT_EQ(error_of([&] { sam.reviews().return_case(c.id, blank); }), Errc::invalid) << "[" << blank << "]";
  EXPECT_EQ(sam.audit_events().size(), events);
  const auto still = sam.cases().read(c.id).summary;
  EXPECT_EQ(still.status, CaseStatus::submitted);
  EXPECT_EQ(still.updated_ms, before.updated_ms);
  EXPECT_TRUE(sam.reviews().history(c.id).empty());
  {
    auto cara = desk.as("cara");  // the caseworker reads it but does not review it
    EXPECT_EQ(error_of([&] { cara.reviews().return_case(c.id, "not yours to return"); }), Errc::denied);
  }
  EXPECT_EQ(error_of([&] { rita.reviews().return_case(c.id, "returning my own case"); }), Errc::denied);

  const std::string reason = "Check the dates: the travel date is after the first day of work.";
  EXPECT_EQ(error_of([&] { sam.reviews().return_case(c.id, reason, "not a question id!"); }), Errc::invalid);
  sam.reviews().return_case(c.id, reason, "work.hours");
  const std::int64_t returned_at = desk.clock.now_unix_ms();
  desk.minutes(30);

  // The responder sees it returned, with the reason and who gave it.
  EXPECT_EQ(rita.cases().read(c.id).summary.status, CaseStatus::returned);
  const auto mine = rita.cases().list(scope(CaseFilter::Scope::mine_open));
  ASSERT_EQ(ids_of(mine), std::set<std::int64_t>{c.id});
  EXPECT_EQ(mine.rows[0].status, CaseStatus::returned);
  const auto h = rita.reviews().history(c.id);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].case_id, c.id);
  EXPECT_EQ(h[0].decision, Decision::returned);
  EXPECT_EQ(h[0].note, reason);
  EXPECT_EQ(h[0].question_id, "work.hours");
  EXPECT_EQ(h[0].reviewer_name, "sam");
  EXPECT_EQ(h[0].reviewer_id, sam.user().id);
  EXPECT_EQ(h[0].time_ms, returned_at);
  EXPECT_EQ(sam.cases().list(scope(CaseFilter::Scope::queue)).total, 0);
  EXPECT_EQ(error_of([&] { sam.reviews().approve(c.id); }), Errc::denied);  // not submitted now

  rita.cases().save_answer(c.id, "work.hours", "\"very long\"");
  const std::int64_t edited_at = desk.clock.now_unix_ms();
  desk.minutes(5);
  rita.cases().submit(c.id, "cara");
  const std::int64_t resubmitted_at = desk.clock.now_unix_ms();
  desk.minutes(5);
  const auto again = sam.cases().list(scope(CaseFilter::Scope::queue));
  ASSERT_EQ(again.rows.size(), 1u);
  EXPECT_EQ(again.rows[0].submitted_ms, resubmitted_at);  // the latest submission

  sam.reviews().approve(c.id);
  const std::int64_t approved_at = desk.clock.now_unix_ms();
  EXPECT_EQ(rita.cases().read(c.id).summary.status, CaseStatus::approved);
  EXPECT_EQ(error_of([&] { rita.cases().save_answer(c.id, "work.hours", "\"short\""); }), Errc::denied);
  const auto h2 = sam.reviews().history(c.id);
  ASSERT_EQ(h2.size(), 2u);
  EXPECT_EQ(h2[0].decision, Decision::returned);
  EXPECT_EQ(h2[1].decision, Decision::approved);
  EXPECT_EQ(h2[1].note, "");
  EXPECT_EQ(h2[1].question_id, "");
  EXPECT_EQ(h2[1].reviewer_name, "sam");
  EXPECT_EQ(h2[1].time_ms, approved_at);
  EXPECT_LT(h2[0].id, h2[1].id);

  // Every answer ever given, each with the value it replaced, who and when.
  for (CaseStore* reader : {&rita, &sam}) {
    const auto history = reader->cases().answer_history(c.id);
    ASSERT_EQ(history.size(), 4u);
    for (int i = 0; i < 3; ++i) {
      EXPECT_EQ(history[i].question_id, some_answers()[i].question_id);
      EXPECT_EQ(history[i].value_json, some_answers()[i].value_json);
      EXPECT_FALSE(history[i].previous_json.has_value());
      EXPECT_EQ(history[i].saved_ms, created_at);
    }
    EXPECT_EQ(history[3].question_id, "work.hours");
    EXPECT_EQ(history[3].value_json, "\"very long\"");
    EXPECT_EQ(history[3].previous_json, std::optional<std::string>("\"long\""));
    EXPECT_EQ(history[3].saved_by, rita.user().id);
    EXPECT_EQ(history[3].saved_by_name, "rita");
    EXPECT_EQ(history[3].saved_ms, edited_at);
  }
  const auto record = sam.cases().read(c.id);
  ASSERT_EQ(record.answers.size(), 3u);
  EXPECT_EQ(record.answers[1].question_id, "work.hours");  // in the order first given
  EXPECT_EQ(record.answers[1].value_json, "\"very long\"");
  EXPECT_EQ(record.answer_history, 4);

  // The case's audit trail: newest first, every event of this case, in the order they happened.
  const auto page = rita.audit_page(c.id);
  ASSERT_FALSE(page.empty());
  for (std::size_t i = 0; i < page.size(); ++i) {
    EXPECT_EQ(page[i].event.case_id, c.id);
    EXPECT_EQ(page[i].case_reference, c.reference);
    if (i > 0) {
      EXPECT_LT(page[i].event.seq, page[i - 1].event.seq);
      EXPECT_LE(page[i].event.time_ms, page[i - 1].event.time_ms);
    }
  }
  std::vector<std::pair<AuditAction, std::string>> happened;
  for (auto it = page.rbegin(); it != page.rend(); ++it)
    if (it->event.action != static_cast<int>(AuditAction::case_viewed))
      happened.emplace_back(static_cast<AuditAction>(it->event.action), it->user_name);
  const std::vector<std::pair<AuditAction, std::string>> expected = {
      {AuditAction::case_created, "rita"},   {AuditAction::answer_saved, "rita"},
      {AuditAction::answer_saved, "rita"},   {AuditAction::answer_saved, "rita"},
      {AuditAction::assessment_saved, "rita"}, {AuditAction::case_submitted, "rita"},
      {AuditAction::access_denied, "cara"},  {AuditAction::access_denied, "rita"},
      {AuditAction::case_returned, "sam"},   {AuditAction::access_denied, "sam"},
      {AuditAction::answer_saved, "rita"},
      {AuditAction::case_submitted, "rita"}, {AuditAction::case_approved, "sam"},
      {AuditAction::access_denied, "rita"}};
  EXPECT_EQ(happened, expected);
  // Paging through it with before_seq gives the same events.
  std::vector<std::int64_t> paged;
  for (std::int64_t before_seq = 0;;) {
    const auto part = sam.audit_page(c.id, before_seq, 3);
    if (part.empty()) break;
    for (const auto& e : part) paged.push_back(e.event.seq);
    before_seq = part.back().event.seq;
  }
  std::vector<std::int64_t> whole;
  for (const auto& e : sam.audit_page(c.id, 0, 1000)) whole.push_back(e.event.seq);
  EXPECT_EQ(paged, whole);
  EXPECT_GE(whole.size(), page.size());
  {
    auto ravi = desk.as("ravi");
    EXPECT_EQ(error_of([&] { (void)ravi.audit_page(c.id); }), Errc::denied);
  }
  EXPECT_NO_THROW((void)sam.verify());
}

// ---------------------------------------------------------------------------------------------------
// Who sees which cases.

TEST(ReviewDesk, EachRoleSeesOnlyItsCases) {
  Desk desk;
  auto rita = desk.as("rita");
  auto ravi = desk.as("ravi");
  const auto rita_sent = rita.cases().create_with_answers(test::test_pack_ref(), some_answers(),
                                                          assessment("assess", {}, "wales", false));
  rita.cases().submit(rita_sent.id, "cara");
  const auto rita_draft = rita.cases().create(test::test_pack_ref());
  const auto ravi_sent = ravi.cases().create(test::test_pack_ref());
  ravi.cases().submit(ravi_sent.id, "carl");
  const auto ravi_draft = ravi.cases().create(test::test_pack_ref());
  const auto ravi_draft2 = ravi.cases().create(test::test_pack_ref());

  // A responder: no queue; own cases only, whatever the filter asks for.
  EXPECT_EQ(error_of([&] { (void)rita.cases().list(scope(CaseFilter::Scope::queue)); }), Errc::denied);
  EXPECT_EQ(ids_of(rita.cases().list()), (std::set<std::int64_t>{rita_sent.id, rita_draft.id}));
  EXPECT_EQ(rita.cases().list().total, 2);
  CaseFilter others;
  others.owner_id = ravi.user().id;
  EXPECT_EQ(rita.cases().list(others).total, 0);
  CaseFilter by_ref;
  by_ref.reference = ravi_sent.reference;
  EXPECT_EQ(rita.cases().list(by_ref).total, 0);
  for (std::int64_t id : {ravi_sent.id, ravi_draft.id}) {
    EXPECT_EQ(error_of([&] { (void)rita.cases().read(id); }), Errc::denied);
    EXPECT_EQ(error_of([&] { (void)rita.cases().answer_history(id); }), Errc::denied);
    EXPECT_EQ(error_of([&] { (void)rita.reviews().history(id); }), Errc::denied);
    EXPECT_EQ(error_of([&] { (void)rita.audit_page(id); }), Errc::denied);
  }
  EXPECT_EQ(ids_of(rita.cases().list(scope(CaseFilter::Scope::mine_open))), std::set<std::int64_t>{rita_draft.id});

  // A caseworker: the cases submitted to them, never drafts, never another caseworker's.
  {
    auto cara = desk.as("cara");
    EXPECT_EQ(error_of([&] { (void)cara.cases().list(scope(CaseFilter::Scope::queue)); }), Errc::denied);
    const auto to_me = cara.cases().list(scope(CaseFilter::Scope::submitted_to_me));
    EXPECT_EQ(ids_of(to_me), std::set<std::int64_t>{rita_sent.id});
    EXPECT_EQ(to_me.total, 1);
    EXPECT_EQ(ids_of(cara.cases().list()), std::set<std::int64_t>{rita_sent.id});
    for (std::int64_t id : {rita_draft.id, ravi_sent.id, ravi_draft.id, ravi_draft2.id})
      EXPECT_EQ(error_of([&] { (void)cara.cases().read(id); }), Errc::denied);
    EXPECT_NO_THROW((void)cara.cases().answer_history(rita_sent.id));
  }
  {
    auto carl = desk.as("carl");
    EXPECT_EQ(ids_of(carl.cases().list(scope(CaseFilter::Scope::submitted_to_me))), std::set<std::int64_t>{ravi_sent.id});
  }
  // An admin without the supervisor role sees no case at all.
  {
    auto adam = desk.as("adam");
    EXPECT_EQ(error_of([&] { (void)adam.cases().list(); }), Errc::denied);
    EXPECT_EQ(error_of([&] { (void)adam.cases().list(scope(CaseFilter::Scope::queue)); }), Errc::denied);
    EXPECT_EQ(error_of([&] { (void)adam.cases().read(rita_sent.id); }), Errc::denied);
    EXPECT_EQ(error_of([&] { (void)adam.cases().answer_history(rita_sent.id); }), Errc::denied);
    EXPECT_EQ(error_of([&] { (void)adam.reviews().history(rita_sent.id); }), Errc::denied);
    EXPECT_EQ(error_of([&] { (void)adam.audit_page(rita_sent.id); }), Errc::denied);
    EXPECT_EQ(error_of([&] { (void)adam.statistics().count(); }), Errc::denied);
  }
  // A supervisor sees everything; the queue holds the submitted cases.
  auto sam = desk.as("sam");
  EXPECT_EQ(sam.cases().list().total, 5);
  EXPECT_EQ(ids_of(sam.cases().list(scope(CaseFilter::Scope::queue))),
            (std::set<std::int64_t>{rita_sent.id, ravi_sent.id}));
}

// ---------------------------------------------------------------------------------------------------
// Filters, references in any spelling, paging and the queue's order.

struct Made {
  std::int64_t id = 0;
  std::int64_t owner = 0;
  CaseStatus status = CaseStatus::draft;
  std::string band;  // "unassessed" when none
  std::int64_t created_ms = 0;
};

TEST(ReviewDesk, ListsFilterPageAndFindReferencesHoweverTyped) {
  Desk desk;
  auto rita = desk.as("rita");
  auto ravi = desk.as("ravi");
  auto sam = desk.as("sam");
  const char* bands[] = {"emergency", "refer", "assess", "none", "unassessed"};
  std::vector<Made> made;
  for (int i = 0; i < 24; ++i) {
    CaseStore& owner = i % 3 == 0 ? ravi : rita;
    Made m;
    m.band = bands[i % 5];
    m.owner = owner.user().id;
    m.created_ms = desk.clock.now_unix_ms();
    m.id = m.band == "unassessed"
               ? owner.cases().create(test::test_pack_ref()).id
               : owner.cases().create_with_answers(test::test_pack_ref(), some_answers(),
                                                   assessment(m.band, {"labour"}, "england", false)).id;
    made.push_back(m);
    desk.clock.advance_ms(kDayMs);
  }
  // Decisions in reverse order of creation, so that neither the queue nor the list follows the ids.
  for (int i = 23; i >= 0; --i) {
    CaseStore& owner = i % 3 == 0 ? ravi : rita;
    if (i % 4 == 0) continue;
    owner.cases().submit(made[i].id, "cara");
    made[i].status = CaseStatus::submitted;
    desk.minutes(1);
    if (i % 4 >= 2) {
      sam.reviews().approve(made[i].id);
      made[i].status = CaseStatus::approved;
      desk.minutes(1);
    }
    if (i % 4 == 3) {
      sam.reviews().close(made[i].id);
      made[i].status = CaseStatus::closed;
      desk.minutes(1);
    }
  }
  // Case 5 goes back and comes in again: it now waits the shortest time.
  sam.reviews().return_case(made[5].id, "say who else lives there");
  desk.minutes(10);
  rita.cases().submit(made[5].id, "cara");

  // The queue: submitted cases, the longest waiting first.
  std::vector<std::int64_t> queue;
  for (const auto& c : sam.cases().list(scope(CaseFilter::Scope::queue)).rows) queue.push_back(c.id);
  EXPECT_EQ(queue, (std::vector<std::int64_t>{made[21].id, made[17].id, made[13].id, made[9].id, made[1].id, made[5].id}));

  // Every filter against the same filter applied here to what was made.
  auto expect_filter = [&](CaseStore& who, const CaseFilter& f, const std::string& label) {
    std::set<std::int64_t> want;
    for (const Made& m : made) {
      if ((who.user().roles & kSupervisor) == 0 && m.owner != who.user().id) continue;
      if (f.status && m.status != *f.status) continue;
      if (!f.band.empty() && m.band != f.band) continue;
      if (f.owner_id && m.owner != *f.owner_id) continue;
      if (f.created_from_ms && m.created_ms < *f.created_from_ms) continue;
      if (f.created_before_ms && m.created_ms >= *f.created_before_ms) continue;
      want.insert(m.id);
    }
    CaseFilter all = f;
    all.limit = 500;
    const auto page = who.cases().list(all);
    EXPECT_EQ(ids_of(page), want) << label;
    EXPECT_EQ(page.total, static_cast<std::int64_t>(want.size())) << label;
  };
  for (CaseStore* who : {&sam, &rita, &ravi}) {
    expect_filter(*who, {}, "everything");
    for (CaseStatus st : {CaseStatus::draft, CaseStatus::submitted, CaseStatus::approved, CaseStatus::closed,
                          CaseStatus::returned}) {
      CaseFilter f;
      f.status = st;
      expect_filter(*who, f, "status " + std::string(to_string(st)));
    }
    for (const char* band : bands) {
      CaseFilter f;
      f.band = band;
      expect_filter(*who, f, std::string("band ") + band);
    }
    for (std::int64_t owner : {rita.user().id, ravi.user().id}) {
      CaseFilter f;
      f.owner_id = owner;
      expect_filter(*who, f, "owner");
    }
    CaseFilter range;  // [from, before): the first day's case is in, the last day's is out
    range.created_from_ms = made[5].created_ms;
    range.created_before_ms = made[12].created_ms;
    expect_filter(*who, range, "created range");
    CaseFilter combined = range;
    combined.band = "refer";
    combined.status = CaseStatus::submitted;
    expect_filter(*who, combined, "refer, submitted, in range");
    combined.status = CaseStatus::approved;
    combined.band = "assess";
    combined.created_from_ms.reset();
    expect_filter(*who, combined, "assess, approved, before a day");
  }
  {
    CaseFilter f;
    f.band = "refer";
    f.created_from_ms = made[0].created_ms;
    f.created_before_ms = made[0].created_ms;  // an empty range
    EXPECT_EQ(sam.cases().list(f).total, 0);
  }

  // Pages of 5: the right total on every page, each case once, most recently changed first.
  std::vector<CaseSummary> seen;
  for (int offset = 0; offset < 40; offset += 5) {
    CaseFilter f;
    f.offset = offset;
    f.limit = 5;
    const auto page = sam.cases().list(f);
    EXPECT_EQ(page.total, 24) << offset;
    EXPECT_EQ(page.rows.size(), static_cast<std::size_t>(std::clamp(24 - offset, 0, 5))) << offset;
    seen.insert(seen.end(), page.rows.begin(), page.rows.end());
  }
  ASSERT_EQ(seen.size(), 24u);
  std::set<std::int64_t> unique;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    unique.insert(seen[i].id);
    if (i > 0) {
      EXPECT_GT(std::tie(seen[i - 1].updated_ms, seen[i - 1].id), std::tie(seen[i].updated_ms, seen[i].id)) << i;
    }
  }
  EXPECT_EQ(unique.size(), 24u);
  {
    CaseFilter f;
    f.status = CaseStatus::approved;
    f.limit = 2;
    std::set<std::int64_t> approved;
    for (f.offset = 0; f.offset < 12; f.offset += 2) {
      const auto page = sam.cases().list(f);
      EXPECT_EQ(page.total, 6);
      for (const auto& c : page.rows) approved.insert(c.id);
    }
    EXPECT_EQ(approved.size(), 6u);
  }
  for (auto [offset, limit] : {std::pair{0, 0}, {0, 501}, {-1, 5}}) {
    CaseFilter f;
    f.offset = offset;
    f.limit = limit;
    EXPECT_EQ(error_of([&] { (void)sam.cases().list(f); }), Errc::invalid) << offset << " " << limit;
  }

  // References are random: set here, so that some share their start and no other can match by chance.
  std::vector<std::string> refs = {"WM-ABCD-EFGH", "WM-ABCD-EF23", "WM-ABCE-2345", "WM-ZZZZ-ABCD", "WM-WMAB-CDEF"};
  for (std::size_t i = refs.size(); i < made.size(); ++i) refs.push_back(std::string("WM-QQ") + "23456789ABCDEFGHJKLMNPQRSTUV"[i] + "Q-2345");
  for (std::size_t i = 0; i < refs.size(); ++i) {
    SQLite::Statement set(sam.connection_for_tests().db(), "UPDATE cases SET reference = ? WHERE id = ?");
    set.bind(1, refs[i]);
    set.bind(2, made[i].id);
    set.exec();
  }
  auto find = [&](CaseStore& who, const std::string& typed) {
    CaseFilter f;
    f.reference = typed;
    f.limit = 500;
    return ids_of(who.cases().list(f));
  };
  const std::map<std::string, std::set<int>> typed = {
      {"wm-abcd", {0, 1}},   {"ABCD", {0, 1}},        {"abcd-ef", {0, 1}},  {"abcd ef2", {1}},
      {"WM-ABCD-EFGH", {0}}, {"wmabcdefgh", {0}},     {" Abce-23 ", {2}},   {"abc", {0, 1, 2}},
      {"zzzz", {3}},         {"abcd-efghx", {}},      {"WM-WMAB", {4}},     {"wm wmab cd", {4}},
      {"ef23", {}},  // only the start of a reference is matched
      {"wmab", {4}},  // "WM" followed by more letters is the reference's body, not its prefix
  };
  for (const auto& [text, which] : typed) {
    std::set<std::int64_t> want;
    for (int i : which) want.insert(made[static_cast<std::size_t>(i)].id);
    EXPECT_EQ(find(sam, text), want) << "'" << text << "'";
  }
  EXPECT_EQ(find(sam, "").size(), 24u);
  // A responder finds only their own: case 0 is ravi's, case 1 rita's.
  EXPECT_EQ(find(rita, "wm-abcd"), std::set<std::int64_t>{made[1].id});
  EXPECT_EQ(find(ravi, "ABCD"), std::set<std::int64_t>{made[0].id});
}

// ---------------------------------------------------------------------------------------------------
// Retention: exactly the plan is deleted, or nothing.

TEST(ReviewDesk, PurgeDeletesExactlyThePlanOrNothing) {
  Desk desk;
  auto rita = desk.as("rita");
  auto sam = desk.as("sam");
  auto alice = desk.as("alice");
  std::vector<CaseSummary> c;
  for (int i = 0; i < 6; ++i) {
    c.push_back(rita.cases().create_with_answers(test::test_pack_ref(), some_answers(),
                                                 assessment("refer", {"labour"}, "england", false)));
    rita.cases().save_notes(c.back().id, "case notes " + std::to_string(i));
    rita.cases().submit(c.back().id, "cara");
    desk.minutes(1);
  }
  // c5, the newest case, is closed first; c0 is returned once, then approved and closed.
  sam.reviews().approve(c[5].id);
  sam.reviews().close(c[5].id);
  const std::int64_t c5_closed = desk.clock.now_unix_ms();
  desk.minutes(10);
  sam.reviews().return_case(c[0].id, "add the employer's address");
  rita.cases().save_answer(c[0].id, "work.hours", "\"nights\"");
  rita.cases().submit(c[0].id, "cara");
  sam.reviews().approve(c[0].id);
  sam.reviews().close(c[0].id);
  desk.minutes(10);
  sam.reviews().approve(c[1].id);
  sam.reviews().approve(c[2].id);  // c1, c2 approved; c3, c4 stay submitted

  const std::int64_t cutoff = desk.clock.now_unix_ms() + 60 * 60'000;  // an hour from now
  const PurgePlan plan = sam.retention().plan(cutoff);
  ASSERT_EQ(plan.cases.size(), 2u);
  EXPECT_EQ(plan.cases[0].id, c[5].id);  // oldest closing first
  EXPECT_EQ(plan.cases[1].id, c[0].id);
  EXPECT_EQ(plan.cases[0].closed_ms, c5_closed);
  EXPECT_EQ(plan.closed_before_ms, cutoff);
  EXPECT_EQ(plan.answers, 3 + 4);
  EXPECT_EQ(plan.reviews, 2 + 3);
  for (const char* who : {"rita", "cara", "adam"}) {
    auto s = desk.as(who);
    EXPECT_EQ(error_of([&] { (void)s.retention().plan(cutoff); }), Errc::denied) << who;
    EXPECT_EQ(error_of([&] { (void)s.retention().purge(plan); }), Errc::denied) << who;
  }

  auto table_counts = [&] {
    return std::vector<std::int64_t>{count_all(sam, "cases"), count_all(sam, "answers"), count_all(sam, "reviews"),
                                     count_all(sam, "case_content")};
  };
  const auto before = table_counts();
  // Stale: another case closed before the plan's time after it was made.
  sam.reviews().close(c[1].id);
  const auto with_c1_closed = table_counts();
  EXPECT_EQ(error_of([&] { (void)sam.retention().purge(plan); }), Errc::invalid);
  EXPECT_EQ(table_counts(), with_c1_closed);
  EXPECT_EQ(with_c1_closed[2], before[2] + 1);  // only the closing review was added
  EXPECT_EQ(count_action(sam, AuditAction::cases_purged), 0);

  // Hand-made plans: a planned case left out, or a case that is not closed put in.
  PurgePlan fresh = sam.retention().plan(cutoff);
  ASSERT_EQ(fresh.cases.size(), 3u);
  PurgePlan fewer = fresh;
  fewer.cases.pop_back();
  EXPECT_EQ(error_of([&] { (void)sam.retention().purge(fewer); }), Errc::invalid);
  PurgePlan more = fresh;
  more.cases.push_back(c[3]);
  EXPECT_EQ(error_of([&] { (void)sam.retention().purge(more); }), Errc::invalid);
  EXPECT_EQ(table_counts(), with_c1_closed);

  // Stale: a planned case is gone (another supervisor purged it meanwhile).
  const PurgePlan only_c5 = alice.retention().plan(c5_closed + 1);
  ASSERT_EQ(only_c5.cases.size(), 1u);
  const PurgeReport first = alice.retention().purge(only_c5);
  EXPECT_EQ(first.cases, 1);
  EXPECT_EQ(first.answers, 3);
  EXPECT_EQ(first.reviews, 2);
  EXPECT_EQ(error_of([&] { (void)sam.retention().purge(fresh); }), Errc::invalid);
  EXPECT_EQ(count_all(sam, "cases"), with_c1_closed[0] - 1);
  EXPECT_EQ(count_action(sam, AuditAction::cases_purged), 1);

  // The plan as it is now: c0 and c1. A case closed after the cutoff is not in it.
  desk.clock.advance_ms(2 * 60 * 60'000);
  sam.reviews().close(c[2].id);
  const PurgePlan last = sam.retention().plan(cutoff);
  ASSERT_EQ(last.cases.size(), 2u);
  EXPECT_EQ(last.cases[0].id, c[0].id);
  EXPECT_EQ(last.cases[1].id, c[1].id);
  std::map<std::int64_t, std::vector<std::int64_t>> rows_before;
  for (const auto& k : c)
    rows_before[k.id] = {count_rows(sam, "answers", "case_id", k.id), count_rows(sam, "reviews", "case_id", k.id),
                         count_rows(sam, "case_content", "case_id", k.id), count_rows(sam, "cases", "id", k.id)};
  const auto totals_before = table_counts();
  const std::size_t events_before = sam.audit_events().size();
  const PurgeReport report = sam.retention().purge(last);
  // One event, the count only.
  const auto events = sam.audit_events();
  ASSERT_EQ(events.size(), events_before + 1);
  EXPECT_EQ(events.back().action, static_cast<int>(AuditAction::cases_purged));
  EXPECT_EQ(events.back().detail, std::optional<std::int64_t>(2));
  EXPECT_FALSE(events.back().case_id.has_value());
  EXPECT_FALSE(events.back().subject_id.has_value());
  EXPECT_EQ(count_action(sam, AuditAction::cases_purged), 2);
  EXPECT_EQ(report.cases, 2);
  EXPECT_EQ(report.answers, last.answers);
  EXPECT_EQ(report.reviews, last.reviews);
  EXPECT_EQ(report.answers, 4 + 3);
  EXPECT_EQ(report.reviews, 3 + 2);
  for (const auto& k : c) {
    const bool purged = k.id == c[0].id || k.id == c[1].id || k.id == c[5].id;
    const std::vector<std::int64_t> now = {count_rows(sam, "answers", "case_id", k.id),
                                           count_rows(sam, "reviews", "case_id", k.id),
                                           count_rows(sam, "case_content", "case_id", k.id),
                                           count_rows(sam, "cases", "id", k.id)};
    if (purged) {
      EXPECT_EQ(now, (std::vector<std::int64_t>{0, 0, 0, 0})) << k.id;
      EXPECT_EQ(error_of([&] { (void)sam.cases().read(k.id); }), Errc::not_found);
    } else {
      EXPECT_EQ(now, rows_before[k.id]) << k.id;
      EXPECT_NO_THROW((void)sam.cases().read(k.id));
    }
  }
  EXPECT_EQ(table_counts(), (std::vector<std::int64_t>{totals_before[0] - 2, totals_before[1] - report.answers,
                                                       totals_before[2] - report.reviews, totals_before[3] - 2}));
  // Earlier events of a purged case stay in the chain, naming no reference now.
  int old_events = 0;
  for (const auto& e : sam.audit_page(std::nullopt, 0, 1000))
    if (e.event.case_id == c[0].id) {
      ++old_events;
      EXPECT_EQ(e.case_reference, "");
    }
  EXPECT_GT(old_events, 5);
  // A new case never takes a purged id (c5 had the highest).
  const auto next = rita.cases().create(test::test_pack_ref());
  EXPECT_GT(next.id, c[5].id);
  EXPECT_NO_THROW((void)sam.verify());
  // An empty plan deletes nothing.
  EXPECT_EQ(sam.retention().purge(sam.retention().plan(cutoff)).cases, 0);
  EXPECT_EQ(count_all(sam, "cases"), 4);
}

TEST(ReviewDesk, RetentionPeriodPlansClosedCasesOlderThanIt) {
  Desk desk;
  auto rita = desk.as("rita");
  auto sam = desk.as("sam");
  const auto c = rita.cases().create(test::test_pack_ref());
  sam.reviews().close(c.id);
  EXPECT_FALSE(sam.retention().period_days().has_value());
  EXPECT_TRUE(sam.retention().plan_by_period().cases.empty());  // off: nothing is ever planned
  EXPECT_EQ(error_of([&] { rita.retention().set_period_days(30); }), Errc::denied);
  EXPECT_EQ(error_of([&] { sam.retention().set_period_days(0); }), Errc::invalid);
  sam.retention().set_period_days(30);
  EXPECT_EQ(sam.retention().period_days(), std::optional<int>(30));
  desk.clock.advance_ms(29 * kDayMs);
  EXPECT_TRUE(sam.retention().plan_by_period().cases.empty());
  desk.clock.advance_ms(2 * kDayMs);
  const auto plan = sam.retention().plan_by_period();
  ASSERT_EQ(plan.cases.size(), 1u);
  EXPECT_EQ(plan.cases[0].id, c.id);
  EXPECT_EQ(sam.retention().purge(plan).cases, 1);
  sam.retention().set_period_days(std::nullopt);
  EXPECT_FALSE(sam.retention().period_days().has_value());
}

// ---------------------------------------------------------------------------------------------------
// Statistics with small cells suppressed.

TEST(ReviewDesk, StatisticsCountAndSuppressSmallCells) {
  constexpr std::int64_t kMarch = 1'772'323'200'000;  // 2026-03-01T00:00Z
  constexpr std::int64_t kApril = 1'775'001'600'000;  // 2026-04-01T00:00Z
  Desk desk(kMarch + 3 * 60 * 60'000);
  auto rita = desk.as("rita");
  struct Row {
    bool april;
    const char* band;
    std::vector<std::string> types;
    std::optional<std::string> nation;
    bool child;
  };
  // band: refer 8, assess 6, emergency 2. types: labour 9, sexual 5, criminal 3, domestic_servitude 2,
  // none 1. nation: england 10, scotland 5, unknown 1. child 4, adult 12. March 10, April 6.
  const std::vector<Row> rows = {
      {false, "refer", {"labour"}, "england", false},
      {false, "refer", {"labour"}, "england", false},
      {false, "refer", {"labour", "sexual"}, "england", false},
      {false, "refer", {"labour"}, "england", false},
      {false, "refer", {"sexual"}, "scotland", false},
      {false, "refer", {"labour"}, "scotland", false},
      {false, "emergency", {"sexual"}, "england", true},
      {false, "emergency", {"criminal"}, "england", true},
      {false, "assess", {"labour"}, "scotland", false},
      {false, "assess", {}, "england", false},
      {true, "refer", {"labour", "criminal"}, "england", false},
      {true, "refer", {"domestic_servitude"}, "scotland", true},
      {true, "assess", {"labour"}, "scotland", false},
      {true, "assess", {"sexual"}, "england", true},
      {true, "assess", {"criminal", "labour"}, std::nullopt, false},
      {true, "assess", {"domestic_servitude", "sexual"}, "england", false},
  };
  int april_day = 0;
  for (const Row& r : rows) {
    if (r.april && desk.clock.now_unix_ms() < kApril) desk.clock.advance_ms(kApril - desk.clock.now_unix_ms());
    if (r.april) desk.clock.advance_ms(kDayMs * (april_day++ == 0 ? 0 : 1));  // April 1, 2, ... 6
    (void)rita.cases().create_with_answers(test::test_pack_ref(), some_answers(),
                                           assessment(r.band, r.types, r.nation, r.child));
    if (!r.april) desk.minutes(90);
  }
  (void)rita.cases().create(test::test_pack_ref());  // unassessed cases are not counted
  (void)rita.cases().create(test::test_pack_ref());

  auto sam = desk.as("sam");
  const CaseStatistics stats = sam.statistics().count();
  EXPECT_EQ(stats.cases, 16);
  EXPECT_FALSE(stats.cases_suppressed);
  std::vector<std::tuple<std::string, std::string, std::int64_t, bool>> got;
  for (const StatCell& c : stats.cells) got.emplace_back(c.dimension, c.key, c.count, c.suppressed);
  const std::vector<std::tuple<std::string, std::string, std::int64_t, bool>> want = {
      {"month", "2026-03", 10, false},
      {"month", "2026-04", 6, false},
      {"band", "refer", 8, false},
      {"band", "assess", 0, true},  // 6, but the only other band is 1..4: hidden too, or 16 - 8 gives it away
      {"band", "emergency", 0, true},
      {"exploitation_type", "labour", 9, false},
      {"exploitation_type", "sexual", 5, false},
      {"exploitation_type", "criminal", 0, true},
      {"exploitation_type", "domestic_servitude", 0, true},
      {"exploitation_type", "none", 0, true},  // three small cells: nothing more is hidden
      {"nation", "england", 10, false},
      {"nation", "scotland", 0, true},  // complementary
      {"nation", "unknown", 0, true},
      {"child", "adult", 0, true},  // complementary
      {"child", "child", 0, true},
  };
  EXPECT_EQ(got, want);
  const std::string csv = statistics_csv(stats);
  for (const char* line : {"dimension,key,count\n", "all,cases,16\n", "month,2026-03,10\n", "band,refer,8\n",
                           "band,emergency,<5\n", "exploitation_type,labour,9\n", "exploitation_type,sexual,5\n",
                           "exploitation_type,criminal,<5\n", "exploitation_type,none,<5\n", "nation,unknown,<5\n",
                           "child,child,<5\n",
                           // Hidden only so that a small count cannot be worked out: 5 or more, never "<5".
                           "band,assess,x\n", "nation,scotland,x\n", "child,adult,x\n"})
    EXPECT_NE(csv.find(line), std::string::npos) << line << "in\n" << csv;
  EXPECT_EQ(csv.rfind("dimension,key,count\n", 0), 0u);
  // No hidden count appears in the file.
  for (const char* hidden : {"band,assess,6", "band,emergency,2", "nation,scotland,5", "child,adult,12", "child,child,4",
                             "exploitation_type,criminal,3", "nation,unknown,1"})
    EXPECT_EQ(csv.find(hidden), std::string::npos) << hidden;
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 2 + static_cast<long>(want.size()));

  // A date range: April only.
  const CaseStatistics april = sam.statistics().count(kApril, kApril + 30 * kDayMs);
  EXPECT_EQ(april.cases, 6);
  ASSERT_FALSE(april.cells.empty());
  EXPECT_EQ(april.cells[0].key, "2026-04");
  EXPECT_EQ(april.cells[0].count, 6);
  EXPECT_EQ(std::count_if(april.cells.begin(), april.cells.end(), [](const StatCell& c) { return c.dimension == "month"; }), 1);
  // Fewer than 5 cases in all: the total is hidden too.
  const CaseStatistics few = sam.statistics().count(kApril, kApril + 3 * kDayMs);
  EXPECT_TRUE(few.cases_suppressed);
  EXPECT_EQ(few.cases, 0);
  for (const StatCell& c : few.cells) {
    EXPECT_TRUE(c.suppressed) << c.dimension << " " << c.key;
    EXPECT_EQ(c.count, 0);
  }
  EXPECT_NE(statistics_csv(few).find("all,cases,<5\n"), std::string::npos);
  const CaseStatistics none = sam.statistics().count(kApril + 100 * kDayMs, kApril + 200 * kDayMs);
  EXPECT_EQ(none.cases, 0);
  EXPECT_FALSE(none.cases_suppressed);
  EXPECT_TRUE(none.cells.empty());

  // Supervisors only; each reading is in the audit trail.
  for (const char* who : {"rita", "cara", "adam"}) {
    auto s = desk.as(who);
    EXPECT_EQ(error_of([&] { (void)s.statistics().count(); }), Errc::denied) << who;
  }
  EXPECT_NO_THROW((void)desk.as("alice").statistics().count());
  EXPECT_EQ(count_action(sam, AuditAction::statistics_read), 5);
}

// ---------------------------------------------------------------------------------------------------
// Real assessments: the UK pack over every golden scenario.

const rules::RulePack& uk_pack() {
  static const rules::RulePack pack = [] {
    auto loaded = rules::load_rule_pack(WAYMARK_UK_PACK);
    if (!loaded.pack) throw std::runtime_error("UK pack refused");
    return std::move(*loaded.pack);
  }();
  return pack;
}

struct Scenario {
  std::string name;
  std::vector<Cases::NewAnswer> answers;
  json assessment;  // as report::assessment_to_json wrote it
  json expected;    // the golden file's own "expected"
};

Scenario scenario(const fs::path& file) {
  const auto text = rules::read_file(file);
  if (!text) throw std::runtime_error("cannot read " + file.string());
  const auto doc = json::parse(*text);
  auto parsed = rules::answers_from_json_text(uk_pack(), json{{"answers", doc["answers"]}}.dump());
  if (!parsed.errors.empty()) throw std::runtime_error(file.string() + ": " + parsed.errors.front());
  Scenario s;
  s.name = file.stem().string();
  for (int q = 0; q < static_cast<int>(uk_pack().questions.size()); ++q)
    if (const rules::Answer* a = parsed.answers.get(q))
      s.answers.push_back({uk_pack().questions[static_cast<std::size_t>(q)].id,
                           rules::answer_to_json(uk_pack().questions[static_cast<std::size_t>(q)], *a).dump()});
  s.assessment = report::assessment_to_json(uk_pack(), parsed.answers, rules::assess(uk_pack(), parsed.answers));
  s.expected = doc["expected"];
  return s;
}

std::vector<Scenario> all_scenarios() {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(WAYMARK_GOLDEN_DIR))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<Scenario> out;
  for (const auto& f : files) out.push_back(scenario(f));
  return out;
}

PackRef uk_ref() { return {uk_pack().id, uk_pack().version, uk_pack().sha256}; }

TEST(ReviewDesk, FacetsOfRealAssessmentsAreListedAndCounted) {
  const auto scenarios = all_scenarios();
  ASSERT_GE(scenarios.size(), 60u);
  Desk desk;
  auto rita = desk.as("rita");
  std::map<std::string, std::map<std::string, std::int64_t>> truth;  // dimension -> key -> cases
  for (const Scenario& s : scenarios) {
    const auto c = rita.cases().create_with_answers(uk_ref(), s.answers, s.assessment.dump());
    const json& a = s.assessment;
    EXPECT_EQ(c.band, a["band"].get<std::string>()) << s.name;
    EXPECT_EQ(c.band, s.expected["band"].get<std::string>()) << s.name;
    EXPECT_EQ(c.exploitation_types, a["exploitation_types"].get<std::vector<std::string>>()) << s.name;
    EXPECT_EQ(c.nation, a["nation"].is_null() ? "" : a["nation"].get<std::string>()) << s.name;
    EXPECT_EQ(c.child, std::optional<bool>(a["treated_as_child"].get<bool>())) << s.name;
    if (s.expected.contains("treated_as_child")) {
      EXPECT_EQ(c.child, s.expected["treated_as_child"].get<bool>()) << s.name;
    }
    ++truth["band"][c.band];
    ++truth["nation"][c.nation.empty() ? "unknown" : c.nation];
    ++truth["child"][*c.child ? "child" : "adult"];
    for (const auto& t : c.exploitation_types) ++truth["exploitation_type"][t];
    if (c.exploitation_types.empty()) ++truth["exploitation_type"]["none"];
  }
  // The scenarios cover several bands, nations and types, and both children and adults.
  EXPECT_GE(truth["band"].size(), 3u);
  EXPECT_GE(truth["nation"].size(), 4u);
  EXPECT_EQ(truth["child"].size(), 2u);
  EXPECT_GE(truth["exploitation_type"].size(), 4u);

  auto sam = desk.as("sam");
  for (const auto& [band, n] : truth["band"]) {
    CaseFilter f;
    f.band = band;
    EXPECT_EQ(sam.cases().list(f).total, n) << band;
  }
  const CaseStatistics stats = sam.statistics().count();
  EXPECT_EQ(stats.cases, static_cast<std::int64_t>(scenarios.size()));
  std::map<std::string, int> suppressed_large;  // per dimension: suppressed cells of 5 or more
  for (const StatCell& cell : stats.cells) {
    if (cell.dimension == "month") continue;
    const auto& keys = truth[cell.dimension];
    ASSERT_TRUE(keys.count(cell.key)) << cell.dimension << " " << cell.key;
    const std::int64_t n = keys.at(cell.key);
    if (cell.suppressed) {
      EXPECT_EQ(cell.count, 0);
      if (n >= kSmallestShownCount) ++suppressed_large[cell.dimension];
    } else {
      EXPECT_EQ(cell.count, n) << cell.dimension << " " << cell.key;
      EXPECT_GE(cell.count, kSmallestShownCount);
    }
  }
  for (const auto& [dimension, n] : suppressed_large) EXPECT_LE(n, 1) << dimension;  // at most the complementary one
  std::size_t cells = 0;
  for (const auto& [dimension, keys] : truth) cells += keys.size();
  EXPECT_EQ(stats.cells.size(), cells + 1);  // and one month
}

// ---------------------------------------------------------------------------------------------------
// A schema 3 store opened by this program: facets, times, notes and assessments carried over.

struct Expected {
  std::int64_t id = 0;
  CaseSummary summary;
  std::string notes;
  std::optional<std::string> assessment;
};

// Turns an open schema 4 store back into the schema 3 layout (as made by migrations 1 to 3): case
// content back in the cases table, no reviews, no desk columns or indexes. The audit chain, accounts
// and answers are left as they are, so the store still unlocks with its keyslots.
void back_to_schema_3(SQLite::Database& db) {
  SQLite::Database v3(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  migrate(v3, migrations(), 3);
  std::vector<std::string> cases_sql;
  {
    SQLite::Statement q(v3, "SELECT sql FROM sqlite_master WHERE tbl_name = 'cases' AND sql IS NOT NULL "
                            "ORDER BY type DESC");  // the table, then its indexes
    while (q.executeStep()) cases_sql.push_back(q.getColumn(0).getString());
  }
  db.exec("PRAGMA foreign_keys = OFF");
  db.exec("BEGIN IMMEDIATE");
  db.exec("CREATE TEMP TABLE old_cases AS SELECT c.id, c.reference, c.owner_id, c.assigned_to, c.status, c.pack_id, "
          "c.pack_version, c.pack_sha256, k.notes, k.assessment_json, c.created_ms, c.updated_ms "
          "FROM cases c JOIN case_content k ON k.case_id = c.id");
  db.exec("DROP TABLE case_content; DROP TABLE reviews; DROP TABLE cases; DROP INDEX audit_by_case;");
  for (const auto& sql : cases_sql) db.exec(sql);
  db.exec("INSERT INTO cases (id, reference, owner_id, assigned_to, status, pack_id, pack_version, pack_sha256, notes, "
          "assessment_json, created_ms, updated_ms) SELECT * FROM temp.old_cases; DROP TABLE temp.old_cases;");
  db.exec("DELETE FROM sqlite_sequence; PRAGMA user_version = 3; COMMIT; PRAGMA foreign_keys = ON;");
}

std::set<std::tuple<std::string, std::string, std::string>> schema_of(SQLite::Database& db) {
  std::set<std::tuple<std::string, std::string, std::string>> out;
  SQLite::Statement q(db, "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name <> 'sqlite_sequence'");
  while (q.executeStep()) out.emplace(q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString());
  return out;
}

TEST(ReviewDesk, ASchema3StoreIsCarriedOver) {
  std::map<std::string, Scenario> by_name;
  for (auto& s : all_scenarios()) by_name[s.name] = std::move(s);
  Desk desk;
  std::vector<Expected> want;
  std::int64_t max_id = 0;
  {
    auto rita = desk.as("rita");
    auto sam = desk.as("sam");
    auto make = [&](const Scenario& s, const std::string& assessment_text) {
      const auto c = rita.cases().create_with_answers(uk_ref(), s.answers, assessment_text);
      desk.minutes(3);
      return c.id;
    };
    // 0: labour, England, adult; notes; submitted twice (returned between), approved, closed.
    const std::int64_t a = make(by_name.at("v01_labour_hungarian_man"), by_name.at("v01_labour_hungarian_man").assessment.dump());
    rita.cases().save_notes(a, "Interpreter booked for Tuesday.");
    rita.cases().submit(a, "cara");
    desk.minutes(60);
    sam.reviews().return_case(a, "which site?");
    rita.cases().submit(a, "cara");
    const std::int64_t a_submitted = desk.clock.now_unix_ms();
    desk.minutes(60);
    sam.reviews().approve(a);
    desk.minutes(60);
    sam.reviews().close(a);
    const std::int64_t a_closed = desk.clock.now_unix_ms();
    desk.minutes(5);
    // 1: a child (county lines), submitted to carl.
    const std::int64_t b = make(by_name.at("v03_county_lines_boy"), by_name.at("v03_county_lines_boy").assessment.dump());
    rita.cases().submit(b, "carl");
    const std::int64_t b_submitted = desk.clock.now_unix_ms();
    desk.minutes(5);
    // 2: a draft with notes and no assessment.
    const std::int64_t d = rita.cases().create(uk_ref()).id;
    rita.cases().save_answer(d, "safety.immediate_danger", "false");
    rita.cases().save_notes(d, "Call back after 6pm.");
    desk.minutes(5);
    // 3: an assessment written before assessments named the nation; approved.
    json old = by_name.at("v05_sexual_exploitation_albanian_woman").assessment;
    old.erase("nation");
    const std::int64_t e = make(by_name.at("v05_sexual_exploitation_albanian_woman"), old.dump());
    rita.cases().submit(e, "cara");
    const std::int64_t e_submitted = desk.clock.now_unix_ms();
    sam.reviews().approve(e);
    // 4: the no-band control (smuggled, not exploited), Scotland.
    const std::int64_t f = make(by_name.at("s28_scotland_smuggled_not_exploited_control"),
                                by_name.at("s28_scotland_smuggled_not_exploited_control").assessment.dump());

    for (std::int64_t id : {a, b, d, e, f}) {
      const auto r = sam.cases().read(id);
      Expected x{id, r.summary, r.notes, r.assessment_json};
      want.push_back(x);
      max_id = std::max(max_id, id);
    }
    // What the migration must rebuild from the audit trail alone.
    EXPECT_EQ(want[0].summary.submitted_ms, a_submitted);
    EXPECT_EQ(want[0].summary.closed_ms, a_closed);
    EXPECT_EQ(want[1].summary.submitted_ms, b_submitted);
    EXPECT_EQ(want[3].summary.submitted_ms, e_submitted);
    EXPECT_EQ(want[3].summary.nation, "");
    EXPECT_EQ(want[1].summary.child, std::optional<bool>(true));
    EXPECT_EQ(want[0].summary.exploitation_types, std::vector<std::string>{"labour"});
    EXPECT_EQ(want[4].summary.nation, "scotland");
    EXPECT_FALSE(want[2].summary.submitted_ms.has_value());
    EXPECT_EQ(want[2].summary.band, "");
  }
  std::size_t events_before = 0;
  {
    auto alice = desk.as("alice");
    back_to_schema_3(alice.connection_for_tests().db());
    auto& db = alice.connection_for_tests().db();
    EXPECT_EQ(current_version(db), 3);
    SQLite::Database v3(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    migrate(v3, migrations(), 3);
    EXPECT_EQ(schema_of(db), schema_of(v3));  // the layout migrations 1 to 3 make, exactly
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM cases WHERE assessment_json IS NOT NULL").getInt(), 4);
    events_before = alice.audit_events().size();
  }

  auto sam = desk.as("sam");  // migrates
  auto& db = sam.connection_for_tests().db();
  EXPECT_EQ(current_version(db), schema_version());
  for (const Expected& x : want) {
    const auto r = sam.cases().read(x.id);
    const CaseSummary& got = r.summary;
    EXPECT_EQ(got.reference, x.summary.reference);
    EXPECT_EQ(got.status, x.summary.status);
    EXPECT_EQ(got.owner_id, x.summary.owner_id);
    EXPECT_EQ(got.assigned_to, x.summary.assigned_to);
    EXPECT_EQ(got.band, x.summary.band) << x.id;
    EXPECT_EQ(got.exploitation_types, x.summary.exploitation_types) << x.id;
    EXPECT_EQ(got.nation, x.summary.nation) << x.id;
    EXPECT_EQ(got.child, x.summary.child) << x.id;
    EXPECT_EQ(got.submitted_ms, x.summary.submitted_ms) << x.id;
    EXPECT_EQ(got.closed_ms, x.summary.closed_ms) << x.id;
    EXPECT_EQ(got.created_ms, x.summary.created_ms) << x.id;
    EXPECT_EQ(got.updated_ms, x.summary.updated_ms) << x.id;
    EXPECT_EQ(r.notes, x.notes) << x.id;
    EXPECT_EQ(r.assessment_json, x.assessment) << x.id;
    EXPECT_TRUE(sam.reviews().history(x.id).empty());  // schema 3 kept no reviews
  }
  CaseFilter refer;
  refer.band = "refer";
  EXPECT_EQ(sam.cases().list(refer).total, std::count_if(want.begin(), want.end(), [](const Expected& x) {
              return x.summary.band == "refer";
            }));
  CaseFilter unassessed;
  unassessed.band = "unassessed";
  EXPECT_EQ(ids_of(sam.cases().list(unassessed)), std::set<std::int64_t>{want[2].id});
  CaseFilter closed;
  closed.status = CaseStatus::closed;
  EXPECT_EQ(ids_of(sam.cases().list(closed)), std::set<std::int64_t>{want[0].id});
  const CaseStatistics stats = sam.statistics().count();  // 4 assessed cases: fewer than 5, so hidden
  EXPECT_TRUE(stats.cases_suppressed);
  EXPECT_EQ(std::count_if(stats.cells.begin(), stats.cells.end(), [](const StatCell& c) { return c.dimension == "band"; }), 2);
  EXPECT_EQ(sam.retention().plan(desk.clock.now_unix_ms() + 1).cases.size(), 1u);
  // The audit chain went through unchanged; the store checks out; ids keep growing.
  EXPECT_GE(sam.audit_events().size(), events_before);
  EXPECT_NO_THROW((void)sam.verify());
  auto rita = desk.as("rita");
  EXPECT_GT(rita.cases().create(uk_ref()).id, max_id);
}

}  // namespace
}  // namespace waymark::store
