/*
 * linebreak.c: Knuth and Plass's total-fit line breaking, and first fit.
 * See linebreak.h.  The active list holds, for each feasible break,
 * the best way to get there per fitness class and per count of
 * hyphenated lines just before it, so the limit on hyphens in a row is
 * part of the optimum rather than a check afterwards.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "linebreak.h"

#define NFIT	4		/* tight, decent, loose, very loose */
#define MAXRUN	8		/* bound on max_hyphens, for the class table */

struct node {
	size_t		 pos;		/* the break item; (size_t)-1 at the start */
	size_t		 start;		/* first item of the line after it */
	int		 fitness;
	int		 run;		/* hyphenated lines in a row ending here */
	int		 hyphen;	/* this break is a hyphen */
	double		 ratio;		/* of the line ending here */
	double		 demerits;	/* total, from the start */
	size_t		 lines;
	struct node	*prev;		/* the break before, on the best path */
	struct node	*next;		/* in the active list */
};

static int
is_break(const struct lb_item *it, size_t i)
{
	if (it[i].kind == LB_PENALTY)
		return it[i].penalty < LB_INF;
	return it[i].kind == LB_GLUE && i > 0 && it[i - 1].kind == LB_BOX;
}

/* The first item of a line that follows a break at b. */
static size_t
line_start(const struct lb_item *it, size_t n, size_t b)
{
	size_t	 i;

	for (i = b + 1; i < n; i++)
		if (it[i].kind == LB_BOX ||
		    (it[i].kind == LB_PENALTY && it[i].penalty == -LB_INF))
			break;
	return i;
}

static int
fitness(double r)
{
	if (r < -0.5)
		return 0;
	if (r <= 0.5)
		return 1;
	if (r <= 1)
		return 2;
	return 3;
}

size_t
lb_total_fit(struct arena *a, const struct lb_item *it, size_t n,
    const struct lb_params *p, struct lb_line **out)
{
	double		*sw, *sy, *sz;
	struct node	*active, *nd, *prevnd, *best_end, *cand[NFIT][MAXRUN + 1];
	struct node	*chain;
	struct lb_line	*lines;
	double		 len, str, shr, r, bad, d, penalty;
	size_t		 i, b, k, count;
	int		 f, run, maxrun, any;

	*out = NULL;
	if (n == 0)
		return 0;
	maxrun = p->max_hyphens < 0 ? 0 : p->max_hyphens > MAXRUN ? MAXRUN :
	    p->max_hyphens;
	sw = arena_calloc(a, n + 1, sizeof(*sw));
	sy = arena_calloc(a, n + 1, sizeof(*sy));
	sz = arena_calloc(a, n + 1, sizeof(*sz));
	for (i = 0; i < n; i++) {
		sw[i + 1] = sw[i] + (it[i].kind != LB_PENALTY ? it[i].width : 0);
		sy[i + 1] = sy[i] + (it[i].kind == LB_GLUE ? it[i].stretch : 0);
		sz[i + 1] = sz[i] + (it[i].kind == LB_GLUE ? it[i].shrink : 0);
	}

	active = arena_alloc(a, sizeof(*active));
	active->pos = (size_t)-1;
	active->start = 0;
	active->fitness = 1;

	for (b = 0; b < n && active != NULL; b++) {
		if (!is_break(it, b))
			continue;
		memset(cand, 0, sizeof(cand));
		any = 0;
		penalty = it[b].kind == LB_PENALTY ? it[b].penalty : 0;
		prevnd = NULL;
		for (nd = active; nd != NULL; ) {
			len = sw[b] - sw[nd->start] +
			    (it[b].kind == LB_PENALTY ? it[b].width : 0);
			str = sy[b] - sy[nd->start];
			shr = sz[b] - sz[nd->start];
			if (len < p->width)
				r = str > 0 ? (p->width - len) / str : 1e9;
			else if (len > p->width)
				r = shr > 0 ? (p->width - len) / shr : -1e9;
			else
				r = 0;
			if (r >= -1 && r <= p->tolerance) {
				bad = 100 * fabs(r) * r * r;
				d = p->line_penalty + bad;
				d *= d;
				if (penalty >= 0)
					d += penalty * penalty;
				else if (penalty > -LB_INF)
					d -= penalty * penalty;
				if (it[b].kind == LB_PENALTY && it[b].flagged &&
				    nd->hyphen)
					d += p->flagged_demerits;
				f = fitness(r);
				if (abs(f - nd->fitness) > 1)
					d += p->fitness_demerits;
				d += nd->demerits;
				run = it[b].kind == LB_PENALTY && it[b].flagged ?
				    nd->run + 1 : 0;
				if (run <= maxrun && (cand[f][run] == NULL ||
				    d < cand[f][run]->demerits)) {
					if (cand[f][run] == NULL)
						cand[f][run] =
						    arena_alloc(a, sizeof(*nd));
					cand[f][run]->demerits = d;
					cand[f][run]->prev = nd;
					cand[f][run]->ratio = r;
					cand[f][run]->fitness = f;
					cand[f][run]->run = run;
					cand[f][run]->lines = nd->lines + 1;
					any = 1;
				}
			}
			/* Too long already, or past a forced break: retire. */
			if (r < -1 || penalty == -LB_INF) {
				if (prevnd == NULL)
					active = nd->next;
				else
					prevnd->next = nd->next;
				nd = nd->next;
				continue;
			}
			prevnd = nd;
			nd = nd->next;
		}
		if (!any)
			continue;
		for (f = 0; f < NFIT; f++)
			for (run = 0; run <= maxrun; run++) {
				if ((nd = cand[f][run]) == NULL)
					continue;
				nd->pos = b;
				nd->start = line_start(it, n, b);
				nd->hyphen = it[b].kind == LB_PENALTY &&
				    it[b].flagged;
				nd->next = active;
				active = nd;
			}
	}

	/* The best way to the last item, a forced break. */
	best_end = NULL;
	for (nd = active; nd != NULL; nd = nd->next)
		if (nd->pos == n - 1 &&
		    (best_end == NULL || nd->demerits < best_end->demerits))
			best_end = nd;
	if (best_end == NULL)
		return 0;
	count = best_end->lines;
	lines = arena_calloc(a, count, sizeof(*lines));
	k = count;
	for (chain = best_end; chain->prev != NULL; chain = chain->prev) {
		k--;
		lines[k].start = chain->prev->start;
		lines[k].end = chain->pos;
		lines[k].ratio = chain->ratio;
		lines[k].hyphen = chain->hyphen;
	}
	*out = lines;
	return count;
}

