#!/bin/sh
# new.sh STATUSNOTAT [regen]: the yearly cycle on the bundled content.
# statusnotat new 2022-bydelsmoedre-baba --date "2. juni 2022" writes
# the folder as tests/new/expected/ has it (report.yaml, what it says),
# copies the texts but not the record, refuses a folder that exists, a
# date before the note it starts from and a bad id, and leaves what it
# did not write alone.  "regen" rewrites expected/ (review it).
set -u
bin=$1 mode=${2:-check}
case "$bin" in /*) ;; *) bin=$PWD/$bin ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
exp=$here/expected
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "new: $*"; fails=$((fails + 1)); }
cmp_exp() {	# NAME FILE: FILE is as expected/NAME
	if [ "$mode" = regen ]; then cp "$2" "$exp/$1"; return; fi
	[ -f "$exp/$1" ] || { fail "tests/new/expected/$1 is missing"; return; }
	diff -u "$exp/$1" "$2" || fail "$1 differs from tests/new/expected/$1"
}

cd "$tmp" || exit 1
cp -R "$root/content" content
old=content/reports/2021-bydelsmoedre-baba
new=content/reports/2022-bydelsmoedre-baba
# The 2021 note is published: its record stays with it.
"$bin" publish 2021-bydelsmoedre-baba -t "$root/templates" >/dev/null 2>&1 ||
	fail "publish 2021-bydelsmoedre-baba failed"
LANGUAGE=en "$bin" new 2022-bydelsmoedre-baba --date "2. juni 2022" \
    -t "$root/templates" >new.out 2>new.err
rc=$?
[ $rc -eq 0 ] || fail "new: exit $rc: $(cat new.err)"
cmp_exp new.out new.out
cmp_exp report.yaml "$new/report.yaml"
for f in "$old"/*.md; do
	cmp -s "$f" "$new/${f##*/}" || fail "${f##*/} was not copied as it is"
done
[ -e "$new/published.txt" ] && fail "the record published.txt was copied"
# Danish by default.
mkdir da
cp -R "$root/content" da/content
(cd da && env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 "$bin" new 2022-andet --date "2. juni 2022" -t "$root/templates") \
    >da.out 2>&1 || fail "new in Danish: $(cat da.out)"
cmp_exp da.out da.out

# Never into a folder that exists; nothing in it touched.
echo "mine" >"$new/noter.txt"
(cd "$new" && ls -la) >before
LANGUAGE=en "$bin" new 2022-bydelsmoedre-baba --date "2. juni 2022" \
    -t "$root/templates" >/dev/null 2>again.err
rc=$?
[ $rc -eq 2 ] || fail "new into a folder that exists: exit $rc, expected 2"
cmp_exp exists.err again.err
(cd "$new" && ls -la) >after
cmp -s before after || fail "new changed a folder that exists"
rm "$new/noter.txt"

# A date before the note it starts from, a bad id, no such note.
LANGUAGE=en "$bin" new 2020-x --date "1. juni 2020" -t "$root/templates" \
    >/dev/null 2>bad.err
[ $? -eq 2 ] || fail "a date before the note: not exit 2"
LANGUAGE=en "$bin" new "Ny note" -t "$root/templates" >/dev/null 2>>bad.err
[ $? -eq 2 ] || fail "a bad id: not exit 2"
LANGUAGE=en "$bin" new 2023-x --from 2019-y --date "1. juni 2023" \
    -t "$root/templates" >/dev/null 2>>bad.err
[ $? -eq 2 ] || fail "no such note: not exit 2"
LANGUAGE=en "$bin" new 2023-x --date "juni 2023" -t "$root/templates" \
    >/dev/null 2>>bad.err
[ $? -eq 2 ] || fail "a month for a date: not exit 2"
cmp_exp bad.err bad.err
for d in content/reports/2020-x content/reports/2023-x "content/reports/Ny note"; do
	[ -e "$d" ] && fail "$d was written after an error"
done

# The new note builds.
LANGUAGE=en "$bin" check -t "$root/templates" >/dev/null 2>check.err
[ $? -eq 0 ] || fail "the new note does not check: $(cat check.err)"

# The facts of the year: Baba started again and both first teams
# finished.  check warns about what the copied texts still say: each
# text word for word last year's, the plans they speak of that were
# carried out, and the trainings, begun by the last note, still going
# on with nothing new.
I=content/initiatives
sed -i 's/^    planned: senest d. 8. juni 2021/&\n    actual: 7. juni 2021/' $I/baba.yaml
sed -i 's/^    planned: ultimo oktober 2021/&\n    actual: 29. oktober 2021/' $I/baba.yaml
sed -i 's/^    planned: ultimo september 2021$/&\n    actual: 30. september 2021/' $I/bydelsmoedre.yaml
# A second team began: the counts become a list of courses, and the
# published 2021 note, which knew one, stays as it was.
perl -0pi -e 's/participants:\n  started: 16\n  dropped_out: 3\n/participants:\n  - id: hold1\n    label: Første hold\n    started: 16\n    dropped_out: 3\n  - id: hold2\n    label: Andet hold\n    started:\n      1. marts 2022: 14\n/' $I/bydelsmoedre.yaml
grep -q 'label: Andet hold' $I/bydelsmoedre.yaml ||
	fail "the second course was not added (has content/ changed?)"
# A plan's date typed by hand in a text, added to last year's.
printf '\nBaba startes op igen senest d. 8. juni 2021.\n' >>"$new/fremtiden.md"
grep -q 'actual: 7. juni 2021' $I/baba.yaml &&
    grep -q 'actual: 30. september 2021' $I/bydelsmoedre.yaml ||
	fail "the facts of the year were not added (has content/ changed?)"
LANGUAGE=en "$bin" check -t "$root/templates" >/dev/null 2>stale.en.err
env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 \
    "$bin" check -t "$root/templates" >/dev/null 2>stale.err
grep -q 'was published' stale.en.err &&
	fail "the year's facts changed the published 2021 note: $(cat stale.en.err)"
cmp_exp stale.en.err stale.en.err
cmp_exp stale.err stale.err
for w in 'word for word the one of the note "2021-bydelsmoedre-baba"' \
    '"Indsatsen startes op igen" happened on 7. juni 2021' \
    'fremtiden.md:8:22: warning: "Indsatsen startes op igen" happened' \
    '"Første hold færdiguddannet" happened on 30. september 2021' \
    'the phase "uddannelse" had begun by the note of 3. juni 2021' \
    'bydelsmoedre.md:22:54: warning: "bydelsmoedre.participants.started" was the count of one course, "Første hold"'; do
	grep -qF "$w" stale.en.err || fail "no warning: $w"
done

# Revised: the texts say what happened and name the first course's
# counts; the trainings have their ends.
sed -i 's/genstart\.planned/genstart.actual/; s/faerdiguddannet\.planned/faerdiguddannet.actual/; s/Det forventes, at indsatsen kan startes op igen/Indsatsen blev startet op igen/' "$new/baba.md"
sed -i 's/faerdiguddannet\.planned/faerdiguddannet.actual/; s/vil være færdiguddannede/blev færdiguddannede/; s/participants\.started/participants.hold1.started/; s/participants\.dropped_out/participants.hold1.dropped_out/' "$new/bydelsmoedre.md"
sed -i '/senest d. 8. juni 2021/d' "$new/fremtiden.md"
for f in indledning fremtiden; do
	printf '\nSiden sidste statusnotat er begge hold færdiguddannede.\n' >>"$new/$f.md"
done
sed -i 's/^    start: september 2020$/&\n    end: 29. oktober 2021/' $I/baba.yaml
sed -i 's/^    start: 20. maj 2021$/&\n    end: 30. september 2021/' $I/bydelsmoedre.yaml
# The recruitments go on: said with the date they were known to, so the
# 2021 note stays as it was published.
sed -i 's/^    start: sommeren 2020$/&\n    ongoing: 2. juni 2022/' $I/baba.yaml $I/bydelsmoedre.yaml
LANGUAGE=en "$bin" check -t "$root/templates" >/dev/null 2>revised.en.err
cmp_exp revised.en.err revised.en.err
for w in 'word for word' 'happened on' 'nothing new' 'count of one course' \
    'began after it' 'was published'; do
	grep -qF "$w" revised.en.err && fail "still warns after the revision: $w"
done
# The recruitment goes on in the 2022 note and, as published, not in 2021.
LANGUAGE=en "$bin" build -t "$root/templates" -o site >/dev/null 2>&1 ||
	fail "the revised notes do not build"
grep -qF '<td>Rekruttering af fædre</td><td>I gang</td>' \
    site/2022-bydelsmoedre-baba/index.html ||
	fail "the 2022 note does not show the recruitment going on"
grep -qF '<td>Rekruttering af fædre</td><td></td>' \
    site/2021-bydelsmoedre-baba/index.html ||
	fail "the 2021 note changed: $(grep 'Rekruttering af fædre</td>' site/2021-bydelsmoedre-baba/index.html)"

[ "$fails" -eq 0 ] && [ "$mode" != regen ] &&
	echo "new: the next note written as expected, its texts copied, nothing overwritten"
[ "$fails" -eq 0 ]
