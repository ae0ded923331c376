#!/bin/sh
# serve.sh STATUSNOTAT: statusnotat serve, the live preview, from outside
# (tests/site/serve.py: its address and port, the pages and PDF it
# serves, what it refuses, stalled clients, rebuilding on a save, the
# errors on the page and in the terminal, Ctrl-C).
set -u
command -v python3 >/dev/null 2>&1 || {
	echo "serve: skipped: needs python3 (make deps-check installs it)"
	exit 77
}
exec python3 tests/site/serve.py "$1"
