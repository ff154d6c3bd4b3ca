#!/usr/bin/env bash
# The command line as a user meets it: exit codes, stdout/stderr discipline, help on every command.
set -u
cli=$1 pack=$2 packs=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() {  # description, expected exit, actual exit
  if [ "$2" != "$3" ]; then echo "FAIL: $1: expected exit $2, got $3"; fail=1; else echo "ok: $1"; fi
}

for c in rules questions screen bench; do
  "$cli" $c --help >"$tmp/out" 2>&1; check "$c --help" 0 $?
  grep -q "usage: waymark-cli $c" "$tmp/out" || { echo "FAIL: $c --help text"; fail=1; }
done

echo '{"answers": {"no.such.question": true, "safety.immediate_danger": "CANARY-maybe"}}' >"$tmp/bad.json"
"$cli" screen --pack "$pack" --answers "$tmp/bad.json" >"$tmp/out" 2>"$tmp/err"; check "screen with invalid answers" 2 $?
[ -s "$tmp/out" ] && { echo "FAIL: invalid answers printed on stdout"; fail=1; }
grep -q "unknown question 'no.such.question'" "$tmp/err" || { echo "FAIL: unknown id not named"; cat "$tmp/err"; fail=1; }
grep -q "answer to 'safety.immediate_danger'" "$tmp/err" || { echo "FAIL: invalid value not named"; cat "$tmp/err"; fail=1; }
grep -q CANARY "$tmp/err" && { echo "FAIL: the answer's value was echoed"; fail=1; }

echo '{"answers": {}}' >"$tmp/empty.json"
"$cli" screen --pack "$pack" --answers "$tmp/empty.json" --format text >"$tmp/out" 2>&1; check "screen with no answers" 0 $?
"$cli" questions --pack "$pack" --answers "$tmp/empty.json" >"$tmp/q.json" 2>&1; check "questions" 0 $?
head -c 1 "$tmp/q.json" | grep -q '\[' || { echo "FAIL: questions is not a JSON list"; fail=1; }
"$cli" screen --pack "$pack" --answers "$tmp/missing.json" >/dev/null 2>&1; check "missing answers file" 3 $?
"$cli" screen --pack "$pack" >/dev/null 2>&1; check "missing --answers" 2 $?
"$cli" screen --pack "$pack" --answers "$tmp/empty.json" --format pdf >/dev/null 2>&1; check "bad --format" 2 $?
"$cli" rules check "$tmp/nope.yaml" >/dev/null 2>&1; check "rules check on a missing pack" 1 $?
"$cli" nonsense >/dev/null 2>&1; check "unknown command" 2 $?
"$cli" rules stats "$pack" --scenarios "$(dirname "$0")/../golden" >"$tmp/out" 2>&1; check "rules stats" 0 $?
grep -q "questions shown: median" "$tmp/out" || { echo "FAIL: rules stats has no scenario figures"; fail=1; }
# A copy of the UK pack with one mistake is refused whole, naming the file, line and column.
root=$(cd "$(dirname "$pack")/../.." && pwd)
for broken in duplicate syntax; do
  mkdir -p "$tmp/$broken/rules" && cp -r "$root/rules/uk" "$tmp/$broken/rules/" && cp -r "$root/data" "$tmp/$broken/"
done
sed -i '0,/  - id: safety.signs_seen/s//  - id: safety.immediate_danger/' "$tmp/duplicate/rules/uk/questions.yaml"
sed -i 's/^  - id: safety.signs_seen$/  - id: safety.signs_seen: [/' "$tmp/syntax/rules/uk/questions.yaml"
"$cli" rules check "$tmp/duplicate/rules/uk/pack.yaml" >"$tmp/out" 2>"$tmp/err"; check "UK pack with a duplicate id" 1 $?
grep -qE "questions.yaml:[0-9]+:[0-9]+: duplicate question id 'safety.immediate_danger'" "$tmp/err" || { echo "FAIL: duplicate id message"; cat "$tmp/err"; fail=1; }
"$cli" rules check "$tmp/syntax/rules/uk/pack.yaml" >"$tmp/out" 2>"$tmp/err"; check "UK pack with a YAML syntax error" 1 $?
grep -qE "questions.yaml:[0-9]+:[0-9]+: YAML syntax error" "$tmp/err" || { echo "FAIL: syntax error message"; cat "$tmp/err"; fail=1; }
[ -s "$tmp/out" ] && { echo "FAIL: a refused pack printed on stdout"; fail=1; }
exit $fail
