/*
 * chart.c: the timeline chart's geometry, made once in the layout stage
 * for both devices.  See chart.h and report.h.
 *
 * Months run along the x axis, from the first month anything shown
 * begins to a little past the last day anything is expected.  Each lane
 * (an initiative; last, the note's own events) has a bold title and one
 * row per dated entry, in the order of its timeline table.  A phase is
 * a bar: solid up to the note's date, outlined after it, hatched for a
 * pause; a fuzzy start or end ("sommeren 2020") is a thin band over the
 * days it may mean, the bar proper covering only the days it surely
 * ran.  A milestone is a diamond (filled: reached; open: to come; open
 * with a dot: overdue) over the band of its date.  A row holds one bar
 * or mark and its label, which goes right of it, else left of it, else
 * on a line of its own above it: no label can meet another label or a
 * bar, and tests/unit/test_chart.c checks that it does not.  Where a
 * label must lie across the note's date or a year's grid line, the
 * line stops short of it on either side (clear_lines).  Below the
 * lanes come the axis with months and years, then a legend of the paints
 * the chart uses.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "chart.h"
#include "date.h"
#include "layout.h"
#include "report.h"

#define PAD	2.5	/* above and below a bar in its row */
#define BAR	8.0	/* a bar's height */
#define SPANH	2.5	/* a fuzzy date's band */
#define MARK	8.0	/* a diamond's box */
#define GAP	3.0	/* between a bar or mark and its label */
#define SWATCH	14.0	/* a legend's sample */
#define TICK	3.0	/* a month's tick below the axis */
#define ASCENT	0.8	/* of text, as a share of its size, for backdrops */
#define DESCENT	0.25
#define CLEAR	1.5	/* beside a label, to a line that passes it */
#define CLEARV	2.5	/* above and below it: a dash clearly stops */
#define MINIH	40.0	/* a figure's small chart: its bars' height */
#define MINIBAR	28.0	/* and their widest */
#define MINIW	240.0	/* its width, at most (style.css: 20rem) */

enum layer {
	LAYER_BACK,	/* grid, axis, the note's date */
	LAYER_MARKS,	/* bars, bands, diamonds */
	LAYER_TEXT,	/* backdrops and text */
	LAYER__MAX
};

struct items {
	struct chart_item *v;
	size_t		 n;
	size_t		 cap;
};

struct ctx {
	struct arena	*a;
	const struct chart_opts *o;
	struct items	 layer[LAYER__MAX];
	long		 r0, r1;	/* the first and last day shown */
	double		 w;		/* the chart's width */
	double		 xt;		/* where the note's date is */
	unsigned	 used;		/* 1 << paint, for the legend */
	const char	*whose;		/* "Statusnotatets": the note's */
};

/* A bar or a mark before it has its row: offsets from the bar's middle. */
struct glyph {
	struct chart_item v[5];
	size_t		 n;
	double		 x0, x1;	/* what it covers */
};

static const char *const months_short[12] = {
	"jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.",
	"sep.", "okt.", "nov.", "dec."
};

/* The legend, in this order, of the paints a chart uses. */
static const struct {
	enum chart_paint paint;
	const char	*text;
} legend[] = {
	{ PAINT_ACTUAL, "Gennemført eller i gang" },
	{ PAINT_PLANNED, "Planlagt" },
	{ PAINT_PAUSE, "Pause" },
	{ PAINT_SPAN, "Usikker dato: det tidsrum, den dækker" },
	{ PAINT_DONE, "Milepæl nået" },
	{ PAINT_EXPECTED, "Milepæl forventet" },
	{ PAINT_OVERDUE, "Milepæl overskredet" },
	{ PAINT_TODAY, "Statusnotatets dato" },
};

static struct chart_item *
add(struct ctx *c, enum layer l, enum chart_shape shape,
    enum chart_paint paint, double x, double y, double w, double h)
{
	struct items	*it = &c->layer[l];
	struct chart_item *v;

