/*
 * fuzz_date.c: the Danish date parser.  Whatever it accepts it must
 * print back in a form it accepts again, meaning the same days.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "date.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct arena	 a;
	struct buf	 b, iso;
	struct date	 d, again;
	char		 err[256];

	if (date_parse((const char *)data, n, &d, err, sizeof(err)) == -1)
		return 0;
	arena_init(&a);
	buf_init(&b, &a);
	buf_init(&iso, &a);
	date_format(&b, &d, 0);
	date_format_iso(&iso, &d);
	if (date_parse(b.data, b.len, &again, err, sizeof(err)) == -1 ||
	    again.first != d.first || again.last != d.last) {
		fprintf(stderr, "fuzz_date: \"%.*s\" printed as \"%s\", "
		    "which reads back %s\n", (int)n, (const char *)data,
		    b.data, err);
		abort();
	}
	arena_fini(&a);
	return 0;
}
