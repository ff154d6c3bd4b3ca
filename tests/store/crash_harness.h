#pragma once
// Crash test harness (the unit test and the benchmark share it): a child process saves answers, one
// transaction each, and writes an acknowledgement to a pipe only after save_answer() has returned;
// the parent kills it with SIGKILL at a random moment, then reopens the store and checks that the
// integrity check passes and every acknowledged answer is there.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <thread>

#include <SQLiteCpp/Statement.h>

#include "crypto/secret.h"
#include "store/case_store.h"
#include "store/connection.h"

namespace waymark::test {

struct CrashCounts {
  int kills = 0;              // children killed while saving
  long long acknowledged = 0; // answers acknowledged to the parent in all
  long long lost = 0;         // acknowledged but not found after the kill
  int failed_checks = 0;      // integrity or audit-chain failures after a kill
};

// Written by the child once the store is unlocked, before any answer (never an answer's number).
inline constexpr std::uint32_t kUnlocked = 0xFFFFFFFFu;

// `trials` kills; delays drawn uniformly from [min_delay_us, max_delay_us] after the child starts.
inline CrashCounts run_crash_trials(const std::filesystem::path& db, const std::string& user, const std::string& passphrase,
                                    const store::Clock& clock, std::int64_t case_id, int trials,
                                    std::uint32_t seed, int min_delay_us = 2000, int max_delay_us = 40000) {
  CrashCounts counts;
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> delay(min_delay_us, max_delay_us);
  for (int t = 0; t < trials; ++t) {
    int fds[2];
    if (::pipe(fds) != 0) break;
    const std::string question = "crash.t" + std::to_string(t);
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::close(fds[0]);
      try {
        auto s = store::CaseStore::open(db, user, crypto::Secret::from(passphrase), clock);
        if (::write(fds[1], &kUnlocked, sizeof kUnlocked) != static_cast<ssize_t>(sizeof kUnlocked)) ::_exit(3);
        for (std::uint32_t i = 0;; ++i) {
          s.cases().save_answer(case_id, question, std::to_string(i));
          // Acknowledged only now, after the commit returned.
          if (::write(fds[1], &i, sizeof i) != static_cast<ssize_t>(sizeof i)) ::_exit(3);
        }
      } catch (...) {
        ::_exit(2);
      }
    }
    ::close(fds[1]);
    // Even trials: the delay counts from the start, so some kills land in the unlock (which writes the
    // keyslot file twice). Odd trials: from the unlock, so that most land among the saves.
    if (t % 2 == 1) {
      std::uint32_t marker = 0;
      if (::read(fds[0], &marker, sizeof marker) != static_cast<ssize_t>(sizeof marker)) ++counts.failed_checks;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(delay(rng)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) ++counts.kills;
    else ++counts.failed_checks;  // the child stopped by itself: it hit an error
    std::uint32_t last = 0;
    long long acked = 0;
    for (std::uint32_t v; ::read(fds[0], &v, sizeof v) == static_cast<ssize_t>(sizeof v);) {
      if (v == kUnlocked) continue;
      last = v;
      ++acked;
    }
    ::close(fds[0]);
    counts.acknowledged += acked;
    try {
      auto s = store::CaseStore::open(db, user, crypto::Secret::from(passphrase), clock);  // quick_check
      auto& conn = s.connection_for_tests().db();
      SQLite::Statement q(conn,
                          "SELECT count(DISTINCT value_json) FROM answers WHERE question_id = ? "
                          "AND CAST(value_json AS INTEGER) <= ?");
      q.bind(1, question);
      q.bind(2, static_cast<std::int64_t>(last));
      q.executeStep();
      const long long found = q.getColumn(0).getInt64();
      if (acked > 0 && found < acked) counts.lost += acked - found;
      if (conn.execAndGet("PRAGMA integrity_check").getString() != "ok") ++counts.failed_checks;
    } catch (const std::exception&) {
      ++counts.failed_checks;
    }
  }
  return counts;
}

}  // namespace waymark::test
