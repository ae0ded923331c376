/*
 * image.c: reads the headers of a PNG or JPEG file and refuses what the
 * PDF cannot draw, with a message that says why.  A JPEG goes to
 * libharu as it is, which would misread what is refused here.  A PNG is
 * decoded here with libpng (image_png_decode, used by the PDF device
 * and, to agree with it, by image_inspect): its image data is first
 * inflated and checked with zlib alone, for messages that say what is
 * damaged, then decoded to the last row.  The checks written for
 * libharu's own PNG loader (no interlacing, 8 bits, no single
 * transparent colour, nothing libpng warns of twice) still hold.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define ZLIB_CONST		/* next_in points into the caller's bytes */
#include <zlib.h>
#include <png.h>

#include "i18n.h"
#include "image.h"

/*
 * libpng's default user limit: libharu 2.3.0 aborts on a PNG with a
 * longer side ("Invalid IHDR data").  A JPEG side is at most 65535.
 */
#define MAX_SIDE	1000000u
#define MB		(1024 * 1024)
#define NITEMS(a)	(sizeof(a) / sizeof((a)[0]))

#define SAVE_PNG	N_("save it again as an ordinary PNG or JPEG")
#define SAVE_JPEG	N_("save it again as an ordinary JPEG")

/* Where a message goes: err (errsz bytes), in lang's language. */
struct ectx {
	char		*err;
	size_t		 errsz;
	const struct lang *lang;
};

/*
 * libpng 1.6 reads the image data in pieces of PNG_IDAT_READ_SIZE
 * (8192 in Debian) from the start of each IDAT chunk; feeding zlib
 * pieces of a size that divides it stops inflate() wherever libpng's
 * would stop, and more often: see png_data().
 */
#define IDAT_PIECE	1024
#define INFLATE_BUF	16384	/* on the stack; the output is discarded */

static const unsigned char pngsig[8] = {
	0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
};

/*
 * Ancillary chunks that libpng reads before the image data and rejects
 * when repeated; libharu 2.3.0 turns every libpng warning into a failed
 * load.
 */
static const char *const once[] = {
	"bKGD", "cHRM", "eXIf", "gAMA", "hIST", "iCCP", "oFFs", "pCAL",
	"pHYs", "sBIT", "sCAL", "sRGB", "tIME", "tRNS"
};

