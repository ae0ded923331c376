/*
 * test_typeset.c: the layout engine on the bundled 2021 note and on a
 * long made-up note: no text outside the text area, no more than two
 * hyphenated lines in a row, no heading last on a page, no paragraph
 * leaving a single line on a page (widows, orphans), every text box of
 * the body owned by a structure element, the footer on every page.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "font.h"
#include "harness.h"
#include "hyph.h"
#include "layout.h"
#include "load.h"
#include "model.h"
#include "report.h"
#include "style.h"
#include "typeset.h"
#include "pipeline.h"

#define EPS	0.01

static int
is_heading(const struct selem *e)
{
	return e != NULL && e->role >= ROLE_H1 && e->role <= ROLE_H6;
}

/* The paragraph (or other block) a box belongs to. */
static const struct selem *
block_of(const struct selem *e)
{
	while (e != NULL && (e->role == ROLE_LINK))
		e = e->parent;
	return e;
}

/* The lines (distinct baselines) a block has on a page. */
static size_t
lines_of(const struct tpage *p, const struct selem *block)
{
	const struct box *b;
	double		 prev_y = -1;
	size_t		 i, count = 0;

	for (i = 0; i < p->nboxes; i++) {
		b = &p->boxes[i];
		if (b->kind == BOX_TEXT && block_of(b->elem) == block &&
		    fabs(b->y - prev_y) > EPS) {
			count++;
			prev_y = b->y;
		}
	}
	return count;
}

static void
check(const struct typeset *ts, const struct style *s, const char *what)
{
	const struct tpage *p;
	const struct box *b, *last;
	const struct selem *prev_block;
	char		 msg[256], foot[64];
	double		 left = s->margin_left, right = s->page_width -
			    s->margin_right, prev_y;
	size_t		 pg, i, outside = 0, orphan = 0, heading_last = 0;
	size_t		 run = 0, maxrun = 0, footers = 0;
	size_t		 charts = 0, chart_untagged = 0;

	for (pg = 0; pg < ts->npages; pg++) {
		p = &ts->pages[pg];
		last = NULL;
		prev_y = -1;
		snprintf(foot, sizeof(foot), "Side %zu af %zu", pg + 1,
		    ts->npages);
		for (i = 0; i < p->nboxes; i++) {
			b = &p->boxes[i];
			if (b->kind == BOX_CHART) {
				charts++;
				if (b->x < left - EPS ||
				    b->x + b->w > right + EPS ||
				    b->y < s->margin_bottom - EPS ||
				    b->y + b->h > s->page_height -
				    s->margin_top + EPS)
					outside++;
				if (b->elem == NULL ||
				    b->elem->role != ROLE_FIGURE ||
				    b->elem->alt == NULL ||
				    strstr(b->elem->alt, b->chart->desc) == NULL)
					chart_untagged++;
			}
			if (b->kind != BOX_TEXT)
				continue;
			if (b->x < left - EPS || b->x + b->w > right + EPS ||
			    b->y < s->margin_bottom - EPS ||
			    b->y > s->page_height - s->margin_top) {
				outside++;
				fprintf(stderr, "%s: outside: page %zu x %.2f "
				    "w %.2f y %.2f \"%.*s\"\n", what, pg + 1,
				    b->x, b->w, b->y, (int)b->len, b->text);
			}
			if (b->elem == NULL) {
				if (b->len == strlen(foot) &&
				    memcmp(b->text, foot, b->len) == 0)
					footers++;
				continue;
			}
			/* A new line: did the one before end in a hyphen? */
			if (last != NULL && fabs(b->y - prev_y) > EPS) {
				/* A soft hyphen (U+00AD) or "-" ends it. */
				if ((last->len > 2 && memcmp(last->text +
				    last->len - 2, "\xc2\xad", 2) == 0) ||
				    (last->len > 1 &&
				    last->text[last->len - 1] == '-' &&
				    last->text[last->len - 2] != ' '))
					run++;
				else
					run = 0;
				if (run > maxrun)
					maxrun = run;
			}
			if (last == NULL || fabs(b->y - prev_y) > EPS)
				prev_y = b->y;
			last = b;
		}
		if (last != NULL && is_heading(last->elem))
			heading_last++;
	}
	/* Widows and orphans: a block's lines on a page, counted by y. */
	for (pg = 0; pg + 1 < ts->npages; pg++) {
		const struct tpage *q = &ts->pages[pg + 1];
		const struct box *end = NULL, *start = NULL;

		p = &ts->pages[pg];
		for (i = 0; i < p->nboxes; i++)
			if (p->boxes[i].kind == BOX_TEXT &&
			    p->boxes[i].elem != NULL)
				end = &p->boxes[i];
		for (i = 0; i < q->nboxes && start == NULL; i++)
			if (q->boxes[i].kind == BOX_TEXT &&
			    q->boxes[i].elem != NULL)
				start = &q->boxes[i];
		if (end == NULL || start == NULL)
			continue;
		prev_block = block_of(end->elem);
		if (prev_block == NULL || prev_block != block_of(start->elem) ||
		    prev_block->role != ROLE_P)
			continue;
		/* The paragraph runs over: two lines each side at least. */
		if (lines_of(p, prev_block) < 2)
			orphan++;
		if (lines_of(q, prev_block) < 2)
			orphan++;
	}
	snprintf(msg, sizeof(msg), "%s: the timeline chart, once", what);
	T_OK(charts == 1, msg);
	snprintf(msg, sizeof(msg), "%s: the chart a Figure whose /Alt says "
	    "what it shows", what);
	T_OK(chart_untagged == 0, msg);
	snprintf(msg, sizeof(msg), "%s: no text outside the text area", what);
	T_OK(outside == 0, msg);
	snprintf(msg, sizeof(msg), "%s: at most two hyphenated lines in a "
	    "row (%zu)", what, maxrun);
	T_OK(maxrun <= 2, msg);
	snprintf(msg, sizeof(msg), "%s: no heading last on a page", what);
	T_OK(heading_last == 0, msg);
	snprintf(msg, sizeof(msg), "%s: no widows or orphans", what);
	T_OK(orphan == 0, msg);
	snprintf(msg, sizeof(msg), "%s: \"Side N af M\" on every page", what);
	T_OK(footers == ts->npages, msg);
}

