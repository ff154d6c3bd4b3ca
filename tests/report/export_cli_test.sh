#!/bin/sh
# waymark-cli case export as a caseworker uses it: every variant and format to a file, the raw record,
# who may export, one audit event per export, and the bad paths (existing file, missing or unwritable
# folder, full disk), each a clear error with no file, partial or temporary, left behind.
# usage: export_cli_test.sh TEST_CLI PACK GOLDEN_DIR
# TEST_CLI: waymark-cli-store-test (the same commands, honouring WAYMARK_TEST_FAST_KDF=1 for speed).
set -u
CLI=$1
PACK=$2
GOLDEN=$3
WORK=$(mktemp -d "${TMPDIR:-/tmp}/waymark-export-cli-XXXXXX")
trap 'chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
export WAYMARK_TEST_FAST_KDF=1 XDG_DATA_HOME="$WORK/xdg" QT_QPA_PLATFORM=offscreen
DB="$WORK/cases.db"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect() {  # expect CODE DESCRIPTION -- command...; stdout/stderr in $WORK/out, $WORK/err
  want=$1; what=$2; shift 3
  "$@" >"$WORK/out" 2>"$WORK/err"
  got=$?
  [ "$got" = "$want" ] || { fail "$what: exit $got, expected $want"; sed 's/^/  | /' "$WORK/err" "$WORK/out"; }
}
has() { grep -q -- "$2" "$WORK/$1" || { fail "expected '$2' in $1"; sed 's/^/  | /' "$WORK/$1"; }; }
as() {  # as USER command args...: runs CLI with USER's passphrase on standard input
  user=$1; shift
  printf '%s\n' "$(cat "$WORK/pass.$user")" | "$CLI" "$@" --db "$DB" --user "$user" --password-stdin
}
audit_events() { as alice store verify | sed -n 's/.*cases, \([0-9]*\) audit events.*/\1/p'; }

printf 'blue kettle under the stairs\n' >"$WORK/pass.alice"
printf 'rita answers the phone at night\n' >"$WORK/pass.rita"
printf '%s\n' "$(cat "$WORK/pass.alice")" "$(cat "$WORK/pass.rita")" >"$WORK/two"
expect 0 "store init" -- sh -c "\"$CLI\" store init --db \"$DB\" --admin alice --password-stdin <\"$WORK/pass.alice\""
expect 0 "add-user rita" -- sh -c "\"$CLI\" store add-user --db \"$DB\" --user alice --password-stdin --new-user rita --role responder <\"$WORK/two\""
expect 0 "case new (V01)" -- as rita case new --pack "$PACK" --answers "$GOLDEN/v01_labour_hungarian_man.json"
has out "created case 1"
REF=$(sed -n 's/.*(\(WM-[A-Z0-9-]*\)).*/\1/p' "$WORK/out")
[ -n "$REF" ] || fail "no case reference in: $(cat "$WORK/out")"

# The owner is not the caseworker: export is refused (as the store decides), nothing written.
mkdir "$WORK/out.d"
expect 6 "responder exports own draft" -- as rita case export 1 --format pdf --variant full --pack "$PACK" --out "$WORK/out.d/x.pdf"
[ -z "$(ls -A "$WORK/out.d")" ] || fail "a refused export left a file: $(ls -A "$WORK/out.d")"

# The raw record stays available as --format record (the default).
expect 0 "record" -- as alice case export 1
has out '"answers": {'
has out "\"reference\": \"$REF\""
expect 0 "record to a file" -- as alice case export 1 --out "$WORK/record.json"
has out "exported case 1 as record to"
grep -q '"answers": {' "$WORK/record.json" || fail "record file has no answers"
[ "$(stat -c %a "$WORK/record.json")" = 600 ] || fail "record file is not owner-only"

# Every variant and format, to files named by reference and variant only.
for variant in full dtn handover; do
  for format in text md json pdf; do
    ext=$format; [ "$format" = text ] && ext=txt
    file="$WORK/out.d/$REF-$variant.$ext"
    expect 0 "export $variant $format" -- as alice case export 1 --format $format --variant $variant --pack "$PACK" --out "$file"
    has out "exported case 1 as $variant summary ($format) to"
    [ -s "$file" ] || fail "$file missing or empty"
    [ "$(stat -c %a "$file")" = 600 ] || fail "$file is not owner-only: $(stat -c %a "$file")"
  done
  pdftotext "$WORK/out.d/$REF-$variant.pdf" "$WORK/pdf.txt" || fail "pdftotext $variant"
  has pdf.txt "REFER: the signs meet the threshold for a referral"
  has pdf.txt "National Referral Mechanism (NRM) referral"
  has pdf.txt "The Salvation Army"
  has pdf.txt "OFFICIAL-SENSITIVE"
  has pdf.txt "Case $REF"
