/*
 * pdf.h: the PDF device, as mandoc's term_ps.c is to term.c: it draws
 * the typeset pages with libharu and writes the file: embedded font
 * subsets with a correct ToUnicode map, links, bookmarks, document
 * information, and no clock, so the same note gives the same bytes.
 * With pdf_*.c (pdf_dev.h) the only user of libharu; it reads typeset.h
 * and nothing before it.
 */
#ifndef PDF_H
#define PDF_H

struct arena;
struct diag;
struct font;
struct typeset;

struct pdf_opts {
	/*
	 * Claim PDF/A-2b (XMP, sRGB output intent from icc_profile, a
	 * deterministic /ID).  What cannot conform (a character none of
	 * the fonts has) is then an error, never a false claim.
	 */
	int		 archival;
	const char	*icc_profile;
	/* The file's name in messages (NULL: path); lives as long as d. */
	const char	*shown;
};

/*
 * Write ts to path as a tagged PDF (PDF/UA-1: structure tree, marked
 * content, artifacts, language, title), with fonts[FACE__MAX] (as
 * typeset_note used them: only the faces used are embedded, as subsets
 * of what was drawn).  Each page is released (typeset_release_page) as
 * soon as it is drawn.  Returns 0, or -1 after a diagnostic (path may
 * then hold a partial file: write it where a failure does no harm).
 */
int	 pdf_write(struct arena *, struct diag *, struct typeset *,
	    struct font *const *fonts, const struct pdf_opts *,
	    const char *path);

#endif
