#!/bin/sh
# libharu-internals.sh [STATUSNOTAT]: libharu's internals are used in one
# file only, src/pdf_hpdf.c, which refuses another libharu than 2.3.x.
# No other file under src/ includes libharu's private headers
# (hpdf_doc.h, hpdf_objects.h, hpdf_pages.h, hpdf_streams.h, ...: every
# hpdf_*.h), or includes hpdf.h without HPDF_SHARED (which keeps its
# structures opaque), or calls its object and stream functions or reads
# the fields of its structures.  And the version guard works: against a
# copy of libharu's headers that says 2.4.0, src/pdf_hpdf.c does not
# compile and says why.  (The binary is not used: this is about the
# source.)
set -u
status=0
say() { echo "libharu-internals: $*"; status=1; }
only=src/pdf_hpdf.c

[ -f "$only" ] || say "$only is missing: libharu's internals belong there"
for f in src/*.c src/*.h; do
	[ "$f" = "$only" ] && continue
	grep -n '#[[:space:]]*include[[:space:]]*[<"]hpdf_[a-z0-9_]*\.h' "$f" |
	    sed "s|^|$f:|;s|\$| (a private libharu header: only in $only)|" |
	    grep . && status=1
	if grep -q '#[[:space:]]*include[[:space:]]*[<"]hpdf\.h' "$f"; then
		awk '/#[ \t]*define[ \t]+HPDF_SHARED/ { ok = 1 }
		    /#[ \t]*include[ \t]*[<"]hpdf\.h/ { exit !ok }' "$f" ||
		    say "$f includes hpdf.h without defining HPDF_SHARED first"
	fi
	grep -nE 'HPDF_(Dict|Array|Stream|DictStream|Xref|Binary|String|Null|Number|Real|Name|Boolean|Obj|Page_)[A-Za-z]*_?(New|Add|Write|Get|Set|Remove|Header|Attr)|->(mmgr|xref|catalog|trailer|write_fn|before_write_fn|after_write_fn|filter|pdf_version|obj_id)\b|HPDF_PageAttr|HPDF_STREAM_FILTER' "$f" |
	    grep -v 'HPDF_Page_Create\|HPDF_Page_Set[WH]' |
	    sed "s|^|$f:|;s|\$| (libharu's internals: only in $only)|" |
	    grep . && status=1
done

# The guard: libharu's headers, copied, with another version.
if [ -f "$only" ] && [ -f /usr/include/hpdf_version.h ]; then
	tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
	cp /usr/include/hpdf*.h "$tmp/"
	sed -i 's/^#define HPDF_MINOR_VERSION .*/#define HPDF_MINOR_VERSION 4/' \
	    "$tmp/hpdf_version.h"
	if ${CC:-cc} -std=c11 -fsyntax-only -I"$tmp" -Isrc "$only" \
	    >"$tmp/err" 2>&1; then
		say "$only compiles against a libharu that says 2.4: no guard"
	elif ! grep -q 'needs libharu 2.3' "$tmp/err"; then
		say "$only fails against libharu 2.4 without saying why:"
		cat "$tmp/err"
	fi
	${CC:-cc} -std=c11 -fsyntax-only -Isrc "$only" >"$tmp/err" 2>&1 ||
	    { say "$only does not compile against this libharu:"; cat "$tmp/err"; }
fi
exit $status
