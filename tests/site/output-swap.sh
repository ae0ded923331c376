#!/bin/sh
# output-swap.sh STATUSNOTAT: the new site replaces the old in one step,
# so that at every instant the output is the whole old or the whole new
# site; where the file system cannot swap in one step (renameat2 with
# RENAME_EXCHANGE failing with EINVAL), two renames still publish it.
# A build killed (kill -9) at any moment leaves the output whole, and
# the next build removes what the killed one left beside it.
# A small preloaded library (built here with cc) slows rename(2) down
# and can make renameat2 fail (or a rename of the new site), to hold the
# build at its riskiest step.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "output-swap: $*"; fails=$((fails + 1)); }
command -v cc >/dev/null 2>&1 ||
	{ echo "output-swap: skipped: no C compiler for the test library"; exit 77; }
cat >"$tmp/shim.c" <<'SHIM'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
note(const char *what)
{
	const char *f = getenv("SHIM_LOG");
	int fd;

	if (f != NULL && (fd = open(f, O_WRONLY | O_APPEND | O_CREAT, 0644)) >= 0) {
		if (write(fd, what, strlen(what)) < 0)
			abort();
		close(fd);
	}
}

int
rename(const char *a, const char *b)
{
	int (*real)(const char *, const char *);
	const char *ms = getenv("SHIM_DELAY_MS");
	int rc;

	if (getenv("SHIM_FAIL_NEW") != NULL && strstr(a, ".new-") != NULL &&
	    strchr(strstr(a, ".new-"), '/') == NULL) {
		note("rename failed\n");
		errno = EIO;
		return -1;
	}
	*(void **)&real = dlsym(RTLD_NEXT, "rename");
	rc = real(a, b);
	note("rename\n");
	if (ms != NULL)
		usleep((useconds_t)atoi(ms) * 1000);
	return rc;
}

/* With SHIM_KILL_AFTER_MARKER, the build is killed at the first step
   of removing an old site after its marker is gone. */
static int
after_marker(const char *path, int marker)
{
	static int gone;

	if (getenv("SHIM_KILL_AFTER_MARKER") == NULL ||
	    strstr(path, ".old-") == NULL)
		return 0;
	if (gone) {
		note("killed\n");
		raise(SIGKILL);
	}
	if (marker)
		gone = 1;
	return 0;
}

int
unlink(const char *path)
{
	int (*real)(const char *);
	const char *base = strrchr(path, '/');

	after_marker(path, base != NULL && strcmp(base, "/.statusnotat") == 0);
	*(void **)&real = dlsym(RTLD_NEXT, "unlink");
	return real(path);
}

int
rmdir(const char *path)
{
	int (*real)(const char *);

	after_marker(path, 0);
	*(void **)&real = dlsym(RTLD_NEXT, "rmdir");
	return real(path);
}

int
renameat2(int fa, const char *a, int fb, const char *b, unsigned flags)
{
	int (*real)(int, const char *, int, const char *, unsigned);

	note("renameat2\n");
	if (getenv("SHIM_NO_EXCHANGE") != NULL) {
		errno = EINVAL;
		return -1;
	}
	*(void **)&real = dlsym(RTLD_NEXT, "renameat2");
	return real(fa, a, fb, b, flags);
}
SHIM
cc -shared -fPIC -o "$tmp/shim.so" "$tmp/shim.c" -ldl ||
	{ echo "output-swap: skipped: cannot build the test library"; exit 77; }
# The ASan build must tolerate a library loaded before its runtime.
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
export ASAN_OPTIONS

# Two contents, A and B, told apart by one figure; their sites as made
# by a build that nothing disturbed.
cp -R content "$tmp/A"
cp -R content "$tmp/B"
sed -i 's/^  started: 16$/  started: 17/' "$tmp/B/initiatives/bydelsmoedre.yaml"
mkdir -p "$tmp/refA" && "$bin" build -C "$tmp/A" -o "$tmp/refA/site" || exit 1
mkdir -p "$tmp/refB" && "$bin" build -C "$tmp/B" -o "$tmp/refB/site" || exit 1
diff -r "$tmp/refA/site" "$tmp/refB/site" >/dev/null && { echo "output-swap: A and B build alike"; exit 1; }
mkdir "$tmp/w"
out=$tmp/w/out

whole() {	# whole: the output is exactly site A or site B
	diff -r "$tmp/refA/site" "$out" >/dev/null 2>&1 ||
	    diff -r "$tmp/refB/site" "$out" >/dev/null 2>&1
}
debris() {	# debris: anything beside the output but the output
	ls -A "$tmp/w" | grep -v '^out$'
}

# 1. Held for 400 ms after each rename, the build must never leave the
# output missing or half there (polled every 20 ms).
"$bin" build -C "$tmp/A" -o "$out" || exit 1
: >"$tmp/log"
SHIM_LOG=$tmp/log SHIM_DELAY_MS=400 LD_PRELOAD=$tmp/shim.so \
    "$bin" build -C "$tmp/B" -o "$out" 2>"$tmp/err" &
pid=$!
gaps=0
while kill -0 "$pid" 2>/dev/null; do
	[ -f "$out/.gitkeep" ] && [ -f "$out/index.html" ] &&
	    [ -f "$out/2021-bydelsmoedre-baba/2021-bydelsmoedre-baba.pdf" ] ||
	    gaps=$((gaps + 1))
	sleep 0.02
