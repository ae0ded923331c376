#!/bin/sh
# keep-output.sh STATUSNOTAT: a build of bad content exits 1 and leaves
# the previous output byte-identical, with no temporary folder behind.
set -u
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
"$1" build -o "$tmp/out" || exit 1
cp -R "$tmp/out" "$tmp/before"
cp -R content "$tmp/bad"
sed -i 's/^name: Baba$/name: [Baba/' "$tmp/bad/initiatives/baba.yaml"
"$1" build -C "$tmp/bad" -o "$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || { echo "keep-output: exit $rc, expected 1"; cat "$tmp/err"; exit 1; }
diff -r "$tmp/before" "$tmp/out" || exit 1
# A template error is found while writing: the output must survive that too.
cp -R templates "$tmp/tpl"
echo '{{#broken}}' >>"$tmp/tpl/note.mustache"
"$1" build -t "$tmp/tpl" -o "$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -ne 0 ] || { echo "keep-output: a broken template built"; exit 1; }
diff -r "$tmp/before" "$tmp/out" || exit 1
leftover=$(ls -a "$tmp" | grep -c 'out\.')
[ "$leftover" -eq 0 ] || { echo "keep-output: temporary folders left behind"; ls -a "$tmp"; exit 1; }
