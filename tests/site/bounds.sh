#!/bin/sh
# bounds.sh STATUSNOTAT: the bounds on the content's totals
# (docs/content.md) are reachable, and passing one is a clear error at
# the file (and line) that does.  At the bounds, check finishes: 1000
# initiatives, one with 200 phases, 200 milestones and 200 figures, a
# count with 100 dates, a milestone with 50 changed plans, ten notes of
# 5000 rows each (50000 in all) with their overdue warnings, a mapping of
# 1000 keys, narratives of 4 MiB in one note.  One past each, check
# says so.  `timeout` only guards against a hang (the inputs used to
# take minutes, or never finish); the times are printed, not tested.
set -u
bin=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
status=0
command -v python3 >/dev/null 2>&1 || { echo "bounds: skipped: no python3"; exit 77; }

# gen DIR [OPTION=VALUE...]: a content tree; see the defaults below.
gen() {
	python3 - "$@" <<'PY'
import os, shutil, sys
d = sys.argv[1]
o = dict(inits=1000, ms=19, big=1, hist=100, replans=50, notes=10,
         per=100, events=700, keys=0, extra=0, narr=0, fill=0)
for a in sys.argv[2:]:
    k, v = a.split("=")
    o[k] = int(v)
shutil.rmtree(d, ignore_errors=True)
os.makedirs(d + "/initiatives")
os.makedirs(d + "/reports")
with open(d + "/site.yaml", "w") as f:
    f.write("municipality: Testrup Kommune\nunits:\n  - id: adm\n    name: A\n")
    for k in range(o["keys"]):
        f.write("k%d: x\n" % k)
def milestones(f, n, start=0):
    for m in range(start, start + n):
        f.write("  - { id: m%d, label: M, planned: %d. maj 2020 }\n"
                % (m, m % 28 + 1))
# i0, outside the notes: the most one initiative may hold.
with open(d + "/initiatives/i0.yaml", "w") as f:
    f.write("name: Stor\nowner: adm\nparticipants:\n  started:%s\n"
            % ("" if o["hist"] else " 1"))
    for h in range(o["hist"]):
        f.write("    %d. januar %d: %d\n" % (h % 28 + 1, 1950 + h, h))
    if o["big"]:
        f.write("phases:\n")
        for p in range(200):
            f.write("  - { id: p%d, kind: training, name: P, "
                    "start: 1. marts 2020 }\n" % p)
        f.write("milestones:\n")
        milestones(f, 199 + o["extra"])
        f.write("  - id: flyttet\n    label: F\n    planned: 1. maj 2020\n"
                "    actual: 1. maj 2023\n    replanned:\n")
        for r in range(o["replans"]):
            f.write("      - { date: %d. januar %d, planned: 1. maj 2030 }\n"
                    % (r % 28 + 1, 1960 + r))
    figs = (200 if o["big"] else 0) + o["fill"]
    if figs:
        f.write("figures:\n")
    for g in range(figs):
        f.write("  - { id: f%d, label: F, value: %d }\n" % (g, g))
# i1..: each in the notes, 19 overdue milestones.
for i in range(1, o["inits"]):
    with open(d + "/initiatives/i%d.yaml" % i, "w") as f:
        f.write("name: I%d\nowner: adm\nmilestones:\n" % i)
        milestones(f, o["ms"])
# Each note: a chart and 100 initiatives of 19 milestones:
# 100 * (19 + 5) + (100 * 19 + 700 events) = 5000 rows.
para = ("Tekst med *fremhævning* og et [link](https://example.org).\n\n"
        ).encode()
for n in range(o["notes"]):
    nd = d + "/reports/n%d" % n
    os.makedirs(nd)
    ids = ["i%d" % ((n * o["per"] + k) % (o["inits"] - 1) + 1)
           for k in range(o["per"])]
    with open(nd + "/report.yaml", "w") as f:
        f.write("date: 1. maj 2022\nsubject: S\nsender: adm\n")
        f.write("initiatives: [%s]\n" % ", ".join(ids))
        if o["events"]:
            f.write("events:\n")
        for e in range(o["events"]):
            f.write("  - { id: e%d, label: E, date: 1. maj 2021 }\n" % e)
        f.write("sections:\n  - include: chart\n")
        for k in ids:
            f.write("  - initiative: %s\n" % k)
        for k in range(o["narr"]):
            f.write("  - narrative: n.md\n")
    if o["narr"]:
        text = (para * (1048576 // len(para) + 1))[:1048575] + b"\n"
        open(nd + "/n.md", "wb").write(text)
PY
}

# expect WHAT WANT-EXIT GREP: check the content in $tmp/c.
expect() {
	what=$1 want=$2 pattern=$3
	start=$(date +%s)
	timeout 60 "$bin" check -C "$tmp/c" >/dev/null 2>"$tmp/err"
	rc=$?
	echo "bounds: $what: exit $rc in $(( $(date +%s) - start )) s"
	if [ "$rc" -ne "$want" ] || { [ -n "$pattern" ] &&
	    ! grep -q -- "$pattern" "$tmp/err"; }; then
		echo "bounds: $what: exit $rc (want $want), messages:"
		grep -v "warning" "$tmp/err" | head -n 5
		status=1
	fi
}

# At every bound at once: warnings only (19 overdue milestones in each
# initiative, 221 in i0), no error.
gen "$tmp/c"
expect "at the bounds" 0 "i999.yaml:.*warning: the milestone \"m18\""
if grep -q ": error:" "$tmp/err"; then
	echo "bounds: at the bounds: an error:"; grep ": error:" "$tmp/err" | head -n 3
	status=1
fi

# One past each bound.
gen "$tmp/c" extra=1
expect "201 milestones" 1 \
    "i0.yaml:[0-9]*:3: error: \"milestones\" has 201 items, at most 200"
gen "$tmp/c" replans=51 notes=0
expect "51 changed plans" 1 \
    "i0.yaml:[0-9]*:7: error: \"replanned\" has 51 items, at most 50"
gen "$tmp/c" hist=101 notes=0
expect "101 dates" 1 "i0.yaml:5:5: error: \"started\" has 101 dates, at most 100"
# 999 initiatives of 20 milestones and 20 figures in i0: 20000 in all.
gen "$tmp/c" ms=20 notes=0 big=0 fill=20
expect "20000 phases, milestones and figures" 0 ""
gen "$tmp/c" ms=20 notes=0 big=0 fill=21
expect "20001 phases, milestones and figures" 1 \
    "i999.yaml: error: the initiatives have more than 20000"
gen "$tmp/c" events=701 notes=1
expect "5001 rows in a note" 1 \
    "n0/report.yaml:[0-9]*:5: error: the note shows more than 5000 rows"
gen "$tmp/c" notes=11
expect "50001 rows in all" 1 "error: the notes show more than 50000 rows"
gen "$tmp/c" notes=0 keys=1000
expect "1001 keys" 1 "site.yaml:[0-9]*:1: error: more than 1000 keys in one place"

# Narratives: 4 MiB in one note is the bound; 5 MiB, or 33 MiB in all,
# is an error at the section.
gen "$tmp/c" notes=1 narr=4 per=1 events=0
expect "4 MiB of narratives" 0 ""
gen "$tmp/c" notes=1 narr=5 per=1 events=0
expect "5 MiB of narratives in a note" 1 \
    "n0/report.yaml:[0-9]*:5: error: the note's narratives are more than 4 MB"
gen "$tmp/c" notes=9 narr=4 per=1 events=0
expect "36 MiB of narratives" 1 "error: the notes' narratives are more than 32 MB"

# YAML files of more than 16 MiB together.
gen "$tmp/c" notes=0 big=0 inits=20
for i in $(seq 1 17); do
	{ echo "name: Fyld"; echo "owner: adm";
	  head -c 1000000 /dev/zero | tr '\0' '#'; echo; } \
	    >"$tmp/c/initiatives/fyld$i.yaml"
done
expect "17 MB of YAML" 1 "fyld[0-9]*.yaml: error: the content's YAML files are more than 16 MB"

[ "$status" -eq 0 ] && echo "bounds: every total bound reachable, one past each an error"
exit $status
