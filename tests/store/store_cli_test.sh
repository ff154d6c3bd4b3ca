#!/bin/sh
# waymark-cli store / case as an admin scripts them: exact command shapes, exit codes and messages,
# and the guards that must hold for the shipped binary (no libsqlite3, encrypted files, no canary).
# usage: store_cli_test.sh WAYMARK_CLI PACK [TEST_CLI]
# TEST_CLI: waymark-cli-store-test, the same store/case commands built with WAYMARK_TEST_HOOKS, the only
# build that honours WAYMARK_TEST_FAST_KDF=1. The shipped WAYMARK_CLI is checked to ignore it.
set -u
REAL_CLI=$1
PACK=$2
TEST_CLI=${3:-$1}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/waymark-cli-store-XXXXXX")
trap 'chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
export TMPDIR="$WORK/tmp"
mkdir -p "$TMPDIR"
export WAYMARK_TEST_FAST_KDF=1 WAYMARK_LOG_LEVEL=trace XDG_DATA_HOME="$WORK/xdg"
DB="$WORK/cases.db"
ADMIN_PASS='blue kettle under the stairs'
RITA_PASS='rita answers the phone at night'
CANARY="Zq8Canary$$ Philippa Vantongeren"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect() {  # expect CODE DESCRIPTION -- command...; stdout/stderr in $WORK/out, $WORK/err
  want=$1; what=$2; shift 3
  "$@" >"$WORK/out" 2>"$WORK/err"
  got=$?
  cat "$WORK/err" >>"$WORK/all-stderr.log"
  [ "$got" = "$want" ] || { fail "$what: exit $got, expected $want"; sed 's/^/  | /' "$WORK/err"; }
}
has() { grep -q -- "$2" "$WORK/$1" || { fail "expected '$2' in $1"; sed 's/^/  | /' "$WORK/$1"; }; }

# The shipped binary never loads plain SQLite.
CLI=$REAL_CLI
if ldd "$CLI" | grep -q 'libsqlite3'; then fail "waymark-cli links libsqlite3"; fi
ldd "$CLI" | grep -q 'libsqlcipher' || fail "waymark-cli does not link libsqlcipher"
if ldd "$TEST_CLI" | grep -q 'libsqlite3'; then fail "the test CLI links libsqlite3"; fi

# The shipped binary ignores WAYMARK_TEST_FAST_KDF: its keyslots use calibrated Argon2id (>= 64 MiB).
printf '%s\n' "$ADMIN_PASS" >"$WORK/in"
mkdir "$WORK/release"
expect 0 "release init with WAYMARK_TEST_FAST_KDF=1" -- sh -c "\"$CLI\" store init --db \"$WORK/release/cases.db\" --admin alice --password-stdin <\"$WORK/in\""
has err "WAYMARK_TEST_FAST_KDF is ignored"
tr ',' '\n' <"$WORK/release/cases.db.keys" | grep '"memlimit"' | tr -dc '0-9\n' >"$WORK/memlimits"
[ -s "$WORK/memlimits" ] || fail "no memlimit in the release keyslot file"
while read -r m; do [ "$m" -ge 67108864 ] || fail "release keyslot has memlimit $m (< 64 MiB)"; done <"$WORK/memlimits"
CLI=$TEST_CLI

expect 0 "store --help" -- "$CLI" store --help
has out "store init --db P --admin NAME --password-stdin"
expect 0 "case --help" -- "$CLI" case --help
has out "case new --db P --user NAME --password-stdin \\[--pack PACK\\] --answers FILE"

