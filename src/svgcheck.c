/*
 * svgcheck.c: an SVG logo is read as XML, a tag at a time, and every
 * element, attribute and style sheet is held against what a static
 * drawing needs.  See svgcheck.h.
 *
 * The rules, each against a way a browser would run or load something
 * when /logo.svg is opened from the municipality's own address:
 * elements only from the list below (no script, foreignObject, a,
 * image, animation, iframe); an element with a prefix only from a
 * namespace no browser acts on (Inkscape's, RDF metadata); no attribute
 * named on... (event handlers); href only to "#name"; url() only to
 * "#name"; no CSS escapes, @import or image-set() in styles, nor a
 * comment inside a <style> element, which would split the words; no
 * processing instruction but the XML declaration, no CDATA, no DOCTYPE
 * with declarations of its own (entities); UTF-8 only.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "svgcheck.h"

#define MAX_DEPTH	256
#define MAX_NS		32
#define NITEMS(a)	(sizeof(a) / sizeof((a)[0]))

#define NS_SVG		"http://www.w3.org/2000/svg"
#define NS_XLINK	"http://www.w3.org/1999/xlink"
#define NS_RDF		"http://www.w3.org/1999/02/22-rdf-syntax-ns#"

static const char *const elements[] = {
	"circle", "clipPath", "defs", "desc", "ellipse", "feBlend",
	"feColorMatrix", "feComponentTransfer", "feComposite",
	"feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap",
	"feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB",
	"feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode",
	"feMorphology", "feOffset", "fePointLight", "feSpecularLighting",
	"feSpotLight", "feTile", "feTurbulence", "filter", "g", "line",
	"linearGradient", "marker", "mask", "metadata", "path", "pattern",
	"polygon", "polyline", "radialGradient", "rect", "stop", "style",
	"svg", "switch", "symbol", "text", "textPath", "title", "tspan",
	"use", "view"
};

/* Words in a style sheet or a style attribute that load or run. */
static const char *const css_bad[] = {
	"@import", "image(", "image-set(", "expression(", "binding",
	"behavior", "src("
};

struct sx {
	const struct lang *lang;	/* of the message */
	const char	*s;
	size_t		 len;
	size_t		 pos;
	size_t		 errpos;
	char		*err;
	size_t		 errsz;
	/* Namespace prefixes, bound once for the whole file. */
	const char	*pfx[MAX_NS];
	size_t		 pfxlen[MAX_NS];
	const char	*uri[MAX_NS];
	size_t		 urilen[MAX_NS];
	size_t		 nns;
	/* Open elements. */
	const char	*open[MAX_DEPTH];
	size_t		 openlen[MAX_DEPTH];
	size_t		 depth;
	int		 in_style;
	int		 root_seen;
};

