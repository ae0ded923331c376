/*
 * pdfpack.c: libharu's PDF rewritten with object streams and a
 * cross-reference stream (see pdfpack.h).
 *
 * What libharu 2.3.0 writes is regular: a two-line header ("%PDF-1.7"
 * and a binary comment), objects "N 0 obj\n...\nendobj\n" numbered from
 * 1, streams as "stream\r\n", /Length bytes, "\nendstream", one xref
 * subsection "0 N" of 20-byte entries, and a trailer of /Root and
 * /Size, with /Info and (in an archival file) /ID.  Anything else is refused with the reason, never
 * guessed at.
 *
 * The output keeps every object's number: the header as it was, the
 * streams as they were (each keeps the end of line before "endstream"
 * that PDF/A asks for), then the other objects in object streams of at
 * most OBJSTM_MAX objects, then the cross-reference stream, whose
 * dictionary carries the trailer's /Root, /Info and /ID unchanged.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <libdeflate.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "fsutil.h"
#include "pdfpack.h"

/*
 * Objects per object stream: a reader inflates a whole object stream
 * to reach one of its objects, and one stream per few hundred objects
 * costs a few bytes of compression.
 */
#define OBJSTM_MAX	500

struct span {
	size_t		 from, to;
};

struct pobj {
	struct span	 whole;		/* "N 0 obj" to after "endobj\n" */
	struct span	 body;		/* the object's value */
	int		 stream;	/* is a stream: copied whole */
	struct span	 data;		/* a stream's bytes, from "stream" */
	size_t		 newoff;	/* its offset in the output */
	size_t		 objstm, index;	/* where it is packed */
};

struct lex {
	const unsigned char	*s;
	size_t			 len;
	const char		*why;
	struct libdeflate_compressor *zc;
};

static int
is_ws(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' ||
	    c == '\f' || c == '\0';
}

static int
is_delim(unsigned char c)
{
	switch (c) {
	case '(': case ')': case '<': case '>': case '[': case ']':
	case '{': case '}': case '/': case '%':
		return 1;
	default:
		return 0;
	}
}

