#!/bin/sh
# deterministic.sh STATUSNOTAT: two builds of the same content are
# byte-identical.
set -u
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
"$1" build -o "$tmp/a" && "$1" build -o "$tmp/b" || exit 1
diff -r "$tmp/a" "$tmp/b"
