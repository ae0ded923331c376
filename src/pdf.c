/*
 * pdf.c: typeset pages to a PDF file with libharu.  See pdf.h.
 *
 * libharu gives the document, pages, images, annotations, outlines and
 * the writer.  Fonts and text are written here through its installed
 * internal headers (hpdf_doc.h, hpdf_objects.h, hpdf_pages.h): its own
 * TrueType path maps the whole Basic Multilingual Plane (a 128 KB
 * CIDToGIDMap and a slow font load), writes an invalid CMap and ignores
 * word spacing.  Instead each face is a HarfBuzz subset embedded as is,
 * drawn with codes of our own (font.c's CIDs), with a small
 * CIDToGIDMap, a /W array of exactly the widths the typesetter used and
 * a correct ToUnicode map; text goes into the content stream as TJ
 * arrays.  The error handler records the first error and never jumps.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <zlib.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "font.h"
#include "fsutil.h"
#include "image.h"
#include "pdf.h"
#include "pdfpack.h"
#include "report.h"
#include "style.h"
#include "typeset.h"
#include "utf8.h"

/* The first libharu error: after one, the document cannot be saved. */
struct perr {
	HPDF_STATUS	 code;
	HPDF_STATUS	 detail;
	int		 err;		/* errno then: a write's failure */
};

/*
 * A structure element as written.  Its libharu object is an empty
 * dictionary that gives it an object number; write_tag fills in the
 * entries from here when the file is written.  (A dictionary of
 * libharu's own costs over a kilobyte an element: a 200-page note has
 * ten thousand elements.)
 */
enum kid_kind {
	KID_MCID,	/* marked content on the element's page */
	KID_MCR,	/* marked content on another page */
	KID_ELEM,	/* a child element */
	KID_OBJR,	/* an annotation */
	KID__MAX
};

struct kid {
	enum kid_kind	 kind;
	int		 mcid;
	void		*obj;		/* the page, the child's dict, the annotation */
};

struct tag {
	HPDF_Dict	 d;
	const struct selem *e;
	const char	*s;		/* its type: NULL for e's role's */
	HPDF_Dict	 parent;	/* the parent's dict, or the root */
	HPDF_Page	 pg;
	struct kid	*kids;
	unsigned	 nkids;
	unsigned	 cap;
	int		 has_bbox;	/* a Figure: what it draws covers */
	float		 bbox[4];	/* x1 y1 x2 y2 */
};

#define MC_ELEM		1
#define MC_ARTIFACT	2

static const char *const role_tags[ROLE__MAX] = {
	"Document", "Sect", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L",
	"LI", "Lbl", "LBody", "BlockQuote", "Code", "Table", "Caption", "TR",
	"TH", "TD", "Figure", "Link"
};

struct dev {
	struct arena	*a;
	struct diag	*d;
	HPDF_Doc	 pdf;
	struct font *const *faces;
	HPDF_Dict	 fontres;		/* /Font resources of every page */
	HPDF_Dict	 xobjres;		/* /XObject resources: the images */
	unsigned char	*z;			/* a page's content, compressed */
	size_t		 zcap;
	struct buf	 ops;			/* operators for the current page */
	/* The text state inside BT ... ET, to write only changes. */
	int		 in_text;
	int		 cur_face;
	double		 cur_size;
	struct rgb	 cur_fill;
	int		 fill_set;
	/* Tagging: the structure tree as it is written (see tag_of). */
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
 * A number as PDF writes it: at most three decimals, no trailing
 * zeros.  printf would do, at a tenth of the speed, on every glyph run.
 */
static void
num(struct buf *b, double v)
{
	char		 t[32];
	long		 i;
	int		 n = 0, k, frac;

	if (v < 0) {
		buf_putc(b, '-');
		v = -v;
	}
	i = (long)(v * 1000 + 0.5);
	frac = (int)(i % 1000);
	i /= 1000;
	do
		t[n++] = (char)('0' + i % 10);
	while ((i /= 10) > 0 && n < 20);
	while (n > 0)
		buf_putc(b, t[--n]);
	if (frac == 0)
		return;
	buf_putc(b, '.');
	for (k = 100; k > 0 && frac > 0; k /= 10) {
		buf_putc(b, (char)('0' + frac / k));
		frac %= k;
	}
}

/* A subset tag from what the subset holds, so it is the same each run. */
static void
subset_tag(const struct font *f, int face, char tag[7])
{
	unsigned long	 h = 2166136261UL;
	unsigned	 cid;
	int		 i;

	h = (h ^ (unsigned long)face) * 16777619UL;
	for (cid = 1; cid < font_cids(f); cid++)
		h = ((h ^ font_cid_gid(f, cid)) * 16777619UL) & 0xffffffffUL;
	for (i = 0; i < 6; i++) {
		tag[i] = (char)('A' + h % 26);
		h /= 26;
	}
	tag[6] = '\0';
}

static HPDF_Dict
stream_dict(struct dev *v, const void *data, size_t len)
{
	HPDF_Dict	 s;

	s = HPDF_DictStream_New(v->pdf->mmgr, v->pdf->xref);
	if (s == NULL)
		return NULL;
	s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	if (len > 0 && HPDF_Stream_Write(s->stream, data, (HPDF_UINT)len) !=
	    HPDF_OK)
		return NULL;
	return s;
}

static HPDF_Dict
indirect_dict(struct dev *v)
{
	HPDF_Dict	 d = HPDF_Dict_New(v->pdf->mmgr);

	if (d != NULL && HPDF_Xref_Add(v->pdf->xref, d) != HPDF_OK)
		return NULL;
	return d;
}

/*
 * One face as a Type0 font with a CIDFontType2 descendant: the subset
 * as FontFile2, codes 1..n, CIDToGIDMap, widths and ToUnicode.
 */
static int
embed_font(struct dev *v, int face, struct font *f)
{
	HPDF_MMgr	 m = v->pdf->mmgr;
	HPDF_Dict	 file, desc, cid, type0, sysinfo, map, tou;
	HPDF_Array	 arr, w, bbox;
	struct font_info fi;
	struct buf	 b;
	unsigned	 c, n;
	char		 tag[7], *name, res[8];
	unsigned char	*gids;
	int		 rc = 0, i;

	buf_init(&b, v->a);
	if (font_subset(f, v->d, &b) == -1)
		return -1;
	subset_tag(f, face, tag);
	name = arena_printf(v->a, "%s+%s", tag, font_name(f));
	font_describe(f, &fi);
	n = font_cids(f);

	if ((file = stream_dict(v, b.data, b.len)) == NULL ||
	    (desc = indirect_dict(v)) == NULL ||
	    (cid = indirect_dict(v)) == NULL ||
	    (type0 = indirect_dict(v)) == NULL ||
	    (sysinfo = HPDF_Dict_New(m)) == NULL ||
	    (w = HPDF_Array_New(m)) == NULL ||
	    (arr = HPDF_Array_New(m)) == NULL ||
	    (bbox = HPDF_Array_New(m)) == NULL)
		return -1;
	rc |= HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)b.len);

	rc |= HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
	rc |= HPDF_Dict_AddName(desc, "FontName", name);
	rc |= HPDF_Dict_AddNumber(desc, "Flags", fi.flags);
	for (i = 0; i < 4; i++)
		rc |= HPDF_Array_AddNumber(bbox, fi.bbox[i]);
	rc |= HPDF_Dict_Add(desc, "FontBBox", bbox);
	rc |= HPDF_Dict_AddNumber(desc, "ItalicAngle", fi.italic_angle);
	rc |= HPDF_Dict_AddNumber(desc, "Ascent", fi.ascent);
	rc |= HPDF_Dict_AddNumber(desc, "Descent", fi.descent);
	rc |= HPDF_Dict_AddNumber(desc, "CapHeight", fi.cap_height);
	rc |= HPDF_Dict_AddNumber(desc, "StemV", fi.stem_v);
	rc |= HPDF_Dict_Add(desc, "FontFile2", file);

	/* Widths of codes 1..n-1, exactly as measured for layout. */
	rc |= HPDF_Array_AddNumber(w, 1);
	for (c = 1; c < n; c++)
		rc |= HPDF_Array_AddNumber(arr, font_cid_width(f, c));
	rc |= HPDF_Array_Add(w, arr);
	gids = arena_alloc(v->a, 2 * (size_t)n);
	for (c = 0; c < n; c++) {
		gids[2 * c] = (unsigned char)(font_cid_gid(f, c) >> 8);
		gids[2 * c + 1] = (unsigned char)font_cid_gid(f, c);
	}
	if ((map = stream_dict(v, gids, 2 * (size_t)n)) == NULL)
		return -1;
	rc |= HPDF_Dict_Add(sysinfo, "Registry",
	    HPDF_String_New(m, "Adobe", NULL));
	rc |= HPDF_Dict_Add(sysinfo, "Ordering",
	    HPDF_String_New(m, "Identity", NULL));
	rc |= HPDF_Dict_AddNumber(sysinfo, "Supplement", 0);
	rc |= HPDF_Dict_AddName(cid, "Type", "Font");
	rc |= HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
	rc |= HPDF_Dict_AddName(cid, "BaseFont", name);
	rc |= HPDF_Dict_Add(cid, "CIDSystemInfo", sysinfo);
	rc |= HPDF_Dict_Add(cid, "FontDescriptor", desc);
	rc |= HPDF_Dict_Add(cid, "W", w);
	rc |= HPDF_Dict_Add(cid, "CIDToGIDMap", map);

	buf_init(&b, v->a);
	font_tounicode(f, &b);
	if ((tou = stream_dict(v, b.data, b.len)) == NULL ||
	    (arr = HPDF_Array_New(m)) == NULL)
		return -1;
	rc |= HPDF_Dict_AddName(type0, "Type", "Font");
	rc |= HPDF_Dict_AddName(type0, "Subtype", "Type0");
	rc |= HPDF_Dict_AddName(type0, "BaseFont", name);
	rc |= HPDF_Dict_AddName(type0, "Encoding", "Identity-H");
	rc |= HPDF_Array_Add(arr, cid);
	rc |= HPDF_Dict_Add(type0, "DescendantFonts", arr);
	rc |= HPDF_Dict_Add(type0, "ToUnicode", tou);
	snprintf(res, sizeof(res), "F%d", face);
	rc |= HPDF_Dict_Add(v->fontres, res, type0);
	return rc == 0 ? 0 : -1;
}

