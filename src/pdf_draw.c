/*
 * pdf_draw.c: the PDF device's drawing (see pdf_dev.h): filled
 * rectangles (rules, shades), images (a PNG as an XObject of our own
 * with its soft mask, a JPEG through libharu), the timeline chart as
 * vectors, and a page's operators compressed into its content stream.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "arena.h"
#include "buf.h"
#include "chart.h"
#include "diag.h"
#include "font.h"
#include "fsutil.h"
#include "image.h"
#include "pdf_dev.h"
#include "typeset.h"

/*
 * A number as PDF writes it: at most three decimals, no trailing
 * zeros.  printf would do, at a tenth of the speed, on every glyph run.
 */
void
pdf_num(struct buf *b, double v)
{
	char		 t[32], *p = t + 24, *q = p;
	long		 i;
	int		 k, frac;

	i = (long)((v < 0 ? -v : v) * 1000 + 0.5);
	frac = (int)(i % 1000);
	i /= 1000;
	/* The integer part backwards from p, the fraction forwards. */
	do
		*--p = (char)('0' + i % 10);
	while ((i /= 10) > 0 && p > t + 1);
	if (v < 0)
		*--p = '-';
	if (frac != 0) {
		*q++ = '.';
		for (k = 100; k > 0 && frac > 0; k /= 10) {
			*q++ = (char)('0' + frac / k);
			frac %= k;
		}
	}
	buf_put(b, p, (size_t)(q - p));
}

/*
 * The page's operators, compressed here (pdf_deflate) and stored
 * compressed: libharu would keep them whole until the end and compress
 * them then with zlib, which for a 200-page note is megabytes held for
 * nothing and twice the time.  Its stream is told to write the bytes as
 * they are, with their filter named.
 */
