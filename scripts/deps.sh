#!/bin/sh
# deps.sh [check|engines|fuzz]: install the Debian packages statusnotat
# needs, only when a check finds one missing: to build and run it
# (`make`); with "check" also the tools its tests read PDFs with and
# valgrind (`make check`, `make valgrind`); with "engines" the other PDF
# engines the tests read the PDF with where they are installed (mupdf,
# Ghostscript, PDFBox's Preflight with a Java runtime; .ci/run installs
# them, a developer's `make check` skips those tests without them); with
# "fuzz" clang for libFuzzer (`make fuzz`).  Safe to run again.
set -eu

missing=""
need() {	# need PACKAGE CHECK-COMMAND...
	pkg=$1; shift
	if ! "$@" >/dev/null 2>&1; then
		missing="$missing $pkg"
	fi
}

need pkg-config	command -v pkg-config
need gcc	command -v cc
need make	command -v make
need libyaml-dev	pkg-config --exists yaml-0.1
need libcmark-dev	pkg-config --exists libcmark
need libharfbuzz-dev	pkg-config --exists harfbuzz harfbuzz-subset
need libhpdf-dev	test -f /usr/include/hpdf.h
need libdeflate-dev	pkg-config --exists libdeflate
need libmicrohttpd-dev	pkg-config --exists libmicrohttpd
need libhyphen-dev	test -f /usr/include/hyphen.h
need gettext	command -v msgfmt
need hyphen-da	test -f /usr/share/hyphen/hyph_da_DK.dic
need fonts-liberation	test -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf
need icc-profiles-free	test -f /usr/share/color/icc/sRGB.icc
if [ "${1:-}" = fuzz ]; then
	need clang	command -v clang
fi
if [ "${1:-}" = engines ]; then
	need qpdf	command -v qpdf
	need mupdf-tools	command -v mutool
	need ghostscript	command -v gs
	need default-jre-headless	command -v java
	need libpdfbox2-java	test -f /usr/share/java/preflight.jar
	# Preflight needs javax.activation and JAXB, which Java 17 lacks.
	need libactivation-java	test -f /usr/share/java/javax.activation.jar
	need libjaxb-api-java	test -f /usr/share/java/jaxb-api.jar
fi
if [ "${1:-}" = check ]; then
	need valgrind	command -v valgrind
	need poppler-utils	command -v pdftotext
	need qpdf	command -v qpdf
	need perl	command -v perl
	need python3	command -v python3
	# tests/site/schema.sh: the JSON Schemas, with an independent validator
	need python3-yaml	python3 -c 'import yaml'
	need python3-jsonschema	python3 -c 'import jsonschema'
	need fonts-dejavu-core	test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
fi

[ -z "$missing" ] && exit 0

echo "statusnotat: installing missing Debian packages:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	echo "statusnotat: error: run as root or install:$missing" >&2
	exit 2
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
