/*
 * arena.h: the one memory arena of a build.  Everything the loader, the
 * merge and the layout stages make is allocated here and freed at once by
 * arena_free().  Any file may include this header.
 *
 * Out of memory is not recoverable: arena functions print a message and
 * exit with status 2, so callers never check for NULL.
 */
#ifndef ARENA_H
#define ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block	*head;
	size_t			 total;	/* bytes handed out, for `make bench` */
};

void	 arena_init(struct arena *);
void	 arena_fini(struct arena *);
/*
 * Forget everything allocated, keeping one block for reuse: for a
 * scratch arena whose contents live only while one paragraph is set.
 */
void	 arena_reset(struct arena *);

/* Zeroed memory, aligned for any type.  Never returns NULL. */
void	*arena_alloc(struct arena *, size_t);
/* Zeroed array of n elements of size sz, with overflow check. */
void	*arena_calloc(struct arena *, size_t n, size_t sz);
/* Grow an array allocated here: copies old contents (old is not freed). */
void	*arena_grow(struct arena *, void *old, size_t oldsz, size_t newsz);
char	*arena_strdup(struct arena *, const char *);
char	*arena_strndup(struct arena *, const char *, size_t);
char	*arena_printf(struct arena *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
char	*arena_vprintf(struct arena *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));

#endif