static void
add_line(struct arena *a, struct lb_line **lines, size_t *count,
    size_t *cap, size_t start, size_t end, int hyphen)
{
	if (*count == *cap) {
		*lines = arena_grow(a, *lines, *cap * sizeof(**lines),
		    *cap * 2 * sizeof(**lines));
		*cap *= 2;
	}
	(*lines)[*count].start = start;
	(*lines)[*count].end = end;
	(*lines)[*count].hyphen = hyphen;
	(*count)++;
}

size_t
lb_first_fit(struct arena *a, const struct lb_item *it, size_t n,
    double width, struct lb_line **out)
{
	struct lb_line	*lines;
	size_t		 count = 0, cap = 8, start = 0, i, last = (size_t)-1;
	size_t		 at;
	double		 w = 0, bw;

	lines = arena_calloc(a, cap, sizeof(*lines));
	for (i = 0; i < n; i++) {
		at = (size_t)-1;
		if (is_break(it, i)) {
			bw = w + (it[i].kind == LB_PENALTY ? it[i].width : 0);
			if (bw > width && last != (size_t)-1)
				at = last;	/* the line ran over: go back */
			else if (it[i].kind == LB_PENALTY &&
			    it[i].penalty == -LB_INF)
				at = i;
			else
				last = i;
		} else if (it[i].kind == LB_BOX && w + it[i].width > width &&
		    last != (size_t)-1)
			at = last;
		if (at == (size_t)-1) {
			if (it[i].kind != LB_PENALTY)
				w += it[i].width;
			continue;
		}
		add_line(a, &lines, &count, &cap, start, at,
		    it[at].kind == LB_PENALTY && it[at].flagged);
		start = line_start(it, n, at);
		i = start - 1;	/* the loop's i++ makes it start */
		w = 0;
		last = (size_t)-1;
	}
	if (start < n)
		add_line(a, &lines, &count, &cap, start, n, 0);
	*out = lines;
	return count;
}
