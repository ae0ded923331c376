#!/bin/sh
# new.sh STATUSNOTAT: tests/new/new.sh, statusnotat new on the bundled content.
exec sh tests/new/new.sh "$1"
