#pragma once
// Command-line arguments of one waymark-cli command: positionals, "--name value" options and flags.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace waymark::cli {

class Args {
 public:
  // `flags` take no value; every other "--name" takes the next argument as its value.
  Args(const std::vector<std::string>& argv, const std::set<std::string>& flags);

  [[nodiscard]] bool ok() const { return error_.empty(); }
  [[nodiscard]] const std::string& error() const { return error_; }
  [[nodiscard]] bool flag(const std::string& name) const { return flags_.count(name) != 0; }
  [[nodiscard]] std::optional<std::string> option(const std::string& name) const;
  [[nodiscard]] const std::vector<std::string>& positional() const { return positional_; }
  // Names every option given that is not in `known` ("unknown option --x"); false if any.
  bool only(const std::set<std::string>& known);

 private:
  std::vector<std::string> positional_;
  std::map<std::string, std::string> options_;
  std::set<std::string> flags_;
  std::string error_;
};

}  // namespace waymark::cli
