/*
 * linebreak.h: breaking a paragraph into lines.  Knuth and Plass's
 * total-fit algorithm (as TeX's), over boxes, glue and penalties, with
 * a hard limit on consecutive hyphenated lines; and first-fit for
 * ragged text.  Knows nothing of fonts or pages: widths are numbers.
 * Used by the typesetter.
 */
#ifndef LINEBREAK_H
#define LINEBREAK_H

#include <stddef.h>

struct arena;

enum lb_kind {
	LB_BOX,		/* a piece of a word: never broken */
	LB_GLUE,	/* a space: a break may follow a box here */
	LB_PENALTY,	/* a possible break with a cost */
	LB__MAX
};

#define LB_INF		10000	/* a penalty of LB_INF forbids, -LB_INF forces */

struct lb_item {
	enum lb_kind	 kind;
	double		 width;		/* box, glue; penalty: added at a break */
	double		 stretch;	/* glue */
	double		 shrink;	/* glue */
	int		 penalty;	/* penalty */
	int		 flagged;	/* penalty: a hyphen break */
};

struct lb_params {
	double		 width;		/* of every line */
	double		 tolerance;	/* largest stretch ratio, e.g. 2 */
	int		 line_penalty;	/* TeX's \linepenalty, 10 */
	int		 flagged_demerits;	/* two hyphen lines in a row */
	int		 fitness_demerits;	/* tight next to loose */
	int		 max_hyphens;	/* hyphenated lines in a row, at most */
};

struct lb_line {
	size_t		 start;		/* first item of the line */
	size_t		 end;		/* the break item; the line is [start, end) */
	double		 ratio;		/* how much glue stretched (>0) or shrank (<0) */
	int		 hyphen;	/* ends at a flagged penalty */
};

/*
 * Total fit.  The items must end as TeX's paragraphs do: a penalty of
 * LB_INF, a glue of (practically) infinite stretch, a penalty of -LB_INF.  Returns the number of lines and
 * sets *lines (arena memory), or 0 when no set of breaks keeps every
 * line within the tolerance (the caller tries a larger one).  Glue and
 * penalties after a break are dropped from the next line's start.
 */
size_t	 lb_total_fit(struct arena *, const struct lb_item *, size_t n,
	    const struct lb_params *, struct lb_line **lines);

/*
 * First fit for ragged text: as many items on each line as fit, glue at
 * its natural width.  Boxes wider than the line stand alone on theirs
 * (the caller splits such boxes first).  Returns the number of lines.
 */
size_t	 lb_first_fit(struct arena *, const struct lb_item *, size_t n,
	    double width, struct lb_line **lines);

#endif
