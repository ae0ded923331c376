/*
 * test_commonmark.c: every example of the CommonMark spec ($SHARED/spec/
 * commonmark/spec.txt) through narrative_load, typeset_note and pdf_write;
 * pdftotext (or, where its layout analysis reorders, pdftotext -raw) must
 * give back each piece of the report's text whole, in order, warning about
 * nothing.  Arguments: example numbers to run alone; -v shows both texts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "font.h"
#include "hyph.h"
#include "model.h"
#include "names.h"
#include "narrative.h"
#include "pdf.h"
#include "report.h"
#include "style.h"
#include "typeset.h"
#include "harness.h"

#define FENCE	"````````````````````````````````"
#define TAB	"\xe2\x86\x92"	/* "→" stands for a tab in the spec */
#define SHOW	40		/* characters shown around a difference */

struct example {
	int		 no;		/* from 1, as the spec numbers them */
	int		 line;		/* of its opening fence in spec.txt */
	const char	*section;
	const char	*md;
	size_t		 len;
};

struct spec {
	struct example	*v;
	size_t		 n;
	size_t		 cap;
};

/* Code points, after dropping what line breaking may change. */
struct cps {
	uint32_t	*v;
	size_t		 n;
	size_t		 cap;
};

/* A piece of text that must come back whole: [start, end) of all. */
struct span {
	size_t		 start;
	size_t		 end;
};

struct expect {
	struct arena	*a;
	struct cps	 all;
	struct span	*v;
	size_t		 n;
	size_t		 cap;
	int		 astral;	/* had characters above U+FFFF */
};

struct ctx {
	struct style	 style;
	struct font	*fonts[FACE__MAX];
	struct hyph	*hyph;
	FILE		*null;		/* where narrative diagnostics go */
	const char	*dir;		/* the temporary folder */
	const char	*md;		/* files in it */
	const char	*pdf;
	const char	*err;
	int		 have_pdftotext;
	int		 verbose;
	int		 rendered;
	int		 warned;	/* examples with raw HTML left out */
	int		 refused;	/* examples with errors (images) */
	struct buf	*astral;	/* numbers of examples above the BMP */
	int		 nastral;
	struct buf	*reordered;	/* read in order only with -raw */
	int		 nreordered;
};

/* --- Reading the spec ----------------------------------------------- */

static void
add_example(struct arena *a, struct spec *s, int line, const char *section,
    const struct buf *md)
{
	struct example	*e;

	if (s->n == s->cap) {
		s->v = arena_grow(a, s->v, s->n * sizeof(*s->v),
		    (s->cap ? s->cap * 2 : 256) * sizeof(*s->v));
		s->cap = s->cap ? s->cap * 2 : 256;
	}
	e = &s->v[s->n++];
	e->no = (int)s->n;
	e->line = line;
	e->section = section;
	e->md = buf_strdup(md);
	e->len = md->len;
}

/* Append a line of an example's Markdown, "→" made a tab. */
static void
put_md_line(struct buf *md, const char *p, size_t len)
{
	const char	*end = p + len;
	size_t		 tl = strlen(TAB);

	while (p < end) {
		if ((size_t)(end - p) >= tl && memcmp(p, TAB, tl) == 0) {
			buf_putc(md, '\t');
			p += tl;
		} else
			buf_putc(md, *p++);
	}
	buf_putc(md, '\n');
}

