#!/bin/sh
# mistakes.sh STATUSNOTAT: tests/mistakes/mistakes.sh, the mistakes
# administrators make in the bundled content, one message each.
exec sh tests/mistakes/mistakes.sh "$1"
