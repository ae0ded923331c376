#!/bin/sh
# danish.sh STATUSNOTAT: the Danish diagnostics of the golden cases and
# the mistakes (tests/golden/*/expected/check.err, tests/mistakes/*.err)
# hold no English: a message that does not go through the catalogue
# shows here, with the words of it that are English.  Paths and what is
# quoted (the user's own words) are left out of the search.
set -u
files=$(ls tests/golden/*/expected/check.err tests/mistakes/*.err 2>/dev/null |
    grep -v '\.en\.err$')
[ -n "$files" ] || { echo "danish: no golden diagnostics found"; exit 1; }
words='the|must|should|cannot|is not|has no|write|expected|missing|unknown|error|warning|note|file|folder|line'
bad=$(for f in $files; do
	sed -e 's/^[^ ]*: \(fejl\|advarsel\|bemærk\): //' -e 's/^    [^ ]*: bemærk: //' \
	    -e 's/"[^"]*"//g' -e 's/^statusnotat: //' "$f" |
	    grep -nwE "$words" | sed "s|^|$f:|"
done)
if [ -n "$bad" ]; then
	echo "danish: English in the Danish diagnostics (a message not in po/da.po?):"
	printf '%s\n' "$bad" | head -20
	exit 1
fi
echo "danish: $(echo "$files" | wc -l) files of Danish diagnostics, no English in them"
