#!/bin/sh
# browser.sh STATUSNOTAT: the website in a real browser (tests/browser/
# browser.mjs: Debian's Chromium, axe-core with the WCAG 2.1 A and AA
# rules, layout at 375 px, keyboard, requests) and through html-validate
# (tests/browser/.htmlvalidate.json), on the bundled content and on
# tests/golden/series: three invented notes on the same initiatives
# (2021 and 2022), so the index, the notes' links to each other and the
# initiatives' pages with several notes are covered.  html-validate's recommended rules hold but one:
# long-title, a search-engine heuristic, since a note's title is its
# date, the administrators' own subject and the municipality (WCAG 2.4.2
# asks for a title that says what the page is).  Skipped, with a message, where Chromium or Node is
# missing; .ci/run installs both, so CI always runs it.
set -u
name=browser
. "$(dirname "$0")/../browser/need.sh"
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
status=0
"$1" build -o "$tmp/site" || exit 1
"$1" build -C tests/golden/series/content -o "$tmp/site2022" \
    2>/dev/null || exit 1
for site in "$tmp/site" "$tmp/site2022"; do
	node "$here/browser.mjs" check "$site" || status=1
	# shellcheck disable=SC2046
	if "$here/node_modules/.bin/html-validate" --config \
	    "$here/.htmlvalidate.json" $(find "$site" -name '*.html' | sort)
	then
		echo "html-validate: $(find "$site" -name '*.html' | wc -l) pages valid"
	else
		status=1
	fi
done
exit $status
