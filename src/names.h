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
struct content;
struct note;

enum name_kind {
	NAME_TEXT,
	NAME_NUMBER,
	NAME_DATE,
	NAME_BAD,	/* its value was unreadable and is reported already */
	NAME__MAX
};

struct name {
	const char	*key;	/* "baba.participants.recruited" */
	enum name_kind	 kind;
	const char	*text;	/* NAME_TEXT */
	long		 num;	/* NAME_NUMBER */
	struct date	 date;	/* NAME_DATE */
};

struct names {
	struct arena	*arena;
	struct name	*v;	/* sorted by key once built */
	size_t		 n;
	size_t		 cap;
};

/* All the names of the site, every initiative and the note nt. */
void		 names_build(struct names *, struct arena *,
		    const struct content *, const struct note *nt);
const struct name *names_find(const struct names *, const char *key);
/* The closest key to key, for "did you mean", or NULL. */
const char	*names_suggest(const struct names *, const char *key);
/*
 * Append the value, through filter (NULL for none): "ord"/"Ord" for a
 * number in words, "tal" for digits, "uden år" for a date without its
 * year.  Returns 0, or -1 with a message in err.
 */
int		 names_format(const struct name *, const char *filter,
		    struct buf *, char *err, size_t errsz);

#endif
