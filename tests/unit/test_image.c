/*
 * test_image.c: unit tests for image.c.  PNG and JPEG files are built
 * in memory (PNG checksums and data by zlib), then inspected from a
 * block of exactly their length so the sanitizers catch a read past
 * len; every prefix and every one-byte change must be refused cleanly.
 * PNGs with damaged image data are also handed to libharu in a child
 * process, which libpng kills unless image_inspect refuses them first.
 */
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include <hpdf.h>
#define ZLIB_CONST		/* deflate() reads the const raw data */
#include <zlib.h>

#include "harness.h"
#include "image.h"

#define ERRSZ		512
#define TRUNC		"the image is truncated"
#define SAVE		"save it again as an ordinary PNG or JPEG"

/* Flags for png() and jpeg(). */
#define F_PHYS		0x01	/* pHYs, 3780 per metre */
#define F_TRNS		0x02	/* tRNS */
#define F_NOPLTE	0x04	/* palette type without PLTE */
#define F_INTERLACE	0x08
#define F_BADCRC	0x10	/* IHDR checksum off by one */
#define F_NOJFIF	0x20	/* no APP0 JFIF */
#define F_EXIF		0x40	/* an APP1 Exif segment first */
#define F_FILL		0x80	/* fill bytes before a header marker */

struct bytes {
	unsigned char	*p;
	size_t		 len;
	size_t		 cap;
};

static void
put(struct bytes *b, const void *data, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2;
		if ((b->p = realloc(b->p, b->cap)) == NULL)
			abort();
	}
	if (n > 0)
		memcpy(b->p + b->len, data, n);
	b->len += n;
}

static void
put8(struct bytes *b, unsigned v)
{
	unsigned char	 c = v & 0xff;

	put(b, &c, 1);
}

static void
put16(struct bytes *b, unsigned v)
{
	put8(b, v >> 8);
	put8(b, v);
}

static void
put32(struct bytes *b, uint32_t v)
{
	put16(b, v >> 16);
	put16(b, v & 0xffff);
}

static void
reset(struct bytes *b)
{
	b->len = 0;
}

/* A chunk with zlib's checksum, made wrong by bad. */
static void
chunk(struct bytes *b, const char *type, const void *data, size_t n,
    int bad)
{
	uLong	 c;

	put32(b, (uint32_t)n);
	put(b, type, 4);
	put(b, data, n);
	c = crc32(0, (const Bytef *)type, 4);
	if (n > 0)
		c = crc32(c, (const Bytef *)data, (uInt)n);
	put32(b, (uint32_t)c + (bad ? 1 : 0));
}

static void
png_ihdr(struct bytes *b, uint32_t w, uint32_t h, unsigned depth,
    unsigned ctype, unsigned flags)
{
	struct bytes	 d = { NULL, 0, 0 };
	static const unsigned char sig[8] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
	};

	put(b, sig, sizeof(sig));
	put32(&d, w);
	put32(&d, h);
	put8(&d, depth);
	put8(&d, ctype);
	put8(&d, 0);
	put8(&d, 0);
	put8(&d, flags & F_INTERLACE ? 1 : 0);
	chunk(b, "IHDR", d.p, d.len, flags & F_BADCRC);
	free(d.p);
}

/* Bytes in a row of image data: the filter byte and the pixels. */
static size_t
rowlen(uint32_t w, unsigned depth, unsigned ctype)
{
	static const unsigned channels[7] = { 1, 0, 3, 1, 2, 0, 4 };

	return 1 + ((size_t)w * channels[ctype] * depth + 7) / 8;
}

/*
 * Image data that libpng would decode: each row a filter byte and
 * zeros.  An image over the pixel limit gets a token IDAT, as image.c
 * refuses it before reading its data.
 */
static void
png_idat(struct bytes *b, uint32_t w, uint32_t h, unsigned depth,
    unsigned ctype)
{
	unsigned char	*raw, *z;
	size_t		 n;
	uLongf		 zn;

	if ((unsigned long long)w * h > IMAGE_MAX_PIXELS) {
		chunk(b, "IDAT", "x", 1, 0);
		return;
	}
	n = rowlen(w, depth, ctype) * h;
	zn = compressBound(n);
	if ((raw = calloc(1, n > 0 ? n : 1)) == NULL ||
	    (z = malloc(zn)) == NULL)
		abort();
	if (compress(z, &zn, raw, n) != Z_OK)
		abort();
	chunk(b, "IDAT", z, zn, 0);
	free(raw);
	free(z);
}

static void
png(struct bytes *b, uint32_t w, uint32_t h, unsigned depth, unsigned ctype,
    unsigned flags)
{
	struct bytes	 d = { NULL, 0, 0 };
	static const unsigned char pal[12] = {
		255, 0, 0, 0, 255, 0, 0, 0, 255, 128, 128, 128
	};
	static const unsigned char apal[2] = { 255, 0 };
	static const unsigned char grey[2] = { 0, 85 };
	static const unsigned char rgb[6] = { 0, 0, 0, 255, 0, 0 };

	reset(b);
	png_ihdr(b, w, h, depth, ctype, flags);
	if (flags & F_PHYS) {
		put32(&d, 3780);
		put32(&d, 3780);
		put8(&d, 1);
		chunk(b, "pHYs", d.p, d.len, 0);
		free(d.p);
	}
	if (ctype == 3 && !(flags & F_NOPLTE))
		chunk(b, "PLTE", pal, depth == 1 ? 6 : 12, 0);
	if (flags & F_TRNS) {
		if (ctype == 3)
			chunk(b, "tRNS", apal, sizeof(apal), 0);
		else if (ctype == 0)
			chunk(b, "tRNS", grey, sizeof(grey), 0);
		else
			chunk(b, "tRNS", rgb, sizeof(rgb), 0);
	}
	png_idat(b, w, h, depth, ctype);
	chunk(b, "IEND", NULL, 0, 0);
}

/*
 * A JPEG whose headers are real and whose entropy-coded data is not:
 * image.c reads no further than the markers.  Units 0, 1 or 2 go into
 * JFIF with densities dx and dy.
 */
