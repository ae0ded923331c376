/*
 * utf8.h: decoding UTF-8 for the layout and the PDF device, which must
 * agree on every character.  Any file may include this header.
 */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decode one character from s (n > 0 bytes left) and return its length.
 * A byte that does not begin a well-formed sequence (overlong,
 * surrogate, above U+10FFFF, cut short) is one U+FFFD of length 1, so
 * every byte is accounted for and decoding resumes at the next byte.
 */
size_t	 utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

#endif
