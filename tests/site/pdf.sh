#!/bin/sh
# pdf.sh STATUSNOTAT: the 2021 note's PDF is a sound file: qpdf finds no
# error, every font is an embedded subset with a ToUnicode map, poppler
# reads it without a warning, its dates are the note's own (no clock),
# and it stays small: at most 56 KB, tagged (PDF/UA) and archival
# (PDF/A-2b, with an ICC profile) as it is; typst's tagged PDF/UA of the
# same note, without a chart, is 51 KB.  (Untagged and without the chart
# it was 25 KB; the structure tree, one object per element in a writer
# without object streams, was 19 KB more; the timeline chart, its
# vectors, glyphs and the page it pushes the text onto, 7.6 KB more.)
set -u
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
"$1" build -o "$tmp/out" || exit 1
pdf="$tmp/out/2021-bydelsmoedre-baba/2021-bydelsmoedre-baba.pdf"
status=0
qpdf --check "$pdf" >"$tmp/qpdf" 2>&1 || { cat "$tmp/qpdf"; status=1; }
pdffonts "$pdf" >"$tmp/fonts" 2>&1 || status=1
# Rows after the two header lines: emb, sub and uni must all be "yes".
fonts=$(tail -n +3 "$tmp/fonts" | wc -l)
good=$(tail -n +3 "$tmp/fonts" | awk '$(NF-4) == "yes" && $(NF-3) == "yes" && $(NF-2) == "yes"' | wc -l)
if [ "$fonts" -eq 0 ] || [ "$fonts" -ne "$good" ]; then
	echo "pdf: fonts not all embedded subsets with ToUnicode:"
	cat "$tmp/fonts"
	status=1
fi
tail -n +3 "$tmp/fonts" | grep -q '+' || { echo "pdf: no subset tag"; status=1; }
pdftotext "$pdf" /dev/null 2>"$tmp/warn"
if [ -s "$tmp/warn" ]; then
	echo "pdf: poppler warns:"
	cat "$tmp/warn"
	status=1
fi
dates=$(pdfinfo "$pdf" | grep -e CreationDate -e ModDate | grep -v -c 'Thu Jun  3 00:00:00 2021')
if [ "$dates" -ne 0 ]; then
	echo "pdf: a date other than the note's own:"
	pdfinfo "$pdf" | grep Date
	status=1
fi
size=$(wc -c <"$pdf")
if [ "$size" -gt 57344 ]; then
	echo "pdf: $size bytes, more than 56 KB"
	status=1
fi
echo "pdf: $size bytes, $fonts embedded subset fonts, $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') pages"
exit $status