static void
jpeg(struct bytes *b, unsigned sof, unsigned prec, unsigned nc, unsigned w,
    unsigned h, unsigned units, unsigned dx, unsigned dy, unsigned flags)
{
	static const unsigned char scan[8] = {
		0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0x78
	};
	unsigned	 i;

	reset(b);
	put16(b, 0xffd8);
	if (flags & F_EXIF) {
		put16(b, 0xffe1);
		put16(b, 2 + 14);
		put(b, "Exif\0\0MM\0\x2a\0\0\0\x08", 14);
	}
	if (!(flags & F_NOJFIF)) {
		put16(b, 0xffe0);
		put16(b, 16);
		put(b, "JFIF\0\x01\x02", 7);
		put8(b, units);
		put16(b, dx);
		put16(b, dy);
		put16(b, 0);
	}
	if (flags & F_FILL)
		put8(b, 0xff);
	put16(b, 0xffdb);		/* one quantisation table of ones */
	put16(b, 2 + 65);
	put8(b, 0);
	for (i = 0; i < 64; i++)
		put8(b, 1);
	put16(b, 0xff00 | sof);
	put16(b, 8 + 3 * nc);
	put8(b, prec);
	put16(b, h);
	put16(b, w);
	put8(b, nc);
	for (i = 0; i < nc; i++) {
		put8(b, i + 1);
		put8(b, 0x11);
		put8(b, 0);
	}
	put16(b, 0xffc4);		/* one DC table: one code, length 1 */
	put16(b, 2 + 1 + 16 + 1);
	put8(b, 0x00);
	put8(b, 1);
	for (i = 1; i < 16; i++)
		put8(b, 0);
	put8(b, 0);
	/* A progressive file gets a second scan after more tables. */
	for (i = 0; i < (sof == 0xc2 ? 2u : 1u); i++) {
		if (i > 0) {
			put16(b, 0xffc4);
			put16(b, 2 + 1 + 16 + 1);
			put8(b, 0x10);
			put8(b, 1);
			put(b, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 15);
			put8(b, 0);
		}
		put16(b, 0xffda);
		put16(b, 6 + 2);
		put8(b, 1);
		put8(b, 1);
		put8(b, 0x00);
		put8(b, 0);
		put8(b, 63);
		put8(b, 0);
		put(b, scan, sizeof(scan));
	}
	put16(b, 0xffd9);
}

/* A real 16 × 8 greyscale JPEG from libjpeg-turbo, 72 dpi. */
static const unsigned char tiny[] = {
	0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01,
	0x01, 0x01, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00, 0xff, 0xdb, 0x00, 0x43,
	0x00, 0x10, 0x0b, 0x0c, 0x0e, 0x0c, 0x0a, 0x10, 0x0e, 0x0d, 0x0e, 0x12,
	0x11, 0x10, 0x13, 0x18, 0x28, 0x1a, 0x18, 0x16, 0x16, 0x18, 0x31, 0x23,
	0x25, 0x1d, 0x28, 0x3a, 0x33, 0x3d, 0x3c, 0x39, 0x33, 0x38, 0x37, 0x40,
	0x48, 0x5c, 0x4e, 0x40, 0x44, 0x57, 0x45, 0x37, 0x38, 0x50, 0x6d, 0x51,
	0x57, 0x5f, 0x62, 0x67, 0x68, 0x67, 0x3e, 0x4d, 0x71, 0x79, 0x70, 0x64,
	0x78, 0x5c, 0x65, 0x67, 0x63, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x08,
	0x00, 0x10, 0x01, 0x01, 0x11, 0x00, 0xff, 0xc4, 0x00, 0x15, 0x00, 0x01,
	0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x07, 0x08, 0xff, 0xc4, 0x00, 0x14, 0x10, 0x01, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f,
	0x00, 0x3f, 0x50, 0x0f, 0xff, 0xd9
};

/* Inspect the first n bytes of p from a block of exactly n bytes. */
static int
inspect_n(const unsigned char *p, size_t n, struct image_info *ii, char *err)
{
	unsigned char	*q;
	int		 rc;

	if ((q = malloc(n > 0 ? n : 1)) == NULL)
		abort();
	if (n > 0)
		memcpy(q, p, n);
	err[0] = '\0';
	rc = image_inspect(q, n, ii, err, ERRSZ);
	free(q);
	return rc;
}

static int
inspect(const struct bytes *b, struct image_info *ii, char *err)
{
	return inspect_n(b->p, b->len, ii, err);
}

/* Refused, and with this message. */
static const char *
refusal(const struct bytes *b, char *err)
{
	struct image_info	 ii;

	if (inspect(b, &ii, err) == 0)
		return "(accepted)";
	return err;
}

/* Every proper prefix is refused as truncated (the empty one as empty). */
static int
prefixes_truncated(const unsigned char *p, size_t len)
{
	struct image_info	 ii;
	char			 err[ERRSZ];
	size_t			 n;

	if (inspect_n(p, 0, &ii, err) != -1 ||
	    strcmp(err, "the image file is empty") != 0)
		return 0;
	for (n = 1; n < len; n++)
		if (inspect_n(p, n, &ii, err) != -1 ||
		    strcmp(err, TRUNC) != 0) {
			fprintf(stderr, "prefix of %zu bytes: %s\n", n,
			    err[0] != '\0' ? err : "(accepted)");
			return 0;
		}
	return 1;
}

/*
 * Every byte replaced by a few values: no crash, no read past len, and
 * a refusal always says why.
 */
static int
mutants_clean(const unsigned char *p, size_t len)
{
	static const unsigned char vals[] = { 0x00, 0x01, 0x7f, 0x80, 0xff };
	struct image_info	 ii;
	unsigned char		*q;
	char			 err[ERRSZ];
	size_t			 i, k;
	int			 ok = 1;

	if ((q = malloc(len)) == NULL)
		abort();
	for (i = 0; i < len; i++)
		for (k = 0; k < sizeof(vals); k++) {
			memcpy(q, p, len);
			q[i] = vals[k];
			err[0] = '\0';
			if (image_inspect(q, len, &ii, err, ERRSZ) == -1 &&
			    err[0] == '\0')
				ok = 0;
		}
	free(q);
	return ok;
}

static int
near(double a, double b)
{
	return a - b < 0.01 && b - a < 0.01;
}

