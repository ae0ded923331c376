/*
 * test_chart.c: the timeline chart's geometry (chart.c) on the bundled
 * 2021 note, on a fixture crowded on purpose (tests/golden/crowded-chart:
 * a dozen marks in one month, names too long for any line, a phase from
 * 1995) and on the invented 2022 note, at the PDF's width and at a
 * narrow one: no label meets another label or a bar or mark, nothing
 * lies outside the chart, every lane has its title, a fuzzy date is a
 * band, the note's date is a line, and the text alternative names every
 * entry shown.  No line of the note's date or of the grid runs through
 * a label or touches it, in every golden case's content with a chart:
 * a backdrop behind the text is not enough, the line keeps clear.
 * An initiative's page (tests/golden/series) has its timeline chart,
 * checked alike, and a small bar chart for each figure: a bar for each
 * value, no label on another or on a bar, also with twelve values.
 */
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "chart.h"
#include "diag.h"
#include "font.h"
#include "harness.h"
#include "layout.h"
#include "load.h"
#include "model.h"
#include "report.h"
#include "style.h"
#include "pipeline.h"

#define EPS	0.01
#define ASCENT	0.8	/* as chart.c reserves for text */
#define DESCENT	0.25
#define CLEAR	1.0	/* at least, between a label and a line past it */

struct rect {
	double	 x0, y0, x1, y1;
};

static struct rect
extent(const struct chart_item *it)
{
	struct rect r;

	if (it->shape == SHAPE_TEXT) {
		r.x0 = it->x;
		r.x1 = it->x + it->w;
		r.y0 = it->y - ASCENT * it->h;
		r.y1 = it->y + DESCENT * it->h;
	} else {
		r.x0 = it->w < 0 ? it->x + it->w : it->x;
		r.x1 = it->w < 0 ? it->x : it->x + it->w;
		r.y0 = it->h < 0 ? it->y + it->h : it->y;
		r.y1 = it->h < 0 ? it->y : it->y + it->h;
	}
	return r;
}

static int
meet(struct rect a, struct rect b)
{
	return a.x0 < b.x1 - EPS && b.x0 < a.x1 - EPS &&
	    a.y0 < b.y1 - EPS && b.y0 < a.y1 - EPS;
}

static int
is_mark(const struct chart_item *it)
{
	switch (it->paint) {
	case PAINT_ACTUAL:
	case PAINT_PLANNED:
	case PAINT_PAUSE:
	case PAINT_SPAN:
	case PAINT_DONE:
	case PAINT_EXPECTED:
	case PAINT_OVERDUE:
		return it->shape == SHAPE_RECT || it->shape == SHAPE_DIAMOND;
	default:
		return 0;
	}
}

