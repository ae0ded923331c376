/*
 * danish.h: numbers as Danish prose writes them.  Dates are date.h's.
 * Any stage before the renderers may include this header.
 */
#ifndef DANISH_H
#define DANISH_H

struct buf;

/* 16, 1.500, 12.345.678, -3: a point between thousands from 1.000. */
void	 danish_number(struct buf *, long);
/*
 * The number in words as the Danish custom writes small numbers in
 * prose: "en", "to", ..., "tyve"; digits above twenty.  capital makes
 * the first letter upper-case ("En"), for the start of a sentence.
 */
void	 danish_number_word(struct buf *, long, int capital);

#endif