static void
test_png(void)
{
	struct bytes		 b = { NULL, 0, 0 };
	struct image_info	 ii;
	char			 err[ERRSZ];
	unsigned		 d;

	png(&b, 40, 30, 8, 2, F_PHYS);
	T_OK(inspect(&b, &ii, err) == 0, "RGB 8-bit PNG accepted");
	T_OK(ii.kind == IMAGE_PNG && ii.width == 40 && ii.height == 30,
	    "RGB PNG kind and size");
	T_OK(near(ii.dpi_x, 96.012) && near(ii.dpi_y, 96.012),
	    "pHYs 3780 per metre is 96 dpi");
	T_OK(prefixes_truncated(b.p, b.len), "every prefix of a PNG refused");
	T_OK(mutants_clean(b.p, b.len), "one-byte changes to a PNG");

	png(&b, 7, 5, 8, 0, 0);
	T_OK(inspect(&b, &ii, err) == 0 && ii.width == 7 && ii.height == 5,
	    "grey 8-bit PNG accepted");
	T_OK(ii.dpi_x == 0 && ii.dpi_y == 0, "no pHYs, no dpi");
	for (d = 1; d <= 4; d *= 2) {
		png(&b, 9, 3, d, 0, 0);
		T_OK(inspect(&b, &ii, err) == 0, "grey 1, 2, 4-bit PNG accepted");
	}
	png(&b, 10, 10, 8, 3, 0);
	T_OK(inspect(&b, &ii, err) == 0, "palette 8-bit PNG accepted");
	png(&b, 10, 10, 1, 3, 0);
	T_OK(inspect(&b, &ii, err) == 0, "palette 1-bit PNG accepted");
	png(&b, 10, 10, 8, 3, F_TRNS);
	T_OK(inspect(&b, &ii, err) == 0,
	    "8-bit palette with transparency accepted");
	T_OK(mutants_clean(b.p, b.len), "one-byte changes to a palette PNG");
	png(&b, 12, 4, 8, 6, 0);
	T_OK(inspect(&b, &ii, err) == 0 && ii.width == 12,
	    "RGBA 8-bit PNG accepted");
	png(&b, 12, 4, 8, 4, 0);
	T_OK(inspect(&b, &ii, err) == 0, "grey and alpha 8-bit PNG accepted");

	png(&b, 40, 30, 8, 2, F_INTERLACE);
	T_STREQ(refusal(&b, err), "the PNG is interlaced, which the PDF "
	    "cannot show: save it again as an ordinary (non-interlaced) PNG",
	    "interlaced PNG refused");
	png(&b, 8, 8, 16, 2, 0);
	T_STREQ(refusal(&b, err), "the PNG has 16 bits per channel, which "
	    "the PDF cannot show: save it again as an ordinary 8-bit PNG",
	    "16-bit RGB PNG refused");
	png(&b, 8, 8, 16, 6, 0);
	T_OK(inspect(&b, &ii, err) == -1 && strstr(err, "16 bits") != NULL,
	    "16-bit RGBA PNG refused");
	png(&b, 8, 8, 16, 0, 0);
	T_OK(inspect(&b, &ii, err) == -1 && strstr(err, "16 bits") != NULL,
	    "16-bit grey PNG refused");

	png(&b, 8, 8, 8, 2, F_TRNS);
	T_STREQ(refusal(&b, err), "the PNG makes one colour transparent, "
	    "which the PDF cannot show: save it again with an alpha channel "
	    "(RGBA) or without transparency",
	    "RGB PNG with tRNS refused (libharu segfaults)");
	png(&b, 8, 8, 8, 0, F_TRNS);
	T_OK(inspect(&b, &ii, err) == -1 && strstr(err, "transparent") != NULL,
	    "grey PNG with tRNS refused (libharu ignores it)");
	png(&b, 8, 8, 4, 3, F_TRNS);
	T_STREQ(refusal(&b, err), "the PNG has a transparent palette of 4 "
	    "bits per pixel, which the PDF cannot show: save it again as an "
	    "8-bit palette or with an alpha channel (RGBA)",
	    "4-bit palette with tRNS refused");

	png(&b, 8, 8, 8, 2, F_BADCRC);
	T_STREQ(refusal(&b, err), "the PNG is damaged (a checksum does not "
	    "match): " SAVE, "bad IHDR checksum refused");
	png(&b, 8, 8, 8, 2, 0);
	b.p[b.len - 12 - 5]++;		/* the last byte of IDAT's data */
	T_STREQ(refusal(&b, err), "the PNG is damaged (a checksum does not "
	    "match): " SAVE, "bad IDAT checksum refused");
	png(&b, 8, 8, 8, 3, F_NOPLTE);
	T_STREQ(refusal(&b, err), "the PNG is damaged (the palette is "
	    "missing): " SAVE, "palette PNG without PLTE refused");
	png(&b, 8, 8, 3, 0, 0);
	T_STREQ(refusal(&b, err), "the PNG is damaged (its header is "
	    "invalid): " SAVE, "bit depth 3 refused");
	png(&b, 8, 8, 4, 2, 0);
	T_OK(inspect(&b, &ii, err) == -1 && strstr(err, "header") != NULL,
	    "4-bit RGB refused");
	png(&b, 8, 8, 8, 5, 0);
	T_OK(inspect(&b, &ii, err) == -1 && strstr(err, "header") != NULL,
	    "colour type 5 refused");

	png(&b, 0, 4, 8, 2, 0);
	T_STREQ(refusal(&b, err), "the image is 0 × 4 pixels, which is "
	    "empty: " SAVE, "zero width refused");
	png(&b, 4, 0, 8, 2, 0);
	T_OK(inspect(&b, &ii, err) == -1 && strstr(err, "empty") != NULL,
	    "zero height refused");
	png(&b, 20000, 30000, 8, 2, 0);
	T_STREQ(refusal(&b, err), "the image is 20000 × 30000 pixels; at "
	    "most 40 megapixels", "600 megapixels refused");
	png(&b, 0xffffffffu, 0xffffffffu, 8, 2, 0);
	T_OK(inspect(&b, &ii, err) == -1 && strstr(err, "4294967295 × "
	    "4294967295") != NULL, "2^32-1 on a side refused");
	png(&b, 8000, 5000, 1, 0, 0);
	T_OK(inspect(&b, &ii, err) == 0 && ii.width == 8000,
	    "exactly 40 megapixels accepted");
	png(&b, 8000, 5001, 1, 0, 0);
	T_OK(inspect(&b, &ii, err) == -1 && strstr(err, "megapixels") != NULL,
	    "40 megapixels and a row refused");
	png(&b, 1, 1000000, 1, 0, 0);
	T_OK(inspect(&b, &ii, err) == 0, "a million pixels high accepted");
	png(&b, 1, 1000001, 1, 0, 0);
	T_STREQ(refusal(&b, err), "the image is 1 × 1000001 pixels; at most "
	    "1000000 pixels on a side", "past libpng's limit refused");
	free(b.p);
}

