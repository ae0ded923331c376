#!/bin/sh
# seeds.sh NAME: the files a fuzz target starts from, one per line: its
# seed corpus, taken from tests/ and the bundled content, and its
# regression cases (tests/fuzz/regress/NAME/).  Used by fuzz.sh and by
# tests/run.sh.
set -eu
case $1 in
yaml)	find tests/golden content -name '*.yaml' ;;
date)	find tests/fuzz/seeds/date -type f ;;
build)	find tests/fuzz/seeds/build -type f ;;
tmpl)	find templates -name '*.mustache' ;;
image)	find tests/golden content tests/fuzz/seeds/image -name '*.png' -o \
	    -name '*.jpg' -o -name '*.jpeg' ;;
narrative | typeset)
	find tests/golden content -name '*.md' ;;
*)	echo "seeds.sh: no fuzz target \"$1\"" >&2; exit 2 ;;
esac | sort
[ -d "tests/fuzz/regress/$1" ] && find "tests/fuzz/regress/$1" -type f | sort
exit 0