static void
check_chart(const struct chart *ch, const struct block *data,
    const char *what)
{
	const struct chart_item *a, *b;
	const struct block *row, *cell;
	struct rect	 ra;
	char		 msg[512];
	size_t		 i, j, label_label = 0, label_mark = 0, outside = 0;
	size_t		 line_label = 0;
	size_t		 lanes = 0, spans = 0, today = 0, rows = 0, named = 0;

	for (i = 0; i < ch->nitems; i++) {
		a = &ch->items[i];
		ra = extent(a);
		if (ra.x0 < -EPS || ra.x1 > ch->width + EPS || ra.y0 < -EPS ||
		    ra.y1 > ch->height + EPS) {
			outside++;
			fprintf(stderr, "%s: outside: item %zu (%.2f %.2f %.2f "
			    "%.2f) \"%.*s\"\n", what, i, ra.x0, ra.y0, ra.x1,
			    ra.y1, (int)a->len, a->text != NULL ? a->text : "");
		}
		lanes += a->paint == PAINT_LANE;
		spans += a->paint == PAINT_SPAN;
		today += a->paint == PAINT_TODAY && a->shape == SHAPE_LINE;
		if (a->shape != SHAPE_TEXT)
			continue;
		for (j = 0; j < ch->nitems; j++) {
			b = &ch->items[j];
			if (j == i || !meet(ra, extent(b)))
				continue;
			if (b->shape == SHAPE_TEXT && j > i) {
				label_label++;
				fprintf(stderr, "%s: labels meet: \"%.*s\" and "
				    "\"%.*s\"\n", what, (int)a->len, a->text,
				    (int)b->len, b->text);
			} else if (is_mark(b)) {
				label_mark++;
				fprintf(stderr, "%s: label on a mark: \"%.*s\" "
				    "(item %zu)\n", what, (int)a->len, a->text,
				    j);
			}
		}
	}
	/* Lines of the date and the grid keep clear of every label. */
	for (i = 0; i < ch->nitems; i++) {
		a = &ch->items[i];
		if (a->shape != SHAPE_LINE || (a->paint != PAINT_TODAY &&
		    a->paint != PAINT_GRID))
			continue;
		ra = extent(a);
		for (j = 0; j < ch->nitems; j++) {
			struct rect rb;

			b = &ch->items[j];
			if (b->shape != SHAPE_TEXT)
				continue;
			rb = extent(b);
			rb.x0 -= CLEAR, rb.x1 += CLEAR;
			rb.y0 -= CLEAR, rb.y1 += CLEAR;
			/* A line has no area: touching counts. */
			if (ra.x0 <= rb.x1 && rb.x0 <= ra.x1 &&
			    ra.y0 <= rb.y1 && rb.y0 <= ra.y1) {
				line_label++;
				fprintf(stderr, "%s: a %s line through \"%.*s\"\n",
				    what, a->paint == PAINT_TODAY ? "date" :
				    "grid", (int)b->len, b->text);
			}
		}
	}
	snprintf(msg, sizeof(msg), "%s: no line of the date or the grid "
	    "through or touching a label", what);
	T_OK(line_label == 0, msg);
	snprintf(msg, sizeof(msg), "%s: no two labels meet", what);
	T_OK(label_label == 0, msg);
	snprintf(msg, sizeof(msg), "%s: no label meets a bar or a mark", what);
	T_OK(label_mark == 0, msg);
	snprintf(msg, sizeof(msg), "%s: everything inside the chart", what);
	T_OK(outside == 0, msg);
	snprintf(msg, sizeof(msg), "%s: one line for the note's date", what);
	T_OK(today >= 1, msg);
	snprintf(msg, sizeof(msg), "%s: fuzzy dates drawn as bands", what);
	T_OK(spans >= 2, msg);
	snprintf(msg, sizeof(msg), "%s: a title and a text alternative", what);
	T_OK(ch->title != NULL && *ch->title != '\0' && ch->desc != NULL &&
	    strlen(ch->desc) > 40, msg);

	/* The data table: a row per entry, each named in the description. */
	for (row = data != NULL ? data->child : NULL; row != NULL;
	    row = row->next) {
		if (row->header)
			continue;
		rows++;
		cell = row->child != NULL ? row->child->next : NULL;
		cell = cell != NULL ? cell->next : NULL;	/* "Hvad" */
		if (cell != NULL && cell->inl != NULL &&
		    strstr(ch->desc, cell->inl->text) != NULL)
			named++;
	}
	snprintf(msg, sizeof(msg), "%s: a data table with every entry", what);
	T_OK(data != NULL && data->table == TABLE_CHART && rows > 0, msg);
	snprintf(msg, sizeof(msg), "%s: the text alternative names all %zu "
	    "entries", what, rows);
	T_OK(named == rows, msg);
	snprintf(msg, sizeof(msg), "%s: a lane title per lane", what);
	T_OK(lanes >= 1, msg);
}

static size_t
charts_in(const struct block *b, const char *what, size_t n)
{
	char	 name[256];

	for (; b != NULL; b = b->next) {
		if (b->type == BLOCK_CHART) {
			snprintf(name, sizeof(name), "%s, chart %zu", what,
			    ++n);
			check_chart(b->chart, b->child, name);
		} else
			n = charts_in(b->child, what, n);
	}
	return n;
}

static int
opendir_ok(const char *path)
{
	DIR	*d = opendir(path);

	if (d == NULL)
		return 0;
	closedir(d);
	return 1;
}

/* Every chart of every note of a content tree, at width points. */
static void
content_tree(const char *dir, double width, size_t want,
    struct font **faces)
{
	struct arena	 a;
	struct diag	 d;
	struct content	 c;
	struct report	 r;
	struct chart_opts co;
	char		 what[256];
	size_t		 i, n = 0;

