#!/bin/sh
# fuzz.sh: `make fuzz`.  Each target in build/fuzz/ runs with libFuzzer
# for FUZZ_SECONDS from its seeds (seeds.sh) and the corpus it grew
# before (build/fuzz/corpus/NAME/); prints the executions run.  A crash
# is written to build/fuzz/crash-NAME-*; minimise it with
#   build/fuzz/fuzz_NAME -minimize_crash=1 -runs=10000 FILE
# and keep the result in tests/fuzz/regress/NAME/.
set -u
secs=${FUZZ_SECONDS:-60}
status=0
for bin in build/fuzz/fuzz_*; do
	[ -x "$bin" ] || continue
	name=${bin#build/fuzz/fuzz_}
	seed=build/fuzz/seed/$name
	corpus=build/fuzz/corpus/$name
	rm -rf "$seed"
	mkdir -p "$seed" "$corpus"
	i=0
	sh tests/fuzz/seeds.sh "$name" | while IFS= read -r f; do
		i=$((i + 1))
		cp "$f" "$seed/$i"
	done
	"$bin" -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 \
	    -timeout=10 -print_final_stats=1 \
	    -artifact_prefix="build/fuzz/crash-$name-" "$corpus" "$seed" \
	    >"build/fuzz/$name.log" 2>&1
	rc=$?
	runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' \
	    "build/fuzz/$name.log" | grep -o '[0-9]*$' | tail -n 1)
	cov=$(grep -o 'cov: [0-9]*' "build/fuzz/$name.log" | tail -n 1)
	if [ "$rc" -eq 0 ]; then
		echo "fuzz $name: ${runs:-?} executions in $secs s, $cov, no crash"
	else
		echo "fuzz $name: CRASH after ${runs:-?} executions; see build/fuzz/$name.log and build/fuzz/crash-$name-*"
		status=1
	fi
done
exit $status
