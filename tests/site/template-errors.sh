#!/bin/sh
# template-errors.sh STATUSNOTAT: a mistake in a template stops check as
# it stops build, with the same message naming the template's file
# (templates/note.mustache:LINE:COLUMN), and build leaves the output as
# it was; a partial's mistake names the partial's file.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
status=0
cp -R content templates "$tmp/" || exit 1
cd "$tmp" || exit 1
"$bin" build -o out 2>err || { echo "template-errors: build: $(cat err)"; exit 1; }
for t in note layout; do
	cp "templates/$t.mustache" saved
	# The first "{{" opens a section that its end does not close.
	sed -i '0,/{{/s//{{#/' "templates/$t.mustache"
	for cmd in check build; do
		if [ $cmd = check ]; then
			"$bin" check 2>"$cmd.err"
		else
			"$bin" build -o out 2>"$cmd.err"
		fi
		rc=$?
		if [ $rc -ne 1 ] || ! grep -qE "^templates/$t\.mustache:[0-9]+:[0-9]+: error: " "$cmd.err"; then
			echo "template-errors: $cmd with a broken $t.mustache: exit $rc:"
			cat "$cmd.err"
			status=1
		fi
	done
	grep "^templates/" check.err >check.lines
	grep "^templates/" build.err >build.lines
	cmp -s check.lines build.lines || {
		echo "template-errors: check and build say different things about $t.mustache"
		status=1
	}
	[ -f out/index.html ] || { echo "template-errors: the output is gone"; status=1; }
	cp saved "templates/$t.mustache"
done
"$bin" check 2>err || { echo "template-errors: mended: $(cat err)"; status=1; }
[ $status -eq 0 ] && echo "template-errors: check finds a template's mistake as build does, at its file"
exit $status
