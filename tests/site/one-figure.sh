#!/bin/sh
# one-figure.sh STATUSNOTAT: a figure is written once.  Changing the
# number of women who started (16) in the initiative's YAML changes it
# in the narrative and in the figures table, and 16 is gone from both.
set -u
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
cp -R content "$tmp/content"
f="$tmp/content/initiatives/bydelsmoedre.yaml"
grep -q '^  started: 16$' "$f" || { echo "one-figure: fixture changed"; exit 1; }
sed -i 's/^  started: 16$/  started: 17/' "$f"
"$1" build -C "$tmp/content" -o "$tmp/out" || exit 1
page="$tmp/out/2021-bydelsmoedre-baba/index.html"
status=0
grep -q 'I alt 17$' "$page" || grep -q 'I alt 17 ' "$page" || { echo "one-figure: narrative does not say 17"; status=1; }
grep -q 'I alt 16' "$page" && { echo "one-figure: narrative still says 16"; status=1; }
grep -q '<th scope="row">Deltagere ved opstart</th><td>17</td>' "$page" || { echo "one-figure: table does not say 17"; status=1; }
grep -q '<th scope="row">Aktive deltagere</th><td>14</td>' "$page" || { echo "one-figure: active is not 17 - 3"; status=1; }
exit $status
