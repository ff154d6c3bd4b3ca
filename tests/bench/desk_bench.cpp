// Review desk benchmark (not a test): a store of N cases (100,000 by default) made through the store's
// own API, then the desk's reads timed on it. The store is built once and kept in --dir.
//
//   waymark_desk_bench [--cases N] [--dir DIR] [--runs R] [--seed S] [--rebuild]
//
// Cases: the golden scenarios' answers (tests/golden/*.json, vignettes included), one picked at random
// per case with up to three choice answers chosen again, assessed with the UK pack, spread over 24
// months by a fake clock: 12 responders; ~40% submitted to one of 4 caseworkers; some returned with a
// reason, edited and submitted again; most submitted cases approved, many of those closed.
// Accounts use the cheapest Argon2id parameters; the unlock figure is reported without the KDF.
// While generating (only), every connection runs with PRAGMA synchronous=OFF, for speed.
// Printed: median and p90 of each measure against its goal, and the query plans (EXPLAIN QUERY PLAN
// of the statements the store ran) of any measure over its goal, or of all with --explain.
// --cache-mib M: an experiment, the measuring connections with an M MiB page cache. --purge: also
// times one purge of the first year's closed cases on a copy of the store.
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <queue>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "crypto/kdf.h"
#include "log/log.h"
#include "report/assessment_json.h"
#include "rules/answer_check.h"
#include "rules/answers_json.h"
#include "rules/assessment.h"
#include "rules/pack_loader.h"
#include "store/case_store.h"
#include "store/connection.h"
#include "store/engine.h"
#include "store/schema.h"
#include "statement_log.h"

namespace {

using namespace waymark;
namespace fs = std::filesystem;
using json = nlohmann::json;

constexpr std::int64_t kMinuteMs = 60'000, kHourMs = 60 * kMinuteMs, kDayMs = 24 * kHourMs;
constexpr std::int64_t kStartMs = 1'733'011'200'000;  // 2024-12-01T00:00Z
constexpr std::int64_t kSpanMs = 730 * kDayMs;        // 24 months
constexpr std::int64_t kEndMs = kStartMs + kSpanMs;
constexpr std::int64_t kMeasureAtMs = kEndMs + kDayMs;  // the clock while measuring

class BenchClock final : public store::Clock {
 public:
  std::int64_t now_ms = kStartMs;
  std::int64_t now_unix_ms() const override { return now_ms; }
  std::int64_t monotonic_ns() const override {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }
};

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

std::string pass_of(const std::string& user) { return "desk bench passphrase of " + user + ", long enough"; }

const std::vector<std::string> kResponders = {"resp01", "resp02", "resp03", "resp04", "resp05", "resp06",
                                              "resp07", "resp08", "resp09", "resp10", "resp11", "resp12"};
const std::vector<std::string> kCaseworkers = {"work1", "work2", "work3", "work4"};
const std::vector<std::string> kSupervisors = {"super1", "super2", "super3"};
const std::vector<std::string> kReasons = {
    "Check the dates: the travel date is after the first day of work.",
    "Say who else lives at the address, if the person told you.",
    "The answer about documents does not match the notes: please look again.",
    "Ask whether the person can leave the work if they want to.",
    "Add whether an interpreter was used and which kind."};

// The golden scenarios' answer sets under the UK pack.
struct Sources {
  rules::RulePack pack;
  std::vector<rules::AnswerSet> sets;
};

Sources load_sources(const fs::path& pack_file, const fs::path& golden_dir) {
  auto loaded = rules::load_rule_pack(pack_file);
  if (!loaded.pack) throw std::runtime_error("the rule pack " + pack_file.string() + " was refused");
  Sources s{std::move(*loaded.pack), {}};
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(golden_dir))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    const auto text = rules::read_file(f);
    const auto doc = text ? json::parse(*text, nullptr, false) : json();
    if (!doc.is_object() || !doc.contains("answers")) throw std::runtime_error(f.string() + ": no answers");
    auto parsed = rules::answers_from_json_text(s.pack, json{{"answers", doc["answers"]}}.dump());
    if (!parsed.errors.empty()) throw std::runtime_error(f.string() + ": " + parsed.errors.front());
    s.sets.push_back(std::move(parsed.answers));
  }
  if (s.sets.empty()) throw std::runtime_error("no answer sets in " + golden_dir.string());
  return s;
}