/* The examples of the spec's text, after cmark's test/spec_tests.py. */
static void
parse_spec(struct arena *a, const char *text, size_t len, struct spec *s)
{
	const char	*p = text, *end = text + len, *nl, *section = "";
	struct buf	 md;
	size_t		 ll;
	int		 state = 0, line = 0, start = 0;

	buf_init(&md, a);
	for (; p < end; p = nl + 1) {
		line++;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		ll = (size_t)(nl - p);
		if (state == 0) {
			if (ll == strlen(FENCE " example") &&
			    memcmp(p, FENCE " example", ll) == 0) {
				state = 1;
				start = line;
				buf_truncate(&md, 0);
			} else if (ll > 0 && *p == '#') {
				const char *q = p;

				while (q < nl && *q == '#')
					q++;
				if (q < nl && *q == ' ')
					section = arena_strndup(a, q + 1,
					    (size_t)(nl - q - 1));
			}
		} else if (state == 1) {
			if (ll == 1 && *p == '.')
				state = 2;
			else
				put_md_line(&md, p, ll);
		} else if (ll == strlen(FENCE) && memcmp(p, FENCE, ll) == 0) {
			add_example(a, s, start, section, &md);
			state = 0;
		}
		if (nl == end)
			break;
	}
}

static char *
read_file(struct arena *a, const char *path, size_t *len)
{
	struct buf	 b;
	FILE		*fp;
	char		 chunk[8192];
	size_t		 n;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	buf_init(&b, a);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_put(&b, chunk, n);
	fclose(fp);
	*len = b.len;
	return b.data;
}

/* --- Text as comparable characters --------------------------------- */

static uint32_t
next_cp(const unsigned char *s, size_t len, size_t *i)
{
	uint32_t	 cp;
	size_t		 n, k;

	if (s[*i] < 0x80)
		return s[(*i)++];
	if (s[*i] >= 0xc2 && s[*i] <= 0xdf)
		n = 1, cp = s[*i] & 0x1f;
	else if (s[*i] >= 0xe0 && s[*i] <= 0xef)
		n = 2, cp = s[*i] & 0x0f;
	else if (s[*i] >= 0xf0 && s[*i] <= 0xf4)
		n = 3, cp = s[*i] & 0x07;
	else {
		(*i)++;
		return 0xfffd;
	}
	for (k = 1; k <= n; k++) {
		if (*i + k >= len || (s[*i + k] & 0xc0) != 0x80) {
			(*i)++;
			return 0xfffd;
		}
		cp = (cp << 6) | (s[*i + k] & 0x3f);
	}
	*i += n + 1;
	return cp;
}

/*
 * White space, hyphens and soft hyphens: where lines are broken, and
 * what pdftotext may or may not put there.
 */
