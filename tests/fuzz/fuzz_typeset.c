/*
 * fuzz_typeset.c: a narrative through the PDF layout engine: line
 * breaking, hyphenation, tables, the chart, pagination.
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	fuzz_put("reports/2022-kaffe/kaffe.md", data, n);
	fuzz_pipeline(FUZZ_TYPESET);
	return 0;
}
