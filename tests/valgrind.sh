#!/bin/sh
# valgrind.sh STATUSNOTAT: `make valgrind`, and a test of `make check`:
# statusnotat's commands on the bundled content and on fixtures with
# figures over time, a chart, images, a logo and errors, under valgrind's
# memcheck: no error and no leak (definite, indirect or possible), and
# the exit status each should have.
set -u
bin=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
runs=0
bad=0
vg() {	# vg WANT-EXIT ARGS...: one run under valgrind
	want=$1
	shift
	runs=$((runs + 1))
	valgrind --quiet --error-exitcode=99 --leak-check=full \
	    --show-leak-kinds=definite,indirect,possible \
	    --errors-for-leak-kinds=definite,indirect,possible \
	    --log-file="$tmp/vg.log" "$bin" "$@" >/dev/null 2>"$tmp/err"
	rc=$?
	if [ "$rc" -ne "$want" ]; then
		bad=$((bad + 1))
		echo "valgrind: statusnotat $*: exit $rc, not $want"
		head -n 40 "$tmp/vg.log" "$tmp/err"
	fi
}
vg 0 check
vg 0 dump
vg 0 build -o "$tmp/out"
vg 0 build -C tests/golden/forecasts-2022/content -o "$tmp/out2"
vg 0 build -C tests/golden/markdown/content -o "$tmp/out3"
vg 1 check -C tests/golden/history-errors/content
vg 1 check -C tests/golden/yaml-syntax/content
vg 1 build -C tests/golden/references/content -o "$tmp/out4"
vg 2 build -C "$tmp/no-such-folder" -o "$tmp/out5"
# serve: pages, refusals, stalled clients, rebuilds, errors and Ctrl-C
# (tests/site/serve.py), the program under valgrind.
if command -v python3 >/dev/null 2>&1; then
	runs=$((runs + 1))
	if ! SERVE_SLOW=20 SERVE_PREFIX="valgrind --quiet --vgdb=no \
	    --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible \
	    --errors-for-leak-kinds=definite,indirect,possible \
	    --log-file=$tmp/vg-serve.%p.log" python3 tests/site/serve.py \
	    "$bin" >"$tmp/serve.out" 2>&1; then
		bad=$((bad + 1))
		echo "valgrind: statusnotat serve (tests/site/serve.py):"
		head -n 40 "$tmp/serve.out" "$tmp"/vg-serve.*.log
	fi
fi
echo "valgrind: $runs runs, $bad with errors, leaks or a wrong exit status"
[ "$bad" -eq 0 ]
