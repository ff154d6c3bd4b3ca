#!/usr/bin/env bash
# usage: install_tree_test.sh BUILD_DIR SOURCE_DIR
# `cmake --install` into a temporary DESTDIR (no root needed): exactly the files of
# installed_files.txt (no test, benchmark or fuzz program), man pages that are valid gzip, and the
# installed waymark-cli finding the installed pack - not the sources' - with no --pack.
set -uo pipefail
build=$1 src=$2
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if [ "$2" = "$3" ]; then echo "ok: $1"; else echo "FAIL: $1 (expected $2, got $3)"; fail=1; fi; }

DESTDIR="$tmp/root" cmake --install "$build" --prefix /opt/waymark-test >"$tmp/install.log" 2>&1
check "cmake --install" 0 $?
prefix=$tmp/root/opt/waymark-test
(cd "$prefix" && find . \( -type f -o -type l \) | sed 's|^\./||' | LC_ALL=C sort) >"$tmp/files"
if diff -u "$here/installed_files.txt" "$tmp/files"; then echo "ok: installed files"; else echo "FAIL: installed files differ (above)"; fail=1; fi

for page in "$prefix"/share/man/man1/*.gz; do gzip -t "$page"; check "gzip -t $(basename "$page")" 0 $?; done
cmp -s "$src/rules/uk/pack.yaml" "$prefix/share/waymark/rules/uk/pack.yaml"; check "pack.yaml installed unchanged" 0 $?

cli=$prefix/bin/waymark-cli
pack=$prefix/share/waymark/rules/uk/pack.yaml
cd "$tmp"  # away from the sources: a relative path could not find them by accident
"$cli" rules check >"$tmp/out" 2>"$tmp/err"; check "rules check with no PACK" 0 $?
grep -q "^$pack: ok (" "$tmp/out"; check "rules check names the installed pack" 0 $?
"$cli" screen --answers "$src/data/demo/answers-v01.json" --format json >"$tmp/v01.json" 2>"$tmp/err"
check "screen V01 with no --pack" 0 $?
grep -q '"band": "refer"' "$tmp/v01.json"; check "V01 is banded refer" 0 $?
"$cli" questions --answers "$src/data/demo/answers-v01.json" >/dev/null 2>&1; check "questions with no --pack" 0 $?
"$cli" screen >/dev/null 2>"$tmp/err"; check "screen with no --answers" 2 $?
grep -q -- "--answers is required" "$tmp/err"; check "says --answers is required" 0 $?

# The app parses its options after QGuiApplication starts, so --help needs a platform (offscreen here).
QT_QPA_PLATFORM=offscreen "$prefix/bin/waymark" --help >"$tmp/out" 2>&1; check "waymark --help" 0 $?
grep -q "^usage: waymark" "$tmp/out"; check "waymark --help prints the usage" 0 $?

if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net --override=cid-desktopapp-is-not-rdns=info \
    "$prefix/share/metainfo/waymark.metainfo.xml" >"$tmp/out" 2>&1
  check "appstreamcli validate" 0 $?
fi
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$prefix/share/applications/waymark.desktop"; check "desktop-file-validate" 0 $?
fi
exit $fail
