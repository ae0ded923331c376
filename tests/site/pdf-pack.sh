#!/bin/sh
# pdf-pack.sh STATUSNOTAT: the 2021 note's PDF keeps its small objects
# (structure tree, annotations, dictionaries) in compressed object
# streams with a cross-reference stream (src/pdfpack.c): at most 36 KB.
# libharu alone wrote 52.9 KB, one uncompressed object each; qpdf
# --object-streams=generate --newline-before-endstream made 33.8 KB of
# that, and its size for this file is printed beside ours.  As PDF/A-2b
# asks: a header of PDF 1.5 or later with a binary comment line, an end
# of line after "stream" and before "endstream", no LZW; qpdf --check
# finds no error and no warning; every object that is not a stream is
# in an object stream; the /ID is there, the same twice, and the file
# is the same bytes when built again.
set -u
if ! command -v qpdf >/dev/null 2>&1; then
	echo "pdf-pack: skipped: qpdf is not installed (Debian: qpdf)"
	exit 77
fi
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
"$1" build -o "$tmp/out" && "$1" build -o "$tmp/again" || exit 1
pdf="$tmp/out/2021-bydelsmoedre-baba/2021-bydelsmoedre-baba.pdf"
status=0
# qpdf exits 2 on an error, 3 on a warning.
qpdf --check "$pdf" >"$tmp/check" 2>&1 || status=1
if [ "$status" -ne 0 ] || grep -q WARNING "$tmp/check"; then
	echo "pdf-pack: qpdf --check:"
	cat "$tmp/check"
	status=1
fi
cmp "$pdf" "$tmp/again/2021-bydelsmoedre-baba/2021-bydelsmoedre-baba.pdf" ||
    { echo "pdf-pack: a second build gave other bytes"; status=1; }
qpdf --show-xref "$pdf" >"$tmp/xref" 2>&1 || status=1
qpdf --json=2 --json-key=qpdf "$pdf" >"$tmp/json" 2>&1 || status=1
python3 - "$pdf" "$tmp/xref" "$tmp/json" <<'PY' || status=1
import json, re, sys
pdf = open(sys.argv[1], "rb").read()
bad = []
head = re.match(rb"%PDF-1\.(\d)\r?\n%([^\r\n]*)\r?\n", pdf)
if not head or int(head.group(1)) < 5:
    bad.append("the header is not %PDF-1.5 or later")
elif len(head.group(2)) < 4 or any(c < 128 for c in head.group(2)[:4]):
    bad.append("no binary comment line (4 bytes above 127) after the header")
if re.search(rb"stream(?!\r\n|\n)", pdf.replace(b"endstream", b"")):
    bad.append('"stream" not followed by an end of line')
if re.search(rb"[^\r\n]endstream", pdf):
    bad.append('"endstream" without an end of line before it')
if b"/LZWDecode" in pdf:
    bad.append("LZW compression, which PDF/A forbids")
if b"/Type /ObjStm" not in pdf or b"/Type /XRef" not in pdf:
    bad.append("no object stream or no cross-reference stream")
if re.search(rb"\nxref\r?\n", pdf) or b"\ntrailer" in pdf:
    bad.append("a cross-reference table or trailer is left")
ids = re.search(rb"/ID \[ <([0-9A-F]{32})> <([0-9A-F]{32})> \]", pdf)
if not ids or ids.group(1) != ids.group(2):
    bad.append("no /ID of two equal 16-byte strings")
# Every object that is not a stream is in an object stream.
loose = [int(m.group(1)) for m in
         re.finditer(r"^(\d+)/0: uncompressed", open(sys.argv[2]).read(), re.M)]
objs = json.load(open(sys.argv[3]))["qpdf"][1]
out = [n for n in loose if "stream" not in objs.get(f"obj:{n} 0 R", {})
       and f"obj:{n} 0 R" in objs]
if out:
    bad.append(f"objects outside object streams: {out[:10]}")
for b in bad:
    print("pdf-pack:", b)
sys.exit(1 if bad else 0)
PY
size=$(wc -c <"$pdf")
qpdf --object-streams=generate --newline-before-endstream "$pdf" \
    "$tmp/qpdf.pdf" 2>/dev/null
ref=$(wc -c <"$tmp/qpdf.pdf" 2>/dev/null || echo "?")
if [ "$size" -gt 36864 ]; then
	echo "pdf-pack: $size bytes, more than 36 KB"
	status=1
fi
echo "pdf-pack: $size bytes (qpdf's packing of it: $ref bytes)"
exit $status
