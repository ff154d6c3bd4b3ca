#!/bin/sh
# The review desk from the command line (issue 11): return with a reason, the case's history, resubmit,
# approve, the supervisor's queue, list filters and pages, figures with small cells suppressed,
# retention and purge. Cases are made from golden vignettes under the UK pack.
# usage: review_cli_test.sh TEST_CLI UK_PACK GOLDEN_DIR
# TEST_CLI: waymark-cli-store-test (honours WAYMARK_TEST_FAST_KDF=1).
set -u
CLI=$1
PACK=$2
GOLDEN=$3
WORK=$(mktemp -d "${TMPDIR:-/tmp}/waymark-review-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export TMPDIR="$WORK/tmp"
mkdir -p "$TMPDIR"
export WAYMARK_TEST_FAST_KDF=1 WAYMARK_LOG_LEVEL=trace XDG_DATA_HOME="$WORK/xdg"
DB="$WORK/cases.db"
printf '%s\n' 'blue kettle under the stairs' >"$WORK/alice"
printf '%s\n' 'rita answers the phone at night' >"$WORK/rita"
printf '%s\n' 'sam keeps the spare keys safe' >"$WORK/sam"
printf '%s\n' 'nora reads every case with care' >"$WORK/nora"
# The return reason is case content: it must reach the case's history and nowhere else.
REASON="Zq8Reason$$ check the age answer against the passport"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
run() {  # run WANT DESCRIPTION USER [STDIN_FILE] -- waymark args...; output in $WORK/out, $WORK/err
  want=$1 what=$2 user=$3 input=$WORK/$3; shift 3
  if [ "$1" != "--" ]; then input=$1; shift; fi
  shift
  "$CLI" "$@" --db "$DB" --user "$user" --password-stdin <"$input" >"$WORK/out" 2>"$WORK/err"
  got=$?
  cat "$WORK/err" >>"$WORK/all-stderr.log"
  [ "$got" = "$want" ] || { fail "$what: exit $got, expected $want"; sed 's/^/  | /' "$WORK/err" | head -5; }
}
has() { grep -q -- "$2" "$WORK/$1" || { fail "expected '$2' in $1"; sed 's/^/  | /' "$WORK/$1" | head -20; }; }
hasnt() { grep -q -- "$2" "$WORK/$1" && { fail "'$2' must not be in $1"; sed 's/^/  | /' "$WORK/$1" | head -20; }; }
json() {  # json EXPRESSION: evaluates a Python expression over the JSON in $WORK/out as `j`
  python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($1)" "$WORK/out"
}
same() { [ "$2" = "$3" ] || fail "$1: got '$2', expected '$3'"; }

"$CLI" store init --db "$DB" --admin alice --password-stdin <"$WORK/alice" >/dev/null 2>&1 || fail "store init"
for u in rita:responder sam:responder nora:caseworker; do
  cat "$WORK/alice" "$WORK/${u%%:*}" >"$WORK/two"
  "$CLI" store add-user --db "$DB" --user alice --password-stdin --new-user "${u%%:*}" --role "${u#*:}" \
    <"$WORK/two" >/dev/null 2>&1 || fail "add-user $u"
done

# Nine assessed cases: rita's 1-8 (five refer, one none, one emergency, one assess), sam's 9 (none).
for v in v01 v02 v03 v04 v05 v06 s23 n08; do
  run 0 "case new $v" rita -- case new --pack "$PACK" --answers "$(ls "$GOLDEN"/${v}_*.json)"
done
run 0 "case new n03 (sam)" sam -- case new --pack "$PACK" --answers "$(ls "$GOLDEN"/n03_*.json)"
has out "created case 9"

# Return: a reason is required (exit 2, before any passphrase is read), blank is no reason.
run 0 "submit case 1" rita -- case submit 1 --to nora
run 2 "return without --reason" alice -- case return 1
has err "a reason is required (--reason TEXT or --reason-stdin)"
run 2 "return with a blank reason" alice -- case return 1 --reason "   "
run 2 "return with --note (a return takes --reason)" alice -- case return 1 --note "x"
has err "unknown option --note"
run 6 "return by a responder" rita -- case return 1 --reason "$REASON"
cat "$WORK/alice" >"$WORK/blank"; echo "  " >>"$WORK/blank"
run 2 "return with a blank reason on stdin" alice "$WORK/blank" -- case return 1 --reason-stdin
has err "a reason is required"
run 2 "reason given twice" alice -- case return 1 --reason "x" --reason-stdin
run 0 "return with a reason" alice -- case return 1 --reason "$REASON"
has out "case 1: return done"

# The owner sees it returned, with the reason, in the case's history (text and JSON).
run 0 "history as the owner" rita -- case history 1
has out "returned  by alice: $REASON"
has out "safety.immediate_danger = false"
has out "alice  case_returned"
run 0 "history --json" rita -- case history 1 --json
same "history reviews" "$(json '[(r["decision"], r["reviewer"], r["note"]) for r in j["reviews"]]')" \
  "[('returned', 'alice', '$REASON')]"
same "first answer has no previous value" "$(json 'j["answers"][0]["previous"]')" "None"
same "audit actions are names" "$(json '"case_returned" in [e["action"] for e in j["audit"]]')" "True"
run 6 "history of someone else's case" sam -- case history 1
run 2 "history of no such case" rita -- case history 99

# The queue is the supervisor's: a responder is refused (exit 6).
run 6 "queue as a responder" rita -- case list --queue
run 0 "list --mine (rita's drafts and returned)" rita -- case list --mine --json
same "rita's open cases" "$(json 'j["total"]')" "8"

# Resubmit; the supervisor's queue shows it; approve with a note.
run 0 "resubmit" rita -- case submit 1 --to nora
run 0 "submit case 2" rita -- case submit 2 --to nora
run 0 "queue" alice -- case list --queue
has out "cases 1-2 of 2 (page 1 of 1; longest waiting first)"
head -3 "$WORK/out" | tail -1 | grep -q "^1	" || fail "queue: case 1 (waiting longest) is not first"
cat "$WORK/alice" >"$WORK/note"; echo "clear and complete" >>"$WORK/note"
run 0 "approve with a note on stdin" alice "$WORK/note" -- case approve 1 --note-stdin
run 0 "history after approval" rita -- case history 1 --json
same "decisions" "$(json '[r["decision"] for r in j["reviews"]]')" "['returned', 'approved']"
same "approval note" "$(json 'j["reviews"][1]["note"]')" "clear and complete"
run 0 "caseworker's list" nora -- case list --submitted-to-me --json
same "submitted to nora" "$(json 'sorted(c["id"] for c in j["cases"])')" "[1, 2]"
same "assigned name in the summary" "$(json 'j["cases"][0]["assigned"]')" "nora"

# Close cases 1 and 2 (the ones a purge may take later).
run 0 "close 1" alice -- case close 1
run 0 "close 2" alice -- case close 2 --note "referred on"

# List filters: status, band, owner, reference prefix, days, pages.
run 0 "list --status closed" alice -- case list --status closed --json
same "closed cases" "$(json 'sorted(c["id"] for c in j["cases"])')" "[1, 2]"
same "closed total" "$(json 'j["total"]')" "2"
run 0 "list --band refer" alice -- case list --band refer --json
same "refer cases" "$(json 'sorted(c["id"] for c in j["cases"])')" "[1, 2, 3, 4, 5]"
run 0 "list --band emergency" alice -- case list --band emergency --json
same "emergency case" "$(json '[(c["id"], c["band"], c["child"]) for c in j["cases"]]')" "[(7, 'emergency', False)]"
run 0 "list --owner sam" alice -- case list --owner sam --json
same "sam's cases" "$(json '[c["id"] for c in j["cases"]]')" "[9]"
run 0 "list --owner (own name)" rita -- case list --owner rita --json
same "rita's cases" "$(json 'j["total"]')" "8"
run 6 "list --owner of another user as a responder" rita -- case list --owner sam
has err "only a supervisor can list another user's cases"
run 2 "list --owner of no account" alice -- case list --owner nobody
has err "no account has that name"
run 0 "find case 6's reference" alice -- case list --band none --owner rita --json
REF6=$(json 'j["cases"][0]["reference"]')
DAY=$(json 'j["cases"][0]["created"][:10]')
PREFIX=$(printf '%s' "$REF6" | cut -c1-7 | tr 'A-Z' 'a-z')  # "wm-abcd": lower case, first group
run 0 "list --ref prefix" alice -- case list --ref "$PREFIX" --json
same "reference prefix finds case 6" "$(json '6 in [c["id"] for c in j["cases"]]')" "True"
same "reference prefix matches only its own" "$(json 'all(c["reference"].startswith("'"$REF6"'"[:7]) for c in j["cases"])')" "True"
run 0 "list --ref whole" alice -- case list --ref "$REF6"
has out "cases 1-1 of 1"
run 0 "list by day (from and to the creation day)" alice -- case list --from "$DAY" --to "$DAY" --json
same "cases created that day" "$(json 'j["total"]')" "9"
NEXT=$(date -u -d "$DAY + 1 day" +%F)
run 0 "list from the next day" alice -- case list --from "$NEXT"
has out "no cases"
run 0 "page 2 of 4 per page" alice -- case list --per-page 4 --page 2
has out "cases 5-8 of 9 (page 2 of 3)"
[ "$(grep -c '^[0-9]' "$WORK/out")" = 4 ] || fail "page 2 does not hold 4 cases"
run 0 "last page" alice -- case list --per-page 4 --page 3 --json
same "last page" "$(json '(j["total"], j["pages"], len(j["cases"]))')" "(9, 3, 1)"
run 0 "past the last page" alice -- case list --per-page 4 --page 4
has out "no cases on page 4: 9 in all (3 pages of 4)"
run 2 "unknown status" alice -- case list --status pending
has err "--status: unknown status; give one of draft, submitted, returned, approved, closed"
run 2 "unknown band" alice -- case list --band high
has err "--band: unknown band; give one of emergency, refer, assess, none, unassessed"
run 2 "impossible date" alice -- case list --from 2026-02-30
has err "--from: not a date: give YYYY-MM-DD"
run 2 "date in another form" alice -- case list --to 1/3/2026
has err "--to: not a date"
run 2 "per-page out of range" alice -- case list --per-page 501
has err "--per-page: give a whole number from 1 to 500"
run 2 "two scopes" alice -- case list --queue --mine

# Figures: supervisors only; counts of 1 to 4 only as "<5".
run 6 "stats as a responder" rita -- store stats
run 0 "stats --csv" alice -- store stats --csv
has out "^dimension,key,count$"
has out "^all,cases,9$"
has out "^band,refer,5$"
has out "^band,none,<5$"
has out "^band,emergency,<5$"
hasnt out ",[1-4]$"
run 0 "stats (text)" alice -- store stats
has out "assessed cases: 9"
run 0 "stats for the next day" alice -- store stats --csv --from "$NEXT" --to "$NEXT"
has out "^all,cases,0$"

# Retention: off by default; a supervisor sets it.
run 0 "retention" rita -- store retention
has out "retention: off"
run 6 "retention set by a responder" rita -- store retention --days 30
run 2 "retention of 0 days" alice -- store retention --days 0
run 0 "retention set" alice -- store retention --days 30
has out "retention: 30 days"
run 0 "purge by retention (nothing closed 30 days ago)" alice -- store purge --by-retention --dry-run
has out "would delete 0 cases"
run 0 "retention off" alice -- store retention --off
has out "retention: off"
run 2 "purge by retention when off" alice -- store purge --by-retention --dry-run
has err "no retention period is set"

# Purge: the dry run lists exactly the closed cases and deletes nothing. Cases 1 and 2 hold the answers
# saved to them and four reviews (1: returned, approved, closed; 2: closed).
ANSWERS=0
for id in 1 2; do
  run 0 "show case $id" alice -- case show "$id" --json
  ANSWERS=$((ANSWERS + $(json 'j["answer_history"]')))
done
[ "$ANSWERS" -gt 20 ] || fail "cases 1 and 2 hold only $ANSWERS answers"
run 6 "purge as a responder" rita -- store purge --closed-before "$NEXT" --dry-run
run 2 "purge without a date" alice -- store purge --dry-run
run 0 "purge --dry-run" alice -- store purge --closed-before "$NEXT" --dry-run
[ "$(grep -c '	closed ' "$WORK/out")" = 2 ] || fail "the dry run does not list exactly 2 cases"
has out "^1	WM-.*	closed $DAY"
has out "^2	WM-.*	closed $DAY"
has out "would delete 2 cases, $ANSWERS answers, 4 reviews (dry run: nothing deleted)"
run 0 "nothing closed before the creation day" alice -- store purge --closed-before "$DAY" --dry-run
has out "would delete 0 cases"
run 0 "list after the dry run" alice -- case list --json
same "cases after the dry run" "$(json 'j["total"]')" "9"

# Not confirmed: the line after the passphrase is not "yes"; nothing deleted (exit 2).
cat "$WORK/alice" >"$WORK/no"; echo no >>"$WORK/no"
run 2 "purge not confirmed" alice "$WORK/no" -- store purge --closed-before "$NEXT"
has err "not confirmed"
run 2 "purge with no confirmation line" alice -- store purge --closed-before "$NEXT"
run 0 "list after refusals" alice -- case list --json
same "cases after refused purges" "$(json 'j["total"]')" "9"

# --yes deletes exactly the listed cases.
run 0 "purge --yes" alice -- store purge --closed-before "$NEXT" --yes
has out "deleted 2 cases, $ANSWERS answers, 4 reviews"
run 0 "list after the purge" alice -- case list --json
same "cases left" "$(json 'sorted(c["id"] for c in j["cases"])')" "[3, 4, 5, 6, 7, 8, 9]"
run 2 "a purged case is gone" alice -- case show 1

# Confirmed by typing yes on the line after the passphrase.
run 0 "close 3" alice -- case close 3
cat "$WORK/alice" >"$WORK/yes"; echo yes >>"$WORK/yes"
run 0 "purge confirmed on stdin" alice "$WORK/yes" -- store purge --closed-before "$NEXT"
has out "^3	WM-"
has out "deleted 1 case, "
has err "type yes"
run 0 "list after the second purge" alice -- case list --json
same "cases left after the second purge" "$(json 'sorted(c["id"] for c in j["cases"])')" "[4, 5, 6, 7, 8, 9]"
run 0 "verify after purges" alice -- store verify

# The reason never reaches standard error or the logs (trace level), nor any file but the store's.
grep -q "trace\|debug" "$WORK/all-stderr.log" || fail "no trace-level log lines were captured"
grep -q "Zq8Reason" "$WORK/all-stderr.log" && fail "the return reason is in standard error or the log"
hits=$(grep -rl "Zq8Reason" "$WORK" 2>/dev/null | grep -v "/out$")
[ -z "$hits" ] || fail "the return reason found in: $hits"

if [ "$failures" -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "review desk CLI: all checks passed"
