/*
 * chart.h: inside the layout stage.  layout.c works out each
 * initiative's timeline as of a note once, as entries; they become the
 * rows of its timeline table (layout.c) and the bars and marks of the
 * note's timeline chart (chart.c), so the two always agree.
 */
#ifndef CHART_H
#define CHART_H

#include <stddef.h>

#include "date.h"
#include "report.h"

struct arena;
struct chart_opts;

/* One row of a timeline: a phase, a milestone or a note's event. */
struct tl_entry {
	long		 key;		/* the day it sorts by */
	size_t		 seq;		/* input order, for a stable sort */
	const char	*when;		/* "september 2020 – medio oktober 2020" */
	const char	*iso;		/* machine-read date, or NULL */
	const char	*what;		/* the table's text */
	const char	*label;		/* the chart's, shorter */
	const char	*status;	/* the state in words */
	enum row_state	 state;
	int		 phase;		/* a bar; else a mark */
	int		 milestone;	/* a mark for a milestone, not an event */
	int		 pause;
	struct date	 start;		/* phase: its start; mark: its date;
					   DATE_NONE: not in the chart */
	struct date	 end;		/* phase: DATE_NONE while it goes on */
};

/* A lane of the chart: an initiative, or the note's own events. */
struct tl_lane {
	const char	*name;
	struct tl_entry	*e;		/* sorted */
	size_t		 n;
};

/*
 * The chart of the lanes as of the day as_of (as_of_text: that date in
 * words), titled title, for the note whose title in the definite form is
 * note ("Statusnotatet": the legend says "Statusnotatets dato"; NULL
 * for that).  NULL when no entry has a date.
 */
struct chart	*chart_make(struct arena *, const struct chart_opts *,
		    const struct tl_lane *, size_t nlanes,
		    const struct date *as_of, const char *as_of_text,
		    const char *title, const char *note);

/*
 * A figure's small chart: a bar for each of its n values, oldest first,
 * labelled by labels (the notes' dates, under the bars, as many as fit)
 * and texts (each value as the table writes it, above its bar), from a
 * line at zero; title and desc say what it shows.  NULL when n is 0.
 */
struct chart	*chart_bars(struct arena *, const struct chart_opts *,
		    const char *const *labels, const char *const *texts,
		    const double *values, size_t n, const char *title,
		    const char *desc);

#endif
