/*
 * nfc.h: text as the fonts can draw it.  Decomposed letters (an "a"
 * followed by a combining ring, as a Mac may save "å") are composed to
 * Unicode's canonical composition (NFC) for the Latin, Greek and
 * Cyrillic letters the PDF fonts cover, and invisible characters that
 * do nothing in a note (zero width space, word joiner, zero width
 * no-break space or byte order mark) are removed.  For YAML values
 * (load.c) and narratives (narrative.c).  Any file may include this
 * header.
 */
#ifndef NFC_H
#define NFC_H

#include <stddef.h>
#include <stdint.h>

/*
 * Normalise len bytes of valid UTF-8 at s in place (the result is never
 * longer) and NUL-terminate it; returns the new length.  Runs of more
 * than 30 combining marks (no text has them) are left in their order.
 */
size_t		 nfc_normalize(char *s, size_t len);

/* The Unicode name of cp, for the few a message may name, or NULL. */
const char	*nfc_name(uint32_t cp);

/* Whether cp is a combining mark (an accent typed apart from its letter). */
int		 nfc_is_mark(uint32_t cp);

#endif