/* Chunk-level damage that libpng 1.6 aborts or fails on. */
static void
test_png_chunks(void)
{
	struct bytes		 b = { NULL, 0, 0 };
	struct image_info	 ii;
	char			 err[ERRSZ];
	static const unsigned char phys[9] = {
		0, 0, 0x0e, 0xc4, 0, 0, 0x0e, 0xc4, 1
	};
	static const unsigned char plte[6] = { 0, 0, 0, 255, 255, 255 };
	static const unsigned char idx5[1] = { 5 };
	static const unsigned char trns[3] = { 0, 0, 0 };
	static const unsigned char zeros[4] = { 0, 0, 0, 0 };

	reset(&b);
	png_ihdr(&b, 4, 4, 8, 2, 0);
	chunk(&b, "zzZz", "x", 1, 0);
	png_idat(&b, 4, 4, 8, 2);
	chunk(&b, "tEXt", "Comment\0hej", 11, 0);
	chunk(&b, "IEND", NULL, 0, 0);
	T_OK(inspect(&b, &ii, err) == 0,
	    "unknown ancillary chunk and text accepted");

	reset(&b);
	png_ihdr(&b, 4, 4, 8, 2, 0);
	chunk(&b, "ZZZZ", "x", 1, 0);
	png_idat(&b, 4, 4, 8, 2);
	chunk(&b, "IEND", NULL, 0, 0);
	T_STREQ(refusal(&b, err), "the PNG is damaged (it has an unknown "
	    "required part): " SAVE, "unknown critical chunk refused");

	reset(&b);
	png_ihdr(&b, 4, 4, 8, 2, 0);
	chunk(&b, "pHYs", phys, sizeof(phys), 0);
	chunk(&b, "pHYs", phys, sizeof(phys), 0);
	png_idat(&b, 4, 4, 8, 2);
	chunk(&b, "IEND", NULL, 0, 0);
	T_STREQ(refusal(&b, err), "the PNG is damaged (a part occurs "
	    "twice): " SAVE, "two pHYs refused");

	reset(&b);
	png_ihdr(&b, 4, 4, 8, 2, 0);
	chunk(&b, "sRGB", zeros, 1, 0);
	chunk(&b, "iCCP", "p\0\0x", 4, 0);
	png_idat(&b, 4, 4, 8, 2);
	chunk(&b, "IEND", NULL, 0, 0);
	T_OK(inspect(&b, &ii, err) == -1 && strstr(err, "order") != NULL,
	    "iCCP after sRGB refused");

	reset(&b);
	png_ihdr(&b, 4, 4, 8, 3, 0);
	chunk(&b, "bKGD", zeros, 1, 0);
	chunk(&b, "PLTE", plte, sizeof(plte), 0);
	png_idat(&b, 4, 4, 8, 3);
	chunk(&b, "IEND", NULL, 0, 0);
	T_OK(inspect(&b, &ii, err) == -1 && strstr(err, "order") != NULL,
	    "bKGD before PLTE refused");

	reset(&b);
	png_ihdr(&b, 4, 4, 8, 3, 0);
	chunk(&b, "PLTE", plte, sizeof(plte), 0);
	chunk(&b, "bKGD", idx5, 1, 0);
	png_idat(&b, 4, 4, 8, 3);
	chunk(&b, "IEND", NULL, 0, 0);
	T_OK(inspect(&b, &ii, err) == -1 && strstr(err, "background") != NULL,
	    "bKGD past the palette refused");

	reset(&b);
	png_ihdr(&b, 4, 4, 8, 3, 0);
	chunk(&b, "PLTE", plte, sizeof(plte), 0);
	chunk(&b, "tRNS", trns, sizeof(trns), 0);
	png_idat(&b, 4, 4, 8, 3);
	chunk(&b, "IEND", NULL, 0, 0);
	T_OK(inspect(&b, &ii, err) == -1 && strstr(err, "transparency") !=
	    NULL, "tRNS longer than the palette refused");

	reset(&b);
	png_ihdr(&b, 4, 4, 8, 0, 0);
	chunk(&b, "PLTE", plte, sizeof(plte), 0);
	png_idat(&b, 4, 4, 8, 0);
	chunk(&b, "IEND", NULL, 0, 0);
	T_OK(inspect(&b, &ii, err) == -1 && strstr(err, "palette") != NULL,
	    "PLTE in a grey PNG refused");

	reset(&b);
	png_ihdr(&b, 4, 4, 8, 2, 0);
	chunk(&b, "PLTE", plte, 5, 0);
	png_idat(&b, 4, 4, 8, 2);
	chunk(&b, "IEND", NULL, 0, 0);
	T_OK(inspect(&b, &ii, err) == -1 && strstr(err, "palette") != NULL,
	    "PLTE of 5 bytes refused");

	reset(&b);
	png_ihdr(&b, 4, 4, 8, 2, 0);
	png_idat(&b, 4, 4, 8, 2);
	chunk(&b, "tEXt", "a\0b", 3, 0);
	chunk(&b, "IDAT", "x", 1, 0);
	chunk(&b, "IEND", NULL, 0, 0);
	T_STREQ(refusal(&b, err), "the PNG is damaged (the image data is "
	    "split): " SAVE, "IDAT after another chunk refused");

	reset(&b);
	png_ihdr(&b, 4, 4, 8, 2, 0);
	png_idat(&b, 4, 4, 8, 2);
	chunk(&b, "pHYs", phys, sizeof(phys), 0);
	chunk(&b, "IEND", NULL, 0, 0);
	T_OK(inspect(&b, &ii, err) == 0 && ii.dpi_x == 0,
	    "pHYs after the image data accepted, unread");

	reset(&b);
	png_ihdr(&b, 4, 4, 8, 2, 0);
	chunk(&b, "IEND", NULL, 0, 0);
	T_STREQ(refusal(&b, err), "the PNG is damaged (it has no image "
	    "data): " SAVE, "no IDAT refused");

	reset(&b);
	png_ihdr(&b, 4, 4, 8, 2, 0);
	put32(&b, 0x80000000u);
	put(&b, "IDAT", 4);
	put32(&b, 0);
	put32(&b, 0);
	T_OK(inspect(&b, &ii, err) == -1 && strstr(err, "too long") != NULL,
	    "chunk length over 2^31 refused");

	reset(&b);
	png_ihdr(&b, 4, 4, 8, 2, 0);
	put32(&b, 0xfffffff0u);
	put(&b, "IDAT", 4);
	T_OK(inspect(&b, &ii, err) == -1, "chunk length near 2^32 refused");

	reset(&b);
	png_ihdr(&b, 4, 4, 8, 2, 0);
	chunk(&b, "I D ", "x", 1, 0);
	T_OK(inspect(&b, &ii, err) == -1 && strstr(err, "name") != NULL,
	    "chunk name with spaces refused");

	reset(&b);
	png_ihdr(&b, 4, 4, 8, 2, 0);
	b.p[11] = 12;		/* IHDR length */
	T_OK(inspect(&b, &ii, err) == -1 && strstr(err, "header") != NULL,
	    "IHDR of 12 bytes refused");
	free(b.p);
}

#define DAMAGED(why)	"the PNG's image data is damaged (" why "): save " \
			    "it again from the original"

/* A pseudo-random byte; the state is the caller's. */
static unsigned
rnd(uint32_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x & 0xff;
}

/*
 * The image data of a w × h image before compression: noise, under
 * each of the five filter types in turn.  Its length goes into *n; a
 * byte more is there to make it too long.
 */
static unsigned char *
raw_rows(uint32_t w, uint32_t h, unsigned depth, unsigned ctype, size_t *n)
{
	unsigned char	*raw;
	uint32_t	 x = 2463534242u;
	size_t		 row = rowlen(w, depth, ctype), i, y;

	*n = row * h;
	if ((raw = malloc(*n + 1)) == NULL)
		abort();
	for (y = 0; y < h; y++) {
		raw[y * row] = y % 5;
		for (i = 1; i < row; i++)
			raw[y * row + i] = rnd(&x);
	}
	raw[*n] = 0;
	return raw;
}

