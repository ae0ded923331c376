/*
 * fuzz_build.c: the whole build of a small content tree, as main.c runs
 * it: load (with the fonts' check of every character), validate, lay
 * out, then build_site: the HTML pages through the templates, the Atom
 * feed, the PDFs through the typesetter and libharu, the images copied,
 * into a folder of its own that it replaces each time.  The input is
 * cut at each "\n%%\n" into site.yaml, the initiative, report.yaml and
 * the narrative, in that order; a part not there keeps the fixture's
 * text (tests/golden/markdown/content, with its logo and image).
 */
#include "build.h"
#include "fuzz.h"

#define SEP	"\n%%\n"

static const char *const files[] = {
	"site.yaml", "initiatives/kaffe.yaml",
	"reports/2022-kaffe/report.yaml", "reports/2022-kaffe/kaffe.md"
};
#define NFILES	(sizeof(files) / sizeof(files[0]))

/* Where a part of data ends: at the next separator, or the end. */
static const uint8_t *
part_end(const uint8_t *p, const uint8_t *end)
{
	size_t	 k = strlen(SEP);

	for (; p + k <= end; p++)
		if (memcmp(p, SEP, k) == 0)
			return p;
	return end;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static char	*orig[NFILES];
	static size_t	 origlen[NFILES];
	struct fuzz_env	*e = fuzz_env();
	const uint8_t	*p = data, *end = data + n, *q;
	struct arena	 a;
	struct diag	 d;
	struct content	 c;
	struct report	 r;
	struct chart_opts co;
	char		 path[256], out[128];
	FILE		*f;
	size_t		 i;

	/* The fixture's files as they were, read once. */
	for (i = 0; orig[NFILES - 1] == NULL && i < NFILES; i++) {
		snprintf(path, sizeof(path), "%s/%s", e->dir, files[i]);
		if ((f = fopen(path, "rb")) == NULL ||
		    (orig[i] = malloc(LOAD_MAX_FILE)) == NULL)
			fuzz_die(path);
		origlen[i] = fread(orig[i], 1, LOAD_MAX_FILE, f);
		fclose(f);
	}
	for (i = 0; i < NFILES; i++) {
		if (p <= end) {
			q = part_end(p, end);
			fuzz_put(files[i], p, (size_t)(q - p));
			p = q + strlen(SEP);
		} else
			fuzz_put(files[i], (const uint8_t *)orig[i], origlen[i]);
	}

	arena_init(&a);
	diag_init(&d, getenv("FUZZ_VERBOSE") != NULL ? stderr : NULL);
	memset(&c, 0, sizeof(c));
	memset(&co, 0, sizeof(co));
	c.fonts = e->fonts;
	co.width = e->style.page_width - e->style.margin_left -
	    e->style.margin_right;
	co.size = e->style.size_small;
	co.measure = font_measure;
	co.arg = e->fonts;
	(void)load_content(&a, &d, e->dir, &c);
	if (d.count[DIAG_SYSERR] == 0) {
		(void)validate_content(&c, &d);
		(void)layout_report(&a, &d, &c, &co, &r);
		/* As main.c: only content without errors is built. */
		if (diag_status(&d) == 0) {
			snprintf(out, sizeof(out), "%s.out", e->dir);
			if (build_site(&a, &d, &r, "templates", &e->style,
			    out) == -1 && d.count[DIAG_SYSERR] > 0 &&
			    getenv("FUZZ_VERBOSE") == NULL) {
				/* A system error is the machine's, not the
				   input's: say it, for it hides the rest. */
				fprintf(stderr, "fuzz_build: the build failed "
				    "with a system error (FUZZ_VERBOSE=1 "
				    "shows it)\n");
			}
		}
	}
	diag_flush(&d);
	arena_fini(&a);
	return 0;
}
