/*
 * test_linebreak.c: Knuth-Plass total fit and first fit on paragraphs
 * of made-up widths: every line within the width and the tolerance,
 * the optimum found where it is known, the limit on hyphenated lines in
 * a row kept even where hyphens would be cheaper, and first fit.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "harness.h"
#include "linebreak.h"

#define MAXITEMS	4096

struct para {
	struct lb_item	 it[MAXITEMS];
	size_t		 n;
};

static void
add(struct para *p, enum lb_kind k, double w, double st, double sh,
    int pen, int flag)
{
	struct lb_item	*i = &p->it[p->n++];

	memset(i, 0, sizeof(*i));
	i->kind = k;
	i->width = w;
	i->stretch = st;
	i->shrink = sh;
	i->penalty = pen;
	i->flagged = flag;
}

/* Words of the given widths; hyphen points split each word in halves. */
static void
make(struct para *p, const double *words, size_t n, int hyphens)
{
	size_t	 i;

	p->n = 0;
	for (i = 0; i < n; i++) {
		if (i > 0)
			add(p, LB_GLUE, 3, 1.5, 1, 0, 0);
		if (hyphens && words[i] >= 8) {
			add(p, LB_BOX, words[i] / 2, 0, 0, 0, 0);
			add(p, LB_PENALTY, 2, 0, 0, 50, 1);
			add(p, LB_BOX, words[i] / 2, 0, 0, 0, 0);
		} else
			add(p, LB_BOX, words[i], 0, 0, 0, 0);
	}
	add(p, LB_PENALTY, 0, 0, 0, LB_INF, 0);
	add(p, LB_GLUE, 0, 1e5, 0, 0, 0);
	add(p, LB_PENALTY, 0, 0, 0, -LB_INF, 0);
}

/* The natural width of a line and whether it fits at its ratio. */
static int
line_ok(const struct para *p, const struct lb_line *l, double width,
    double tol, int last)
{
	double	 w = 0, st = 0, sh = 0, used;
	size_t	 i;

	for (i = l->start; i < l->end; i++) {
		if (p->it[i].kind == LB_PENALTY)
			continue;
		w += p->it[i].width;
		st += p->it[i].stretch;
		sh += p->it[i].shrink;
	}
	if (l->hyphen)
		w += p->it[l->end].width;
	if (last)
		return w <= width + 1e-9;
	used = w + (l->ratio > 0 ? l->ratio * st : l->ratio * sh);
	return fabs(used - width) < 1e-6 && l->ratio <= tol + 1e-9 &&
	    l->ratio >= -1 - 1e-9;
}

int
main(void)
{
	static struct para p;
	static double	 words[600];
	struct arena	 a;
	struct lb_params prm;
	struct lb_line	*lines;
	size_t		 n, i, run, maxrun, bad;
	unsigned	 seed = 1;

	t_begin("linebreak");
	arena_init(&a);
	memset(&prm, 0, sizeof(prm));
	prm.width = 60;
	prm.tolerance = 2;
	prm.line_penalty = 10;
	prm.flagged_demerits = 3000;
	prm.fitness_demerits = 100;
	prm.max_hyphens = 2;

	/* Ten words of 9.6 with spaces of 3: exactly five a line. */
	for (i = 0; i < 10; i++)
		words[i] = 9.6;
	make(&p, words, 10, 0);
	n = lb_total_fit(&a, p.it, p.n, &prm, &lines);
	T_OK(n == 2, "a paragraph that fits exactly: two lines");
	T_OK(n == 2 && fabs(lines[0].ratio) < 1e-9,
	    "the exact line neither stretches nor shrinks");

	/* A long pseudo-random paragraph, with and without hyphens. */
	for (i = 0; i < 600; i++) {
		seed = seed * 1103515245 + 12345;
		words[i] = 2 + (seed >> 16) % 15;
	}
	make(&p, words, 600, 1);
	n = lb_total_fit(&a, p.it, p.n, &prm, &lines);
	T_OK(n > 50, "a long paragraph breaks");
	for (i = bad = 0; i < n; i++)
		if (!line_ok(&p, &lines[i], prm.width, prm.tolerance,
		    i + 1 == n))
			bad++;
	T_OK(bad == 0, "every line fills the width within the tolerance");
	for (i = run = maxrun = 0; i < n; i++) {
		run = lines[i].hyphen ? run + 1 : 0;
		if (run > maxrun)
			maxrun = run;
	}
	T_OK(maxrun <= 2, "no more than two hyphenated lines in a row");
	T_OK(n > 0 && lines[0].start == 0 && lines[n - 1].end == p.n - 1,
	    "the lines cover the paragraph");
	for (i = 1, bad = 0; i < n; i++)
		if (lines[i].start <= lines[i - 1].end ||
		    p.it[lines[i].start].kind != LB_BOX)
			bad++;
	T_OK(bad == 0, "each line starts at a box after the break");

	/*
	 * Hyphens everywhere and cheap: with a limit of one, never two
	 * hyphenated lines in a row; with no hyphens allowed, none at all.
	 */
	prm.max_hyphens = 1;
	prm.flagged_demerits = 0;
	n = lb_total_fit(&a, p.it, p.n, &prm, &lines);
	for (i = run = maxrun = 0; i < n; i++) {
		run = lines[i].hyphen ? run + 1 : 0;
		if (run > maxrun)
			maxrun = run;
	}
	T_OK(n > 0 && maxrun <= 1, "the limit holds as a hard limit");
	prm.max_hyphens = 0;
	prm.tolerance = 10;
	n = lb_total_fit(&a, p.it, p.n, &prm, &lines);
	for (i = bad = 0; i < n; i++)
		bad += lines[i].hyphen;
	T_OK(n > 0 && bad == 0, "max_hyphens 0: no hyphen breaks");

	/* Impossible: a box wider than the line gives no solution. */
	words[0] = 100;
	make(&p, words, 3, 0);
	prm.max_hyphens = 2;
	prm.tolerance = 2;
	T_OK(lb_total_fit(&a, p.it, p.n, &prm, &lines) == 0,
	    "an overfull box: no total fit");

	/* First fit: greedy, never over the width unless a box is. */
	for (i = 0; i < 600; i++)
		words[i] = 2 + (i * 7) % 13;
	make(&p, words, 600, 0);
	n = lb_first_fit(&a, p.it, p.n, prm.width, &lines);
	for (i = bad = 0; i < n; i++)
		if (!line_ok(&p, &lines[i], prm.width, 1e9, 1))
			bad++;
	T_OK(n > 0 && bad == 0, "first fit: no line over the width");
	T_OK(n > 0 && lines[n - 1].end >= p.n - 1,
	    "first fit: the lines cover the paragraph");

	arena_fini(&a);
	return t_done();
}
