#!/bin/sh
# run.sh: every test of `make check`, first with the plain build, then
# with the ASan/UBSan build.  Each unit-test binary reports its own
# counts; every other test counts as one.  Ends with "N passed, N failed".
set -u
SHARED=${SHARED:-../shared}
export SHARED
# The tests of messages read them in English; the golden cases ask for
# each language themselves.
LANGUAGE=en
export LANGUAGE
passed=0
failed=0
skipped=0

ok()   { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# unit BINARY: add up the "name: N passed, N failed" line it prints.
unit() {
	out=$("$1" 2>&1); rc=$?
	line=$(printf '%s\n' "$out" | grep -E '^[a-z_]+: [0-9]+ passed, [0-9]+ failed$' | tail -n 1)
	if [ -z "$line" ]; then
		printf '%s\n' "$out" | tail -n 20
		fail "$1 crashed or printed no summary (exit $rc)"
		return
	fi
	printf '%s\n' "$out" | grep -E 'FAIL|skipped' | head -n 40
	case $out in *skipped:*) skipped=$((skipped + 1)) ;; esac
	echo "  $line"
	p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
	f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed$/\1/')
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		fail "$1 exited $rc"
	fi
}

# suite BINDIR STATUSNOTAT: every test against one build.
suite() {
	bindir=$1 bin=$2
	echo "== unit tests ($bindir)"
	for t in "$bindir"/test_*; do
		[ -x "$t" ] && unit "$t"
	done
	echo "== golden cases ($bin)"
	for c in tests/golden/*/; do
		[ -d "$c/content" ] || continue
		if sh tests/golden/golden.sh "$bin" "$c" check; then ok; else fail "golden $c"; fi
	done
	echo "== site tests ($bin)"
	for t in tests/site/*.sh; do
		sh "$t" "$bin"
		case $? in
		0) ok ;;
		77) skipped=$((skipped + 1)) ;;
		*) fail "$t ($bin)" ;;
		esac
	done
}

suite build/obj ./statusnotat
suite build/asan build/statusnotat-asan

# The fuzz targets as plain programs under ASan and UBSan, over their
# seeds and every regression case that make fuzz found (tests/fuzz/).
echo "== fuzz targets on their seeds and regression cases (build/asan)"
for t in build/asan/fuzzrun_*; do
	[ -x "$t" ] || continue
	name=${t#build/asan/fuzzrun_}
	out=$(sh tests/fuzz/seeds.sh "$name" | tr '\n' '\0' |
	    xargs -0 "$t" 2>&1)
	rc=$?
	line=$(printf '%s\n' "$out" | grep -E '^fuzz_[a-z]+: [0-9]+ passed, 0 failed$' | tail -n 1)
	if [ "$rc" -ne 0 ] || [ -z "$line" ]; then
		printf '%s\n' "$out" | tail -n 30
		fail "$t on its seeds (exit $rc)"
	else
		echo "  $line"
		ok
	fi
done

echo "== valgrind (./statusnotat)"
if command -v valgrind >/dev/null 2>&1; then
	if sh tests/valgrind.sh ./statusnotat; then ok; else fail "valgrind"; fi
else
	echo "valgrind: skipped: not installed (make deps-check installs it)"
	skipped=$((skipped + 1))
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
