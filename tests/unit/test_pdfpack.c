/*
 * test_pdfpack.c: pdfpack.c on small files written as libharu writes
 * them: the objects that are not streams go into an object stream whose
 * text is theirs byte for byte, streams are copied as they were, the
 * cross-reference stream finds every object, the same input gives the
 * same bytes, a trailer without /ID (no PDF/A) gets none, and what
 * libharu would not write (a cut file, an offset
 * or a /Length that is wrong, an /Encrypt, PDF 1.4, a string that does
 * not end) is refused with a reason, never packed.
 */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "arena.h"
#include "buf.h"
#include "pdfpack.h"

#include "harness.h"

/* Object 3's string holds what a careless reader takes for syntax. */
static const char *const objs[] = {
	"<<\n/Type /Catalog\n/Pages 2 0 R\n>>",
	"<<\n/Type /Pages\n/Kids [ ]\n/Count 0\n>>",
	"<<\n/Title (a \\) b (c) endobj stream >>)\n/Author <FEFF0041>\n>>",
	NULL,	/* the stream, below */
	"26",	/* the stream's length */
};
static const char stream_data[] = "x endobj\nendstream >> (\r\n\xff";

/* The file as libharu writes it, with trailer entries extra. */
static void
mkpdf(struct buf *b, const char *version, const char *extra, int shift)
{
	size_t	 off[6], i, xref;

	buf_truncate(b, 0);
	buf_printf(b, "%%PDF-%s\n%%\xb7\xbe\xad\xaa\n", version);
	for (i = 1; i <= 5; i++) {
		off[i] = b->len;
		buf_printf(b, "%zu 0 obj\n", i);
		if (i == 4) {
			buf_puts(b, "<<\n/Length 5 0 R\n/Filter [ /FlateDecode ]"
			    "\n>>\nstream\r\n");
			buf_put(b, stream_data, sizeof(stream_data) - 1);
			buf_puts(b, "\nendstream");
		} else
			buf_puts(b, objs[i - 1]);
		buf_puts(b, "\nendobj\n");
	}
	xref = b->len;
	buf_puts(b, "xref\n0 6\n0000000000 65535 f\r\n");
	for (i = 1; i <= 5; i++)
		buf_printf(b, "%010zu 00000 n\r\n", off[i] + (i == 2 ?
		    (size_t)shift : 0));
	buf_printf(b, "trailer\n<<\n/Root 1 0 R\n/Info 3 0 R\n/Size 6\n"
	    "/ID [ <00112233445566778899AABBCCDDEEFF> "
	    "<00112233445566778899AABBCCDDEEFF> ]\n%s>>\nstartxref\n%zu\n"
	    "%%%%EOF\n", extra, xref);
}

/* needle in b from off on: binary data may hold a NUL. */
static const char *
find(const struct buf *b, size_t off, const char *needle)
{
	size_t	 n = strlen(needle);

	for (; off + n <= b->len; off++)
		if (memcmp(b->data + off, needle, n) == 0)
			return b->data + off;
	return NULL;
}

static int
pack(struct arena *a, const struct buf *in, struct buf *out,
    const char **why)
{
	buf_init(out, a);
	return pdf_pack(a, (const unsigned char *)in->data, in->len, out,
	    why);
}

/* The stream of the object at off, inflated, into out (max n bytes). */
static size_t
inflated(const struct buf *pdf, size_t off, unsigned char *out, size_t n)
{
	const char	*s = find(pdf, off, "stream\n");
	const char	*l = find(pdf, off, "/Length ");
	uLongf		 got = n;

	if (s == NULL || l == NULL ||
	    uncompress(out, &got, (const Bytef *)s + 7,
	    strtoul(l + 8, NULL, 10)) != Z_OK)
		return 0;
	return got;
}

