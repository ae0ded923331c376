/*
 * svgcheck.h: whether an SVG logo is a static drawing that may be
 * published as it is.  A logo is served as /logo.svg from the
 * municipality's own web address, where a script in it would run: only
 * drawing elements are allowed, no event handlers (on...), no reference
 * to anything but the logo's own parts (href="#name", url(#name)), no
 * DOCTYPE with declarations, no style sheet that imports or loads
 * anything.  Used by layout.c; no XML library.
 */
#ifndef SVGCHECK_H
#define SVGCHECK_H

#include <stddef.h>

#define SVG_MAX_BYTES	(1024 * 1024)

/*
 * 0 when the len bytes at s are such an SVG file, else -1 with a
 * message for an administrator in err (errsz bytes) and its place in
 * the file in *line and *col (from 1).
 */
int	 svg_check(const char *s, size_t len, int *line, int *col,
	    char *err, size_t errsz);
/* The same, with the message in lang's language (i18n.h). */
struct lang;
int	 svg_check_in(const struct lang *, const char *s, size_t len,
	    int *line, int *col, char *err, size_t errsz);

#endif
