// SIGKILL mid-screening: the app is killed at random moments while it answers V01 through its pages;
// started again, it resumes the draft with every answer the page had shown as "Saved", and carries on
// where it stopped. Five kills, then the screening runs to the end.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Child {
  pid_t pid = -1;
  FILE* out = nullptr;
};

Child spawn(const std::vector<std::string>& args) {
  int fds[2];
  if (::pipe(fds) != 0) return {};
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(fds[1], STDOUT_FILENO);
    ::close(fds[0]);
    ::close(fds[1]);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(fds[1]);
  return {pid, ::fdopen(fds[0], "r")};
}

bool read_line(FILE* f, std::string& line) {
  line.clear();
  for (int c; (c = std::fgetc(f)) != EOF;) {
    if (c == '\n') return true;
    line.push_back(static_cast<char>(c));
  }
  return !line.empty();
}

int finish(Child& c) {
  int status = 0;
  ::waitpid(c.pid, &status, 0);
  std::fclose(c.out);
  return status;
}

// "saved <id> <json>" / "answer <id> <json>" -> id, json
std::pair<std::string, std::string> parse(const std::string& line) {
  std::istringstream in(line);
  std::string word, id, json;
  in >> word >> id;
  std::getline(in, json);
  return {id, json.empty() ? json : json.substr(1)};
}

TEST(KillApp, EverySavedAnswerSurvivesSigkillAndTheDraftResumes) {
  char folder[] = "/tmp/waymark-kill-XXXXXX";
  ASSERT_NE(::mkdtemp(folder), nullptr);
  const std::string db = (fs::path(folder) / "cases.db").string();
  std::mt19937 random(20261201);
  std::map<std::string, std::string> promised;  // question id -> answer the page showed as saved

  for (int round = 0; round < 5; ++round) {
    Child c = spawn({WAYMARK_KILL_CHILD, db});
    ASSERT_GT(c.pid, 0);
    // At most 3 answers a round, so five rounds (15) end before V01's last question (UK pack 1.1 shows
    // 16) and every resume has an open question to land on.
    const int lines_before_kill = std::uniform_int_distribution<int>(1, 3)(random);
    std::string line;
    int seen = 0;
    while (seen < lines_before_kill && read_line(c.out, line)) {
      if (line.rfind("saved ", 0) != 0) continue;
      const auto [id, json] = parse(line);
      promised[id] = json;
      ++seen;
    }
    ASSERT_EQ(seen, lines_before_kill) << "the app stopped before it was killed (round " << round << ")";
    // Somewhere inside the next answer: before, during or after its commit.
    std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(0, 3000)(random)));
    ::kill(c.pid, SIGKILL);
    // Whatever it printed before it died was shown as saved too.
    while (read_line(c.out, line))
      if (line.rfind("saved ", 0) == 0) promised[parse(line).first] = parse(line).second;
    const int status = finish(c);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "round " << round;

    // Started again: the draft comes back with every promised answer, at the next open question.
    Child r = spawn({WAYMARK_KILL_CHILD, db, "--report"});
    std::map<std::string, std::string> stored;
    std::string at, view;
    while (read_line(r.out, line)) {
      if (line.rfind("at ", 0) == 0) at = line.substr(3);
      if (line.rfind("view ", 0) == 0) view = line.substr(5);
      if (line.rfind("answer ", 0) == 0) stored[parse(line).first] = parse(line).second;
    }
    ASSERT_EQ(finish(r), 0) << "round " << round;
    for (const auto& [id, json] : promised) {
      ASSERT_TRUE(stored.count(id)) << id << " was shown as saved and is missing after SIGKILL (round " << round << ")";
      EXPECT_EQ(stored[id], json) << id;
    }
    EXPECT_FALSE(at.empty());
    // The next open question; or, when the child answered every question shown before it died (saving
    // is fast on a tmpfs: a round can take more than its three answers), the summary: nothing is left
    // to kill it in.
    if (view == "summary") break;
    EXPECT_EQ(view, "question");
    EXPECT_EQ(stored.count(at), 0u) << "resumes at a question not yet answered: " << at;
  }
  // And the rest of the screening goes through on the same draft.
  Child c = spawn({WAYMARK_KILL_CHILD, db});
  std::string line;
  while (read_line(c.out, line)) {}
  const int status = finish(c);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  std::error_code ec;
  fs::remove_all(folder, ec);
}

}  // namespace
