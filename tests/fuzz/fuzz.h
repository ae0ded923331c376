/*
 * fuzz.h: what the fuzz targets share.  Each target is one file,
 * tests/fuzz/fuzz_<name>.c, defining LLVMFuzzerTestOneInput; it is built
 * twice: with libFuzzer by `make fuzz` (clang), and with driver.c as a
 * plain program that `make check` runs, under ASan and UBSan, over the
 * seeds and every regression case in tests/fuzz/regress/<name>/.
 *
 * The targets that run the pipeline work on a copy of the markdown
 * fixture (tests/golden/markdown/content) in a folder of their own, made
 * once per process: the one piece of state a fuzz target keeps, so it is
 * here in the test tree and never in the program.  Run from the
 * repository's top folder.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "build.h"
#include "diag.h"
#include "font.h"
#include "hyph.h"
#include "layout.h"
#include "load.h"
#include "model.h"
#include "pdf.h"
#include "report.h"
#include "style.h"
#include "typeset.h"
#include "pipeline.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define FUZZ_FIXTURE	"tests/golden/markdown/content"

struct fuzz_env {
	char		 dir[64];	/* the copy of the fixture */
	struct style	 style;
	struct font	*fonts[FACE__MAX];
	struct hyph	*hyph;
	struct diag	 quiet;		/* for opening fonts: no output */
};

static void
fuzz_die(const char *what)
{
	perror(what);
	exit(2);
}

static struct fuzz_env	 fuzz_the_env;

static void
fuzz_cleanup(void)
{
	char	 cmd[256];

	snprintf(cmd, sizeof(cmd), "rm -rf %s %s.out", fuzz_the_env.dir,
	    fuzz_the_env.dir);
	(void)system(cmd);
}

/* The environment, made on first use and kept until the process ends. */
static struct fuzz_env *
fuzz_env(void)
{
	static int		 made;
	struct fuzz_env		*e = &fuzz_the_env;
	char			 cmd[256];
	int			 i;

	if (made)
		return e;
	made = 1;
	strcpy(e->dir, "/tmp/statusnotat-fuzz-XXXXXX");
	if (mkdtemp(e->dir) == NULL)
		fuzz_die("mkdtemp");
	atexit(fuzz_cleanup);
	snprintf(cmd, sizeof(cmd), "cp -R %s/. %s", FUZZ_FIXTURE, e->dir);
	if (system(cmd) != 0)
		fuzz_die(FUZZ_FIXTURE " (run from the repository's top folder)");
	style_defaults(&e->style);
	diag_init(&e->quiet, NULL);
	for (i = 0; i < FACE__MAX; i++)
		if ((e->fonts[i] = font_open(&e->quiet,
		    e->style.fonts[i])) == NULL)
			fuzz_die(e->style.fonts[i]);
	if ((e->hyph = hyph_open(&e->quiet)) == NULL)
		fuzz_die("hyph_open");
	diag_flush(&e->quiet);
	return e;
}

/* Write n bytes to the file rel below the fixture's copy. */
static void
fuzz_put(const char *rel, const uint8_t *data, size_t n)
{
	char	 path[256];
	FILE	*f;

	snprintf(path, sizeof(path), "%s/%s", fuzz_env()->dir, rel);
	if ((f = fopen(path, "wb")) == NULL)
		fuzz_die(path);
	if (n > 0 && fwrite(data, 1, n, f) != n)
		fuzz_die(path);
	if (fclose(f) != 0)
		fuzz_die(path);
}

/*
 * The fixture's file rel as it was (read on first use, kept): for the
 * targets that put back the files an input does not replace.
 */
