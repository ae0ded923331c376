#!/bin/sh
# preflight.sh STATUSNOTAT: Apache PDFBox's Preflight (Debian's
# libpdfbox2-java, the one third-party PDF/A validator that installs
# here) finds no error in the 2021 note's PDF but those of rules that
# exist only in PDF/A-1: Preflight validates PDF/A-1b alone, and the
# note is PDF/A-2b.  Each finding left out is named below with its
# reason; anything else fails.  (PDF/A-1's rule that ICC profiles be of
# version 2 has no filter: Preflight 2.0.27 does not check it, and the
# sRGB profile the note uses is of version 2.3.)  Skipped, with a word, without Java or
# Preflight (.ci/run installs them: scripts/deps.sh engines).
set -u
j=/usr/share/java
cp="$j/preflight.jar:$j/pdfbox2.jar:$j/fontbox2.jar:$j/xmpbox.jar"
cp="$cp:$j/commons-logging.jar:$j/javax.activation.jar:$j/jaxb-api.jar"
if ! command -v java >/dev/null 2>&1; then
	echo "preflight: skipped: no Java runtime (Debian: default-jre-headless)"
	exit 77
fi
for f in $(echo "$cp" | tr ':' ' '); do
	if [ ! -f "$f" ]; then
		echo "preflight: skipped: $f is not installed (Debian: libpdfbox2-java, libactivation-java, libjaxb-api-java)"
		exit 77
	fi
done
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
"$1" build -o "$tmp/out" || exit 1
pdf="$tmp/out/2021-bydelsmoedre-baba/2021-bydelsmoedre-baba.pdf"
java -cp "$cp" org.apache.pdfbox.preflight.Validator_A1b "$pdf" \
    >"$tmp/report" 2>&1
# Its report: a first line naming the file, then "CODE : finding".
if ! head -n 1 "$tmp/report" | grep -q -e 'is a valid PDF/A-1b' \
    -e 'is not a valid PDF/A-1b'; then
	echo "preflight: Preflight did not run:"
	head -n 20 "$tmp/report"
	exit 1
fi
tail -n +2 "$tmp/report" | grep -v '^[[:space:]]*$' |
    # PDF/A-1 is PDF 1.4, which has no cross-reference streams; PDF/A-2
    # (ISO 19005-2, 6.1.4) allows them, and object streams.
    grep -v -e '^1\.4 : Trailer Syntax error, /XRef cross reference streams are not allowed$' |
    # pdfaid:part is 2 (PDF/A-2b); Preflight accepts only 1.
    grep -v -e '^7\.11\.2 : Error on MetaData, part must be 1$' |
    # PDF/A-1 requires a /CIDSet in a subset CID font's descriptor;
    # PDF/A-2 (6.2.11.4.2) does not.
    grep -v -e '^3\.1\.11 : Invalid Font definition, [A-Z]\{6\}+[A-Za-z-]*: The CIDSet entry is missing for the Composite Subset$' \
    >"$tmp/left"
if [ -s "$tmp/left" ]; then
	echo "preflight: findings beyond the PDF/A-1 rules:"
	cat "$tmp/left"
	exit 1
fi
echo "preflight: no finding beyond the PDF/A-1 rules ($(tail -n +2 "$tmp/report" | grep -c .) left out)"
