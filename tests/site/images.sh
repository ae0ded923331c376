#!/bin/sh
# images.sh STATUSNOTAT: what check accepts, build draws.  A JPEG named
# .png is an error at check that says to rename it; every PNG of
# $SHARED/corpus/png-accepted-refused (PNGs that check accepted and
# libharu refused with 0x1043) is refused by check or built, with the
# image in the PDF; transparent PNGs are compressed (ten 10-megapixel
# palette images made a 400 MB PDF), and a note may not show more than
# 100 megapixels of images in all.
set -u
bin=$1
SHARED=${SHARED:-../shared}
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
status=0
base=tests/golden/markdown/content
note=reports/2022-kaffe

fresh() {
	rm -rf "$tmp/c" "$tmp/out"
	cp -R "$base" "$tmp/c"
}
show() {	# show NAME...: the narrative shows each image
	for name in "$@"; do
		printf '![Billede %s](%s)\n\n' "$name" "$name"
	done >"$tmp/c/$note/kaffe.md"
}
build() {
	timeout 120 "$bin" build -C "$tmp/c" -o "$tmp/out" >/dev/null 2>"$tmp/err"
}
# The number of images (with their soft masks) in the note's PDF.
images() {
	pdfimages -list "$tmp/out/2022-kaffe/2022-kaffe.pdf" 2>/dev/null |
	    awk 'NR > 2 && $3 == "image"' | wc -l
}

# png W H COLOURTYPE TRNS FILE: a PNG of one colour per row band, and
# for a palette with TRNS a transparent half.
png() {
	python3 - "$@" <<'PY'
import struct, sys, zlib
w, h, ct, trns, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1", sys.argv[5]
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
z = zlib.compressobj(9)
data = b""
for y in range(h):
    if ct == 3:
        row = bytes([0]) + bytes([(y * 4) // h]) * w
    else:
        row = bytes([0]) + bytes([200, 30, 30, 255 if y < h // 2 else 0]) * w
    data += z.compress(row)
data += z.flush()
body = chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, ct, 0, 0, 0))
if ct == 3:
    body += chunk(b"PLTE", bytes([200, 30, 30, 30, 30, 200, 30, 160, 30, 0, 0, 0]))
    if trns:
        body += chunk(b"tRNS", bytes([255, 255, 0, 0]))
open(out, "wb").write(b"\x89PNG\r\n\x1a\n" + body + chunk(b"IDAT", data) + chunk(b"IEND", b""))
PY
}

# A JPEG named .png (and a PNG named .jpg): the name must say the kind.
fresh
python3 - "$tmp/c/$note/foto.png" <<'PY'
import struct, sys
seg = lambda m, d: struct.pack(">HH", m, len(d) + 2) + d
jpg = (b"\xff\xd8" + seg(0xffe0, b"JFIF\0\x01\x02\0\0\x48\0\x48\0\0") +
       seg(0xffdb, b"\0" + b"\x01" * 64) +
       seg(0xffc0, struct.pack(">BHHB", 8, 4, 8, 1) + b"\x01\x11\0") +
       seg(0xffc4, b"\0\x01" + b"\0" * 15 + b"\0") +
       seg(0xffda, b"\x01\x01\0\0\x3f\0") + b"\x12\x34\xff\xd9")
open(sys.argv[1], "wb").write(jpg)
PY
show foto.png
"$bin" check -C "$tmp/c" >/dev/null 2>"$tmp/err"
rc=$?
if [ "$rc" -ne 1 ] || ! grep -q "kaffe.md:1:1: error: image \"foto.png\" is a JPEG file.*rename it to end in .jpg" "$tmp/err"; then
	echo "images: JPEG named .png: exit $rc, messages:"; head -n 3 "$tmp/err"
	status=1
fi

# Transparent palette images: small PDFs, and a bound on the note.
fresh
png 4000 2500 3 1 "$tmp/c/$note/a.png"
cp "$tmp/c/$note/a.png" "$tmp/c/$note/b.png"
cp "$tmp/c/$note/a.png" "$tmp/c/$note/c.png"
show a.png b.png c.png
if ! build; then
	echo "images: three 10-megapixel palette PNGs: exit $?"; head -n 3 "$tmp/err"
	status=1
else
	size=$(wc -c <"$tmp/out/2022-kaffe/2022-kaffe.pdf")
	if [ "$size" -gt 1000000 ]; then
		echo "images: three 10-megapixel palette PNGs make a PDF of $size bytes"
		status=1
	fi
	n=$(images)
	[ "$n" -eq 4 ] || { echo "images: $n images in the PDF, want 4 (the logo and the three)"; status=1; }
fi
i=0
set --
while [ "$i" -le 10 ]; do
	cp "$tmp/c/$note/a.png" "$tmp/c/$note/p$i.png"
	set -- "$@" "p$i.png"
	i=$((i + 1))
done
show "$@"
build
rc=$?
if [ "$rc" -ne 1 ] || ! grep -q "kaffe.md:21:1: error: image \"p10.png\" (4000 × 2500 pixels) brings the note's images to more than 100 megapixels" "$tmp/err"; then
	echo "images: 110 megapixels in a note: exit $rc, messages:"; head -n 3 "$tmp/err"
	status=1
fi

# Every pixel and its alpha reach the PDF as they are (pdfimages gives
# them back as PPM files), the same bytes each build.
fresh
python3 - "$tmp/c/$note/g.png" "$tmp/want" <<'PY'
import struct, sys, zlib
w, h = 64, 48
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
px = [[(x * 4, y * 5, (x * y) % 256, (x + y) * 2 % 256) for x in range(w)] for y in range(h)]
raw = b"".join(b"\0" + b"".join(bytes(p) for p in row) for row in px)
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" +
    chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)) +
    chunk(b"gAMA", struct.pack(">I", 45455)) +
    chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
