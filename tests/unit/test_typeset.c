/*
 * test_typeset.c: the layout engine on the bundled 2021 note and on a
 * long made-up note: no text outside the text area, no more than two
 * hyphenated lines in a row, no heading last on a page, no paragraph
 * leaving a single line on a page (widows, orphans), every text box of
 * the body owned by a structure element, the footer on every page.
 * Tables (the note's, and made-up ones of 1 to 60 rows after 0 to 60
 * lines of text): a caption on the page of its header and first two
 * rows, at least two rows on either side of a break, the header row
 * drawn again atop the page a table goes on to, as an artifact, so the
 * structure tree has every row once.  Word spacing: the widest gap of
 * the note's justified lines at most 1.35 times the median gap.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
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

static int
cmp_double(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/*
 * Word spacing: over the justified lines of the paragraphs (not the
 * last line of each, which is set at its natural width), each line's
 * gap between words, a space and what justification added to it.
 * Returns the widest gap over the median; *nlines the lines measured.
 */
static double
gap_ratio(const struct typeset *ts, struct font *const *fonts,
    size_t *nlines)
{
	const struct tpage *p;
	const struct box *b;
	const struct selem *blk;
	size_t		*last_pg, pg, i, n = 0, cap = 0;
	double		*last_y, *gaps = NULL, y = -1, prev_y;
	const struct selem *prev_blk = NULL;

	last_pg = calloc((size_t)ts->nelems, sizeof(*last_pg));
	last_y = calloc((size_t)ts->nelems, sizeof(*last_y));
	if (last_pg == NULL || last_y == NULL)
		return 99;
	for (pg = 0; pg < ts->npages; pg++) {
		p = &ts->pages[pg];
		for (i = 0; i < p->nboxes; i++) {
			b = &p->boxes[i];
			blk = block_of(b->elem);
			if (b->kind != BOX_TEXT || blk == NULL ||
			    blk->role != ROLE_P)
				continue;
			last_pg[blk->id] = pg + 1;
			last_y[blk->id] = b->y;
		}
	}
	for (pg = 0; pg < ts->npages; pg++) {
		p = &ts->pages[pg];
		prev_y = -1;
		prev_blk = NULL;
		for (i = 0; i < p->nboxes; i++) {
			b = &p->boxes[i];
			blk = block_of(b->elem);
			if (b->kind != BOX_TEXT || blk == NULL ||
			    blk->role != ROLE_P)
				continue;
			y = b->y;
			/* One gap a line: its first run with a space inside. */
			if (fabs(y - prev_y) < EPS && blk == prev_blk)
				continue;
			if (last_pg[blk->id] == pg + 1 &&
			    fabs(last_y[blk->id] - y) < EPS)
				continue;
			if (b->len < 3 || memchr(b->text, ' ', b->len - 1) ==
			    NULL)
				continue;
			prev_y = y;
			prev_blk = blk;
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				gaps = realloc(gaps, cap * sizeof(*gaps));
				if (gaps == NULL)
					return 99;
			}
			gaps[n++] = font_width(fonts[b->face], " ", 1, b->size) +
			    b->word_space;
		}
	}
	free(last_pg);
	free(last_y);
	*nlines = n;
	if (n == 0) {
		free(gaps);
		return 99;
	}
	qsort(gaps, n, sizeof(*gaps), cmp_double);
	y = gaps[n - 1] / (n % 2 ? gaps[n / 2] : (gaps[n / 2 - 1] +
	    gaps[n / 2]) / 2);
	free(gaps);
	return y;
}

/* The row (TR) a box's element is in, or NULL. */
static const struct selem *
row_of(const struct selem *e)
{
	while (e != NULL && e->role != ROLE_TR)
		e = e->parent;
	return e;
}

static int
is_header_row(const struct selem *tr)
{
	return tr->child != NULL && tr->child->role == ROLE_TH &&
	    !tr->child->scope_row;
}

/* The page (from 1) a structure element's own boxes are on; 0: none. */
static size_t
page_of(const struct typeset *ts, const struct selem *e, size_t *pages)
{
	const struct box *b;
	const struct selem *x;
	size_t		 pg, i, found = 0;

	*pages = 0;
	for (pg = 0; pg < ts->npages; pg++) {
		const struct tpage *p = &ts->pages[pg];
		int	 here = 0;

		for (i = 0; i < p->nboxes && !here; i++) {
			b = &p->boxes[i];
			for (x = b->elem; x != NULL; x = x->parent)
				if (x == e) {
					here = 1;
					break;
				}
		}
		if (here) {
			if (found == 0)
				found = pg + 1;
			(*pages)++;
		}
	}
	return found;
}

/* The highest baseline of the table's rows on page pg (from 1). */
static double
top_row_y(const struct typeset *ts, const struct selem *tab, size_t pg)
{
	const struct tpage *p = &ts->pages[pg - 1];
	const struct selem *tr;
	double		 y = -1;
	size_t		 i;

	for (i = 0; i < p->nboxes; i++) {
		tr = row_of(p->boxes[i].elem);
		if (p->boxes[i].kind == BOX_TEXT && tr != NULL &&
		    tr->parent == tab && p->boxes[i].y > y)
			y = p->boxes[i].y;
	}
	return y;
}

