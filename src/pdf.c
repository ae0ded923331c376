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
#include "pdf.h"
#include "style.h"
#include "typeset.h"

/* The first libharu error: after one, the document cannot be saved. */
struct perr {
	HPDF_STATUS	 code;
	HPDF_STATUS	 detail;
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
	/* Images by path, loaded once each. */
	const char	**img_paths;
	HPDF_Image	*imgs;
	size_t		 nimgs;
	size_t		 capimgs;
};

static void
on_error(HPDF_STATUS code, HPDF_STATUS detail, void *data)
{
	struct perr	*e = data;

	if (e->code == 0) {
		e->code = code;
		e->detail = detail;
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

/* An image's resource name, loading it the first time; -1 on failure. */
static long
image(struct dev *v, const char *path)
{
	HPDF_Image	 img;
	size_t		 i, n;
	char		 name[32];

	for (i = 0; i < v->nimgs; i++)
		if (strcmp(v->img_paths[i], path) == 0)
			return v->imgs[i] != NULL ? (long)i : -1;
	n = strlen(path);
	if (n > 4 && strcmp(path + n - 4, ".png") == 0)
		img = HPDF_LoadPngImageFromFile(v->pdf, path);
	else
		img = HPDF_LoadJpegImageFromFile(v->pdf, path);
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
		v->imgs[v->nimgs++] = NULL;
		return -1;
	}
	return (long)v->nimgs++;
}

/* Decode one UTF-8 character; invalid bytes become U+FFFD. */
static unsigned long
next_cp(const unsigned char *s, size_t len, size_t *i)
{
	unsigned long	 cp;
	size_t		 n, k;

	if (s[*i] < 0x80)
		return s[(*i)++];
	if (s[*i] >= 0xc2 && s[*i] <= 0xdf)
		n = 1, cp = s[*i] & 0x1f;
	else if (s[*i] >= 0xe0 && s[*i] <= 0xef)
		n = 2, cp = s[*i] & 0x0f;
	else if (s[*i] >= 0xf0 && s[*i] <= 0xf4)
		n = 3, cp = s[*i] & 0x07;
	else {
		(*i)++;
		return 0xfffd;
	}
	for (k = 1; k <= n; k++) {
		if (*i + k >= len || (s[*i + k] & 0xc0) != 0x80) {
			(*i)++;
			return 0xfffd;
		}
		cp = (cp << 6) | (s[*i + k] & 0x3f);
	}
	*i += n + 1;
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
	if (compress2((Bytef *)v->z, &zlen, (const Bytef *)v->ops.data,
	    (uLong)v->ops.len, Z_DEFAULT_COMPRESSION) != Z_OK)
		return -1;
	attr->contents->filter = HPDF_STREAM_FILTER_NONE;
	attr->contents->write_fn = say_flate;
	buf_truncate(&v->ops, 0);
	return HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)v->z,
	    (HPDF_UINT)zlen) == HPDF_OK ? 0 : -1;
}

static void
end_text(struct dev *v)
{
	if (v->in_text) {
		buf_puts(&v->ops, "ET\n");
		v->in_text = 0;
	}
}