int
pdf_flush(struct dev *v, HPDF_Page page)
{
	size_t		 zlen;

	if (pdf_deflate(v, v->ops.data, v->ops.len, &zlen) == -1)
		return -1;
	buf_truncate(&v->ops, 0);
	return pdfh_page_deflated(page, v->z, zlen);
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
	int		 rc = 0;

	if ((x = pdfh_stream(v->pdf, m->out[k].data, m->out[k].len,
	    PDFH_DEFLATED)) == NULL || (parms = pdfh_dict(v->pdf)) == NULL)
		return NULL;
	rc |= pdfh_put_name(x, "Type", "XObject");
	rc |= pdfh_put_name(x, "Subtype", "Image");
	rc |= pdfh_put_int(x, "Width", (long)w);
	rc |= pdfh_put_int(x, "Height", (long)h);
	rc |= pdfh_put_name(x, "ColorSpace", colors == 3 ? "DeviceRGB" :
	    "DeviceGray");
	rc |= pdfh_put_int(x, "BitsPerComponent", 8);
	rc |= pdfh_put_int(parms, "Predictor", 15);
	rc |= pdfh_put_int(parms, "Colors", (long)colors);
	rc |= pdfh_put_int(parms, "BitsPerComponent", 8);
	rc |= pdfh_put_int(parms, "Columns", (long)w);
	rc |= pdfh_put(x, "DecodeParms", parms);
	return rc == 0 ? x : NULL;
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
	if (image_png_decode_in(v->d->lang, p, len, img_row, &m, err,
	    errsz) == -1 ||
	    m.height == 0 || img_deflate(&m, 0, NULL, 0, Z_FINISH) == -1 ||
	    img_deflate(&m, 1, NULL, 0, Z_FINISH) == -1)
		goto out;
	if ((img = img_xobject(v, &m, 0, m.width, m.height)) == NULL)
		goto out;
	if (m.alpha && !m.opaque && ((mask = img_xobject(v, &m, 1, m.width,
	    m.height)) == NULL || pdfh_put(img, "SMask", mask) ==
	    -1))
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
	else if (image_inspect_in(v->d->lang, (const unsigned char *)data,
	    len, &ii, err,
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
	if (img == NULL || pdfh_put(v->xobjres, name, img) == -1) {
		if (err[0] != '\0')
			diag_msg(v->d, DIAG_ERROR, path, 0, 0, "%s", err);
		v->failed = 1;
		v->imgs[v->nimgs++] = NULL;
		return -1;
	}
	return (long)v->nimgs++;
}

/* A filled rectangle: a rule, a shade. */
void
pdf_rect(struct dev *v, const struct box *b)
{
	pdf_end_text(v);
	pdf_fill(v, b->color);
	pdf_num(&v->ops, b->x);
	buf_putc(&v->ops, ' ');
	pdf_num(&v->ops, b->y);
	buf_putc(&v->ops, ' ');
	pdf_num(&v->ops, b->w);
	buf_putc(&v->ops, ' ');
	pdf_num(&v->ops, b->h);
	buf_puts(&v->ops, " re f\n");
}

/* An image box: its image, scaled and placed. */
void
pdf_image(struct dev *v, const struct box *b)
{
	long	 img;

	pdf_end_text(v);
	if ((img = image(v, b->target)) == -1)
		return;
	buf_puts(&v->ops, "q ");
	pdf_num(&v->ops, b->w);
	buf_puts(&v->ops, " 0 0 ");
	pdf_num(&v->ops, b->h);
	buf_putc(&v->ops, ' ');
	pdf_num(&v->ops, b->x);
	buf_putc(&v->ops, ' ');
	pdf_num(&v->ops, b->y);
	buf_printf(&v->ops, " cm /Im%ld Do Q\n", img);
}

/* A colour operator: "r g b rg" to fill, "r g b RG" to stroke. */
static void
color_op(struct buf *b, struct rgb c, const char *op)
{
	pdf_num(b, c.r);
	buf_putc(b, ' ');
	pdf_num(b, c.g);
	buf_putc(b, ' ');
	pdf_num(b, c.b);
	buf_printf(b, " %s\n", op);
}

void
pdf_fill(struct dev *v, struct rgb c)
{
	if (v->fill_set && c.r == v->cur_fill.r && c.g == v->cur_fill.g &&
	    c.b == v->cur_fill.b)
		return;
	color_op(&v->ops, c, "rg");
	v->cur_fill = c;
	v->fill_set = 1;
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
	pdf_num(&v->ops, m->x0 + x * m->s);
	buf_putc(&v->ops, ' ');
	pdf_num(&v->ops, m->y0 - y * m->s);
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
		pdf_num(&v->ops, w * m->s);
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
	pdf_num(&v->ops, (w > 0 ? w : 0) * m->s);
	buf_putc(&v->ops, ' ');
	pdf_num(&v->ops, (h > 0 ? h : 0) * m->s);
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

	pdf_fill(v, ink_white);
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
		pdf_end_text(v);
	switch (it->shape) {
	case SHAPE_LINE:
		pen(v, m, it->paint == PAINT_GRID ? ink_grid :
		    it->paint == PAINT_TODAY ? ink_red : ink_axis,
		    it->paint == PAINT_GRID ? 0.5 :
		    it->paint == PAINT_TODAY ? 1 : 0.75);
		if (it->paint == PAINT_TODAY) {
			buf_puts(&v->ops, "[");
			pdf_num(&v->ops, 3 * m->s);
			buf_putc(&v->ops, ' ');
			pdf_num(&v->ops, 2 * m->s);
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
			pdf_fill(v, ink_white);
			pen(v, m, ink_blue, 0.8);
			rect_path(v, m, it, 0.4);
			buf_puts(&v->ops, "B\n");
			break;
		}
		pdf_fill(v, it->paint == PAINT_BACKDROP ? ink_white : ink_blue);
		rect_path(v, m, it, 0);
		buf_puts(&v->ops, "f\n");
		break;
	case SHAPE_DIAMOND:
		if (it->paint == PAINT_DONE) {
			pdf_fill(v, ink_blue);
			diamond_path(v, m, it->x, it->y, it->w, it->h);
			buf_puts(&v->ops, "f\n");
			break;
		}
		pdf_fill(v, ink_white);
		pen(v, m, it->paint == PAINT_OVERDUE ? ink_red : ink_blue,
		    it->paint == PAINT_OVERDUE ? 1 : 0.8);
		diamond_path(v, m, it->x, it->y, it->w, it->h);
		buf_puts(&v->ops, "B\n");
		if (it->paint == PAINT_OVERDUE) {
			/* A dot in it: not only a colour says overdue. */
			pdf_fill(v, ink_red);
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
			pdf_text(v, &tb);
		break;
	default:
		break;
	}
}

/* The chart of a BOX_CHART, in one q ... Q. */
void
pdf_chart(struct dev *v, const struct box *b)
{
	const struct chart *ch = b->chart;
	struct cmap	 m;
	size_t		 i;

	memset(&m, 0, sizeof(m));
	m.s = b->w / ch->width;
	m.x0 = b->x;
	m.y0 = b->y + b->h;
	pdf_end_text(v);
	buf_puts(&v->ops, "q\n");
	for (i = 0; i < ch->nitems; i++)
		chart_item(v, &m, &ch->items[i], b->color);
	pdf_end_text(v);
	buf_puts(&v->ops, "Q\n");
	v->fill_set = 0;
}