# init: short passphrase refused, then created; recovery code printed once.
printf 'too short\n' >"$WORK/in"
expect 2 "init with a short passphrase" -- sh -c "\"$CLI\" store init --db \"$DB\" --admin alice --password-stdin <\"$WORK/in\""
has err "at least 15 characters"
[ -e "$DB" ] && fail "a refused init left a file"
printf '%s\n' "$ADMIN_PASS" >"$WORK/in"
expect 0 "store init" -- sh -c "\"$CLI\" store init --db \"$DB\" --admin alice --password-stdin <\"$WORK/in\""
has out "recovery code"
RECOVERY=$(tail -n 1 "$WORK/out")
expect 2 "init over an existing store" -- sh -c "\"$CLI\" store init --db \"$DB\" --admin alice --password-stdin <\"$WORK/in\""
has err "already exists"
head -c 16 "$DB" | grep -q "SQLite format 3" && fail "plaintext header"
sqlite3 "$DB" 'SELECT count(*) FROM sqlite_master' >/dev/null 2>&1 && fail "sqlite3 CLI can read the store"

# The passphrase is never an argument.
expect 2 "no --password-stdin" -- "$CLI" store verify --db "$DB" --user alice
has err "password-stdin is required"

# add-user: line 1 the admin's passphrase, line 2 the new user's.
printf '%s\n%s\n' "$ADMIN_PASS" "$RITA_PASS" >"$WORK/in"
expect 0 "add-user" -- sh -c "\"$CLI\" store add-user --db \"$DB\" --user alice --password-stdin --new-user rita --role responder <\"$WORK/in\""
printf '%s\n%s\n' "$ADMIN_PASS" "$RITA_PASS" >"$WORK/in"
expect 2 "add-user with an unknown role" -- sh -c "\"$CLI\" store add-user --db \"$DB\" --user alice --password-stdin --new-user x --role boss <\"$WORK/in\""

# case new with a canary in free text; list and show as JSON.
cat >"$WORK/answers.json" <<JSON
{"answers": {"safety.danger": false, "about.age": 30, "story.moved": true, "story.control": ["debt", "documents"],
             "story.work": "labour", "story.notes": "$CANARY", "story.consent": true}}
JSON
printf '%s\n' "$RITA_PASS" >"$WORK/rita"
expect 0 "case new" -- sh -c "\"$CLI\" case new --db \"$DB\" --user rita --password-stdin --pack \"$PACK\" --answers \"$WORK/answers.json\" --json <\"$WORK/rita\""
has out '"id": 1'
expect 0 "case list --json" -- sh -c "\"$CLI\" case list --db \"$DB\" --user rita --password-stdin --json <\"$WORK/rita\""
has out '"id": 1'
has out '"status": "draft"'
expect 0 "case show --json" -- sh -c "\"$CLI\" case show 1 --db \"$DB\" --user rita --password-stdin --json <\"$WORK/rita\""
has out '"story.notes"'
has out '"assessment": {'
expect 0 "case show (text)" -- sh -c "\"$CLI\" case show 1 --db \"$DB\" --user rita --password-stdin <\"$WORK/rita\""
has out "answers (7; 7 saved in all)"
expect 2 "case show with no id" -- sh -c "\"$CLI\" case show --db \"$DB\" --user rita --password-stdin <\"$WORK/rita\""

# alice is admin + supervisor by default: she may read; a plain admin could not.
printf '%s\n' "$ADMIN_PASS" >"$WORK/in"
expect 0 "supervisor reads" -- sh -c "\"$CLI\" case show 1 --db \"$DB\" --user alice --password-stdin <\"$WORK/in\""

# Wrong passphrase, unknown user: exit 4, the same message.
printf 'not the right passphrase at all\n' >"$WORK/bad"
expect 4 "wrong passphrase" -- sh -c "\"$CLI\" case list --db \"$DB\" --user rita --password-stdin <\"$WORK/bad\""
has err "wrong user name or passphrase"
expect 4 "unknown user" -- sh -c "\"$CLI\" case list --db \"$DB\" --user nobody --password-stdin <\"$WORK/rita\""
has err "wrong user name or passphrase"

