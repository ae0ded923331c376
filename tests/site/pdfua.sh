#!/bin/sh
# pdfua.sh STATUSNOTAT: the checks of tests/site/pdfua.py (tagged PDF,
# PDF/UA-1 and PDF/A-2b as far as a machine can see them) on the 2021
# note and on a note made of the CommonMark spec's examples.
set -u
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
status=0
"$1" build -o "$tmp/out" || exit 1
"$1" dump >"$tmp/dump"
python3 tests/site/pdfua.py "$tmp/out/2021-bydelsmoedre-baba/2021-bydelsmoedre-baba.pdf" \
    "$tmp/dump" 2021-bydelsmoedre-baba || status=1

spec=${SHARED:-../shared}/spec/commonmark/spec.txt
if [ ! -f "$spec" ]; then
	echo "pdfua: the CommonMark note skipped: $spec not found"
	exit $status
fi
# Characters no font has: leave those examples out (the error names at
# most eight a time), and say so.
missing=""
tries=0
while :; do
	rm -rf "$tmp/spec" "$tmp/specout"
	# shellcheck disable=SC2086
	python3 tests/site/spec_note.py "$spec" tests/golden/minimal/content \
	    "$tmp/spec" $missing >/dev/null || exit 1
	"$1" build -C "$tmp/spec" -o "$tmp/specout" 2>"$tmp/err" && break
	more=$(grep -o 'U+[0-9A-F]*' "$tmp/err" | sort -u | tr '\n' ' ')
	tries=$((tries + 1))
	if [ -z "$more" ] || [ "$tries" -gt 10 ]; then
		grep -v warning "$tmp/err"
		exit 1
	fi
	missing="$missing $more"
done
python3 tests/site/spec_note.py "$spec" tests/golden/minimal/content \
    "$tmp/spec2" $missing
[ -n "$missing" ] && echo "pdfua: left out the examples with$missing (no glyph in the fonts)"
"$1" dump -C "$tmp/spec" >"$tmp/specdump" 2>/dev/null
python3 tests/site/pdfua.py "$tmp/specout/2030-commonmark/2030-commonmark.pdf" \
    "$tmp/specdump" 2030-commonmark || status=1
exit $status
