#!/bin/sh
# pot.sh OUT.pot: every message of the program, for translators: the
# formats of the functions that report (diag_msg and the files' own
# err, lerr, fail, bad), what tr and trn translate, what N_ marks, and
# the phrases load.c's helpers put into their messages (check_map's
# "an initiative", need's and req_text's and req_id's, id_too_long's).
set -eu
out=$1
xgettext --from-code=UTF-8 --language=C --no-wrap --sort-by-file \
    --package-name=statusnotat --msgid-bugs-address= \
    --add-comments=TRANSLATORS: \
    -k -kN_ -ktr:2 -ktrn:2,3 -kdiag_msg:6 -klerr:3 -kerr:3 -kfail:2 \
    -kbad:3 -kcheck_map:3 -kneed:4 -kreq_text:4 -kreq_id:3 \
    -kid_too_long:5 -kpng_damaged:2 -kjpeg_damaged:2 -kcheck_apart:5 \
    -kremove_ours:5 \
    --flag=diag_msg:6:c-format --flag=lerr:3:c-format \
    --flag=err:3:c-format --flag=fail:2:c-format --flag=bad:3:c-format \
    -o "$out.tmp" src/*.c
# The creation date would change the file at every run.
sed '/^"POT-Creation-Date:/d' "$out.tmp" >"$out"
rm -f "$out.tmp"