/* The n bytes at raw in a zlib stream of the given window; *zn long. */
static unsigned char *
deflated(const unsigned char *raw, size_t n, int wbits, size_t *zn)
{
	z_stream	 z;
	unsigned char	*out;

	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, wbits, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK)
		abort();
	*zn = deflateBound(&z, n);
	if ((out = malloc(*zn)) == NULL)
		abort();
	z.next_in = raw;
	z.avail_in = (uInt)n;
	z.next_out = out;
	z.avail_out = (uInt)*zn;
	if (deflate(&z, Z_FINISH) != Z_STREAM_END)
		abort();
	*zn = z.total_out;
	deflateEnd(&z);
	return out;
}

/*
 * A PNG with the zlib stream z as its image data, in IDAT chunks of at
 * most split bytes (0: one chunk), every checksum right.
 */
static void
png_z(struct bytes *b, uint32_t w, uint32_t h, unsigned depth,
    unsigned ctype, const unsigned char *z, size_t zn, size_t split)
{
	unsigned char	 pal[3 * 256];
	size_t		 i, k;

	reset(b);
	png_ihdr(b, w, h, depth, ctype, 0);
	if (ctype == 3) {
		for (i = 0; i < sizeof(pal); i++)
			pal[i] = i & 0xff;
		chunk(b, "PLTE", pal, 3 * ((size_t)1 << depth), 0);
	}
	if (split == 0)
		split = zn > 0 ? zn : 1;
	i = 0;
	do {
		k = zn - i < split ? zn - i : split;
		chunk(b, "IDAT", z + i, k, 0);
		i += k;
	} while (i < zn);
	chunk(b, "IEND", NULL, 0, 0);
}

/* A PNG of the n bytes of image data at raw, deflated. */
static void
png_raw(struct bytes *b, uint32_t w, uint32_t h, unsigned depth,
    unsigned ctype, const unsigned char *raw, size_t n)
{
	unsigned char	*z;
	size_t		 zn;

	z = deflated(raw, n, 15, &zn);
	png_z(b, w, h, depth, ctype, z, zn, 0);
	free(z);
}

static void
on_hpdf_error(HPDF_STATUS code, HPDF_STATUS detail, void *data)
{
	(void)detail;
	*(HPDF_STATUS *)data = code;
}

/* What the child of libharu_load() reports. */
enum haru {
	HARU_LOADED,
	HARU_FAILED,		/* an error from libharu, such as 0x1043 */
	HARU_REFUSED,		/* by image_inspect: never loaded */
	HARU_SILENT = -1000	/* exited without a word */
};

/*
 * Load the PNG with libharu, as the PDF device does, in a child process
 * (libpng may kill it), first asking image_inspect when gate is set.
 * Returns the child's report or, when a signal kills it first, minus
 * the signal.  The report comes through a pipe, not the exit status,
 * which valgrind takes over when it finds the child's inherited blocks
 * "lost".
 */
static int
libharu_load(const struct bytes *b, int gate)
{
	struct image_info	 ii;
	HPDF_STATUS		 code = 0;
	HPDF_Doc		 pdf;
	const char		*tmp;
	char			 path[256], err[ERRSZ];
	unsigned char		 report;
	pid_t			 pid;
	int			 fd, fds[2], st;
	ssize_t			 n;

	if ((tmp = getenv("TMPDIR")) == NULL || tmp[0] == '\0')
		tmp = "/tmp";
	snprintf(path, sizeof(path), "%s/test_image.XXXXXX", tmp);
	if ((fd = mkstemp(path)) == -1 ||
	    write(fd, b->p, b->len) != (ssize_t)b->len || close(fd) == -1 ||
	    pipe(fds) == -1)
		abort();
	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) == -1)
		abort();
	if (pid == 0) {
		close(fds[0]);
		if (gate && image_inspect(b->p, b->len, &ii, err, ERRSZ) == -1)
			report = HARU_REFUSED;
		else {
			/* Ungated, libpng says "libpng error" as it aborts. */
			if (!gate && (fd = open("/dev/null", O_WRONLY)) != -1)
				dup2(fd, STDERR_FILENO);
			if ((pdf = HPDF_New(on_hpdf_error, &code)) == NULL)
				_exit(1);
			report = HPDF_LoadPngImageFromFile(pdf, path) != NULL ?
			    HARU_LOADED : HARU_FAILED;
			HPDF_Free(pdf);
		}
		_exit(write(fds[1], &report, 1) == 1 ? 0 : 1);
	}
	close(fds[1]);
	while ((n = read(fds[0], &report, 1)) == -1 && errno == EINTR)
		;
	close(fds[0]);
	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR)
			abort();
	unlink(path);
	if (n == 1)
		return report;
	return WIFSIGNALED(st) ? -WTERMSIG(st) : HARU_SILENT;
}

/* Refused by image_inspect with want, and so never given to libharu. */
static int
refused_gated(const struct bytes *b, const char *want)
{
	char	 err[ERRSZ];

	if (strcmp(refusal(b, err), want) != 0) {
		fprintf(stderr, "  got:  \"%s\"\n  want: \"%s\"\n", err, want);
		return 0;
	}
	return libharu_load(b, 1) == HARU_REFUSED;
}

/*
 * The compressed image data, checksums right: libpng aborts on a zlib
 * error, on data that ends early and on a bad row filter; it fails on
 * data past the image.
 */