done
[ -z "$(ls -A "$WORK/out.d" | grep -v "^$REF-")" ] || fail "unexpected files: $(ls -A "$WORK/out.d")"

# One audit event per export, and no content in the trail (the store's verify counts the chain).
before=$(audit_events)
as alice case export 1 --format json --variant dtn --pack "$PACK" --out "$WORK/out.d/one-more.json" >/dev/null 2>&1
middle=$(audit_events)
as alice case list >/dev/null 2>&1
after=$(audit_events)
# Each run unlocks (one event) and then does one audited thing: the export's is case_exported, as a
# list's is cases_listed, so an export adds exactly what a list adds, and a refused one adds nothing.
[ $((middle - before)) -eq $((after - middle)) ] && [ $((middle - before)) -gt 0 ] ||
  fail "audit events: $before -> $middle (export) -> $after (list)"
# A refused export (the file exists, found before unlocking) leaves the trail as a bare verify does.
v1=$(audit_events)
v2=$(audit_events)
as alice case export 1 --format json --variant dtn --pack "$PACK" --out "$WORK/out.d/one-more.json" >/dev/null 2>&1
v3=$(audit_events)
[ $((v3 - v2)) -eq $((v2 - v1)) ] || fail "a refused export changed the audit trail: $v1 -> $v2 -> $v3"

# An existing file is never replaced without --force, and stays as it was.
cp "$WORK/out.d/$REF-dtn.txt" "$WORK/keep.txt"
expect 3 "existing file" -- as alice case export 1 --format text --variant dtn --pack "$PACK" --out "$WORK/out.d/$REF-dtn.txt"
has err "already exists"
cmp -s "$WORK/keep.txt" "$WORK/out.d/$REF-dtn.txt" || fail "the existing file changed"
expect 0 "existing file with --force" -- as alice case export 1 --format text --variant full --pack "$PACK" --out "$WORK/out.d/$REF-dtn.txt" --force
cmp -s "$WORK/keep.txt" "$WORK/out.d/$REF-dtn.txt" && fail "--force did not replace the file"

# A missing folder: named, before any unlock.
expect 3 "missing folder" -- as alice case export 1 --format pdf --variant dtn --pack "$PACK" --out "$WORK/nope/x.pdf"
has err "the folder '$WORK/nope' does not exist"

# Bad options: exit 2 with what is wrong.
expect 2 "no variant" -- as alice case export 1 --format pdf --pack "$PACK" --out "$WORK/out.d/y.pdf"
has err "variant"
expect 2 "bad format" -- as alice case export 1 --format docx --variant dtn --pack "$PACK" --out "$WORK/out.d/y.docx"
expect 2 "no --out for a summary" -- as alice case export 1 --format pdf --variant dtn --pack "$PACK"

# An unwritable folder (root ignores permission bits: a read-only mount then, when namespaces allow).
mkdir -p "$WORK/locked"
if [ "$(id -u)" != 0 ]; then
  chmod 500 "$WORK/locked"
  expect 3 "unwritable folder" -- as alice case export 1 --format pdf --variant dtn --pack "$PACK" --out "$WORK/locked/x.pdf"
  has err "cannot write in the folder"
elif unshare -rm true 2>/dev/null; then
  printf '%s\n' "$(cat "$WORK/pass.alice")" >"$WORK/in"
  expect 3 "unwritable folder" -- unshare -rm sh -c "mount --bind -o ro \"$WORK/locked\" \"$WORK/locked\" && mount -o remount,bind,ro \"$WORK/locked\" && \"$CLI\" case export 1 --format pdf --variant dtn --pack \"$PACK\" --out \"$WORK/locked/x.pdf\" --db \"$DB\" --user alice --password-stdin <\"$WORK/in\""
  has err "cannot write in the folder"
  # A full disk: a 16 KiB file system cannot hold the PDF.
  mkdir -p "$WORK/full"
  expect 3 "full disk" -- unshare -rm sh -c "mount -t tmpfs -o size=16k tmpfs \"$WORK/full\" && \"$CLI\" case export 1 --format pdf --variant full --pack \"$PACK\" --out \"$WORK/full/x.pdf\" --db \"$DB\" --user alice --password-stdin <\"$WORK/in\"; rc=\$?; ls -A \"$WORK/full\" >\"$WORK/full.ls\"; exit \$rc"
  has err "not enough space"
  [ -s "$WORK/full.ls" ] && fail "a full disk left files: $(cat "$WORK/full.ls")"
else
  echo "note: user namespaces not permitted here: unwritable folder and full disk are covered by export_file tests only"
fi
[ -z "$(ls -A "$WORK/locked")" ] || fail "an unwritable folder got a file"

if [ "$failures" -ne 0 ]; then echo "$failures failed"; exit 1; fi
echo "export CLI: all checks passed"