/*
 * A face that draws a line-end hyphen (U+00AD) draws it as its "-"
 * (see text): put that glyph into its subset too.
 */
static void
use_hyphens(const struct typeset *ts, struct font *const *fonts)
{
	const struct box *b;
	const char	*p;
	size_t		 i, j;

	for (i = 0; i < ts->npages; i++)
		for (j = 0; j < ts->pages[i].nboxes; j++) {
			b = &ts->pages[i].boxes[j];
			if (b->kind != BOX_TEXT || b->len < 2 ||
			    !font_has(fonts[b->face], '-'))
				continue;
			for (p = b->text; p + 1 < b->text + b->len; p++)
				if (p[0] == '\xc2' && p[1] == '\xad') {
					font_use(fonts[b->face], "-", 1);
					break;
				}
		}
}

static int
embed_fonts(struct dev *v, struct font *const *fonts)
{
	int	 i;

	if ((v->fontres = indirect_dict(v)) == NULL ||
	    (v->xobjres = indirect_dict(v)) == NULL)
		return -1;
	for (i = 0; i < FACE__MAX; i++)
		if (font_is_used(fonts[i]) && embed_font(v, i, fonts[i]) == -1)
			return -1;
	return 0;
}

/*
 * The next character, as the typesetter measured it (utf8.c), and above
 * U+FFFF as U+FFFD: the codes here are two bytes.
 */
static unsigned long
next_cp(const unsigned char *s, size_t len, size_t *i)
{
	uint32_t	 cp;

	*i += utf8_decode(s + *i, len - *i, &cp);
	return cp > 0xffff ? 0xfffd : cp;
}

/* libharu writes a stream's dictionary; this adds what it cannot know. */
static HPDF_STATUS
say_flate(HPDF_Dict d, HPDF_Stream s)
{
	(void)d;
	return HPDF_Stream_WriteStr(s, "/Filter /FlateDecode\012");
}

/*
 * The page's operators, compressed here and stored compressed: libharu
 * would keep them whole until the end and compress them then, which
 * for a 200-page note is megabytes held for nothing.  Its stream is
 * told to write the bytes as they are, and say_flate names the filter.
 */
static int
flush(struct dev *v, HPDF_Page page)
{
	HPDF_PageAttr	 attr = (HPDF_PageAttr)page->attr;
	uLongf		 zlen;

	zlen = compressBound((uLong)v->ops.len);
	if (v->zcap < zlen) {
		v->zcap = zlen * 2;
		v->z = arena_alloc(v->a, v->zcap);
	}
	/* Level 3: a sixth of the time of the default, 2% larger. */
	if (compress2((Bytef *)v->z, &zlen, (const Bytef *)v->ops.data,
	    (uLong)v->ops.len, 3) != Z_OK)
		return -1;
	attr->contents->filter = HPDF_STREAM_FILTER_NONE;
	attr->contents->write_fn = say_flate;
	buf_truncate(&v->ops, 0);
	return HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)v->z,
	    (HPDF_UINT)zlen) == HPDF_OK ? 0 : -1;
}

/*
 * A PNG's pixels on their way into the PDF: the colour samples and the
 * alpha, each as PNG-predicted rows (Paeth, Predictor 15) deflated into
 * a buffer as they come, so a large image never exists whole.
 */
struct imgz {
	z_stream	 z[2];		/* colour, alpha */
	int		 zinit[2];
	struct buf	 out[2];
	unsigned char	*raw[2];	/* this row's samples */
	unsigned char	*prev[2];	/* the row above's, zero at first */
	unsigned char	*filt[2];	/* the filter byte and the row */
	struct arena	*tmp;		/* the buffers' */
	unsigned	 width;		/* known from the first row on */
	unsigned	 height;	/* rows so far */
	unsigned	 ncolor;	/* 1 grey, 3 RGB */
	int		 alpha;		/* the image has an alpha channel */
	int		 opaque;	/* and every pixel of it is 255 */
};

static int
img_deflate(struct imgz *m, int k, const unsigned char *p, size_t n,
    int flush)
{
	unsigned char	 tmp[16384];
	int		 zrc;

	m->z[k].next_in = (Bytef *)(uintptr_t)p;
	m->z[k].avail_in = (uInt)n;
	do {
		m->z[k].next_out = tmp;
		m->z[k].avail_out = sizeof(tmp);
		zrc = deflate(&m->z[k], flush);
		if (zrc == Z_STREAM_ERROR)
			return -1;
		buf_put(&m->out[k], (const char *)tmp,
		    sizeof(tmp) - m->z[k].avail_out);
	} while (m->z[k].avail_out == 0 ||
	    (flush == Z_FINISH && zrc != Z_STREAM_END));
	return 0;
}

/* One row of n samples of bpp bytes a pixel, Paeth-filtered, deflated. */
static int
img_put_row(struct imgz *m, int k, size_t n, unsigned bpp)
{
	const unsigned char *r = m->raw[k], *up = m->prev[k];
	unsigned char	*f = m->filt[k];
	unsigned char	*swap;
	int		 a, b, c, pa, pb, pc, pred;
	size_t		 i;

	f[0] = 4;
	for (i = 0; i < n; i++) {
		a = i >= bpp ? r[i - bpp] : 0;
		b = up[i];
		c = i >= bpp ? up[i - bpp] : 0;
		pa = abs(b - c);
		pb = abs(a - c);
		pc = abs(a + b - 2 * c);
		pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
		f[1 + i] = (unsigned char)(r[i] - pred);
	}
	swap = m->prev[k];
	m->prev[k] = m->raw[k];
	m->raw[k] = swap;
	return img_deflate(m, k, f, n + 1, Z_NO_FLUSH);
}

static int
img_row(void *arg, const unsigned char *row, unsigned w, unsigned ch)
{
	struct imgz	*m = arg;
	unsigned	 x, c;
	int		 k;

	if (m->height++ == 0) {
		m->width = w;
		m->ncolor = ch >= 3 ? 3 : 1;
		m->alpha = ch == 2 || ch == 4;
		for (k = 0; k < 2; k++) {
			m->raw[k] = arena_calloc(m->tmp, (size_t)w * 3 + 1, 1);
			m->prev[k] = arena_calloc(m->tmp, (size_t)w * 3 + 1, 1);
			m->filt[k] = arena_calloc(m->tmp, (size_t)w * 3 + 1, 1);
		}
	}
	for (x = 0; x < w; x++) {
		for (c = 0; c < m->ncolor; c++)
			m->raw[0][(size_t)x * m->ncolor + c] =
			    row[(size_t)x * ch + c];
		if (m->alpha) {
			m->raw[1][x] = row[(size_t)x * ch + m->ncolor];
			if (m->raw[1][x] != 255)
				m->opaque = 0;
		}
	}
	if (img_put_row(m, 0, (size_t)w * m->ncolor, m->ncolor) == -1 ||
	    (m->alpha && img_put_row(m, 1, w, 1) == -1))
		return -1;
	return 0;
}

