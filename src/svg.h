/*
 * svg.h: the timeline chart (report.h) as inline SVG for the HTML
 * pages: the geometry as the layout stage made it, with a <title> and
 * a <desc> for screen readers.  Its colours come from style.css by
 * class; text is held to its measured width with textLength.
 */
#ifndef SVG_H
#define SVG_H

struct buf;
struct chart;

void	 svg_chart(struct buf *, const struct chart *);

#endif
