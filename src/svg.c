/*
 * svg.c: the timeline chart as SVG.  See svg.h.  Every item becomes one
 * element with its paint as class ("actual", "planned"...); style.css
 * says how each looks, and docs/content.md shows the legend.  Text goes
 * through escape.c like all text of the site.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "escape.h"
#include "report.h"
#include "svg.h"

static const char *const paints[PAINT__MAX] = {
	"grid", "axis", "today", "actual", "planned", "pause", "span",
	"done", "expected", "overdue", "backdrop", "label", "lane"
};

/* A coordinate to a hundredth, without trailing zeros: "12.5", "3". */
static void
num(struct buf *b, double v)
{
	char	 s[32];
	size_t	 n;

	if (v > -0.005 && v < 0.005)
		v = 0;
	n = (size_t)snprintf(s, sizeof(s), "%.2f", v);
	while (n > 0 && s[n - 1] == '0')
		n--;
	if (n > 0 && s[n - 1] == '.')
		n--;
	buf_put(b, s, n);
}

/* Attributes: name="v" for each of n values. */
static void
attrs(struct buf *b, const char *const *names, const double *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		buf_printf(b, " %s=\"", names[i]);
		num(b, v[i]);
		buf_putc(b, '"');
	}
}

static void
diamond(struct buf *b, const char *cls, double x, double y, double w,
    double h)
{
	double	 pts[8] = { x + w / 2, y, x + w, y + h / 2, x + w / 2, y + h,
	    x, y + h / 2 };
	size_t	 i;

	buf_printf(b, "<polygon class=\"%s\" points=\"", cls);
	for (i = 0; i < 8; i++) {
		if (i > 0)
			buf_putc(b, i % 2 ? ',' : ' ');
		num(b, pts[i]);
	}
	buf_puts(b, "\"/>\n");
}

static void
item(struct buf *b, const struct chart *c, const struct chart_item *it)
{
	static const char *const rect[] = { "x", "y", "width", "height" };
	static const char *const line[] = { "x1", "y1", "x2", "y2" };
	static const char *const text[] = { "x", "y", "textLength" };
	const char	*cls = paints[it->paint];
	double		 v[4];

	switch (it->shape) {
	case SHAPE_RECT:
		v[0] = it->x, v[1] = it->y, v[2] = it->w, v[3] = it->h;
		/* An outline is drawn inside the box, as in the PDF. */
		if (it->paint == PAINT_PLANNED || it->paint == PAINT_PAUSE) {
			v[0] += 0.4, v[1] += 0.4, v[2] -= 0.8, v[3] -= 0.8;
			if (v[2] < 0)
				v[2] = 0;
		}
		buf_printf(b, "<rect class=\"%s\"", cls);
		if (it->paint == PAINT_PAUSE)
			buf_printf(b, " fill=\"url(#%s-hatch)\"", c->id);
		attrs(b, rect, v, 4);
		buf_puts(b, "/>\n");
		break;
	case SHAPE_LINE:
		v[0] = it->x, v[1] = it->y;
		v[2] = it->x + it->w, v[3] = it->y + it->h;
		buf_printf(b, "<line class=\"%s\"", cls);
		attrs(b, line, v, 4);
		buf_puts(b, "/>\n");
		break;
	case SHAPE_DIAMOND:
		diamond(b, cls, it->x, it->y, it->w, it->h);
		/* Overdue: a dot in the open diamond, not only a colour. */
		if (it->paint == PAINT_OVERDUE)
			diamond(b, "overdue-dot", it->x + it->w / 4,
			    it->y + it->h / 4, it->w / 2, it->h / 2);
		break;
	case SHAPE_TEXT:
		v[0] = it->x, v[1] = it->y, v[2] = it->w;
		buf_printf(b, "<text class=\"%s\"", cls);
		attrs(b, text, v, 3);
		buf_puts(b, " lengthAdjust=\"spacingAndGlyphs\">");
		escape_html(b, it->text, it->len);
		buf_puts(b, "</text>\n");
		break;
	default:
		break;
	}
}

void
svg_chart(struct buf *b, const struct chart *c)
{
	size_t	 i;

	buf_puts(b, "<svg class=\"chart\" viewBox=\"0 0 ");
	num(b, c->width);
	buf_putc(b, ' ');
	num(b, c->height);
	buf_printf(b, "\" role=\"img\" aria-labelledby=\"%s-title %s-desc\" "
	    "font-size=\"", c->id, c->id);
	num(b, c->size);
	buf_puts(b, "\">\n");
	buf_printf(b, "<title id=\"%s-title\">", c->id);
	escape_html(b, c->title, strlen(c->title));
	buf_printf(b, "</title>\n<desc id=\"%s-desc\">", c->id);
	escape_html(b, c->desc, strlen(c->desc));
	buf_puts(b, "</desc>\n");
	/* The hatching of a pause, where the chart has one. */
	for (i = 0; i < c->nitems && c->items[i].paint != PAINT_PAUSE; i++)
		continue;
	if (i < c->nitems)
		buf_printf(b, "<defs><pattern id=\"%s-hatch\" class=\"hatch\" "
		    "patternUnits=\"userSpaceOnUse\" width=\"3\" height=\"3\" "
		    "patternTransform=\"rotate(45)\"><rect width=\"3\" "
		    "height=\"3\"/><line x1=\"0\" y1=\"0\" x2=\"0\" "
		    "y2=\"3\"/></pattern></defs>\n", c->id);
	for (i = 0; i < c->nitems; i++)
		item(b, c, &c->items[i]);
	buf_puts(b, "</svg>\n");
}