// Chooses the answer to choice or yes/no question `q` again; false if it is not such a question or
// the new answer is not accepted (then nothing changes).
bool rechoose(const rules::RulePack& pack, rules::AnswerSet& answers, int q, std::mt19937_64& rng) {
  const rules::Question& question = pack.questions[static_cast<std::size_t>(q)];
  rules::Answer a;
  const std::size_t n = std::min<std::size_t>(question.options.size(), 64);
  switch (question.type) {
    case rules::AnswerType::yes_no: {
      const rules::Answer* old = answers.get(q);
      a.yes = old == nullptr || !old->is_value() ? (rng() & 1) != 0 : !old->yes;
      break;
    }
    case rules::AnswerType::single_choice:
      if (n == 0) return false;
      a.choices = std::uint64_t{1} << (rng() % n);
      break;
    case rules::AnswerType::multiple_choice:
      if (n == 0) return false;
      a.choices = rng() & (n == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1);
      if (a.choices == 0) a.choices = std::uint64_t{1} << (rng() % n);
      break;
    default:
      return false;
  }
  if (rules::check_answer(question, a) != rules::AnswerProblem::none) return false;
  answers.set(q, a);
  return true;
}

std::vector<int> choice_questions_answered(const rules::RulePack& pack, const rules::AnswerSet& answers) {
  std::vector<int> out;
  for (int q = 0; q < static_cast<int>(pack.questions.size()); ++q) {
    const auto t = pack.questions[static_cast<std::size_t>(q)].type;
    if (answers.get(q) != nullptr && (t == rules::AnswerType::yes_no || t == rules::AnswerType::single_choice ||
                                      t == rules::AnswerType::multiple_choice))
      out.push_back(q);
  }
  return out;
}

// A case's answers, made again from its seed whenever needed (nothing per case is kept in memory).
rules::AnswerSet answers_of(const Sources& src, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  rules::AnswerSet answers = src.sets[rng() % src.sets.size()];
  const auto candidates = choice_questions_answered(src.pack, answers);
  const int changes = static_cast<int>(rng() % 4);
  for (int i = 0; i < changes && !candidates.empty(); ++i)
    (void)rechoose(src.pack, answers, candidates[rng() % candidates.size()], rng);
  return answers;
}

std::vector<store::Cases::NewAnswer> rows_of(const rules::RulePack& pack, const rules::AnswerSet& answers) {
  std::vector<store::Cases::NewAnswer> rows;
  for (int q = 0; q < static_cast<int>(pack.questions.size()); ++q)
    if (const rules::Answer* a = answers.get(q))
      rows.push_back({pack.questions[static_cast<std::size_t>(q)].id,
                      rules::answer_to_json(pack.questions[static_cast<std::size_t>(q)], *a).dump()});
  return rows;
}

std::string assessment_of(const rules::RulePack& pack, const rules::AnswerSet& answers) {
  return report::assessment_to_json(pack, answers, rules::assess(pack, answers)).dump();
}

// ---------------------------------------------------------------------------------------------------
// Generation: events in time order (creation, submission, decisions, closing), each through the API.

enum class Step { create, submit, review, close };

struct Event {
  std::int64_t time;
  std::int64_t order;  // ties: in the order scheduled
  int c;               // case index
  Step step;
  bool operator>(const Event& o) const { return std::tie(time, order) > std::tie(o.time, o.order); }
};

struct CaseState {
  std::int64_t id = 0;
  std::uint64_t seed = 0;
  int owner = 0;
  int returns = 0;
};

struct Generated {
  double seconds = 0;
  std::map<std::string, std::int64_t> by_status;
  std::int64_t returns = 0;
};

