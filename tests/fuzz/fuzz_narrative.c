/*
 * fuzz_narrative.c: a narrative (Markdown with {{ }}) through the merge
 * and layout stages, in the fixture's note.
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	fuzz_put("reports/2022-kaffe/kaffe.md", data, n);
	fuzz_pipeline(FUZZ_LAYOUT);
	return 0;
}
