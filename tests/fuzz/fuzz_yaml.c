/*
 * fuzz_yaml.c: the YAML reader and the loader, validator and layout
 * behind it.  The first byte picks the file the input replaces in the
 * fixture (site.yaml, the initiative or report.yaml); the input, whole,
 * is its text.  The other two are put back as they were first.
 */
#include "fuzz.h"

static const char *const files[] = {
	"site.yaml", "initiatives/kaffe.yaml", "reports/2022-kaffe/report.yaml"
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct arena	 a;
	struct diag	 d;
	const char	*orig[3];
	size_t		 i, origlen[3], pick = n > 0 ? data[0] % 3 : 0;

	/* The fixture's three files as they were. */
	for (i = 0; i < 3; i++)
		orig[i] = fuzz_original(files[i], &origlen[i]);

	/* The reader alone. */
	arena_init(&a);
	diag_init(&d, NULL);
	(void)load_yaml(&a, &d, "fuzz.yaml", (const char *)data, n);
	diag_flush(&d);
	arena_fini(&a);

	/* And as a content file. */
	for (i = 0; i < 3; i++)
		fuzz_put(files[i], i == pick ? data : (const uint8_t *)orig[i],
		    i == pick ? n : origlen[i]);
	fuzz_pipeline(FUZZ_LAYOUT);
	return 0;
}