	if (it->n == it->cap) {
		it->cap = it->cap ? it->cap * 2 : 64;
		it->v = arena_grow(c->a, it->v, it->n * sizeof(*v),
		    it->cap * sizeof(*v));
	}
	v = &it->v[it->n++];
	memset(v, 0, sizeof(*v));
	v->shape = shape;
	v->paint = paint;
	v->x = x;
	v->y = y;
	v->w = w;
	v->h = h;
	c->used |= 1u << paint;
	return v;
}

static double
measure(const struct ctx *c, int bold, const char *s, size_t len)
{
	return c->o->measure(c->o->arg, bold, s, len, c->o->size);
}

/*
 * Text starting at x on the baseline y, cut short with "…" to fit in
 * the width max; with a white backdrop when it may sit over grid lines.
 * Returns its width.
 */
static double
text(struct ctx *c, enum chart_paint paint, double x, double y,
    const char *s, double max, int backdrop)
{
	struct chart_item *v;
	struct buf	 b;
	size_t		 len = strlen(s);
	double		 tw, size = c->o->size;
	int		 bold = paint == PAINT_LANE;

	tw = measure(c, bold, s, len);
	if (tw > max) {
		/* Drop whole characters (UTF-8 lead bytes) until it fits. */
		buf_init(&b, c->a);
		do {
			while (len > 0 &&
			    ((unsigned char)s[--len] & 0xc0) == 0x80)
				;
			buf_truncate(&b, 0);
			buf_put(&b, s, len);
			buf_puts(&b, "…");
			tw = measure(c, bold, b.data, b.len);
		} while (tw > max && len > 0);
		s = b.data;
		len = b.len;
	}
	if (backdrop) {
		double	 bx = x - 1 < 0 ? 0 : x - 1;
		double	 bw = x + tw + 1 > c->w ? c->w - bx : x + tw + 1 - bx;

		add(c, LAYER_TEXT, SHAPE_RECT, PAINT_BACKDROP, bx,
		    y - ASCENT * size, bw, (ASCENT + DESCENT) * size);
	}
	v = add(c, LAYER_TEXT, SHAPE_TEXT, paint, x, y, tw, size);
	v->text = s;
	v->len = len;
	return tw;
}

static double
xday(const struct ctx *c, long day)
{
	double	 x = (double)(day - c->r0) * c->w / (double)(c->r1 + 1 - c->r0);

	return x < 0 ? 0 : x > c->w ? c->w : x;
}