/* An image XObject of 8-bit samples, stored deflated as in m->out[k]. */
static HPDF_Dict
img_xobject(struct dev *v, struct imgz *m, int k, unsigned w, unsigned h)
{
	HPDF_Dict	 x, parms;
	unsigned	 colors = k == 0 ? m->ncolor : 1;
	HPDF_STATUS	 rc = 0;

	if ((x = HPDF_DictStream_New(v->pdf->mmgr, v->pdf->xref)) == NULL ||
	    (parms = HPDF_Dict_New(v->pdf->mmgr)) == NULL)
		return NULL;
	x->filter = HPDF_STREAM_FILTER_NONE;
	x->write_fn = say_flate;
	rc |= HPDF_Dict_AddName(x, "Type", "XObject");
	rc |= HPDF_Dict_AddName(x, "Subtype", "Image");
	rc |= HPDF_Dict_AddNumber(x, "Width", (HPDF_INT32)w);
	rc |= HPDF_Dict_AddNumber(x, "Height", (HPDF_INT32)h);
	rc |= HPDF_Dict_AddName(x, "ColorSpace", colors == 3 ? "DeviceRGB" :
	    "DeviceGray");
	rc |= HPDF_Dict_AddNumber(x, "BitsPerComponent", 8);
	rc |= HPDF_Dict_AddNumber(parms, "Predictor", 15);
	rc |= HPDF_Dict_AddNumber(parms, "Colors", (HPDF_INT32)colors);
	rc |= HPDF_Dict_AddNumber(parms, "BitsPerComponent", 8);
	rc |= HPDF_Dict_AddNumber(parms, "Columns", (HPDF_INT32)w);
	rc |= HPDF_Dict_Add(x, "DecodeParms", parms);
	rc |= HPDF_Stream_Write(x->stream, (const HPDF_BYTE *)m->out[k].data,
	    (HPDF_UINT)m->out[k].len);
	return rc == HPDF_OK ? x : NULL;
}

/*
 * A PNG as an image XObject of our own, its alpha (when not all
 * opaque) as a soft mask, both compressed.  libharu's own loader turns
 * every libpng warning into a failure (0x1043) and stores masks
 * uncompressed.
 */
static HPDF_Dict
png_image(struct dev *v, struct arena *tmp, const unsigned char *p,
    size_t len, char *err, size_t errsz)
{
	struct imgz	 m;
	HPDF_Dict	 img = NULL, mask;
	int		 k;

	memset(&m, 0, sizeof(m));
	m.tmp = tmp;
	m.opaque = 1;
	for (k = 0; k < 2; k++) {
		buf_init(&m.out[k], tmp);
		if (deflateInit(&m.z[k], 6) != Z_OK)
			goto out;
		m.zinit[k] = 1;
	}
	if (image_png_decode(p, len, img_row, &m, err, errsz) == -1 ||
	    m.height == 0 || img_deflate(&m, 0, NULL, 0, Z_FINISH) == -1 ||
	    img_deflate(&m, 1, NULL, 0, Z_FINISH) == -1)
		goto out;
	if ((img = img_xobject(v, &m, 0, m.width, m.height)) == NULL)
		goto out;
	if (m.alpha && !m.opaque && ((mask = img_xobject(v, &m, 1, m.width,
	    m.height)) == NULL || HPDF_Dict_Add(img, "SMask", mask) !=
	    HPDF_OK))
		img = NULL;
out:
	for (k = 0; k < 2; k++)
		if (m.zinit[k])
			deflateEnd(&m.z[k]);
	return img;
}

/*
 * An image's resource name, loading it the first time; -1 after an
 * error at the image.  The file is read again and drawn as what its
 * bytes are: a PNG decoded as image_inspect() has decoded it, a JPEG
 * inspected again (cheap) before libharu copies it.
 */
static long
image(struct dev *v, const char *path)
{
	struct arena	 tmp;
	struct image_info ii;
	HPDF_Image	 img = NULL;
	const char	*data;
	size_t		 i, len;
	char		 name[32], err[256];

	for (i = 0; i < v->nimgs; i++)
		if (strcmp(v->img_paths[i], path) == 0)
			return v->imgs[i] != NULL ? (long)i : -1;
	arena_init(&tmp);
	err[0] = '\0';
	if ((data = fs_read(&tmp, v->d, path, IMAGE_MAX_BYTES, &len, 1)) ==
	    NULL)
		;
	else if (len >= 8 && memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0)
		img = png_image(v, &tmp, (const unsigned char *)data, len, err,
		    sizeof(err));
	else if (image_inspect((const unsigned char *)data, len, &ii, err,
	    sizeof(err)) == 0)
		img = HPDF_LoadJpegImageFromMem(v->pdf,
		    (const HPDF_BYTE *)data, (HPDF_UINT)len);
	arena_fini(&tmp);
	if (v->nimgs == v->capimgs) {
		v->capimgs = v->capimgs ? v->capimgs * 2 : 8;
		v->img_paths = arena_grow(v->a, v->img_paths,
		    v->nimgs * sizeof(*v->img_paths),
		    v->capimgs * sizeof(*v->img_paths));
		v->imgs = arena_grow(v->a, v->imgs, v->nimgs * sizeof(*v->imgs),
		    v->capimgs * sizeof(*v->imgs));
	}
	v->img_paths[v->nimgs] = path;
	v->imgs[v->nimgs] = img;
	snprintf(name, sizeof(name), "Im%zu", v->nimgs);
	if (img == NULL || HPDF_Dict_Add(v->xobjres, name, img) != HPDF_OK) {
		if (err[0] != '\0')
			diag_msg(v->d, DIAG_ERROR, path, 0, 0, "%s", err);
		v->failed = 1;
		v->imgs[v->nimgs++] = NULL;
		return -1;
	}
	return (long)v->nimgs++;
}

static void
end_text(struct dev *v)
{
	if (v->in_text) {
		buf_puts(&v->ops, "ET\n");
		v->in_text = 0;
	}
}

/* A colour operator: "r g b rg" to fill, "r g b RG" to stroke. */
static void
color_op(struct buf *b, struct rgb c, const char *op)
{
	num(b, c.r);
	buf_putc(b, ' ');
	num(b, c.g);
	buf_putc(b, ' ');
	num(b, c.b);
	buf_printf(b, " %s\n", op);
}

static void
fill(struct dev *v, struct rgb c)
{
	if (v->fill_set && c.r == v->cur_fill.r && c.g == v->cur_fill.g &&
	    c.b == v->cur_fill.b)
		return;
	color_op(&v->ops, c, "rg");
	v->cur_fill = c;
	v->fill_set = 1;
}

/* A two-byte code in a literal string: raw bytes, escaped where needed. */
static void
code(struct buf *b, unsigned c)
{
	unsigned char	 by[2];
	int		 i;

	by[0] = (unsigned char)(c >> 8);
	by[1] = (unsigned char)c;
	for (i = 0; i < 2; i++) {
		switch (by[i]) {
		case '(':
		case ')':
		case '\\':
			buf_putc(b, '\\');
			buf_putc(b, by[i]);
			break;
		case '\r':	/* a reader would turn a bare CR into LF */
			buf_puts(b, "\\r");
			break;
		case '\n':
			buf_puts(b, "\\n");
			break;
		default:
			buf_putc(b, (char)by[i]);
			break;
		}
	}
}

/*
 * A text run as TJ arrays of two-byte codes in literal strings (half
 * the bytes of hex), with the extra space the justification gives after
 * every space character.  The hyphen a line break adds, U+00AD, is
 * drawn as the face's "-", which its ToUnicode map reads as "-", inside
 * a Span whose /ActualText is U+00AD: a reader that honours ActualText
 * (poppler, Acrobat) reads the word whole, one that does not (pdf.js,
 * Firefox) reads "-" at the line's end and joins the word across it.
 */