/* Is the header row's text drawn as an artifact above y on page pg? */
static int
header_again(const struct typeset *ts, const struct selem *head,
    size_t hpg, size_t pg, double y)
{
	const struct tpage *hp = &ts->pages[hpg - 1], *p = &ts->pages[pg - 1];
	const struct box *h, *b;
	size_t		 i, j, want = 0, got = 0;

	for (i = 0; i < hp->nboxes; i++) {
		h = &hp->boxes[i];
		if (h->kind != BOX_TEXT || row_of(h->elem) != head)
			continue;
		want++;
		for (j = 0; j < p->nboxes; j++) {
			b = &p->boxes[j];
			if (b->kind == BOX_TEXT && b->elem == NULL &&
			    b->len == h->len && memcmp(b->text, h->text,
			    h->len) == 0 && fabs(b->x - h->x) < EPS &&
			    b->y > y + EPS) {
				got++;
				break;
			}
		}
	}
	return want > 0 && got == want;
}

/*
 * The rules for one table; returns the number broken, told on stderr.
 */
static size_t
check_table(const struct typeset *ts, const struct selem *tab,
    const char *what)
{
	const struct selem *e, *head = NULL, *cap = NULL;
	size_t		 pages[64], npg = 0, first, last, n, span;
	size_t		 counts[64], bad = 0, nbody = 0, i, pg, hpg = 0;
	size_t		 body_pg[2] = { 0, 0 };

	memset(counts, 0, sizeof(counts));
	first = last = 0;
	for (e = tab->child; e != NULL; e = e->next) {
		pg = page_of(ts, e, &span);
		if (span > 1) {
			fprintf(stderr, "%s: a table's row on %zu pages\n",
			    what, span);
			bad++;
		}
		if (e->role == ROLE_CAPTION) {
			cap = e;
			continue;
		}
		if (e->role != ROLE_TR || pg == 0 || pg > 64)
			continue;
		if (is_header_row(e)) {
			head = e;
			hpg = pg;
			continue;
		}
		if (nbody < 2)
			body_pg[nbody] = pg;
		nbody++;
		counts[pg - 1]++;
		if (first == 0)
			first = pg;
		last = pg;
	}
	for (pg = first; pg != 0 && pg <= last; pg++)
		pages[npg++] = pg;
	/* Two rows at least on each page a table runs over. */
	for (i = 0; npg > 1 && i < npg; i++)
		if (counts[pages[i] - 1] < 2) {
			fprintf(stderr, "%s: %zu row(s) of a table of %zu alone "
			    "on page %zu\n", what, counts[pages[i] - 1], nbody,
			    pages[i]);
			bad++;
		}
	/* The caption with the header and the first two rows. */
	if (cap != NULL) {
		pg = page_of(ts, cap, &span);
		if (span != 1 || (head != NULL && pg != hpg) ||
		    pg != body_pg[0] || (nbody > 1 && pg != body_pg[1])) {
			fprintf(stderr, "%s: a caption on page %zu, its header "
			    "on %zu, its first rows on %zu and %zu\n", what,
			    pg, hpg, body_pg[0], body_pg[1]);
			bad++;
		}
	}
	/* The header again atop every page the table goes on to. */
	for (i = 1; head != NULL && i < npg; i++) {
		n = pages[i];
		if (!header_again(ts, head, hpg, n, top_row_y(ts, tab, n))) {
			fprintf(stderr, "%s: no header row atop page %zu, where "
			    "the table goes on\n", what, n);
			bad++;
		}
	}
	return bad;
}

/* Every table of the tree under e; the rules broken, and how many. */
static size_t
check_tables(const struct typeset *ts, const struct selem *e,
    const char *what, size_t *ntables)
{
	size_t	 bad = 0;

	for (; e != NULL; e = e->next) {
		if (e->role == ROLE_TABLE) {
			(*ntables)++;
			bad += check_table(ts, e, what);
		} else
			bad += check_tables(ts, e->child, what, ntables);
	}
	return bad;
}

static struct inline_ *
text_inline(struct arena *a, const char *s)
{
	struct inline_	*in = arena_calloc(a, 1, sizeof(*in));

	in->type = INL_TEXT;
	in->text = s;
	in->len = strlen(s);
	return in;
}

static struct block *
cell(struct arena *a, const char *s, int header)
{
	struct block	*c = arena_calloc(a, 1, sizeof(*c));

	c->type = BLOCK_CELL;
	c->header = header;
	c->inl = text_inline(a, s);
	return c;
}

static struct block *
row(struct arena *a, const char *name, const char *value, int header)
{
	struct block	*r = arena_calloc(a, 1, sizeof(*r));

	r->type = BLOCK_ROW;
	r->header = header;
	r->child = cell(a, name, 1);
	r->child->next = cell(a, value, header);
	return r;
}