/* Year and month of a day since 1970-01-01 (Hinnant's civil_from_days). */
static void
civil(long z, int *y, int *m)
{
	long	 era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static long
month_first(int y, int m)
{
	return date_days(y, m, 1);
}

static long
month_after(int y, int m)
{
	return m == 12 ? date_days(y + 1, 1, 1) : date_days(y, m + 1, 1);
}

static int
fuzzy(const struct date *d)
{
	return d->last > d->first;
}

static void
gpush(struct glyph *g, enum chart_shape shape, enum chart_paint paint,
    double x0, double x1, double h)
{
	struct chart_item *v = &g->v[g->n++];

	memset(v, 0, sizeof(*v));
	v->shape = shape;
	v->paint = paint;
	v->x = x0;
	v->y = -h / 2;
	v->w = x1 - x0;
	v->h = h;
	if (g->n == 1 || x0 < g->x0)
		g->x0 = x0;
	if (g->n == 1 || x1 > g->x1)
		g->x1 = x1;
}

/* A phase's bar: bands for fuzzy ends, solid or hatched, then outlined. */
static void
phase_glyph(const struct ctx *c, const struct tl_entry *e,
    const struct date *as_of, struct glyph *g)
{
	double	 s0, s1, e0, e1, c0, c1;
	int	 fs = fuzzy(&e->start), fe = 0;

	s0 = xday(c, e->start.first);
	s1 = xday(c, e->start.last + 1);
	if (e->end.kind != DATE_NONE) {
		e0 = xday(c, e->end.first);
		e1 = xday(c, e->end.last + 1);
		fe = fuzzy(&e->end);
	} else if (e->start.first <= as_of->last)
		e0 = e1 = c->xt;	/* going on */
	else
		e0 = e1 = c->w;		/* to come, end not known */
	c0 = fs ? s1 : s0;
	c1 = fe ? e0 : e1;
	if (c1 < c0 + 1.5)
		c1 = c0 + 1.5 > c->w ? c->w : c0 + 1.5;
	if (c1 - c0 < 1.5)
		c0 = c1 - 1.5;
	if (fs)
		gpush(g, SHAPE_RECT, PAINT_SPAN, s0, s1, SPANH);
	if (e->pause)
		gpush(g, SHAPE_RECT, PAINT_PAUSE, c0, c1, BAR);
	else if (e->state == ROW_EXPECTED || c0 >= c->xt)
		/* Not begun, also when it should have: outlined, planned. */
		gpush(g, SHAPE_RECT, PAINT_PLANNED, c0, c1, BAR);
	else if (c1 <= c->xt)
		gpush(g, SHAPE_RECT, PAINT_ACTUAL, c0, c1, BAR);
	else {
		gpush(g, SHAPE_RECT, PAINT_ACTUAL, c0, c->xt, BAR);
		gpush(g, SHAPE_RECT, PAINT_PLANNED, c->xt, c1, BAR);
	}
	if (fe)
		gpush(g, SHAPE_RECT, PAINT_SPAN, e0, e1, SPANH);
}

/* A milestone's or an event's diamond, over the band of a fuzzy date. */
static void
mark_glyph(const struct ctx *c, const struct tl_entry *e, struct glyph *g)
{
	double	 m0 = xday(c, e->start.first), m1 = xday(c, e->start.last + 1);
	double	 mid = (m0 + m1) / 2;
	enum chart_paint p;

	if (mid - MARK / 2 < 0)
		mid = MARK / 2;
	if (mid + MARK / 2 > c->w)
		mid = c->w - MARK / 2;
	p = e->state == ROW_DONE ? PAINT_DONE : e->state == ROW_OVERDUE ?
	    PAINT_OVERDUE : PAINT_EXPECTED;
	if (fuzzy(&e->start))
		gpush(g, SHAPE_RECT, PAINT_SPAN, m0, m1, SPANH);
	gpush(g, SHAPE_DIAMOND, p, mid - MARK / 2, mid + MARK / 2, MARK);
}

/*
 * One entry's row from y down: its bar or mark and its label.  Returns
 * the row's height.
 */
static double
entry_row(struct ctx *c, const struct tl_entry *e, const struct date *as_of,
    double y)
{
	struct glyph	 g;
	struct chart_item *v;
	double		 size = c->o->size, tw, lx, line = 0, mid;
	size_t		 i;
	const char	*label = e->label != NULL ? e->label : "";

	memset(&g, 0, sizeof(g));
	if (e->phase)
		phase_glyph(c, e, as_of, &g);
	else
		mark_glyph(c, e, &g);

	tw = measure(c, 0, label, strlen(label));
	if (g.x1 + GAP + tw <= c->w)
		lx = g.x1 + GAP;
	else if (g.x0 - GAP - tw >= 0)
		lx = g.x0 - GAP - tw;
	else {
		/* A line of its own above the bar. */
		line = size * (ASCENT + DESCENT) + 1;
		lx = tw >= c->w ? 0 : g.x0 + tw > c->w ? c->w - tw : g.x0;
	}
	mid = y + line + PAD + BAR / 2;
	for (i = 0; i < g.n; i++) {
		v = add(c, LAYER_MARKS, g.v[i].shape, g.v[i].paint, g.v[i].x,
		    mid + g.v[i].y, g.v[i].w, g.v[i].h);
		(void)v;
	}
	if (line > 0)
		text(c, PAINT_LABEL, lx, y + ASCENT * size + 0.5, label, c->w,
		    1);
	else
		text(c, PAINT_LABEL, lx, mid + 0.35 * size, label, c->w, 1);
	return line + BAR + 2 * PAD;
}

/* The first and last day of everything the lanes show, and the note. */
static int
range(const struct tl_lane *lanes, size_t nlanes, const struct date *as_of,
    long *lo, long *hi)
{
	const struct tl_entry *e;
	size_t	 i, j;
	int	 any = 0;

	*lo = as_of->first;
	*hi = as_of->last;
	for (i = 0; i < nlanes; i++)
		for (j = 0; j < lanes[i].n; j++) {
			e = &lanes[i].e[j];
			if (e->start.kind == DATE_NONE)
				continue;
			any = 1;
			if (e->start.first < *lo)
				*lo = e->start.first;
			if (e->start.last > *hi)
				*hi = e->start.last;
			if (e->phase && e->end.kind != DATE_NONE &&
			    e->end.last > *hi)
				*hi = e->end.last;
		}
	return any;
}

/*
 * The axis at y: ticks between months, month names where they fit
 * (every month, quarter or half year), years below with a grid line
 * from top at each year shown.  Returns the y below it.
 */
static double
axis(struct ctx *c, double top, double y)
{
	double	 size = c->o->size, mw, lw = 0, yw, x, prev_end = -1;
	double	 ybase = y + TICK + size, ybase2 = ybase + size * 1.2;
	long	 d, nmonths = 0;
	int	 yy, m, step, ystep, i;
	static const int steps[] = { 1, 3, 6 };
	static const int ysteps[] = { 1, 2, 5, 10, 20, 50, 100, 1000 };
	char	 year[16];

	add(c, LAYER_BACK, SHAPE_LINE, PAINT_AXIS, 0, y, c->w, 0);
	for (d = c->r0; d <= c->r1; d = month_after(yy, m)) {
		civil(d, &yy, &m);
		nmonths++;
	}
	mw = c->w / (double)nmonths;
	for (i = 0; i < 12; i++) {
		x = measure(c, 0, months_short[i], strlen(months_short[i]));
		if (x > lw)
			lw = x;
	}
	for (step = 0, i = 0; i < 3; i++)
		if (lw + 4 <= mw * steps[i]) {
			step = steps[i];
			break;
		}
	yw = measure(c, 0, "0000", 4);
	for (ystep = 1000, i = 0; i < 8; i++)
		if (yw + 6 <= mw * 12 * ysteps[i]) {
			ystep = ysteps[i];
			break;
		}

	for (d = c->r0; d <= c->r1; d = month_after(yy, m)) {
		civil(d, &yy, &m);
		x = xday(c, d);
		if (mw >= 3)
			add(c, LAYER_BACK, SHAPE_LINE, PAINT_AXIS, x, y, 0,
			    TICK);
		if (step > 0 && (m - 1) % step == 0) {
			const char *s = months_short[m - 1];
			double	 tw = measure(c, 0, s, strlen(s));
			double	 lx = x + (mw - tw) / 2;

			/* Over its month; at the ends, inside the chart. */
			lx = lx + tw > c->w ? c->w - tw : lx;
			text(c, PAINT_LABEL, lx < 0 ? 0 : lx, ybase, s, c->w,
			    0);
		}
		if ((m != 1 || yy % ystep != 0) && d != c->r0)
			continue;
		if (m == 1 && yy % ystep == 0 && d != c->r0)
			add(c, LAYER_BACK, SHAPE_LINE, PAINT_GRID, x, top, 0,
			    ybase2 + DESCENT * size - top);
		/* The first year, unless January is near. */
		if (d == c->r0 && m != 1) {
			long	 next = month_first(yy + 1, 1);

			if (next <= c->r1 && xday(c, next) - yw - 6 < x + 2)
				continue;
		}
		if (d == c->r0 && m != 1 && yy % ystep != 0)
			continue;
		/* None over the one before, none past the right edge. */
		if (x + 2 < prev_end || x + 2 + yw > c->w)
			continue;
		(void)snprintf(year, sizeof(year), "%d", yy);
		prev_end = x + 2 + text(c, PAINT_LABEL, x + 2, ybase2,
		    arena_strdup(c->a, year), c->w, 0) + 4;
	}
	add(c, LAYER_BACK, SHAPE_LINE, PAINT_AXIS, c->w, y, 0, TICK);
	return ybase2 + DESCENT * size;
}

/* A legend of the paints used, flowing in lines; returns the y below. */
static double
legend_lines(struct ctx *c, double y)
{
	double	 size = c->o->size, x = 0, lh = size * 1.5, cy, tw;
	unsigned used = c->used;
	const char *what;
	size_t	 i;

	cy = y + lh / 2;
	for (i = 0; i < sizeof(legend) / sizeof(legend[0]); i++) {
		enum chart_paint p = legend[i].paint;

		if (!(used & (1u << p)))
			continue;
		what = p == PAINT_TODAY ? arena_printf(c->a, "%s dato",
		    c->whose) : legend[i].text;
		tw = measure(c, 0, what, strlen(what));
		if (x > 0 && x + SWATCH + 4 + tw > c->w) {
			x = 0;
			cy += lh;
		}
		switch (p) {
		case PAINT_SPAN:
			add(c, LAYER_MARKS, SHAPE_RECT, p, x, cy - SPANH / 2,
			    SWATCH, SPANH);
			break;
		case PAINT_DONE:
		case PAINT_EXPECTED:
		case PAINT_OVERDUE:
			add(c, LAYER_MARKS, SHAPE_DIAMOND, p,
			    x + (SWATCH - MARK) / 2, cy - MARK / 2, MARK, MARK);
			break;
		case PAINT_TODAY:
			add(c, LAYER_MARKS, SHAPE_LINE, p, x + SWATCH / 2,
			    cy - BAR / 2 - 1, 0, BAR + 2);
			break;
		default:
			add(c, LAYER_MARKS, SHAPE_RECT, p, x, cy - BAR / 2,
			    SWATCH, BAR);
			break;
		}
		x += SWATCH + 4 + text(c, PAINT_LABEL, x + SWATCH + 4,
		    cy + 0.35 * size, what, c->w, 0) + 12;
	}
	return cy + lh / 2;
}

static void
lower_first(struct buf *b, const char *s)
{
	if (*s >= 'A' && *s <= 'Z') {
		buf_putc(b, *s - 'A' + 'a');
		s++;
	}
	buf_puts(b, s);
}

/* What the chart shows, in sentences: its alternative text. */
static const char *
describe(struct ctx *c, const struct tl_lane *lanes, size_t nlanes,
    const char *as_of_text)
{
	struct buf	 b;
	struct date	 d;
	const struct tl_entry *e;
	size_t		 i, j, k;
	int		 y, m;

	buf_init(&b, c->a);
	buf_puts(&b, "Tidslinje fra ");
	memset(&d, 0, sizeof(d));
	d.kind = DATE_MONTH;
	civil(c->r0, &y, &m);
	d.year = y, d.month = m;
	date_format(&b, &d, 0);
	buf_puts(&b, " til ");
	civil(c->r1, &y, &m);
	d.year = y, d.month = m;
	date_format(&b, &d, 0);
	buf_printf(&b, " med %c%s dato, %s, som lodret streg.",
	    *c->whose >= 'A' && *c->whose <= 'Z' ? *c->whose - 'A' + 'a' :
	    *c->whose, c->whose + 1, as_of_text);
	for (i = 0; i < nlanes; i++) {
		for (j = k = 0; j < lanes[i].n; j++) {
			e = &lanes[i].e[j];
			if (e->start.kind == DATE_NONE)
				continue;
			buf_puts(&b, k++ == 0 ? " " : "; ");
			if (k == 1)
				buf_printf(&b, "%s: ", lanes[i].name);
			buf_printf(&b, "%s%s, %s", e->milestone ? "milepæl: " :
			    "", e->what, e->when);
			if (e->status != NULL && *e->status != '\0') {
				buf_puts(&b, ", ");
				lower_first(&b, e->status);
			}
		}
		if (k > 0)
			buf_putc(&b, '.');
	}
	return b.data;
}

/*
 * The vertical lines of the back layer (the note's date, the years'
 * grid) with a gap at every label they would cross: CLEARV above and
 * below its text, so no line seems to run through a word.  A white
 * backdrop alone leaves the line touching the letters, and a dashed
 * line then reads as crossing them.
 */
static int
gap_for(const struct chart_item *ln, const struct chart_item *t,
    double *top, double *bot)
{
	if (t->shape != SHAPE_TEXT || ln->x <= t->x - CLEAR ||
	    ln->x >= t->x + t->w + CLEAR)
		return 0;
	*top = t->y - ASCENT * t->h - CLEARV;
	*bot = t->y + DESCENT * t->h + CLEARV;
	return 1;
}

static void
clear_lines(struct ctx *c)
{
	struct items	 back = c->layer[LAYER_BACK], out;
	const struct items *tx = &c->layer[LAYER_TEXT];
	const struct chart_item *ln;
	double		 y0, y1, top, bot, cut, cut_end;
	size_t		 i, j;
	int		 widened;

	memset(&out, 0, sizeof(out));
	c->layer[LAYER_BACK] = out;
	for (i = 0; i < back.n; i++) {
		ln = &back.v[i];
		if (ln->shape != SHAPE_LINE || ln->w != 0 ||
		    (ln->paint != PAINT_TODAY && ln->paint != PAINT_GRID)) {
			*add(c, LAYER_BACK, ln->shape, ln->paint, 0, 0, 0, 0) =
			    *ln;
			continue;
		}
		y0 = ln->h < 0 ? ln->y + ln->h : ln->y;
		y1 = ln->h < 0 ? ln->y : ln->y + ln->h;
		/* Top down: the next label below y0 that the line meets. */
		while (y0 < y1) {
			cut = y1;
			cut_end = y1;
			for (j = 0; j < tx->n; j++) {
				if (!gap_for(ln, &tx->v[j], &top, &bot) ||
				    bot <= y0 || top >= y1 || top >= cut)
					continue;
				cut = top;
				cut_end = bot;
			}
			/* Labels that overlap the gap widen it. */
			do {
				widened = 0;
				for (j = 0; j < tx->n && cut < y1; j++)
					if (gap_for(ln, &tx->v[j], &top, &bot) &&
					    top < cut_end && bot > cut_end) {
						cut_end = bot;
						widened = 1;
					}
			} while (widened);
			if (cut > y0 + 0.5)
				add(c, LAYER_BACK, SHAPE_LINE, ln->paint, ln->x,
				    y0, 0, cut - y0);
			y0 = cut_end;
		}
	}
}

/* The chart of what c holds, height high, its layers in painting order. */
static struct chart *
finish(struct ctx *c, double height, const char *title, const char *desc)
{
	struct chart	*ch;
	size_t		 i, n;

	ch = arena_alloc(c->a, sizeof(*ch));
	ch->width = c->w;
	ch->height = height;
	ch->size = c->o->size;
	ch->title = title;
	ch->desc = desc;
	for (i = 0; i < LAYER__MAX; i++)
		ch->nitems += c->layer[i].n;
	ch->items = arena_calloc(c->a, ch->nitems, sizeof(*ch->items));
	for (i = n = 0; i < LAYER__MAX; i++) {
		if (c->layer[i].n > 0)
			memcpy(ch->items + n, c->layer[i].v,
			    c->layer[i].n * sizeof(*ch->items));
		n += c->layer[i].n;
	}
	return ch;
}

struct chart *
chart_make(struct arena *a, const struct chart_opts *o,
    const struct tl_lane *lanes, size_t nlanes, const struct date *as_of,
    const char *as_of_text, const char *title, const char *note)
{
	struct ctx	 c;
	double		 y, top, size = o->size, tw, x;
	long		 lo, hi, day;
	size_t		 i, j, k, n;
	int		 yy, m, lane = 0;

	if (!range(lanes, nlanes, as_of, &lo, &hi))
		return NULL;
	memset(&c, 0, sizeof(c));
	c.a = a;
	c.o = o;
	c.w = o->width;
	c.whose = arena_printf(a, "%ss", note != NULL ? note : "Statusnotatet");
	/* From the first month to a little past the last day. */
	civil(lo, &yy, &m);
	c.r0 = month_first(yy, m);
	civil(hi + 20, &yy, &m);
	c.r1 = month_after(yy, m) - 1;
	day = as_of->first + (as_of->last - as_of->first) / 2;
	c.xt = (xday(&c, day) + xday(&c, day + 1)) / 2;

	/* The note's date above the lanes. */
	tw = measure(&c, 0, as_of_text, strlen(as_of_text));
	x = c.xt - tw / 2;
	x = x < 0 ? 0 : x + tw > c.w ? c.w - tw : x;
	text(&c, PAINT_LABEL, x, ASCENT * size, as_of_text, c.w, 1);
	top = y = (ASCENT + DESCENT) * size + 2;

	for (i = 0; i < nlanes; i++) {
		for (j = n = 0; j < lanes[i].n; j++)
			n += lanes[i].e[j].start.kind != DATE_NONE;
		if (n == 0)
			continue;
		if (lane++ > 0)
			add(&c, LAYER_BACK, SHAPE_LINE, PAINT_GRID, 0, y, c.w,
			    0);
		y += 2;
		text(&c, PAINT_LANE, 0, y + ASCENT * size + 1, lanes[i].name,
		    c.w, 1);
		y += (ASCENT + DESCENT) * size + 2;
		for (k = 0; k < lanes[i].n; k++)
			if (lanes[i].e[k].start.kind != DATE_NONE)
				y += entry_row(&c, &lanes[i].e[k], as_of, y);
	}
	y += 2;
	add(&c, LAYER_BACK, SHAPE_LINE, PAINT_TODAY, c.xt, top, 0, y - top);
	y = axis(&c, top, y);
	y = legend_lines(&c, y + size * 0.5);
	clear_lines(&c);

	return finish(&c, y, title, describe(&c, lanes, nlanes, as_of_text));
}

struct chart *
chart_bars(struct arena *a, const struct chart_opts *o,
    const char *const *labels, const char *const *texts,
    const double *values, size_t n, const char *title, const char *desc)
{
	struct ctx	 c;
	double		 size = o->size, slot, bw, lo = 0, hi = 0, top, zero;
	double		 y0, x, tw, lw = 0, bottom;
	size_t		 i, step;

	if (n == 0)
		return NULL;
	memset(&c, 0, sizeof(c));
	c.a = a;
	c.o = o;
	c.w = o->width < MINIW ? o->width : MINIW;
	for (i = 0; i < n; i++) {
		lo = values[i] < lo ? values[i] : lo;
		hi = values[i] > hi ? values[i] : hi;
		tw = measure(&c, 0, labels[i], strlen(labels[i]));
		lw = tw > lw ? tw : lw;
	}
	slot = c.w / (double)n;
	bw = slot * 0.6 < MINIBAR ? slot * 0.6 : MINIBAR;
	/* Room for a value above the tallest bar. */
	top = (ASCENT + DESCENT) * size + 2;
	zero = hi > lo ? top + MINIH * hi / (hi - lo) : top + MINIH;
	add(&c, LAYER_BACK, SHAPE_LINE, PAINT_AXIS, 0, zero, c.w, 0);
	for (i = 0; i < n; i++) {
		x = slot * (double)i + slot / 2;
		y0 = hi > lo ? zero - MINIH * values[i] / (hi - lo) : zero;
		add(&c, LAYER_MARKS, SHAPE_RECT, PAINT_ACTUAL, x - bw / 2,
		    y0 < zero ? y0 : zero, bw, y0 < zero ? zero - y0 :
		    y0 - zero);
		/* The value above its bar (a negative one's: above zero). */
		tw = measure(&c, 0, texts[i], strlen(texts[i]));
		tw = tw < slot - GAP ? tw : slot - GAP;
		text(&c, PAINT_LABEL, x - tw / 2, (y0 < zero ? y0 : zero) -
		    DESCENT * size - 1, texts[i], slot - GAP, 0);
	}
	/* The dates under the bars: every step-th, where they fit. */
	bottom = top + MINIH + 2 + ASCENT * size;
	for (step = 1; step < n && (double)step * slot < lw + 2 * GAP; step++)
		continue;
	for (i = 0; i < n; i += step) {
		tw = measure(&c, 0, labels[i], strlen(labels[i]));
		x = slot * (double)i + slot / 2 - tw / 2;
		x = x < 0 ? 0 : x + tw > c.w ? c.w - tw : x;
		text(&c, PAINT_LABEL, x, bottom, labels[i], c.w, 0);
	}
	return finish(&c, bottom + DESCENT * size + 1, title, desc);
}
