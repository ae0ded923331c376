#!/bin/sh
# as-of.sh STATUSNOTAT: a note shows the world as it was known on its
# date.  To the bundled content (the note of 3 June 2021) are added a
# note of June 2022 and, one kind at a time, facts that happened after
# 3 June 2021: a phase that began later, the end of a phase, a
# milestone reached, an event of the new note, a figure and a number
# first counted later.  Each reaches the 2022 note, and the 2021 note
# stays word for word as it was: its page byte for byte (but for its
# link to the 2022 note, which followed it up), its PDF's text
# (pdftotext) line for line.  A plan (a phase's planned_start) is known
# from the start and stays in the 2021 note; with planned_on after the
# note it does not.  A {{ }} of a later value is an error that says
# from when the value is known.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "as-of: $*"; fails=$((fails + 1)); }
command -v pdftotext >/dev/null 2>&1 ||
	{ echo "as-of: skipped: no pdftotext (poppler-utils)"; exit 77; }
note=2021-bydelsmoedre-baba
new=2022-bydelsmoedre-baba

# The bundled content and its 2021 note as built today.
cp -R content "$tmp/ref"
"$bin" build -C "$tmp/ref" -o "$tmp/ref.out" 2>"$tmp/err" ||
	{ echo "as-of: the bundled content does not build: $(cat "$tmp/err")"; exit 1; }
pdftotext -layout "$tmp/ref.out/$note/$note.pdf" "$tmp/ref.txt"

# base: the bundled content and a note of 2 June 2022.
base() {
	rm -rf "$tmp/c" "$tmp/out"
	cp -R content "$tmp/c"
	cp -R "$tmp/c/reports/$note" "$tmp/c/reports/$new"
	sed -i 's/^date: 3\. juni 2021$/date: 2. juni 2022/' "$tmp/c/reports/$new/report.yaml"
}
# later WHAT TEXT-IN-2022: build; the 2021 note as before, TEXT in 2022's.
later() {
	"$bin" build -C "$tmp/c" -o "$tmp/out" 2>"$tmp/err" ||
		{ fail "$1: the build failed: $(cat "$tmp/err")"; return; }
	# But for its link to the note that followed it up ("Fulgt op af").
	grep -q "Fulgt op af <a rel=\"next\" href=\"../$new/index.html\"" \
	    "$tmp/out/$note/index.html" ||
		fail "$1: the 2021 note's page does not link to the 2022 note"
	grep -v 'rel="next"' "$tmp/out/$note/index.html" >"$tmp/page.html"
	cmp -s "$tmp/ref.out/$note/index.html" "$tmp/page.html" ||
		{ fail "$1 changed the 2021 note's page:"; diff "$tmp/ref.out/$note/index.html" "$tmp/page.html" | head -8; }
	pdftotext -layout "$tmp/out/$note/$note.pdf" "$tmp/now.txt"
	cmp -s "$tmp/ref.txt" "$tmp/now.txt" ||
		{ fail "$1 changed the 2021 note's PDF text:"; diff "$tmp/ref.txt" "$tmp/now.txt" | head -8; }
	grep -qF "$2" "$tmp/out/$new/index.html" ||
		fail "$1: the 2022 note does not show \"$2\""
}
ins() {	# ins FILE AFTER-LINE TEXT: TEXT (with \n) after the line AFTER-LINE
	awk -v after="$2" -v text="$3" '{ print } $0 == after { printf "%s\n", text }' "$1" >"$1.new" &&
	    mv "$1.new" "$1"
}
bm=$tmp/c/initiatives/bydelsmoedre.yaml
baba=$tmp/c/initiatives/baba.yaml

base
later "a 2022 note alone" "2. juni 2022"
# In two notes, values with no date are warned about: they reach both.
(cd "$tmp" && "$bin" check -C c) >/dev/null 2>"$tmp/err"
grep -qF 'c/initiatives/baba.yaml:29:5: warning: the phase "nedlukning" has no date, so every note shows it' "$tmp/err" ||
	fail "no warning about the phase with no date: $(cat "$tmp/err")"
grep -qF 'c/initiatives/baba.yaml:46:12: warning: the figure "corona_ambassadoerer" has no date' "$tmp/err" ||
	fail "no warning about the figure with no date: $(cat "$tmp/err")"
(cd "$tmp/ref" && "$bin" check -C .) >/dev/null 2>"$tmp/err"
grep -q 'has no date' "$tmp/err" && fail "one note alone: warned about values with no date"

base
ins "$baba" "    reason: stigende corona-smittetal i kommunen" \
"  - id: genoptaget\n    kind: training\n    name: Uddannelsesforløbet genoptaget\n    start: 8. juni 2021\n    end: ultimo oktober 2021"
later "a phase begun after the note" "Uddannelsesforløbet genoptaget"

base
ins "$bm" "    start: 20. maj 2021" "    end: oktober 2021"
later "the end of a phase after the note" "20. maj 2021 – oktober 2021"

base
ins "$bm" "    planned: ultimo september 2021" "    actual: oktober 2021"
later "a milestone reached after the note" "Gennemført"

base
ins "$tmp/c/reports/$new/report.yaml" "events:" \
"  - id: evaluering\n    label: Evalueringen gennemført\n    date: januar 2022"
later "an event of the 2022 note" "Evalueringen gennemført"

base
printf '  - id: frivillige\n    label: Nye frivillige\n    value:\n      oktober 2021: 4\n' >>"$baba"
later "a figure first counted after the note" "Nye frivillige"

base
sed -i 's/^  dropped_out: 3$/  dropped_out:\n    3. juni 2021: 3\n    oktober 2021: 5/' "$bm"
grep -q '    oktober 2021: 5' "$bm" || fail "the number was not changed in the test"
later "a number changed after the note" "<td>5</td>"

# A plan made after the note does not reach it.
base
ins "$bm" "    planned_start: ultimo september 2021" "    planned_on: 1. juli 2021"
"$bin" build -C "$tmp/c" -o "$tmp/out" 2>"$tmp/err" || fail "planned_on: $(cat "$tmp/err")"
grep -q "Støtte til at etablere en forening" "$tmp/out/$note/index.html" &&
	fail "a plan made 1 July 2021 reached the note of 3 June 2021"
grep -q "Støtte til at etablere en forening" "$tmp/out/$new/index.html" ||
	fail "a plan made 1 July 2021 did not reach the note of 2022"

# A {{ }} of a value known only later: an error saying from when.
base
ins "$bm" "    planned: ultimo september 2021" "    actual: oktober 2021"
printf '\nFærdige: {{ bydelsmoedre.milestones.faerdiguddannet.actual }}.\n' \
    >>"$tmp/c/reports/$note/bydelsmoedre.md"
(cd "$tmp" && "$bin" check -C c) >/dev/null 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "a later value in {{ }}: exit $rc, expected 1"
grep -qF 'c/reports/2021-bydelsmoedre-baba/bydelsmoedre.md:' "$tmp/err" &&
    grep -qF '"bydelsmoedre.milestones.faerdiguddannet.actual" is not known on the note'"'"'s date, 3. juni 2021: the data gives it from oktober 2021 on' "$tmp/err" ||
	fail "a later value in {{ }}: $(cat "$tmp/err")"
grep -q 'unknown name' "$tmp/err" && fail "a later value in {{ }} is called unknown"

[ "$fails" -eq 0 ] && echo "as-of: 7 kinds of later facts, the 2021 note unchanged"
[ "$fails" -eq 0 ]
