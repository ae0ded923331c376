/*
 * pdf.c: typeset pages to a PDF file with libharu.  See pdf.h.
 *
 * libharu gives fonts, pages and a writer; three of its gaps are closed
 * here through its installed internal headers: text with stretched
 * spaces is written as TJ arrays (its word spacing does nothing for
 * two-byte fonts), each font's /Encoding becomes /Identity-H with a
 * ToUnicode map from font.c (its own CMap is invalid), and the error
 * handler records the first error rather than jumping anywhere.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hpdf.h>
#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

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
	HPDF_Font	 fonts[FACE__MAX];
	char		*tmp[FACE__MAX];	/* subset files, removed at the end */
	struct buf	 ops;			/* raw operators for one box */
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
 * Replace libharu's /Encoding CMap with /Identity-H (the codes it writes
 * are the code points, which its CIDToGIDMap maps to glyphs) and reuse
 * the CMap's stream object for a correct /ToUnicode.
 */
static int
fix_cmaps(struct dev *v, HPDF_Font font, const struct font *f)
{
	HPDF_FontAttr	 attr = (HPDF_FontAttr)font->attr;
	HPDF_Dict	 cmap = attr->cmap_stream;
	struct buf	 b;

	if (cmap == NULL)
		return -1;
	HPDF_Dict_RemoveElement(font, "Encoding");
	if (HPDF_Dict_AddName(font, "Encoding", "Identity-H") != HPDF_OK)
		return -1;
	HPDF_Dict_RemoveElement(cmap, "Type");
	HPDF_Dict_RemoveElement(cmap, "CMapName");
	HPDF_Dict_RemoveElement(cmap, "CIDSystemInfo");
	HPDF_Dict_RemoveElement(cmap, "WMode");
	HPDF_MemStream_FreeData(cmap->stream);
	buf_init(&b, v->a);
	font_tounicode(f, &b);
	if (HPDF_Stream_Write(cmap->stream, (const HPDF_BYTE *)b.data,
	    (HPDF_UINT)b.len) != HPDF_OK)
		return -1;
	return HPDF_Dict_Add(font, "ToUnicode", cmap) == HPDF_OK ? 0 : -1;
}

static int
load_fonts(struct dev *v, struct font *const *fonts)
{
	const char	*name;
	char		*path;
	int		 fd, i;

	for (i = 0; i < FACE__MAX; i++) {
		if (!font_is_used(fonts[i]))
			continue;
		path = arena_strdup(v->a, "/tmp/statusnotat-font-XXXXXX");
		if ((fd = mkstemp(path)) == -1) {
			diag_msg(v->d, DIAG_SYSERR, path, 0, 0,
			    "cannot create a temporary file: %s",
			    strerror(errno));
			return -1;
		}
		close(fd);
		v->tmp[i] = path;
		if (font_subset(fonts[i], v->d, path) == -1)
			return -1;
		if ((name = HPDF_LoadTTFontFromFile(v->pdf, path,
		    HPDF_TRUE)) == NULL ||
		    (v->fonts[i] = HPDF_GetFont(v->pdf, name,
		    "UTF-8")) == NULL)
			return -1;
		if (fix_cmaps(v, v->fonts[i], fonts[i]) == -1)
			return -1;
	}
	return 0;
}

