// waymark-cli case new|list|show|history|submit|return|approve|close|export: cases in the encrypted store.
#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include "args.h"
#include "commands.h"
#include "desk_commands.h"
#include "export_command.h"
#include "inputs.h"
#include "host/process.h"
#include "rules/assessment.h"
#include "screening/case_json.h"
#include "screening/screening.h"
#include "store/case_store.h"
#include "store/roles.h"
#include "store_support.h"

namespace waymark::cli {

const char* const kCaseHelp = R"HELP(usage: waymark-cli case SUBCOMMAND [OPTIONS]

Cases in the encrypted store. Every subcommand takes --db P (default: see 'waymark-cli store --help'),
--user NAME and --password-stdin (NAME's passphrase is the first line of standard input).

  case new --db P --user NAME --password-stdin [--pack PACK] --answers FILE [--json]
      create a case with its answers, assessed under PACK (default: the installed UK pack), in one
      transaction (on a failure such as a full disk, no case is left). Prints the case id and
      reference ({"id", "reference", ...} with --json).
  case list --db P --user NAME --password-stdin [FILTERS] [--page N] [--per-page N] [--json]
      one page of the cases NAME may see, most recently changed first: "cases 1-50 of 1234 (page 1
      of 25)", then one line per case (ID, REFERENCE, STATUS, BAND, OWNER, UPDATED); with --json an
      object {"total", "page", "per_page", "pages", "cases": [...]}. FILTERS, all optional:
        --status draft|submitted|returned|approved|closed
        --band emergency|refer|assess|none|unassessed
        --owner NAME        cases NAME owns (a supervisor: anyone; others: only their own name)
        --ref PREFIX        a reference or its start (case, dashes and spaces do not matter)
        --from YYYY-MM-DD --to YYYY-MM-DD    created on or after / on or before that day (UTC)
        --queue             supervisors: submitted cases, the longest waiting first
        --mine              your own drafts and returned cases (what is yours to do)
        --submitted-to-me   caseworkers: cases submitted to you
      --page N (from 1) and --per-page N (1 to 500, default 50) choose the page.
  case show ID --db P --user NAME --password-stdin [--json]
      one case: metadata, the latest answers, notes and the stored assessment
  case history ID --db P --user NAME --password-stdin [--json]
      the case's review decisions (with the reasons and notes), every answer saved (with the value it
      replaced, who and when) and its audit trail (time, user, action; no content); anyone who may
      read the case
  case export ID --db P --user NAME --password-stdin [--format record|text|md|json|pdf]
      [--variant full|dtn|handover --pack PACK] [--out FILE] [--force]
      the stored record as JSON (default), or a referral summary written to FILE (caseworker it was
      submitted to, or supervisor); recorded as an export in the audit trail. See 'case export --help'
  case submit ID --to CASEWORKER ...   owner: send a draft or returned case to a caseworker
  case return ID --reason TEXT ...     supervisor: send a submitted case back to its owner; TEXT
                                       (required) says what to check or change
  case approve ID [--note TEXT] ...    supervisor: approve a submitted case (not one's own unless the
                                       store allows self-approval)
  case close ID [--note TEXT] ...      supervisor: close a case
      A reason or note is case content: it is kept in the store and shown by 'case history', never
      logged. On the command line it can be seen in the process list and shell history; to keep it
      out of both, give --reason-stdin (or --note-stdin) and put it on the line after the passphrase.

Exit codes as for 'waymark-cli store' (0 ok, 1 rule pack refused, 2 bad input, 3 file problem,
4 wrong user name or passphrase, 5 file damaged or altered, 6 not allowed, 7 refused to run).
)HELP";

