/*
 * fuzz_image.c: an image file as a note shows it.  The input is
 * inspected (image.c) and, when accepted, put in the fixture's note as
 * foto.png or foto.jpg (by what it is) and built as statusnotat build
 * does: checked at the narrative, typeset and drawn into the PDF.  What
 * the check accepts the PDF must draw: a failure there aborts.
 */
#include "fuzz.h"
#include "image.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct image_info ii;
	char		 err[256], md[64];
	const char	*name;

	if (image_inspect(data, n, &ii, err, sizeof(err)) == -1)
		return 0;
	name = ii.kind == IMAGE_PNG ? "foto.png" : "foto.jpg";
	fuzz_put(ii.kind == IMAGE_PNG ? "reports/2022-kaffe/foto.png" :
	    "reports/2022-kaffe/foto.jpg", data, n);
	snprintf(md, sizeof(md), "Et foto:\n\n![Foto](%s)\n", name);
	fuzz_put("reports/2022-kaffe/kaffe.md", (const uint8_t *)md,
	    strlen(md));
	if (fuzz_run(FUZZ_PDF) == 1) {
		fprintf(stderr, "fuzz_image: check accepted the image, the "
		    "PDF failed: %s\n", err);
		abort();
	}
	return 0;
}
