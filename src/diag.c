/*
 * diag.c: printing and counting diagnostics.  See diag.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"

static const char *const level_names[DIAG__MAX] = {
	"note", "warning", "error", "error"
};

void
diag_init(struct diag *d, FILE *out)
{
	memset(d, 0, sizeof(*d));
	d->out = out;
}

void
diag_msg(struct diag *d, enum diag_level level, const char *file,
    int line, int col, const char *fmt, ...)
{
	va_list	 ap;

	d->count[level]++;
	if (d->out == NULL)
		return;
	if (level == DIAG_NOTE)
		fputs("    ", d->out);
	fputs(file != NULL ? file : "statusnotat", d->out);
	if (line > 0) {
		fprintf(d->out, ":%d", line);
		if (col > 0)
			fprintf(d->out, ":%d", col);
	}
	fprintf(d->out, ": %s: ", level_names[level]);
	va_start(ap, fmt);
	vfprintf(d->out, fmt, ap);
	va_end(ap);
	fputc('\n', d->out);
}

int
diag_status(const struct diag *d)
{
	if (d->count[DIAG_SYSERR] > 0)
		return 2;
	if (d->count[DIAG_ERROR] > 0)
		return 1;
	return 0;
}

/* Edit distance with adjacent transpositions, on bytes. */
static size_t
distance(const char *a, const char *b)
{
	size_t	 la = strlen(a), lb = strlen(b), i, j, best;
	size_t	 row0[64], row1[64], row2[64];
	size_t	*pp = row0, *p = row1, *c = row2, *t;

	if (la >= 63 || lb >= 63)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		p[j] = j;
	for (i = 1; i <= la; i++) {
		c[0] = i;
		for (j = 1; j <= lb; j++) {
			best = p[j - 1] + (a[i - 1] != b[j - 1]);
			if (p[j] + 1 < best)
				best = p[j] + 1;
			if (c[j - 1] + 1 < best)
				best = c[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < best)
				best = pp[j - 2] + 1;
			c[j] = best;
		}
		t = pp; pp = p; p = c; c = t;
	}
	return p[lb];
}

const char *
diag_suggest(const char *word, const char *const *cands, size_t ncands)
{
	const char	*best = NULL;
	size_t		 i, d, bestd = (size_t)-1, limit;

	limit = strlen(word) / 3 + 1;
	if (limit > 3)
		limit = 3;
	for (i = 0; i < ncands; i++) {
		d = distance(word, cands[i]);
		if (d < bestd) {
			bestd = d;
			best = cands[i];
		}
	}
	return bestd <= limit ? best : NULL;
}