static void
test_png_data(void)
{
	struct bytes		 b = { NULL, 0, 0 };
	struct image_info	 ii;
	unsigned char		*raw, *z, *bad;
	char			 err[ERRSZ];
	size_t			 n, zn, row, k;
	int			 ok;

	raw = raw_rows(40, 30, 8, 2, &n);
	row = rowlen(40, 8, 2);
	z = deflated(raw, n, 15, &zn);
	png_z(&b, 40, 30, 8, 2, z, zn, 0);
	T_OK(inspect(&b, &ii, err) == 0 && ii.width == 40,
	    "RGB noise under all five filters accepted");
	T_OK(libharu_load(&b, 1) == HARU_LOADED, "and libharu loads it");
	png_z(&b, 40, 30, 8, 2, z, zn, 7);
	T_OK(inspect(&b, &ii, err) == 0, "image data in 7-byte IDATs accepted");
	png_z(&b, 40, 30, 8, 2, z, zn, 1);
	T_OK(inspect(&b, &ii, err) == 0 && libharu_load(&b, 1) == HARU_LOADED,
	    "image data in 1-byte IDATs accepted, and loaded");

	/* The stream cut short, anywhere, its chunk's checksum right. */
	png_z(&b, 40, 30, 8, 2, z, zn / 2, 0);
	T_STREQ(refusal(&b, err), DAMAGED("it is cut short"),
	    "zlib data cut in half refused");
	T_OK(libharu_load(&b, 1) == HARU_REFUSED,
	    "the crash is gone: libharu never sees data cut in half");
	T_OK(libharu_load(&b, 0) == -SIGABRT,
	    "the crash was real: ungated, libpng aborts libharu on it");
	png_z(&b, 40, 30, 8, 2, z, zn - 4, 0);
	T_OK(refused_gated(&b, DAMAGED("it is cut short")),
	    "zlib data without its checksum refused");
	for (ok = 1, k = 0; k < zn; k++) {
		png_z(&b, 40, 30, 8, 2, z, k, 0);
		if (strcmp(refusal(&b, err), DAMAGED("it is cut short")) != 0)
			ok = 0;
	}
	T_OK(ok, "every prefix of the zlib data refused as cut short");

	/* Corrupt deflate data. */
	if ((bad = malloc(zn)) == NULL)
		abort();
	memcpy(bad, z, zn);
	bad[2] |= 0x06;			/* block type 3, reserved */
	png_z(&b, 40, 30, 8, 2, bad, zn, 0);
	T_OK(refused_gated(&b, DAMAGED("it cannot be decompressed")),
	    "reserved deflate block type refused");
	T_OK(libharu_load(&b, 0) == -SIGABRT,
	    "ungated, libpng aborts libharu on it");
	memcpy(bad, z, zn);
	bad[zn / 2] ^= 0x5a;
	bad[zn / 2 + 1] ^= 0xa5;
	png_z(&b, 40, 30, 8, 2, bad, zn, 0);
	T_OK(inspect(&b, &ii, err) == -1 && strstr(err, "image data is "
	    "damaged") != NULL && libharu_load(&b, 1) == HARU_REFUSED,
	    "two bytes changed mid-stream refused");
	memcpy(bad, z, zn);
	bad[zn - 1] ^= 1;		/* the Adler-32 checksum */
	png_z(&b, 40, 30, 8, 2, bad, zn, 0);
	T_OK(refused_gated(&b, DAMAGED("it cannot be decompressed")),
	    "wrong zlib checksum refused (libpng aborts)");
	memcpy(bad, z, zn);
	bad[0] = 0x78;			/* a preset dictionary: FDICT */
	bad[1] = 0xbb;
	png_z(&b, 40, 30, 8, 2, bad, zn, 0);
	T_OK(refused_gated(&b, DAMAGED("it cannot be decompressed")),
	    "zlib preset dictionary refused");
	free(bad);
	free(z);

	/* Too little and too much. */
	png_raw(&b, 40, 30, 8, 2, raw, n - row);
	T_OK(refused_gated(&b, DAMAGED("it ends before the last row")),
	    "a row too few refused");
	T_OK(libharu_load(&b, 0) == -SIGABRT,
	    "ungated, libpng aborts libharu on it");
	png_raw(&b, 40, 30, 8, 2, raw, n - 1);
	T_OK(refused_gated(&b, DAMAGED("it ends before the last row")),
	    "a byte too few refused");
	png_raw(&b, 40, 30, 8, 2, raw, n + 1);
	T_OK(refused_gated(&b, DAMAGED("it is longer than the image")),
	    "a byte too many refused");
	T_OK(libharu_load(&b, 0) == HARU_FAILED,
	    "ungated, libharu fails to load it (0x1043)");
	free(raw);
	raw = raw_rows(40, 31, 8, 2, &n);
	png_raw(&b, 40, 30, 8, 2, raw, n);
	T_OK(refused_gated(&b, DAMAGED("it is longer than the image")),
	    "a row too many refused");
	z = deflated(raw, n - row, 15, &zn);
	if ((z = realloc(z, zn + 2)) == NULL)
		abort();
	z[zn] = z[zn + 1] = 0;
	png_z(&b, 40, 30, 8, 2, z, zn + 2, 0);
	T_OK(refused_gated(&b, DAMAGED("more data follows its end")),
	    "bytes after the zlib stream's end refused");
	T_OK(libharu_load(&b, 0) == HARU_FAILED,
	    "ungated, libharu fails to load it (0x1043)");
	png_z(&b, 40, 30, 8, 2, z, zn + 2, zn);
	T_OK(refused_gated(&b, DAMAGED("more data follows its end")),
	    "an IDAT after the zlib stream's end refused");
	reset(&b);
	png_ihdr(&b, 40, 30, 8, 2, 0);
	chunk(&b, "IDAT", NULL, 0, 0);
	chunk(&b, "IDAT", z, zn, 0);
	chunk(&b, "IDAT", NULL, 0, 0);
	chunk(&b, "IEND", NULL, 0, 0);
	T_OK(inspect(&b, &ii, err) == 0 && libharu_load(&b, 1) == HARU_LOADED,
	    "empty IDATs before and after the data accepted, and loaded");
	free(z);

	/* A row's filter type past 4. */
	raw[7 * row] = 5;
	png_raw(&b, 40, 30, 8, 2, raw, n - row);
	T_OK(refused_gated(&b, DAMAGED("a row has an unknown filter")),
	    "filter type 5 in the eighth row refused");
	T_OK(libharu_load(&b, 0) == -SIGABRT,
	    "ungated, libpng aborts libharu on it");
	raw[7 * row] = 4;
	raw[0] = 0xff;
	png_raw(&b, 40, 30, 8, 2, raw, n - row);
	T_STREQ(refusal(&b, err), DAMAGED("a row has an unknown filter"),
	    "filter type 255 in the first row refused");
	raw[0] = 4;
	raw[29 * row] = 5;
	png_raw(&b, 40, 30, 8, 2, raw, n - row);
	T_STREQ(refusal(&b, err), DAMAGED("a row has an unknown filter"),
	    "filter type 5 in the last row refused");
	raw[29 * row] = 4;
	raw[29 * row + 1] = 5;
	png_raw(&b, 40, 30, 8, 2, raw, n - row);
	T_OK(inspect(&b, &ii, err) == 0, "a pixel byte of 5 is no filter");
	free(raw);
	free(b.p);
}

/* Each layout of pixels has its own row length. */
static void
test_png_data_kinds(void)
{
	static const struct {
		uint32_t	 w, h;
		unsigned	 depth, ctype;
		const char	*what;
	} k[] = {
		{ 13, 5, 1, 0, "grey 1-bit, 13 wide (2 bytes a row)" },
		{ 7, 3, 2, 0, "grey 2-bit, 7 wide" },
		{ 9, 4, 4, 3, "palette 4-bit, 9 wide" },
		{ 5, 6, 8, 4, "grey and alpha" },
		{ 6, 5, 8, 6, "RGBA" },
		{ 1, 1, 1, 0, "a single 1-bit pixel" }
	};
	struct bytes		 b = { NULL, 0, 0 };
	struct image_info	 ii;
	unsigned char		*raw;
	char			 err[ERRSZ], what[128];
	size_t			 i, n;

	for (i = 0; i < sizeof(k) / sizeof(k[0]); i++) {
		raw = raw_rows(k[i].w, k[i].h, k[i].depth, k[i].ctype, &n);
		png_raw(&b, k[i].w, k[i].h, k[i].depth, k[i].ctype, raw, n);
		snprintf(what, sizeof(what), "%s: accepted, loaded",
		    k[i].what);
		T_OK(inspect(&b, &ii, err) == 0 &&
		    libharu_load(&b, 1) == HARU_LOADED, what);
		png_raw(&b, k[i].w, k[i].h, k[i].depth, k[i].ctype, raw,
		    n - 1);
		snprintf(what, sizeof(what), "%s: a byte short refused",
		    k[i].what);
		T_OK(inspect(&b, &ii, err) == -1 &&
		    strstr(err, "before the last row") != NULL, what);
		png_raw(&b, k[i].w, k[i].h, k[i].depth, k[i].ctype, raw,
		    n + 1);
		snprintf(what, sizeof(what), "%s: a byte over refused",
		    k[i].what);
		T_OK(inspect(&b, &ii, err) == -1 &&
		    strstr(err, "longer than") != NULL, what);
		free(raw);
	}
	free(b.p);
}