	arena_init(&a);
	diag_init(&d, NULL);
	memset(&c, 0, sizeof(c));
	memset(&co, 0, sizeof(co));
	co.width = width;
	co.size = 8;
	co.measure = font_measure;
	co.arg = faces;
	snprintf(what, sizeof(what), "%s at %.0f pt", dir, width);
	T_OK(pipeline_run(&a, &d, dir, NULL, &co, NULL, &c, &r) == 0, what);
	if (d.count[DIAG_ERROR] == 0)
		for (i = 0; i < r.nnotes; i++) {
			snprintf(what, sizeof(what), "%s, %s at %.0f pt", dir,
			    r.notes[i].id, width);
			n = charts_in(r.notes[i].body, what, n);
		}
	snprintf(what, sizeof(what), "%s: %zu charts", dir, want);
	T_OK(n == want, what);
	diag_flush(&d);
	arena_fini(&a);
}

/*
 * The charts of every golden case whose content lays out, and the
 * geometry check on each; the case list is read, so a new case with a
 * chart is checked too.
 */
static void
golden_trees(double width, struct font **faces)
{
	struct arena	 a;
	struct diag	 d;
	struct content	 c;
	struct report	 r;
	struct chart_opts co;
	DIR		*dir;
	struct dirent	*de;
	char		 path[512], what[600];
	size_t		 i, n = 0, cases = 0;

	if ((dir = opendir("tests/golden")) == NULL) {
		T_OK(0, "tests/golden opens");
		return;
	}
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "tests/golden/%s/content",
		    de->d_name);
		arena_init(&a);
		diag_init(&d, NULL);
		memset(&c, 0, sizeof(c));
		memset(&co, 0, sizeof(co));
		co.width = width;
		co.size = 8;
		co.measure = font_measure;
		co.arg = faces;
		if (opendir_ok(path) &&
		    pipeline_run(&a, &d, path, NULL, &co, NULL, &c, &r) == 0 &&
		    d.count[DIAG_ERROR] == 0) {
			cases++;
			for (i = 0; i < r.nnotes; i++) {
				snprintf(what, sizeof(what), "%s, %s at %.0f pt",
				    path, r.notes[i].id, width);
				n = charts_in(r.notes[i].body, what, n);
			}
		}
		diag_flush(&d);
		arena_fini(&a);
	}
	closedir(dir);
	snprintf(what, sizeof(what), "golden cases at %.0f pt: %zu lay out, "
	    "%zu charts", width, cases, n);
	T_OK(cases >= 3 && n >= 4, what);
}

/*
 * A figure's small chart (chart_bars): a bar for each value, no label
 * meets another or a bar, nothing outside, a title and a description.
 */
static void
check_bars(const struct chart *ch, size_t n, const char *what)
{
	const struct chart_item *a, *b;
	struct rect	 ra;
	char		 msg[512];
	size_t		 i, j, bars = 0, meets = 0, outside = 0;

	for (i = 0; i < ch->nitems; i++) {
		a = &ch->items[i];
		ra = extent(a);
		if (ra.x0 < -EPS || ra.x1 > ch->width + EPS || ra.y0 < -EPS ||
		    ra.y1 > ch->height + EPS)
			outside++;
		bars += a->shape == SHAPE_RECT && a->paint == PAINT_ACTUAL;
		if (a->shape != SHAPE_TEXT)
			continue;
		for (j = 0; j < ch->nitems; j++) {
			b = &ch->items[j];
			if (j == i || !meet(ra, extent(b)))
				continue;
			if ((b->shape == SHAPE_TEXT && j > i) || is_mark(b)) {
				meets++;
				fprintf(stderr, "%s: \"%.*s\" meets item %zu\n",
				    what, (int)a->len, a->text, j);
			}
		}
	}
	snprintf(msg, sizeof(msg), "%s: a bar for each of %zu values", what, n);
	T_OK(bars == n, msg);
	snprintf(msg, sizeof(msg), "%s: no label meets another or a bar", what);
	T_OK(meets == 0, msg);
	snprintf(msg, sizeof(msg), "%s: everything inside the chart", what);
	T_OK(outside == 0, msg);
	snprintf(msg, sizeof(msg), "%s: a title and a text alternative", what);
	T_OK(ch->title != NULL && *ch->title != '\0' && ch->desc != NULL &&
	    *ch->desc != '\0', msg);
}

/*
 * Small charts of twelve values (long dates, a negative one, a zero),
 * and those of the initiatives' pages of tests/golden/series, whose
 * timeline charts pass check_chart.
 */
