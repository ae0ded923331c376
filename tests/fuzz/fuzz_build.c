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
	const uint8_t	*p = data, *end = data + n, *q;
	const char	*orig;
	size_t		 i, len;

	for (i = 0; i < NFILES; i++)
		(void)fuzz_original(files[i], &len);	/* before any change */
	for (i = 0; i < NFILES; i++) {
		if (p <= end) {
			q = part_end(p, end);
			fuzz_put(files[i], p, (size_t)(q - p));
			p = q + strlen(SEP);
		} else {
			orig = fuzz_original(files[i], &len);
			fuzz_put(files[i], (const uint8_t *)orig, len);
		}
	}

	fuzz_pipeline(FUZZ_BUILD);
	return 0;
}