static void
fill(struct dev *v, struct rgb c)
{
	if (v->fill_set && c.r == v->cur_fill.r && c.g == v->cur_fill.g &&
	    c.b == v->cur_fill.b)
		return;
	num(&v->ops, c.r);
	buf_putc(&v->ops, ' ');
	num(&v->ops, c.g);
	buf_putc(&v->ops, ' ');
	num(&v->ops, c.b);
	buf_puts(&v->ops, " rg\n");
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
 * A text run as a TJ array of two-byte codes in literal strings (half
 * the bytes of hex), with the extra space the justification gives after
 * every space character.
 */
static void
text(struct dev *v, const struct box *b)
{
	const struct font *f = v->faces[b->face];
	const unsigned char *s = (const unsigned char *)b->text;
	unsigned long	 cp;
	size_t		 i = 0;
	int		 open = 0;

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
	buf_puts(&v->ops, " Tm\n[");
	while (i < b->len) {
		cp = next_cp(s, b->len, &i);
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
	if (open)
		buf_putc(&v->ops, ')');
	buf_puts(&v->ops, "] TJ\n");
}

static void
draw(struct dev *v, HPDF_Page page, const struct box *b)
{
	HPDF_Annotation	 an;
	HPDF_Rect	 r;
	long		 img;

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
	case BOX_LINK:
		r.left = (HPDF_REAL)b->x;
		r.bottom = (HPDF_REAL)b->y;
		r.right = (HPDF_REAL)(b->x + b->w);
		r.top = (HPDF_REAL)(b->y + b->h);
		an = HPDF_Page_CreateURILinkAnnot(page, r, b->target);
		if (an != NULL)
			HPDF_LinkAnnot_SetBorderStyle(an, 0, 0, 0);
		break;
	default:
		break;
	}
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

/* Bookmarks: nested by level under the one before of a lower level. */
static void
outlines(struct dev *v, const struct typeset *ts, HPDF_Page *pages)
{
	HPDF_Outline	 stack[8], o;
	HPDF_Destination dst;
	size_t		 i;
	int		 level, depth = 0;

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
		HPDF_Outline_SetOpened(o, HPDF_TRUE);
		dst = HPDF_Page_CreateDestination(pages[ts->outlines[i].page]);
		if (dst != NULL) {
			HPDF_Destination_SetXYZ(dst, 0,
			    (HPDF_REAL)ts->outlines[i].y, 1);
			HPDF_Outline_SetDestination(o, dst);
		}
		stack[level - 1] = o;
		depth = level;
	}
	if (ts->noutlines > 0)
		HPDF_SetPageMode(v->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
}

int
pdf_write(struct arena *a, struct diag *d, const struct typeset *ts,
    struct font *const *fonts, const char *path)
{
	struct dev	 v;
	struct perr	 err;
	HPDF_Page	*pages;
	HPDF_Dict	 res;
	size_t		 i, j;
	int		 rc = -1;

	memset(&v, 0, sizeof(v));
	memset(&err, 0, sizeof(err));
	v.a = a;
	v.d = d;
	v.faces = fonts;
	buf_init(&v.ops, a);
	if ((v.pdf = HPDF_New(on_error, &err)) == NULL) {
		diag_msg(d, DIAG_SYSERR, path, 0, 0, "out of memory");
		return -1;
	}
	HPDF_SetCompressionMode(v.pdf, HPDF_COMP_ALL);
	if (embed_fonts(&v, fonts) == -1)
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
		v.fill_set = 0;
		for (j = 0; j < ts->pages[i].nboxes; j++)
			draw(&v, pages[i], &ts->pages[i].boxes[j]);
		end_text(&v);
		if (flush(&v, pages[i]) == -1)
			goto out;
	}
	outlines(&v, ts, pages);

	/* Setting one entry makes libharu create the information dict. */
	HPDF_SetInfoAttr(v.pdf, HPDF_INFO_CREATOR, "statusnotat");
	set_text(&v, v.pdf->info, "Title", ts->title);
	set_text(&v, v.pdf->info, "Subject", ts->subject);
	set_text(&v, v.pdf->info, "Author", ts->author);
	set_text(&v, v.pdf->info, "Keywords", ts->keywords);
	if (err.code == 0)
		HPDF_SaveToFile(v.pdf, path);
	if (err.code != 0) {
		diag_msg(d, DIAG_SYSERR, path, 0, 0, "cannot write the PDF "
		    "(libharu error 0x%04X, detail %u)", (unsigned)err.code,
		    (unsigned)err.detail);
		goto out;
	}
	rc = 0;
out:
	if (rc == -1 && err.code != 0 && d->count[DIAG_SYSERR] == 0)
		diag_msg(d, DIAG_SYSERR, path, 0, 0, "cannot make the PDF "
		    "(libharu error 0x%04X)", (unsigned)err.code);
	HPDF_Free(v.pdf);
	return rc;
}
