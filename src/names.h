/*
 * names.h: the values narratives may use as {{ name }} or
 * {{ name | filter }}, made from the model for one note.  Used by the
 * merge stage (narrative.c); built by layout.c.
 */
#ifndef NAMES_H
#define NAMES_H

#include <stddef.h>

#include "date.h"

struct arena;
struct buf;
struct lang;
struct content;
struct note;

enum name_kind {
	NAME_TEXT,
	NAME_NUMBER,
	NAME_DATE,
	NAME_BAD,	/* its value was unreadable and is reported already */
	NAME_LATER,	/* not known on the note's date: known from date on */
	NAME_EMPTY,	/* one the data may give, but gives no value for */
	NAME__MAX
};

struct name {
	const char	*key;	/* "baba.participants.recruited" */
	enum name_kind	 kind;
	const char	*text;	/* NAME_TEXT */
	long		 num;	/* NAME_NUMBER, scaled by 10^decimals */
	int		 decimals;	/* NAME_NUMBER: a figure's quantity */
	const char	*unit;
	int		 approx;
	struct date	 date;	/* NAME_DATE, NAME_LATER */
};

struct name_table {
	struct name	*v;	/* sorted by key once built */
	size_t		 n;
	size_t		 cap;
	int		 built;
};

struct name_number;

/*
 * The names for one note: those of the site and the note at once, an
 * initiative's when a key first asks for it, so that a note costs what
 * its narratives use, not what all the content holds.
 */
struct names {
	struct arena	*arena;
	struct name_table top;		/* site.*, units.*, note.*, events.* */
	const struct content *c;
	struct date	 as_of;
	const struct initiative **by_id;	/* the initiatives, sorted */
	struct name_table *inits;	/* each one's, as by_id */
	size_t		 ninits;
	struct name_number *nums;	/* every number, by value */
	size_t		 nnums;
	int		 nums_built;
};

/* The names of the site, every initiative and the note nt. */
void		 names_build(struct names *, struct arena *,
		    const struct content *, const struct note *nt);
const struct name *names_find(struct names *, const char *key);
/* The closest key to key, for "did you mean", or NULL. */
const char	*names_suggest(struct names *, const char *key);
/* A key to show as an example: a count, if there is one. */
const char	*names_example(struct names *);
/*
 * How many names are the number v; the first max keys of them (in key
 * order) go to keys.  For the hint about numbers typed by hand.
 */
size_t		 names_numbered(struct names *, long v, const char **keys,
		    size_t max);
/*
 * Append the value, through filter (NULL for none): "ord"/"Ord" for a
 * number in words, "tal" for digits, "uden år" for a date without its
 * year.  Returns 0, or -1 with a message in err, in lang's language.
 */
int		 names_format(const struct lang *, const struct name *,
		    const char *filter, struct buf *, char *err, size_t errsz);

#endif
