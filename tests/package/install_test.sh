#!/usr/bin/env bash
# usage: tests/package/install_test.sh --throwaway-system
# The Debian packages as a user meets them, on a fresh Debian 12 (run it through
# ../shared/tools/fresh-debian-check, from the project root):
#   ../shared/tools/fresh-debian-check bash tests/package/install_test.sh --throwaway-system
# It builds the .debs (scripts/package), then PURGES every package installed since it started (the
# compilers, -dev packages and libraries the build pulled in), so that the .debs are installed on a
# system as bare as it was, and only their declared dependencies make them work. Then it installs them
# with apt-get and checks: the installed CLI screens V01 with no --pack, the installed pack passes
# `rules check`, a store and a case are made in the XDG data folder by default, `waymark --help`
# runs, and the app draws its first frame offscreen (every QML module it imports is there).
# Because it removes packages, it refuses to run without --throwaway-system, and needs root.
set -euo pipefail
[ "${1:-}" = --throwaway-system ] || {
  echo "install_test.sh: this purges packages; run it on a throwaway system with --throwaway-system" >&2
  exit 2
}
[ "$(id -u)" = 0 ] || { echo "install_test.sh: needs root (it installs packages)" >&2; exit 2; }
cd "$(dirname "$0")/../.."
src=$(pwd)
work=$(mktemp -d)
export DEBIAN_FRONTEND=noninteractive

installed() { dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' | awk '$1 == "ii" {print $2}' | LC_ALL=C sort; }
installed >"$work/before"

echo "== building the packages"
scripts/package "$work/debs"

echo "== removing what the build installed"
installed >"$work/after-build"
LC_ALL=C comm -13 "$work/before" "$work/after-build" >"$work/added"
echo "$(wc -l <"$work/added") packages to remove"
# shellcheck disable=SC2046
apt-get purge -y -qq $(cat "$work/added") >/dev/null
apt-get autoremove -y -qq --purge >/dev/null
for gone in libqt6core6 qml6-module-qtquick libsqlcipher0 g++; do
  if dpkg-query -W -f='${db:Status-Abbrev}' "$gone" 2>/dev/null | grep -q '^ii'; then
    echo "FAIL: $gone is still installed; the install would not prove the dependencies" >&2
    exit 1
  fi
done

echo "== installing the packages with apt-get"
apt-get install -y -qq --no-install-recommends "$work"/debs/*.deb >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; exit 1; }
for deb in "$work"/debs/*.deb; do
  echo "-- $(basename "$deb"): $(dpkg-deb -f "$deb" Depends)"
  dpkg-deb -c "$deb" | awk '{print "   " $6}' | grep -v '/$'
done

fail=0
check() { if [ "$2" = "$3" ]; then echo "ok: $1"; else echo "FAIL: $1 (expected $2, got $3)"; fail=1; fi; }

echo "== checks"
set +e
pack=/usr/share/waymark/rules/uk/pack.yaml
[ "$(command -v waymark-cli)" = /usr/bin/waymark-cli ]; check "waymark-cli on the PATH" 0 $?
[ -f /usr/share/waymark/data/organisations.yaml ]; check "organisation directory installed" 0 $?
if dpkg -L waymark waymark-cli | grep -Ei '/(tests?|fuzz|bench)|_test|waymark_' ; then
  echo "FAIL: a test, fuzz or benchmark file is installed (above)"; fail=1
else echo "ok: no test files installed"; fi

user=$work/home
mkdir -p "$user"
cd "$user"  # not in the sources: nothing relative can find them
waymark-cli rules check "$pack" >"$work/out" 2>&1; check "rules check $pack" 0 $?; cat "$work/out"
waymark-cli rules check >"$work/out" 2>&1; check "rules check (no PACK)" 0 $?
grep -q "^$pack: ok (" "$work/out"; check "rules check uses $pack" 0 $?
waymark-cli screen --answers "$src/data/demo/answers-v01.json" --format text >"$work/v01.txt" 2>&1
check "screen V01 (no --pack)" 0 $?
head -4 "$work/v01.txt"
grep -q "^REFER" "$work/v01.txt"; check "V01 says REFER" 0 $?
waymark-cli screen --answers "$src/data/demo/answers-v01.json" >"$work/v01.json" 2>&1
grep -q '"band": "refer"' "$work/v01.json"; check "V01 JSON band refer" 0 $?

# The store in the XDG data folder by default (~/.local/share/waymark/cases.db).
printf 'calm river lantern orchard\n' | HOME=$user waymark-cli store init --admin sam --password-stdin \
  --roles admin,supervisor,responder >"$work/out" 2>&1
check "store init (default --db)" 0 $?
[ -f "$user/.local/share/waymark/cases.db" ] && [ -f "$user/.local/share/waymark/cases.db.keys" ]
check "store made in ~/.local/share/waymark" 0 $?
printf 'calm river lantern orchard\n' | HOME=$user waymark-cli case new --user sam --password-stdin \
  --answers "$src/data/demo/answers-v01.json" >"$work/out" 2>&1
check "case new V01 (no --pack, default --db)" 0 $?
cat "$work/out"

QT_QPA_PLATFORM=offscreen waymark --help >"$work/out" 2>&1; check "waymark --help" 0 $?
grep -q "^usage: waymark" "$work/out"; check "waymark --help prints the usage" 0 $?
# The app starts on the store above and draws a frame: its QML imports all resolve.
HOME=$user QT_QPA_PLATFORM=offscreen QT_QUICK_BACKEND=software timeout 120 waymark --measure-startup >"$work/out" 2>&1
check "waymark draws its first frame offscreen" 0 $?
grep -q "^first-frame" "$work/out" || { cat "$work/out"; echo "FAIL: no first-frame"; fail=1; }

rm -rf "$work"
if [ $fail = 0 ]; then echo "install_test: all checks passed"; else echo "install_test: FAILED"; fi
exit $fail