static int	 bad(struct sx *, size_t, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

static int
bad(struct sx *x, size_t at, const char *fmt, ...)
{
	va_list	 ap;

	x->errpos = at;
	va_start(ap, fmt);
	vsnprintf(x->err, x->errsz, tr(x->lang, fmt), ap);
	va_end(ap);
	return -1;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
is_name(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' ||
	    c == ':' || (unsigned char)c >= 0x80;
}

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* The first place of needle in the n bytes at s, in any case, or NULL. */
static const char *
find_nocase(const char *s, size_t n, const char *needle)
{
	size_t	 k = strlen(needle), i, j;

	for (i = 0; i + k <= n; i++) {
		for (j = 0; j < k && lower(s[i + j]) == needle[j]; j++)
			continue;
		if (j == k)
			return s + i;
	}
	return NULL;
}

static const char *
find(const struct sx *x, const char *needle)
{
	size_t	 k = strlen(needle), i;

	for (i = x->pos; i + k <= x->len; i++)
		if (memcmp(x->s + i, needle, k) == 0)
			return x->s + i;
	return NULL;
}

static int
starts(const struct sx *x, const char *word)
{
	size_t	 k = strlen(word);

	return x->len - x->pos >= k && memcmp(x->s + x->pos, word, k) == 0;
}

static void
skip_space(struct sx *x)
{
	while (x->pos < x->len && is_space(x->s[x->pos]))
		x->pos++;
}

/* A name at x->pos: its length, 0 when there is none. */
static size_t
name(struct sx *x)
{
	size_t	 start = x->pos;

	while (x->pos < x->len && is_name(x->s[x->pos]))
		x->pos++;
	return x->pos - start;
}

/* The URI bound to the prefix of the n bytes at p, or NULL. */
static const char *
ns_of(const struct sx *x, const char *p, size_t n, size_t *urilen)
{
	const char	*colon = memchr(p, ':', n);
	size_t		 i, k;

	if (colon == NULL)
		return NULL;
	k = (size_t)(colon - p);
	for (i = 0; i < x->nns; i++)
		if (x->pfxlen[i] == k && memcmp(x->pfx[i], p, k) == 0) {
			*urilen = x->urilen[i];
			return x->uri[i];
		}
	return NULL;
}

static int
same(const char *p, size_t n, const char *word)
{
	return strlen(word) == n && memcmp(p, word, n) == 0;
}

/*
 * url( and what follows in the n bytes at v must be a reference to a
 * part of the logo: url(#name), quoted or not.
 */
static int
check_urls(struct sx *x, size_t at, const char *v, size_t n)
{
	const char	*u, *end = v + n;

	while ((u = find_nocase(v, (size_t)(end - v), "url(")) != NULL) {
		v = u + 4;
		for (;;) {
			if (v < end && (is_space(*v) || *v == '"' ||
			    *v == '\'')) {
				v++;
			} else if (end - v >= 6 && (memcmp(v, "&quot;", 6) == 0 ||
			    memcmp(v, "&apos;", 6) == 0)) {
				v += 6;
			} else
				break;
		}
		if (v >= end || *v != '#')
			return bad(x, at, "url() may only refer to a part of "
			    "the logo itself, such as url(#farve): save the "
			    "logo without links to other files");
	}
	return 0;
}

/* A style sheet or a style attribute's declarations. */
static int
check_css(struct sx *x, size_t at, const char *v, size_t n)
{
	size_t	 i;

	if (memchr(v, '\\', n) != NULL)
		return bad(x, at, "the logo's style uses a \"\\\" escape, "
		    "which could hide a link: write the characters "
		    "themselves");
	for (i = 0; i < NITEMS(css_bad); i++)
		if (find_nocase(v, n, css_bad[i]) != NULL)
			return bad(x, at, "the logo's style uses \"%s\", "
			    "which loads or runs something: save the logo as "
			    "a plain drawing", css_bad[i]);
	return check_urls(x, at, v, n);
}

/* Only the five entities XML defines, in an attribute's value. */
static int
check_entities(struct sx *x, size_t at, const char *v, size_t n)
{
	static const char *const ok[] = {
		"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"
	};
	const char	*amp, *end = v + n;
	size_t		 i;

	while ((amp = memchr(v, '&', (size_t)(end - v))) != NULL) {
		for (i = 0; i < NITEMS(ok); i++)
			if ((size_t)(end - amp) >= strlen(ok[i]) &&
			    memcmp(amp, ok[i], strlen(ok[i])) == 0)
				break;
		if (i == NITEMS(ok))
			return bad(x, at, "an attribute uses a character "
			    "reference (&...;): write the character itself");
		v = amp + 1;
	}
	return 0;
}

static int
bind(struct sx *x, size_t at, const char *p, size_t n, const char *v,
    size_t vn)
{
	size_t	 i;

	for (i = 0; i < x->nns; i++)
		if (x->pfxlen[i] == n && memcmp(x->pfx[i], p, n) == 0) {
			if (x->urilen[i] != vn || memcmp(x->uri[i], v, vn) != 0)
				return bad(x, at, "the prefix \"%.*s\" is "
				    "bound to two namespaces", (int)n, p);
			return 0;
		}
	if (x->nns == MAX_NS)
		return bad(x, at, "the logo declares more than %d "
		    "namespaces", MAX_NS);
	x->pfx[x->nns] = p;
	x->pfxlen[x->nns] = n;
	x->uri[x->nns] = v;
	x->urilen[x->nns++] = vn;
	return 0;
}

static int
check_attr(struct sx *x, size_t at, const char *an, size_t n,
    const char *v, size_t vn)
{
	const char	*local = memchr(an, ':', n);
	size_t		 ln;

	local = local != NULL ? local + 1 : an;
	ln = n - (size_t)(local - an);
	if (check_entities(x, at, v, vn) == -1)
		return -1;
	if (same(an, n, "xmlns")) {
		if (!same(v, vn, NS_SVG))
			return bad(x, at, "the logo's namespace must be "
			    "SVG's, " NS_SVG);
		return 0;
	}
	if (n > 6 && memcmp(an, "xmlns:", 6) == 0)
		return bind(x, at, an + 6, n - 6, v, vn);
	if (ln >= 2 && lower(local[0]) == 'o' && lower(local[1]) == 'n')
		return bad(x, at, "the attribute \"%.*s\" runs a script: save "
		    "the logo as a plain drawing", (int)n, an);
	if (same(local, ln, "href") && (vn == 0 || v[0] != '#'))
		return bad(x, at, "\"%.*s\" may only refer to a part of the "
		    "logo itself, such as \"#figur\": save the logo without "
		    "links or embedded pictures", (int)n, an);
	if (same(an, n, "style") && check_css(x, at, v, vn) == -1)
		return -1;
	return check_urls(x, at, v, vn);
}

static int
check_element(struct sx *x, size_t at, const char *en, size_t n)
{
	const char	*uri;
	size_t		 i, ulen = 0;

	if (memchr(en, ':', n) != NULL) {
		/* A namespace a browser acts on is never inert. */
		uri = ns_of(x, en, n, &ulen);
		if (uri != NULL && (ulen < 18 || memcmp(uri,
		    "http://www.w3.org/", 18) != 0 || same(uri, ulen, NS_RDF)))
			return 0;
	} else
		for (i = 0; i < NITEMS(elements); i++)
			if (same(en, n, elements[i]))
				return 0;
	return bad(x, at, "the element <%.*s> is not allowed in a logo (only "
	    "drawing elements are): save the logo as a plain drawing, "
	    "without scripts, links, embedded pictures or animation",
	    (int)n, en);
}

/* A start tag after its "<"; attributes are read twice: xmlns first. */
static int
start_tag(struct sx *x)
{
	const char	*en, *an, *v;
	size_t		 at = x->pos - 1, n, aat, pass, first, vn;
	char		 q;
	int		 empty = 0;

	en = x->s + x->pos;
	if ((n = name(x)) == 0)
		return bad(x, at, "a \"<\" that starts no element: write "
		    "\"&lt;\"");
	if (x->depth == 0 && x->root_seen)
		return bad(x, at, "the logo has a second top element");
	if (x->depth == 0 && !same(en, n, "svg"))
		return bad(x, at, "the logo must begin with <svg>, got <%.*s>",
		    (int)n, en);
	if (x->in_style)
		return bad(x, at, "a <style> element may hold only a style "
		    "sheet");
	first = x->pos;
	for (pass = 0; pass < 2; pass++) {
		x->pos = first;
		for (;;) {
			skip_space(x);
			if (x->pos >= x->len)
				return bad(x, at, "the tag <%.*s> is not "
				    "closed", (int)n, en);
			if (x->s[x->pos] == '>' || starts(x, "/>"))
				break;
			aat = x->pos;
			an = x->s + x->pos;
			if ((vn = name(x)) == 0)
				return bad(x, aat, "the tag <%.*s> is "
				    "malformed", (int)n, en);
			skip_space(x);
			if (x->pos >= x->len || x->s[x->pos] != '=')
				return bad(x, aat, "the attribute \"%.*s\" has "
				    "no value", (int)vn, an);
			x->pos++;
			skip_space(x);
			if (x->pos >= x->len ||
			    ((q = x->s[x->pos]) != '"' && q != '\''))
				return bad(x, aat, "the value of \"%.*s\" is "
				    "not quoted", (int)vn, an);
			v = x->s + ++x->pos;
			while (x->pos < x->len && x->s[x->pos] != q) {
				if (x->s[x->pos] == '<')
					return bad(x, x->pos, "a \"<\" in an "
					    "attribute's value: write "
					    "\"&lt;\"");
				x->pos++;
			}
			if (x->pos >= x->len)
				return bad(x, aat, "the value of \"%.*s\" is "
				    "not closed", (int)vn, an);
			x->pos++;
			if (pass == 0 && vn >= 5 && memcmp(an, "xmlns", 5) == 0 &&
			    check_attr(x, aat, an, vn, v,
			    (size_t)(x->s + x->pos - 1 - v)) == -1)
				return -1;
			if (pass == 1 && !(vn >= 5 && memcmp(an, "xmlns", 5) ==
			    0) && check_attr(x, aat, an, vn, v,
			    (size_t)(x->s + x->pos - 1 - v)) == -1)
				return -1;
		}
		if (pass == 0 && check_element(x, at, en, n) == -1)
			return -1;
	}
	if (starts(x, "/>")) {
		empty = 1;
		x->pos++;
	}
	x->pos++;
	x->root_seen = 1;
	if (empty)
		return 0;
	if (x->depth == MAX_DEPTH)
		return bad(x, at, "the logo nests more than %d elements",
		    MAX_DEPTH);
	x->open[x->depth] = en;
	x->openlen[x->depth++] = n;
	x->in_style = same(en, n, "style");
	return 0;
}

static int
end_tag(struct sx *x)
{
	const char	*en;
	size_t		 at = x->pos - 2, n;

	en = x->s + x->pos;
	n = name(x);
	skip_space(x);
	if (n == 0 || x->pos >= x->len || x->s[x->pos] != '>')
		return bad(x, at, "a closing tag is malformed");
	x->pos++;
	if (x->depth == 0)
		return bad(x, at, "</%.*s> closes no open <%.*s>", (int)n, en,
		    (int)n, en);
	if (x->openlen[x->depth - 1] != n ||
	    memcmp(x->open[x->depth - 1], en, n) != 0)
		return bad(x, at, "</%.*s> where </%.*s> was expected: the "
		    "element <%.*s> is not closed", (int)n, en,
		    (int)x->openlen[x->depth - 1], x->open[x->depth - 1],
		    (int)x->openlen[x->depth - 1], x->open[x->depth - 1]);
	x->depth--;
	x->in_style = 0;
	return 0;
}

/* Text between tags: only inside the top element; a style sheet checked. */
static int
text(struct sx *x)
{
	const char	*t = x->s + x->pos, *lt;
	size_t		 at = x->pos, n;

	lt = memchr(t, '<', x->len - x->pos);
	n = lt != NULL ? (size_t)(lt - t) : x->len - x->pos;
	x->pos += n;
	if (x->depth == 0) {
		for (; t < x->s + x->pos; t++)
			if (!is_space(*t))
				return bad(x, (size_t)(t - x->s), "text "
				    "outside the <svg> element");
		return 0;
	}
	if (x->in_style) {
		if (memchr(t, '&', n) != NULL)
			return bad(x, at, "the logo's style sheet uses a "
			    "character reference (&...;): write the "
			    "character itself");
		return check_css(x, at, t, n);
	}
	return 0;
}

/* The XML declaration: UTF-8 or no encoding named. */
static int
declaration(struct sx *x)
{
	const char	*end = find(x, "?>"), *enc;

	if (end == NULL)
		return bad(x, 0, "the XML declaration is not closed");
	if ((enc = find_nocase(x->s, (size_t)(end - x->s), "encoding")) !=
	    NULL && find_nocase(enc, (size_t)(end - enc), "utf-8") == NULL)
		return bad(x, (size_t)(enc - x->s), "the logo must be saved "
		    "as UTF-8");
	x->pos = (size_t)(end - x->s) + 2;
	return 0;
}

static int
markup(struct sx *x)
{
	const char	*end;
	size_t		 at = x->pos;

	if (starts(x, "<!--")) {
		/*
		 * A browser joins the style sheet's text around a comment:
		 * "@imp<!---->ort" is @import, which each piece hides.
		 */
		if (x->in_style)
			return bad(x, at, "a comment (<!-- ... -->) inside the "
			    "logo's <style> element could hide a link: remove "
			    "it (a comment in a style sheet is written "
			    "/* ... */)");
		if ((end = find(x, "-->")) == NULL)
			return bad(x, at, "a comment is not closed");
		x->pos = (size_t)(end - x->s) + 3;
		return 0;
	}
	if (starts(x, "<!DOCTYPE")) {
		if (x->root_seen)
			return bad(x, at, "a DOCTYPE after the <svg> element");
		for (; x->pos < x->len && x->s[x->pos] != '>'; x->pos++)
			if (x->s[x->pos] == '[')
				return bad(x, at, "the DOCTYPE declares "
				    "entities or elements of its own: save the "
				    "logo without them");
		if (x->pos >= x->len)
			return bad(x, at, "the DOCTYPE is not closed");
		x->pos++;
		return 0;
	}
	if (starts(x, "<![CDATA["))
		return bad(x, at, "a CDATA section is not allowed in a logo: "
		    "write the text with &lt; and &amp;");
	if (starts(x, "<?") || starts(x, "<!"))
		return bad(x, at, "an instruction (<?...?> or <!...>) is not "
		    "allowed in a logo: save it as a plain SVG drawing");
	if (starts(x, "</")) {
		x->pos += 2;
		return end_tag(x);
	}
	x->pos++;
	return start_tag(x);
}

int
svg_check(const char *s, size_t len, int *line, int *col, char *err,
    size_t errsz)
{
	return svg_check_in(NULL, s, len, line, col, err, errsz);
}

int
svg_check_in(const struct lang *lang, const char *s, size_t len, int *line,
    int *col, char *err, size_t errsz)
{
	struct sx	 x;
	size_t		 i;
	int		 rc = 0;

	memset(&x, 0, sizeof(x));
	x.lang = lang;
	x.s = s;
	x.len = len;
	x.err = err;
	x.errsz = errsz;
	if (memchr(s, '\0', len) != NULL)
		rc = bad(&x, (size_t)((const char *)memchr(s, '\0', len) - s),
		    "the logo is not an SVG text file (it holds a NUL byte)");
	else {
		skip_space(&x);
		if (starts(&x, "<?xml") && (x.pos + 5 >= len ||
		    is_space(s[x.pos + 5])))
			rc = declaration(&x);
	}
	while (rc == 0 && x.pos < len)
		rc = s[x.pos] == '<' ? markup(&x) : text(&x);
	if (rc == 0 && x.depth > 0)
		rc = bad(&x, len, "the element <%.*s> is not closed",
		    (int)x.openlen[x.depth - 1], x.open[x.depth - 1]);
	else if (rc == 0 && !x.root_seen)
		rc = bad(&x, len, "the file holds no <svg> element");
	*line = 1;
	*col = 1;
	if (rc == 0)
		return 0;
	for (i = 0; i < x.errpos && i < len; i++) {
		if (s[i] == '\n') {
			++*line;
			*col = 1;
		} else if (((unsigned char)s[i] & 0xc0) != 0x80)
			++*col;
	}
	return -1;
}
