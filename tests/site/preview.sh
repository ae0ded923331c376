#!/bin/sh
# preview.sh STATUSNOTAT: statusnotat serve in a real browser
# (tests/browser/preview.mjs: Debian's Chromium, puppeteer-core): a
# figure changed in the YAML shows on the open page within two seconds
# without a manual reload; broken YAML shows the error at its file and
# line; mended, the note is back; nine pages open each load and each
# show the next save.  Skipped, with a message, where
# Chromium or Node is missing; .ci/run installs both, so CI runs it.
set -u
name=preview
. "$(dirname "$0")/../browser/need.sh"
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
cp -R content templates "$tmp/" || exit 1
TMPDIR=$tmp node "$here/preview.mjs" "$1" "$tmp" ${PREVIEW_IMAGES:+"$PREVIEW_IMAGES"}
