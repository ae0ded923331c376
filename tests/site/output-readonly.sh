#!/bin/sh
# output-readonly.sh STATUSNOTAT: an old output made read-only (chmod -R
# a-w) is still replaced: the new site is published, exit 0, and
# nothing is left beside it.  What truly cannot be removed (as root: a
# note's folder made root's in a site of another user's) is named, with where
# it is, and the build exits 2 with the new site in place.  Read-only
# means nothing to root, so as root the builds run as user nobody.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d) && trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
fails=0
fail() { echo "output-readonly: $*"; fails=$((fails + 1)); }
chmod 755 "$tmp"
cp -R content templates "$tmp/"
mkdir "$tmp/w"
as=""
if [ "$(id -u)" -eq 0 ]; then
	command -v setpriv >/dev/null 2>&1 ||
		{ echo "output-readonly: skipped: root, and no setpriv to run as nobody"; exit 77; }
	as="setpriv --reuid=65534 --regid=65534 --clear-groups"
	chown -R 65534:65534 "$tmp/w"
	$as "$bin" --version >/dev/null 2>&1 ||
		{ echo "output-readonly: skipped: user nobody cannot run $bin"; exit 77; }
fi
cd "$tmp" || exit 1
out=w/out
debris() { ls -A w | grep -v '^out$'; }

$as "$bin" build -o "$out" 2>err || { cat err; exit 1; }
chmod -R a-w "$out"
$as touch "$out/probe" 2>/dev/null && { echo "output-readonly: skipped: read-only folders can be written here"; exit 77; }
before=$(ls -i -d "$out")
sed -i 's/^  started: 16$/  started: 17/' content/initiatives/bydelsmoedre.yaml
$as "$bin" build -o "$out" 2>err || fail "over a read-only output: exit $?: $(cat err)"
[ "$(ls -i -d "$out")" != "$before" ] &&
    grep -q 'I alt 17' "$out/2021-bydelsmoedre-baba/index.html" ||
	fail "over a read-only output: the new site is not published"
[ -z "$(debris)" ] || fail "over a read-only output, left beside it: $(debris)"

if [ -n "$as" ]; then
	# A note's folder made root's: the one thing that cannot go.
	chown 0:0 "$out/2021-bydelsmoedre-baba"
	sed -i 's/^  started: 17$/  started: 18/' content/initiatives/bydelsmoedre.yaml
	$as "$bin" build -o "$out" 2>err
	rc=$?
	[ "$rc" -eq 2 ] || fail "with a folder of root's in the old site: exit $rc, expected 2"
	grep -q 'I alt 18' "$out/2021-bydelsmoedre-baba/index.html" ||
		fail "with a folder of root's in the old site: the new site is not published"
	left=$(debris)
	[ -n "$left" ] && grep -qF "w/out: error: the new site is in place, but the old one, w/$left, could not be removed: w/$left/2021-bydelsmoedre-baba/" err &&
	    grep -q ': you do not have the rights to it; remove that folder yourself' err ||
		fail "the message does not say what is left and where: $(cat err)"
	rm -rf "w/$left"
fi
[ "$fails" -eq 0 ]
