/*
 * pdf_hpdf.c: every use of libharu's internals (see pdf_hpdf.h).
 *
 * What is used of them: the document's memory manager, cross-reference
 * table, catalog, information dictionary, trailer and header version
 * (struct _HPDF_Doc_Rec); a dictionary's filter, write hook and attr
 * and a stream dictionary's stream (struct _HPDF_Dict_Rec); a page's
 * content stream (struct _HPDF_PageAttr_Rec); an object's number
 * (HPDF_Obj_Header); and the object and stream functions of
 * hpdf_objects.h and hpdf_streams.h.  A libharu with other structures
 * would compile and write broken files: hence the guard.
 */
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <hpdf_version.h>

#if !defined(HPDF_MAJOR_VERSION) || !defined(HPDF_MINOR_VERSION) || \
    HPDF_MAJOR_VERSION != 2 || HPDF_MINOR_VERSION != 3
#error "statusnotat needs libharu 2.3.x: src/pdf_hpdf.c uses its private \
structures, which other versions change; check each use against this \
libharu before changing this guard"
#endif

#include "pdf_hpdf.h"

static int
ok(HPDF_STATUS rc)
{
	return rc == HPDF_OK ? 0 : -1;
}

void *
pdfh_dict(void *pdf)
{
	return HPDF_Dict_New(((HPDF_Doc)pdf)->mmgr);
}

void *
pdfh_indirect_dict(void *pdf)
{
	HPDF_Doc	 p = pdf;
	HPDF_Dict	 d = HPDF_Dict_New(p->mmgr);

	if (d != NULL && HPDF_Xref_Add(p->xref, d) != HPDF_OK)
		return NULL;
	return d;
}

void *
pdfh_array(void *pdf)
{
	return HPDF_Array_New(((HPDF_Doc)pdf)->mmgr);
}

/* libharu writes a stream's dictionary; this adds what it cannot know. */
static HPDF_STATUS
say_flate(HPDF_Dict d, HPDF_Stream s)
{
	(void)d;
	return HPDF_Stream_WriteStr(s, "/Filter /FlateDecode\012");
}

void *
pdfh_stream(void *pdf, const void *data, size_t len, enum pdfh_enc enc)
{
	HPDF_Doc	 p = pdf;
	HPDF_Dict	 s;

	if ((s = HPDF_DictStream_New(p->mmgr, p->xref)) == NULL)
		return NULL;
	s->filter = HPDF_STREAM_FILTER_NONE;
	if (enc == PDFH_DEFLATED)
		s->write_fn = say_flate;
	if (len > 0 && HPDF_Stream_Write(s->stream, data, (HPDF_UINT)len) !=
	    HPDF_OK)
		return NULL;
	return s;
}

int
pdfh_page_deflated(void *page, const void *data, size_t len)
{
	HPDF_PageAttr	 attr = (HPDF_PageAttr)((HPDF_Page)page)->attr;

	attr->contents->filter = HPDF_STREAM_FILTER_NONE;
	attr->contents->write_fn = say_flate;
	return ok(HPDF_Stream_Write(attr->stream, data, (HPDF_UINT)len));
}

int
pdfh_put(void *d, const char *key, void *obj)
{
	return ok(HPDF_Dict_Add(d, key, obj));
}

int
pdfh_put_name(void *d, const char *key, const char *name)
{
	return ok(HPDF_Dict_AddName(d, key, name));
}

int
pdfh_put_int(void *d, const char *key, long n)
{
	return ok(HPDF_Dict_AddNumber(d, key, (HPDF_INT32)n));
}

int
pdfh_put_bool(void *d, const char *key, int b)
{
	return ok(HPDF_Dict_AddBoolean(d, key, b ? HPDF_TRUE : HPDF_FALSE));
}

int
pdfh_put_string(void *pdf, void *d, const char *key, const char *s)
{
	return ok(HPDF_Dict_Add(d, key, HPDF_String_New(((HPDF_Doc)pdf)->mmgr,
	    s, NULL)));
}

int
pdfh_put_binary(void *pdf, void *d, const char *key,
    unsigned char *p, size_t len)
{
	HPDF_Binary	 b;

	b = HPDF_Binary_New(((HPDF_Doc)pdf)->mmgr, p,
	    (HPDF_UINT)len);
	return b == NULL ? -1 : ok(HPDF_Dict_Add(d, key, b));
}

void
pdfh_remove(void *d, const char *key)
{
	HPDF_Dict_RemoveElement(d, key);
}

void *
pdfh_get_dict(void *d, const char *key)
{
	return HPDF_Dict_GetItem(d, key, HPDF_OCLASS_DICT);
}

int
pdfh_push(void *a, void *obj)
{
	return ok(HPDF_Array_Add(a, obj));
}

int
pdfh_push_int(void *a, long n)
{
	return ok(HPDF_Array_AddNumber(a, (HPDF_INT32)n));
}

int
pdfh_push_real(void *a, double r)
{
	return ok(HPDF_Array_AddReal(a, (HPDF_REAL)r));
}

int
pdfh_push_name(void *a, const char *name)
{
	return ok(HPDF_Array_AddName(a, name));
}

int
pdfh_push_null(void *pdf, void *a)
{
	return ok(HPDF_Array_Add(a, HPDF_Null_New(((HPDF_Doc)pdf)->mmgr)));
}

int
pdfh_push_binary(void *pdf, void *a, unsigned char *p, size_t len)
{
	return ok(HPDF_Array_Add(a, HPDF_Binary_New(((HPDF_Doc)pdf)->mmgr,
	    p, (HPDF_UINT)len)));
}

unsigned long
pdfh_objnum(const void *obj)
{
	return ((const HPDF_Obj_Header *)obj)->obj_id & 0x00FFFFFF;
}

/* libharu calls this inside the dictionary's "<< >>". */
static HPDF_STATUS
run_hook(HPDF_Dict d, HPDF_Stream s)
{
	const struct pdfh_hook *h = d->attr;

	return h->fn(h->arg, s) == 0 ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
}

void
pdfh_set_hook(void *d, struct pdfh_hook *h)
{
	((HPDF_Dict)d)->attr = h;
	((HPDF_Dict)d)->write_fn = run_hook;
}

int
pdfh_write(void *out, const char *s, size_t len)
{
	return ok(HPDF_Stream_Write(out, (const HPDF_BYTE *)s,
	    (HPDF_UINT)len));
}

void *
pdfh_catalog(void *pdf)
{
	return ((HPDF_Doc)pdf)->catalog;
}

void *
pdfh_trailer(void *pdf)
{
	return ((HPDF_Doc)pdf)->trailer;
}

void *
pdfh_info(void *pdf)
{
	return ((HPDF_Doc)pdf)->info;
}

void
pdfh_set_pdf17(void *pdf)
{
	((HPDF_Doc)pdf)->pdf_version = HPDF_VER_17;
}

int
pdfh_write_error(unsigned long code)
{
	return code == HPDF_FILE_IO_ERROR || code == HPDF_FILE_OPEN_ERROR ||
	    code == HPDF_ZLIB_ERROR;
}
