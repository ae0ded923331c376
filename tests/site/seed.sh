#!/bin/sh
# seed.sh STATUSNOTAT: the bundled 2021 note has every sentence of the
# source note in ../shared/seeds, word for word and in order: on its web
# page, and in the text of its PDF (read by pdftotext, with the running
# footer taken out: it stands between the pages' text).
set -u
seed=${SHARED:-../shared}/seeds/000_fd87c5f27b43aab9.txt
if [ ! -f "$seed" ]; then
	echo "seed: skipped: $seed not found (../shared is absent)"
	exit 77
fi
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
sender="Center for Børn og Forebyggelse"
note="$tmp/out/2021-bydelsmoedre-baba"
"$1" build -o "$tmp/out" || exit 1
perl tests/site/seed.pl "$seed" "$note/index.html" "$sender" || exit 1
# A line broken at a hyphenation point ends in a soft hyphen (U+00AD):
# the word is whole again without it.
pdftotext -enc UTF-8 "$note/2021-bydelsmoedre-baba.pdf" - |
    grep -v -x -e "$sender" -e 'Side [0-9]* af [0-9]*' |
    perl -CSD -0pe 's/\x{AD}\n//g' >"$tmp/pdf.txt"
perl tests/site/seed.pl "$seed" "$tmp/pdf.txt" "$sender"
