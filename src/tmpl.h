/*
 * tmpl.h: a Mustache template engine (the official spec: interpolation,
 * sections, inverted sections, comments, partials, set delimiters and
 * ~inheritance; no lambdas).  Used by the HTML renderer; the data it
 * renders is a tree of struct tval built by the caller in the arena.
 * Any file may include this header.
 */
#ifndef TMPL_H
#define TMPL_H

#include <stddef.h>

struct arena;
struct buf;
struct diag;

enum tval_type {
	TVAL_NULL,
	TVAL_BOOL,
	TVAL_NUM,	/* a number, kept as the text to print, e.g. "1.21" */
	TVAL_STR,
	TVAL_LIST,
	TVAL_MAP,
	TVAL__MAX
};

struct tval {
	enum tval_type	  type;
	int		  boolean;	/* TVAL_BOOL */
	const char	 *str;		/* TVAL_STR, TVAL_NUM: NUL-terminated */
	size_t		  len;
	struct tval	**items;	/* TVAL_LIST elements, TVAL_MAP values */
	const char	**keys;		/* TVAL_MAP keys, parallel to items */
	size_t		  nitems;
	size_t		  cap;
};

/* Constructors: all memory from the arena; strings are not copied. */
struct tval	*tval_null(struct arena *);
struct tval	*tval_bool(struct arena *, int);
struct tval	*tval_num(struct arena *, const char *);
struct tval	*tval_str(struct arena *, const char *);
struct tval	*tval_list(struct arena *);
struct tval	*tval_map(struct arena *);
/* Append to a list. */
void		 tval_push(struct arena *, struct tval *list, struct tval *);
/* Add or replace a key of a map; keys keep their first insertion order. */
void		 tval_set(struct arena *, struct tval *map, const char *key,
		    struct tval *);
/* Shorthand: tval_set(a, map, key, tval_str(a, s)); s NULL sets null. */
void		 tval_set_str(struct arena *, struct tval *map,
		    const char *key, const char *s);
/* The value of a key of a map, or NULL. */
struct tval	*tval_get(const struct tval *map, const char *key);

/*
 * Where partials and parents ({{>name}}, {{<name}}) come from.  load
 * returns the template's text and sets *len, or returns NULL when there
 * is no such template (which renders as empty, as the spec says); name
 * is the tag's content.  The text must live as long as the arena.
 * file, when set, says where the template named came from, for the
 * messages about it ("templates/note.mustache").
 */
struct tmpl_loader {
	const char	*(*load)(void *arg, const char *name, size_t *len);
	/* The file a template's messages name, or NULL: its name. */
	const char	*(*file)(void *arg, const char *name);
	void		 *arg;
};

/*
 * Render the template src (len bytes, named file in diagnostics) against
 * data, appending to out.  Values are HTML-escaped through escape_html()
 * except in {{{triple}}} and {{&ampersand}} tags.  Syntax errors
 * (unclosed tags or sections, mismatched ends, bad delimiters) are
 * reported through diag as file:line:col and make it return -1; on
 * success it returns 0.  Nesting of sections and partials is bounded,
 * so recursive partials end with an error, not a crash.
 * loader may be NULL (no partials).
 */
int	 tmpl_render(struct arena *, const char *file, const char *src,
	    size_t len, const struct tval *data,
	    const struct tmpl_loader *loader, struct buf *out, struct diag *);

#endif