static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int
isxdigit_ascii(unsigned char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static size_t
skip_ws(const struct lex *l, size_t p)
{
	while (p < l->len && is_ws(l->s[p]))
		p++;
	return p;
}

/* A run of regular characters (a name's, number's or keyword's). */
static size_t
regular(const struct lex *l, size_t p)
{
	while (p < l->len && !is_ws(l->s[p]) && !is_delim(l->s[p]))
		p++;
	return p;
}

static int
fail(struct lex *l, const char *why)
{
	if (l->why == NULL)
		l->why = why;
	return 0;
}

/* The unsigned integer of digits at [p, q), or -1 when it is not one. */
static long long
number(const struct lex *l, size_t p, size_t q)
{
	long long	 n = 0;

	if (p == q || q - p > 12)
		return -1;
	for (; p < q; p++) {
		if (!is_digit(l->s[p]))
			return -1;
		n = n * 10 + (l->s[p] - '0');
	}
	return n;
}

static int value(struct lex *, size_t, size_t *, int);

/* n in decimal (buf_printf is a third of the time of packing). */
static void
put_num(struct buf *b, size_t n)
{
	char	 d[24];
	size_t	 i = sizeof(d);

	do
		d[--i] = (char)('0' + n % 10);
	while ((n /= 10) != 0);
	buf_put(b, d + i, sizeof(d) - i);
}

/*
 * "N G R" at p, the digits of N ending at q: sets *end after the R.
 */
static int
reference(const struct lex *l, size_t q, size_t *end)
{
	size_t	 g, r;

	if (q >= l->len || !is_ws(l->s[q]))
		return 0;
	g = skip_ws(l, q);
	r = regular(l, g);
	if (number(l, g, r) < 0 || r >= l->len || !is_ws(l->s[r]))
		return 0;
	r = skip_ws(l, r);
	if (r < l->len && l->s[r] == 'R' &&
	    (r + 1 == l->len || is_ws(l->s[r + 1]) ||
	    is_delim(l->s[r + 1]))) {
		*end = r + 1;
		return 1;
	}
	return 0;
}

/* A literal string at p, "(" ... ")", nested and escaped. */
static int
literal(struct lex *l, size_t p, size_t *end)
{
	int	 depth = 0;

	for (; p < l->len; p++) {
		if (l->s[p] == '\\')
			p++;
		else if (l->s[p] == '(')
			depth++;
		else if (l->s[p] == ')' && --depth == 0) {
			*end = p + 1;
			return 1;
		}
	}
	return fail(l, "a string does not end");
}

/* The entries of a dictionary after "<<", to after ">>". */
static int
dict(struct lex *l, size_t p, size_t *end, int depth)
{
	for (;;) {
		p = skip_ws(l, p);
		if (p + 1 < l->len && l->s[p] == '>' && l->s[p + 1] == '>') {
			*end = p + 2;
			return 1;
		}
		if (p >= l->len || l->s[p] != '/')
			return fail(l, "a dictionary key is not a name");
		p = regular(l, p + 1);
		if (!value(l, skip_ws(l, p), &p, depth + 1))
			return 0;
	}
}

/*
 * One value at p (no whitespace before it): sets *end after it.  A
 * reference "N G R" counts as one value.
 */
static int
value(struct lex *l, size_t p, size_t *end, int depth)
{
	size_t	 q;

	if (depth > 64)
		return fail(l, "values nested too deep");
	if (p >= l->len)
		return fail(l, "the file ends inside an object");
	switch (l->s[p]) {
	case '(':
		return literal(l, p, end);
	case '<':
		if (p + 1 < l->len && l->s[p + 1] == '<')
			return dict(l, p + 2, end, depth);
		for (q = p + 1; q < l->len && l->s[q] != '>'; q++)
			if (!isxdigit_ascii(l->s[q]) && !is_ws(l->s[q]))
				return fail(l, "a hex string holds a "
				    "character that is not hex");
		if (q >= l->len)
			return fail(l, "a hex string does not end");
		*end = q + 1;
		return 1;
	case '[':
		for (p++;;) {
			p = skip_ws(l, p);
			if (p < l->len && l->s[p] == ']') {
				*end = p + 1;
				return 1;
			}
			if (!value(l, p, &p, depth + 1))
				return 0;
		}
	case '/':
		*end = regular(l, p + 1);
		return 1;
	default:
		q = regular(l, p);
		if (q == p)
			return fail(l, "an unexpected character where a "
			    "value should be");
		if (number(l, p, q) >= 0 && reference(l, q, end))
			return 1;
		*end = q;
		return 1;
	}
}

/*
 * In the dictionary at d (a value starting "<<"), the value of key
 * (a name without its "/"): sets *v.  0 when there is none.
 */
static int
dict_get(struct lex *l, struct span d, const char *key, struct span *v)
{
	size_t	 p = d.from + 2, k, n = strlen(key);

	for (;;) {
		p = skip_ws(l, p);
		if (p >= d.to || l->s[p] != '/')
			return 0;
		k = regular(l, p + 1);
		v->from = skip_ws(l, k);
		if (!value(l, v->from, &v->to, 1))
			return 0;
		if (k - (p + 1) == n && memcmp(l->s + p + 1, key, n) == 0)
			return 1;
		p = v->to;
	}
}

/* Whether the bytes at p are word, followed by whitespace or end. */
static int
word_at(const struct lex *l, size_t p, const char *word)
{
	size_t	 n = strlen(word);

	return p + n <= l->len && memcmp(l->s + p, word, n) == 0 &&
	    (p + n == l->len || is_ws(l->s[p + n]) ||
	    is_delim(l->s[p + n]));
}

/* The end of line at p ("\r\n" or "\n"): sets *end after it. */
static int
eol(const struct lex *l, size_t p, size_t *end)
{
	if (p + 1 < l->len && l->s[p] == '\r' && l->s[p + 1] == '\n')
		*end = p + 2;
	else if (p < l->len && l->s[p] == '\n')
		*end = p + 1;
	else
		return 0;
	return 1;
}

/*
 * Object num at offset off: its value, and for a stream, where its
 * data starts (the length is found later, when every object is known).
 */
static int
parse_obj(struct lex *l, size_t off, size_t num, struct pobj *o)
{
	size_t	 p, q, n;

	q = regular(l, off);
	if (number(l, off, q) != (long long)num || q + 6 > l->len ||
	    memcmp(l->s + q, " 0 obj", 6) != 0)
		return fail(l, "an object is not where the cross-reference "
		    "table says");
	n = q + 6 - off;
	if (off + n >= l->len || !is_ws(l->s[off + n]))
		return fail(l, "an object is not where the cross-reference "
		    "table says");
	o->whole.from = off;
	o->body.from = skip_ws(l, off + n);
	if (!value(l, o->body.from, &o->body.to, 0))
		return 0;
	p = skip_ws(l, o->body.to);
	if (word_at(l, p, "endobj")) {
		o->whole.to = p + 6;
	} else if (word_at(l, p, "stream")) {
		if (l->s[o->body.from] != '<' || !eol(l, p + 6, &p))
			return fail(l, "a stream is not as libharu writes "
			    "streams");
		o->stream = 1;
		o->data.from = p;
	} else
		return fail(l, "an object does not end with \"endobj\"");
	return 1;
}

/* A stream's /Length, direct or through an object of objs[0..n). */
static int
stream_end(struct lex *l, struct pobj *objs, size_t n, struct pobj *o)
{
	struct span	 v;
	long long	 len, ref;
	size_t		 p, q;

	if (!dict_get(l, o->body, "Length", &v))
		return fail(l, "a stream has no /Length");
	q = regular(l, v.from);
	if ((len = number(l, v.from, q)) >= 0 && q != v.to) {
		ref = len;
		if (ref < 1 || (size_t)ref >= n || objs[ref].stream)
			return fail(l, "a stream's /Length refers to no "
			    "number");
		len = number(l, objs[ref].body.from, objs[ref].body.to);
	}
	if (len < 0 || (size_t)len > l->len - o->data.from)
		return fail(l, "a stream's /Length is not a length in the "
		    "file");
	o->data.to = o->data.from + (size_t)len;
	if (!eol(l, o->data.to, &p) || !word_at(l, p, "endstream"))
		return fail(l, "a stream does not end with an end of line "
		    "and \"endstream\"");
	p = skip_ws(l, p + 9);
	if (!word_at(l, p, "endobj"))
		return fail(l, "a stream object does not end with "
		    "\"endobj\"");
	o->whole.to = p + 6;
	return 1;
}

/*
 * The cross-reference table and trailer: every object (objs[1..*n)),
 * and the trailer's /Root, /Info and /ID.
 */
static int
parse_xref(struct lex *l, struct arena *a, struct pobj **objs, size_t *n,
    struct span *root, struct span *info, struct span *id)
{
	struct span	 tr, v;
	const char	*e;
	long long	 x, size;
	size_t		 p, q, i, k;

	/* The tail: "startxref\nOFFSET\n%%EOF\n". */
	if (l->len < 32 || memcmp(l->s + l->len - 6, "%%EOF\n", 6) != 0)
		return fail(l, "the file does not end with %%EOF");
	for (p = l->len - 7; p > l->len - 32 && l->s[p - 1] != '\n'; p--)
		;
	q = l->len - 7;
	if ((x = number(l, p, q)) < 0 || p < 10 ||
	    memcmp(l->s + p - 10, "startxref\n", 10) != 0 ||
	    (size_t)x >= l->len)
		return fail(l, "no startxref before %%EOF");
	p = (size_t)x;
	if (!word_at(l, p, "xref") || !eol(l, p + 4, &p))
		return fail(l, "startxref does not lead to a cross-reference "
		    "table");
	q = regular(l, p);
	if (number(l, p, q) != 0 || q >= l->len || l->s[q] != ' ')
		return fail(l, "the cross-reference table does not start at "
		    "object 0");
	p = q + 1;
	q = regular(l, p);
	if ((size = number(l, p, q)) < 2 || !eol(l, q, &p) ||
	    (size_t)size > (l->len - p) / 20)
		return fail(l, "the cross-reference table's size is wrong");
	*n = (size_t)size;
	*objs = arena_calloc(a, *n, sizeof(**objs));
	for (i = 0; i < *n; i++, p += 20) {
		e = (const char *)l->s + p;
		if ((x = number(l, p, p + 10)) < 0 || e[10] != ' ' ||
		    memcmp(e + 16, i == 0 ? " f\r\n" : " n\r\n", 4) != 0 ||
		    number(l, p + 11, p + 16) != (i == 0 ? 65535 : 0))
			return fail(l, "a cross-reference entry is not as "
			    "libharu writes them");
		if (i > 0 && !parse_obj(l, (size_t)x, i, &(*objs)[i]))
			return 0;
	}
	if (!word_at(l, p, "trailer"))
		return fail(l, "no trailer after the cross-reference table");
	tr.from = skip_ws(l, p + 7);
	if (tr.from + 1 >= l->len || l->s[tr.from] != '<' ||
	    l->s[tr.from + 1] != '<' || !value(l, tr.from, &tr.to, 0))
		return fail(l, "the trailer is not a dictionary");
	if (!dict_get(l, tr, "Root", root) || !dict_get(l, tr, "Size", &v) ||
	    number(l, v.from, v.to) != size)
		return fail(l, "the trailer lacks /Root or the right /Size");
	/* /Info and /ID (archival files) may be there, nothing else. */
	k = 2;
	if (dict_get(l, tr, "Info", info))
		k++;
	else
		info->from = info->to = 0;
	if (dict_get(l, tr, "ID", id))
		k++;
	else
		id->from = id->to = 0;
	for (p = tr.from + 2, i = 0;; i++) {
		p = skip_ws(l, p);
		if (l->s[p] == '>')
			break;
		if (!value(l, skip_ws(l, regular(l, p + 1)), &p, 1))
			return 0;
	}
	if (i != k)
		return fail(l, "the trailer has more than /Root, /Info, /ID "
		    "and /Size (an /Encrypt or /Prev)");
	for (i = 1; i < *n; i++)
		if ((*objs)[i].stream && !stream_end(l, *objs, *n, &(*objs)[i]))
			return 0;
	return 1;
}

/*
 * data[0..len) deflated in the zlib format.  libdeflate at its level 5,
 * measured on the objects of make bench's 200-page note: 13.6 ms, 1.2 %
 * smaller than zlib's best (52 ms) and zlib's default (35 ms); its
 * level 6 is 0.2 % smaller and takes 16 ms, its level 1 is 3.6 % larger
 * and takes 8 ms, of which 5 ms are reading the file.
 */
static int
deflate_to(struct lex *l, struct arena *a, const char *data, size_t len,
    struct buf *out)
{
	size_t	 n;
	char	*z;

	n = libdeflate_zlib_compress_bound(l->zc, len);
	z = arena_alloc(a, n);
	if ((n = libdeflate_zlib_compress(l->zc, data, len, z, n)) == 0)
		return fail(l, "libdeflate failed");
	buf_put(out, z, n);
	return 1;
}

static void
put_bytes(unsigned char *row, unsigned long long v, int w)
{
	int	 k;

	for (k = w - 1; k >= 0; k--, v >>= 8)
		row[k] = (unsigned char)(v & 0xff);
}

/*
 * The cross-reference stream, object number xn at offset off: rows of
 * (type, offset or object stream, generation or index), PNG-predicted
 * (Up) so that deflate sees the small differences between rows.
 */
static int
write_xref(struct lex *l, struct arena *a, struct buf *out,
    const struct pobj *objs, size_t n, const size_t *stmoff, size_t nstm,
    struct span root, struct span info, struct span id)
{
	struct buf	 raw, z;
	unsigned char	*row, *prev, *pred;
	unsigned long long f2;
	size_t		 i, size = n + nstm + 1, off = out->len;
	int		 w2 = 1, cols, k;

	while (w2 < 8 && ((off | size) >> (8 * w2)) != 0)
		w2++;
	cols = 1 + w2 + 2;
	row = arena_alloc(a, (size_t)cols);
	prev = arena_alloc(a, (size_t)cols);
	pred = arena_alloc(a, (size_t)cols + 1);
	buf_init(&raw, a);
	buf_init(&z, a);
	for (i = 0; i < size; i++) {
		if (i == 0) {
			row[0] = 0;
			f2 = 0;
			put_bytes(row + 1 + w2, 65535, 2);
		} else if (i < n && !objs[i].stream) {
			row[0] = 2;
			f2 = n + objs[i].objstm;
			put_bytes(row + 1 + w2, objs[i].index, 2);
		} else {
			row[0] = 1;
			f2 = i < n ? objs[i].newoff : i < n + nstm ?
			    stmoff[i - n] : off;
			put_bytes(row + 1 + w2, 0, 2);
		}
		put_bytes(row + 1, f2, w2);
		pred[0] = 2;
		for (k = 0; k < cols; k++)
			pred[k + 1] = (unsigned char)(row[k] - prev[k]);
		buf_put(&raw, (const char *)pred, (size_t)cols + 1);
		memcpy(prev, row, (size_t)cols);
	}
	if (!deflate_to(l, a, raw.data, raw.len, &z))
		return 0;
	buf_printf(out, "%zu 0 obj\n<<\n/Type /XRef\n/Size %zu\n"
	    "/W [ 1 %d 2 ]\n/Root ", n + nstm, size, w2);
	buf_put(out, (const char *)l->s + root.from, root.to - root.from);
	if (info.to > info.from) {
		buf_puts(out, "\n/Info ");
		buf_put(out, (const char *)l->s + info.from,
		    info.to - info.from);
	}
	if (id.to > id.from) {
		buf_puts(out, "\n/ID ");
		buf_put(out, (const char *)l->s + id.from, id.to - id.from);
	}
	buf_printf(out, "\n/Filter /FlateDecode\n/DecodeParms << /Predictor "
	    "12 /Columns %d >>\n/Length %zu\n>>\nstream\n", cols, z.len);
	buf_put(out, z.data, z.len);
	buf_printf(out, "\nendstream\nendobj\nstartxref\n%zu\n%%%%EOF\n", off);
	return 1;
}

static int pack(struct lex *, struct arena *, struct buf *);

int
pdf_pack(struct arena *a, const unsigned char *in, size_t len,
    struct buf *out, const char **why)
{
	struct lex	 l;
	int		 rc;

	memset(&l, 0, sizeof(l));
	l.s = in;
	l.len = len;
	if ((l.zc = libdeflate_alloc_compressor(5)) == NULL) {
		*why = "out of memory";
		return -1;
	}
	rc = pack(&l, a, out);
	libdeflate_free_compressor(l.zc);
	*why = rc == 0 ? NULL : l.why != NULL ? l.why : "unknown";
	return rc;
}

static int
pack(struct lex *l, struct arena *a, struct buf *out)
{
	const unsigned char *in = l->s;
	struct pobj	*objs;
	struct span	 root, info, id;
	struct buf	 head, body, z;
	size_t		*stmoff, n, nstm, i, j, k, hlen;

	/* "%PDF-1.x" (x at least 5) and a binary comment line. */
	if (l->len < 16 || memcmp(in, "%PDF-1.", 7) != 0 || in[7] < '5' ||
	    in[7] > '7' || in[8] != '\n' || in[9] != '%') {
		fail(l, "the header is not that of PDF 1.5 to 1.7");
		return -1;
	}
	for (hlen = 10; hlen < l->len && in[hlen] != '\n'; hlen++)
		;
	hlen++;
	if (!parse_xref(l, a, &objs, &n, &root, &info, &id))
		return -1;
	buf_put(out, (const char *)in, hlen);
	for (i = 1, k = 0; i < n; i++) {
		if (objs[i].stream) {
			objs[i].newoff = out->len;
			buf_put(out, (const char *)in + objs[i].whole.from,
			    objs[i].whole.to - objs[i].whole.from);
			buf_putc(out, '\n');
		} else {
			objs[i].objstm = k / OBJSTM_MAX;
			objs[i].index = k % OBJSTM_MAX;
			k++;
		}
	}
	nstm = (k + OBJSTM_MAX - 1) / OBJSTM_MAX;
	stmoff = arena_calloc(a, nstm + 1, sizeof(*stmoff));
	buf_init(&head, a);
	buf_init(&body, a);
	buf_init(&z, a);
	for (j = 0, i = 1; j < nstm; j++) {
		buf_truncate(&head, 0);
		buf_truncate(&body, 0);
		buf_truncate(&z, 0);
		for (k = 0; i < n && k < OBJSTM_MAX; i++) {
			if (objs[i].stream)
				continue;
			if (k > 0)
				buf_putc(&head, ' ');
			put_num(&head, i);
			buf_putc(&head, ' ');
			put_num(&head, body.len);
			buf_put(&body, (const char *)in + objs[i].body.from,
			    objs[i].body.to - objs[i].body.from);
			buf_putc(&body, '\n');
			k++;
		}
		buf_putc(&head, '\n');
		buf_put(&head, body.data, body.len);
		if (!deflate_to(l, a, head.data, head.len, &z))
			return -1;
		stmoff[j] = out->len;
		buf_printf(out, "%zu 0 obj\n<<\n/Type /ObjStm\n/N %zu\n"
		    "/First %zu\n/Filter /FlateDecode\n/Length %zu\n>>\n"
		    "stream\n", n + j, k, head.len - body.len, z.len);
		buf_put(out, z.data, z.len);
		buf_puts(out, "\nendstream\nendobj\n");
	}
	if (!write_xref(l, a, out, objs, n, stmoff, nstm, root, info, id))
		return -1;
	return 0;
}

int
pdf_pack_write(struct arena *a, struct diag *d, const unsigned char *in,
    size_t len, const char *path, const char *shown)
{
	struct buf	 out;
	const char	*why;

	buf_init(&out, a);
	if (pdf_pack(a, in, len, &out, &why) == -1) {
		diag_msg(d, DIAG_SYSERR, shown, 0, 0, "internal error: the PDF "
		    "as libharu wrote it cannot be packed: %s (please report "
		    "this)", why);
		return -1;
	}
	return fs_write_as(d, path, shown, out.data, out.len);
}
