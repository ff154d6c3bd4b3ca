// waymark-cli questions / screen: drive a screening from an answers file.
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "inputs.h"
#include "report/assessment_json.h"
#include "report/assessment_text.h"
#include "rules/assessment.h"
#include "rules/session.h"

namespace waymark::cli {
namespace {

constexpr const char* kQuestionsHelp = R"(usage: waymark-cli questions [--pack PACK] --answers FILE

Prints, as a JSON list, the questions that would be shown now given the answers so far, in order:
id, section, text, help, type, options, offers (dont_know / prefer_not_to_say) and the answer if given.
Answers file: {"answers": {"<question id>": <value>}}. PACK defaults to the installed UK pack.
Exit codes: 0 ok, 1 rule pack refused or unreadable, 2 invalid answers (each named on stderr),
3 unreadable answers file.
)";

constexpr const char* kScreenHelp = R"(usage: waymark-cli screen [--pack PACK] --answers FILE [--format json|text]

Assesses the answers against the rule pack and prints the assessment: JSON format 1 (see
docs/assessment-json.md) or text for the responder (the default is json). PACK defaults to the UK
pack installed with waymark-cli (/usr/share/waymark/rules/uk/pack.yaml).
Answers file: {"answers": {"<question id>": <value>}}; a value is an option value, a list of option
values (multiple choice), true/false, a number, a date as YYYY-MM-DD, text, "dont_know" or
"prefer_not_to_say".
Exit codes: 0 ok, 1 rule pack refused or unreadable, 2 bad usage or invalid answers (each named on
stderr; nothing on stdout), 3 unreadable answers file.
)";

struct Inputs {
  std::optional<rules::RulePack> pack;
  std::optional<rules::AnswerSet> answers;
  int exit_code = kOk;
};

Inputs read_inputs(Args& args, const char* help, std::set<std::string> extra) {
  extra.insert({"pack", "answers"});
  const auto pack_path = args.option("pack"), answers_path = args.option("answers");
  if (!args.only(extra) || !args.positional().empty() || !answers_path) {
    std::fprintf(stderr, "waymark-cli: %s\n%s",
                 args.ok() ? "--answers is required" : args.error().c_str(), help);
    return {std::nullopt, std::nullopt, kBadInput};
  }
  Inputs in;
  in.pack = load_pack(pack_or_default(pack_path));
  if (!in.pack) {
    in.exit_code = kPackRefused;
    return in;
  }
  auto answers = load_answers(*in.pack, *answers_path);
  in.answers = std::move(answers.answers);
  in.exit_code = answers.exit_code;
  return in;
}

}  // namespace

int questions_command(const Argv& argv) {
  if (print_help_if_asked(argv, kQuestionsHelp)) return kOk;
  Args args(argv, {});
  Inputs in = read_inputs(args, kQuestionsHelp, {});
  if (in.exit_code != kOk) return in.exit_code;
  rules::Session session(*in.pack);
  for (int q = 0; q < static_cast<int>(in.pack->questions.size()); ++q)
    if (const rules::Answer* a = in.answers->get(q)) session.answer(q, *a);
  const auto json = report::questions_to_json(*in.pack, session.answers(), session.shown());
  std::printf("%s\n", json.dump(2).c_str());
  return kOk;
}

int screen_command(const Argv& argv) {
  if (print_help_if_asked(argv, kScreenHelp)) return kOk;
  Args args(argv, {});
  Inputs in = read_inputs(args, kScreenHelp, {"format"});
  if (in.exit_code != kOk) return in.exit_code;
  const std::string format = args.option("format").value_or("json");
  if (format != "json" && format != "text") {
    std::fprintf(stderr, "waymark-cli: --format must be json or text\n");
    return kBadInput;
  }
  const rules::Assessment assessment = rules::assess(*in.pack, *in.answers);
  if (format == "json")
    std::printf("%s\n", report::assessment_to_json(*in.pack, *in.answers, assessment).dump(2).c_str());
  else
    std::fputs(report::assessment_to_text(*in.pack, *in.answers, assessment).c_str(), stdout);
  return kOk;
}

}  // namespace waymark::cli