/*
 * A note of nlines one-line paragraphs, then a figures table of nrows
 * rows under its header, then one more paragraph: every place on a
 * page a table can start, and every length.
 */
static size_t
made_up(struct arena *a, struct diag *d, const struct style *s,
    struct font *const *fonts, const struct hyph *h, size_t nlines,
    size_t nrows, size_t *ntables)
{
	struct report	 r;
	struct report_note n;
	struct block	*b, **tail, *tab, **rt;
	struct typeset	 ts;
	char		 what[64];
	size_t		 i, bad;

	memset(&r, 0, sizeof(r));
	memset(&n, 0, sizeof(n));
	r.language = "da";
	n.id = "made-up";
	n.date = "3. juni 2021";
	n.date_iso = "2021-06-03";
	n.title = "Statusnotat";
	n.subject = "en tabel";
	n.regarding = "Vedr. en tabel";
	n.sender = "Afsender";
	n.initiatives = "En";
	tail = &n.body;
	for (i = 0; i < nlines; i++) {
		b = arena_calloc(a, 1, sizeof(*b));
		b->type = BLOCK_PARA;
		b->inl = text_inline(a, "En linje tekst.");
		*tail = b;
		tail = &b->next;
	}
	tab = arena_calloc(a, 1, sizeof(*tab));
	tab->type = BLOCK_TABLE;
	tab->table = TABLE_FIGURES;
	tab->text = "Tal for en indsats";
	tab->child = row(a, "Tal", "Antal", 1);
	rt = &tab->child->next;
	for (i = 0; i < nrows; i++) {
		*rt = row(a, arena_printf(a, "Række %zu", i + 1),
		    arena_printf(a, "%zu", i + 1), 0);
		rt = &(*rt)->next;
	}
	*tail = tab;
	tail = &tab->next;
	b = arena_calloc(a, 1, sizeof(*b));
	b->type = BLOCK_PARA;
	b->inl = text_inline(a, "Og en linje efter tabellen.");
	*tail = b;
	if (typeset_note(a, d, &r, &n, s, fonts, h, &ts) != 0)
		return 1;
	snprintf(what, sizeof(what), "%zu lines, %zu rows", nlines, nrows);
	bad = check_tables(&ts, ts.root, what, ntables);
	typeset_free(&ts);
	return bad;
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
	size_t		 run = 0, maxrun = 0, footers = 0, ntables = 0, bad;
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
	bad = check_tables(ts, ts->root, what, &ntables);
	snprintf(msg, sizeof(msg), "%s: %zu tables, each with its caption, "
	    "two rows at least each side of a break, its header again "
	    "after one (%zu broken)", what, ntables, bad);
	T_OK(ntables >= 4 && bad == 0, msg);
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
	char		 msg[128];
	size_t		 lines, rows, ntables, bad;
	double		 ratio;
	int		 i, ok = 1;
	static const size_t nrows[] = { 1, 2, 3, 4, 5, 7, 12, 25, 60 };

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
		ratio = gap_ratio(&ts, fonts, &lines);
		fprintf(stderr, "2021 note: widest word gap %.3f x the median, "
		    "over %zu lines\n", ratio, lines);
		snprintf(msg, sizeof(msg), "2021 note: the widest word gap of "
		    "%zu justified lines at most 1.35 x the median (%.2f)",
		    lines, ratio);
		T_OK(lines > 40 && ratio <= 1.35, msg);
		typeset_free(&ts);

		/* Narrower pages make many more breaks: the same rules hold. */
		s.margin_left = s.margin_right = 150;
		T_OK(typeset_note(&a, &d, &r, &r.notes[0], &s, fonts, h,
		    &ts) == 0, "a narrow page typesets");
		check(&ts, &s, "narrow");
		ratio = gap_ratio(&ts, fonts, &lines);
		fprintf(stderr, "narrow: widest word gap %.3f x the median, "
		    "over %zu lines\n", ratio, lines);
		snprintf(msg, sizeof(msg), "narrow: the widest word gap of "
		    "%zu justified lines at most 2 x the median (%.2f)", lines,
		    ratio);
		T_OK(lines > 80 && ratio <= 2, msg);
		typeset_free(&ts);
		style_defaults(&s);
	}
	for (rows = 0; h != NULL && rows < sizeof(nrows) / sizeof(nrows[0]);
	    rows++) {
		for (lines = bad = ntables = 0; lines <= 60; lines++)
			bad += made_up(&a, &d, &s, fonts, h, lines, nrows[rows],
			    &ntables);
		snprintf(msg, sizeof(msg), "a table of %zu rows after 0 to 60 "
		    "lines: kept whole or broken well (%zu broken)",
		    nrows[rows], bad);
		T_OK(ntables == 61 && bad == 0, msg);
	}
	hyph_close(h);
	for (i = 0; i < FACE__MAX; i++)
		font_close(fonts[i]);
	diag_flush(&d);
	arena_fini(&a);
	return t_done();
}
