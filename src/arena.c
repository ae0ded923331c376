/*
 * arena.c: a bump allocator in linked blocks.  See arena.h.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define BLOCK_SIZE	(64 * 1024)
#define ALIGN		16

struct arena_block {
	struct arena_block	*next;
	size_t			 used;
	size_t			 size;
	_Alignas(ALIGN) unsigned char data[];
};

static void
oom(void)
{
	fputs("statusnotat: error: out of memory\n", stderr);
	exit(2);
}

void
arena_init(struct arena *a)
{
	a->head = NULL;
	a->total = 0;
}

void
arena_fini(struct arena *a)
{
	struct arena_block	*b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
	a->total = 0;
}

void
arena_reset(struct arena *a)
{
	struct arena_block	*b, *next;

	if (a->head == NULL)
		return;
	for (b = a->head->next; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head->next = NULL;
	a->head->used = 0;
	a->total = 0;
}

/* Memory as it comes: for what the caller fills at once. */
static void *
alloc_raw(struct arena *a, size_t n)
{
	struct arena_block	*b;
	size_t			 size;
	void			*p;

	if (n == 0)
		n = 1;
	if (n > SIZE_MAX - ALIGN - sizeof(*b))
		oom();
	n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	b = a->head;
	if (b == NULL || b->size - b->used < n) {
		size = n > BLOCK_SIZE / 4 ? n : BLOCK_SIZE;
		if ((b = malloc(sizeof(*b) + size)) == NULL)
			oom();
		b->used = 0;
		b->size = size;
		if (n > BLOCK_SIZE / 4 && a->head != NULL) {
			/* Keep the current block for small requests. */
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	p = b->data + b->used;
	b->used += n;
	a->total += n;
	return p;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	void	*p = alloc_raw(a, n);

	memset(p, 0, n);
	return p;
}

void *
arena_calloc(struct arena *a, size_t n, size_t sz)
{
	if (sz != 0 && n > SIZE_MAX / sz)
		oom();
	return arena_alloc(a, n * sz);
}

void *
arena_grow(struct arena *a, void *old, size_t oldsz, size_t newsz)
{
	char	*p;
	size_t	 keep = old != NULL ? (oldsz < newsz ? oldsz : newsz) : 0;

	/* Only the new part needs zeroing: the rest is copied over. */
	p = alloc_raw(a, newsz);
	if (keep > 0)
		memcpy(p, old, keep);
	memset(p + keep, 0, newsz - keep);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char	*p;

	p = alloc_raw(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list	 ap2;
	int	 n;
	char	*p;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		oom();
	p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}
