#!/bin/sh
# output-lock.sh STATUSNOTAT: builds into the same output take turns,
# under a lock beside it (.NAME.lock, flock(2)): 20 pairs at once all
# succeed and leave the whole site and nothing beside it; a build that
# finds the lock held waits, says so, and then succeeds.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "output-lock: $*"; fails=$((fails + 1)); }
mkdir "$tmp/ref" "$tmp/w"
"$bin" build -o "$tmp/ref/site" || exit 1
out=$tmp/w/out
debris() { ls -A "$tmp/w" | grep -v '^out$'; }

i=0
while [ "$i" -lt 20 ]; do
	"$bin" build -o "$out" 2>"$tmp/err1" & p1=$!
	"$bin" build -o "$out" 2>"$tmp/err2" & p2=$!
	wait "$p1"; r1=$?
	wait "$p2"; r2=$?
	[ "$r1" -eq 0 ] && [ "$r2" -eq 0 ] ||
		{ fail "pair $i: exit $r1 and $r2: $(cat "$tmp/err1" "$tmp/err2")"; break; }
	i=$((i + 1))
done
diff -r "$tmp/ref/site" "$out" >/dev/null || fail "after the pairs the output is not the site"
[ -z "$(debris)" ] || fail "after the pairs, left beside the output: $(debris)"

# Another holds the lock: the build waits for it, then finishes.
if command -v flock >/dev/null 2>&1; then
	flock "$tmp/w/.out.lock" sh -c ": >'$tmp/held'
	    while [ ! -e '$tmp/release' ]; do sleep 0.05; done" &
	holder=$!
	i=0
	while [ ! -e "$tmp/held" ] && [ "$i" -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	before=$(ls -i -d "$out")
	"$bin" build -o "$out" 2>"$tmp/err" &
	pid=$!
	sleep 1
	kill -0 "$pid" 2>/dev/null || fail "the build did not wait for the lock"
	[ "$(ls -i -d "$out")" = "$before" ] || fail "the output was replaced while another held the lock"
	: >"$tmp/release"
	wait "$holder"
	wait "$pid" || fail "the build that waited: exit $?: $(cat "$tmp/err")"
	grep -q "waiting for another build into $out" "$tmp/err" ||
		fail "the build did not say it waits: $(cat "$tmp/err")"
	[ "$(ls -i -d "$out")" != "$before" ] || fail "the build that waited did not replace the output"
	diff -r "$tmp/ref/site" "$out" >/dev/null || fail "after waiting the output is not the site"
	[ -z "$(debris)" ] || fail "after waiting, left beside the output: $(debris)"
else
	echo "output-lock: flock(1) not installed: the forced interleaving is not tested"
fi
[ "$fails" -eq 0 ]
