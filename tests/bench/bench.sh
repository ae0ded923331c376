#!/bin/sh
# bench.sh: `make bench`.  Times whole builds (HTML and PDF) of the 2021
# note and of a synthetic note of about 200 pages made from its text, and
# reports milliseconds per note and per page, peak memory and PDF size.
set -eu
bin=./statusnotat
b=build/bench
rm -rf "$b" && mkdir -p "$b"
cc -O2 -o "$b/bench" tests/bench/bench.c

# The synthetic note, alone in its content: the 2021 note's Bydelsmødre
# section, its text and its tables, 150 times.
cp -R content "$b/content"
rm -rf "$b/content/reports/2021-bydelsmoedre-baba"
big="$b/content/reports/2099-stor"
mkdir -p "$big"
src=content/reports/2021-bydelsmoedre-baba
cp "$src"/*.md "$big/"
{
	printf 'date: 3. juni 2021\nsubject: en lang note til måling\n'
	printf 'sender: cbf\ninitiatives: [bydelsmoedre]\nsections:\n'
	i=1
	while [ "$i" -le 150 ]; do
		printf '  - title: Afsnit %d\n    initiative: bydelsmoedre\n' "$i"
		printf '    narrative: bydelsmoedre.md\n'
		i=$((i + 1))
	done
} >"$big/report.yaml"

run() {	# run NAME CONTENT PDF
	"$bin" build -C "$2" -o "$b/out" >/dev/null
	pages=$(pdfinfo "$b/out/$3" | awk '/^Pages:/ {print $2}')
	size=$(wc -c <"$b/out/$3")
	set -- "$1" "$2" "$3" $("$b/bench" 20 "$bin" build -C "$2" -o "$b/out")
	echo "$1: $pages pages, $5 ms median ($4 best), $(echo "$5 $pages" |
	    awk '{printf "%.2f", $1 / $2}') ms per page, peak $6 MiB, PDF $size bytes"
}

echo "machine: $(nproc) cores, $(awk '/model name/ {sub(/.*: /, ""); print; exit}' /proc/cpuinfo)"
run "2021 note" content 2021-bydelsmoedre-baba/2021-bydelsmoedre-baba.pdf
run "synthetic note" "$b/content" 2099-stor/2099-stor.pdf
# The preview: from a save to the reloaded page (goal: under 100 ms).
python3 tests/bench/preview.py "$bin"