open(sys.argv[2] + ".ppm", "wb").write(b"P6\n%d %d\n255\n" % (w, h) +
    b"".join(bytes(p[:3]) for row in px for p in row))
open(sys.argv[2] + "-alpha.ppm", "wb").write(b"P6\n%d %d\n255\n" % (w, h) +
    b"".join(bytes(p[3:]) * 3 for row in px for p in row))
PY
show g.png
if ! build; then
	echo "images: RGBA gradient: build failed"; head -n 3 "$tmp/err"
	status=1
else
	pdfimages "$tmp/out/2022-kaffe/2022-kaffe.pdf" "$tmp/got"
	found=0
	for f in "$tmp"/got-*; do
		if cmp -s "$f" "$tmp/want.ppm" || cmp -s "$f" "$tmp/want-alpha.ppm"; then
			found=$((found + 1))
		fi
	done
	[ "$found" -eq 2 ] ||
	    { echo "images: RGBA gradient: $found of colour and alpha came out as they went in"; status=1; }
	"$bin" build -C "$tmp/c" -o "$tmp/again" 2>/dev/null
	cmp -s "$tmp/out/2022-kaffe/2022-kaffe.pdf" "$tmp/again/2022-kaffe/2022-kaffe.pdf" ||
	    { echo "images: RGBA gradient: two builds give different PDFs"; status=1; }
fi

# The PNGs that check accepted and build refused.
if [ ! -d "$SHARED/corpus/png-accepted-refused" ]; then
	echo "images: skipping the PNG corpus: no $SHARED/corpus/png-accepted-refused"
else
	for f in "$SHARED"/corpus/png-accepted-refused/*.png; do
		fresh
		cp "$f" "$tmp/c/$note/foto.png"
		show foto.png
		"$bin" check -C "$tmp/c" >/dev/null 2>"$tmp/err"
		rc=$?
		if [ "$rc" -eq 1 ] && grep -q "kaffe.md:1:1: error: image \"foto.png\": " "$tmp/err"; then
			continue	# refused at the narrative's line
		fi
		if [ "$rc" -ne 0 ]; then
			echo "images: ${f##*/}: check exit $rc"; head -n 3 "$tmp/err"
			status=1
		elif ! build; then
			echo "images: ${f##*/}: check accepts it, build fails:"; head -n 3 "$tmp/err"
			status=1
		elif [ "$(images)" -lt 1 ]; then
			echo "images: ${f##*/}: not in the PDF"
			status=1
		fi
	done
fi
exit $status
