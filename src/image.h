/*
 * image.h: what the typesetter must know of an image before the PDF
 * device loads it: its kind and size, and whether libharu can draw it
 * (libharu aborts the process on a damaged PNG, so a PNG's compressed
 * data is inflated here, with zlib, and checked).  No image library.
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
};

#define IMAGE_MAX_BYTES		(20 * 1024 * 1024)
#define IMAGE_MAX_PIXELS	(40u * 1000 * 1000)	/* width * height */

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

#endif