static int
dropped(uint32_t cp)
{
	return (cp >= 0x09 && cp <= 0x0d) || cp == ' ' || cp == '-' ||
	    cp == 0x85 || cp == 0xa0 || cp == 0xad || cp == 0x1680 ||
	    (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 ||
	    cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

static void
cps_add(struct arena *a, struct cps *c, uint32_t cp)
{
	if (c->n == c->cap) {
		c->v = arena_grow(a, c->v, c->n * sizeof(*c->v),
		    (c->cap ? c->cap * 2 : 256) * sizeof(*c->v));
		c->cap = c->cap ? c->cap * 2 : 256;
	}
	c->v[c->n++] = cp;
}

/* Append the kept characters of s; returns 1 if one was above U+FFFF. */
static int
cps_put(struct arena *a, struct cps *c, const char *s, size_t len,
    int bmp_only)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t	 cp;
	size_t		 i = 0;
	int		 astral = 0;

	while (i < len) {
		cp = next_cp(u, len, &i);
		if (cp > 0xffff && bmp_only) {
			astral = 1;
			cp = 0xfffd;
		}
		if (!dropped(cp))
			cps_add(a, c, cp);
	}
	return astral;
}

/* At most max characters of v as UTF-8, for messages. */
static const char *
utf8(struct arena *a, const uint32_t *v, size_t n, size_t max)
{
	struct buf	 b;
	size_t		 i;
	uint32_t	 cp;

	buf_init(&b, a);
	for (i = 0; i < n && i < max; i++) {
		cp = v[i];
		if (cp < 0x20 || cp == 0x7f)
			buf_printf(&b, "\\x%02x", (unsigned)cp);
		else if (cp < 0x80)
			buf_putc(&b, (int)cp);
		else if (cp < 0x800) {
			buf_putc(&b, (int)(0xc0 | cp >> 6));
			buf_putc(&b, (int)(0x80 | (cp & 0x3f)));
		} else if (cp < 0x10000) {
			buf_putc(&b, (int)(0xe0 | cp >> 12));
			buf_putc(&b, (int)(0x80 | ((cp >> 6) & 0x3f)));
			buf_putc(&b, (int)(0x80 | (cp & 0x3f)));
		} else {
			buf_putc(&b, (int)(0xf0 | cp >> 18));
			buf_putc(&b, (int)(0x80 | ((cp >> 12) & 0x3f)));
			buf_putc(&b, (int)(0x80 | ((cp >> 6) & 0x3f)));
			buf_putc(&b, (int)(0x80 | (cp & 0x3f)));
		}
	}
	if (n > max)
		buf_puts(&b, "...");
	return b.data;
}

/* --- The text the report holds -------------------------------------- */

static void
piece(struct expect *e, const char *s, size_t len)
{
	size_t	 start = e->all.n;

	if (cps_put(e->a, &e->all, s, len, 1))
		e->astral = 1;
	if (e->all.n == start)
		return;
	if (e->n == e->cap) {
		e->v = arena_grow(e->a, e->v, e->n * sizeof(*e->v),
		    (e->cap ? e->cap * 2 : 32) * sizeof(*e->v));
		e->cap = e->cap ? e->cap * 2 : 32;
	}
	e->v[e->n].start = start;
	e->v[e->n++].end = e->all.n;
}

static void
expect_str(struct expect *e, const char *s)
{
	piece(e, s, strlen(s));
}

/* An image is not drawn when it is refused, nor is its alt text. */
static void
expect_inlines(struct expect *e, const struct inline_ *in)
{
	for (; in != NULL; in = in->next) {
		if (in->type == INL_IMAGE)
			continue;
		if (in->type == INL_TEXT || in->type == INL_CODE)
			piece(e, in->text, in->len);
		expect_inlines(e, in->child);
	}
}

static void
expect_blocks(struct expect *e, const struct block *b)
{
	for (; b != NULL; b = b->next) {
		if (b->type == BLOCK_CODE)
			piece(e, b->text, b->len);
		else if (b->type == BLOCK_TABLE && b->text != NULL)
			expect_str(e, b->text);
		expect_inlines(e, b->inl);
		expect_blocks(e, b->child);
	}
}

/* --- Comparing ------------------------------------------------------ */

static int
match_at(const struct cps *h, size_t at, const uint32_t *w, size_t n)
{
	return at + n <= h->n && memcmp(h->v + at, w, n * sizeof(*w)) == 0;
}

/* The longest prefix of w found in h from on; sets *at to where. */
static size_t
best_prefix(const struct cps *h, size_t from, const uint32_t *w, size_t n,
    size_t *at)
{
	size_t	 i, k, best = 0;

	*at = from;
	for (i = from; i < h->n; i++) {
		for (k = 0; k < n && i + k < h->n && h->v[i + k] == w[k]; k++)
			continue;
		if (k > best) {
			best = k;
			*at = i;
		}
	}
	return best;
}

/*
 * Each piece must be in the PDF's text whole, after the one before it.
 * Returns NULL, or what was lost and where, for the message.
 */
static const char *
compare(struct arena *a, const struct expect *e, const struct cps *pdf,
    size_t *nlost)
{
	const char	*msg = NULL;
	const uint32_t	*w;
	size_t		 i, pos = 0, at, n, k;

	*nlost = 0;
	for (i = 0; i < e->n; i++) {
		w = e->all.v + e->v[i].start;
		n = e->v[i].end - e->v[i].start;
		for (at = pos; at + n <= pdf->n; at++)
			if (match_at(pdf, at, w, n))
				break;
		if (at + n <= pdf->n) {
			pos = at + n;
			continue;
		}
		if ((*nlost)++ > 0)
			continue;
		k = best_prefix(pdf, pos, w, n, &at);
		msg = arena_printf(a, "piece %zu of %zu lost at character "
		    "%zu of the text: matched \"%s\", then want \"%s\", PDF "
		    "has \"%s\"", i + 1, e->n, e->v[i].start + k + 1,
		    utf8(a, w, k, SHOW), utf8(a, w + k, n - k, SHOW),
		    utf8(a, pdf->v + at + k, pdf->n - at - k, SHOW));
	}
	return msg;
}

/* --- Rendering one example ------------------------------------------ */

static int
write_file(const char *path, const char *s, size_t len)
{
	FILE	*fp;
	int	 rc;

	if ((fp = fopen(path, "wb")) == NULL)
		return -1;
	rc = fwrite(s, 1, len, fp) == len ? 0 : -1;
	if (fclose(fp) != 0)
		rc = -1;
	return rc;
}

/* Run pdftotext on the PDF; its text, or NULL with *why set. */
static const char *
pdftotext(struct arena *a, const struct ctx *c, const char *flags,
    size_t *len, const char **why)
{
	struct buf	 out;
	const char	*err, *cmd;
	FILE		*p;
	char		 chunk[8192];
	size_t		 n, elen;
	int		 st;

	cmd = arena_printf(a, "pdftotext %s-enc UTF-8 '%s' - 2>'%s'", flags,
	    c->pdf, c->err);
	if ((p = popen(cmd, "r")) == NULL) {
		*why = "cannot run pdftotext";
		return NULL;
	}
	buf_init(&out, a);
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		buf_put(&out, chunk, n);
	st = pclose(p);
	err = read_file(a, c->err, &elen);
	if (err != NULL && elen > 0) {
		n = strcspn(err, "\n");
		*why = arena_printf(a, "pdftotext %swarned: %.*s", flags,
		    (int)n, err);
		return NULL;
	}
	if (st != 0) {
		*why = arena_printf(a, "pdftotext %sfailed (status %d)", flags,
		    st);
		return NULL;
	}
	*len = out.len;
	return out.data;
}

/* Whether pdftotext with flags reads back e; NULL, or what went wrong. */
static const char *
read_back(struct arena *a, const struct ctx *c, const struct expect *e,
    const char *flags, int no)
{
	struct cps	 got;
	const char	*text, *why = NULL;
	size_t		 len, nlost;

	if ((text = pdftotext(a, c, flags, &len, &why)) == NULL)
		return why;
	memset(&got, 0, sizeof(got));
	(void)cps_put(a, &got, text, len, 0);
	if (c->verbose) {
		printf("example %d: want  \"%s\"\n", no,
		    utf8(a, e->all.v, e->all.n, e->all.n));
		printf("example %d: PDF %s\"%s\"\n", no, *flags ? flags : "  ",
		    utf8(a, got.v, got.n, got.n));
	}
	if ((why = compare(a, e, &got, &nlost)) != NULL && nlost > 1)
		why = arena_printf(a, "%s (and %zu more pieces lost)", why,
		    nlost - 1);
	return why;
}

static int
run_example(struct ctx *c, const struct example *ex)
{
	struct arena	 a;
	struct diag	 d;
	struct names	 names;
	struct narrative_opts o;
	struct pos	 from;
	struct report	 r;
	struct report_note n;
	struct typeset	 ts;
	struct pdf_opts	 po;
	struct expect	 e;
	struct block	*b;
	const char	*why = NULL, *raw = NULL;
	char		 msg[2048];
	int		 ok = 1, i, rc;

	arena_init(&a);
	diag_init(&d, c->null);
	if (write_file(c->md, ex->md, ex->len) == -1) {
		why = "cannot write the Markdown file";
		goto done;
	}
	memset(&names, 0, sizeof(names));
	names.arena = &a;
	memset(&o, 0, sizeof(o));
	o.names = &names;
	o.quotes = QUOTES_DANISH;
	o.heading_shift = 1;
	o.dir = c->dir;
	from.file = "spec.txt";
	from.line = ex->line;
	from.col = 1;
	b = narrative_load(&a, &d, c->md, &from, &o, &ok);

	memset(&n, 0, sizeof(n));
	n.id = "spec";
	n.date = "1. januar 2024";
	n.date_iso = "2024-01-01";
	n.title = "Statusnotat";
	n.subject = n.regarding = arena_printf(&a, "Eksempel %d", ex->no);
	n.dir = c->dir;
	n.sender = "Test";
	n.initiatives = "";
	if (b != NULL) {
		n.body = arena_alloc(&a, sizeof(*n.body));
		n.body->type = BLOCK_SECTION;
		n.body->child = b;
	}
	memset(&r, 0, sizeof(r));
	r.municipality = "Test";
	r.language = "da";
	r.notes = &n;
	r.nnotes = 1;

	for (i = 0; i < FACE__MAX; i++)
		font_clear_use(c->fonts[i]);
	rc = typeset_note(&a, &d, &r, &n, &c->style, c->fonts, c->hyph, &ts);
	if (rc == -1) {
		why = "typeset_note failed";
		goto done;
	}
	/*
	 * Tagged, not archival: a few examples use characters no font
	 * here has, which PDF/A forbids and the build reports.
	 */
	memset(&po, 0, sizeof(po));
	rc = pdf_write(&a, &d, &ts, c->fonts, &po, c->pdf);
	typeset_free(&ts);
	if (rc == -1) {
		why = "pdf_write failed";
		goto done;
	}
	c->rendered++;
	if (d.count[DIAG_SYSERR] > 0) {
		why = "a system error was reported";
		goto done;
	}

	memset(&e, 0, sizeof(e));
	e.a = &a;
	expect_str(&e, n.date);
	expect_str(&e, n.title);
	expect_str(&e, n.regarding);
	expect_blocks(&e, n.body);
	expect_str(&e, n.sender);
	expect_str(&e, arena_printf(&a, "Side %zu af %zu", ts.npages,
	    ts.npages));
	if (e.astral) {
		buf_printf(c->astral, " %d", ex->no);
		c->nastral++;
	}
	if (!c->have_pdftotext)
		goto done;
	/*
	 * pdftotext's layout analysis may take wide gaps (tabs in code,
	 * a list's label) for columns and read the footer in between:
	 * then the text must come back in the content stream's order,
	 * which is the typesetter's reading order.
	 */
	if ((why = read_back(&a, c, &e, "", ex->no)) != NULL &&
	    (raw = read_back(&a, c, &e, "-raw ", ex->no)) == NULL) {
		buf_printf(c->reordered, " %d", ex->no);
		c->nreordered++;
		why = NULL;
	} else if (why != NULL)
		why = arena_printf(&a, "%s; with -raw: %s", why, raw);

done:
	if (d.count[DIAG_WARNING] > 0)
		c->warned++;
	if (d.count[DIAG_ERROR] > 0)
		c->refused++;
	snprintf(msg, sizeof(msg), "example %d (%s, spec.txt:%d): %s",
	    ex->no, ex->section, ex->line, why != NULL ? why : "ok");
	T_OK(why == NULL, msg);
	diag_flush(&d);
	(void)unlink(c->md);
	(void)unlink(c->pdf);
	(void)unlink(c->err);
	arena_fini(&a);
	return why == NULL;
}

/* --- Setting up ----------------------------------------------------- */

static int
has_pdftotext(void)
{
	return system("command -v pdftotext >/dev/null 2>&1") == 0;
}

static int
setup(struct ctx *c, struct arena *a, struct diag *d, char *tmpl)
{
	int	 i;

	style_defaults(&c->style);
	for (i = 0; i < FACE__MAX; i++)
		if ((c->fonts[i] = font_open(d, c->style.fonts[i])) == NULL)
			return -1;
	if ((c->hyph = hyph_open(d)) == NULL)
		return -1;
	if ((c->null = fopen("/dev/null", "w")) == NULL) {
		perror("/dev/null");
		return -1;
	}
	if (mkdtemp(tmpl) == NULL) {
		perror(tmpl);
		return -1;
	}
	c->dir = tmpl;
	c->md = arena_printf(a, "%s/spec-example.md", tmpl);
	c->pdf = arena_printf(a, "%s/spec-example.pdf", tmpl);
	c->err = arena_printf(a, "%s/pdftotext.err", tmpl);
	return 0;
}

static void
teardown(struct ctx *c)
{
	int	 i;

	if (c->dir != NULL && rmdir(c->dir) == -1)
		perror(c->dir);
	if (c->null != NULL)
		fclose(c->null);
	hyph_close(c->hyph);
	for (i = 0; i < FACE__MAX; i++)
		if (c->fonts[i] != NULL)
			font_close(c->fonts[i]);
}

static int
selected(int argc, char *argv[], int no)
{
	int	 i, any = 0;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-v") == 0)
			continue;
		any = 1;
		if (atoi(argv[i]) == no)
			return 1;
	}
	return !any;
}

