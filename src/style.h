/*
 * style.h: how a printed note looks: page geometry, fonts, sizes,
 * spacing and colours, read from templates/pdf.yaml so a municipality
 * can match its visual identity without touching C.  Loaded by
 * load.c (load_style); read by the typesetter and the PDF device.
 */
#ifndef STYLE_H
#define STYLE_H

enum face {
	FACE_REGULAR,
	FACE_BOLD,
	FACE_ITALIC,
	FACE_BOLD_ITALIC,
	FACE_MONO,
	FACE__MAX
};

struct rgb {
	float		 r, g, b;	/* 0 to 1 */
};

struct style {
	const char	*file;		/* where it was read, for messages */
	/* The page, in points (the file gives millimetres). */
	double		 page_width;
	double		 page_height;
	double		 margin_top;
	double		 margin_bottom;
	double		 margin_left;
	double		 margin_right;
	const char	*fonts[FACE__MAX];	/* TrueType files */
	/* Sizes in points. */
	double		 size_body;
	double		 size_title;	/* "Statusnotat" */
	double		 size_h2;
	double		 size_h3;	/* and deeper headings */
	double		 size_small;	/* footer, captions */
	double		 size_table;
	double		 size_code;
	double		 leading;	/* line height as a multiple of the size */
	double		 space_paragraph;	/* points between paragraphs */
	double		 space_heading;	/* points above a heading */
	double		 indent_list;	/* points a list level indents */
	int		 justify;	/* body text justified */
	int		 hyphenate;
	struct rgb	 color_text;
	struct rgb	 color_accent;	/* headings */
	struct rgb	 color_muted;	/* footer, captions */
	struct rgb	 color_rule;
	struct rgb	 color_shade;	/* behind code */
	const char	*icc_profile;	/* sRGB, for the PDF/A output intent */
	const char	*logo;		/* may be NULL: from site.yaml */
	double		 logo_height;	/* points */
};

/* The built-in look: A4, Liberation Sans, as the 2021 note. */
void	 style_defaults(struct style *);

#endif
