#include "args.h"

namespace waymark::cli {

Args::Args(const std::vector<std::string>& argv, const std::set<std::string>& flags) {
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.rfind("--", 0) != 0 || a == "--") {
      positional_.push_back(a);
      continue;
    }
    const std::string name = a.substr(2);
    if (flags.count(name)) {
      flags_.insert(name);
    } else if (i + 1 < argv.size()) {
      options_[name] = argv[++i];
    } else {
      error_ = "option --" + name + " needs a value";
    }
  }
}

std::optional<std::string> Args::option(const std::string& name) const {
  const auto it = options_.find(name);
  if (it == options_.end()) return std::nullopt;
  return it->second;
}

bool Args::only(const std::set<std::string>& known) {
  for (const auto& [name, value] : options_)
    if (!known.count(name)) error_ = "unknown option --" + name;
  for (const auto& name : flags_)
    if (!known.count(name)) error_ = "unknown option --" + name;
  return error_.empty();
}

}  // namespace waymark::cli
