/*
 * pdf_hpdf.h: the one door into libharu's internals.  libharu's public
 * API (hpdf.h) makes documents, pages, annotations, outlines and JPEG
 * images; the PDF device also needs what only its private structures
 * give: dictionaries and arrays of its own, streams with data it has
 * compressed itself, entries in the catalog and the trailer, and
 * dictionaries whose body it writes itself (the structure tree).  Those
 * are here, behind an API of our own, in pdf_hpdf.c, the only file that
 * includes libharu's private headers (hpdf_doc.h, hpdf_objects.h,
 * hpdf_pages.h, hpdf_streams.h), and which refuses to compile against
 * another libharu than 2.3.x, whose structures it knows.
 * tests/site/libharu-internals.sh checks that no other file touches
 * them.
 *
 * Objects are libharu's (HPDF_Dict, HPDF_Array, ...) as void pointers,
 * as its HPDF_SHARED mode hands them out.  Functions returning int give
 * 0, or -1 after libharu's error handler was called; those returning a
 * pointer give NULL then.
 */
#ifndef PDF_HPDF_H
#define PDF_HPDF_H

#include <stddef.h>

/* How a stream's data is stored. */
enum pdfh_enc {
	PDFH_DEFLATED,	/* compressed already: written as is, /FlateDecode */
	PDFH_RAW	/* stored uncompressed */
};

/*
 * A dictionary whose entries fn writes into out (with pdfh_write) when
 * the file is written, inside its "<< >>", after what it holds; the
 * hook lives as long as the document.
 */
struct pdfh_hook {
	int	(*fn)(void *arg, void *out);
	void	*arg;
};

void	*pdfh_dict(void *pdf);
void	*pdfh_indirect_dict(void *pdf);
void	*pdfh_array(void *pdf);
void	*pdfh_stream(void *pdf, const void *data, size_t len,
	    enum pdfh_enc);
/* Append already deflated content to a page's content stream. */
int	 pdfh_page_deflated(void *page, const void *data, size_t len);

int	 pdfh_put(void *d, const char *key, void *obj);
int	 pdfh_put_name(void *d, const char *key, const char *name);
int	 pdfh_put_int(void *d, const char *key, long n);
int	 pdfh_put_bool(void *d, const char *key, int b);
int	 pdfh_put_string(void *pdf, void *d, const char *key, const char *s);
int	 pdfh_put_binary(void *pdf, void *d, const char *key,
	    unsigned char *p, size_t len);
void	 pdfh_remove(void *d, const char *key);
void	*pdfh_get_dict(void *d, const char *key);

int	 pdfh_push(void *a, void *obj);
int	 pdfh_push_int(void *a, long n);
int	 pdfh_push_real(void *a, double r);
int	 pdfh_push_name(void *a, const char *name);
int	 pdfh_push_null(void *pdf, void *a);
int	 pdfh_push_binary(void *pdf, void *a, unsigned char *p,
	    size_t len);

/* An indirect object's number, for writing a reference to it. */
unsigned long pdfh_objnum(const void *obj);
void	 pdfh_set_hook(void *d, struct pdfh_hook *);
int	 pdfh_write(void *out, const char *s, size_t len);

/* The document's catalog, trailer and information dictionaries. */
void	*pdfh_catalog(void *pdf);
void	*pdfh_trailer(void *pdf);
/* (The last exists once HPDF_SetInfoAttr has made it.) */
void	*pdfh_info(void *pdf);
/* Say PDF 1.7 in the header (structure, /Tabs: 1.5 and later). */
void	 pdfh_set_pdf17(void *pdf);
/* A libharu error code that means a failed write (errno tells why). */
int	 pdfh_write_error(unsigned long code);

#endif
