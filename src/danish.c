/*
 * danish.c: Danish numbers.  See danish.h.
 */
#include <stdio.h>

#include "buf.h"
#include "danish.h"

static const char *const words[] = {
	"nul", "en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni",
	"ti", "elleve", "tolv", "tretten", "fjorten", "femten", "seksten",
	"sytten", "atten", "nitten", "tyve"
};

void
danish_number(struct buf *b, long v)
{
	char		 digits[32];
	unsigned long	 u;
	int		 n, i;

	if (v < 0) {
		buf_putc(b, '-');
		u = 0UL - (unsigned long)v;
	} else
		u = (unsigned long)v;
	n = snprintf(digits, sizeof(digits), "%lu", u);
	if (u < 1000) {
		buf_put(b, digits, (size_t)n);
		return;
	}
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf_putc(b, '.');
		buf_putc(b, digits[i]);
	}
}

void
danish_number_word(struct buf *b, long v, int capital)
{
	const char	*w;

	if (v < 0 || v > 20) {
		danish_number(b, v);
		return;
	}
	w = words[v];
	if (capital) {
		buf_putc(b, w[0] - 'a' + 'A');
		buf_puts(b, w + 1);
	} else
		buf_puts(b, w);
}