int
main(int argc, char *argv[])
{
	struct arena	 a;
	struct diag	 d;
	struct spec	 s;
	struct ctx	 c;
	struct buf	 astral, reordered;
	struct timespec	 t0, t1;
	const char	*shared, *path, *tmp, *text;
	char		*tmpl;
	size_t		 len, i;
	int		 failed = 0;
	double		 secs;

	(void)t_streq_at;	/* the harness's string check is not used */
	t_begin("commonmark");
	arena_init(&a);
	diag_init(&d, stderr);
	memset(&c, 0, sizeof(c));
	memset(&s, 0, sizeof(s));
	for (i = 1; i < (size_t)argc; i++)
		if (strcmp(argv[i], "-v") == 0)
			c.verbose = 1;
	if ((shared = getenv("SHARED")) == NULL || *shared == '\0')
		shared = "../shared";
	path = arena_printf(&a, "%s/spec/commonmark/spec.txt", shared);
	if ((text = read_file(&a, path, &len)) == NULL) {
		printf("commonmark: skipped: %s not found\n", path);
		arena_fini(&a);
		return t_done();
	}
	parse_spec(&a, text, len, &s);

	if ((tmp = getenv("TMPDIR")) == NULL || *tmp == '\0' ||
	    strchr(tmp, '\'') != NULL)
		tmp = "/tmp";
	tmpl = arena_printf(&a, "%s/test_commonmark.XXXXXX", tmp);
	if (setup(&c, &a, &d, tmpl) == -1) {
		diag_flush(&d);
		T_OK(0, "fonts, patterns and a temporary folder");
		teardown(&c);
		arena_fini(&a);
		return t_done();
	}
	if (!(c.have_pdftotext = has_pdftotext()))
		printf("commonmark: skipped: pdftotext (poppler-utils) "
		    "missing, only rendering is tested\n");
	buf_init(&astral, &a);
	c.astral = &astral;
	buf_init(&reordered, &a);
	c.reordered = &reordered;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < s.n; i++)
		if (selected(argc, argv, s.v[i].no) &&
		    !run_example(&c, &s.v[i]))
			failed++;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;

	printf("commonmark: %zu examples in the spec, %d rendered to PDF in "
	    "%.2f s, %d lost text or failed\n", s.n, c.rendered, secs, failed);
	printf("commonmark: %d with raw HTML left out (warnings), %d with "
	    "refused images (errors)\n", c.warned, c.refused);
	printf("commonmark: %d with characters above U+FFFF, drawn as "
	    "U+FFFD:%s\n", c.nastral, c.nastral > 0 ? astral.data : " none");
	printf("commonmark: %d read out of order by pdftotext's layout "
	    "analysis, in order with -raw:%s\n", c.nreordered,
	    c.nreordered > 0 ? reordered.data : " none");
	teardown(&c);
	diag_flush(&d);
	arena_fini(&a);
	return t_done();
}