static void
t_pack(struct arena *a)
{
	struct buf	 in, out, again;
	unsigned char	 z[4096], row[8], prev[8] = { 0 };
	const char	*why, *p, *sx;
	size_t		 n, cols, i, k, xoff, soff = 0, off4 = 0, idx[6];
	int		 type[6], ok;

	buf_init(&in, a);
	mkpdf(&in, "1.7", "", 0);
	if (pack(a, &in, &out, &why) != 0)
		fprintf(stderr, "pdf_pack: %s\n", why);
	T_OK(out.len > 0, "a file as libharu writes it "
	    "is packed");
	if (out.len == 0)
		return;
	T_OK(memcmp(out.data, in.data, 15) == 0, "the header and its binary "
	    "comment are kept");
	p = find(&out, 0, "4 0 obj\n<<\n/Length 5 0 R");
	if (p != NULL)
		p = strstr(p, "stream\r\n");
	T_OK(p != NULL && memcmp(p + 8, stream_data,
	    sizeof(stream_data) - 1) == 0 && memcmp(p + 8 +
	    sizeof(stream_data) - 1, "\nendstream\nendobj\n", 18) == 0,
	    "the stream is copied whole, an end of line before endstream");
	p = find(&out, 0, "/Type /ObjStm\n/N 4\n");
	T_OK(p != NULL, "the four other objects are in one object stream");
	if (p != NULL) {
		soff = (size_t)(find(&out, 0, "6 0 obj") - out.data);
		n = inflated(&out, soff, z, sizeof(z) - 1);
		z[n] = '\0';
		T_OK(n > 0 && strncmp((char *)z, "1 0 2 ", 6) == 0,
		    "the object stream starts with its objects' numbers");
		T_OK(strstr((char *)z, objs[2]) != NULL &&
		    strstr((char *)z, objs[0]) != NULL &&
		    strstr((char *)z, "\n26\n") != NULL,
		    "the objects' text is in it as it was");
	}
	/* startxref leads to the cross-reference stream, object 7. */
	sx = find(&out, 0, "startxref\n");
	T_OK(sx != NULL && strcmp(out.data + out.len - 6, "%%EOF\n") == 0,
	    "the file ends with startxref and %%EOF");
	if (sx == NULL)
		return;
	xoff = strtoul(sx + 10, NULL, 10);
	T_OK(xoff < out.len && strncmp(out.data + xoff, "7 0 obj\n<<\n"
	    "/Type /XRef\n/Size 8\n", 29) == 0, "startxref finds the "
	    "cross-reference stream");
	T_OK(find(&out, xoff, "/Root 1 0 R\n/Info 3 0 R\n/ID [ "
	    "<00112233445566778899AABBCCDDEEFF> "
	    "<00112233445566778899AABBCCDDEEFF> ]") != NULL,
	    "it carries the trailer's /Root, /Info and the same /ID");
	T_OK(find(&out, 0, "\nxref") == NULL &&
	    find(&out, 0, "trailer") == NULL, "no table, no trailer");
	n = inflated(&out, xoff, z, sizeof(z));
	cols = 1 + 2 + 2;	/* /W [ 1 2 2 ]: the file is under 64 KiB */
	T_OK(find(&out, xoff, "/W [ 1 2 2 ]") != NULL &&
	    n == 8 * (cols + 1), "eight rows of five bytes, each predicted");
	for (i = 0; i < 8 && n == 8 * (cols + 1); i++) {
		for (k = 0; k < cols; k++)
			row[k] = prev[k] = (unsigned char)(prev[k] +
			    z[i * (cols + 1) + 1 + k]);
		if (i < 6) {
			type[i] = row[0];
			idx[i] = (size_t)row[3] << 8 | row[4];
			if (i == 4)
				off4 = (size_t)row[1] << 8 | row[2];
		}
		if (i == 6)
			T_OK(row[0] == 1 && ((size_t)row[1] << 8 | row[2]) ==
			    soff, "the object stream is where it says");
		if (i == 7)
			T_OK(row[0] == 1 && ((size_t)row[1] << 8 | row[2]) ==
			    xoff, "the cross-reference stream lists itself");
	}
	ok = n == 8 * (cols + 1) && type[0] == 0 && idx[0] == 65535 &&
	    type[1] == 2 && idx[1] == 0 && type[2] == 2 && idx[2] == 1 &&
	    type[3] == 2 && idx[3] == 2 && type[4] == 1 && type[5] == 2 &&
	    idx[5] == 3 && strncmp(out.data + off4, "4 0 obj", 7) == 0;
	T_OK(ok, "every object is found: 1, 2, 3 and 5 in the object "
	    "stream, in order, 4 at its offset");
	T_OK(pack(a, &in, &again, &why) == 0 && again.len == out.len &&
	    memcmp(again.data, out.data, out.len) == 0,
	    "the same input gives the same bytes");
}

