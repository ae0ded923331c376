#!/bin/sh
# output-safety.sh STATUSNOTAT: `build -o` replaces only a folder that
# statusnotat wrote (it holds the marker .statusnotat) or an empty one
# (an empty .gitkeep counts as nothing).  A folder of the user's, the
# content or templates folder, a folder holding them or in them, the
# folder we are in, and a file are refused with exit 2 and a message
# naming them, and nothing at all is changed, byte for byte.  A symbolic
# link is followed: the site goes into its target and the link stays.
# The marker lists every file the build wrote: a file or folder anyone
# else put in the site (an .htaccess, an uploads/ folder) stops the
# build, named, with nothing changed.
# "-o out/" works, and the output keeps its folder's rights.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "output-safety: $*"; fails=$((fails + 1)); }

# The project, copied: the refused builds run in it.
mkdir "$tmp/proj"
cp -R content templates "$tmp/proj/"
mkdir "$tmp/proj/docs"
echo "the user's notes" >"$tmp/proj/docs/notes.txt"
echo "the user's file" >"$tmp/proj/notes.txt"
mkdir "$tmp/proj/keep" && echo "not empty" >"$tmp/proj/keep/.gitkeep"
mkdir "$tmp/proj/fake"
echo "something else" >"$tmp/proj/fake/.statusnotat"
ln -s docs "$tmp/proj/doclink"
ln -s nowhere "$tmp/proj/dangling"
cp -pR "$tmp/proj" "$tmp/before"

# refuse WHAT DIR: exit 2, a message naming DIR that says why, and the
# whole project as it was (nothing removed, changed or added beside).
refuse() {
	why=$1 dir=$2
	(cd "$tmp/proj" && "$bin" build -o "$dir") >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ "$rc" -eq 2 ] || fail "-o $dir ($why): exit $rc, expected 2"
	grep -qF "${dir%/}: error: " "$tmp/err" ||
		fail "-o $dir ($why): no message naming it: $(cat "$tmp/err")"
	grep -q "$why" "$tmp/err" ||
		fail "-o $dir: the message does not say \"$why\": $(cat "$tmp/err")"
	diff -r --no-dereference "$tmp/before" "$tmp/proj" >"$tmp/diff" 2>&1 ||
		{ fail "-o $dir ($why) changed the project:"; head "$tmp/diff"; }
}
refuse "not empty and was not written by statusnotat" docs
refuse "not empty and was not written by statusnotat" docs/
refuse "not empty and was not written by statusnotat" keep
refuse "not empty and was not written by statusnotat" fake
refuse "not empty and was not written by statusnotat" doclink
refuse "is the content folder" content
refuse "is the content folder" content/
refuse "is the content folder" ./content/
refuse "is inside the content folder" content/reports
refuse "is inside the content folder" content/site
refuse "is the templates folder" templates
refuse "holds the content folder" .
refuse "holds the content folder" "$tmp/proj"
refuse "holds the content folder" ..
refuse "holds the content folder" /
refuse "is a file, not a folder" notes.txt
refuse "is a file, not a folder" content/site.yaml
refuse "folder that does not exist" dangling
refuse "would be in does not exist" no/such/out
# The same refusals when the content folder is named with -C.
(cd "$tmp" && "$bin" build -C proj/content -t proj/templates \
    -o proj) >/dev/null 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] || fail "-C proj/content -o proj: exit $rc, expected 2"
diff -r --no-dereference "$tmp/before" "$tmp/proj" >/dev/null 2>&1 ||
	fail "-C proj/content -o proj changed the project"

# What may be replaced: a new folder, an empty one, one holding only an
# empty .gitkeep (a fresh clone's output/), one we wrote; "out/" too.
cd "$tmp/proj" || exit 1
mkdir empty gitkeep && : >gitkeep/.gitkeep
for dir in new empty gitkeep/ new/ new// empty; do
	"$bin" build -o "$dir" 2>"$tmp/err" ||
		{ fail "-o $dir: exit $?: $(cat "$tmp/err")"; continue; }
	[ -f "${dir%%/*}/index.html" ] && [ -f "${dir%%/*}/.statusnotat" ] &&
	    [ -f "${dir%%/*}/.gitkeep" ] || fail "-o $dir: no site in it"