# verify, backup (encrypted, generations), restore.
printf '%s\n' "$ADMIN_PASS" >"$WORK/in"
expect 0 "store verify" -- sh -c "\"$CLI\" store verify --db \"$DB\" --user alice --password-stdin <\"$WORK/in\""
has out "ok: SQLCipher 3"
mkdir "$WORK/backups"
for i in 1 2; do
  expect 0 "store backup $i" -- sh -c "\"$CLI\" store backup --db \"$DB\" --user alice --password-stdin --to \"$WORK/backups/cases.bak\" <\"$WORK/in\""
done
[ -f "$WORK/backups/cases.bak" ] && [ -f "$WORK/backups/cases.bak.keys" ] && [ -f "$WORK/backups/cases.bak.1" ] || fail "backup generations missing"
sqlite3 "$WORK/backups/cases.bak" 'SELECT count(*) FROM sqlite_master' >/dev/null 2>&1 && fail "sqlite3 CLI can read the backup"
expect 0 "store restore" -- sh -c "\"$CLI\" store restore --db \"$DB\" --user alice --password-stdin --from \"$WORK/backups/cases.bak\" <\"$WORK/in\""
ls "$WORK" | grep -q 'cases.db.replaced-' || fail "restore did not keep the replaced file"
expect 0 "verify after restore" -- sh -c "\"$CLI\" store verify --db \"$DB\" --user alice --password-stdin <\"$WORK/in\""

# Upkeep needs admin or supervisor (exit 6, nothing written); settings: self-approval off by default.
expect 6 "verify as a responder" -- sh -c "\"$CLI\" store verify --db \"$DB\" --user rita --password-stdin <\"$WORK/rita\""
has err "not allowed"
expect 6 "backup as a responder" -- sh -c "\"$CLI\" store backup --db \"$DB\" --user rita --password-stdin --to \"$WORK/backups/cases.bak\" <\"$WORK/rita\""
[ -e "$WORK/backups/cases.bak.2" ] && fail "a responder's backup rotated the generations"
expect 0 "settings" -- sh -c "\"$CLI\" store settings --db \"$DB\" --user alice --password-stdin <\"$WORK/in\""
has out "self-approval: off"
expect 2 "settings with a bad value" -- sh -c "\"$CLI\" store settings --db \"$DB\" --user alice --password-stdin --self-approval maybe <\"$WORK/in\""
expect 6 "settings changed by a responder" -- sh -c "\"$CLI\" store settings --db \"$DB\" --user rita --password-stdin --self-approval on <\"$WORK/rita\""
expect 0 "self-approval on" -- sh -c "\"$CLI\" store settings --db \"$DB\" --user alice --password-stdin --self-approval on <\"$WORK/in\""
has out "self-approval: on"
expect 0 "self-approval off" -- sh -c "\"$CLI\" store settings --db \"$DB\" --user alice --password-stdin --self-approval off <\"$WORK/in\""
has out "self-approval: off"

# passwd: line 1 current, line 2 new; with --recovery line 1 is the recovery code.
printf '%s\n%s\n' "$RITA_PASS" 'rita has a new passphrase now' >"$WORK/pw"
expect 0 "passwd" -- sh -c "\"$CLI\" store passwd --db \"$DB\" --user rita --password-stdin <\"$WORK/pw\""
expect 4 "old passphrase after passwd" -- sh -c "\"$CLI\" case list --db \"$DB\" --user rita --password-stdin <\"$WORK/rita\""
printf '%s\n%s\n' "$RECOVERY" "$RITA_PASS" >"$WORK/pw"
expect 0 "passwd --recovery" -- sh -c "\"$CLI\" store passwd --db \"$DB\" --user rita --password-stdin --recovery <\"$WORK/pw\""
expect 0 "passphrase set with the recovery code" -- sh -c "\"$CLI\" case list --db \"$DB\" --user rita --password-stdin <\"$WORK/rita\""