/* Without PDF/A, libharu's trailer has no /ID: none is made up. */
static void
t_no_id(struct arena *a)
{
	struct buf	 in, out;
	const char	*why;
	char		*p, *e;

	buf_init(&in, a);
	mkpdf(&in, "1.7", "", 0);
	p = strstr(in.data, "/ID [");
	e = strchr(p, '\n') + 1;
	memmove(p, e, in.len - (size_t)(e - in.data) + 1);
	in.len -= (size_t)(e - p);
	T_OK(pack(a, &in, &out, &why) == 0 && find(&out, 0, "/Info 3 0 R\n"
	    "/Filter") != NULL && find(&out, 0, "/ID") == NULL,
	    "a trailer without /ID is packed, and no /ID made up");
}

/* Each is refused, with a reason. */
static void
t_refuse(struct arena *a)
{
	struct buf	 in, out;
	const char	*why;
	char		*p;
	size_t		 len, cut, failed = 0, answered = 0;

	buf_init(&in, a);
	mkpdf(&in, "1.4", "", 0);
	T_OK(pack(a, &in, &out, &why) == -1 && why != NULL,
	    "PDF 1.4 (no object streams) is refused");
	mkpdf(&in, "1.7", "/Encrypt 9 0 R\n", 0);
	T_OK(pack(a, &in, &out, &why) == -1 && why != NULL,
	    "an /Encrypt in the trailer is refused");
	mkpdf(&in, "1.7", "", 1);
	T_OK(pack(a, &in, &out, &why) == -1 && why != NULL &&
	    strstr(why, "not where") != NULL,
	    "an offset one byte off is refused");
	mkpdf(&in, "1.7", "", 0);
	p = strstr(in.data, "5 0 obj\n26");
	p[9] = '7';
	T_OK(pack(a, &in, &out, &why) == -1 && why != NULL &&
	    strstr(why, "endstream") != NULL, "a wrong /Length is refused");
	mkpdf(&in, "1.7", "", 0);
	p = strstr(in.data, "(c)");
	p[2] = ' ';
	T_OK(pack(a, &in, &out, &why) == -1 && why != NULL,
	    "a string that does not end is refused");
	/* Every cut of the file is refused; each byte changed is safe. */
	mkpdf(&in, "1.7", "", 0);
	len = in.len;
	for (cut = 0; cut < len; cut++) {
		if (pack(a, &(struct buf){ a, in.data, cut, cut }, &out,
		    &why) == -1 && why != NULL)
			failed++;
	}
	T_OK(failed == len, "every cut of the file is refused");
	for (cut = 0; cut < len; cut++) {
		p = in.data + cut;
		*p ^= 0x5a;
		if (pack(a, &in, &out, &why) == 0 || why != NULL)
			answered++;
		*p ^= 0x5a;
	}
	T_OK(answered == len, "each byte changed is packed or refused "
	    "with a reason");
}

int
main(void)
{
	struct arena	 a;

	t_begin("pdfpack");
	arena_init(&a);
	t_pack(&a);
	t_no_id(&a);
	t_refuse(&a);
	arena_fini(&a);
	return t_done();
}