static void
text(struct dev *v, const struct box *b)
{
	const struct font *f = v->faces[b->face];
	const unsigned char *s = (const unsigned char *)b->text;
	unsigned long	 cp;
	unsigned	 hy = font_cid(f, '-');
	size_t		 i = 0;
	int		 open = 0, arr = 0;

	if (!v->in_text) {
		buf_puts(&v->ops, "BT\n");
		v->in_text = 1;
		v->cur_face = -1;
	}
	if ((int)b->face != v->cur_face || b->size != v->cur_size) {
		buf_printf(&v->ops, "/F%d ", (int)b->face);
		num(&v->ops, b->size);
		buf_puts(&v->ops, " Tf\n");
		v->cur_face = (int)b->face;
		v->cur_size = b->size;
	}
	fill(v, b->color);
	buf_puts(&v->ops, "1 0 0 1 ");
	num(&v->ops, b->x);
	buf_putc(&v->ops, ' ');
	num(&v->ops, b->y);
	buf_puts(&v->ops, " Tm\n");
	while (i < b->len) {
		cp = next_cp(s, b->len, &i);
		if (cp == 0xAD && hy != 0) {
			if (arr)
				buf_puts(&v->ops, open ? ")] TJ\n" : "] TJ\n");
			buf_puts(&v->ops, "/Span <</ActualText <FEFF00AD>>> "
			    "BDC\n[(");
			code(&v->ops, hy);
			buf_puts(&v->ops, ")] TJ\nEMC\n");
			open = arr = 0;
			/*
			 * poppler takes the Span's EMC for the end of the
			 * element's sequence (MarkedContentOutputDev, as
			 * in pdfinfo -struct-text) and would lose the
			 * text after it: what follows gets a new MCID.
			 */
			if (v->mc == MC_ELEM)
				v->mc_elem = NULL;
			continue;
		}
		if (!arr) {
			buf_putc(&v->ops, '[');
			arr = 1;
		}
		if (!open) {
			buf_putc(&v->ops, '(');
			open = 1;
		}
		code(&v->ops, font_cid(f, (uint32_t)cp));
		if (cp == ' ' && b->word_space != 0 && i < b->len) {
			buf_puts(&v->ops, ") ");
			num(&v->ops, -b->word_space * 1000 / b->size);
			buf_putc(&v->ops, ' ');
			open = 0;
		}
	}
	if (arr)
		buf_puts(&v->ops, open ? ")] TJ\n" : "] TJ\n");
}

/*
 * A PDF text string from UTF-8: UTF-16BE with a byte order mark, as a
 * binary string.  (libharu's own UTF-8 encoder would do, at the cost of
 * a 64K-entry table built on every run.)
 */
static HPDF_Binary
text_string(struct dev *v, const char *s)
{
	unsigned char	*u;
	unsigned long	 cp;
	size_t		 len = strlen(s), i = 0, n = 0;

	u = arena_alloc(v->a, 2 + 4 * len);
	u[n++] = 0xfe;
	u[n++] = 0xff;
	while (i < len) {
		cp = next_cp((const unsigned char *)s, len, &i);
		u[n++] = (unsigned char)(cp >> 8);
		u[n++] = (unsigned char)cp;
	}
	return HPDF_Binary_New(v->pdf->mmgr, u, (HPDF_UINT)n);
}

/* Put a text string into a dictionary, replacing what was there. */
static void
set_text(struct dev *v, HPDF_Dict d, const char *key, const char *s)
{
	HPDF_Binary	 b;

	if (d == NULL || s == NULL || (b = text_string(v, s)) == NULL)
		return;
	HPDF_Dict_RemoveElement(d, key);
	HPDF_Dict_Add(d, key, b);
}

/* --- Tagging: structure tree and marked content (PDF/UA) ------------ */

/* An object's number, for writing a reference to it. */
static unsigned long
objnum(const void *o)
{
	return ((const HPDF_Obj_Header *)o)->obj_id & 0x00FFFFFF;
}

static void
add_kid(struct dev *v, struct tag *t, enum kid_kind kind, int mcid,
    void *obj)
{
	/* Most elements have one or two kids: start small. */
	if (t->nkids == t->cap) {
		t->kids = arena_grow(v->a, t->kids, t->nkids * sizeof(*t->kids),
		    (t->cap ? t->cap * 2 : 2) * sizeof(*t->kids));
		t->cap = t->cap ? t->cap * 2 : 2;
	}
	t->kids[t->nkids].kind = kind;
	t->kids[t->nkids].mcid = mcid;
	t->kids[t->nkids].obj = obj;
	t->nkids++;
}

/* A text string in hex, UTF-16BE with a byte order mark. */
static HPDF_STATUS
write_text(HPDF_Stream s, const char *text)
{
	static const char hexd[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)text;
	unsigned long	 cp;
	size_t		 len = strlen(text), i = 0;
	char		 hex[5];
	HPDF_STATUS	 rc;

	rc = HPDF_Stream_WriteStr(s, "<FEFF");
	hex[4] = '\0';
	while (rc == HPDF_OK && i < len) {
		cp = next_cp(p, len, &i);
		hex[0] = hexd[(cp >> 12) & 15];
		hex[1] = hexd[(cp >> 8) & 15];
		hex[2] = hexd[(cp >> 4) & 15];
		hex[3] = hexd[cp & 15];
		rc = HPDF_Stream_WriteStr(s, hex);
	}
	return rc == HPDF_OK ? HPDF_Stream_WriteStr(s, ">") : rc;
}

/* libharu calls this inside the element's "<< >>". */
static HPDF_STATUS
write_tag(HPDF_Dict d, HPDF_Stream s)
{
	const struct tag *t = d->attr;
	const struct kid *k;
	char		 line[128];
	unsigned	 i;
	HPDF_STATUS	 rc;

	snprintf(line, sizeof(line), "/S /%s /P %lu 0 R", t->s != NULL ? t->s :
	    role_tags[t->e->role], objnum(t->parent));
	rc = HPDF_Stream_WriteStr(s, line);
	if (t->pg != NULL) {
		snprintf(line, sizeof(line), " /Pg %lu 0 R", objnum(t->pg));
		rc |= HPDF_Stream_WriteStr(s, line);
	}
	if (t->s == NULL && t->e->role == ROLE_FIGURE && t->e->alt != NULL) {
		rc |= HPDF_Stream_WriteStr(s, " /Alt ");
		rc |= write_text(s, t->e->alt);
	}
	if (t->has_bbox) {
		/* Placed, for readers that show or read it by its place. */
		snprintf(line, sizeof(line), " /A <</O /Layout /BBox [%.2f %.2f "
		    "%.2f %.2f]>>", (double)t->bbox[0], (double)t->bbox[1],
		    (double)t->bbox[2], (double)t->bbox[3]);
		rc |= HPDF_Stream_WriteStr(s, line);
	}
	if (t->s == NULL && t->e->role == ROLE_TH)
		rc |= HPDF_Stream_WriteStr(s, t->e->scope_row ?
		    " /A <</O /Table /Scope /Row>>" :
		    " /A <</O /Table /Scope /Column>>");
	rc |= HPDF_Stream_WriteStr(s, "\012/K [");
	for (i = 0; i < t->nkids; i++) {
		k = &t->kids[i];
		switch (k->kind) {
		case KID_MCID:
			snprintf(line, sizeof(line), " %d", k->mcid);
			break;
		case KID_MCR:
			snprintf(line, sizeof(line), " <</Type /MCR /Pg %lu 0 R "
			    "/MCID %d>>", objnum(k->obj), k->mcid);
			break;
		case KID_ELEM:
			snprintf(line, sizeof(line), " %lu 0 R", objnum(k->obj));
			break;
		default:
			snprintf(line, sizeof(line), " <</Type /OBJR /Obj %lu 0 R "
			    "/Pg %lu 0 R>>", objnum(k->obj), objnum(t->pg));
			break;
		}
		rc |= HPDF_Stream_WriteStr(s, line);
	}
	rc |= HPDF_Stream_WriteStr(s, "]\012");
	return rc == HPDF_OK ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
}

/*
 * The element's tag, made when its first content is drawn, and with it
 * its ancestors': each joins its parent's kids then, so /K lists
 * content and children in reading order.  Depth is the typesetter's
 * tree depth, which the narrative stage bounds.
 */
