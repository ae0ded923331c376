#!/bin/sh
# pdf-text.sh STATUSNOTAT: Danish letters and the punctuation of Danish
# memos survive into the PDF's text (pdftotext reads them back from the
# embedded subsets through our ToUnicode maps), with no poppler warning.
set -u
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
cp -R tests/golden/minimal/content "$tmp/content"
line='æ ø å Æ Ø Å ” » « – — … € § Ishøj Kommune 3. juni 2021'
printf '%s\n\n*%s* **%s** `%s`\n' "$line" "$line" "$line" "$line" \
    >"$tmp/content/reports/2022-kaffe/kaffe.md"
"$1" build -C "$tmp/content" -o "$tmp/out" 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
pdf="$tmp/out/2022-kaffe/2022-kaffe.pdf"
pdftotext -enc UTF-8 "$pdf" "$tmp/text" 2>"$tmp/warn"
status=0
if [ -s "$tmp/warn" ]; then
	echo "pdf-text: poppler warns:"; cat "$tmp/warn"; status=1
fi
# Lines may break anywhere: count in the text joined into one line.
n=$(tr '\n' ' ' <"$tmp/text" | tr -s ' ' | grep -o -F "$line" | wc -l)
# Regular, italic, bold and monospaced: four times.
if [ "$n" -ne 4 ]; then
	echo "pdf-text: the line is in the PDF's text $n times, not 4:"
	cat "$tmp/text"
	status=1
fi
fonts=$(pdffonts "$pdf" | tail -n +3 | wc -l)
[ "$fonts" -eq 4 ] || { echo "pdf-text: $fonts fonts, expected 4 faces"; pdffonts "$pdf"; status=1; }
exit $status