/*
 * libpng inflates with the window the zlib header gives, so a distance
 * past it is an error, which libpng checks only some of the time: it
 * must never get through.
 */
static void
test_png_window(void)
{
	struct bytes		 b = { NULL, 0, 0 };
	struct image_info	 ii;
	unsigned char		*raw, *z;
	char			 err[ERRSZ];
	size_t			 n, zn, row, y;

	/* Every row the same noise: each repeats the last, 3001 back. */
	raw = raw_rows(1000, 20, 8, 2, &n);
	row = rowlen(1000, 8, 2);
	for (y = 0; y < 20; y++)
		memcpy(raw + y * row, raw, row);
	z = deflated(raw, n, 9, &zn);
	png_z(&b, 1000, 20, 8, 2, z, zn, 0);
	T_OK(inspect(&b, &ii, err) == 0 && libharu_load(&b, 1) == HARU_LOADED,
	    "zlib data with a 512-byte window accepted");
	free(z);

	z = deflated(raw, n, 15, &zn);
	png_z(&b, 1000, 20, 8, 2, z, zn, 0);
	T_OK(inspect(&b, &ii, err) == 0 && zn < n / 4,
	    "rows repeated 3001 bytes back accepted");
	z[0] = 0x28;			/* a window of 1024 bytes */
	z[1] = (unsigned char)(31 - (0x28 * 256) % 31);
	png_z(&b, 1000, 20, 8, 2, z, zn, 0);
	T_OK(refused_gated(&b, DAMAGED("it cannot be decompressed")),
	    "distance past the header's window refused");
	T_OK(libharu_load(&b, 0) == -SIGABRT,
	    "ungated, libpng aborts libharu on it");
	free(z);
	free(raw);
	free(b.p);
}

/*
 * Every byte of the zlib data replaced by a few values, checksums
 * right: whatever image_inspect accepts, libharu loads.
 */
static int
z_mutants_load(uint32_t w, uint32_t h, unsigned depth, unsigned ctype,
    const unsigned char *raw, size_t n)
{
	static const unsigned char vals[] = { 0x00, 0x01, 0x7f, 0x80, 0xff };
	struct bytes		 b = { NULL, 0, 0 };
	struct image_info	 ii;
	unsigned char		*z, *q;
	char			 err[ERRSZ];
	size_t			 zn, i, k;
	int			 ok = 1;

	z = deflated(raw, n, 15, &zn);
	if ((q = malloc(zn)) == NULL)
		abort();
	for (i = 0; i < zn; i++)
		for (k = 0; k < sizeof(vals); k++) {
			if (z[i] == vals[k])
				continue;
			memcpy(q, z, zn);
			q[i] = vals[k];
			png_z(&b, w, h, depth, ctype, q, zn, 0);
			if (inspect(&b, &ii, err) == -1) {
				if (err[0] == '\0')
					ok = 0;
				continue;
			}
			if (libharu_load(&b, 1) != HARU_LOADED) {
				fprintf(stderr, "byte %zu = %u: libharu "
				    "fails\n", i, vals[k]);
				ok = 0;
			}
		}
	free(q);
	free(z);
	free(b.p);
	return ok;
}

static void
test_png_data_mutants(void)
{
	unsigned char	*raw;
	size_t		 n, y, x, row;

	raw = raw_rows(16, 8, 8, 6, &n);
	T_OK(z_mutants_load(16, 8, 8, 6, raw, n),
	    "one-byte changes to noisy zlib data");
	free(raw);

	/* A smooth grey ramp, so that the data has matches. */
	raw = raw_rows(64, 16, 8, 0, &n);
	row = rowlen(64, 8, 0);
	for (y = 0; y < 16; y++)
		for (x = 1; x < row; x++)
			raw[y * row + x] = (unsigned char)(x / 4 + y);
	T_OK(z_mutants_load(64, 16, 8, 0, raw, n),
	    "one-byte changes to compressible zlib data");
	free(raw);
}

