/*
 * hyph.h: Danish hyphenation: libhyphen with the hyphen-da patterns,
 * which the build converts to UTF-8, expands with libhyphen's
 * substrings.pl and compiles into the program (build/hyph_da.c).  The
 * only file that includes <hyphen.h>.  Used by the typesetter.
 */
#ifndef HYPH_H
#define HYPH_H

#include <stddef.h>

struct diag;
struct hyph;

/* Load the built-in patterns.  NULL after a diagnostic (out of memory). */
struct hyph	*hyph_open(struct diag *);
void		 hyph_close(struct hyph *);

/*
 * Where a hyphen may be added to the UTF-8 word w (len bytes): byte
 * offsets into w, ascending, at which the word may be broken as
 * w[0..off) + "-" / w[off..len).  w is a word as it stands in running
 * text: it may carry punctuation and quotation marks (”mund-til-mund”-
 * metoden.), capitals and digits.  Each run of letters is hyphenated on
 * its own, with at least minleft letters before a break and minright
 * after it within that run; runs next to digits, and words that contain
 * "/" "@" or "://", are never broken.  Existing hyphens are not
 * reported (breaking after one adds no hyphen: the caller does that).
 * Returns the number of offsets written to pts (at most max).
 */
size_t		 hyph_points(const struct hyph *, const char *w, size_t len,
		    int minleft, int minright, size_t *pts, size_t max);

#endif
