/*
 * layout.h: the third stage: the validated model and its narratives
 * become the format-neutral report (report.h) that every renderer reads.
 * Dates, numbers, statuses and order are decided here, once.
 */
#ifndef LAYOUT_H
#define LAYOUT_H

struct arena;
struct content;
struct diag;
struct report;

/*
 * Lay out every note of c into *r.  Narrative problems are reported;
 * returns 0 when there was no error, else -1.
 */
int	 layout_report(struct arena *, struct diag *, const struct content *,
	    struct report *);

#endif
