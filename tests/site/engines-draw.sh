#!/bin/sh
# engines-draw.sh STATUSNOTAT: poppler (pdftoppm), mupdf (mutool draw)
# and Ghostscript draw the 2021 note's page 1, the page of its timeline
# chart and page 2 (tables) alike: at 50 dpi in grey, compared in blocks
# of 4 mm by tests/site/pgmdiff.py, at most 2 % of the blocks differ by
# more than 10 % grey.  Measured, the three differ in at most 0.5 % of
# the blocks (anti-aliasing, a glyph a pixel apart; Ghostscript is asked
# to anti-alias as the others do), while page 1 against page 2 differ in
# 26 % and page 1 without its chart in 8 %: what one engine leaves out
# or draws elsewhere fails, the others' smoothing does not.  The test
# fails as well when the measure cannot tell page 1 from page 2.  An
# engine that is not installed is skipped with a word; with fewer than
# two there is nothing to compare.
set -u
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
"$1" build -o "$tmp/out" || exit 1
pdf="$tmp/out/2021-bydelsmoedre-baba/2021-bydelsmoedre-baba.pdf"
engines=""
for e in pdftoppm:poppler-utils mutool:mupdf-tools gs:ghostscript; do
	if command -v "${e%%:*}" >/dev/null 2>&1; then
		engines="$engines ${e%%:*}"
	else
		echo "engines-draw: ${e%%:*} skipped: not installed (Debian: ${e#*:})"
	fi
done
set -- $engines
if [ $# -lt 2 ]; then
	echo "engines-draw: skipped: fewer than two of pdftoppm, mutool and gs"
	exit 77
fi
# The chart's page: the one whose text has the chart's caption.
chart=1
if command -v pdftotext >/dev/null 2>&1; then
	pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
	p=1
	while [ "$p" -le "$pages" ]; do
		if pdftotext -f "$p" -l "$p" "$pdf" - | grep -q '^Tidslinje for'; then
			chart=$p
			break
		fi
		p=$((p + 1))
	done
fi
status=0
draw() {	# draw ENGINE PAGE OUT.pgm
	case $1 in
	pdftoppm) pdftoppm -r 50 -gray -f "$2" -l "$2" -singlefile "$pdf" \
	    "${3%.pgm}" ;;
	mutool) mutool draw -q -r 50 -c gray -o "$3" "$pdf" "$2" 2>/dev/null ;;
	gs) gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pgmraw -r50 \
	    -dTextAlphaBits=4 -dGraphicsAlphaBits=4 -dFirstPage="$2" \
	    -dLastPage="$2" -sOutputFile="$3" "$pdf" ;;
	esac
}
for page in $(printf '%s\n' 1 "$chart" 2 | awk '!seen[$0]++'); do
	for e in "$@"; do
		draw "$e" "$page" "$tmp/$e-$page.pgm" ||
		    { echo "engines-draw: $e cannot draw page $page"; status=1; }
	done
	first=$1
	for e in "$@"; do
		[ "$e" = "$first" ] && continue
		[ -s "$tmp/$first-$page.pgm" ] && [ -s "$tmp/$e-$page.pgm" ] ||
		    continue
		set -- $(python3 tests/site/pgmdiff.py "$tmp/$first-$page.pgm" \
		    "$tmp/$e-$page.pgm") "$@"
		echo "engines-draw: page $page, $first against $e: $1 % of the blocks differ (the most: $2 %)"
		if awk -v d="$1" 'BEGIN { exit !(d > 2) }'; then
			status=1
		fi
		shift 2
	done
done
# The measure must see a different page.
if [ -s "$tmp/$1-1.pgm" ] && [ -s "$tmp/$1-2.pgm" ]; then
	d=$(python3 tests/site/pgmdiff.py "$tmp/$1-1.pgm" "$tmp/$1-2.pgm")
	echo "engines-draw: page 1 against page 2 ($1): ${d%% *} % of the blocks differ"
	if awk -v d="${d%% *}" 'BEGIN { exit !(d < 10) }'; then
		echo "engines-draw: the measure does not tell two pages apart"
		status=1
	fi
fi
exit $status
