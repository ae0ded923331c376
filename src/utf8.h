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

/*
 * The column of at on the line that begins at line, as diagnostics
 * count columns: in characters (decoded as utf8_decode does), from 1.
 */
int	 utf8_column(const char *line, const char *at);

/*
 * The same for many places on a line, left to right: each is counted
 * on from the one before, so a long line is read once.  Start with a
 * cursor of zeros.
 */
struct utf8_cursor {
	const char	*line;
	const char	*at;
	int		 col;
};
int	 utf8_column_at(struct utf8_cursor *, const char *line,
	    const char *at);

/*
 * Report a file that is not UTF-8 at file:line:col, where the byte b is
 * the first that is not: if b is a letter or sign of Windows-1252 (what
 * Notepad and Word save as "ANSI"), say so, with that character, and
 * how to save the file as UTF-8.
 */
struct diag;
void	 utf8_report_invalid(struct diag *, const char *file, int line,
	    int col, unsigned char b);

#endif
