/*
 * schema.h: a JSON Schema (draft-07) for each kind of YAML file, for
 * the editor's help (completion, hover help and red underlines in
 * VS Code's YAML extension).  The keys come from the loader's own
 * tables (keys.h); schema.c adds a Danish description and a form to
 * each, and schema_check makes sure the two name the same keys.
 */
#ifndef SCHEMA_H
#define SCHEMA_H

#include <stddef.h>

struct buf;

/* The forms a value takes. */
enum schema_form {
	SF_TEXT,	/* any text */
	SF_ID,		/* a-z, 0-9, - and _ */
	SF_WHOLE,	/* a whole number */
	SF_COUNT,	/* a whole number, or numbers over time */
	SF_QUANTITY,	/* "34 %", "16 mio. kr.", or numbers over time */
	SF_DATE,	/* a Danish date (date.c) */
	SF_BOOL,	/* true or false */
	SF_BOOL_DATE,	/* true, false or a date */
	SF_NUMBER,	/* a decimal number from lo to hi */
	SF_COLOR,	/* "#rrggbb" */
	SF_PATTERN,	/* text matching pattern */
	SF_WORD,	/* one of words */
	SF_WORDS,	/* one of words, or a list of them */
	SF_TEXTS,	/* a list of text */
	SF_TEXT_OR_TEXTS, /* text, or a list of text */
	SF_MAP,		/* keys: map */
	SF_LIST,	/* a list of map */
	SF_MAP_OR_LIST,	/* keys: map, or a list of list */
	SF_LIST_OR_TEXT	/* a list of map or text */
};

struct schema_map;

/* One key: its description, in Danish, and its form. */
struct schema_key {
	const char	*key;
	const char	*doc;
	enum schema_form form;
	const struct schema_map *map, *list;	/* SF_MAP ... SF_LIST_OR_TEXT */
	const char *const *words;	/* SF_WORD, SF_WORDS (NULL-terminated) */
	const char	*pattern;	/* SF_PATTERN */
	double		 lo, hi;	/* SF_NUMBER */
};

/* A map (a set of keys) of the loader, and what schema.c says of it. */
struct schema_map {
	const char	*what;		/* for schema_check's messages */
	const char *const *keys;	/* the loader's table (keys.h) */
	const struct schema_key *doc;	/* a schema_key for each; key NULL ends */
	const char *const *required;	/* keys it must have, or NULL */
	const char *const *one_of;	/* it needs at least one of these */
};

/*
 * The schema of kind ("site", "initiative", "report" or "pdf") as
 * pretty JSON into b; -1 for an unknown kind.
 */
int	 schema_write(struct buf *b, const char *kind);

/*
 * `statusnotat schema KIND`: print it.  Returns 0, 2 when it could not
 * be written, or -1 for an unknown kind (nothing printed).
 */
int	 schema_main(const char *kind);

/*
 * Problems of m and the maps below it into why, one a line: a key of
 * the loader with no description, a description or a required key that
 * the loader does not know.  Returns their number.
 */
int	 schema_check_map(struct buf *why, const struct schema_map *m);

/* schema_check_map of every kind of file. */
int	 schema_check(struct buf *why);

#endif
