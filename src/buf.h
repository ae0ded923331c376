/*
 * buf.h: a growable byte buffer whose memory comes from the build's arena.
 * Any file may include this header.  The contents are always
 * NUL-terminated, so buf->data can be used as a C string.
 */
#ifndef BUF_H
#define BUF_H

#include <stdarg.h>
#include <stddef.h>

struct arena;

struct buf {
	struct arena	*arena;
	char		*data;
	size_t		 len;
	size_t		 cap;
};

void	 buf_init(struct buf *, struct arena *);
void	 buf_put(struct buf *, const char *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc(struct buf *, int);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_truncate(struct buf *, size_t);
/* A copy of the contents in the arena; the buffer may be reused. */
char	*buf_strdup(const struct buf *);

#endif