done
wait "$pid" || fail "build B (slowed): exit $?: $(cat "$tmp/err")"
[ "$gaps" -eq 0 ] || fail "the output was missing or incomplete $gaps times during the swap"
grep -q rename "$tmp/log" || fail "the test library was not used: $(cat "$tmp/log")"
diff -r "$tmp/refB/site" "$out" >/dev/null || fail "after build B the output is not site B"
[ -z "$(debris)" ] || fail "debris after build B: $(debris)"

# 2. Where the one-step swap is refused (EINVAL), two renames do it.
: >"$tmp/log"
SHIM_LOG=$tmp/log SHIM_NO_EXCHANGE=1 LD_PRELOAD=$tmp/shim.so \
    "$bin" build -C "$tmp/A" -o "$out" 2>"$tmp/err" ||
	fail "build A without RENAME_EXCHANGE: exit $?: $(cat "$tmp/err")"
grep -q renameat2 "$tmp/log" || fail "the one-step swap was not tried"
diff -r "$tmp/refA/site" "$out" >/dev/null || fail "without RENAME_EXCHANGE the output is not site A"
[ -z "$(debris)" ] || fail "debris without RENAME_EXCHANGE: $(debris)"

# 2b. If then the new site cannot be renamed into place, the old one is
# put back: never neither.
: >"$tmp/log"
SHIM_LOG=$tmp/log SHIM_NO_EXCHANGE=1 SHIM_FAIL_NEW=1 LD_PRELOAD=$tmp/shim.so \
    "$bin" build -C "$tmp/B" -o "$out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] || fail "the new site not renamed into place: exit $rc, expected 2"
grep -q "rename failed" "$tmp/log" || fail "the rename of the new site did not fail: $(cat "$tmp/log")"
grep -q "^$out: error: cannot put the new site in place" "$tmp/err" ||
	fail "the new site not renamed into place: $(cat "$tmp/err")"
diff -r "$tmp/refA/site" "$out" >/dev/null || fail "the old site was not put back"
[ -z "$(debris)" ] || fail "debris after a failed rename: $(debris)"

# 3. Killed just after the swap, while the old site is still beside:
# the output is the new site, and the next build removes the old one.
: >"$tmp/log"
SHIM_LOG=$tmp/log SHIM_DELAY_MS=3000 LD_PRELOAD=$tmp/shim.so \
    "$bin" build -C "$tmp/B" -o "$out" 2>/dev/null &
pid=$!
i=0
while ! grep -qx rename "$tmp/log" && [ "$i" -lt 600 ]; do sleep 0.05; i=$((i + 1)); done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
whole || fail "killed during the swap: the output is neither site: $(ls -A "$out" 2>&1)"
"$bin" build -C "$tmp/A" -o "$out" 2>"$tmp/err" ||
	fail "the build after a killed one: exit $?: $(cat "$tmp/err")"
[ -z "$(debris)" ] || fail "the build after a killed one left: $(debris)"

# 3b. Killed while the old site is removed, just after its marker: the
# marker goes last, so what is left is still known as ours and the next
# build removes it.
: >"$tmp/log"
SHIM_LOG=$tmp/log SHIM_KILL_AFTER_MARKER=1 LD_PRELOAD=$tmp/shim.so \
    "$bin" build -C "$tmp/B" -o "$out" 2>/dev/null
grep -q killed "$tmp/log" || fail "the build was not killed in the removal: $(cat "$tmp/log")"
diff -r "$tmp/refB/site" "$out" >/dev/null || fail "killed in the removal: the output is not site B"
"$bin" build -C "$tmp/A" -o "$out" 2>"$tmp/err" ||
	fail "the build after one killed in the removal: exit $?: $(cat "$tmp/err")"
[ -z "$(debris)" ] || fail "killed in the removal of the old site, then a build: left $(debris)"

# 4. Killed at 40 moments spread over a build's time, A and B in turn:
# the output is always whole, and one more build leaves nothing beside.
t0=$(date +%s%N)
"$bin" build -C "$tmp/B" -o "$out" || exit 1
t1=$(date +%s%N)
ms=$(( (t1 - t0) / 1000000 + 5 ))
i=0
while [ "$i" -lt 40 ]; do
	c=A; [ $((i % 2)) -eq 0 ] || c=B
	"$bin" build -C "$tmp/$c" -o "$out" 2>/dev/null &
	pid=$!
	sleep "$(awk -v m="$ms" -v i="$i" 'BEGIN { printf "%.4f", m * i / 40 / 1000 }')"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	whole || { fail "killed after $((ms * i / 40)) ms: the output is neither site"; break; }
	i=$((i + 1))
done
"$bin" build -C "$tmp/A" -o "$out" 2>"$tmp/err" ||
	fail "the build after the kills: exit $?: $(cat "$tmp/err")"
diff -r "$tmp/refA/site" "$out" >/dev/null || fail "after the kills the output is not site A"
[ -z "$(debris)" ] || fail "after the kills and a build, left beside the output: $(debris)"
[ "$fails" -eq 0 ]
