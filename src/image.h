/*
 * image.h: what the typesetter must know of an image before the PDF
 * device loads it: its kind and size, and whether the PDF can draw it
 * (a PNG's compressed data is inflated here, with zlib, and checked,
 * then decoded with libpng as the PDF device will decode it); and the
 * names an image may have on the site.
 */
#ifndef IMAGE_H
#define IMAGE_H

#include <stddef.h>

enum image_kind {
	IMAGE_PNG,
	IMAGE_JPEG,
	IMAGE__MAX
};

struct image_info {
	enum image_kind	 kind;
	unsigned	 width;		/* pixels */
	unsigned	 height;
	double		 dpi_x;		/* from pHYs or JFIF; 0 when not given */
	double		 dpi_y;
	int		 png_color;	/* PNG: RGB or a palette, not grey */
	int		 png_alpha;	/* PNG: an alpha channel or tRNS */
};

#define IMAGE_MAX_BYTES		(20 * 1024 * 1024)
#define IMAGE_MAX_PIXELS	(40u * 1000 * 1000)	/* width * height */
/* Of all the images one note shows, each counted where it is shown. */
#define IMAGE_MAX_NOTE_PIXELS	(100u * 1000 * 1000)
/*
 * The longest image name (a path in the note's folder) and part of it,
 * in bytes: they become names in the output, whose folder's path is
 * longer than the content's, and a file name has at most 255 bytes.
 */
#define IMAGE_MAX_NAME		200
#define IMAGE_MAX_NAME_PART	100

/*
 * Inspect the len bytes of an image file.  Returns 0 and fills *info
 * when libharu 2.3.0 can draw it, else -1 with a message for an
 * administrator in err (errsz bytes): not a PNG or JPEG, truncated,
 * interlaced PNG, 16 bits per channel, transparency libharu mishandles,
 * CMYK, 12-bit, arithmetic or lossless JPEG (saying which, and "save it
 * again as an ordinary PNG or JPEG"), damaged PNG image data, zero or
 * too large dimensions, a file too large.  Baseline and progressive JPEG are drawn correctly.
 */
int	 image_inspect(const unsigned char *, size_t len,
	    struct image_info *info, char *err, size_t errsz);
/* The same, with the message in lang's language (i18n.h). */
struct lang;
int	 image_inspect_in(const struct lang *, const unsigned char *,
	    size_t len, struct image_info *info, char *err, size_t errsz);

/*
 * Called with each row of a decoded PNG, top to bottom: width pixels of
 * channels 8-bit samples each (1 grey, 2 grey and alpha, 3 RGB, 4 RGBA).
 * Returns 0, or -1 to stop the decoding.
 */
typedef int	(*image_row_fn)(void *arg, const unsigned char *row,
		    unsigned width, unsigned channels);

/*
 * Decode a PNG that image_inspect() accepts, with libpng, a row at a
 * time (the memory is a few rows, whatever the image's size): palettes
 * and transparent palette entries become RGB and alpha, fewer than 8
 * bits become 8.  Only the chunks that make the pixels are read; the
 * rest (gAMA, iCCP, cHRM, tIME, eXIf, hIST, text ...) are skipped
 * unread, so a flaw in one never stops the image.  image_inspect()
 * runs it too, with row NULL, so what it accepts decodes.  Returns 0,
 * or -1 with a message in err (also when row() stopped it).
 */
int	 image_png_decode(const unsigned char *, size_t len,
	    image_row_fn row, void *arg, char *err, size_t errsz);
int	 image_png_decode_in(const struct lang *, const unsigned char *,
	    size_t len, image_row_fn row, void *arg, char *err,
	    size_t errsz);

/*
 * The kind a file name's ending says: .png, or .jpg or .jpeg (in any
 * case), else IMAGE__MAX.
 */
enum image_kind image_kind_of_name(const char *name);

/*
 * Why name, a path relative to a note's folder, cannot be an image's
 * name on the site, or NULL when it can: it must end in .png, .jpg or
 * .jpeg; no part of it may be empty or begin with "." (hidden files,
 * ".."; a part that is just "." is fine); it may hold no control
 * character, "\\", "?", "#" or "%" (which a web address reads
 * otherwise); it is at most IMAGE_MAX_NAME bytes, each part at most
 * IMAGE_MAX_NAME_PART; and no folder in it may be named index.html or
 * end in .pdf, in any case (the build writes those into the note's
 * folder, and some file systems and web servers ignore case).
 */
const char	*image_name_problem(const char *name);

#endif
