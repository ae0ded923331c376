/*
 * test_danish.c: unit tests for danish.c: numbers as administrators
 * write them ("34 %", "16 mio. kr.", "12,5", "ca. 40"), printed back the
 * Danish way, and the changes between two of them.
 */
#include <stdlib.h>

#include "arena.h"
#include "buf.h"
#include "danish.h"
#include "harness.h"

/* in parses, and prints as want. */
static void
prints(struct buf *b, const char *in, const char *want)
{
	struct quantity	 q;
	char		 unit[64], err[256], what[128];

	snprintf(what, sizeof(what), "\"%s\" prints as \"%s\"", in, want);
	if (!T_OK(danish_quantity(in, strlen(in), &q, unit, sizeof(unit), err,
	    sizeof(err)) == 0, what)) {
		fprintf(stderr, "  error: %s\n", err);
		return;
	}
	buf_truncate(b, 0);
	danish_quantity_format(b, &q);
	T_STREQ(b->data, want, what);
}

/* in fails with a message that holds want. */
static void
fails(const char *in, const char *want)
{
	struct quantity	 q;
	char		 unit[64], err[256], what[128];

	snprintf(what, sizeof(what), "\"%s\" is refused", in);
	err[0] = '\0';
	T_OK(danish_quantity(in, strlen(in), &q, unit, sizeof(unit), err,
	    sizeof(err)) == -1 && strstr(err, want) != NULL, what);
	if (strstr(err, want) == NULL)
		fprintf(stderr, "  got: %s\n", err);
}

/* The change from before to now prints as want. */
static void
changes(struct buf *b, const char *before, const char *now, const char *want)
{
	struct quantity	 x, y;
	char		 u1[64], u2[64], err[256], what[128];

	snprintf(what, sizeof(what), "%s to %s is \"%s\"", before, now, want);
	if (!T_OK(danish_quantity(now, strlen(now), &x, u1, sizeof(u1), err,
	    sizeof(err)) == 0 && danish_quantity(before, strlen(before), &y,
	    u2, sizeof(u2), err, sizeof(err)) == 0, what))
		return;
	buf_truncate(b, 0);
	danish_quantity_change(b, &x, &y);
	T_STREQ(b->data, want, what);
}

int
main(void)
{
	struct arena	 a;
	struct buf	 b;

	t_begin("danish");
	arena_init(&a);
	buf_init(&b, &a);
	prints(&b, "16", "16");
	prints(&b, "1500", "1.500");
	prints(&b, "1.500 timer", "1.500 timer");
	prints(&b, "16.000.000 kr.", "16.000.000 kr.");
	prints(&b, "16 mio. kr.", "16 mio. kr.");
	prints(&b, "16 mio kr", "16 mio. kr.");
	prints(&b, "34 %", "34 %");
	prints(&b, "34%", "34 %");
	prints(&b, "34 procent", "34 %");
	prints(&b, "12,5", "12,5");
	prints(&b, "12,50 %", "12,50 %");
	prints(&b, "-3", "\xe2\x88\x92" "3");
	prints(&b, "\xe2\x88\x92" "3", "\xe2\x88\x92" "3");
	prints(&b, "ca. 40", "ca. 40");
	prints(&b, "ca. 1.500 deltagere", "ca. 1.500 deltagere");
	prints(&b, "0,4 mio. kr.", "0,4 mio. kr.");
	fails("12.5", "write decimals with a comma");
	fails("1.50", "groups of three");
	fails("1500.000", "groups of three");
	fails("12,5555", "at most three decimals");
	fails("seksten", "expected a number such as 16");
	fails("", "expected a number");
	fails("34 %2", "expected a number");
	fails("99999999999999999999", "too large");
	changes(&b, "16", "18", "+2");
	changes(&b, "16", "16", "uændret");
	changes(&b, "16", "15", "\xe2\x88\x92" "1");
	changes(&b, "35,5 %", "34 %", "\xe2\x88\x92" "1,5 procentpoint");
	changes(&b, "15,6 mio. kr.", "16 mio. kr.", "+0,4 mio. kr.");
	changes(&b, "1.500 timer", "1.750 timer", "+250 timer");
	changes(&b, "16 mio. kr.", "16.000.000 kr.", "");
	changes(&b, "34 %", "34", "");
	arena_fini(&a);
	return t_done();
}