Generated generate(const fs::path& db, int n, std::uint64_t seed, const Sources& src) {
  const auto started = std::chrono::steady_clock::now();
  BenchClock clock;
  const crypto::KdfParams kdf = crypto::KdfParams::fast_for_tests();
  {
    auto created = store::CaseStore::create(db, "deskadmin", store::kAdmin | store::kSupervisor,
                                            crypto::Secret::from(pass_of("deskadmin")), kdf, clock);
    for (const auto& u : kResponders)
      (void)created.store.accounts().add_user(u, store::kResponder, crypto::Secret::from(pass_of(u)), kdf);
    for (const auto& u : kCaseworkers)
      (void)created.store.accounts().add_user(u, store::kCaseworker, crypto::Secret::from(pass_of(u)), kdf);
    for (const auto& u : kSupervisors)
      (void)created.store.accounts().add_user(u, store::kSupervisor, crypto::Secret::from(pass_of(u)), kdf);
  }
  auto open = [&](const std::string& user) {
    auto s = store::CaseStore::open(db, user, crypto::Secret::from(pass_of(user)), clock);
    s.connection_for_tests().db().exec("PRAGMA synchronous = OFF");  // generation only
    return s;
  };
  std::vector<store::CaseStore> responders, supervisors;
  for (const auto& u : kResponders) responders.push_back(open(u));
  for (const auto& u : kSupervisors) supervisors.push_back(open(u));
  const store::PackRef pack_ref{src.pack.id, src.pack.version, src.pack.sha256};

  std::mt19937_64 rng(seed);
  auto uniform = [&](std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
  };
  auto chance = [&](double p) { return static_cast<double>(rng() % 1'000'000) < p * 1e6; };
  std::vector<CaseState> cases(static_cast<std::size_t>(n));
  std::priority_queue<Event, std::vector<Event>, std::greater<>> events;
  std::int64_t order = 0;
  auto schedule = [&](std::int64_t time, int c, Step step) {
    if (time < kEndMs) events.push({time, order++, c, step});  // later ones have not happened yet
  };
  const std::int64_t slot = kSpanMs / n;
  for (int i = 0; i < n; ++i) schedule(kStartMs + i * slot + uniform(0, slot - 1), i, Step::create);

  Generated g;
  int done = 0, next_report = 1;
  while (!events.empty()) {
    const Event e = events.top();
    events.pop();
    clock.now_ms = e.time;
    CaseState& c = cases[static_cast<std::size_t>(e.c)];
    switch (e.step) {
      case Step::create: {
        c.seed = rng();
        c.owner = static_cast<int>(rng() % kResponders.size());
        const auto answers = answers_of(src, c.seed);
        c.id = responders[static_cast<std::size_t>(c.owner)]
                   .cases()
                   .create_with_answers(pack_ref, rows_of(src.pack, answers), assessment_of(src.pack, answers))
                   .id;
        if (chance(0.4)) schedule(e.time + uniform(10 * kMinuteMs, 3 * kDayMs), e.c, Step::submit);
        if (++done * 20 >= next_report * n) {
          const double s = seconds_since(started);
          std::fprintf(stderr, "  %d of %d cases created, %.0f s (%.0f cases/s)\n", done, n, s, done / s);
          ++next_report;
        }
        break;
      }
      case Step::submit: {
        store::CaseStore& owner = responders[static_cast<std::size_t>(c.owner)];
        if (c.returns > 0) {  // the owner fixes what the reviewer pointed at, then submits again
          std::mt19937_64 edit(c.seed ^ static_cast<std::uint64_t>(c.returns));
          auto answers = answers_of(src, c.seed);
          const auto candidates = choice_questions_answered(src.pack, answers);
          const int q = candidates.empty() ? -1 : candidates[edit() % candidates.size()];
          if (q >= 0 && rechoose(src.pack, answers, q, edit)) {
            const auto& question = src.pack.questions[static_cast<std::size_t>(q)];
            owner.cases().save_answer(c.id, question.id, rules::answer_to_json(question, *answers.get(q)).dump());
            owner.cases().save_assessment(c.id, assessment_of(src.pack, answers));
          }
        }
        owner.cases().submit(c.id, kCaseworkers[rng() % kCaseworkers.size()]);
        schedule(e.time + uniform(2 * kHourMs, 10 * kDayMs), e.c, Step::review);
        break;
      }
      case Step::review: {
        store::CaseStore& supervisor = supervisors[rng() % supervisors.size()];
        if (c.returns < 2 && chance(c.returns == 0 ? 0.15 : 0.1)) {
          const auto candidates = choice_questions_answered(src.pack, answers_of(src, c.seed));
          const std::string question =
              candidates.empty() ? "" : src.pack.questions[static_cast<std::size_t>(candidates[rng() % candidates.size()])].id;
          ++c.returns;
          ++g.returns;
          supervisor.reviews().return_case(c.id, kReasons[rng() % kReasons.size()], question);
          schedule(e.time + uniform(kHourMs, 4 * kDayMs), e.c, Step::submit);
        } else if (chance(0.9)) {
          supervisor.reviews().approve(c.id);
          if (chance(0.6)) schedule(e.time + uniform(kDayMs, 60 * kDayMs), e.c, Step::close);
        }  // else: it waits in the queue
        break;
      }
      case Step::close:
        supervisors[rng() % supervisors.size()].reviews().close(c.id);
        break;
    }
  }
  {
    auto& db_handle = supervisors.front().connection_for_tests().db();
    SQLite::Statement q(db_handle, "SELECT status, count(*) FROM cases GROUP BY status");
    while (q.executeStep()) g.by_status[q.getColumn(0).getString()] = q.getColumn(1).getInt64();
  }
  responders.clear();
  supervisors.clear();
  g.seconds = seconds_since(started);
  return g;
}