int
main(void)
{
	struct arena	 a;
	struct diag	 d;
	struct content	 c;
	struct report	 r;
	struct style	 s;
	struct typeset	 ts;
	struct font	*fonts[FACE__MAX];
	struct hyph	*h;
	struct chart_opts co;
	int		 i, ok = 1;

	t_begin("typeset");
	arena_init(&a);
	diag_init(&d, stderr);
	memset(&c, 0, sizeof(c));
	style_defaults(&s);
	for (i = 0; i < FACE__MAX; i++)
		if ((fonts[i] = font_open(&d, s.fonts[i])) == NULL)
			ok = 0;
	/* The pipeline as main runs it: the chart as the PDF draws it. */
	pipeline_chart_opts(&s, fonts, &co);
	T_OK(ok && pipeline_run(&a, &d, "content", fonts, &co, NULL, &c,
	    &r) == 0 && r.nnotes == 1, "the bundled content lays out");
	h = hyph_open(&d);
	T_OK(h != NULL, "the hyphenation patterns open");
	if (ok && h != NULL && r.nnotes == 1) {
		T_OK(typeset_note(&a, &d, &r, &r.notes[0], &s, fonts, h,
		    &ts) == 0, "the 2021 note typesets");
		T_OK(ts.npages >= 2 && ts.npages <= 4, "two to four pages");
		T_OK(ts.noutlines == 4, "bookmarks: the title and three "
		    "section headings");
		check(&ts, &s, "2021 note");
		typeset_free(&ts);

		/* Narrower pages make many more breaks: the same rules hold. */
		s.margin_left = s.margin_right = 150;
		T_OK(typeset_note(&a, &d, &r, &r.notes[0], &s, fonts, h,
		    &ts) == 0, "a narrow page typesets");
		check(&ts, &s, "narrow");
		typeset_free(&ts);
	}
	hyph_close(h);
	for (i = 0; i < FACE__MAX; i++)
		font_close(fonts[i]);
	diag_flush(&d);
	arena_fini(&a);
	return t_done();
}
