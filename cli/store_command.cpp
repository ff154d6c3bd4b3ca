// waymark-cli store init|add-user|passwd|users|verify|backup|restore|settings|stats|purge|retention: the
// encrypted case store.
#include <cstdio>
#include <cstdlib>
#include <system_error>

#include "args.h"
#include "commands.h"
#include "desk_commands.h"
#include "inputs.h"
#include "store/case_store.h"
#include "store/roles.h"
#include "host/process.h"
#include "store_support.h"

namespace waymark::cli {

const char* const kStoreHelp = R"(usage: waymark-cli store SUBCOMMAND [OPTIONS]

The encrypted case store (SQLCipher). Every subcommand reads passphrases from standard input, one per
line, and takes --password-stdin to say so; a passphrase is never a command-line argument.
--db PATH defaults to $XDG_DATA_HOME/waymark/cases.db (else ~/.local/share/waymark/cases.db); the
keyslot file is PATH.keys beside it. Keep both together; back them up with 'store backup'.

  store init --db P --admin NAME --password-stdin [--roles ROLES]
      create the store and its first account (roles default: admin,supervisor); stdin: the passphrase.
      Prints a recovery code ONCE: it unlocks the store like a passphrase; keep it locked away.
  store add-user --db P --user ADMIN --password-stdin --new-user NAME --role ROLES
      stdin line 1: ADMIN's passphrase; line 2: the new user's passphrase. ROLES: one or more of
      responder, caseworker, supervisor, admin, separated by commas. Only a supervisor may give the
      supervisor role.
  store passwd --db P --user NAME --password-stdin [--recovery]
      stdin line 1: the current passphrase (with --recovery: the recovery code); line 2: the new one.
  store users --db P --user NAME --password-stdin            list accounts (admin or supervisor)
  store verify --db P --user NAME --password-stdin
      self-test (encryption engine, encrypted header, no plain SQLite loaded), full integrity check,
      whole pages (nothing added or cut off), audit chain, keyslots against accounts (every account
      has one). Admin or supervisor. Exit 0: all good.
  store backup --db P --user NAME --password-stdin --to FILE [--keep N]
      encrypted copy at FILE (+ FILE.keys), checked before it replaces the previous one; N generations
      kept as FILE, FILE.1, ... (default 3). Refused if FILE (or FILE.1, ...) is the store itself.
      Admin or supervisor.
  store settings --db P --user NAME --password-stdin [--self-approval on|off]
      prints the store's settings; with --self-approval (admin only), sets whether a supervisor may
      approve a case they created themselves (off by default).
  store restore --db P --user NAME --password-stdin --from FILE
      replace the store with a checked backup; NAME must be admin or supervisor in the backup and the
      passphrase the one NAME had then (no passphrase of the replaced store is needed). Refused while
      the store is open elsewhere. The replaced files are kept as P.replaced-<time>*.
  store stats --db P --user NAME --password-stdin [--csv] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
      supervisors: assessed cases counted by month, band, exploitation type, nation and child/adult,
      created in the period if given (UTC days, --to inclusive); a count from 1 to 4 is shown only as
      "<5". --csv: "dimension,key,count" lines on standard output.
  store purge --db P --user NAME --password-stdin (--closed-before YYYY-MM-DD | --by-retention)
      [--dry-run | --yes]
      supervisors: deletes the cases closed before that day (00:00 UTC), or closed longer ago than the
      retention period. Lists them first (id, reference, time closed); --dry-run stops there and prints
      what would go. Otherwise stdin line 2 must be "yes" (after the passphrase) unless --yes is given;
      then exactly the listed cases are deleted, with their answers and reviews, and the counts printed.
  store retention --db P --user NAME --password-stdin [--days N | --off]
      prints the retention period for closed cases; with --days N (1 to 36500) or --off a supervisor
      sets it. It deletes nothing by itself: 'store purge --by-retention' does.

Passphrases: at least 15 characters; any characters; common choices and the user name are refused.
Exit codes: 0 ok, 2 bad usage or input, 3 file missing / read-only folder / disk full / input-output
error, 4 wrong user name or passphrase (or too many attempts: wait), 5 file damaged or altered
(restore from backup), 6 not allowed for this user's roles, 7 refused to run (self-test failed or the
store is from a newer Waymark). A purge not confirmed with "yes" deletes nothing and exits 2.
)";

