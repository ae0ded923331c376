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
/*
 * For layout.h's chart_opts.measure: the width with fonts[FACE_BOLD] or
 * fonts[FACE_REGULAR], fonts being a struct font *const * as the void *.
 */
double		 font_measure(void *fonts, int bold, const char *s, size_t len,
		    double size);
double		 font_width(const struct font *, const char *s, size_t len,
		    double size);

/*
 * For check: report each character of len bytes of UTF-8 text s that a
 * face of faces[FACE__MAX] (NULL entries skipped) has no glyph for, so
 * that the PDF could not show it (spaces, tabs and line ends are never
 * drawn).  At file:line:col; with track, at each character's own line
 * and column, counting from there (a narrative), else all there (a YAML
 * value).  Each character is named once per call, with how to mend it.
 * Returns how many were reported.
 */
int		 font_check_text(struct font *const *faces, struct diag *,
		    const char *file, int line, int col, const char *s,
		    size_t len, int track);

/* Forget what was recorded: a new document starts. */
void		 font_clear_use(struct font *);
/* Record that the characters of s will be drawn with this face. */
void		 font_use(struct font *, const char *s, size_t len);
/* Whether anything was recorded: an unused face is not embedded. */
int		 font_is_used(const struct font *);

/*
 * Make with HarfBuzz's subsetter a TrueType font holding only the used
 * characters' glyphs (and .notdef), append its bytes to out, and give
 * each used character a code of its own for the PDF (a CID, from 1, in
 * code point order).  Returns 0, or -1 after a diagnostic.
 */
int		 font_subset(struct font *, struct diag *, struct buf *out);

/* After font_subset: CIDs are 1 to font_cids() - 1; 0 is .notdef. */
unsigned	 font_cids(const struct font *);
/* The CID of a used character, or 0. */
unsigned	 font_cid(const struct font *, uint32_t cp);
/* The glyph a CID shows in the subset (its CIDToGIDMap entry). */
unsigned	 font_cid_gid(const struct font *, unsigned cid);
/* The character a CID stands for. */
uint32_t	 font_cid_unicode(const struct font *, unsigned cid);
/* Its width in thousandths of an em: what the typesetter measured. */
int		 font_cid_width(const struct font *, unsigned cid);

/*
 * Append a complete ToUnicode CMap program mapping the CIDs back to
 * their characters, in bfchar and bfrange blocks of at most 100
 * entries each, as the PDF specification requires.
 */
void		 font_tounicode(const struct font *, struct buf *);

/* What a PDF font descriptor says of the face. */
struct font_info {
	int		 bbox[4];	/* llx lly urx ury, thousandths of an em */
	int		 italic_angle;	/* degrees, negative leaning right */
	int		 flags;		/* PDF font flags */
	int		 stem_v;
	int		 ascent;
	int		 descent;
	int		 cap_height;
};

/* The PostScript name: letters, digits and "-" only. */
const char	*font_name(const struct font *);
void		 font_describe(const struct font *, struct font_info *);

#endif
