#include "store/case_facets.h"

#include <nlohmann/json.hpp>

namespace waymark::store {

CaseFacets facets_of(std::string_view assessment_json) {
  CaseFacets f;
  const auto a = nlohmann::json::parse(assessment_json, nullptr, false);
  if (!a.is_object()) return f;
  if (auto b = a.find("band"); b != a.end() && b->is_string()) f.band = b->get<std::string>();
  if (auto t = a.find("exploitation_types"); t != a.end() && t->is_array())
    for (const auto& type : *t)
      if (type.is_string() && type.get<std::string>().find(',') == std::string::npos)
        f.exploitation_types.push_back(type.get<std::string>());
  if (auto n = a.find("nation"); n != a.end() && n->is_string()) f.nation = n->get<std::string>();
  if (auto c = a.find("treated_as_child"); c != a.end() && c->is_boolean()) f.child = c->get<bool>();
  return f;
}

std::string join_types(const std::vector<std::string>& types) {
  if (types.empty()) return "";
  std::string out = ",";
  for (const auto& t : types) out += t + ",";
  return out;
}

std::vector<std::string> split_types(std::string_view column) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < column.size()) {
    const std::size_t comma = column.find(',', start);
    const std::size_t end = comma == std::string_view::npos ? column.size() : comma;
    if (end > start) out.emplace_back(column.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace waymark::store
