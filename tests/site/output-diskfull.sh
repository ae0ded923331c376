#!/bin/sh
# output-diskfull.sh STATUSNOTAT: on a full disk the build fails with
# exit 2, the old output is unchanged and nothing is left beside it, and
# the message says "the disk is full" and names the output: never a
# temporary folder, never a libharu error number.  The disk is a small
# tmpfs; where one cannot be mounted (not root), the test is skipped.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d) && trap 'umount "$tmp/disk" 2>/dev/null; rm -rf "$tmp"' EXIT
fails=0
fail() { echo "output-diskfull: $*"; fails=$((fails + 1)); }
mkdir "$tmp/disk"
mount -t tmpfs -o size=400k statusnotat-test "$tmp/disk" 2>/dev/null ||
	{ echo "output-diskfull: skipped: cannot mount a small tmpfs here (needs root)"; exit 77; }
out=$tmp/disk/out
"$bin" build -o "$out" || exit 1
cp -R "$out" "$tmp/before"

# full DESCRIPTION KB: fill the disk but KB, then build.
full() {
	rm -f "$tmp/disk/filler"
	free=$(df -k --output=avail "$tmp/disk" | tail -n 1)
	[ "$free" -gt "$2" ] || { fail "$1: only $free KB free"; return; }
	dd if=/dev/zero of="$tmp/disk/filler" bs=1k count=$((free - $2)) 2>/dev/null
	"$bin" build -o "$out" 2>"$tmp/err"
	rc=$?
	[ "$rc" -eq 2 ] || fail "$1: exit $rc, expected 2"
	grep -q "^$out[/:].*the disk is full" "$tmp/err" ||
		fail "$1: no \"the disk is full\" naming the output: $(cat "$tmp/err")"
	grep -Eq '\.new-|libharu|0x[0-9A-F]{4}' "$tmp/err" &&
		fail "$1: a temporary path or a libharu error: $(cat "$tmp/err")"
	diff -r "$tmp/before" "$out" >/dev/null || fail "$1: the old output changed"
	[ "$(ls -A "$tmp/disk")" = "$(printf 'filler\nout')" ] ||
		fail "$1: left on the disk: $(ls -A "$tmp/disk")"
}
full "room for all but the PDF" 40
full "no room at all" 0
[ "$fails" -eq 0 ]
