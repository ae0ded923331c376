#!/bin/sh
# style.sh STATUSNOTAT: a wrong print style (templates/pdf.yaml) is
# reported like content, at its line and column, by check and by build,
# and a style that changes the page changes the PDF.
set -u
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
cp -R templates "$tmp/tpl"
cat >"$tmp/tpl/pdf.yaml" <<'YAML'
page:
  width: 20
sizes:
  bodi: 10
colors:
  text: black
YAML
"$1" check -t "$tmp/tpl" 2>"$tmp/err"
rc=$?
cat >"$tmp/want" <<WANT
$tmp/tpl/pdf.yaml:2:10: error: "width" must be a number from 50 to 1000, got "20"
$tmp/tpl/pdf.yaml:4:3: error: unknown key "bodi" in "sizes" (did you mean "body"?)
$tmp/tpl/pdf.yaml:6:9: error: "text" must be a colour such as "#1a1a1a"
statusnotat: 3 errors, 0 warnings
WANT
status=0
[ "$rc" -eq 1 ] || { echo "style: check exited $rc, expected 1"; status=1; }
diff -u "$tmp/want" "$tmp/err" || status=1
# Letter paper: the PDF's pages follow.
printf 'page:\n  width: 215.9\n  height: 279.4\n' >"$tmp/tpl/pdf.yaml"
"$1" build -t "$tmp/tpl" -o "$tmp/out" || exit 1
pdfinfo "$tmp/out/2021-bydelsmoedre-baba/2021-bydelsmoedre-baba.pdf" |
    grep -q 'Page size: *612 x 792 pts (letter)' || { echo "style: not letter paper"; status=1; }
exit $status
