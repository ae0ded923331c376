#!/bin/sh
# base-url.sh STATUSNOTAT: site.yaml's base_url, which goes into the
# Atom feed, is a plain web address: no spaces or characters a browser
# would escape, no user name or password.  "@" after the host is fine.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fails=0
cp -R content "$tmp/c"
cp -R templates "$tmp/templates"
try() {	# try URL RC MESSAGE
	sed -i '/^base_url:/d' "$tmp/c/site.yaml"
	printf 'base_url: "%s"\n' "$1" >>"$tmp/c/site.yaml"
	(cd "$tmp" && "$bin" check -C c) >/dev/null 2>"$tmp/err"
	rc=$?
	if [ "$rc" -ne "$2" ] || { [ -n "$3" ] && ! grep -q -- "$3" "$tmp/err"; }; then
		echo "base-url: $1: exit $rc (want $2): $(cat "$tmp/err")"
		fails=$((fails + 1))
	fi
}
try "https://www.ishoj.dk/statusnotater/" 0 ""
try "https://www.ishoj.dk/a@b/" 0 ""
try "https://www.ishoj .dk/" 1 'c/site.yaml:[0-9]*:11: error: "base_url" cannot hold spaces'
try "https://www.ishoj.dk/<x>/" 1 '"base_url" cannot hold spaces or any of'
try "https://admin:hemmelig@www.ishoj.dk/" 1 '"base_url" holds a user name or password'
try "ftp://www.ishoj.dk/" 1 '"base_url" must be a web address'
[ "$fails" -eq 0 ]
