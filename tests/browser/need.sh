# need.sh: sourced by the tests that run Chromium (tests/site/browser.sh,
# tests/site/preview.sh) after setting name: exits 77, skipped with a
# message, where Chromium or Node is missing or tests/browser's npm
# packages cannot be installed; .ci/run installs both, so CI runs them.
# Sets here (tests/browser) and chromium.
here=$(cd "$(dirname "$0")/../browser" && pwd)
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ] || ! command -v node >/dev/null 2>&1; then
	echo "$name: skipped: needs $chromium and node (apt-get install chromium nodejs npm)"
	exit 77
fi
if [ ! -d "$here/node_modules" ] &&
    ! npm ci --prefix "$here" --no-audit --no-fund >/dev/null 2>&1; then
	echo "$name: skipped: cannot install tests/browser's npm packages (npm ci)"
	exit 77
fi
