#!/bin/sh
# engines-text.sh STATUSNOTAT: the text of the 2021 note's PDF as two
# engines independent of poppler read it, mupdf (`mutool draw -F txt`)
# and Ghostscript (`-sDEVICE=txtwrite`), holds every sentence of the
# source note in ../shared/seeds, word for word and in order (seed.pl,
# as seed.sh uses it with poppler).  Lines are taken as the engine gives
# them, indentation and the running footer taken out; a word broken at a
# line end is joined where the engine gives the soft hyphen (U+00AD) and
# the line end, and where it gives "-" and the line end the hyphen may be
# there or not.  An engine that is not installed is skipped with a word.
set -u
seed=${SHARED:-../shared}/seeds/000_fd87c5f27b43aab9.txt
if [ ! -f "$seed" ]; then
	echo "engines-text: skipped: $seed not found (../shared is absent)"
	exit 77
fi
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
sender="Center for Børn og Forebyggelse"
pdf="$tmp/out/2021-bydelsmoedre-baba/2021-bydelsmoedre-baba.pdf"
"$1" build -o "$tmp/out" || exit 1
status=0 ran=0
check() {	# check ENGINE TEXT-FILE
	sed 's/^[[:space:]]*//; s/[[:space:]]*$//' "$2" |
	    grep -v -x -e "$sender" -e 'Side [0-9]* af [0-9]*' |
	    perl -CSD -0pe 's/\x{AD}\n//g; s/(\p{L})-\n(?=\p{L})/$1\x{AD}/g' \
	    >"$2.joined"
	printf '%s: ' "$1"
	perl tests/site/seed.pl "$seed" "$2.joined" "$sender" || status=1
	ran=$((ran + 1))
}
if command -v mutool >/dev/null 2>&1; then
	# Debian's mutool says "ICC support is not available" for any file.
	if mutool draw -q -F txt -o "$tmp/mupdf.txt" "$pdf" 2>"$tmp/err"; then
		check mupdf "$tmp/mupdf.txt"
	else
		cat "$tmp/err"
		status=1
	fi
else
	echo "engines-text: mupdf skipped: mutool is not installed (Debian: mupdf-tools)"
fi
if command -v gs >/dev/null 2>&1; then
	if gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=txtwrite \
	    -sOutputFile="$tmp/gs.txt" "$pdf" >"$tmp/err" 2>&1 &&
	    [ ! -s "$tmp/err" ]; then
		check ghostscript "$tmp/gs.txt"
	else
		echo "engines-text: Ghostscript:"
		cat "$tmp/err"
		status=1
	fi
else
	echo "engines-text: Ghostscript skipped: gs is not installed (Debian: ghostscript)"
fi
if [ "$ran" -eq 0 ]; then
	echo "engines-text: skipped: neither mutool nor gs is installed"
	exit 77
fi
exit $status
