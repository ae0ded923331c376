/*
 * danish.h: numbers as Danish prose writes them.  Dates are date.h's.
 * Any stage before the renderers may include this header.
 */
#ifndef DANISH_H
#define DANISH_H

#include <stddef.h>

struct buf;

/* 16, 1.500, 12.345.678, -3: a point between thousands from 1.000. */
void	 danish_number(struct buf *, long);
/*
 * The number in words as the Danish custom writes small numbers in
 * prose: "en", "to", ..., "tyve"; digits above twenty.  capital makes
 * the first letter upper-case ("En"), for the start of a sentence.
 */
void	 danish_number_word(struct buf *, long, int capital);

/* Append the items as a Danish list: "A", "A og B", "A, B og C". */
void	 danish_list(struct buf *, const char *const *items, size_t n);

/*
 * A quantity as administrators write one: "34 %", "16 mio. kr.",
 * "16.000.000 kr.", "12,5", "-3", "1.500 timer", "ca. 40".  The number
 * is kept whole, scaled by 10^decimals (12,5: 125 and 1).
 */
struct quantity {
	long		 value;
	int		 decimals;	/* 0-3 */
	const char	*unit;		/* "%", "kr.", "mio. kr.", "timer", or NULL */
	int		 approx;	/* written "ca." */
};

/*
 * Parse len bytes of s into *q (unit pointing into a static table or
 * into s's copy made by the caller: unit_buf, unitsz bytes).  Returns 0,
 * or -1 with a message for an administrator in err.
 */
int	 danish_quantity(const char *s, size_t len, struct quantity *q,
	    char *unit_buf, size_t unitsz, char *err, size_t errsz);
/* The same, with the message in lang's language (i18n.h). */
struct lang;
int	 danish_quantity_in(const struct lang *, const char *s, size_t len,
	    struct quantity *q, char *unit_buf, size_t unitsz, char *err,
	    size_t errsz);
/* Append q the Danish way: "ca. 1.500 timer", "12,5 %", "−3". */
void	 danish_quantity_format(struct buf *, const struct quantity *);
/*
 * Append the change from before to now: "+2", "−1,5 procentpoint",
 * "+0,4 mio. kr.", "uændret"; or "" when their units differ.
 */
void	 danish_quantity_change(struct buf *, const struct quantity *now,
	    const struct quantity *before);

#endif
