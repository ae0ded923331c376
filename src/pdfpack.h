/*
 * pdfpack.h: the PDF as libharu wrote it, rewritten smaller.  libharu
 * writes every object on its own, uncompressed unless it is a stream,
 * with a cross-reference table; the structure tree of a tagged note is
 * then half the file.  pdf_pack puts every object that is not a stream
 * (structure elements, annotations, dictionaries) into compressed
 * object streams with a cross-reference stream (PDF 1.5, allowed in
 * PDF/A-2).  Streams are copied byte for byte.  The same input gives
 * the same bytes.  It reads libharu's own output only, strictly, and
 * refuses anything else rather than write a damaged file.
 * It uses libdeflate and nothing of libharu; pdf.c calls it.
 */
#ifndef PDFPACK_H
#define PDFPACK_H

#include <stddef.h>

struct arena;
struct buf;
struct diag;

/*
 * Pack the PDF in[0..len) into out (a buf of the arena).  Returns 0, or
 * -1 with *why saying what in the input was not as libharu writes it.
 */
int	 pdf_pack(struct arena *, const unsigned char *in, size_t len,
	    struct buf *out, const char **why);
/*
 * Pack in[0..len) and write it to path (shown in messages).  Returns
 * 0, or -1 after a diagnostic: an internal error when packing failed,
 * a write error otherwise.
 */
int	 pdf_pack_write(struct arena *, struct diag *,
	    const unsigned char *in, size_t len, const char *path,
	    const char *shown);

#endif
