#!/bin/sh
# pipeline.sh STATUSNOTAT: the program's pipeline and its tests keep
# their word.  dump draws the chart as build does: for the page the
# templates' pdf.yaml sets (-t).  A golden case without its expected
# files fails (it would pass unseen).  "make install PREFIX=DIR" gives a
# program that finds its templates under DIR, even after a plain make.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT; [ -n "${KEEP:-}" ] && trap - EXIT
fails=0
fail() { echo "pipeline: $*"; fails=$((fails + 1)); }

# dump -t: wider margins, a narrower chart.
cp -R templates "$tmp/narrow"
sed -i 's/^  margin_left: 25$/  margin_left: 60/' "$tmp/narrow/pdf.yaml"
grep -q 'margin_left: 60' "$tmp/narrow/pdf.yaml" || fail "pdf.yaml not changed by the test"
"$bin" dump >"$tmp/wide.dump" 2>"$tmp/err" || fail "dump: $(cat "$tmp/err")"
"$bin" dump -t "$tmp/narrow" >"$tmp/narrow.dump" 2>"$tmp/err" ||
	fail "dump -t: $(cat "$tmp/err")"
w=$(grep -m1 ' size .* x ' "$tmp/wide.dump" | sed 's/.* size \([0-9.]*\) x.*/\1/')
n=$(grep -m1 ' size .* x ' "$tmp/narrow.dump" | sed 's/.* size \([0-9.]*\) x.*/\1/')
[ -n "$w" ] && [ -n "$n" ] || fail "no chart size in the dump"
awk -v w="$w" -v n="$n" 'BEGIN { exit !(w - n > 90 && w - n < 110) }' ||
	fail "dump -t with 35 mm more margin: chart $n pt wide, was $w pt (expected about 99 pt less)"

# A golden case with no expectations fails.
mkdir -p "$tmp/case"
cp -R tests/golden/minimal/content "$tmp/case/"
sh tests/golden/golden.sh "$bin" "$tmp/case" check >/dev/null 2>"$tmp/err" &&
	fail "a golden case without expected/ passed"
grep -q 'expected/check.err is missing' "$tmp/err" ||
	fail "a golden case without expected/: $(cat "$tmp/err")"

# make install PREFIX=DIR after a plain build: the templates under DIR.
if [ -f Makefile ] && [ -d build/obj ] && command -v make >/dev/null 2>&1; then
	mkdir "$tmp/proj"
	cp -pR Makefile src templates docs scripts po "$tmp/proj/"
	mkdir -p "$tmp/proj/build"
	cp -pR build/obj build/hyph_da.c build/templatedir.h "$tmp/proj/build/" 2>/dev/null
	(cd "$tmp/proj" && make statusnotat PREFIX=/usr/local >/dev/null 2>&1 &&
	    make install PREFIX="$tmp/opt" >"$tmp/log" 2>&1) ||
		fail "make install PREFIX=...: $(tail -5 "$tmp/log")"
	"$tmp/opt/bin/statusnotat" --help 2>/dev/null | grep -qF "$tmp/opt/share/statusnotat/templates" ||
		fail "make install PREFIX=$tmp/opt: the program looks for its templates elsewhere: $("$tmp/opt/bin/statusnotat" --help 2>&1 | grep share)"
	(cd "$tmp" && cp -R "$OLDPWD/content" c && "$tmp/opt/bin/statusnotat" check -C c) 2>"$tmp/err" ||
		fail "the installed program, away from the project: $(cat "$tmp/err")"
else
	echo "pipeline: make install not tried: no build/obj here (run from the project after make)"
fi
[ "$fails" -eq 0 ] && echo "pipeline: dump -t, golden cases without expectations, make install PREFIX"
[ "$fails" -eq 0 ]
