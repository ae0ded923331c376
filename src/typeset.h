/*
 * typeset.h: the PDF side's layout engine, in the manner of mandoc's
 * term.c: the report's blocks become lines (Knuth-Plass, with Danish
 * hyphenation) and lines become pages, as boxes at positions.  It knows
 * fonts only through font.h's metrics and nothing of libharu: the PDF
 * device (pdf.c) draws the pages as they are.
 *
 * Every box belongs to a structure element (heading, paragraph, list
 * item, table cell, figure, link...) or is an artifact (running footer,
 * page number, rules, shading), and the boxes of a page come in reading
 * order, so the device can write a tagged PDF without knowing layout.
 */
#ifndef TYPESET_H
#define TYPESET_H

#include <stddef.h>

#include "style.h"

struct arena;
struct chart;
struct diag;
struct font;
struct hyph;
struct report;
struct report_note;

enum role {
	ROLE_DOCUMENT,
	ROLE_SECT,
	ROLE_H1, ROLE_H2, ROLE_H3, ROLE_H4, ROLE_H5, ROLE_H6,
	ROLE_P,
	ROLE_L,
	ROLE_LI,
	ROLE_LBL,
	ROLE_LBODY,
	ROLE_BLOCKQUOTE,
	ROLE_CODE,
	ROLE_TABLE,
	ROLE_CAPTION,
	ROLE_TR,
	ROLE_TH,
	ROLE_TD,
	ROLE_FIGURE,
	ROLE_LINK,
	ROLE__MAX
};

/* A structure element: the tree a tagged PDF writes down. */
struct selem {
	enum role	 role;
	struct selem	*parent;
	struct selem	*child;		/* first child */
	struct selem	*last;		/* last child */
	struct selem	*next;		/* next sibling */
	const char	*alt;		/* FIGURE: alternative text; LINK: its
					   text, to describe the annotation */
	const char	*url;		/* LINK */
	int		 scope_row;	/* TH: 1 for a row header, 0 for column */
	int		 id;		/* order of creation, from 0 */
};

enum box_kind {
	BOX_TEXT,	/* a run of text on a baseline */
	BOX_RECT,	/* a filled rectangle: rules, shading */
	BOX_IMAGE,
	BOX_LINK,	/* a clickable area for the link it belongs to */
	BOX_CHART,	/* the timeline chart: its items, scaled into the box */
	BOX__MAX
};

/*
 * Floats: a page is under 1,000 points, where a float is exact to a
 * thousandth, and a 200-page note has some 50,000 boxes.
 */
struct box {
	enum box_kind	 kind;
	enum face	 face;		/* TEXT */
	float		 x, y;		/* points from the page's bottom left;
					   TEXT: the baseline's start */
	float		 w, h;		/* RECT, IMAGE, LINK; TEXT: width */
	float		 size;		/* TEXT */
	float		 word_space;	/* TEXT: added after each space, points
					   (justification) */
	struct rgb	 color;		/* TEXT, RECT; CHART: its text */
	unsigned	 len;		/* TEXT */
	const char	*text;		/* TEXT: UTF-8, not NUL-terminated */
	union {
		const char	*target;	/* IMAGE: the file; LINK: the
						   URL */
		const struct chart *chart;	/* CHART: drawn as report.h
						   says, its top left at
						   (x, y + h), w wide */
	};
	struct selem	*elem;		/* NULL: an artifact */
};

struct tpage {
	struct box	*boxes;		/* in reading order */
	size_t		 nboxes;
	size_t		 cap;
};

/* A bookmark: a heading and where it is. */
struct outline {
	int		 level;		/* the heading's: 1 for the memo's
					   title (H1), 2 for a section */
	const char	*title;
	size_t		 page;		/* from 0 */
	double		 y;
};

struct typeset {
	double		 width;		/* of every page, points */
	double		 height;
	struct tpage	*pages;
	size_t		 npages;
	struct selem	*root;		/* ROLE_DOCUMENT */
	int		 nelems;
	struct outline	*outlines;
	size_t		 noutlines;
	const char	*title;		/* document info */
	const char	*subject;
	const char	*author;
	const char	*keywords;
	const char	*language;	/* BCP 47: "da-DK" */
	const char	*date_iso;	/* the note's date, for the metadata */
};

/*
 * Typeset the note n of report r with style s, measuring text with
 * fonts[FACE__MAX] (each opened by the caller) and breaking words with
 * h (may be NULL: no hyphenation).  The text drawn with each face is
 * recorded with font_use() for subsetting.  Images that cannot be used
 * are reported through d (at their narrative line) and left out.
 * Returns 0, or -1 after diagnostics.
 */
int	 typeset_note(struct arena *, struct diag *, const struct report *,
	    const struct report_note *, const struct style *,
	    struct font *const *fonts, const struct hyph *h,
	    struct typeset *out);

/*
 * Each page's boxes are the one thing not in the arena: a device that
 * has drawn a page may release it, so a long note is not held whole.
 * typeset_free releases what is left; call it once the pages are done.
 */
void	 typeset_release_page(struct typeset *, size_t page);
void	 typeset_free(struct typeset *);

#endif
