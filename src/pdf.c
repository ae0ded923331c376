/*
 * pdf.c: typeset pages to a PDF file with libharu.  See pdf.h.
 *
 * The driver of the PDF device (pdf_dev.h): a page at a time, each box
 * inside its marked content (pdf_tag.c) to what draws it: text
 * (pdf_font.c), rectangles, images and the chart (pdf_draw.c), links as
 * annotations; then the tree, the outline and the metadata
 * (pdf_meta.c), and the file as libharu writes it, packed (pdfpack.c).
 * libharu gives the document, pages, images, annotations, outlines and
 * the writer; what it lacks goes through pdf_hpdf.c.  The error handler
 * records the first error and never jumps.
 */
#include <errno.h>
#include <string.h>

#include <libdeflate.h>

#include "arena.h"
#include "diag.h"
#include "font.h"
#include "fsutil.h"
#include "pdf.h"
#include "pdf_dev.h"
#include "pdfpack.h"
#include "typeset.h"

/* The first libharu error: after one, the document cannot be saved. */
struct perr {
	HPDF_STATUS	 code;
	HPDF_STATUS	 detail;
	int		 err;		/* errno then: a write's failure */
};

static void
on_error(HPDF_STATUS code, HPDF_STATUS detail, void *data)
{
	struct perr	*e = data;

	if (e->code == 0) {
		e->code = code;
		e->detail = detail;
		e->err = errno;
	}
}

/*
 * data[0..len) deflated (zlib format) into v->z, its length in *zlen:
 * a page's operators, a font, its maps, the ICC profile.  libdeflate's
 * level 1, measured on make bench's 200-page note: its pages take 85
 * million instructions where zlib's level 3 took 163 million, and the
 * file is 2.4 % smaller; level 2 would make it 1.9 % smaller again for
 * 52 million instructions more.  The fonts at level 6 would make the
 * 2021 note 164 bytes (0.5 %) smaller and its build 2 % slower.
 */
int
pdf_deflate(struct dev *v, const void *data, size_t len, size_t *zlen)
{
	size_t	 n = libdeflate_zlib_compress_bound(v->zc, len);

	if (v->zcap < n) {
		v->zcap = n * 2;
		v->z = arena_alloc(v->a, v->zcap);
	}
	*zlen = libdeflate_zlib_compress(v->zc, data, len, v->z, v->zcap);
	return *zlen == 0 ? -1 : 0;
}

/* A stream of data, stored deflated. */
void *
pdf_stream(struct dev *v, const void *data, size_t len)
{
	size_t	 zlen;

	if (pdf_deflate(v, data, len, &zlen) == -1)
		return NULL;
	return pdfh_stream(v->pdf, v->z, zlen, PDFH_DEFLATED);
}

static void
draw(struct dev *v, HPDF_Page page, const struct box *b)
{
	HPDF_Annotation	 an;
	HPDF_Rect	 r;

	if (b->kind != BOX_LINK)
		pdf_begin_mc(v, b);
	if (b->kind == BOX_TEXT)
		pdf_hash_text(v, b);
	if ((b->kind == BOX_CHART || b->kind == BOX_IMAGE) && b->elem != NULL &&
	    b->elem->role == ROLE_FIGURE)
		pdf_figure_box(v, b);
	switch (b->kind) {
	case BOX_RECT:
		pdf_rect(v, b);
		break;
	case BOX_TEXT:
		if (b->len > 0 && font_is_used(v->faces[b->face]))
			pdf_text(v, b);
		break;
	case BOX_IMAGE:
		pdf_image(v, b);
		break;
	case BOX_CHART:
		if (b->chart != NULL)
			pdf_chart(v, b);
		break;
	case BOX_LINK:
		r.left = (HPDF_REAL)b->x;
		r.bottom = (HPDF_REAL)b->y;
		r.right = (HPDF_REAL)(b->x + b->w);
		r.top = (HPDF_REAL)(b->y + b->h);
		an = HPDF_Page_CreateURILinkAnnot(page, r, b->target);
		if (an != NULL) {
			HPDF_LinkAnnot_SetBorderStyle(an, 0, 0, 0);
			pdf_tag_annot(v, an, b);
		}
		break;
	default:
		break;
	}
}

/*
 * The file as libharu writes it, into memory, then packed into object
 * streams (pdfpack.c) and written to path.
 */
