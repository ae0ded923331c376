#!/usr/bin/env python3
"""pgmdiff.py A.pgm B.pgm: how unlike two greyscale renderings (binary
PGM, P5, 8 bits) of one page are, printed as a percentage.

Renderers differ in anti-aliasing and may place a glyph a pixel apart,
so single pixels are not compared: both images are cut to their common
size and averaged over blocks of 8 x 8 pixels (at 50 dpi, 4 mm square).
A block differs when its mean grey differs by more than 10 % of black
against white.  Printed: the per cent of blocks that differ, and the
largest difference of a block.

Measured on the 2021 note at 50 dpi, poppler, mupdf and Ghostscript
(with anti-aliasing) differ in at most 0.5 % of the blocks, no block by
more than 17 %; page 1 against page 2 differ in 26 % of the blocks, and
page 1 with its chart left out in 8 %.  A part of a few square
centimetres drawn elsewhere or not at all (a chart, a paragraph, a
table, lines of another font's width) shows; one thin bar may not."""
import sys


def read_pgm(path):
    with open(path, "rb") as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b"P5" or int(fields[3]) != 255:
        sys.exit(f"{path}: not an 8-bit binary PGM")
    w, h = int(fields[1]), int(fields[2])
    pixels = data[pos + 1:pos + 1 + w * h]
    if len(pixels) != w * h:
        sys.exit(f"{path}: truncated")
    return w, h, pixels


def blocks(w, h, px, cw, ch, n=8):
    out = []
    for by in range(0, ch - ch % n, n):
        for bx in range(0, cw - cw % n, n):
            s = 0
            for y in range(by, by + n):
                row = y * w
                s += sum(px[row + bx:row + bx + n])
            out.append(s / (n * n))
    return out


def main():
    (aw, ah, a), (bw, bh, b) = read_pgm(sys.argv[1]), read_pgm(sys.argv[2])
    cw, ch = min(aw, bw), min(ah, bh)
    if abs(aw - bw) > 2 or abs(ah - bh) > 2:
        print(f"100.0 100 (sizes {aw}x{ah} and {bw}x{bh})")
        return
    ba, bb = blocks(aw, ah, a, cw, ch), blocks(bw, bh, b, cw, ch)
    diffs = [abs(x - y) / 255 * 100 for x, y in zip(ba, bb)]
    differ = sum(1 for d in diffs if d > 10) / len(diffs) * 100
    print(f"{differ:.1f} {max(diffs):.0f}")


main()