static struct tag *
tag_of(struct dev *v, const struct selem *e)
{
	struct tag	*t = &v->tags[e->id], *pt;

	if (t->d != NULL)
		return t;
	if ((t->d = indirect_dict(v)) == NULL)
		return NULL;
	t->e = e;
	t->d->attr = t;
	t->d->write_fn = write_tag;
	if (e->parent == NULL) {
		t->parent = v->root;
		HPDF_Dict_Add(v->root, "K", t->d);
	} else if ((pt = tag_of(v, e->parent)) != NULL) {
		t->parent = pt->d;
		add_kid(v, pt, KID_ELEM, 0, t->d);
	}
	return t;
}

/* Append t to a growing array of tags in the arena. */
static void
push_tag(struct dev *v, struct tag ***a, size_t *n, size_t *cap,
    struct tag *t)
{
	if (*n == *cap) {
		*a = arena_grow(v->a, *a, *n * sizeof(**a),
		    (*cap ? *cap * 2 : 16) * sizeof(**a));
		*cap = *cap ? *cap * 2 : 16;
	}
	(*a)[(*n)++] = t;
}

static void
end_mc(struct dev *v)
{
	if (v->mc != 0) {
		end_text(v);
		buf_puts(&v->ops, "EMC\n");
		v->mc = 0;
		v->mc_elem = NULL;
	}
}

/*
 * Open the marked content a box belongs in: its element's, with a new
 * MCID that the element's kids and the page's parent tree entry record;
 * or an artifact's.  Consecutive boxes of one element share it.
 */
static void
begin_mc(struct dev *v, const struct box *b)
{
	struct tag	*t;
	int		 want = b->elem != NULL ? MC_ELEM : MC_ARTIFACT;

	if (v->mc == want && v->mc_elem == b->elem)
		return;
	end_mc(v);
	end_text(v);
	if (b->elem == NULL) {
		buf_puts(&v->ops, "/Artifact BMC\n");
		v->mc = MC_ARTIFACT;
		return;
	}
	if ((t = tag_of(v, b->elem)) == NULL)
		return;
	buf_printf(&v->ops, "/%s <</MCID %d>> BDC\n",
	    role_tags[b->elem->role], v->mcid);
	push_tag(v, &v->parents[v->pageno], &v->nparents[v->pageno],
	    &v->capparents[v->pageno], t);
	if (t->pg == NULL)
		t->pg = v->page;
	if (t->pg == v->page)
		add_kid(v, t, KID_MCID, v->mcid, NULL);
	else	/* content on another page than the element's /Pg */
		add_kid(v, t, KID_MCR, v->mcid, v->page);
	v->mcid++;
	v->mc = MC_ELEM;
	v->mc_elem = b->elem;
}

/* A link annotation in the tree: /StructParent, /Contents, an OBJR. */
static void
tag_annot(struct dev *v, HPDF_Annotation an, const struct box *b)
{
	struct tag	*t;
	int		 key;

	if (b->elem == NULL || (t = tag_of(v, b->elem)) == NULL)
		return;
	if (t->pg == NULL)
		t->pg = v->page;
	key = (int)(v->ts->npages + v->nannots);
	HPDF_Dict_AddNumber(an, "StructParent", key);
	push_tag(v, &v->annot_elems, &v->nannots, &v->capannots, t);
	set_text(v, an, "Contents", b->elem->alt != NULL &&
	    *b->elem->alt != '\0' ? b->elem->alt : b->target);
	/* Printable, as PDF/A wants every annotation. */
	HPDF_Dict_AddNumber(an, "F", 4);
	add_kid(v, t, KID_OBJR, 0, an);
}

/* Kids that are elements, in the order the typesetter made them. */
static int
by_creation(const void *a, const void *b)
{
	const struct kid *x = a, *y = b;
	int	 i = ((const struct tag *)((HPDF_Dict)x->obj)->attr)->e->id;
	int	 j = ((const struct tag *)((HPDF_Dict)y->obj)->attr)->e->id;

	return (i > j) - (i < j);
}

/*
 * A row has all its cells in the tree, an empty one too (a TD with no
 * content, which no box made), so that every row has as many cells as
 * the header row (veraPDF's PDF/UA-1 rules 7.2-42 and 43).
 */
static void
complete_row(struct dev *v, struct tag *t)
{
	const struct selem *c;
	unsigned	 i;

	for (c = t->e->child; c != NULL; c = c->next)
		if (v->tags[c->id].d == NULL)
			tag_of(v, c);
	for (i = 0; i < t->nkids; i++)
		if (t->kids[i].kind != KID_ELEM)
			return;
	qsort(t->kids, t->nkids, sizeof(*t->kids), by_creation);
}

/* A row of column headers only: the table's head. */
static int
is_head_row(const struct selem *tr)
{
	const struct selem *c;

	for (c = tr->child; c != NULL; c = c->next)
		if (c->role != ROLE_TH || c->scope_row)
			return 0;
	return tr->child != NULL;
}

/* A THead or TBody of table t, joining its kids. */
static struct tag *
row_group(struct dev *v, struct tag *t, const char *type)
{
	struct tag	*g = arena_calloc(v->a, 1, sizeof(*g));

	if ((g->d = indirect_dict(v)) == NULL)
		return NULL;
	g->e = t->e;
	g->s = type;
	g->parent = t->d;
	g->d->attr = g;
	g->d->write_fn = write_tag;
	add_kid(v, t, KID_ELEM, 0, g->d);
	return g;
}

/*
 * A table's rows, grouped: the header rows before the first other in
 * THead, the rest in TBody (pdf.js takes a TH for a row header only in
 * TBody), each complete.
 */
static int
group_rows(struct dev *v, struct tag *t)
{
	struct kid	*old = t->kids;
	struct tag	*head = NULL, *body = NULL, *r, **g;
	unsigned	 n = t->nkids, i;

	t->kids = NULL;
	t->nkids = t->cap = 0;
	for (i = 0; i < n; i++) {
		r = old[i].kind == KID_ELEM ?
		    ((HPDF_Dict)old[i].obj)->attr : NULL;
		if (r == NULL || r->e->role != ROLE_TR) {
			add_kid(v, t, old[i].kind, old[i].mcid, old[i].obj);
			continue;
		}
		complete_row(v, r);
		g = body == NULL && is_head_row(r->e) ? &head : &body;
		if (*g == NULL && (*g = row_group(v, t, g == &head ? "THead" :
		    "TBody")) == NULL)
			return -1;
		add_kid(v, *g, KID_ELEM, 0, r->d);
		r->parent = (*g)->d;
	}
	return 0;
}

/* The parent tree's /Nums, written from our arrays. */
static HPDF_STATUS
write_parent_tree(HPDF_Dict d, HPDF_Stream s)
{
	const struct dev *v = d->attr;
	char		 line[64];
	size_t		 i, j;
	HPDF_STATUS	 rc;

	rc = HPDF_Stream_WriteStr(s, "/Nums [");
	for (i = 0; i < v->ts->npages; i++) {
		snprintf(line, sizeof(line), "\012%zu [", i);
		rc |= HPDF_Stream_WriteStr(s, line);
		for (j = 0; j < v->nparents[i]; j++) {
			snprintf(line, sizeof(line), " %lu 0 R",
			    objnum(v->parents[i][j]->d));
			rc |= HPDF_Stream_WriteStr(s, line);
		}
		rc |= HPDF_Stream_WriteStr(s, "]");
	}
	for (i = 0; i < v->nannots; i++) {
		snprintf(line, sizeof(line), "\012%zu %lu 0 R",
		    v->ts->npages + i, objnum(v->annot_elems[i]->d));
		rc |= HPDF_Stream_WriteStr(s, line);
	}
	rc |= HPDF_Stream_WriteStr(s, "]\012");
	return rc == HPDF_OK ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
}

/* The root and its parent tree, once every page is drawn. */
static int
finish_tree(struct dev *v)
{
	HPDF_MMgr	 m = v->pdf->mmgr;
	HPDF_Dict	 pt, mark, prefs;
	size_t		 i;
	int		 rc = 0;

	for (i = 0; i < (size_t)v->ts->nelems; i++)
		if (v->tags[i].d != NULL && v->tags[i].e->role == ROLE_TABLE &&
		    group_rows(v, &v->tags[i]) == -1)
			return -1;
	if ((pt = indirect_dict(v)) == NULL ||
	    (mark = HPDF_Dict_New(m)) == NULL ||
	    (prefs = HPDF_Dict_New(m)) == NULL)
		return -1;
	pt->attr = v;
	pt->write_fn = write_parent_tree;
	rc |= HPDF_Dict_AddName(v->root, "Type", "StructTreeRoot");
	rc |= HPDF_Dict_Add(v->root, "ParentTree", pt);
	rc |= HPDF_Dict_AddNumber(v->root, "ParentTreeNextKey",
	    (HPDF_INT32)(v->ts->npages + v->nannots));
	rc |= HPDF_Dict_Add(v->pdf->catalog, "StructTreeRoot", v->root);
	rc |= HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
	rc |= HPDF_Dict_Add(v->pdf->catalog, "MarkInfo", mark);
	rc |= HPDF_Dict_Add(v->pdf->catalog, "Lang", HPDF_String_New(m,
	    v->ts->language != NULL ? v->ts->language : "da-DK", NULL));
	rc |= HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
	rc |= HPDF_Dict_Add(v->pdf->catalog, "ViewerPreferences", prefs);
	return rc == 0 ? 0 : -1;
}