done
ls -A | grep -E '^\.(new|empty|gitkeep)\.' && fail "debris beside the output"
# The new site's folder keeps the rights of the old one's.
chmod 750 new
"$bin" build -o new 2>"$tmp/err" || fail "-o new (mode 750): $(cat "$tmp/err")"
[ "$(stat -c %a new)" = 750 ] || fail "the output's rights were not kept: $(stat -c %a new)"

# A symbolic link to the output (a web server's folder): the site goes
# into the target, the link stays a link to it.
mkdir www
"$bin" build -o www/site 2>"$tmp/err" || fail "-o www/site: $(cat "$tmp/err")"
ln -s www/site served
sed -i 's/^  started: 16$/  started: 17/' content/initiatives/bydelsmoedre.yaml
"$bin" build -o served 2>"$tmp/err" || fail "-o served (a link): $(cat "$tmp/err")"
[ -L served ] && [ "$(readlink served)" = www/site ] ||
	fail "the link served was replaced: $(ls -ld served)"
grep -q 'I alt 17' www/site/2021-bydelsmoedre-baba/index.html ||
	fail "the link's target does not hold the new site"
"$bin" build -o served/ 2>"$tmp/err" || fail "-o served/: $(cat "$tmp/err")"
[ -L served ] || fail "-o served/ replaced the link"
[ "$(ls -A www)" = site ] || fail "debris beside the link's target: $(ls -A www)"
[ "$(ls -A | grep -c '^\.served\.')" -eq 0 ] || fail "debris beside the link"

# Files added to a site we wrote: refused, named, nothing touched; once
# they are gone, the build goes on.
mkdir added
"$bin" build -o added 2>"$tmp/err" || fail "-o added: $(cat "$tmp/err")"
grep -qx 'index.html' added/.statusnotat || fail "the marker does not list index.html: $(cat added/.statusnotat)"
grep -qx '2021-bydelsmoedre-baba/2021-bydelsmoedre-baba.pdf' added/.statusnotat ||
	fail "the marker does not list the PDF"
added() {	# added WHAT PATH: PATH (made before) stops the build
	cp -pR added "$tmp/added.before"
	"$bin" build -o added >/dev/null 2>"$tmp/err"
	rc=$?
	[ "$rc" -eq 2 ] || fail "$1 in the site: exit $rc, expected 2"
	grep -qF "added: error: holds added/$2, which statusnotat did not write" "$tmp/err" ||
		fail "$1 in the site: not named: $(cat "$tmp/err")"
	diff -r --no-dereference "$tmp/added.before" added >/dev/null 2>&1 ||
		fail "$1 in the site: the site was changed"
	rm -rf "$tmp/added.before" "added/$2"
}
echo "Require all granted" >added/.htaccess
added "a file of the user's" .htaccess
mkdir -p added/uploads && echo "a letter" >added/uploads/brev.docx
added "a folder of the user's" uploads
mkdir added/empty-folder
added "an empty folder of the user's" empty-folder
echo "extra" >added/2021-bydelsmoedre-baba/referat.pdf
added "a file in a note's folder" 2021-bydelsmoedre-baba/referat.pdf
ln -s ../docs added/docs
added "a symbolic link" docs
"$bin" build -o added 2>"$tmp/err" || fail "-o added, the added files gone: $(cat "$tmp/err")"
# Files the user removed from the site are no reason to stop.
rm added/feed.xml
"$bin" build -o added 2>"$tmp/err" || fail "-o added, feed.xml removed: $(cat "$tmp/err")"
[ -f added/feed.xml ] || fail "feed.xml not written again"
# A site from a statusnotat whose marker had no list: refused, saying so.
printf 'This folder is a website written by statusnotat.\nstatusnotat build replaces all of it: keep no other files here.\n' >added/.statusnotat
"$bin" build -o added >/dev/null 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] || fail "a marker with no list: exit $rc, expected 2"
grep -qF "added: error: was written by an older statusnotat" "$tmp/err" ||
	fail "a marker with no list: $(cat "$tmp/err")"

[ "$fails" -eq 0 ]