namespace {

int init(const Argv& argv) {
  Args args(argv, {"password-stdin"});
  args.only({"db", "admin", "password-stdin", "roles"});
  auto target = store_target(args, kStoreHelp, true, "admin");
  if (!target) return kBadInput;
  const auto roles = store::parse_roles(args.option("roles").value_or("admin,supervisor"));
  if (!roles) {
    std::fprintf(stderr, "waymark-cli: unknown role in --roles\n");
    return kBadInput;
  }
  auto secrets = read_secret_lines(1);
  if (!secrets) return kBadInput;
  SystemClock clock;
  if (!args.option("db")) {
    std::error_code ec;
    std::filesystem::create_directories(target->db.parent_path(), ec);
    std::filesystem::permissions(target->db.parent_path(), std::filesystem::perms::owner_all, ec);
  }
  auto created = store::CaseStore::create(target->db, target->user, *roles, (*secrets)[0],
                                          kdf_for_new_keyslots(clock), clock);
  std::printf("created case store %s (keyslots: %s.keys)\n", target->db.c_str(), target->db.c_str());
  std::printf("account '%s': %s\n", target->user.c_str(), store::roles_to_string(*roles).c_str());
  std::printf("recovery code (shown only now; write it down and keep it locked away):\n");
  std::fwrite(created.recovery_code.data(), 1, created.recovery_code.size(), stdout);
  std::printf("\n");
  return kOk;
}

int add_user(const Argv& argv) {
  Args args(argv, {"password-stdin"});
  args.only({"db", "user", "password-stdin", "new-user", "role"});
  auto target = store_target(args, kStoreHelp);
  if (!target) return kBadInput;
  const auto name = args.option("new-user");
  const auto roles = store::parse_roles(args.option("role").value_or(""));
  if (!name || !roles) {
    std::fprintf(stderr, "waymark-cli: --new-user NAME and --role ROLES (responder, caseworker, supervisor, admin) are required\n");
    return kBadInput;
  }
  auto secrets = read_secret_lines(2);
  if (!secrets) return kBadInput;
  SystemClock clock;
  auto s = store::CaseStore::open(target->db, target->user, (*secrets)[0], clock);
  const auto user = s.accounts().add_user(*name, *roles, (*secrets)[1], kdf_for_new_keyslots(clock));
  std::printf("added user '%s' (%s)\n", user.name.c_str(), store::roles_to_string(user.roles).c_str());
  return kOk;
}

int passwd(const Argv& argv) {
  Args args(argv, {"password-stdin", "recovery"});
  args.only({"db", "user", "password-stdin", "recovery"});
  auto target = store_target(args, kStoreHelp);
  if (!target) return kBadInput;
  auto secrets = read_secret_lines(2);
  if (!secrets) return kBadInput;
  SystemClock clock;
  if (args.flag("recovery")) {
    store::CaseStore::reset_passphrase(target->db, (*secrets)[0], target->user, (*secrets)[1],
                                       kdf_for_new_keyslots(clock), clock);
  } else {
    auto s = store::CaseStore::open(target->db, target->user, (*secrets)[0], clock);
    s.accounts().change_passphrase((*secrets)[1], kdf_for_new_keyslots(clock));
  }
  std::printf("passphrase changed for '%s'\n", target->user.c_str());
  return kOk;
}

int users(const Argv& argv) {
  Args args(argv, {"password-stdin"});
  SystemClock clock;
  auto opened = open_store(args, {}, kStoreHelp, clock);
  if (!opened.store) return opened.exit_code;
  for (const auto& u : opened.store->accounts().users())
    std::printf("%lld\t%s\t%s\n", static_cast<long long>(u.id), u.name.c_str(), store::roles_to_string(u.roles).c_str());
  return kOk;
}

int verify(const Argv& argv) {
  Args args(argv, {"password-stdin"});
  SystemClock clock;
  auto opened = open_store(args, {}, kStoreHelp, clock);
  if (!opened.store) return opened.exit_code;
  const auto r = opened.store->verify();
  std::printf("ok: SQLCipher %s, schema %d, %lld cases, %lld audit events in an unbroken chain, %lld keyslots\n",
              r.engine_version.c_str(), r.schema_version, static_cast<long long>(r.cases),
              static_cast<long long>(r.audit_events), static_cast<long long>(r.keyslots));
  if (!r.whole_file_checked)
    std::printf("note: the store is open in another Waymark, so its length was checked only for whole pages; "
                "run verify again when it is closed for the exact check\n");
  if (r.orphan_keyslots > 0)
    std::printf("note: %lld keyslot%s without an account (left by an add-user that failed; dropped by the next "
                "add-user)\n",
                static_cast<long long>(r.orphan_keyslots), r.orphan_keyslots == 1 ? "" : "s");
  return kOk;
}

int settings(const Argv& argv) {
  Args args(argv, {"password-stdin"});
  SystemClock clock;
  const auto self_approval = args.option("self-approval");
  if (self_approval && *self_approval != "on" && *self_approval != "off") {
    std::fprintf(stderr, "waymark-cli: --self-approval is on or off\n");
    return kBadInput;
  }
  auto opened = open_store(args, {"self-approval"}, kStoreHelp, clock);
  if (!opened.store) return opened.exit_code;
  if (self_approval) opened.store->set_self_approval(*self_approval == "on");
  std::printf("self-approval: %s\n", opened.store->self_approval_allowed() ? "on" : "off");
  return kOk;
}

int backup(const Argv& argv) {
  Args args(argv, {"password-stdin"});
  args.only({"db", "user", "password-stdin", "to", "keep"});
  auto target = store_target(args, kStoreHelp);
  if (!target) return kBadInput;
  const auto to = args.option("to");
  long keep = 3;
  if (auto k = args.option("keep")) {
    char* end = nullptr;
    keep = std::strtol(k->c_str(), &end, 10);
    if (end == k->c_str() || *end != '\0') keep = 0;  // refused below
  }
  if (!to || keep < 1 || keep > 20) {
    std::fprintf(stderr, "waymark-cli: --to FILE is required; --keep is 1 to 20\n");
    return kBadInput;
  }
  auto secrets = read_secret_lines(1);
  if (!secrets) return kBadInput;
  SystemClock clock;
  auto s = store::CaseStore::open(target->db, target->user, (*secrets)[0], clock);
  const auto r = s.backups().make(*to, static_cast<int>(keep));
  std::printf("backup written to %s (+ .keys): %lld cases, %lld answers, %lld audit events; %d generation%s kept\n",
              r.file.c_str(), static_cast<long long>(r.cases), static_cast<long long>(r.answers),
              static_cast<long long>(r.audit_events), r.generations_kept, r.generations_kept == 1 ? "" : "s");
  return kOk;
}

int restore(const Argv& argv) {
  Args args(argv, {"password-stdin"});
  args.only({"db", "user", "password-stdin", "from"});
  auto target = store_target(args, kStoreHelp);
  if (!target) return kBadInput;
  const auto from = args.option("from");
  if (!from) {
    std::fprintf(stderr, "waymark-cli: --from FILE is required\n");
    return kBadInput;
  }
  auto secrets = read_secret_lines(1);
  if (!secrets) return kBadInput;
  SystemClock clock;
  store::CaseStore::restore(target->db, *from, target->user, (*secrets)[0], clock);
  std::printf("restored %s from %s\n", target->db.c_str(), from->c_str());
  return kOk;
}

}  // namespace

int store_command(const Argv& argv) {
  if (argv.empty()) {
    std::fputs(kStoreHelp, stderr);
    return kBadInput;
  }
  if (print_help_if_asked(argv, kStoreHelp)) return kOk;
  host::harden_process();
  const std::string& sub = argv[0];
  const Argv rest(argv.begin() + 1, argv.end());
  try {
    if (sub == "init") return init(rest);
    if (sub == "add-user") return add_user(rest);
    if (sub == "passwd") return passwd(rest);
    if (sub == "users") return users(rest);
    if (sub == "verify") return verify(rest);
    if (sub == "backup") return backup(rest);
    if (sub == "restore") return restore(rest);
    if (sub == "settings") return settings(rest);
    if (sub == "stats") return store_stats_command(rest);
    if (sub == "purge") return store_purge_command(rest);
    if (sub == "retention") return store_retention_command(rest);
  } catch (const store::StoreError& e) {
    return report_store_error(e);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "waymark-cli: unexpected error: %s\n", e.what());
    return kIoError;
  }
  std::fprintf(stderr, "waymark-cli: unknown store subcommand '%s'\n%s", sub.c_str(), kStoreHelp);
  return kBadInput;
}

}  // namespace waymark::cli
