/*
 * font.h: TrueType faces through HarfBuzz.  For the typesetter: advance
 * widths and vertical metrics.  For the PDF device: a subset of the
 * glyphs the document uses (written as a TrueType file that libharu
 * loads) and the code points it uses, for a correct ToUnicode map.
 * The only file that includes HarfBuzz's headers.
 */
#ifndef FONT_H
#define FONT_H

#include <stddef.h>
#include <stdint.h>

struct buf;
struct diag;
struct font;

/*
 * Open the TrueType file at path.  NULL after a diagnostic (missing,
 * unreadable, not a TrueType/OpenType font with glyf outlines).  The
 * font owns its HarfBuzz objects; font_close frees everything.
 */
struct font	*font_open(struct diag *, const char *path);
void		 font_close(struct font *);

/*
 * Metrics in thousandths of an em (PDF glyph space): multiply by the
 * size in points and divide by 1000 for points.  A code point the font
 * has no glyph for, or one above U+FFFF (libharu draws only the Basic
 * Multilingual Plane), measures as U+FFFD if the font has it, else as
 * .notdef.
 */
int		 font_advance(const struct font *, uint32_t cp);
int		 font_has(const struct font *, uint32_t cp);
int		 font_ascent(const struct font *);	/* > 0 */
int		 font_descent(const struct font *);	/* < 0 */
int		 font_cap_height(const struct font *);
int		 font_x_height(const struct font *);

/*
 * Width in points of len bytes of UTF-8 text s at size points (the sum
 * of advances; no kerning, as libharu draws it).  Invalid UTF-8 bytes
 * measure as U+FFFD.
 */
double		 font_width(const struct font *, const char *s, size_t len,
		    double size);

/* Forget what was recorded: a new document starts. */
void		 font_clear_use(struct font *);
/* Record that the characters of s will be drawn with this face. */
void		 font_use(struct font *, const char *s, size_t len);
/* Whether anything was recorded: an unused face is not embedded. */
int		 font_is_used(const struct font *);

/*
 * Write to path a TrueType subset holding only the used characters'
 * glyphs (and .notdef), with a cmap that maps them, as HarfBuzz's
 * subsetter makes it.  Returns 0, or -1 after a diagnostic.
 */
int		 font_subset(struct font *, struct diag *, const char *path);

/*
 * Append the body of a ToUnicode CMap for the used characters, for a
 * font whose codes are two bytes equal to the Unicode code point
 * (libharu's UTF-8 encoder, Identity-H): a complete CMap program from
 * "/CIDInit /ProcSet findresource begin" to "end end", with bfrange or
 * bfchar blocks of at most 100 entries each as the PDF spec requires.
 */
void		 font_tounicode(const struct font *, struct buf *);

#endif
