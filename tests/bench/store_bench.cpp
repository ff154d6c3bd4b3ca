// Store benchmark (not a test). Built twice from this one file and the same store objects:
//   store_bench        - SQLCipher (what ships)
//   store_bench_plain  - plain libsqlite3, no encryption (benchmark only; never shipped)
// Measures: unlock (Argon2id with parameters calibrated here + open + self-test), median of N;
// open without the KDF; save one answer (its own transaction, WAL + synchronous=FULL), median and p99.
//
//   store_bench [--runs N] [--saves N] [--dir DIR] [--kdf-ops N --kdf-mib M] [--compare]
//     --compare also runs store_bench_plain from the same folder, with the same Argon2id parameters,
//     and prints both side by side with the ratio SQLCipher / plain SQLite.
//   store_bench --crash N [--dir DIR]                             crash test with N SIGKILLs
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "crash_harness.h"
#include "crypto/kdf.h"
#include "store/case_store.h"
#include "store/engine.h"

namespace {

using namespace waymark;
namespace fs = std::filesystem;

class SteadyClock final : public store::Clock {
 public:
  std::int64_t now_unix_ms() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  }
  std::int64_t monotonic_ns() const override {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
  }
};

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

const std::string kPass = "benchmark passphrase, long enough";

std::map<std::string, double> measure(const fs::path& dir, int runs, int saves, crypto::KdfParams calibrated) {
  SteadyClock clock;
  std::map<std::string, double> out;
  if (calibrated.opslimit == 0) calibrated = crypto::calibrate_kdf([&] { return clock.monotonic_ns(); });
  out["kdf_ops"] = static_cast<double>(calibrated.opslimit);
  out["kdf_mib"] = static_cast<double>(calibrated.memlimit >> 20);
  const fs::path db = dir / ("bench-" + std::string(WAYMARK_BENCH_ENGINE) + ".db");
  const fs::path fast_db = dir / ("bench-fast-" + std::string(WAYMARK_BENCH_ENGINE) + ".db");
  std::int64_t case_id = 0;
  {
    auto created = store::CaseStore::create(db, "bench", store::kAdmin | store::kSupervisor,
                                            crypto::Secret::from(kPass), calibrated, clock);
    case_id = created.store.cases().create({"bench", "1", std::string(64, '0')}).id;
  }
  { (void)store::CaseStore::create(fast_db, "bench", store::kAdmin | store::kSupervisor, crypto::Secret::from(kPass),
                                   crypto::KdfParams::fast_for_tests(), clock); }
  const auto time_ms = [&](auto&& f) {
    const auto start = clock.monotonic_ns();
    f();
    return static_cast<double>(clock.monotonic_ns() - start) / 1e6;
  };
  std::vector<double> unlock, open_only, save;
  for (int i = 0; i < runs; ++i) {
    unlock.push_back(time_ms([&] { (void)store::CaseStore::open(db, "bench", crypto::Secret::from(kPass), clock); }));
    open_only.push_back(time_ms([&] { (void)store::CaseStore::open(fast_db, "bench", crypto::Secret::from(kPass), clock); }));
  }
  auto s = store::CaseStore::open(db, "bench", crypto::Secret::from(kPass), clock);
  const std::string value = "\"a free-text answer of a typical length, some sixty characters\"";
  for (int i = 0; i < saves; ++i)
    save.push_back(time_ms([&] { s.cases().save_answer(case_id, "bench.q" + std::to_string(i % 40), value); }));
  out["unlock_median_ms"] = percentile(unlock, 0.5);
  out["open_no_kdf_median_ms"] = percentile(open_only, 0.5);
  out["save_median_ms"] = percentile(save, 0.5);
  out["save_p99_ms"] = percentile(save, 0.99);
  out["runs"] = runs;
  out["saves"] = saves;
  return out;
}

void print(const std::map<std::string, double>& m) {
  for (const auto& [k, v] : m) std::printf("%s %.4f\n", k.c_str(), v);
}