/* Two 64-bit FNV-1a hashes of the text drawn: the same note, same /ID. */
static void
hash_text(struct dev *v, const struct box *b)
{
	size_t	 k;

	for (k = 0; k < b->len; k++) {
		v->h1 = (v->h1 ^ (unsigned char)b->text[k]) * 1099511628211ULL;
		v->h2 = (v->h2 ^ (unsigned char)b->text[k] ^ v->pageno) *
		    1099511628211ULL;
	}
}

/* --- The timeline chart --------------------------------------------- */

/*
 * The chart's inks: the web page's (templates/style.css), so the two
 * look alike.  What tells the paints apart is their form (solid,
 * outlined, hatched, dashed, a dot), which greyscale print keeps.
 */
static const struct rgb ink_blue = { 0.122f, 0.306f, 0.475f };	/* #1f4e79 */
static const struct rgb ink_red = { 0.690f, 0.0f, 0.125f };	/* #b00020 */
static const struct rgb ink_grid = { 0.784f, 0.784f, 0.784f };	/* #c8c8c8 */
static const struct rgb ink_axis = { 0.302f, 0.302f, 0.302f };	/* #4d4d4d */
static const struct rgb ink_white = { 1, 1, 1 };

/* Where a chart's point (y down from its top left) is on the page. */
struct cmap {
	double	 x0, y0;	/* the chart's top left on the page */
	double	 s;		/* points on the page per chart point */
	struct rgb stroke;	/* the stroke's state, to write only changes */
	double	 lw;		/* 0: not set */
};

/* A chart's point on the page, "x y", then op ("m", "l") and a newline. */
static void
pt(struct dev *v, const struct cmap *m, double x, double y, const char *op)
{
	num(&v->ops, m->x0 + x * m->s);
	buf_putc(&v->ops, ' ');
	num(&v->ops, m->y0 - y * m->s);
	if (op != NULL)
		buf_printf(&v->ops, " %s\n", op);
}

/* The stroke's colour and width, written when they change. */
static void
pen(struct dev *v, struct cmap *m, struct rgb c, double w)
{
	if (m->lw == 0 || c.r != m->stroke.r || c.g != m->stroke.g ||
	    c.b != m->stroke.b) {
		color_op(&v->ops, c, "RG");
		m->stroke = c;
	}
	if (w != m->lw) {
		num(&v->ops, w * m->s);
		buf_puts(&v->ops, " w\n");
		m->lw = w;
	}
}

/* A rectangle's path; inset, for an outline drawn inside its box. */
static void
rect_path(struct dev *v, const struct cmap *m, const struct chart_item *it,
    double inset)
{
	double	 w = it->w - 2 * inset, h = it->h - 2 * inset;

	pt(v, m, it->x + inset, it->y + it->h - inset, NULL);
	buf_putc(&v->ops, ' ');
	num(&v->ops, (w > 0 ? w : 0) * m->s);
	buf_putc(&v->ops, ' ');
	num(&v->ops, (h > 0 ? h : 0) * m->s);
	buf_puts(&v->ops, " re\n");
}

static void
diamond_path(struct dev *v, const struct cmap *m, double x, double y,
    double w, double h)
{
	pt(v, m, x + w / 2, y, "m");
	pt(v, m, x + w, y + h / 2, "l");
	pt(v, m, x + w / 2, y + h, "l");
	pt(v, m, x, y + h / 2, "l");
	buf_puts(&v->ops, "h\n");
}

/* A pause: white, hatched at 45 degrees three points apart, outlined. */
static void
hatched(struct dev *v, struct cmap *m, const struct chart_item *it)
{
	double	 d, step = 3 * 1.41421356;

	fill(v, ink_white);
	pen(v, m, ink_blue, 0.8);
	rect_path(v, m, it, 0.4);
	buf_puts(&v->ops, "f\nq\n");
	rect_path(v, m, it, 0.4);
	buf_puts(&v->ops, "W n\n");
	for (d = -it->h; d < it->w; d += step) {
		pt(v, m, it->x + d, it->y + it->h, "m");
		pt(v, m, it->x + d + it->h, it->y, "l");
	}
	/* The clip goes with Q; the pen is as it was. */
	buf_puts(&v->ops, "S\nQ\n");
	rect_path(v, m, it, 0.4);
	buf_puts(&v->ops, "S\n");
}

static void
chart_item(struct dev *v, struct cmap *m, const struct chart_item *it,
    struct rgb text_color)
{
	struct box	 tb;

	if (it->shape != SHAPE_TEXT)
		end_text(v);
	switch (it->shape) {
	case SHAPE_LINE:
		pen(v, m, it->paint == PAINT_GRID ? ink_grid :
		    it->paint == PAINT_TODAY ? ink_red : ink_axis,
		    it->paint == PAINT_GRID ? 0.5 :
		    it->paint == PAINT_TODAY ? 1 : 0.75);
		if (it->paint == PAINT_TODAY) {
			buf_puts(&v->ops, "[");
			num(&v->ops, 3 * m->s);
			buf_putc(&v->ops, ' ');
			num(&v->ops, 2 * m->s);
			buf_puts(&v->ops, "] 0 d\n");
		}
		pt(v, m, it->x, it->y, "m");
		pt(v, m, it->x + it->w, it->y + it->h, "l");
		buf_puts(&v->ops, "S\n");
		if (it->paint == PAINT_TODAY)
			buf_puts(&v->ops, "[] 0 d\n");
		break;
	case SHAPE_RECT:
		if (it->paint == PAINT_PAUSE) {
			hatched(v, m, it);
			break;
		}
		if (it->paint == PAINT_PLANNED) {
			fill(v, ink_white);
			pen(v, m, ink_blue, 0.8);
			rect_path(v, m, it, 0.4);
			buf_puts(&v->ops, "B\n");
			break;
		}
		fill(v, it->paint == PAINT_BACKDROP ? ink_white : ink_blue);
		rect_path(v, m, it, 0);
		buf_puts(&v->ops, "f\n");
		break;
	case SHAPE_DIAMOND:
		if (it->paint == PAINT_DONE) {
			fill(v, ink_blue);
			diamond_path(v, m, it->x, it->y, it->w, it->h);
			buf_puts(&v->ops, "f\n");
			break;
		}
		fill(v, ink_white);
		pen(v, m, it->paint == PAINT_OVERDUE ? ink_red : ink_blue,
		    it->paint == PAINT_OVERDUE ? 1 : 0.8);
		diamond_path(v, m, it->x, it->y, it->w, it->h);
		buf_puts(&v->ops, "B\n");
		if (it->paint == PAINT_OVERDUE) {
			/* A dot in it: not only a colour says overdue. */
			fill(v, ink_red);
			diamond_path(v, m, it->x + it->w / 4, it->y + it->h / 4,
			    it->w / 2, it->h / 2);
			buf_puts(&v->ops, "f\n");
		}
		break;
	case SHAPE_TEXT:
		memset(&tb, 0, sizeof(tb));
		tb.kind = BOX_TEXT;
		tb.face = it->paint == PAINT_LANE ? FACE_BOLD : FACE_REGULAR;
		tb.x = (float)(m->x0 + it->x * m->s);
		tb.y = (float)(m->y0 - it->y * m->s);
		tb.size = (float)(it->h * m->s);
		tb.color = text_color;
		tb.text = it->text;
		tb.len = (unsigned)it->len;
		if (tb.len > 0 && font_is_used(v->faces[tb.face]))
			text(v, &tb);
		break;
	default:
		break;
	}
}

