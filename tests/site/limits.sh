#!/bin/sh
# limits.sh STATUSNOTAT: every bound on the input is a clear error at its
# file (exit 1), never a crash, a hang or a changed output/: a YAML file
# over 1 MiB, a value over 16 KiB, more than 1000 initiatives or events,
# a narrative over 1 MiB, an image over 20 MB and one that claims 100000
# by 100000 pixels.  Markdown nested 20000 deep (quotes, emphasis,
# links; 500 for lists) builds.  The inputs are made here: too big to
# keep in the repository.
set -u
bin=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
status=0
base=tests/golden/minimal/content

fresh() {	# a copy of the minimal fixture in $tmp/c
	rm -rf "$tmp/c"
	cp -R "$base" "$tmp/c"
}
expect() {	# expect WHAT WANT-EXIT GREP: check the content, then build
	what=$1 want=$2 pattern=$3
	"$bin" build -C "$tmp/c" -o "$tmp/out" >/dev/null 2>"$tmp/err"
	rc=$?
	if [ "$rc" -ne "$want" ] || ! grep -q -- "$pattern" "$tmp/err"; then
		echo "limits: $what: exit $rc (want $want), messages:"
		head -n 5 "$tmp/err"
		status=1
	fi
}

# A YAML file over 1 MiB.
fresh
{ cat "$base/initiatives/kaffe.yaml"; head -c 1100000 /dev/zero | tr '\0' '#'; } \
    >"$tmp/c/initiatives/kaffe.yaml"
expect "1 MiB YAML file" 1 "kaffe.yaml: error: file is too large"

# A value over 16 KiB.
fresh
printf 'name: %s\nowner: adm\n' "$(head -c 20000 /dev/zero | tr '\0' x)" \
    >"$tmp/c/initiatives/kaffe.yaml"
expect "16 KiB value" 1 "kaffe.yaml:1:7: error: .*too long"

# More than 1000 initiatives.
fresh
i=0
while [ "$i" -le 1000 ]; do
	printf 'name: I%d\nowner: adm\n' "$i" >"$tmp/c/initiatives/i$i.yaml"
	i=$((i + 1))
done
expect "1001 initiatives" 1 "1002 initiatives, at most 1000"

# More than 1000 events in a note.
fresh
{ cat "$base/reports/2022-kaffe/report.yaml"; echo "events:"
  i=0
  while [ "$i" -le 1000 ]; do
	printf '  - { id: e%d, label: E, date: 1. maj 2022 }\n' "$i"
	i=$((i + 1))
  done; } >"$tmp/c/reports/2022-kaffe/report.yaml"
expect "1001 events" 1 "report.yaml:.*error: \"events\" has 1001 items, at most 1000"

# A narrative over 1 MiB.
fresh
head -c 1100000 /dev/zero | tr '\0' a >"$tmp/c/reports/2022-kaffe/kaffe.md"
expect "1 MiB narrative" 1 "kaffe.md: error: file is too large"

# An image over 20 MB, and one claiming 100000 x 100000 pixels.
fresh
printf '![Et billede](stor.png)\n' >"$tmp/c/reports/2022-kaffe/kaffe.md"
head -c 21000000 /dev/zero >"$tmp/c/reports/2022-kaffe/stor.png"
expect "21 MB image" 1 "stor.png: error: file is too large"
python3 - "$tmp/c/reports/2022-kaffe/stor.png" <<'PY'
import struct, sys, zlib
def chunk(t, d):
    return (struct.pack(">I", len(d)) + t + d +
            struct.pack(">I", zlib.crc32(t + d) & 0xffffffff))
open(sys.argv[1], "wb").write(
    b"\x89PNG\r\n\x1a\n" +
    chunk(b"IHDR", struct.pack(">IIBBBBB", 100000, 100000, 8, 2, 0, 0, 0)) +
    chunk(b"IDAT", zlib.compress(b"\0" * 100)) + chunk(b"IEND", b""))
PY
expect "100000 x 100000 image" 1 "megapixels\|pixels on a side"

# Markdown nested 20000 deep (500 for lists): flattened, built, no
# stack overflow.
fresh
python3 - "$tmp/c/reports/2022-kaffe/kaffe.md" <<'PY'
import sys
n = 20000
s = "> " * n + "dybt citat\n\n"
s += "".join("  " * i + "- punkt\n" for i in range(500)) + "\n"
s += "*" * n + "fremhævet" + "*" * n + "\n\n" + "[" * n + "x" + "]" * n + "\n"
open(sys.argv[1], "w").write(s)
PY
"$bin" build -C "$tmp/c" -o "$tmp/out" >/dev/null 2>"$tmp/err"
rc=$?
if [ "$rc" -ne 0 ] || ! grep -q "dybt citat" "$tmp/out/2022-kaffe/index.html"; then
	echo "limits: deeply nested Markdown: exit $rc"
	head -n 5 "$tmp/err"
	status=1
fi
[ "$status" -eq 0 ] && echo "limits: 9 bounds, each a clear error or a result"
exit $status