static int
save(struct dev *v, const char *path, const char *shown)
{
	unsigned char	*raw;
	HPDF_UINT32	 n, got;

	if (HPDF_SaveToStream(v->pdf) != HPDF_OK)
		return 0;	/* reported through the error handler */
	got = n = HPDF_GetStreamSize(v->pdf);
	raw = arena_alloc(v->a, (size_t)n + 1);
	if (HPDF_ReadFromStream(v->pdf, raw, &got) != HPDF_OK || got != n)
		return 0;
	return pdf_pack_write(v->a, v->d, raw, n, path, shown);
}

int
pdf_write(struct arena *a, struct diag *d, struct typeset *ts,
    struct font *const *fonts, const struct pdf_opts *o, const char *path)
{
	struct dev	 v;
	struct perr	 err;
	HPDF_Page	*pages;
	HPDF_Dict	 res;
	const char	*shown = o->shown != NULL ? o->shown : path;
	size_t		 i, j;
	int		 rc = -1;

	memset(&v, 0, sizeof(v));
	memset(&err, 0, sizeof(err));
	v.a = a;
	v.d = d;
	v.faces = fonts;
	v.h1 = 14695981039346656037ULL;
	v.h2 = 1469598103ULL;
	buf_init(&v.ops, a);
	if ((v.pdf = HPDF_New(on_error, &err)) == NULL) {
		diag_msg(d, DIAG_SYSERR, shown, 0, 0, "out of memory");
		return -1;
	}
	HPDF_SetCompressionMode(v.pdf, HPDF_COMP_ALL);
	if ((v.zc = libdeflate_alloc_compressor(1)) == NULL) {
		diag_msg(d, DIAG_SYSERR, shown, 0, 0, "out of memory");
		goto out;
	}
	pdf_use_hyphens(ts, fonts);
	if (pdf_embed_fonts(&v, fonts) == -1)
		goto out;
	if (o->archival && pdf_missing_glyphs(&v, fonts, shown) == -1)
		goto out;
	v.ts = ts;
	if (pdf_tag_init(&v) == -1)
		goto out;

	pages = arena_calloc(a, ts->npages + 1, sizeof(*pages));
	for (i = 0; i < ts->npages; i++) {
		pages[i] = HPDF_AddPage(v.pdf);
		HPDF_Page_SetWidth(pages[i], (HPDF_REAL)ts->width);
		HPDF_Page_SetHeight(pages[i], (HPDF_REAL)ts->height);
		res = pdfh_get_dict(pages[i], "Resources");
		if (res == NULL || pdfh_put(res, "Font", v.fontres) == -1 ||
		    pdfh_put(res, "XObject", v.xobjres) == -1)
			goto out;
		/* Tab order follows the structure; parent tree key i. */
		if (pdfh_put_name(pages[i], "Tabs", "S") == -1 ||
		    pdfh_put_int(pages[i], "StructParents", (long)i) == -1)
			goto out;
		v.page = pages[i];
		v.pageno = i;
		v.mcid = 0;
		v.fill_set = 0;
		for (j = 0; j < ts->pages[i].nboxes; j++)
			draw(&v, pages[i], &ts->pages[i].boxes[j]);
		pdf_end_mc(&v);
		pdf_end_text(&v);
		typeset_release_page(ts, i);
		if (pdf_flush(&v, pages[i]) == -1)
			goto out;
	}
	pdf_outlines(&v, ts, pages);
	if (pdf_finish_tree(&v) == -1)
		goto out;

	pdf_info(&v);
	if (o->archival && pdf_archival(&v, o) == -1)
		goto out;
	/* Structure, /Tabs and the rest are PDF 1.5 and later. */
	pdfh_set_pdf17(v.pdf);
	if (v.failed)
		goto out;
	if (err.code == 0) {
		errno = 0;
		if (save(&v, path, shown) == -1)
			goto out;
	}
	if (err.code != 0) {
		/* Its file and zlib errors in saving come from a write. */
		if (err.err != 0 && pdfh_write_error(err.code))
			diag_msg(d, DIAG_SYSERR, shown, 0, 0, "cannot write: %s",
			    fs_why(d, err.err));
		else
			diag_msg(d, DIAG_SYSERR, shown, 0, 0, "cannot write the "
			    "PDF (libharu error 0x%04X, detail %u)",
			    (unsigned)err.code, (unsigned)err.detail);
		goto out;
	}
	rc = 0;
out:
	if (rc == -1 && err.code != 0 && d->count[DIAG_SYSERR] == 0)
		diag_msg(d, DIAG_SYSERR, shown, 0, 0, "cannot make the PDF "
		    "(libharu error 0x%04X)", (unsigned)err.code);
	if (v.zc != NULL)
		libdeflate_free_compressor(v.zc);
	HPDF_Free(v.pdf);
	return rc;
}