/* The chart of a BOX_CHART, in one q ... Q. */
static void
chart(struct dev *v, const struct box *b)
{
	const struct chart *ch = b->chart;
	struct cmap	 m;
	size_t		 i;

	memset(&m, 0, sizeof(m));
	m.s = b->w / ch->width;
	m.x0 = b->x;
	m.y0 = b->y + b->h;
	end_text(v);
	buf_puts(&v->ops, "q\n");
	for (i = 0; i < ch->nitems; i++)
		chart_item(v, &m, &ch->items[i], b->color);
	end_text(v);
	buf_puts(&v->ops, "Q\n");
	v->fill_set = 0;
}

/* A Figure's /BBox: what its charts and images cover. */
static void
figure_box(struct dev *v, const struct box *b)
{
	struct tag	*t = tag_of(v, b->elem);
	float		 r[4];
	int		 i;

	if (t == NULL)
		return;
	r[0] = b->x;
	r[1] = b->y;
	r[2] = b->x + b->w;
	r[3] = b->y + b->h;
	for (i = 0; i < 4; i++)
		if (!t->has_bbox || (i < 2 ? r[i] < t->bbox[i] :
		    r[i] > t->bbox[i]))
			t->bbox[i] = r[i];
	t->has_bbox = 1;
}

static void
draw(struct dev *v, HPDF_Page page, const struct box *b)
{
	HPDF_Annotation	 an;
	HPDF_Rect	 r;
	long		 img;

	if (b->kind != BOX_LINK)
		begin_mc(v, b);
	if (b->kind == BOX_TEXT)
		hash_text(v, b);
	if ((b->kind == BOX_CHART || b->kind == BOX_IMAGE) && b->elem != NULL &&
	    b->elem->role == ROLE_FIGURE)
		figure_box(v, b);
	switch (b->kind) {
	case BOX_RECT:
		end_text(v);
		fill(v, b->color);
		num(&v->ops, b->x);
		buf_putc(&v->ops, ' ');
		num(&v->ops, b->y);
		buf_putc(&v->ops, ' ');
		num(&v->ops, b->w);
		buf_putc(&v->ops, ' ');
		num(&v->ops, b->h);
		buf_puts(&v->ops, " re f\n");
		break;
	case BOX_TEXT:
		if (b->len > 0 && font_is_used(v->faces[b->face]))
			text(v, b);
		break;
	case BOX_IMAGE:
		end_text(v);
		if ((img = image(v, b->target)) == -1)
			break;
		buf_puts(&v->ops, "q ");
		num(&v->ops, b->w);
		buf_puts(&v->ops, " 0 0 ");
		num(&v->ops, b->h);
		buf_putc(&v->ops, ' ');
		num(&v->ops, b->x);
		buf_putc(&v->ops, ' ');
		num(&v->ops, b->y);
		buf_printf(&v->ops, " cm /Im%ld Do Q\n", img);
		break;
	case BOX_CHART:
		if (b->chart != NULL)
			chart(v, b);
		break;
	case BOX_LINK:
		r.left = (HPDF_REAL)b->x;
		r.bottom = (HPDF_REAL)b->y;
		r.right = (HPDF_REAL)(b->x + b->w);
		r.top = (HPDF_REAL)(b->y + b->h);
		an = HPDF_Page_CreateURILinkAnnot(page, r, b->target);
		if (an != NULL) {
			HPDF_LinkAnnot_SetBorderStyle(an, 0, 0, 0);
			tag_annot(v, an, b);
		}
		break;
	default:
		break;
	}
}

/*
 * Bookmarks: nested by level under the one before of a lower level, as
 * the headings are.  Each goes to its heading's top left and keeps the
 * reader's zoom ([page /XYZ left top null]), an array written inline.
 */
static void
outlines(struct dev *v, const struct typeset *ts, HPDF_Page *pages)
{
	HPDF_Outline	 stack[8], o;
	HPDF_Array	 dst;
	size_t		 i;
	int		 level, depth = 0, rc;

	for (i = 0; i < ts->noutlines; i++) {
		level = ts->outlines[i].level;
		if (level < 1)
			level = 1;
		if (level > depth + 1)
			level = depth + 1;
		if (level > 8)
			level = 8;
		o = HPDF_CreateOutline(v->pdf, level > 1 ? stack[level - 2] :
		    NULL, "", NULL);
		if (o == NULL)
			return;
		set_text(v, o, "Title", ts->outlines[i].title);
		/* libharu marks an item /Type /Outlines, the root's type. */
		HPDF_Dict_RemoveElement(o, "Type");
		HPDF_Outline_SetOpened(o, HPDF_TRUE);
		if ((dst = HPDF_Array_New(v->pdf->mmgr)) == NULL)
			return;
		rc = HPDF_Array_Add(dst, pages[ts->outlines[i].page]);
		rc |= HPDF_Array_AddName(dst, "XYZ");
		rc |= HPDF_Array_AddNumber(dst, 0);
		rc |= HPDF_Array_AddReal(dst, (HPDF_REAL)ts->outlines[i].y);
		rc |= HPDF_Array_Add(dst, HPDF_Null_New(v->pdf->mmgr));
		if (rc != HPDF_OK || HPDF_Dict_Add(o, "Dest", dst) != HPDF_OK)
			return;
		stack[level - 1] = o;
		depth = level;
	}
	if (ts->noutlines > 0)
		HPDF_SetPageMode(v->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
}

/* --- Archival: PDF/A-2b ---------------------------------------------- */

/*
 * PDF/A forbids drawing .notdef: a character no font has makes the file
 * one that cannot conform.  Say which, and where to mend it.
 */
static int
missing_glyphs(struct dev *v, struct font *const *fonts, const char *path)
{
	struct buf	 b;
	unsigned	 cid, n = 0;
	uint32_t	 cp;
	int		 i;

	buf_init(&b, v->a);
	for (i = 0; i < FACE__MAX; i++) {
		if (!font_is_used(fonts[i]))
			continue;
		for (cid = 1; cid < font_cids(fonts[i]); cid++) {
			if (font_cid_gid(fonts[i], cid) != 0)
				continue;
			cp = font_cid_unicode(fonts[i], cid);
			if (n++ < 8)
				buf_printf(&b, "%sU+%04X", n > 1 ? ", " : "",
				    (unsigned)cp);
		}
	}
	if (n == 0)
		return 0;
	diag_msg(v->d, DIAG_ERROR, path, 0, 0, "the text uses %u character%s "
	    "the fonts have no glyph for (%s%s): an archival PDF (PDF/A) "
	    "cannot show them; choose fonts that have them in pdf.yaml, or "
	    "write the text without them", n, n == 1 ? "" : "s", b.data,
	    n > 8 ? ", ..." : "");
	return -1;
}

/* Text for XML: the five characters XML gives meaning escaped. */
static void
xml_text(struct buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		switch (*s) {
		case '&':  buf_puts(b, "&amp;"); break;
		case '<':  buf_puts(b, "&lt;"); break;
		case '>':  buf_puts(b, "&gt;"); break;
		case '"':  buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&apos;"); break;
		default:   buf_putc(b, *s); break;
		}
	}
}