std::map<std::string, double> parse(const std::string& text) {
  std::map<std::string, double> m;
  std::size_t at = 0;
  while (at < text.size()) {
    const auto end = text.find('\n', at);
    const std::string line = text.substr(at, end - at);
    const auto space = line.find(' ');
    if (space != std::string::npos) m[line.substr(0, space)] = std::atof(line.c_str() + space + 1);
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return m;
}

std::string run_capture(const std::string& cmd) {
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[512];
  while (std::fgets(buf, sizeof buf, p)) out += buf;
  ::pclose(p);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  crypto::init_sodium();
  int runs = 7, saves = 2000, crash = 0;
  crypto::KdfParams kdf{0, 0};  // 0: calibrate here
  bool compare = false;
  std::string dir_arg;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--runs" && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
    else if (a == "--saves" && i + 1 < argc) saves = std::max(10, std::atoi(argv[++i]));
    else if (a == "--dir" && i + 1 < argc) dir_arg = argv[++i];
    else if (a == "--crash" && i + 1 < argc) crash = std::atoi(argv[++i]);
    else if (a == "--compare") compare = true;
    else if (a == "--kdf-ops" && i + 1 < argc) kdf.opslimit = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--kdf-mib" && i + 1 < argc) kdf.memlimit = std::strtoull(argv[++i], nullptr, 10) << 20;
    else {
      std::fprintf(stderr, "usage: %s [--runs N] [--saves N] [--dir DIR] [--kdf-ops N --kdf-mib M] [--compare] | "
                           "--crash N [--dir DIR]\n", argv[0]);
      return 2;
    }
  }
  std::string dir = dir_arg;
  if (dir.empty()) {
    const char* t = std::getenv("TMPDIR");
    dir = std::string(t && *t ? t : "/tmp") + "/waymark-bench-XXXXXX";
    if (!::mkdtemp(dir.data())) return 3;
  }
  if (crash > 0) {
    SteadyClock clock;
    const fs::path db = fs::path(dir) / "crash.db";
    std::int64_t case_id = 0;
    {
      auto created = store::CaseStore::create(db, "bench", store::kAdmin | store::kSupervisor, crypto::Secret::from(kPass),
                                              crypto::KdfParams::fast_for_tests(), clock);
      case_id = created.store.cases().create({"bench", "1", std::string(64, '0')}).id;
    }
    const auto start = clock.monotonic_ns();
    const auto c = test::run_crash_trials(db, "bench", kPass, clock, case_id, crash, 7, 1000, 60000);
    auto s = store::CaseStore::open(db, "bench", crypto::Secret::from(kPass), clock);
    bool verified = true;
    try {
      (void)s.verify();
    } catch (const std::exception&) {
      verified = false;
    }
    std::printf("engine %s\nkills %d\nacknowledged %lld\nlost %lld\nfailed_checks %d\nfinal_verify %s\nseconds %.1f\n",
                WAYMARK_BENCH_ENGINE, c.kills, c.acknowledged, c.lost, c.failed_checks, verified ? "ok" : "FAILED",
                static_cast<double>(clock.monotonic_ns() - start) / 1e9);
    if (dir_arg.empty()) fs::remove_all(dir);
    return c.lost == 0 && c.failed_checks == 0 && verified ? 0 : 1;
  }
  const auto mine = measure(dir, runs, saves, kdf);
  if (!compare) {
    std::printf("engine %s (SQLite %s)\n", WAYMARK_BENCH_ENGINE, store::engine::library_version().c_str());
    print(mine);
  } else {
    const std::string plain = (fs::path(argv[0]).parent_path() / "store_bench_plain").string();
    const std::string cmd = "'" + plain + "' --runs " + std::to_string(runs) + " --saves " + std::to_string(saves) +
                            " --dir '" + dir + "' --kdf-ops " + std::to_string(static_cast<long>(mine.at("kdf_ops"))) +
                            " --kdf-mib " + std::to_string(static_cast<long>(mine.at("kdf_mib")));
    const auto other = parse(run_capture(cmd));
    if (other.empty()) {
      std::fprintf(stderr, "could not run %s (build it: --target store_bench_plain)\n", plain.c_str());
      return 3;
    }
    std::printf("%-24s %14s %14s %8s\n", "measure", WAYMARK_BENCH_ENGINE, "plain-sqlite", "ratio");
    for (const char* k : {"unlock_median_ms", "open_no_kdf_median_ms", "save_median_ms", "save_p99_ms"}) {
      const double a = mine.at(k), b = other.count(k) ? other.at(k) : 0;
      std::printf("%-24s %14.3f %14.3f %8.2f\n", k, a, b, b > 0 ? a / b : 0.0);
    }
    std::printf("(Argon2id calibrated here: %.0f passes, %.0f MiB; %d unlocks, %d saves; files in %s)\n",
                mine.at("kdf_ops"), mine.at("kdf_mib"), runs, saves, dir.c_str());
  }
  if (dir_arg.empty()) fs::remove_all(dir);
  return 0;
}
