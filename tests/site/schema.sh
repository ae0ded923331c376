#!/bin/sh
# schema.sh STATUSNOTAT: `statusnotat schema KIND` prints the committed
# schema/KIND.schema.json (make schemas rewrites them) and refuses an
# unknown kind; then tests/site/schema.py checks the schemas against the
# bundled content, the golden cases and the dates of test_date.c with
# python3-jsonschema (skipped where it or python3-yaml is missing).
set -u
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
status=0
for k in site initiative report pdf; do
	if ! "$1" schema "$k" >"$tmp/$k.json" 2>"$tmp/err"; then
		echo "schema: \"statusnotat schema $k\" failed: $(cat "$tmp/err")"
		status=1
	elif ! cmp -s "$tmp/$k.json" "schema/$k.schema.json"; then
		echo "schema: schema/$k.schema.json differs from" \
		    "\"statusnotat schema $k\": run make schemas and commit it"
		status=1
	fi
done
"$1" --lang en schema inititive >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -ne 2 ] || [ -s "$tmp/out" ] ||
    ! grep -q 'site, initiative, report or pdf' "$tmp/err"; then
	echo "schema: an unknown kind: exit $rc, not 2 with the kinds named"
	status=1
fi
[ "$status" -eq 0 ] || exit 1
if ! command -v python3 >/dev/null 2>&1; then
	echo "schema: the validation skipped: python3 is not installed"
	exit 77
fi
python3 tests/site/schema.py "$1"
