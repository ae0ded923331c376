/*
 * layout.h: the third stage: the validated model and its narratives
 * become the format-neutral report (report.h) that every renderer reads.
 * Dates, numbers, statuses and order are decided here, once.
 */
#ifndef LAYOUT_H
#define LAYOUT_H

#include <stddef.h>

struct arena;
struct content;
struct diag;
struct report;

/*
 * What the timeline chart's geometry needs to know of the page: its
 * width (the PDF's text width) and how wide text is, measured with the
 * fonts the PDF embeds (the web page asks for the same, or a font with
 * the same metrics, and SVG's textLength holds it to that width).
 */
struct chart_opts {
	double	 width;		/* points */
	double	 size;		/* of the chart's text, points */
	double	(*measure)(void *arg, int bold, const char *s, size_t len,
		    double size);
	void	*arg;
};

/*
 * Lay out every note of c into *r; charts as o says (NULL: no charts).
 * Narrative problems are reported; returns 0 when there was no error,
 * else -1.
 */
int	 layout_report(struct arena *, struct diag *, const struct content *,
	    const struct chart_opts *, struct report *);

#endif