static int	 fail(struct ectx *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
static int	 png_decode(const unsigned char *, size_t, image_row_fn,
		    void *, struct ectx *);

/*
 * Write a message into err and return -1.  A message cut short loses
 * the whole of its last character, so err stays valid UTF-8.
 */
static int
fail(struct ectx *e, const char *fmt, ...)
{
	va_list		 ap;
	size_t		 end, i, need;
	unsigned char	 lead;
	int		 n;

	if (e->err == NULL || e->errsz == 0)
		return -1;
	va_start(ap, fmt);
	n = vsnprintf(e->err, e->errsz, tr(e->lang, fmt), ap);
	va_end(ap);
	if (n < 0)
		e->err[0] = '\0';
	else if ((size_t)n >= e->errsz) {
		/* Back to the last lead byte: is its character whole? */
		end = e->errsz - 1;
		i = end;
		while (i > 0 && ((unsigned char)e->err[i - 1] & 0xc0) == 0x80)
			i--;
		if (i > 0 && (lead = (unsigned char)e->err[i - 1]) >= 0xc0) {
			need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
			if (end - (i - 1) < need)
				e->err[i - 1] = '\0';
		}
	}
	return -1;
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static unsigned
be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

/* The table lives in the caller's frame: no mutable globals. */
static void
crc_init(uint32_t tab[256])
{
	uint32_t	 c;
	unsigned	 i, k;

	for (i = 0; i < 256; i++) {
		c = i;
		for (k = 0; k < 8; k++)
			c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
		tab[i] = c;
	}
}

static uint32_t
crc(const uint32_t tab[256], const unsigned char *p, size_t n)
{
	uint32_t	 c = 0xffffffffu;

	while (n-- > 0)
		c = tab[(c ^ *p++) & 0xff] ^ (c >> 8);
	return c ^ 0xffffffffu;
}

/* Zero, too long a side, too many pixels: the same for both kinds. */
static int
check_dims(unsigned w, unsigned h, struct ectx *e)
{
	if (w == 0 || h == 0)
		return fail(e, "the image is %u × %u pixels, "
		    "which is empty: %s", w, h, tr(e->lang, SAVE_PNG));
	if (w > MAX_SIDE || h > MAX_SIDE)
		return fail(e, "the image is %u × %u pixels; "
		    "at most %u pixels on a side", w, h, MAX_SIDE);
	if ((unsigned long long)w * h > IMAGE_MAX_PIXELS)
		return fail(e, "the image is %u × %u pixels; "
		    "at most %u megapixels", w, h, IMAGE_MAX_PIXELS / 1000000);
	return 0;
}

static int
png_damaged(struct ectx *e, const char *why)
{
	return fail(e, "the PNG is damaged (%s): %s", tr(e->lang, why),
	    tr(e->lang, SAVE_PNG));
}

/* The bit depths the PNG specification allows for each colour type. */
static int
png_depth_ok(unsigned ctype, unsigned depth)
{
	switch (ctype) {
	case 0:
		return depth == 1 || depth == 2 || depth == 4 || depth == 8 ||
		    depth == 16;
	case 3:
		return depth == 1 || depth == 2 || depth == 4 || depth == 8;
	case 2:
	case 4:
	case 6:
		return depth == 8 || depth == 16;
	default:
		return 0;
	}
}

/* The chunk's bit in a set of the chunks in once[], or 0. */
static unsigned
png_bit(const void *type)
{
	size_t	 i;

	for (i = 0; i < NITEMS(once); i++)
		if (memcmp(type, once[i], 4) == 0)
			return 1u << i;
	return 0;
}

static int
png_alpha(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/*
 * Walk every chunk to IEND, checking lengths and checksums (libpng
 * aborts on a bad checksum of a critical chunk and fails on any other),
 * and what libpng reads before the image data.  Only the data of
 * PLTE, bKGD, tRNS and pHYs is looked into; *idatpos is left at the
 * first IDAT chunk, where png_data() starts.
 */
static int
png_walk(const unsigned char *p, size_t len, const uint32_t tab[256],
    unsigned ctype, unsigned depth, struct image_info *ii, size_t *idatpos,
    struct ectx *e)
{
	const unsigned char	*t;
	size_t			 pos, clen, need;
	unsigned		 seen = 0, npal = 0, bit;
	int			 idat = 0, trns = 0;

	for (pos = 8 + 25; ; pos += 12 + clen) {
		if (len - pos < 12)
			return fail(e, "the image is truncated");
		clen = be32(p + pos);
		t = p + pos + 4;
		if (clen > 0x7fffffffu)
			return png_damaged(e, "a part is too long");
		if (clen > len - pos - 12)
			return fail(e, "the image is truncated");
		if (!png_alpha(t[0]) || !png_alpha(t[1]) || !png_alpha(t[2]) ||
		    !png_alpha(t[3]))
			return png_damaged(e, "a part has no name");
		if (crc(tab, t, clen + 4) != be32(t + 4 + clen))
			return png_damaged(e,
			    "a checksum does not match");
		if (memcmp(t, "IEND", 4) == 0)
			break;
		/*
		 * libpng reads the image data as one run of IDAT chunks and
		 * aborts when it is cut by another chunk.  libharu reads
		 * nothing after it.
		 */
		if (memcmp(t, "IDAT", 4) == 0) {
			if (ctype == 3 && npal == 0)
				return png_damaged(e,
				    "the palette is missing");
			if (idat == 2)
				return png_damaged(e,
				    "the image data is split");
			if (!idat)
				*idatpos = pos;
			idat = 1;
			continue;
		}
		if (idat) {
			idat = 2;
			continue;
		}
		if ((bit = png_bit(t)) != 0) {
			if (seen & bit)
				return png_damaged(e,
				    "a part occurs twice");
			seen |= bit;
		}
		/*
		 * libpng warns of a palette after the parts that refer to
		 * it, and of a second colour profile after sRGB.
		 */
		if ((memcmp(t, "PLTE", 4) == 0 &&
		    (seen & (png_bit("bKGD") | png_bit("hIST") |
		    png_bit("tRNS")))) ||
		    (ctype == 3 && npal == 0 && (memcmp(t, "bKGD", 4) == 0 ||
		    memcmp(t, "hIST", 4) == 0)) ||
		    (memcmp(t, "iCCP", 4) == 0 && (seen & png_bit("sRGB"))))
			return png_damaged(e,
			    "its parts are out of order");
		if (memcmp(t, "PLTE", 4) == 0) {
			if (npal > 0 || ctype == 0 || ctype == 4 || clen == 0 ||
			    clen % 3 != 0 || clen > 3 * 256)
				return png_damaged(e,
				    "the palette is invalid");
			npal = (unsigned)(clen / 3);
		} else if (memcmp(t, "bKGD", 4) == 0) {
			/* A palette index, a grey level or an RGB triple. */
			if (ctype == 3)
				need = 1;
			else if (ctype == 2 || ctype == 6)
				need = 6;
			else
				need = 2;
			if (clen != need || (ctype == 3 && t[4] >= npal))
				return png_damaged(e,
				    "the background colour is invalid");
		} else if (memcmp(t, "tRNS", 4) == 0) {
			if (ctype == 4 || ctype == 6 ||
			    (ctype == 0 && clen != 2) ||
			    (ctype == 2 && clen != 6) ||
			    (ctype == 3 && (clen == 0 || clen > npal)))
				return png_damaged(e,
				    "the transparency is invalid");
			trns = 1;
		} else if (memcmp(t, "pHYs", 4) == 0) {
			/* Unit 1 is the metre; 0 gives only the aspect. */
			if (clen == 9 && t[12] == 1 && be32(t + 4) > 0 &&
			    be32(t + 8) > 0) {
				ii->dpi_x = be32(t + 4) * 0.0254;
				ii->dpi_y = be32(t + 8) * 0.0254;
			}
		} else if (memcmp(t, "IHDR", 4) == 0 || !(t[0] & 0x20))
			return png_damaged(e,
			    "it has an unknown required part");
	}
	if (!idat)
		return png_damaged(e, "it has no image data");
	ii->png_color = ctype == 2 || ctype == 3 || ctype == 6;
	ii->png_alpha = ctype == 4 || ctype == 6 || trns;

	/*
	 * libharu 2.3.0 takes an RGB tRNS for a palette's and dereferences
	 * a null pointer (a segfault); it ignores a grey one; and for a
	 * palette under 8 bits it writes the mask a byte per pixel under
	 * BitsPerComponent 1, 2 or 4, which scrambles the picture.
	 */
	if (trns && ctype != 3)
		return fail(e, "the PNG makes one colour "
		    "transparent, which the PDF cannot show: save it again "
		    "with an alpha channel (RGBA) or without transparency");
	if (trns && depth < 8)
		return fail(e, "the PNG has a transparent palette "
		    "of %u bits per pixel, which the PDF cannot show: save "
		    "it again as an 8-bit palette or with an alpha channel "
		    "(RGBA)", depth);
	return 0;
}

/* How far png_data() has got through the image data. */
struct inflow {
	z_stream	 z;
	uint64_t	 rowlen;	/* the filter byte and the pixels */
	uint64_t	 left;		/* bytes to the end of this row */
	uint32_t	 rows;		/* rows complete */
	uint32_t	 height;
	int		 ended;		/* zlib has read the stream's end */
	int		 zrc;		/* the last error from inflate() */
};

/*
 * Inflate the piece of image data in f->z: NULL, or why the data is
 * damaged (with f->zrc set when zlib failed).  No call to inflate()
 * writes past the end of a row, as none of libpng's does.
 */
static const char *
png_piece(struct inflow *f)
{
	unsigned char	 out[INFLATE_BUF];
	uInt		 room, got;
	int		 zrc;

	do {
		/* libpng fails with "Extra compressed data". */
		if (f->ended)
			return "more data follows its end";
		room = sizeof(out);
		if (f->rows < f->height && f->left < room)
			room = (uInt)f->left;
		f->z.next_out = out;
		f->z.avail_out = room;
		zrc = inflate(&f->z, Z_NO_FLUSH);
		got = room - f->z.avail_out;
		if (got > 0) {
			/* libpng fails with "Too much image data". */
			if (f->rows == f->height)
				return "it is longer than the image";
			/* libpng aborts on a filter type past 4 (Paeth). */
			if (f->left == f->rowlen && out[0] > 4)
				return "a row has an unknown filter";
			if ((f->left -= got) == 0) {
				f->rows++;
				f->left = f->rowlen;
			}
		}
		if (zrc == Z_STREAM_END)
			f->ended = 1;
		else if (zrc == Z_BUF_ERROR && f->z.avail_in == 0)
			break;		/* nothing more without input */
		else if (zrc != Z_OK) {
			f->zrc = zrc;
			return "it cannot be decompressed";
		}
		/*
		 * A full buffer may leave output inside zlib, which a
		 * call without input still gets out.
		 */
	} while (f->z.avail_in > 0 || (f->z.avail_out == 0 && !f->ended));
	return NULL;
}

/*
 * Inflate the image data, the IDAT chunks from pos on, as libpng 1.6
 * will inside libharu: libpng aborts on a zlib error or on data that
 * ends before the last row or its checksum (a process killed with
 * "libpng error"), and on a row's filter type past 4.  The output is
 * counted and discarded, a buffer at a time, and the first byte past
 * the image's rows stops it: the work is bounded by the pixel limit,
 * however well the data is compressed (40 megapixels of RGBA, the
 * worst, inflate to 160 MB).
 *
 * zlib takes the window size from the stream's header, as libpng does,
 * and checks a distance against the window plus what the current call
 * to inflate() has written, so a distance past the window is refused
 * or not depending on where calls start.  libpng's start at each row
 * and at each piece of input it reads; every one of those starts a
 * call here too, so no call here starts earlier than libpng's, and a
 * distance libpng refuses is refused here.
 */
static int
png_data(const unsigned char *p, size_t len, size_t pos, uint32_t w,
    uint32_t h, unsigned ctype, unsigned depth, struct ectx *e)
{
	static const unsigned	 channels[7] = { 1, 0, 3, 1, 2, 0, 4 };
	struct inflow		 f;
	const char		*why = NULL;
	size_t			 clen, off, n;

	memset(&f, 0, sizeof(f));
	f.rowlen = 1 + ((uint64_t)w * depth * channels[ctype] + 7) / 8;
	f.left = f.rowlen;
	f.height = h;
	if (inflateInit2(&f.z, 0) != Z_OK)
		return fail(e, "there is not enough memory to read "
		    "the PNG");
	/* png_walk() has checked every length up to IEND. */
	for (; why == NULL && len - pos >= 12 &&
	    memcmp(p + pos + 4, "IDAT", 4) == 0; pos += 12 + clen) {
		if ((clen = be32(p + pos)) > len - pos - 12)
			break;
		for (off = 0; why == NULL && off < clen; off += n) {
			n = clen - off < IDAT_PIECE ? clen - off : IDAT_PIECE;
			f.z.next_in = p + pos + 8 + off;
			f.z.avail_in = (uInt)n;
			why = png_piece(&f);
		}
	}
	inflateEnd(&f.z);
	/* libpng aborts with "Not enough image data". */
	if (why == NULL && !f.ended)
		why = "it is cut short";
	else if (why == NULL && f.rows < h)
		why = "it ends before the last row";
	if (why == NULL)
		return 0;
	if (f.zrc == Z_MEM_ERROR)
		return fail(e, "there is not enough memory to read "
		    "the PNG");
	return fail(e, "the PNG's image data is damaged (%s): save "
	    "it again from the original", why);
}

static int
png_inspect(const unsigned char *p, size_t len, struct image_info *ii,
    struct ectx *e)
{
	uint32_t		 tab[256];
	const unsigned char	*c;
	uint32_t		 w, h;
	size_t			 idatpos = 0;
	unsigned		 depth, ctype;

	if (len < 8 + 25)
		return fail(e, "the image is truncated");
	c = p + 8;
	if (be32(c) != 13 || memcmp(c + 4, "IHDR", 4) != 0)
		return png_damaged(e, "its header is missing");
	crc_init(tab);
	if (crc(tab, c + 4, 17) != be32(c + 21))
		return png_damaged(e, "a checksum does not match");
	w = be32(c + 8);
	h = be32(c + 12);
	depth = c[16];
	ctype = c[17];
	/* libpng aborts on any of these in libharu 2.3.0. */
	if (!png_depth_ok(ctype, depth) || c[18] != 0 || c[19] != 0 ||
	    c[20] > 1)
		return png_damaged(e, "its header is invalid");
	if (check_dims(w, h, e) == -1)
		return -1;
	/* The PDF device decodes it row by row (image_png_decode). */
	if (c[20] == 1)
		return fail(e, "the PNG is interlaced, which the "
		    "PDF cannot show: save it again as an ordinary "
		    "(non-interlaced) PNG");
	/*
	 * libharu 2.3.0 strips 16-bit samples to 8 but still declares
	 * BitsPerComponent 16 in a PDF 1.3 file: the picture comes out
	 * scrambled.
	 */
	if (depth == 16)
		return fail(e, "the PNG has 16 bits per channel, "
		    "which the PDF cannot show: save it again as an ordinary "
		    "8-bit PNG");
	ii->kind = IMAGE_PNG;
	ii->width = w;
	ii->height = h;
	/* The chunks first: their refusals are cheap and more telling. */
	if (png_walk(p, len, tab, ctype, depth, ii, &idatpos, e) == -1)
		return -1;
	if (png_data(p, len, idatpos, w, h, ctype, depth, e) == -1)
		return -1;
	/* What the PDF device will do, so that check and build agree. */
	return png_decode(p, len, NULL, NULL, e);
}

/* The decoder's state, outside the frame that calls setjmp(). */
struct pngdec {
	png_structp	 png;
	png_infop	 info;
	const unsigned char *p;
	size_t		 len;
	size_t		 pos;
	png_bytep	 row;
	struct ectx	*e;
	int		 stopped;	/* row() said stop */
};

static void
png_read_mem(png_structp png, png_bytep out, size_t n)
{
	struct pngdec	*dec = png_get_io_ptr(png);

	if (n > dec->len - dec->pos)
		png_error(png, "the image is truncated");
	memcpy(out, dec->p + dec->pos, n);
	dec->pos += n;
}

static void
png_on_error(png_structp png, png_const_charp msg)
{
	struct pngdec	*dec = png_get_error_ptr(png);

	fail(dec->e, "the PNG cannot be read (%s): %s", msg,
	    tr(dec->e->lang, SAVE_PNG));
	png_longjmp(png, 1);
}

static void
png_on_warning(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg;	/* about chunks that are skipped: nothing to do */
}

/*
 * Every chunk but those that make the pixels (IHDR, PLTE, tRNS, IDAT,
 * IEND) is handled as unknown and thrown away unread.
 */
static const png_byte png_skipped[] =
    "bKGD\0cHRM\0eXIf\0gAMA\0hIST\0iCCP\0iTXt\0oFFs\0pCAL\0pHYs\0"
    "sBIT\0sCAL\0sPLT\0sRGB\0tEXt\0tIME\0zTXt\0";

/* The part that may longjmp: every state it changes is in *dec. */
static int
png_rows(struct pngdec *dec, image_row_fn row, void *arg)
{
	png_uint_32	 y, w, h;

	if (setjmp(png_jmpbuf(dec->png)))
		return -1;
	png_set_read_fn(dec->png, dec, png_read_mem);
	png_set_user_limits(dec->png, MAX_SIDE, MAX_SIDE);
	png_set_chunk_malloc_max(dec->png, 1024 * 1024);
	png_set_benign_errors(dec->png, 1);
	png_set_keep_unknown_chunks(dec->png, PNG_HANDLE_CHUNK_NEVER, NULL, 0);
	png_set_keep_unknown_chunks(dec->png, PNG_HANDLE_CHUNK_NEVER,
	    png_skipped, (int)(sizeof(png_skipped) / 5));
	png_read_info(dec->png, dec->info);
	if (png_get_interlace_type(dec->png, dec->info) != PNG_INTERLACE_NONE)
		png_error(dec->png, "interlaced");
	png_set_expand(dec->png);
	png_set_strip_16(dec->png);
	png_read_update_info(dec->png, dec->info);
	w = png_get_image_width(dec->png, dec->info);
	h = png_get_image_height(dec->png, dec->info);
	if (png_get_bit_depth(dec->png, dec->info) != 8 ||
	    png_get_channels(dec->png, dec->info) < 1 ||
	    png_get_channels(dec->png, dec->info) > 4 ||
	    png_get_rowbytes(dec->png, dec->info) !=
	    (size_t)w * png_get_channels(dec->png, dec->info))
		png_error(dec->png, "unexpected pixel format");
	dec->row = png_malloc(dec->png, png_get_rowbytes(dec->png, dec->info));
	for (y = 0; y < h; y++) {
		png_read_row(dec->png, dec->row, NULL);
		if (row != NULL && row(arg, dec->row, w,
		    png_get_channels(dec->png, dec->info)) == -1) {
			dec->stopped = 1;
			return -1;
		}
	}
	return 0;
}

static int
png_decode(const unsigned char *p, size_t len, image_row_fn row,
    void *arg, struct ectx *e)
{
	struct pngdec	 dec;
	int		 rc = -1;

	memset(&dec, 0, sizeof(dec));
	dec.p = p;
	dec.len = len;
	dec.e = e;
	if ((dec.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &dec,
	    png_on_error, png_on_warning)) == NULL ||
	    (dec.info = png_create_info_struct(dec.png)) == NULL) {
		fail(e, "there is not enough memory to read the PNG");
		goto out;
	}
	rc = png_rows(&dec, row, arg);
	if (rc == -1 && dec.stopped)
		fail(e, "the PNG could not be put in the PDF");
out:
	if (dec.row != NULL)
		png_free(dec.png, dec.row);
	png_destroy_read_struct(&dec.png, &dec.info, NULL);
	return rc;
}

static int
jpeg_damaged(struct ectx *e, const char *why)
{
	return fail(e, "the JPEG is damaged (%s): %s", tr(e->lang,
	    why), tr(e->lang, SAVE_JPEG));
}

/*
 * Read the marker at *pos, skipping fill bytes (0xff) before its code,
 * and leave *pos after the code.  Returns 0, -1 when the file ends, or
 * -2 when there is no marker at *pos.
 */
static int
jpeg_marker(const unsigned char *p, size_t len, size_t *pos, unsigned *code,
    int *filled)
{
	size_t	 start = *pos;

	if (*pos >= len)
		return -1;
	if (p[*pos] != 0xff)
		return -2;
	while (*pos < len && p[*pos] == 0xff)
		(*pos)++;
	if (*pos >= len)
		return -1;
	if (*pos - start > 1)
		*filled = 1;
	*code = p[(*pos)++];
	return 0;
}

/*
 * The length of the segment at pos (after its marker code), its two
 * length bytes included.  Returns 0, -1 when the file ends, -2 when the
 * length is impossible.
 */
static int
jpeg_seglen(const unsigned char *p, size_t len, size_t pos, size_t *seglen)
{
	if (len - pos < 2)
		return -1;
	*seglen = be16(p + pos);
	if (*seglen < 2)
		return -2;
	if (*seglen > len - pos)
		return -1;
	return 0;
}

/* Markers that stand alone, with no length: never valid in a header. */
static int
jpeg_standalone(unsigned code)
{
	return code == 0x00 || code == 0x01 || (code >= 0xd0 && code <= 0xd9);
}

/* SOF0-SOF15 less DHT (c4), JPG (c8) and DAC (cc). */
static int
jpeg_sof(unsigned code)
{
	return code >= 0xc0 && code <= 0xcf && code != 0xc4 &&
	    code != 0xc8 && code != 0xcc;
}

/*
 * From the first scan to EOI: entropy-coded data (where 0xff is
 * followed by 0x00 or a restart marker), then, in a progressive file,
 * more tables and scans.  A file without EOI is truncated.
 */
static int
jpeg_to_eoi(const unsigned char *p, size_t len, size_t pos, struct ectx *e)
{
	const unsigned char	*q;
	size_t			 seglen;
	unsigned		 code;
	int			 filled = 0, rc;

	for (;;) {
		if (pos >= len ||
		    (q = memchr(p + pos, 0xff, len - pos)) == NULL)
			return fail(e, "the image is truncated");
		pos = (size_t)(q - p);
		if (jpeg_marker(p, len, &pos, &code, &filled) == -1)
			return fail(e, "the image is truncated");
		if (code == 0xd9)
			return 0;
		if (code == 0x00 || code == 0x01 ||
		    (code >= 0xd0 && code <= 0xd7))
			continue;
		if (code == 0xd8)
			return jpeg_damaged(e, "a marker is misplaced");
		if ((rc = jpeg_seglen(p, len, pos, &seglen)) == -1)
			return fail(e, "the image is truncated");
		if (rc == -2)
			return jpeg_damaged(e,
			    "a segment is too short");
		pos += seglen;
	}
}

/*
 * libharu 2.3.0 walks the segments to the first SOF0, SOF1, SOF2 or
 * SOF9, trusting each length and taking 0xffff for a marker, copies the
 * file into a DCTDecode stream and declares the SOF's precision and
 * component count.  Whatever it would misread is refused here.
 */
static int
jpeg_inspect(const unsigned char *p, size_t len, struct image_info *ii,
    struct ectx *e)
{
	const unsigned char	*s = NULL;
	size_t			 pos = 2, seglen = 0, slen = 0;
	unsigned		 code = 0, sof, nc;
	int			 filled = 0, jfif = 0, rc;

	for (;;) {
		if ((rc = jpeg_marker(p, len, &pos, &code, &filled)) == -1)
			return fail(e, "the image is truncated");
		if (rc == -2)
			return jpeg_damaged(e, "a marker is missing");
		if (jpeg_standalone(code) || code == 0xda)
			return jpeg_damaged(e,
			    "a marker is misplaced");
		if ((rc = jpeg_seglen(p, len, pos, &seglen)) == -1)
			return fail(e, "the image is truncated");
		if (rc == -2)
			return jpeg_damaged(e,
			    "a segment is too short");
		s = p + pos + 2;
		slen = seglen - 2;
		pos += seglen;
		if (jpeg_sof(code))
			break;
		/* The first APP0 JFIF: units, then X and Y density. */
		if (code == 0xe0 && !jfif && slen >= 12 &&
		    memcmp(s, "JFIF", 5) == 0) {
			jfif = 1;
			if (be16(s + 8) > 0 && be16(s + 10) > 0 &&
			    (s[7] == 1 || s[7] == 2)) {
				ii->dpi_x = be16(s + 8) * (s[7] == 2 ? 2.54 : 1);
				ii->dpi_y = be16(s + 10) * (s[7] == 2 ? 2.54 : 1);
			}
		}
	}
	sof = code;
	if (slen < 6 || (nc = s[5]) == 0 || slen < 6 + 3 * (size_t)nc)
		return jpeg_damaged(e, "its frame header is invalid");
	if (filled)
		return fail(e, "the JPEG has padding between its "
		    "header segments, which the PDF library cannot read: %s",
		    tr(e->lang, SAVE_JPEG));
	/*
	 * Baseline, extended and progressive Huffman JPEG draw correctly
	 * (progressive DCT is PDF 1.3, the version libharu writes).
	 * Arithmetic coding is not in the PDF specification; lossless and
	 * hierarchical JPEG are unknown to libharu.
	 */
	if (sof & 0x08)
		return fail(e, "the JPEG uses arithmetic coding, "
		    "which PDF readers cannot show: %s", tr(e->lang, SAVE_JPEG));
	if (sof != 0xc0 && sof != 0xc1 && sof != 0xc2)
		return fail(e, "the JPEG is lossless or "
		    "hierarchical, which the PDF cannot show: %s",
		    tr(e->lang, SAVE_JPEG));
	/* libharu declares BitsPerComponent 12; readers show nothing. */
	if (s[0] != 8)
		return fail(e, "the JPEG has %u bits per channel, "
		    "which the PDF cannot show: save it again as an ordinary "
		    "8-bit JPEG", s[0]);
	/*
	 * libharu always inverts four components (Decode [1 0 ...]): right
	 * for Photoshop's inverted CMYK, a negative for plain CMYK, and
	 * nothing in the file says which.
	 */
	if (nc == 4)
		return fail(e, "the JPEG uses CMYK colours (for "
		    "print), which the PDF would show wrongly: save it again "
		    "as an ordinary RGB JPEG");
	if (nc != 1 && nc != 3)
		return fail(e, "the JPEG has %u colour channels, "
		    "which the PDF cannot show: save it again as an ordinary "
		    "RGB or greyscale JPEG", nc);
	/* A height of 0 is given later by a DNL marker; libharu takes 0. */
	if (check_dims(be16(s + 3), be16(s + 1), e) == -1)
		return -1;
	ii->kind = IMAGE_JPEG;
	ii->width = be16(s + 3);
	ii->height = be16(s + 1);

	/* The remaining tables, up to the first scan. */
	for (;;) {
		if ((rc = jpeg_marker(p, len, &pos, &code, &filled)) == -1)
			return fail(e, "the image is truncated");
		if (rc == -2)
			return jpeg_damaged(e, "a marker is missing");
		if (jpeg_standalone(code) || jpeg_sof(code))
			return jpeg_damaged(e,
			    "a marker is misplaced");
		if ((rc = jpeg_seglen(p, len, pos, &seglen)) == -1)
			return fail(e, "the image is truncated");
		if (rc == -2)
			return jpeg_damaged(e,
			    "a segment is too short");
		pos += seglen;
		if (code == 0xda)
			break;
	}
	return jpeg_to_eoi(p, len, pos, e);
}

int
image_png_decode(const unsigned char *p, size_t len, image_row_fn row,
    void *arg, char *err, size_t errsz)
{
	return image_png_decode_in(NULL, p, len, row, arg, err, errsz);
}

int
image_png_decode_in(const struct lang *lang, const unsigned char *p,
    size_t len, image_row_fn row, void *arg, char *err, size_t errsz)
{
	struct ectx	 e;

	e.err = err;
	e.errsz = errsz;
	e.lang = lang;
	return png_decode(p, len, row, arg, &e);
}

int
image_inspect(const unsigned char *p, size_t len, struct image_info *info,
    char *err, size_t errsz)
{
	return image_inspect_in(NULL, p, len, info, err, errsz);
}

int
image_inspect_in(const struct lang *lang, const unsigned char *p,
    size_t len, struct image_info *info, char *err, size_t errsz)
{
	struct ectx	 ectx, *e = &ectx;
	struct image_info	 ii;
	size_t			 n;

	ectx.err = err;
	ectx.errsz = errsz;
	ectx.lang = lang;
	memset(&ii, 0, sizeof(ii));
	if (err != NULL && errsz > 0)
		err[0] = '\0';
	if (p == NULL || len == 0)
		return fail(e, "the image file is empty");
	if (len > IMAGE_MAX_BYTES)
		return fail(e, "the image file is %zu MB; at most "
		    "%d MB", (len + MB - 1) / MB, IMAGE_MAX_BYTES / MB);
	n = len < sizeof(pngsig) ? len : sizeof(pngsig);
	if (memcmp(p, pngsig, n) == 0) {
		if (png_inspect(p, len, &ii, e) == -1)
			return -1;
	} else if (p[0] == 0xff && (len == 1 || p[1] == 0xd8)) {
		if (len < 4)
			return fail(e, "the image is truncated");
		if (jpeg_inspect(p, len, &ii, e) == -1)
			return -1;
	} else
		return fail(e, "not a PNG or JPEG image");
	if (info != NULL)
		*info = ii;
	return 0;
}

/* 1 when the n bytes at s end in suffix, in any case of a-z. */
static int
ends_in(const char *s, size_t n, const char *suffix)
{
	size_t	 k = strlen(suffix), i;
	char	 c;

	if (n < k)
		return 0;
	for (i = 0; i < k; i++) {
		c = s[n - k + i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != suffix[i])
			return 0;
	}
	return 1;
}

enum image_kind
image_kind_of_name(const char *name)
{
	size_t	 n = strlen(name);

	if (ends_in(name, n, ".png"))
		return IMAGE_PNG;
	if (ends_in(name, n, ".jpg") || ends_in(name, n, ".jpeg"))
		return IMAGE_JPEG;
	return IMAGE__MAX;
}

/* The messages of image_name_problem say the bounds in words. */
_Static_assert(IMAGE_MAX_NAME == 200 && IMAGE_MAX_NAME_PART == 100,
    "image_name_problem's messages name the bounds: change them too");

const char *
image_name_problem(const char *name)
{
	const char	*p, *part;
	size_t		 n;

	for (p = name; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '\\' ||
		    *p == '?' || *p == '#' || *p == '%')
			return N_("the name may not contain \\, ?, # or % "
			    "(rename the file, for instance with letters, "
			    "digits and \"-\")");
	if (strlen(name) > IMAGE_MAX_NAME)
		return N_("the name with its folders is longer than 200 "
		    "bytes, the most allowed (letters such as æ, ø and å "
		    "count as two): shorten it");
	for (part = name; ; part = p + 1) {
		p = strchr(part, '/');
		n = p != NULL ? (size_t)(p - part) : strlen(part);
		/* "./foto.png" is fine; ".skjult.png" and ".." are not. */
		if (n == 0 || (part[0] == '.' && n != 1))
			return N_("no part of the name may be empty or begin "
			    "with \".\"");
		if (n > IMAGE_MAX_NAME_PART)
			return N_("a file or folder name in it is longer "
			    "than 100 bytes, the most allowed (letters such as "
			    "æ, ø and å count as two): shorten it");
		if (p == NULL)
			break;
		/* In any case: some file systems and servers ignore it. */
		if ((n == 10 && ends_in(part, n, "index.html")) ||
		    ends_in(part, n, ".pdf"))
			return N_("a folder of images may not be named "
			    "index.html or end in .pdf: the note's page and "
			    "PDF have those names");
	}
	if (image_kind_of_name(name) == IMAGE__MAX)
		return N_("the file name must end in .png, .jpg or .jpeg "
		    "(the web server shows a file by its name)");
	return NULL;
}
