#!/bin/sh
# golden.sh: run one golden case or rewrite its expectations.
#   golden.sh STATUSNOTAT CASE-DIR check|regen
# A case is a folder with content/ (input) and expected/ holding
# check.err and check.rc (the diagnostics and exit status of
# `statusnotat check`, in Danish, the default), check.en.err (the same
# in English, --lang en), and, when present, dump.out (the model dump)
# and html/ (the built site).  A case about diagnostics keeps only the
# first two: regen rewrites what a case has, and writes everything only
# for a new good case (delete what it does not need).  Commands run inside the case folder, so
# paths in diagnostics read content/....  Prints what differs; exits 1
# on any difference.
set -u
bin=$1 case=$2 mode=$3
case "$bin" in /*) ;; *) bin=$PWD/$bin ;; esac
cd "$case" || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
status=0

# The project's templates, or for check a case's own (its pdf.yaml).
templates=${TEMPLATES:-../../../templates}
checked=$templates
[ -d templates ] && checked=templates
# Danish: what a locale that asks for nothing gets.
env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 \
    "$bin" check -C content -t "$checked" >"$tmp/check.out" \
    2>"$tmp/check.err"
echo $? >"$tmp/check.rc"
"$bin" check --lang en -C content -t "$checked" >/dev/null \
    2>"$tmp/check.en.err"
if [ -s "$tmp/check.out" ]; then
	echo "$case: check wrote to standard output" >&2
	status=1
fi
rc=$(cat "$tmp/check.rc")
# What to compare: what the case expects; on regen of a new case, all a
# good case makes.
new=0
[ -d expected ] || new=1
want() {	# want FILE-OR-DIR
	if [ "$mode" = regen ] && [ "$new" = 1 ]; then [ "$rc" = 0 ]
	else [ -e "expected/$1" ]; fi
}
if want dump.out; then
	"$bin" dump -C content >"$tmp/dump.out" 2>/dev/null
fi
if want html; then
	"$bin" build -C content -t "$templates" \
	    -o "$tmp/html" 2>"$tmp/build.err" || {
		echo "$case: build failed:" >&2
		cat "$tmp/build.err" >&2
		status=1
	}
	# The stylesheet is templates/style.css copied as is, .gitkeep and
	# the marker .statusnotat are the same for every site, and the PDFs
	# have tests of their own: none is a golden file, nor is the
	# PDF's size that the pages print.
	rm -f "$tmp/html/.gitkeep" "$tmp/html/.statusnotat" "$tmp/html/style.css"
	find "$tmp/html" -name '*.pdf' -exec rm -f {} +
	find "$tmp/html" -name '*.html' -exec sed -i -E \
	    's/PDF \([0-9]+ kB\)/PDF (N kB)/' {} +
fi

if [ "$mode" = regen ]; then
	rm -rf expected
	mkdir -p expected
	cp "$tmp/check.err" "$tmp/check.en.err" "$tmp/check.rc" expected/
	[ -f "$tmp/dump.out" ] && cp "$tmp/dump.out" expected/
	[ -d "$tmp/html" ] && cp -R "$tmp/html" expected/html
	exit 0
fi

# A case must say what it expects: a case without it would pass unseen.
for f in check.err check.en.err check.rc; do
	[ -f "expected/$f" ] && continue
	echo "$case: expected/$f is missing (make regen writes it; review it)" >&2
	status=1
done
for f in check.err check.en.err check.rc dump.out; do
	[ -f "expected/$f" ] || continue
	if ! diff -u "expected/$f" "$tmp/$f" >"$tmp/diff" 2>&1; then
		echo "$case: $f differs:" >&2
		head -40 "$tmp/diff" >&2
		status=1
	fi
done
if [ -d expected/html ] && ! diff -ru expected/html "$tmp/html" >"$tmp/diff" 2>&1; then
	echo "$case: html differs:" >&2
	head -60 "$tmp/diff" >&2
	status=1
fi
exit $status
