/*
 * escape.c: HTML escaping.  See escape.h.
 */
#include <ctype.h>
#include <strings.h>
#include <string.h>

#include "buf.h"
#include "escape.h"

void
escape_html(struct buf *b, const char *s, size_t n)
{
	size_t	 i, start = 0;
	const char *rep;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '&':  rep = "&amp;"; break;
		case '<':  rep = "&lt;"; break;
		case '>':  rep = "&gt;"; break;
		case '"':  rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default:   continue;
		}
		buf_put(b, s + start, i - start);
		buf_puts(b, rep);
		start = i + 1;
	}
	buf_put(b, s + start, n - start);
}

int
escape_url_is_safe(const char *s, size_t n)
{
	static const char *const ok[] = { "http:", "https:", "mailto:" };
	size_t	 i, k, len;

	/* A scheme is letters, digits, + - . before the first colon. */
	for (i = 0; i < n; i++) {
		if (s[i] == ':')
			break;
		if (s[i] == '/' || s[i] == '?' || s[i] == '#')
			return 1;	/* relative reference */
	}
	if (i == n)
		return 1;
	for (k = 0; k < sizeof(ok) / sizeof(ok[0]); k++) {
		len = strlen(ok[k]);
		if (n >= len && strncasecmp(s, ok[k], len) == 0)
			return 1;
	}
	return 0;
}

void
escape_url(struct buf *b, const char *s, size_t n)
{
	if (!escape_url_is_safe(s, n))
		buf_putc(b, '#');
	else
		escape_html(b, s, n);
}