namespace {

std::optional<std::int64_t> case_id(const Args& args) {
  if (args.positional().size() != 1) return std::nullopt;
  char* end = nullptr;
  const long long id = std::strtoll(args.positional()[0].c_str(), &end, 10);
  if (end == nullptr || *end != '\0' || id <= 0) return std::nullopt;
  return id;
}

int new_case(const Argv& argv) {
  Args args(argv, {"password-stdin", "json"});
  const auto pack_path = args.option("pack"), answers_path = args.option("answers");
  if (!answers_path) {
    std::fprintf(stderr, "waymark-cli: --answers is required\n%s", kCaseHelp);
    return kBadInput;
  }
  const auto pack = load_pack(pack_or_default(pack_path));
  if (!pack) return kPackRefused;
  auto loaded = load_answers(*pack, *answers_path);
  if (!loaded.answers) return loaded.exit_code;
  SystemClock clock;
  auto opened = open_store(args, {"pack", "answers", "json"}, kCaseHelp, clock);
  if (!opened.store) return opened.exit_code;
  const screening::CreatedCase c = screening::create_case_from_answers(*opened.store, *pack, *loaded.answers);
  if (args.flag("json")) {
    const nlohmann::json out = {{"id", c.id},
                                {"reference", c.reference},
                                {"answers_saved", c.answers_saved},
                                {"band", rules::to_string(c.band)}};
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    std::printf("created case %lld (%s): %d answers saved, band %s\n", static_cast<long long>(c.id),
                c.reference.c_str(), c.answers_saved, std::string(rules::to_string(c.band)).c_str());
  }
  return kOk;
}

int show_case(const Argv& argv) {
  Args args(argv, {"password-stdin", "json"});
  const auto id = case_id(args);
  if (!id) {
    std::fprintf(stderr, "waymark-cli: give one case id (a number, see 'case list')\n");
    return kBadInput;
  }
  SystemClock clock;
  auto opened = open_store(args, {"json"}, kCaseHelp, clock);
  if (!opened.store) return opened.exit_code;
  const auto r = opened.store->cases().read(*id);
  if (args.flag("json")) {
    std::printf("%s\n", screening::case_record_json(r).dump(2).c_str());
    return kOk;
  }
  const auto& c = r.summary;
  std::printf("case %lld  %s  %s\n", static_cast<long long>(c.id), c.reference.c_str(),
              std::string(store::to_string(c.status)).c_str());
  std::printf("owner %s; created %s; updated %s\n", c.owner_name.c_str(), screening::iso_time(c.created_ms).c_str(),
              screening::iso_time(c.updated_ms).c_str());
  std::printf("rule pack %s %s (sha256 %s)\n", c.pack.id.c_str(), c.pack.version.c_str(), c.pack.sha256.c_str());
  std::printf("answers (%zu; %lld saved in all):\n", r.answers.size(), static_cast<long long>(r.answer_history));
  for (const auto& a : r.answers) std::printf("  %s: %s\n", a.question_id.c_str(), a.value_json.c_str());
  if (!r.notes.empty()) std::printf("notes: %s\n", r.notes.c_str());
  if (r.assessment_json) {
    const auto j = nlohmann::json::parse(*r.assessment_json, nullptr, false);
    if (j.is_object() && j.contains("band")) std::printf("assessment band: %s\n", j["band"].dump().c_str());
  } else {
    std::printf("not assessed yet\n");
  }
  return kOk;
}

constexpr std::size_t kMaxReviewTextBytes = 8000;  // as the store keeps (store/reviews.cpp)

bool blank(const std::string& text) {
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  return true;
}

// A reason or note: --NAME TEXT, or with --NAME-stdin the line after the passphrase (out of the process
// list and shell history). Nothing after a message, which never holds the text itself.
std::optional<std::string> review_text(const Args& args, const std::string& name) {
  if (!args.flag(name + "-stdin")) return args.option(name).value_or("");
  const auto line = read_plain_line(kMaxReviewTextBytes + 1);
  if (line && line->size() > kMaxReviewTextBytes) {
    std::fprintf(stderr, "waymark-cli: the %s on standard input is longer than 8000 bytes\n", name.c_str());
    return std::nullopt;
  }
  return line.value_or("");
}

int change(const Argv& argv, const std::string& what) {
  Args args(argv, {"password-stdin", "reason-stdin", "note-stdin"});
  const auto id = case_id(args);
  if (!id) {
    std::fprintf(stderr, "waymark-cli: give one case id (a number, see 'case list')\n");
    return kBadInput;
  }
  const std::string text_name = what == "return" ? "reason" : "note";  // approve, close: a note
  const std::set<std::string> extra = what == "submit" ? std::set<std::string>{"to"}
                                                       : std::set<std::string>{text_name, text_name + "-stdin"};
  std::set<std::string> known = extra;
  known.insert({"db", "user", "password-stdin"});
  if (!args.only(known)) {
    std::fprintf(stderr, "waymark-cli: %s\n%s", args.error().c_str(), kCaseHelp);
    return kBadInput;
  }
  if (what == "submit" && !args.option("to")) {
    std::fprintf(stderr, "waymark-cli: --to CASEWORKER is required\n");
    return kBadInput;
  }
  if (what != "submit" && args.option(text_name) && args.flag(text_name + "-stdin")) {
    std::fprintf(stderr, "waymark-cli: give --%s TEXT or --%s-stdin, not both\n", text_name.c_str(),
                 text_name.c_str());
    return kBadInput;
  }
  constexpr const char* kReasonRequired =
      "waymark-cli: a reason is required (--reason TEXT or --reason-stdin): say what the responder should check "
      "or change\n";
  // Refused before the passphrase is read when the reason is on the command line.
  if (what == "return" && !args.flag("reason-stdin") && blank(args.option("reason").value_or(""))) {
    std::fputs(kReasonRequired, stderr);
    return kBadInput;
  }
  SystemClock clock;
  auto opened = open_store(args, extra, kCaseHelp, clock);
  if (!opened.store) return opened.exit_code;
  if (what == "submit") {
    opened.store->cases().submit(*id, *args.option("to"));
    std::printf("case %lld: submit done\n", static_cast<long long>(*id));
    return kOk;
  }
  const auto text = review_text(args, text_name);
  if (!text) return kBadInput;
  if (what == "return" && blank(*text)) {
    std::fputs(kReasonRequired, stderr);
    return kBadInput;
  }
  if (what == "return") {
    opened.store->reviews().return_case(*id, *text);
  } else if (what == "approve") {
    opened.store->reviews().approve(*id, *text);
  } else {
    opened.store->reviews().close(*id, *text);
  }
  std::printf("case %lld: %s done\n", static_cast<long long>(*id), what.c_str());
  return kOk;
}

}  // namespace

int case_command(const Argv& argv) {
  if (argv.empty()) {
    std::fputs(kCaseHelp, stderr);
    return kBadInput;
  }
  if (argv[0] == "export" && print_help_if_asked(argv, kExportHelp)) return kOk;
  if (print_help_if_asked(argv, kCaseHelp)) return kOk;
  host::harden_process();
  const std::string& sub = argv[0];
  const Argv rest(argv.begin() + 1, argv.end());
  try {
    if (sub == "new") return new_case(rest);
    if (sub == "list") return list_cases_command(rest);
    if (sub == "show") return show_case(rest);
    if (sub == "history") return case_history_command(rest);
    if (sub == "export") return export_case_command(rest);
    if (sub == "submit" || sub == "return" || sub == "approve" || sub == "close") return change(rest, sub);
  } catch (const store::StoreError& e) {
    return report_store_error(e);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "waymark-cli: unexpected error: %s\n", e.what());
    return kIoError;
  }
  std::fprintf(stderr, "waymark-cli: unknown case subcommand '%s'\n%s", sub.c_str(), kCaseHelp);
  return kBadInput;
}

}  // namespace waymark::cli