/* The XMP packet: what the document information says, and the claims. */
static void
xmp(struct buf *b, const struct typeset *ts, const char *date)
{
	buf_puts(b, "<?xpacket begin=\"\xef\xbb\xbf\" "
	    "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "<rdf:Description rdf:about=\"\"\n"
	    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	    " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	    " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
	    " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
	    " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
	    "<dc:format>application/pdf</dc:format>\n"
	    "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
	xml_text(b, ts->title);
	buf_puts(b, "</rdf:li></rdf:Alt></dc:title>\n"
	    "<dc:creator><rdf:Seq><rdf:li>");
	xml_text(b, ts->author);
	buf_puts(b, "</rdf:li></rdf:Seq></dc:creator>\n"
	    "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">");
	xml_text(b, ts->subject);
	buf_puts(b, "</rdf:li></rdf:Alt></dc:description>\n"
	    "<dc:language><rdf:Bag><rdf:li>");
	xml_text(b, ts->language);
	buf_puts(b, "</rdf:li></rdf:Bag></dc:language>\n<pdf:Keywords>");
	xml_text(b, ts->keywords);
	buf_printf(b, "</pdf:Keywords>\n"
	    "<pdf:Producer>Haru Free PDF Library 2.3.0</pdf:Producer>\n"
	    "<xmp:CreatorTool>statusnotat</xmp:CreatorTool>\n"
	    "<xmp:CreateDate>%s</xmp:CreateDate>\n"
	    "<xmp:ModifyDate>%s</xmp:ModifyDate>\n"
	    "<pdfaid:part>2</pdfaid:part>\n"
	    "<pdfaid:conformance>B</pdfaid:conformance>\n"
	    "<pdfuaid:part>1</pdfuaid:part>\n", date, date);
	/*
	 * PDF/A wants every schema it does not know described, in a
	 * description of its own (PDFBox's Preflight finds it only there).
	 */
	buf_puts(b, "</rdf:Description>\n"
	    "<rdf:Description rdf:about=\"\"\n"
	    " xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
	    " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
	    " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
	    "<pdfaExtension:schemas><rdf:Bag>"
	    "<rdf:li rdf:parseType=\"Resource\">\n"
	    "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema"
	    "</pdfaSchema:schema>\n"
	    "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/"
	    "</pdfaSchema:namespaceURI>\n"
	    "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
	    "<pdfaSchema:property><rdf:Seq>"
	    "<rdf:li rdf:parseType=\"Resource\">\n"
	    "<pdfaProperty:name>part</pdfaProperty:name>\n"
	    "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
	    "<pdfaProperty:category>internal</pdfaProperty:category>\n"
	    "<pdfaProperty:description>Indicates, which part of ISO 14289 "
	    "standard is followed</pdfaProperty:description>\n"
	    "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
	    "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
	    "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
	    "<?xpacket end=\"w\"?>");
}

static void
file_id(const struct dev *v, unsigned char id[16])
{
	size_t	 k;

	for (k = 0; k < 8; k++) {
		id[k] = (unsigned char)(v->h1 >> (8 * k));
		id[8 + k] = (unsigned char)(v->h2 >> (8 * k));
	}
}

/*
 * PDF/A-2b: XMP metadata (uncompressed, as archives read it), an sRGB
 * output intent, document dates from the note's date (no clock), and a
 * deterministic /ID.
 */
static int
archival(struct dev *v, const struct pdf_opts *o)
{
	HPDF_MMgr	 m = v->pdf->mmgr;
	HPDF_Dict	 meta, icc, intent;
	HPDF_Array	 intents, ids;
	HPDF_Date	 dt;
	struct buf	 b;
	unsigned char	 id[16];
	const char	*profile;
	char		 date[40];
	size_t		 len;
	int		 y = 1970, mo = 1, day = 1, rc = 0;

	if ((profile = fs_read(v->a, v->d, o->icc_profile, 1024 * 1024, &len,
	    0)) == NULL)
		return -1;
	sscanf(v->ts->date_iso != NULL ? v->ts->date_iso : "", "%d-%d-%d",
	    &y, &mo, &day);
	snprintf(date, sizeof(date), "%04d-%02d-%02dT00:00:00+00:00", y, mo,
	    day);
	memset(&dt, 0, sizeof(dt));
	dt.year = y;
	dt.month = mo;
	dt.day = day;
	dt.ind = '+';	/* libharu 2.3.0 mishandles 'Z' */
	HPDF_SetInfoDateAttr(v->pdf, HPDF_INFO_CREATION_DATE, dt);
	HPDF_SetInfoDateAttr(v->pdf, HPDF_INFO_MOD_DATE, dt);

	buf_init(&b, v->a);
	xmp(&b, v->ts, date);
	if ((meta = HPDF_DictStream_New(m, v->pdf->xref)) == NULL ||
	    (icc = stream_dict(v, profile, len)) == NULL ||
	    (intent = HPDF_Dict_New(m)) == NULL ||
	    (intents = HPDF_Array_New(m)) == NULL ||
	    (ids = HPDF_Array_New(m)) == NULL)
		return -1;
	meta->filter = HPDF_STREAM_FILTER_NONE;
	rc |= HPDF_Stream_Write(meta->stream, (const HPDF_BYTE *)b.data,
	    (HPDF_UINT)b.len);
	rc |= HPDF_Dict_AddName(meta, "Type", "Metadata");
	rc |= HPDF_Dict_AddName(meta, "Subtype", "XML");
	rc |= HPDF_Dict_Add(v->pdf->catalog, "Metadata", meta);

	rc |= HPDF_Dict_AddNumber(icc, "N", 3);
	rc |= HPDF_Dict_AddName(intent, "Type", "OutputIntent");
	rc |= HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
	rc |= HPDF_Dict_Add(intent, "OutputConditionIdentifier",
	    HPDF_String_New(m, "sRGB IEC61966-2.1", NULL));
	rc |= HPDF_Dict_Add(intent, "Info",
	    HPDF_String_New(m, "sRGB IEC61966-2.1", NULL));
	rc |= HPDF_Dict_Add(intent, "DestOutputProfile", icc);
	rc |= HPDF_Array_Add(intents, intent);
	rc |= HPDF_Dict_Add(v->pdf->catalog, "OutputIntents", intents);

	file_id(v, id);
	rc |= HPDF_Array_Add(ids, HPDF_Binary_New(m, id, 16));
	rc |= HPDF_Array_Add(ids, HPDF_Binary_New(m, id, 16));
	rc |= HPDF_Dict_Add(v->pdf->trailer, "ID", ids);
	return rc == 0 ? 0 : -1;
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
	use_hyphens(ts, fonts);
	if (embed_fonts(&v, fonts) == -1)
		goto out;
	if (o->archival && missing_glyphs(&v, fonts, shown) == -1)
		goto out;
	v.ts = ts;
	v.tags = arena_calloc(a, (size_t)ts->nelems + 1, sizeof(*v.tags));
	v.parents = arena_calloc(a, ts->npages + 1, sizeof(*v.parents));
	v.nparents = arena_calloc(a, ts->npages + 1, sizeof(*v.nparents));
	v.capparents = arena_calloc(a, ts->npages + 1,
	    sizeof(*v.capparents));
	if ((v.root = indirect_dict(&v)) == NULL)
		goto out;

	pages = arena_calloc(a, ts->npages + 1, sizeof(*pages));
	for (i = 0; i < ts->npages; i++) {
		pages[i] = HPDF_AddPage(v.pdf);
		HPDF_Page_SetWidth(pages[i], (HPDF_REAL)ts->width);
		HPDF_Page_SetHeight(pages[i], (HPDF_REAL)ts->height);
		res = HPDF_Dict_GetItem(pages[i], "Resources", HPDF_OCLASS_DICT);
		if (res == NULL || HPDF_Dict_Add(res, "Font", v.fontres) !=
		    HPDF_OK || HPDF_Dict_Add(res, "XObject", v.xobjres) !=
		    HPDF_OK)
			goto out;
		/* Tab order follows the structure; parent tree key i. */
		if (HPDF_Dict_AddName(pages[i], "Tabs", "S") != HPDF_OK ||
		    HPDF_Dict_AddNumber(pages[i], "StructParents",
		    (HPDF_INT32)i) != HPDF_OK)
			goto out;
		v.page = pages[i];
		v.pageno = i;
		v.mcid = 0;
		v.fill_set = 0;
		for (j = 0; j < ts->pages[i].nboxes; j++)
			draw(&v, pages[i], &ts->pages[i].boxes[j]);
		end_mc(&v);
		end_text(&v);
		typeset_release_page(ts, i);
		if (flush(&v, pages[i]) == -1)
			goto out;
	}
	outlines(&v, ts, pages);
	if (finish_tree(&v) == -1)
		goto out;

	/* Setting one entry makes libharu create the information dict. */
	HPDF_SetInfoAttr(v.pdf, HPDF_INFO_CREATOR, "statusnotat");
	set_text(&v, v.pdf->info, "Title", ts->title);
	set_text(&v, v.pdf->info, "Subject", ts->subject);
	set_text(&v, v.pdf->info, "Author", ts->author);
	set_text(&v, v.pdf->info, "Keywords", ts->keywords);
	if (o->archival && archival(&v, o) == -1)
		goto out;
	/* Structure, /Tabs and the rest are PDF 1.5 and later. */
	v.pdf->pdf_version = HPDF_VER_17;
	if (v.failed)
		goto out;
	if (err.code == 0) {
		errno = 0;
		if (save(&v, path, shown) == -1)
			goto out;
	}
	if (err.code != 0) {
		/* Its file and zlib errors in saving come from a write. */
		if (err.err != 0 && (err.code == HPDF_FILE_IO_ERROR ||
		    err.code == HPDF_FILE_OPEN_ERROR ||
		    err.code == HPDF_ZLIB_ERROR))
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
	HPDF_Free(v.pdf);
	return rc;
}