static void
bar_charts(double width, struct font **faces)
{
	static const char *const labels[12] = { "1. januar 2020",
	    "30. september 2020", "1. december 2020", "15. januar 2021",
	    "3. juni 2021", "30. november 2021", "2. juni 2022",
	    "1. december 2022", "1. januar 2023", "30. september 2023",
	    "1. december 2023", "31. december 2024" };
	static const char *const texts[12] = { "16", "−1,5 %", "0", "12,5 %",
	    "ca. 16 mio. kr.", "1.234", "7", "8", "9", "10", "11", "120" };
	static const double values[12] = { 16, -1.5, 0, 12.5, 16, 1234, 7, 8,
	    9, 10, 11, 120 };
	struct arena	 a;
	struct diag	 d;
	struct content	 c;
	struct report	 r;
	struct chart_opts co;
	const struct chart *ch;
	const struct block *b, *row;
	char		 what[600];
	size_t		 i, n, rows, charts = 0;

	arena_init(&a);
	diag_init(&d, NULL);
	memset(&co, 0, sizeof(co));
	co.width = width;
	co.size = 8;
	co.measure = font_measure;
	co.arg = faces;
	snprintf(what, sizeof(what), "twelve values at %.0f pt", width);
	ch = chart_bars(&a, &co, labels, texts, values, 12, "Et tal",
	    "Et tal over tolv notater.");
	T_OK(ch != NULL, what);
	if (ch != NULL)
		check_bars(ch, 12, what);
	T_OK(chart_bars(&a, &co, labels, texts, values, 0, "Intet",
	    "Intet.") == NULL, "no values: no chart");
	memset(&c, 0, sizeof(c));
	snprintf(what, sizeof(what), "tests/golden/series at %.0f pt", width);
	T_OK(pipeline_run(&a, &d, "tests/golden/series/content", NULL, &co,
	    NULL, &c, &r) == 0 && r.ninitiatives == 2, what);
	for (i = 0; i < r.ninitiatives; i++) {
		snprintf(what, sizeof(what), "tests/golden/series, %s's page "
		    "at %.0f pt", r.initiatives[i].id, width);
		b = r.initiatives[i].timeline;
		T_OK(b != NULL && b->type == BLOCK_CHART, what);
		if (b != NULL && b->type == BLOCK_CHART)
			check_chart(b->chart, b->child, what);
		for (b = r.initiatives[i].figures, n = 0; b != NULL;
		    b = b->next) {
			if (b->type != BLOCK_CHART)
				continue;
			for (row = b->child->child, rows = 0; row != NULL;
			    row = row->next)
				rows += !row->header;
			snprintf(what, sizeof(what), "tests/golden/series, %s, "
			    "%s at %.0f pt", r.initiatives[i].id, b->text,
			    width);
			check_bars(b->chart, rows, what);
			n++;
		}
		charts += n;
	}
	snprintf(what, sizeof(what), "tests/golden/series at %.0f pt: the "
	    "figures' small charts", width);
	T_OK(charts >= 10, what);
	diag_flush(&d);
	arena_fini(&a);
}

int
main(void)
{
	struct style	 s;
	struct font	*m[FACE__MAX];
	struct diag	 d;
	static const double widths[] = { 462.05, 300, 180 };
	size_t		 i;

	t_begin("chart");
	style_defaults(&s);
	diag_init(&d, stderr);
	memset(m, 0, sizeof(m));
	m[FACE_REGULAR] = font_open(&d, s.fonts[FACE_REGULAR]);
	m[FACE_BOLD] = font_open(&d, s.fonts[FACE_BOLD]);
	if (m[FACE_REGULAR] == NULL || m[FACE_BOLD] == NULL) {
		T_OK(0, "the fonts open");
		diag_flush(&d);
		return t_done();
	}
	for (i = 0; i < sizeof(widths) / sizeof(widths[0]); i++) {
		content_tree("content", widths[i], 1, m);
		content_tree("tests/golden/crowded-chart/content", widths[i], 2,
		    m);
		content_tree("tests/golden/forecasts-2022/content", widths[i],
		    1, m);
		golden_trees(widths[i], m);
		bar_charts(widths[i], m);
	}
	font_close(m[FACE_REGULAR]);
	font_close(m[FACE_BOLD]);
	diag_flush(&d);
	return t_done();
}
