#!/bin/sh
# glyphs.sh STATUSNOTAT: text from a Mac (decomposed: "a" and a combining
# ring for "å") and invisible characters (zero width space, byte order
# mark, word joiner) build: the page and the PDF have the composed
# letters and no invisible ones.  A character the fonts lack is an
# error of check at its line and column, and build says the same: no
# temporary path, no U+FFFD that is not in the text.
set -u
bin=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
status=0
command -v python3 >/dev/null 2>&1 || { echo "glyphs: skipped: no python3"; exit 77; }

cp -R tests/golden/minimal/content "$tmp/c"
python3 - "$tmp/c" <<'PY'
import sys
d = sys.argv[1]
p = d + "/initiatives/kaffe.yaml"
s = open(p).read().replace("name: Kaffeklubben",
    'name: "Kaffeklubben p\u0061\u030a \u00c6bleg\u0061\u030ard\u200b"', 1)
open(p, "w").write(s)
open(d + "/reports/2022-kaffe/kaffe.md", "w").write(
    "\ufeffBydelsm\u00f8dre p\u0061\u030a g\u0061\u030arden i \u0041\u030arhus"
    " og p\u0061\u030a caf\u0065\u0301\u200b med fl\u00f8de\u2060.\n")
PY
"$bin" build -C "$tmp/c" -o "$tmp/out" >/dev/null 2>"$tmp/err"
rc=$?
page=$tmp/out/2022-kaffe/index.html
if [ "$rc" -ne 0 ]; then
	echo "glyphs: decomposed text: build exit $rc:"; head -n 5 "$tmp/err"
	status=1
else
	for w in "Bydelsmødre på gården i Århus" "Kaffeklubben på Æblegård" "café med fløde."; do
		if ! grep -q "$w" "$page"; then
			echo "glyphs: \"$w\" is not on the page, composed"
			status=1
		fi
	done
	if LC_ALL=C grep -q "$(printf '\342\200\213\|\357\273\277\|\342\201\240\|\314\212')" "$page"; then
		echo "glyphs: an invisible character or a combining ring is on the page"
		status=1
	fi
	if command -v pdftotext >/dev/null 2>&1; then
		pdftotext "$tmp/out/2022-kaffe/2022-kaffe.pdf" "$tmp/pdf.txt"
		if ! grep -q "Bydelsmødre på gården i Århus" "$tmp/pdf.txt"; then
			echo "glyphs: the PDF's text lacks \"Bydelsmødre på gården i Århus\""
			status=1
		fi
	fi
fi

# A zero width non-joiner (U+200C) and an emoji: errors at check, at
# their line and column, and build says the same.
printf 'Linje et.\nTo\342\200\214ord og en \360\237\230\200.\n' \
    >"$tmp/c/reports/2022-kaffe/kaffe.md"
for cmd in check build; do
	if [ $cmd = check ]; then
		"$bin" check -C "$tmp/c" >/dev/null 2>"$tmp/err"
	else
		"$bin" build -C "$tmp/c" -o "$tmp/out" >/dev/null 2>"$tmp/err"
	fi
	rc=$?
	if [ "$rc" -ne 1 ] ||
	    ! grep -q "kaffe.md:2:3: error: the character U+200C ZERO WIDTH NON-JOINER" "$tmp/err" ||
	    ! grep -q "kaffe.md:2:14: error: the character U+1F600" "$tmp/err" ||
	    grep -q "FFFD\|\.new-\|\.pdf" "$tmp/err"; then
		echo "glyphs: $cmd of a character the fonts lack: exit $rc:"
		cat "$tmp/err"
		status=1
	fi
done
[ -d "$tmp/out/2022-kaffe" ] || { echo "glyphs: the good output is gone"; status=1; }
[ "$status" -eq 0 ] && echo "glyphs: decomposed text composed, invisible characters gone, missing glyphs found by check"
exit $status
