#pragma once
// Reads a pack file's 'drafts' and 'summary' lists (rules/drafts.h) once every question and indicator
// is known; a file with neither is left alone.
// A template that names an unknown question, option, indicator, element or section, or a placeholder
// the sentence cannot fill, is reported as file:line:col and the whole pack is refused.
#include <yaml-cpp/yaml.h>

#include "rules/condition_compiler.h"
#include "rules/rule_pack.h"
#include "rules/yaml_reader.h"

namespace waymark::rules {

void read_draft_templates(const YAML::Node& file_root, const YamlReader& reader, const PackIds& ids,
                          RulePack& pack);

}  // namespace waymark::rules