static __attribute__((unused)) const char *
fuzz_original(const char *rel, size_t *len)
{
	static const char *names[8];
	static char	*texts[8];
	static size_t	 lens[8];
	char		 path[256];
	FILE		*f;
	size_t		 i;

	for (i = 0; i < 8 && names[i] != NULL; i++)
		if (strcmp(names[i], rel) == 0) {
			*len = lens[i];
			return texts[i];
		}
	if (i == 8)
		fuzz_die(rel);
	snprintf(path, sizeof(path), "%s/%s", fuzz_env()->dir, rel);
	if ((f = fopen(path, "rb")) == NULL ||
	    (texts[i] = malloc(LOAD_MAX_FILE)) == NULL)
		fuzz_die(path);
	lens[i] = fread(texts[i], 1, LOAD_MAX_FILE, f);
	fclose(f);
	names[i] = rel;
	*len = lens[i];
	return texts[i];
}

/* What fuzz_run does after loading, validating and laying out. */
enum fuzz_what {
	FUZZ_LAYOUT,	/* nothing more */
	FUZZ_TYPESET,	/* every note through the typesetter */
	FUZZ_PDF,	/* that, and each note's PDF written as build does */
	FUZZ_BUILD	/* build_site, as main.c, if there was no error */
};

/*
 * The pipeline as main.c runs it on the fixture's copy: load (with the
 * fonts' check of the text), validate, lay out with the chart and, if
 * asked, typeset every note, write its PDF, or build the site into
 * <dir>.out.  Whatever the input, it must end with diagnostics or a
 * result, never a crash.  Returns -1 when the content had errors, else
 * 0 when every PDF asked for was written and 1 when one failed.
 */
static int __attribute__((unused))
fuzz_run(enum fuzz_what what)
{
	struct fuzz_env	*e = fuzz_env();
	struct arena	 a;
	struct diag	 d;
	struct content	 c;
	struct report	 r;
	struct chart_opts co;
	struct typeset	 ts;
	struct pdf_opts	 po;
	size_t		 i;
	int		 rc = 0, errors, f;
	char		 path[128];

	arena_init(&a);
	/* FUZZ_VERBOSE=1 shows the diagnostics, to see what an input does. */
	diag_init(&d, getenv("FUZZ_VERBOSE") != NULL ? stderr : NULL);
	memset(&po, 0, sizeof(po));
	po.archival = 1;
	po.icc_profile = e->style.icc_profile;
	pipeline_chart_opts(&e->style, e->fonts, &co);
	/*
	 * Typeset even after errors in the content (an unknown {{ }}
	 * name, most often): the report is whole all the same, and the
	 * fuzzer reaches the typesetter far more often.
	 */
	(void)pipeline_run(&a, &d, e->dir, e->fonts, &co, NULL, &c, &r);
	if (d.count[DIAG_SYSERR] == 0) {
		errors = d.count[DIAG_ERROR] + d.count[DIAG_SYSERR];
		if (d.count[DIAG_SYSERR] == 0 &&
		    (what == FUZZ_TYPESET || what == FUZZ_PDF))
			for (i = 0; i < r.nnotes; i++) {
				for (f = 0; f < FACE__MAX; f++)
					font_clear_use(e->fonts[f]);
				if (typeset_note(&a, &d, &r, &r.notes[i],
				    &e->style, e->fonts, e->hyph, &ts) == -1)
					continue;
				snprintf(path, sizeof(path), "%s/out.pdf",
				    e->dir);
				if (what == FUZZ_PDF && pdf_write(&a, &d, &ts,
				    e->fonts, &po, path) == -1)
					rc = 1;
				typeset_free(&ts);
			}
		/* A build, as main.c's, only of content without errors. */
		if (errors == 0 && what == FUZZ_BUILD) {
			snprintf(path, sizeof(path), "%s.out", e->dir);
			(void)build_site(&a, &d, &r, e->dir, "templates",
			    &e->style, path);
		}
		if (errors > 0)
			rc = -1;
	} else
		rc = -1;
	diag_flush(&d);
	arena_fini(&a);
	return rc;
}

static void __attribute__((unused))
fuzz_pipeline(enum fuzz_what what)
{
	(void)fuzz_run(what);
}

#endif
