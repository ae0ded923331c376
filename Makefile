# statusnotat: build, render the bundled content, test.
#   make          install missing Debian packages, build, render content/ into output/
#   make check    run every test (plain and under ASan/UBSan)
#   make regen    rewrite the golden files (review the diff before committing)
#   make schemas  rewrite schema/*.schema.json (statusnotat schema KIND)
#   make screenshots  the site in Chromium at 375 and 1280 px, and printed
#   make fuzz     each fuzz target with libFuzzer for FUZZ_SECONDS
#   make valgrind the program under valgrind: no errors, no leaks
-include Makefile.local

CC	?= cc
CFLAGS	?= -O2 -g
PREFIX	?= /usr/local
DESTDIR	?=
SHARED	?= ../shared
PKG_CONFIG ?= pkg-config

# Required: users may add to CFLAGS but cannot drop these.
WARNINGS = -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wpedantic \
	-Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 \
	-Wwrite-strings -Wundef -Wvla -Wcast-align -Wpointer-arith \
	-Wnull-dereference -Wimplicit-fallthrough
# build/templatedir.h: where the installed program finds its templates.
DEFS	 = -Ibuild
PKGS	 = yaml-0.1 libcmark harfbuzz harfbuzz-subset libdeflate libmicrohttpd
# Debian's libhpdf-dev and libhyphen-dev have no .pc files.
HPDF_LIBS ?= -lhpdf -lpng -lz
HYPHEN_LIBS ?= -lhyphen
PKG_CFLAGS = $$($(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS   = $$($(PKG_CONFIG) --libs $(PKGS)) $(HPDF_LIBS) $(HYPHEN_LIBS) -lm
# The Danish hyphenation patterns, made UTF-8 and expanded at build time.
HYPH_DIC ?= /usr/share/hyphen/hyph_da_DK.dic
SUBSTRINGS ?= /usr/share/libhyphen/substrings.pl
SAN	 = -fsanitize=address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=all

SRCS	!= ls src/*.c
LIBSRCS	 = $(filter-out src/main.c,$(SRCS)) build/hyph_da.c build/da_mo.c
TESTS	!= ls tests/unit/test_*.c 2>/dev/null
OBJ	 = $(patsubst %.c,build/obj/%.o,$(notdir $(LIBSRCS)))
ASANOBJ	 = $(patsubst %.c,build/asan/%.o,$(notdir $(LIBSRCS)))
TESTBIN	 = $(TESTS:tests/unit/%.c=build/obj/%)
ASANTESTBIN = $(TESTS:tests/unit/%.c=build/asan/%)
# Fuzz targets: tests/fuzz/fuzz_NAME.c, run by make check as plain
# programs under ASan (build/asan/fuzzrun_NAME) and by make fuzz with
# libFuzzer (clang).
FUZZERS	!= ls tests/fuzz/fuzz_*.c 2>/dev/null
FUZZRUN	 = $(FUZZERS:tests/fuzz/fuzz_%.c=build/asan/fuzzrun_%)
FUZZBIN	 = $(FUZZERS:tests/fuzz/fuzz_%.c=build/fuzz/fuzz_%)
FUZZOBJ	 = $(patsubst %.c,build/fuzz/%.o,$(notdir $(LIBSRCS)))
FUZZ_SECONDS ?= 60
FUZZ_CC	?= clang
FUZZ_SAN = -fsanitize=address,undefined -fno-omit-frame-pointer
.SECONDARY: $(FUZZOBJ)

.PHONY: FORCE all deps deps-check render check run-tests regen schemas clean install bench screenshots fuzz valgrind pot
# deps runs first and alone, so that make -j never compiles before the
# headers it installs are there.
all: deps
	@$(MAKE) --no-print-directory statusnotat render

deps:
	@sh scripts/deps.sh

render: statusnotat
	./statusnotat build

statusnotat: build/obj/main.o $(OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ build/obj/main.o $(OBJ) $(PKG_LIBS)

build/statusnotat-asan: build/asan/main.o $(ASANOBJ)
	$(CC) $(CFLAGS) $(SAN) $(LDFLAGS) -o $@ build/asan/main.o $(ASANOBJ) $(PKG_LIBS)

# The patterns as a C array, so the program needs no data files.
build/hyph_da.c: $(HYPH_DIC) scripts/hyphdict.sh
	@mkdir -p build
	sh scripts/hyphdict.sh $(HYPH_DIC) $(SUBSTRINGS) $@

build/obj/hyph_da.o: build/hyph_da.c
	$(CC) $(CFLAGS) -c -o $@ $<

build/asan/hyph_da.o: build/hyph_da.c
	@mkdir -p build/asan
	$(CC) $(CFLAGS) -c -o $@ $<

# The Danish messages (po/da.po, a gettext catalogue), compiled by
# msgfmt, checked (-c: the same printf conversions as the English) and
# built into the program.
build/da.mo: po/da.po
	@mkdir -p build
	msgfmt -c -o $@ po/da.po

build/da_mo.c: build/da.mo scripts/embed.sh
	sh scripts/embed.sh i18n_da_mo build/da.mo $@

build/obj/da_mo.o: build/da_mo.c
	$(CC) $(CFLAGS) -c -o $@ $<

build/asan/da_mo.o: build/da_mo.c
	@mkdir -p build/asan
	$(CC) $(CFLAGS) -c -o $@ $<

build/fuzz/da_mo.o: build/da_mo.c
	@mkdir -p build/fuzz
	$(FUZZ_CC) -O1 -g -c -o $@ $<

# The messages to translate: po/statusnotat.pot, made from the sources
# (scripts/pot.sh); make pot, then msgmerge -U po/da.po po/statusnotat.pot.
pot:
	sh scripts/pot.sh po/statusnotat.pot

# Remade when PREFIX changes, so "make install PREFIX=/opt" rebuilds main.
build/templatedir.h: FORCE
	@mkdir -p build
	@printf '#define TEMPLATEDIR "%s"\n' '$(PREFIX)/share/statusnotat/templates' >$@.new
	@if cmp -s $@.new $@; then rm -f $@.new; else mv -f $@.new $@; fi
build/obj/main.o build/asan/main.o: build/templatedir.h
FORCE:

build/obj/%.o: src/%.c
	@mkdir -p build/obj
	$(CC) $(WARNINGS) $(DEFS) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

build/asan/%.o: src/%.c
	@mkdir -p build/asan
	$(CC) $(WARNINGS) $(DEFS) $(CFLAGS) $(SAN) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

build/obj/test_%: tests/unit/test_%.c $(OBJ)
	$(CC) $(WARNINGS) $(CFLAGS) $(PKG_CFLAGS) -Isrc -MMD -MP -o $@ $< $(OBJ) $(PKG_LIBS)

build/asan/test_%: tests/unit/test_%.c $(ASANOBJ)
	$(CC) $(WARNINGS) $(CFLAGS) $(SAN) $(PKG_CFLAGS) -Isrc -MMD -MP -o $@ $< $(ASANOBJ) $(PKG_LIBS)

bench: statusnotat
	@sh tests/bench/bench.sh

build/asan/fuzzrun_%: tests/fuzz/fuzz_%.c tests/fuzz/driver.c tests/fuzz/fuzz.h $(ASANOBJ)
	$(CC) $(WARNINGS) $(CFLAGS) $(SAN) $(PKG_CFLAGS) -Isrc -o $@ $< tests/fuzz/driver.c $(ASANOBJ) $(PKG_LIBS)

build/fuzz/%.o: src/%.c
	@mkdir -p build/fuzz
	$(FUZZ_CC) -std=c11 -D_POSIX_C_SOURCE=200809L $(DEFS) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link $(PKG_CFLAGS) -c -o $@ $<

build/fuzz/hyph_da.o: build/hyph_da.c
	@mkdir -p build/fuzz
	$(FUZZ_CC) -O1 -g -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZOBJ)
	$(FUZZ_CC) -std=c11 -D_POSIX_C_SOURCE=200809L -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer $(PKG_CFLAGS) -Isrc -o $@ $< $(FUZZOBJ) $(PKG_LIBS)

# Each fuzz target for FUZZ_SECONDS (default 60) from its seeds; what it
# finds goes to build/fuzz/crash-NAME-*: minimise it (-minimize_crash=1)
# and keep it in tests/fuzz/regress/NAME/, where make check runs it.
fuzz:
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || sh scripts/deps.sh fuzz
	@$(MAKE) --no-print-directory $(FUZZBIN)
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/fuzz.sh

# statusnotat check, dump and build under valgrind: no error, no leak.
valgrind: statusnotat
	@command -v valgrind >/dev/null 2>&1 || sh scripts/deps.sh check
	@sh tests/valgrind.sh ./statusnotat

# The index and the newest note at 375 and 1280 px and as printed, from
# Chromium, into build/screenshots/ (look at them; docs/images has one).
screenshots: statusnotat
	@[ -d tests/browser/node_modules ] || npm ci --prefix tests/browser --no-audit --no-fund
	@mkdir -p build/screenshots
	./statusnotat build -o build/screenshots/site
	node tests/browser/browser.mjs screenshots build/screenshots/site build/screenshots

deps-check:
	@sh scripts/deps.sh check

check: deps deps-check
	@$(MAKE) --no-print-directory run-tests

run-tests: statusnotat build/statusnotat-asan $(TESTBIN) $(ASANTESTBIN) $(FUZZRUN)
	@SHARED=$(SHARED) sh tests/run.sh

regen: statusnotat
	@sh tests/golden/regen.sh

# The JSON Schemas the content files name on their first line, for the
# editor's help; make check fails when they differ from the program's.
SCHEMAS = site initiative report pdf
schemas: statusnotat
	for k in $(SCHEMAS); do ./statusnotat schema $$k >schema/$$k.schema.json || exit 1; done

clean:
	rm -rf build statusnotat

install: statusnotat
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/statusnotat/templates \
	    $(DESTDIR)$(PREFIX)/share/statusnotat/schema $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 statusnotat $(DESTDIR)$(PREFIX)/bin/
	install -m 644 templates/* $(DESTDIR)$(PREFIX)/share/statusnotat/templates/
	@mkdir -p build/schema
	for k in $(SCHEMAS); do ./statusnotat schema $$k >build/schema/$$k.schema.json || exit 1; done
	install -m 644 build/schema/*.schema.json $(DESTDIR)$(PREFIX)/share/statusnotat/schema/
	install -m 644 docs/statusnotat.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -d $(DESTDIR)$(PREFIX)/share/man/en/man1
	install -m 644 docs/statusnotat.en.1 $(DESTDIR)$(PREFIX)/share/man/en/man1/statusnotat.1

-include build/obj/*.d build/asan/*.d