static HPDF_Image
image(struct dev *v, const char *path)
{
	HPDF_Image	 img;
	size_t		 i, n;

	for (i = 0; i < v->nimgs; i++)
		if (strcmp(v->img_paths[i], path) == 0)
			return v->imgs[i];
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
	v->imgs[v->nimgs++] = img;
	return img;
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

/*
 * Text whose spaces are stretched: a TJ array of the two-byte codes
 * with an adjustment after every space.
 */
static void
show_stretched(struct dev *v, HPDF_Page page, const struct box *b)
{
	HPDF_PageAttr	 attr = (HPDF_PageAttr)page->attr;
	const unsigned char *s = (const unsigned char *)b->text;
	unsigned long	 cp;
	size_t		 i = 0;
	int		 open = 0;

	buf_truncate(&v->ops, 0);
	buf_putc(&v->ops, '[');
	while (i < b->len) {
		cp = next_cp(s, b->len, &i);
		if (!open) {
			buf_putc(&v->ops, '<');
			open = 1;
		}
		buf_printf(&v->ops, "%04lX", cp);
		if (cp == ' ') {
			buf_printf(&v->ops, "> %.3f ",
			    -b->word_space * 1000 / b->size);
			open = 0;
		}
	}
	if (open)
		buf_putc(&v->ops, '>');
	buf_puts(&v->ops, "] TJ\n");
	HPDF_Stream_WriteStr(attr->stream, v->ops.data);
	/* libharu marks the glyphs a document uses while measuring. */
	HPDF_Font_TextWidth(v->fonts[b->face], (const HPDF_BYTE *)b->text,
	    (HPDF_UINT)b->len);
}

static void
draw(struct dev *v, HPDF_Page page, const struct box *b)
{
	HPDF_Annotation	 an;
	HPDF_Rect	 r;
	HPDF_Image	 img;
	char		*s;

	switch (b->kind) {
	case BOX_RECT:
		HPDF_Page_SetRGBFill(page, (HPDF_REAL)b->color.r,
		    (HPDF_REAL)b->color.g, (HPDF_REAL)b->color.b);
		HPDF_Page_Rectangle(page, (HPDF_REAL)b->x, (HPDF_REAL)b->y,
		    (HPDF_REAL)b->w, (HPDF_REAL)b->h);
		HPDF_Page_Fill(page);
		break;
	case BOX_TEXT:
		if (b->len == 0 || v->fonts[b->face] == NULL)
			break;
		HPDF_Page_BeginText(page);
		HPDF_Page_SetFontAndSize(page, v->fonts[b->face],
		    (HPDF_REAL)b->size);
		HPDF_Page_SetRGBFill(page, (HPDF_REAL)b->color.r,
		    (HPDF_REAL)b->color.g, (HPDF_REAL)b->color.b);
		HPDF_Page_MoveTextPos(page, (HPDF_REAL)b->x, (HPDF_REAL)b->y);
		if (b->word_space != 0)
			show_stretched(v, page, b);
		else {
			s = arena_strndup(v->a, b->text, b->len);
			HPDF_Page_ShowText(page, s);
		}
		HPDF_Page_EndText(page);
		break;
	case BOX_IMAGE:
		if ((img = image(v, b->path)) != NULL)
			HPDF_Page_DrawImage(page, img, (HPDF_REAL)b->x,
			    (HPDF_REAL)b->y, (HPDF_REAL)b->w, (HPDF_REAL)b->h);
		break;
	case BOX_LINK:
		r.left = (HPDF_REAL)b->x;
		r.bottom = (HPDF_REAL)b->y;
		r.right = (HPDF_REAL)(b->x + b->w);
		r.top = (HPDF_REAL)(b->y + b->h);
		an = HPDF_Page_CreateURILinkAnnot(page, r, b->url);
		if (an != NULL)
			HPDF_LinkAnnot_SetBorderStyle(an, 0, 0, 0);
		break;
	default:
		break;
	}
}

/* Bookmarks: nested by level under the one before of a lower level. */
static void
outlines(struct dev *v, const struct typeset *ts, HPDF_Page *pages)
{
	HPDF_Outline	 stack[8], o;
	HPDF_Destination dst;
	HPDF_Encoder	 enc = HPDF_GetEncoder(v->pdf, "UTF-8");
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
		    NULL, ts->outlines[i].title, enc);
		if (o == NULL)
			return;
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
	size_t		 i, j;
	int		 rc = -1, k;

	memset(&v, 0, sizeof(v));
	memset(&err, 0, sizeof(err));
	v.a = a;
	v.d = d;
	buf_init(&v.ops, a);
	if ((v.pdf = HPDF_New(on_error, &err)) == NULL) {
		diag_msg(d, DIAG_SYSERR, path, 0, 0, "out of memory");
		return -1;
	}
	HPDF_SetCompressionMode(v.pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(v.pdf);
	HPDF_SetCurrentEncoder(v.pdf, "UTF-8");
	if (load_fonts(&v, fonts) == -1)
		goto out;

	pages = arena_calloc(a, ts->npages + 1, sizeof(*pages));
	for (i = 0; i < ts->npages; i++) {
		pages[i] = HPDF_AddPage(v.pdf);
		HPDF_Page_SetWidth(pages[i], (HPDF_REAL)ts->width);
		HPDF_Page_SetHeight(pages[i], (HPDF_REAL)ts->height);
		for (j = 0; j < ts->pages[i].nboxes; j++)
			draw(&v, pages[i], &ts->pages[i].boxes[j]);
	}
	outlines(&v, ts, pages);

	HPDF_SetInfoAttr(v.pdf, HPDF_INFO_TITLE, ts->title);
	HPDF_SetInfoAttr(v.pdf, HPDF_INFO_SUBJECT, ts->subject);
	HPDF_SetInfoAttr(v.pdf, HPDF_INFO_AUTHOR, ts->author);
	HPDF_SetInfoAttr(v.pdf, HPDF_INFO_KEYWORDS, ts->keywords);
	HPDF_SetInfoAttr(v.pdf, HPDF_INFO_CREATOR, "statusnotat");
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
	for (k = 0; k < FACE__MAX; k++)
		if (v.tmp[k] != NULL)
			unlink(v.tmp[k]);
	return rc;
}
