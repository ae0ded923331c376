/*
 * buf.c: growable byte buffers in the arena.  See buf.h.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"

void
buf_init(struct buf *b, struct arena *a)
{
	b->arena = a;
	b->len = 0;
	b->cap = 64;
	b->data = arena_alloc(a, b->cap);
}

static void
reserve(struct buf *b, size_t n)
{
	size_t	 cap;

	if (b->cap - b->len > n)
		return;
	cap = b->cap;
	while (cap - b->len <= n)
		cap *= 2;
	b->data = arena_grow(b->arena, b->data, b->len + 1, cap);
	b->cap = cap;
}

void
buf_put(struct buf *b, const char *s, size_t n)
{
	if (n == 0)
		return;
	reserve(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_putc(struct buf *b, int c)
{
	if (b->cap - b->len <= 1)
		reserve(b, 1);
	b->data[b->len++] = (char)c;
	b->data[b->len] = '\0';
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
buf_truncate(struct buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->data[len] = '\0';
	}
}

char *
buf_strdup(const struct buf *b)
{
	return arena_strndup(b->arena, b->data, b->len);
}