static void
test_jpeg(void)
{
	struct bytes		 b = { NULL, 0, 0 };
	struct image_info	 ii;
	char			 err[ERRSZ];

	jpeg(&b, 0xc0, 8, 3, 640, 480, 1, 300, 150, 0);
	T_OK(inspect(&b, &ii, err) == 0, "baseline JPEG accepted");
	T_OK(ii.kind == IMAGE_JPEG && ii.width == 640 && ii.height == 480,
	    "baseline JPEG kind and size");
	T_OK(ii.dpi_x == 300 && ii.dpi_y == 150, "JFIF density in dpi");
	T_OK(prefixes_truncated(b.p, b.len), "every prefix of a JPEG refused");
	T_OK(mutants_clean(b.p, b.len), "one-byte changes to a JPEG");

	jpeg(&b, 0xc0, 8, 1, 10, 10, 2, 118, 118, 0);
	T_OK(inspect(&b, &ii, err) == 0 && near(ii.dpi_x, 299.72),
	    "JFIF density in dots per centimetre");
	jpeg(&b, 0xc0, 8, 1, 10, 10, 0, 1, 1, 0);
	T_OK(inspect(&b, &ii, err) == 0 && ii.dpi_x == 0,
	    "JFIF aspect ratio only: no dpi");
	jpeg(&b, 0xc0, 8, 3, 10, 10, 1, 300, 300, F_NOJFIF | F_EXIF);
	T_OK(inspect(&b, &ii, err) == 0 && ii.dpi_x == 0,
	    "Exif JPEG without JFIF accepted, no dpi");
	jpeg(&b, 0xc0, 8, 3, 10, 10, 1, 200, 200, F_EXIF);
	T_OK(inspect(&b, &ii, err) == 0 && ii.dpi_x == 200,
	    "JFIF after Exif read");
	jpeg(&b, 0xc1, 8, 3, 10, 10, 1, 72, 72, 0);
	T_OK(inspect(&b, &ii, err) == 0, "extended sequential SOF1 accepted");

	jpeg(&b, 0xc2, 8, 3, 800, 600, 1, 72, 72, 0);
	T_OK(inspect(&b, &ii, err) == 0 && ii.width == 800,
	    "progressive SOF2 accepted (PDF 1.3 has it; poppler draws it)");
	T_OK(prefixes_truncated(b.p, b.len),
	    "every prefix of a progressive JPEG refused");

	jpeg(&b, 0xc0, 8, 4, 10, 10, 1, 72, 72, 0);
	T_STREQ(refusal(&b, err), "the JPEG uses CMYK colours (for print), "
	    "which the PDF would show wrongly: save it again as an ordinary "
	    "RGB JPEG", "CMYK JPEG refused");
	jpeg(&b, 0xc2, 8, 4, 10, 10, 1, 72, 72, 0);
	T_OK(inspect(&b, &ii, err) == -1 && strstr(err, "CMYK") != NULL,
	    "progressive CMYK JPEG refused");
	jpeg(&b, 0xc1, 12, 3, 10, 10, 1, 72, 72, 0);
	T_STREQ(refusal(&b, err), "the JPEG has 12 bits per channel, which "
	    "the PDF cannot show: save it again as an ordinary 8-bit JPEG",
	    "12-bit JPEG refused");
	jpeg(&b, 0xc9, 8, 3, 10, 10, 1, 72, 72, 0);
	T_STREQ(refusal(&b, err), "the JPEG uses arithmetic coding, which "
	    "PDF readers cannot show: save it again as an ordinary JPEG",
	    "arithmetic-coded JPEG refused");
	jpeg(&b, 0xc3, 8, 3, 10, 10, 1, 72, 72, 0);
	T_STREQ(refusal(&b, err), "the JPEG is lossless or hierarchical, "
	    "which the PDF cannot show: save it again as an ordinary JPEG",
	    "lossless JPEG refused");
	jpeg(&b, 0xc0, 8, 2, 10, 10, 1, 72, 72, 0);
	T_OK(inspect(&b, &ii, err) == -1 && strstr(err, "2 colour") != NULL,
	    "two-component JPEG refused");
	jpeg(&b, 0xc0, 8, 3, 10, 0, 1, 72, 72, 0);
	T_OK(inspect(&b, &ii, err) == -1 && strstr(err, "10 × 0") != NULL,
	    "JPEG of height 0 (DNL) refused");
	jpeg(&b, 0xc0, 8, 3, 65535, 65535, 1, 72, 72, 0);
	T_STREQ(refusal(&b, err), "the image is 65535 × 65535 pixels; at "
	    "most 40 megapixels", "huge JPEG refused");

	jpeg(&b, 0xc0, 8, 3, 10, 10, 1, 72, 72, F_FILL);
	T_STREQ(refusal(&b, err), "the JPEG has padding between its header "
	    "segments, which the PDF library cannot read: save it again as "
	    "an ordinary JPEG", "fill bytes before SOF refused");
	T_OK(mutants_clean(b.p, b.len), "one-byte changes to a padded JPEG");

	jpeg(&b, 0xc0, 8, 3, 10, 10, 1, 72, 72, 0);
	put(&b, "trailing", 8);
	T_OK(inspect(&b, &ii, err) == 0, "data after EOI accepted");

	jpeg(&b, 0xc0, 8, 3, 10, 10, 1, 72, 72, 0);
	b.p[20] = 0x12;		/* the 0xff of DQT */
	T_STREQ(refusal(&b, err), "the JPEG is damaged (a marker is "
	    "missing): save it again as an ordinary JPEG",
	    "lost marker refused");
	jpeg(&b, 0xc0, 8, 3, 10, 10, 1, 72, 72, 0);
	b.p[22] = 0;		/* DQT length 0x0043 becomes 1 */
	b.p[23] = 1;
	T_OK(inspect(&b, &ii, err) == -1 && strstr(err, "too short") != NULL,
	    "segment length under 2 refused");
	jpeg(&b, 0xc0, 8, 3, 10, 10, 1, 72, 72, 0);
	b.p[21] = 0xd9;		/* EOI where DQT was */
	T_OK(inspect(&b, &ii, err) == -1 && strstr(err, "misplaced") != NULL,
	    "EOI before SOF refused");

	T_OK(inspect_n(tiny, sizeof(tiny), &ii, err) == 0 &&
	    ii.width == 16 && ii.height == 8 && ii.dpi_x == 72,
	    "a JPEG from libjpeg-turbo accepted");
	T_OK(prefixes_truncated(tiny, sizeof(tiny)),
	    "every prefix of the libjpeg-turbo JPEG refused");
	T_OK(mutants_clean(tiny, sizeof(tiny)),
	    "one-byte changes to the libjpeg-turbo JPEG");
	free(b.p);
}

static void
test_other(void)
{
	struct image_info	 ii;
	unsigned char		*big;
	char			 err[ERRSZ], small[24];
	struct bytes		 b = { NULL, 0, 0 };

	T_STREQ(inspect_n((const unsigned char *)"GIF89a\1\0\1\0", 10, &ii,
	    err) == -1 ? err : "", "not a PNG or JPEG image", "GIF refused");
	T_STREQ(inspect_n((const unsigned char *)"\xff\xd9", 2, &ii,
	    err) == -1 ? err : "", "not a PNG or JPEG image",
	    "0xff then not SOI refused");
	T_STREQ(inspect_n((const unsigned char *)"", 0, &ii, err) == -1 ?
	    err : "", "the image file is empty", "empty file refused");
	T_OK(image_inspect(NULL, 0, &ii, NULL, 0) == -1,
	    "NULL and no room for a message");

	if ((big = calloc(1, IMAGE_MAX_BYTES + 1)) == NULL)
		abort();
	memcpy(big, "\x89PNG\r\n\x1a\n", 8);
	T_OK(image_inspect(big, IMAGE_MAX_BYTES + 1, &ii, err, ERRSZ) == -1 &&
	    strcmp(err, "the image file is 21 MB; at most 20 MB") == 0,
	    "a file over 20 MB refused");
	free(big);

	/* "the image is 0 × 4": 17 bytes would end inside "×". */
	png(&b, 0, 4, 8, 2, 0);
	T_OK(image_inspect(b.p, b.len, &ii, small, 17) == -1 &&
	    strcmp(small, "the image is 0 ") == 0,
	    "a short buffer drops a cut \"×\"");
	T_OK(image_inspect(b.p, b.len, &ii, small, 18) == -1 &&
	    strcmp(small, "the image is 0 ×") == 0,
	    "a short buffer keeps a whole \"×\"");
	T_OK(image_inspect(b.p, b.len, &ii, small, 1) == -1 && small[0] == '\0',
	    "a one-byte buffer gets an empty message");
	free(b.p);
}

int
main(void)
{
	t_begin("image");
	test_png();
	test_png_chunks();
	test_png_data();
	test_png_data_kinds();
	test_png_window();
	test_png_data_mutants();
	test_jpeg();
	test_other();
	return t_done();
}