// ---------------------------------------------------------------------------------------------------
// Measuring.

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

struct Row {
  std::string what;
  store::CaseStore* store = nullptr;  // the connection its statements run on (for query plans)
  std::function<void()> op;           // nothing: timed apart (unlock)
  double goal_ms = 0;                 // 0: no goal set
  std::vector<double> ms;
  std::string note;
};

template <class F>
std::vector<double> time_runs(int runs, const F& f) {
  f();  // one warm-up: the first read of each page after opening is not what a user waits for twice
  std::vector<double> out;
  for (int i = 0; i < runs; ++i) {
    const auto t = std::chrono::steady_clock::now();
    f();
    out.push_back(seconds_since(t) * 1000);
  }
  return out;
}

std::uintmax_t size_of(const fs::path& p) {
  std::error_code ec;
  const auto n = fs::file_size(p, ec);
  return ec ? 0 : n;
}

int usage(const char* argv0) {
  std::fprintf(stderr, "usage: %s [--cases N] [--dir DIR] [--runs R] [--seed S] [--rebuild] [--pack FILE] "
                       "[--golden DIR] [--explain] [--cache-mib M] [--purge]\n", argv0);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  crypto::init_sodium();
  log::setup(log::Level::warn);  // the store's info lines (users added, unlocks) are not the figures
  int n = 100'000, runs = 21;
  std::uint64_t seed = 11;
  bool rebuild = false, explain = false, purge = false;
  int cache_mib = 0;  // 0: the store's own page cache size
  std::string dir_arg, pack_file = WAYMARK_UK_PACK, golden_dir = WAYMARK_GOLDEN_DIR;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--cases" && i + 1 < argc) n = std::atoi(argv[++i]);
    else if (a == "--runs" && i + 1 < argc) runs = std::atoi(argv[++i]);
    else if (a == "--seed" && i + 1 < argc) seed = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--dir" && i + 1 < argc) dir_arg = argv[++i];
    else if (a == "--pack" && i + 1 < argc) pack_file = argv[++i];
    else if (a == "--golden" && i + 1 < argc) golden_dir = argv[++i];
    else if (a == "--rebuild") rebuild = true;
    else if (a == "--explain") explain = true;
    else if (a == "--purge") purge = true;
    else if (a == "--cache-mib" && i + 1 < argc) cache_mib = std::atoi(argv[++i]);
    else return usage(argv[0]);
  }
  if (n < 50 || n > 10'000'000 || runs < 1) return usage(argv[0]);
  const fs::path dir = dir_arg.empty() ? fs::path("build/bench") / (n % 1000 == 0 ? "desk-" + std::to_string(n / 1000) + "k"
                                                                                  : "desk-" + std::to_string(n))
                                       : fs::path(dir_arg);
  const fs::path db = dir / "desk.db", manifest_file = dir / "desk-bench.json";
  try {
    const Sources src = load_sources(pack_file, golden_dir);
    // The store is kept if it was made for the same N, seed, schema and answer sets.
    const json want = {{"cases", n}, {"seed", seed}, {"schema", store::schema_version()},
                       {"answer_sets", src.sets.size()}, {"pack", src.pack.id + " " + src.pack.version}};
    json manifest;
    if (std::ifstream in(manifest_file); in) manifest = json::parse(in, nullptr, false);
    const bool cached = !rebuild && manifest.is_object() && manifest.value("made_for", json()) == want && fs::exists(db);
    if (!cached) {
      fs::create_directories(dir);
      for (const char* suffix : {"", "-wal", "-shm", ".keys"}) fs::remove(db.string() + suffix);
      fs::remove(manifest_file);
      std::fprintf(stderr, "generating %d cases in %s (PRAGMA synchronous=OFF while generating)\n", n, db.c_str());
      const Generated g = generate(db, n, seed, src);
      manifest = {{"made_for", want}, {"generation_seconds", g.seconds}, {"by_status", g.by_status},
                  {"returns", g.returns}};
      std::ofstream(manifest_file) << manifest.dump(2) << "\n";
    }

    BenchClock clock;
    clock.now_ms = kMeasureAtMs;
    const std::string supervisor = kSupervisors.front(), responder = kResponders.front();
    std::vector<Row> rows;
    // Unlock: CaseStore::open with the cheapest KDF, and that KDF alone; reported as the difference.
    const std::vector<double> open_ms = time_runs(runs, [&] {
      (void)store::CaseStore::open(db, supervisor, crypto::Secret::from(pass_of(supervisor)), clock);
    });
    const std::vector<std::uint8_t> salt(crypto::kSaltBytes, 7);
    const crypto::Secret kdf_pass = crypto::Secret::from(pass_of(supervisor));
    const std::vector<double> kdf_ms = time_runs(runs, [&] {
      (void)crypto::derive_key(kdf_pass, salt, crypto::KdfParams::fast_for_tests());
    });
    const double kdf_median = percentile(kdf_ms, 0.5);
    {
      Row unlock{"unlock without KDF (open - kdf)", nullptr, nullptr, 0, {}, ""};
      for (double t : open_ms) unlock.ms.push_back(t - kdf_median);
      char note[96];
      std::snprintf(note, sizeof note, "open %.1f ms, Argon2id (cheapest) %.3f ms", percentile(open_ms, 0.5), kdf_median);
      unlock.note = note;
      rows.push_back(std::move(unlock));
    }

    auto sup = store::CaseStore::open(db, supervisor, crypto::Secret::from(pass_of(supervisor)), clock);
    auto resp = store::CaseStore::open(db, responder, crypto::Secret::from(pass_of(responder)), clock);
    if (cache_mib > 0)  // an experiment: what a larger page cache would give (the store sets none)
      for (store::CaseStore* s : {&sup, &resp})
        s->connection_for_tests().db().exec("PRAGMA cache_size = -" + std::to_string(cache_mib * 1024));
    // Cases to look up: a fixed sample (references typed as a person would, lower case, with "wm-").
    std::vector<std::pair<std::int64_t, std::string>> sample;
    {
      std::mt19937_64 pick(seed);
      SQLite::Statement q(sup.connection_for_tests().db(), "SELECT id, reference FROM cases WHERE id = ?");
      const auto max_id = sup.connection_for_tests().db().execAndGet("SELECT max(id) FROM cases").getInt64();
      while (sample.size() < 64) {
        q.reset();
        q.bind(1, static_cast<std::int64_t>(1 + pick() % static_cast<std::uint64_t>(max_id)));
        if (q.executeStep()) sample.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
      }
    }
    std::size_t next = 0;
    auto next_case = [&] { return sample[next++ % sample.size()]; };
    std::map<std::string, std::int64_t> seen;  // what each read matched, printed with the table

    auto list_op = [&](const std::string& what, store::CaseStore& s, const store::CaseFilter& f, double goal) {
      rows.push_back({what, &s, [&s, f, what, &seen] {
                        const auto page = s.cases().list(f);
                        seen[what] = page.total;
                        if (page.rows.empty() && page.total > f.offset) throw std::runtime_error(what + ": empty page");
                      },
                      goal, {}, ""});
    };
    store::CaseFilter queue;
    queue.scope = store::CaseFilter::Scope::queue;
    list_op("queue, first page (supervisor)", sup, queue, 30);
    list_op("case list, first page (supervisor)", sup, {}, 30);
    list_op("case list, first page (responder)", resp, {}, 30);
    rows.push_back({"search by reference prefix", &sup, [&] {
                      store::CaseFilter f;
                      f.reference = "wm-" + next_case().second.substr(3, 4);
                      std::transform(f.reference.begin(), f.reference.end(), f.reference.begin(),
                                     [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
                      const auto page = sup.cases().list(f);
                      if (page.total < 1) throw std::runtime_error("search found nothing for an existing reference");
                      seen["search by reference prefix"] = page.total;
                    },
                    10, {}, "typed as 'wm-' and the first 4 characters, lower case"});
    store::CaseFilter filtered;
    filtered.band = "refer";
    filtered.status = store::CaseStatus::approved;
    filtered.created_from_ms = kStartMs + 180 * kDayMs;
    filtered.created_before_ms = kStartMs + 270 * kDayMs;
    list_op("refer + approved + 90 days, first page", sup, filtered, 30);
    store::CaseFilter page100;
    page100.offset = 99 * 50;
    list_op("case list, page 100 (supervisor)", sup, page100, 30);
    std::int64_t assessed = 0;
    rows.push_back({"Statistics::count (all)", &sup, [&] { assessed = sup.statistics().count().cases; }, 200, {}, ""});
    std::size_t planned = 0;
    rows.push_back({"Retention::plan (every closed case)", &sup,
                    [&] { planned = sup.retention().plan(kMeasureAtMs).cases.size(); }, 0, {}, ""});
    std::size_t changes = 0;
    rows.push_back({"answer_history of one case", &sup,
                    [&] { changes = sup.cases().answer_history(next_case().first).size(); }, 0, {}, ""});
    for (Row& r : rows)
      if (r.op) r.ms = time_runs(runs, r.op);

    std::printf("waymark_desk_bench: %d cases in %s\n", n, db.c_str());
    std::printf("engine SQLCipher (SQLite %s); store %s, %.1f MiB (+ %.1f MiB -wal)\n",
                store::engine::library_version().c_str(), cached ? "reused" : "generated now",
                static_cast<double>(size_of(db)) / (1 << 20),
                static_cast<double>(size_of(fs::path(db.string() + "-wal"))) / (1 << 20));
    const double generation_s = manifest.value("generation_seconds", 0.0);
    std::printf("generation: %.1f s (%.0f cases/s), through the store's API with PRAGMA synchronous=OFF; "
                "statuses %s; %lld returns\n",
                generation_s, generation_s > 0 ? n / generation_s : 0.0,
                manifest.value("by_status", json::object()).dump().c_str(),
                static_cast<long long>(manifest.value("returns", 0)));
    std::printf("measured: %d runs each after one warm-up, synchronous=FULL (as shipped); each list also commits its "
                "audit event%s\n\n", runs,
                cache_mib > 0 ? ("; EXPERIMENT: page cache " + std::to_string(cache_mib) + " MiB").c_str() : "");
    std::printf("%-40s %10s %10s %8s  %s\n", "measure", "median ms", "p90 ms", "goal ms", "result");
    for (const Row& r : rows) {
      const double med = percentile(r.ms, 0.5);
      const std::string result = r.goal_ms > 0 ? (med <= r.goal_ms ? "PASS" : "MISS") : "-";
      std::printf("%-40s %10.2f %10.2f %8s  %s%s%s\n", r.what.c_str(), med, percentile(r.ms, 0.9),
                  r.goal_ms > 0 ? std::to_string(static_cast<int>(r.goal_ms)).c_str() : "-", result.c_str(),
                  r.note.empty() ? "" : "  ", r.note.c_str());
    }
    std::printf("\nmatching: ");
    for (const auto& [what, total] : seen) std::printf("%s %lld; ", what.c_str(), static_cast<long long>(total));
    std::printf("\nstatistics counted %lld assessed cases; plan lists %zu closed cases; one history holds %zu answers\n",
                static_cast<long long>(assessed), planned, changes);
    // Query plans of what the store ran: for every measure over its goal, or all of them (--explain).
    for (const Row& r : rows) {
      if (!r.op || !(explain || (r.goal_ms > 0 && percentile(r.ms, 0.5) > r.goal_ms))) continue;
      std::vector<std::string> statements;
      {
        const bench::StatementLog log(r.store->connection_for_tests().db().getHandle());
        r.op();
        statements = log.statements();
      }
      std::printf("\nquery plans: %s\n", r.what.c_str());
      std::set<std::string> shown;
      for (const std::string& sql : statements) {
        if (sql.rfind("SELECT", 0) != 0 || !shown.insert(sql).second) continue;
        std::printf("  %s\n", sql.c_str());
        SQLite::Statement plan(r.store->connection_for_tests().db(), "EXPLAIN QUERY PLAN " + sql);
        while (plan.executeStep()) std::printf("    %s\n", plan.getColumn(3).getString().c_str());
      }
    }
    // --purge: one purge of the cases closed in the first year, on a copy of the store (timed once).
    if (purge) {
      const fs::path copy = dir / "purge-copy.db";
      for (const char* suffix : {"", "-wal", "-shm", ".keys"}) fs::remove(copy.string() + suffix);
      sup.connection_for_tests().db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
      fs::copy_file(db, copy);
      fs::copy_file(db.string() + ".keys", copy.string() + ".keys");
      {
        auto s = store::CaseStore::open(copy, supervisor, crypto::Secret::from(pass_of(supervisor)), clock);
        const auto t_plan = std::chrono::steady_clock::now();
        const store::PurgePlan plan = s.retention().plan(kStartMs + 365 * kDayMs);
        const double plan_ms = seconds_since(t_plan) * 1000;
        const auto t_purge = std::chrono::steady_clock::now();
        const store::PurgeReport done = s.retention().purge(plan);
        std::printf("\npurge (on a copy): plan %.0f ms; purge of %lld cases, %lld answers, %lld reviews: %.1f s; "
                    "file %.1f MiB after\n", plan_ms, static_cast<long long>(done.cases),
                    static_cast<long long>(done.answers), static_cast<long long>(done.reviews), seconds_since(t_purge),
                    static_cast<double>(size_of(copy)) / (1 << 20));
      }
      for (const char* suffix : {"", "-wal", "-shm", ".keys", ".keys.lock"}) fs::remove(copy.string() + suffix);
    }
    // The store must look like what was generated, or the figures mean nothing.
    const auto by_status = manifest.value("by_status", json::object());
    std::int64_t total = 0;
    for (const auto& [status, count] : by_status.items()) total += count.get<std::int64_t>();
    if (total != n || assessed != n || seen["case list, first page (supervisor)"] != n ||
        seen["queue, first page (supervisor)"] != by_status.value("submitted", std::int64_t{0}) ||
        static_cast<std::int64_t>(planned) != by_status.value("closed", std::int64_t{0})) {
      std::fprintf(stderr, "the store does not hold what was generated (%lld cases, %lld assessed)\n",
                   static_cast<long long>(total), static_cast<long long>(assessed));
      return 1;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "waymark_desk_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
