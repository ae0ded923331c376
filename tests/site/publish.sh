#!/bin/sh
# publish.sh STATUSNOTAT: a published note never changes silently.
# "publish" writes the note's text into published.txt; an edit that
# changes what the note says is then an error (exit 1) naming the note
# with the changed lines, and build leaves the old output as it was; a
# new print style or template is no change; facts dated after the note
# are none either; a correction recorded in report.yaml is printed with
# the note (page and PDF) and publish adds it as a new edition, keeping
# the first.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "publish: $*"; fails=$((fails + 1)); }
command -v pdftotext >/dev/null 2>&1 ||
	{ echo "publish: skipped: no pdftotext (poppler-utils)"; exit 77; }
note=2021-bydelsmoedre-baba
cp -R content templates "$tmp/"
cd "$tmp" || exit 1
rec=content/reports/$note/published.txt

"$bin" publish "$note" >out 2>err || fail "publish: exit $?: $(cat err)"
grep -qF "published \"$note\" (edition 1)" out || fail "publish said: $(cat out)"
[ -f "$rec" ] || { echo "publish: no $rec"; exit 1; }
head -1 "$rec" | grep -qF "statusnotat: the published record of the note $note." ||
	fail "the record's first line: $(head -1 "$rec")"
grep -qx '=== edition 1: published 3. juni 2021' "$rec" || fail "no first edition in the record"
for s in '  Statusnotat' '  Vedr. indsatserne Baba og Bydelsmødre' '  ## Bydelsmødre' \
    '  Center for Børn og Forebyggelse'; do
	grep -qxF "$s" "$rec" || fail "the record has no line \"$s\""
done
grep -qF 'I alt 16 kvinder' "$rec" || fail "the record lacks the text with its numbers"
tail -n +3 "$rec" | LC_ALL=C.UTF-8 grep -q '^.\{75,\}' &&
	fail "the record has lines over 72 columns: $(tail -n +3 "$rec" | LC_ALL=C.UTF-8 grep '^.\{75,\}' | head -3)"
cp "$rec" rec.1

"$bin" publish no-such-note >/dev/null 2>err
[ $? -eq 2 ] && grep -qF 'there is no note "no-such-note"' err ||
	fail "publish of a note that does not exist: $(cat err)"

# Again: nothing to do, nothing written.
"$bin" publish "$note" >out 2>err || fail "publish again: exit $?: $(cat err)"
grep -q 'is published as it is' out || fail "publish again said: $(cat out)"
cmp -s "$rec" rec.1 || fail "publish again changed the record"
"$bin" check 2>err || fail "check after publish: exit $?: $(cat err)"
"$bin" build -o out1 2>err || fail "build after publish: exit $?: $(cat err)"

# An edit that changes the note: an error with the lines, output intact.
cp -pR out1 out1.before
sed -i 's/^  started: 16$/  started: 17/' content/initiatives/bydelsmoedre.yaml
"$bin" check 2>err
rc=$?
[ "$rc" -eq 1 ] || fail "check after a change: exit $rc, expected 1"
grep -qE "^content/reports/$note/published.txt:[0-9]+:1: error: the note \"$note\" was published, and what it says has changed" err ||
	fail "check after a change: $(cat err)"
grep -q 'note: published:   .*I alt 16 kvinder' err && grep -q 'note: now:         .*I alt 17 kvinder' err ||
	fail "check after a change does not show the lines: $(cat err)"
"$bin" build -o out1 2>err
rc=$?
[ "$rc" -eq 1 ] || fail "build after a change: exit $rc, expected 1"
diff -r out1.before out1 >/dev/null || fail "build after a change changed the output"
"$bin" publish "$note" >/dev/null 2>err
rc=$?
[ "$rc" -eq 1 ] || fail "publish of a change without a correction: exit $rc, expected 1"
grep -qF 'each new edition needs a correction of its own: record the correction under "corrections"' err ||
	fail "publish without a correction: $(cat err)"
cmp -s "$rec" rec.1 || fail "a refused publish changed the record"
sed -i 's/^  started: 17$/  started: 16/' content/initiatives/bydelsmoedre.yaml

