#!/bin/sh
# pdfjs.sh STATUSNOTAT: the 2021 note's PDF as Firefox's viewer reads it
# (pdf.js, npm pdfjs-dist, run by Node: tests/browser/pdfjs.mjs): its
# text holds every sentence of the source note in ../shared/seeds, its
# find (Ctrl+F) finds words hyphenated at a line end, and its structure
# tree has the tables' row headers in TBody and the Figure placed, with
# its alt text.  Skipped, with a message, where Node, tests/browser's npm
# packages or ../shared are missing; .ci/run installs them.
set -u
here=$(cd "$(dirname "$0")/../browser" && pwd)
seed=${SHARED:-../shared}/seeds/000_fd87c5f27b43aab9.txt
if [ ! -f "$seed" ]; then
	echo "pdfjs: skipped: $seed not found (../shared is absent)"
	exit 77
fi
if ! command -v node >/dev/null 2>&1; then
	echo "pdfjs: skipped: needs node (apt-get install nodejs npm)"
	exit 77
fi
if [ ! -d "$here/node_modules/pdfjs-dist" ]; then
	echo "pdfjs: skipped: pdfjs-dist is not installed" \
	    "(npm ci --prefix tests/browser)"
	exit 77
fi
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
note="$tmp/out/2021-bydelsmoedre-baba"
"$1" build -o "$tmp/out" || exit 1
# Words the 2021 note breaks at a line end, at a hyphenation point, to
# be found as often as its web page has them.
words=""
for w in varetage Rekrutteringen forventningen; do
	words="$words $w=$(grep -o -i "$w" "$note/index.html" | wc -l)"
done
# shellcheck disable=SC2086
node "$here/pdfjs.mjs" "$note/2021-bydelsmoedre-baba.pdf" "$seed" \
    "Center for Børn og Forebyggelse" $words
