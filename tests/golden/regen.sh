#!/bin/sh
# regen.sh: rewrite every golden case's expectations (`make regen`).
# Review the diff before committing: it is the change in behaviour.
set -eu
for c in tests/golden/*/; do
	[ -d "$c/content" ] || continue
	sh tests/golden/golden.sh ./statusnotat "$c" regen
	echo "regenerated $c"
done
sh tests/mistakes/mistakes.sh ./statusnotat regen
echo "regenerated tests/mistakes"
