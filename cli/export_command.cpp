#include "export_command.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "args.h"
#include "inputs.h"
#include "pdf/pdf_renderer.h"
#include "report/case_export.h"
#include "report/export_file.h"
#include "report/summary_render.h"
#include "screening/case_json.h"
#include "store_support.h"

namespace waymark::cli {

const char* const kExportHelp = R"(usage: waymark-cli case export ID --db P --user NAME --password-stdin
           [--format record|text|md|json|pdf] [--variant full|dtn|handover] [--pack PACK]
           [--out FILE] [--force]

Exports one case. Only the caseworker it was submitted to, or a supervisor, may export; every export is
an event in the audit trail (which case, who, when - never what was exported).

  --format record   (default) the stored record as JSON: metadata, answers, notes, stored assessment;
                    printed, or written to --out FILE
  --format text|md|json|pdf   a referral summary, written to --out FILE (required). Needs --variant and
                    --pack (the rule pack to read the answers under; the summary says if it is not the
                    one the case was screened under):
      --variant full       NRM referral with consent, or child safeguarding: everything, with notes
      --variant dtn        Duty to Notify for an adult who does not consent: no name, contact details,
                           date of birth, age, free text or notes
      --variant handover   for a support provider: needs, risks, organisations; no legal reasoning
  --out FILE        never replaces an existing file unless --force is given. The file is written whole
                    or not at all (a temporary file in the same folder, then renamed), readable by its
                    owner only. Suggested name: <reference>-<variant>.<ext>, which names no person.

JSON summaries follow docs/referral-json.schema.json. Exit codes: 0 ok, 1 rule pack refused, 2 bad input,
3 file problem (folder missing, not writable, file exists, disk full), 4 wrong user name or passphrase,
5 file damaged or altered, 6 not allowed, 7 refused to run.
)";

namespace {

int fail(const std::string& why) {
  std::fprintf(stderr, "waymark-cli: %s\n", why.c_str());
  return kBadInput;
}

// Refuses what would fail after the (slow) unlock: a missing folder, an existing file.
int check_target(const std::filesystem::path& out, bool force) {
  const auto folder = out.parent_path().empty() ? std::filesystem::path(".") : out.parent_path();
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) {
    std::fprintf(stderr, "waymark-cli: the folder '%s' does not exist\n", folder.c_str());
    return kIoError;
  }
  if (!force && std::filesystem::symlink_status(out, ec).type() != std::filesystem::file_type::not_found) {
    std::fprintf(stderr, "waymark-cli: '%s' already exists; give another --out or add --force to replace it\n",
                 out.c_str());
    return kIoError;
  }
  return kOk;
}

}  // namespace

int export_case_command(const Argv& argv) {
  Args args(argv, {"password-stdin", "force"});
  if (args.positional().size() != 1) return fail("give one case id (a number, see 'case list')");
  char* end = nullptr;
  const long long id = std::strtoll(args.positional()[0].c_str(), &end, 10);
  if (end == nullptr || *end != '\0' || id <= 0) return fail("give one case id (a number, see 'case list')");

  const std::string format_word = args.option("format").value_or("record");
  const bool record = format_word == "record";
  const auto format = report::parse_format(format_word);
  if (!record && !format) return fail("--format must be record, text, md, json or pdf");
  std::optional<report::Variant> variant;
  std::optional<rules::RulePack> pack;
  if (!record) {
    if (!args.option("variant")) return fail("--variant full, dtn or handover is required for a summary");
    variant = report::parse_variant(*args.option("variant"));
    if (!variant) return fail("--variant must be full, dtn or handover");
    if (!args.option("pack")) return fail("--pack PACK is required for a summary (the rule pack to read it under)");
    if (!args.option("out")) return fail("--out FILE is required for a summary");
  } else if (args.option("variant") || args.option("pack")) {
    return fail("--variant and --pack are for summaries (--format text, md, json or pdf)");
  }
  const auto out = args.option("out");
  if (out) {
    if (out->empty()) return fail("--out needs a file name");
    if (const int rc = check_target(*out, args.flag("force")); rc != kOk) return rc;
  }
  if (!record) {
    pack = load_pack(*args.option("pack"));
    if (!pack) return kPackRefused;
  }

  SystemClock clock;
  auto opened = open_store(args, {"format", "variant", "pack", "out", "force"}, kExportHelp, clock);
  if (!opened.store) return opened.exit_code;

  std::string bytes;
  std::string what;
  if (record) {
    bytes = screening::case_record_json(opened.store->cases().export_record(id)).dump(2) + "\n";
    what = "record";
  } else {
    const auto e = report::summarise_case(*opened.store, id, *pack, *variant);
    if (*format == report::Format::pdf) {
      pdf::ensure_gui();
      bytes = pdf::render_pdf(e.summary);
    } else {
      bytes = report::render(e.summary, *format);
    }
    what = std::string(report::to_string(*variant)) + " summary (" + format_word + ")";
    if (!e.not_in_pack.empty() || !e.not_valid.empty())
      std::fprintf(stderr, "waymark-cli: %zu saved answers do not fit this rule pack and were left out (named in the summary)\n",
                   e.not_in_pack.size() + e.not_valid.size());
  }
  if (!out) {
    std::fwrite(bytes.data(), 1, bytes.size(), stdout);
    return kOk;
  }
  try {
    report::write_export_file(*out, bytes, args.flag("force"));
  } catch (const report::ExportError& e) {
    std::fprintf(stderr, "waymark-cli: %s\n", e.what());
    return kIoError;
  }
  std::printf("exported case %lld as %s to %s\n", id, what.c_str(), out->c_str());
  return kOk;
}

}  // namespace waymark::cli
