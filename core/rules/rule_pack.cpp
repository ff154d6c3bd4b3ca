#include "rules/rule_pack.h"

namespace waymark::rules {

int RulePack::question_index(std::string_view question_id) const {
  for (std::size_t i = 0; i < questions.size(); ++i)
    if (questions[i].id == question_id) return static_cast<int>(i);
  return -1;
}

}  // namespace waymark::rules