# A typo after publishing is one error: the note is not compared with its
# record while its content has errors (the typo's value is left out).
sed -i 's/^  started: 16$/  started: seksten/' content/initiatives/bydelsmoedre.yaml
"$bin" check 2>err
[ $? -eq 1 ] && grep -q 'must be a whole number' err &&
    ! grep -q 'was published' err && grep -q '^statusnotat: 1 error, ' err ||
	fail "a typo after publishing is not one error: $(cat err)"
sed -i 's/^  started: seksten$/  started: 16/' content/initiatives/bydelsmoedre.yaml

# A new print style and a new template change nothing that is said.
sed -i 's/^  margin_left: 25$/  margin_left: 40/; s/^  body: 10.5$/  body: 11/' templates/pdf.yaml
sed -i 's/<main/<main data-test="x"/' templates/*.mustache
"$bin" build -o out2 2>err || fail "build with a new print style: exit $?: $(cat err)"

# Facts that happened after the note change nothing either.
sed -i 's/^    start: 20\. maj 2021$/    start: 20. maj 2021\n    end: oktober 2021/' content/initiatives/bydelsmoedre.yaml
grep -q '    end: oktober 2021' content/initiatives/bydelsmoedre.yaml || fail "the later fact was not added"
"$bin" check 2>err || fail "check with a fact dated after the note: exit $?: $(cat err)"

# A correction: printed with the note, then published as edition 2.
sed -i 's/^  started: 16$/  started: 15/' content/initiatives/bydelsmoedre.yaml
cat >>"content/reports/$note/report.yaml" <<'YAML'
corrections:
  - date: 5. juli 2022
    what: Det var 15 kvinder, ikke 16, der deltog i forløbet.
    why: en fejl i deltagerlisten
YAML
"$bin" check 2>err
[ $? -eq 1 ] || fail "check of a correction not yet published: not an error"
"$bin" publish "$note" >out 2>err || fail "publish of a correction: exit $?: $(cat err)"
grep -qF "(edition 2)" out || fail "publish of a correction said: $(cat out)"
# It shows what the edition changes, to be seen before it is committed.
grep -qE "^ *content/reports/$note/published.txt:[0-9]+:1: note: edition 2 changes the note here" err &&
    grep -q 'note: published:   .*I alt 16 kvinder' err &&
    grep -q 'note: now:         .*I alt 15 kvinder' err ||
	fail "publish of a correction does not show what it changes: $(cat err)"
grep -qx '=== edition 2: corrected 5. juli 2022' "$rec" || fail "no second edition"
head -n "$(wc -l <rec.1)" "$rec" | cmp -s - rec.1 || fail "the first edition was not kept as it was"
grep -qF 'I alt 15 kvinder' "$rec" || fail "the second edition lacks the corrected text"
grep -qF 'Rettet 5. juli 2022: Det var 15 kvinder, ikke 16, der deltog i' "$rec" ||
	fail "the second edition lacks the correction"
"$bin" build -o out3 2>err || fail "build after the correction: exit $?: $(cat err)"
grep -qF 'Rettet 5. juli 2022: Det var 15 kvinder, ikke 16, der deltog i forløbet. Begrundelse: en fejl i deltagerlisten.' \
    "out3/$note/index.html" || fail "the page does not print the correction"
pdftotext "out3/$note/$note.pdf" - | tr '\n' ' ' | grep -qF 'Rettet 5. juli 2022' ||
	fail "the PDF does not print the correction"

# A published.txt that statusnotat did not write is not taken for one.
echo "mine" >"$rec"
"$bin" check 2>err
[ $? -eq 1 ] && grep -qF "published.txt:1:1: error: this is not a record statusnotat publish wrote" err ||
	fail "a foreign published.txt: $(cat err)"
"$bin" publish "$note" >/dev/null 2>&1
[ "$(cat "$rec")" = mine ] || fail "publish overwrote a published.txt it did not write"

[ "$fails" -eq 0 ] && echo "publish: published, a change refused with its lines, a correction printed and kept"
[ "$fails" -eq 0 ]
