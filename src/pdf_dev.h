/*
 * pdf_dev.h: the PDF device's private header, shared by the pdf*.c
 * files that draw a typeset note (pdf.h) into a PDF, each with its job:
 *
 *   pdf.c       the driver: a page at a time, each box to the file that
 *               draws it, then the file written and packed (pdfpack.c)
 *   pdf_font.c  fonts and text: embedded subsets, ToUnicode, TJ arrays
 *   pdf_draw.c  drawing: rectangles, images, the timeline chart, and a
 *               page's operators compressed
 *   pdf_tag.c   tagging: the structure tree, marked content, tables in
 *               THead and TBody, the Figure's BBox, the parent tree
 *   pdf_meta.c  the document's metadata: outline, information, PDF/A's
 *               XMP, output intent and /ID
 *   pdf_hpdf.c  every use of libharu's internals (pdf_hpdf.h)
 *
 * These use libharu's public API only, with its handles opaque (its
 * HPDF_SHARED mode): whatever needs its private structures goes through
 * pdf_hpdf.h.
 */
#ifndef PDF_DEV_H
#define PDF_DEV_H

#define HPDF_SHARED
#include <hpdf.h>

#include "buf.h"
#include "pdf_hpdf.h"
#include "style.h"

struct arena;
struct box;
struct diag;
struct font;
struct libdeflate_compressor;
struct pdf_opts;
struct tag;
struct typeset;

#define MC_ELEM		1
#define MC_ARTIFACT	2

struct dev {
	struct arena	*a;
	struct diag	*d;
	HPDF_Doc	 pdf;
	struct font *const *faces;
	HPDF_Dict	 fontres;		/* /Font resources of every page */
	HPDF_Dict	 xobjres;		/* /XObject resources: the images */
	struct libdeflate_compressor *zc;	/* for pdf_deflate */
	unsigned char	*z;			/* what it compressed last */
	size_t		 zcap;
	struct buf	 ops;			/* operators for the current page */
	struct buf	 scratch;		/* a structure element as written */
	/* The text state inside BT ... ET, to write only changes. */
	int		 in_text;
	int		 cur_face;
	double		 cur_size;
	struct rgb	 cur_fill;
	int		 fill_set;
	/* Tagging: the structure tree as it is written (see pdf_tag.c). */
	const struct typeset *ts;
	struct tag	*tags;			/* by selem id */
	HPDF_Dict	 root;			/* the StructTreeRoot */
	/*
	 * The parent tree's entries, kept as plain arrays until it is
	 * written: per page, by MCID, the element; per link annotation.
	 */
	struct tag	***parents;
	size_t		*nparents;
	size_t		*capparents;
	struct tag	**annot_elems;
	size_t		 nannots;
	size_t		 capannots;
	struct pdfh_hook parent_tree;		/* writes the parent tree */
	HPDF_Page	 page;			/* the page being drawn */
	size_t		 pageno;
	int		 mcid;			/* next MCID on this page */
	int		 mc;			/* 0, MC_ELEM or MC_ARTIFACT */
	unsigned long long h1, h2;		/* of the text, for the /ID */
	const struct selem *mc_elem;		/* what the open one marks; NULL:
						   it takes no more */
	/* Images by path, loaded once each. */
	const char	**img_paths;
	HPDF_Image	*imgs;
	size_t		 nimgs;
	size_t		 capimgs;
	int		 failed;		/* an image could not be drawn */
};

/* pdf.c */
int	 pdf_deflate(struct dev *, const void *, size_t, size_t *zlen);
void	*pdf_stream(struct dev *, const void *, size_t);

/* pdf_font.c */
void	 pdf_use_hyphens(const struct typeset *, struct font *const *);
int	 pdf_embed_fonts(struct dev *, struct font *const *);
int	 pdf_missing_glyphs(struct dev *, struct font *const *,
	    const char *path);
unsigned long pdf_next_cp(const unsigned char *, size_t, size_t *);
void	 pdf_text(struct dev *, const struct box *);
void	 pdf_end_text(struct dev *);
void	 pdf_set_text(struct dev *, HPDF_Dict, const char *key,
	    const char *s);

/* pdf_draw.c */
void	 pdf_num(struct buf *, double);
void	 pdf_fill(struct dev *, struct rgb);
void	 pdf_rect(struct dev *, const struct box *);
void	 pdf_image(struct dev *, const struct box *);
void	 pdf_chart(struct dev *, const struct box *);
int	 pdf_flush(struct dev *, HPDF_Page);

/* pdf_tag.c */
int	 pdf_tag_init(struct dev *);
void	 pdf_begin_mc(struct dev *, const struct box *);
void	 pdf_end_mc(struct dev *);
void	 pdf_tag_annot(struct dev *, HPDF_Annotation, const struct box *);
void	 pdf_figure_box(struct dev *, const struct box *);
int	 pdf_finish_tree(struct dev *);

/* pdf_meta.c */
void	 pdf_hash_text(struct dev *, const struct box *);
void	 pdf_outlines(struct dev *, const struct typeset *, HPDF_Page *);
void	 pdf_info(struct dev *);
int	 pdf_archival(struct dev *, const struct pdf_opts *);

#endif
