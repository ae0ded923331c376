#!/bin/sh
# cmark-work.sh STATUSNOTAT: a narrative within the limits is checked in
# seconds, whatever it holds.  Debian's cmark 0.30.2 is quadratic on
# `![[]()` repeated (CVE-2023-22486: 125 s for 1 MiB), on blank lines in
# lists nested deep, bare or in a quote, and on emphasis in a deep quote
# (CVE-2023-24824): each is an error at its line, and what is just
# within the budgets, and cmark's other pathological inputs (its
# test/pathological_tests.py), are checked.  `timeout` only guards
# against a hang; times are printed, not tested.
set -u
bin=$1
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
status=0
command -v python3 >/dev/null 2>&1 || { echo "cmark-work: skipped: no python3"; exit 77; }

# run NAME WANT-EXIT GREP PYTHON-EXPRESSION: the narrative is the
# expression's value, cut at 1 MiB.  $milestones more milestones are
# added to the initiative (for more names to look among); $guard is the
# hang guard in seconds.
milestones=0 guard=60
run() {
	name=$1 want=$2 pattern=$3 expr=$4
	rm -rf "$tmp/c"
	cp -R tests/golden/minimal/content "$tmp/c"
	python3 -c "import sys; sys.stdout.buffer.write(($expr).encode()[:1048576])" \
	    >"$tmp/c/reports/2022-kaffe/kaffe.md"
	python3 -c "print(''.join('  - id: m%d\n    label: M %d\n    planned: juni 2022\n'
	    % (i, i) for i in range($milestones)), end='')" \
	    >>"$tmp/c/initiatives/kaffe.yaml"
	start=$(date +%s)
	timeout "$guard" "$bin" check -C "$tmp/c" >/dev/null 2>"$tmp/err"
	rc=$?
	echo "cmark-work: $name: exit $rc in $(( $(date +%s) - start )) s"
	if [ "$rc" -ne "$want" ] || { [ -n "$pattern" ] &&
	    ! grep -q -- "$pattern" "$tmp/err"; }; then
		echo "cmark-work: $name: exit $rc (want $want), messages:"
		head -n 3 "$tmp/err"
		status=1
	fi
}

m=kaffe.md
# The quadratic classes, at 1 MiB: refused at a line.
run '![[]() repeated' 1 "$m:1: error: too many \"\\[\" or \"!\\[\" left open" \
    '"![[]()" * 174762'
run 'blank lines in a list 30000 deep' 1 "$m:[0-9]*: error: the text is too long for how deeply" \
    '"- " * 30000 + "x" + "\n" * 30000'
run 'blank lines in a list 30000 deep in a quote' 1 "$m:[0-9]*: error: the text is too long" \
    '"> " + "- " * 30000 + "x\n" + ">\n" * 30000'
run 'emphasis in a quote 100000 deep' 1 "$m:1: error: the text is too long" \
    '">" * 100000 + "a*" * 100000'
# Just within the budgets: checked.
run '![[]() 6000 times' 0 "" '"![[]()" * 6000'
run 'blank lines in a list 4000 deep' 0 "" '"- " * 4000 + "x" + "\n" * 4000'
run 'a quote 20000 deep, then 1 MiB of text' 0 "" \
    '">" * 20000 + " a\n" + "tekst linje her\n" * 65000'
# cmark's other pathological inputs, at about 1 MiB.
run 'nested strong emph' 0 "" '"*a **a " * 65000 + "b" + " a** a*" * 65000'
run 'link openers' 0 "" '"[a" * 500000'
run 'unclosed links' 0 "" '"[a](<b" * 170000'
run 'unclosed comments' 0 "" '"</" + "<!--" * 260000'
run 'nested brackets' 0 "" '"[" * 500000 + "a" + "]" * 500000'
run 'backticks' 0 "" '"".join("e" + "`" * x for x in range(1, 1400))'
run 'many references' 0 "" \
    '"".join("[%d]: u\n" % x for x in range(1, 80000)) + "[0] " * 5000'

# {{ }} in the narrative, filled in before cmark: each byte is read a
# bounded number of times.  Many "{{" left open on one line (each read
# to the end of the line: 77 s for 300000), many references closed on a
# line without a newline, and many unknown names among 200 milestones
# (each looked for among all names to suggest one, past the messages
# shown).
guard=20
run '"{{ " 349525 times' 1 "statusnotat: 349525 errors" '"{{ " * 349525'
grep -q "/$m:1:1: error: \"{{\" is not closed by \"}}\" on the same line" \
    "$tmp/err" && grep -q "/$m:1:598: error: \"{{\" is not closed" "$tmp/err" || {
	echo "cmark-work: \"{{ \" 349525 times: not each at its place:"
	head -n 3 "$tmp/err"
	status=1
}
run '"{{ kaffe.name }}" 65536 times' 0 "" '"{{ kaffe.name }}" * 65536'
milestones=199
run '"{{kaffe.a}}" 95325 times among 200 milestones' 1 \
    "statusnotat: 95325 errors" '"{{kaffe.a}}" * 95325'
milestones=0 guard=60

[ "$status" -eq 0 ] && echo "cmark-work: every narrative within the limits checked in seconds"
exit $status
