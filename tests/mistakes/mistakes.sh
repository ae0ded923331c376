#!/bin/sh
# mistakes.sh STATUSNOTAT [regen]: the mistakes administrators really
# make, each made once in a copy of the bundled content/ (the table
# below: a name and the shell that makes it), checked in Danish (the
# default) and in English; each must give the diagnostics in
# tests/mistakes/NAME.err and NAME.en.err (one message naming the
# mistake at its line).  "regen" rewrites those files (review them).
set -u
bin=$1 mode=${2:-check}
case "$bin" in /*) ;; *) bin=$PWD/$bin ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
status=0
I=content/initiatives R=content/reports/2021-bydelsmoedre-baba

make_mistake() {	# NAME: make it in ./content
	case $1 in
	tab)		sed -i 's/^  started: 16/\tstarted: 16/' $I/bydelsmoedre.yaml ;;
	no-colon)	sed -i 's/^  started: 16/  started 16/' $I/bydelsmoedre.yaml ;;
	no-space)	sed -i 's/^owner: cbf/owner:cbf/' $I/bydelsmoedre.yaml ;;
	no-dash)	sed -i 's/^  - id: uddannelse/    id: uddannelse/' $I/bydelsmoedre.yaml ;;
	file-name)	mv $I/bydelsmoedre.yaml $I/Bydelsmødre.yaml ;;
	windows-1252)	iconv -f UTF-8 -t WINDOWS-1252 $I/bydelsmoedre.yaml >x &&
			mv x $I/bydelsmoedre.yaml ;;
	note-date)	sed -i 's/^date: 3. juni 2021/date: 3. juno 2021/' $R/report.yaml ;;
	two-digit-year)	sed -i 's/planned: ultimo september 2021/planned: juni 21/' $I/bydelsmoedre.yaml ;;
	no-value)	echo 'I alt {{ baba.participants.started }} fædre.' >>$R/baba.md ;;
	no-file)	rm $I/baba.yaml ;;
	open-quote)	sed -i 's/^origin: \(.*\)$/origin: "\1/' $I/bydelsmoedre.yaml ;;
	readme-tour)	sed -i -e 's/^  started: 16/  started: seksten/' \
			    -e 's/^  dropped_out: 3/  droped_out: 3/' $I/bydelsmoedre.yaml ;;
	esac
}

for m in tab no-colon no-space no-dash file-name windows-1252 note-date \
    two-digit-year no-value open-quote no-file readme-tour; do
	rm -rf "$tmp/c"
	mkdir "$tmp/c"
	cp -R "$root/content" "$tmp/c/content"
	(cd "$tmp/c" && make_mistake $m)
	if diff -r "$root/content" "$tmp/c/content" >/dev/null 2>&1; then
		echo "mistakes: $m: the mistake was not made (has content/ changed?)"
		status=1
		continue
	fi
	(cd "$tmp/c" && env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 \
	    "$bin" check -t "$root/templates" >/dev/null 2>"$tmp/$m.err";
	    "$bin" check --lang en -t "$root/templates" >/dev/null \
	    2>"$tmp/$m.en.err")
	for f in $m.err $m.en.err; do
		if [ "$mode" = regen ]; then
			cp "$tmp/$f" "$here/$f"
		elif [ ! -f "$here/$f" ]; then
			echo "mistakes: tests/mistakes/$f is missing (regen writes it)"
			status=1
		elif ! diff -u "$here/$f" "$tmp/$f"; then
			echo "mistakes: $m: the messages differ from tests/mistakes/$f"
			status=1
		fi
	done
done
exit $status