# Missing file: exit 3, specific message, nothing created.
expect 3 "missing store" -- sh -c "\"$CLI\" case list --db \"$WORK/nothere.db\" --user rita --password-stdin <\"$WORK/rita\""
has err "no case store at"
[ -e "$WORK/nothere.db" ] && fail "a missing store was created"

# Damaged file: exit 5, "file damaged or altered: restore from backup", file kept as it is.
cp "$DB" "$WORK/damaged.db"; cp "$DB.keys" "$WORK/damaged.db.keys"
printf 'X' | dd of="$WORK/damaged.db" bs=1 seek=5000 conv=notrunc 2>/dev/null
SUM=$(cksum <"$WORK/damaged.db")
expect 5 "damaged store" -- sh -c "\"$CLI\" store verify --db \"$WORK/damaged.db\" --user alice --password-stdin <\"$WORK/in\""
has err "file damaged or altered: restore from backup"
[ "$(cksum <"$WORK/damaged.db")" = "$SUM" ] || fail "the damaged file was changed"

# An empty or few-byte database is damage: exit 5, never recreated, not a byte written.
for size in 0 5; do
  cp "$DB" "$WORK/tiny.db"; cp "$DB.keys" "$WORK/tiny.db.keys"
  truncate -s "$size" "$WORK/tiny.db"
  expect 5 "a $size-byte store" -- sh -c "\"$CLI\" store verify --db \"$WORK/tiny.db\" --user alice --password-stdin <\"$WORK/in\""
  has err "file damaged or altered"
  [ "$(stat -c %s "$WORK/tiny.db")" = "$size" ] || fail "the $size-byte store was written to"
  [ -e "$WORK/tiny.db-wal" ] && fail "opening a $size-byte store created a WAL"
done

# A backup target that is the live store however spelled: refused (exit 2), the store unchanged.
INODE=$(stat -c %i "$DB")
for keep in 1 3; do
  expect 2 "backup over ./cases.db (keep $keep)" -- sh -c "cd \"$WORK\" && \"$CLI\" store backup --db cases.db --user alice --password-stdin --to ./cases.db --keep $keep <\"$WORK/in\""
  has err "cannot be written over the case store itself"
  expect 2 "backup over ../ spelling (keep $keep)" -- sh -c "\"$CLI\" store backup --db \"$DB\" --user alice --password-stdin --to \"$WORK/tmp/../cases.db\" --keep $keep <\"$WORK/in\""
done
[ "$(stat -c %i "$DB")" = "$INODE" ] || fail "a refused backup replaced the store"
[ -e "$DB.1" ] && fail "a refused backup renamed the store"
expect 0 "verify after refused backups" -- sh -c "\"$CLI\" store verify --db \"$DB\" --user alice --password-stdin <\"$WORK/in\""

# init into a missing folder names the folder.
expect 3 "init into a missing folder" -- sh -c "\"$CLI\" store init --db \"$WORK/no/such/cases.db\" --admin alice --password-stdin <\"$WORK/in\""
has err "the folder $WORK/no/such does not exist"

# The default --db path under XDG_DATA_HOME.
printf '%s\n' "$ADMIN_PASS" >"$WORK/in"
expect 0 "init at the default path" -- sh -c "\"$CLI\" store init --admin alice --password-stdin <\"$WORK/in\""
[ -f "$WORK/xdg/waymark/cases.db" ] || fail "default path is not \$XDG_DATA_HOME/waymark/cases.db"

# The canary: nowhere in the store's files, backups, temp folder, or the trace-level logs.
hits=$(grep -rl "Philippa" "$WORK" 2>/dev/null | grep -v "answers.json" | grep -v "/out$")
[ -z "$hits" ] || fail "canary found in: $hits"
grep -q "trace\|debug" "$WORK/all-stderr.log" || fail "no trace-level log lines were captured"
grep -q "Philippa" "$WORK/all-stderr.log" && fail "canary in the log"

if [ "$failures" -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "store CLI: all checks passed"
