/*
 * escape.h: the one place where text is escaped for HTML.  The template
 * engine and the HTML renderer call these; nothing else writes & < > "
 * into HTML by hand.  Any file may include this header.
 */
#ifndef ESCAPE_H
#define ESCAPE_H

#include <stddef.h>

struct buf;

/* Text for element content or a double-quoted attribute: & < > " ' escaped. */
void	escape_html(struct buf *, const char *, size_t);
/*
 * A URL for href or src: escaped as text, and "#" instead of any URL
 * with a scheme other than http, https or mailto (javascript: and data:
 * never get through).
 */
void	escape_url(struct buf *, const char *, size_t);
/* 1 when the URL is safe to link to (see escape_url), else 0. */
int	escape_url_is_safe(const char *, size_t);

#endif
