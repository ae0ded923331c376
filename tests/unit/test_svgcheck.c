/*
 * test_svgcheck.c: unit tests for svgcheck.c and image.c's names.  Each
 * SVG is checked from a block of exactly its length, so the sanitizers
 * catch a read past it; every prefix of a good logo is refused cleanly
 * (it is not closed), and each way of running or loading something is
 * refused at its line and column.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "image.h"
#include "svgcheck.h"

static const char good[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
    "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" "
    "xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
    "xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" "
    "viewBox=\"0 0 10 10\">\n"
    "<!-- a comment -->\n"
    "<style>.a{fill:url(#g)}</style>\n"
    "<defs><linearGradient id=\"g\"><stop offset=\"0\"/></linearGradient>"
    "<path id=\"p\" d=\"M0 0h5v5z\"/></defs>\n"
    "<g inkscape:label=\"Lag &amp; 1\"><use xlink:href=\"#p\" "
    "style=\"fill: url( '#g' )\"/><text>Ish&#248;j</text></g>\n"
    "</svg>\n";

/* 0 when accepted; else the message, with its place. */
static int
check(const char *s, int *line, int *col, char *err, size_t errsz)
{
	size_t	 n = strlen(s);
	char	*copy = malloc(n > 0 ? n : 1);
	int	 rc;

	if (copy == NULL)
		abort();
	memcpy(copy, s, n);
	rc = svg_check(copy, n, line, col, err, errsz);
	free(copy);
	return rc;
}

static void
refused(const char *body, int wline, int wcol, const char *words)
{
	char	 svg[1024], err[256], what[1200];
	int	 line, col;

	snprintf(svg, sizeof(svg), "<svg xmlns=\"http://www.w3.org/2000/svg\">"
	    "\n%s\n</svg>\n", body);
	snprintf(what, sizeof(what), "refused: %s", body);
	if (!T_OK(check(svg, &line, &col, err, sizeof(err)) == -1, what))
		return;
	snprintf(what, sizeof(what), "at %d:%d, want %d:%d: %s", line, col,
	    wline, wcol, body);
	T_OK(line == wline && col == wcol, what);
	snprintf(what, sizeof(what), "\"%s\" says \"%s\"", err, words);
	T_OK(strstr(err, words) != NULL, what);
}

static void
test_svg(void)
{
	static const char *const refs[] = {
		"<rect style=\"&#64;import 'x.css'\"/>",
		"<rect style=\"fill:u&#114;l(http://x/y#g)\"/>",
		"<rect fill=\"u&#x72;l(http://x/y#g)\"/>"
	};
	char	 err[256];
	size_t	 i;
	int	 line, col, all = 1;

	T_OK(check(good, &line, &col, err, sizeof(err)) == 0, "a good logo");
	T_OK(check("<svg xmlns=\"http://www.w3.org/2000/svg\"><style>a{b:c}"
	    "</style><!-- x --><style>/* y */d{e:f}</style></svg>", &line,
	    &col, err, sizeof(err)) == 0, "comments beside and in a style sheet");
	for (i = 0; i + 1 < sizeof(good) - 1; i++) {
		char	*copy = malloc(i > 0 ? i : 1);

		if (copy == NULL)
			abort();
		memcpy(copy, good, i);
		if (svg_check(copy, i, &line, &col, err, sizeof(err)) == 0)
			all = 0;
		free(copy);
	}
	T_OK(all, "every prefix of a good logo refused");

	refused("<script>alert(1)</script>", 2, 1, "<script>");
	refused("<rect onload=\"alert(1)\"/>", 2, 7, "\"onload\" runs a script");
	refused("<rect ONCLICK='x'/>", 2, 7, "runs a script");
	refused("<foreignObject/>", 2, 1, "<foreignObject>");
	refused("<image href=\"x.png\"/>", 2, 1, "<image>");
	refused("<a><rect/></a>", 2, 1, "<a>");
	refused("<use href=\"other.svg#x\"/>", 2, 6, "may only refer");
	refused("<use href=\"&#35;x\"/>", 2, 6, "character reference");
	refused("<rect fill=\"url(http://x/y#g)\"/>", 2, 7, "url()");
	refused("<rect style=\"fill:URL( x.svg#g)\"/>", 2, 7, "url()");
	refused("<style>@import 'x.css';</style>", 2, 8, "@import");
	refused("<style>a{b:u\\72l(x)}</style>", 2, 8, "escape");
	refused("<style>a{b:&#117;rl(x)}</style>", 2, 8, "character reference");
	refused("<style><![CDATA[ a{} ]]></style>", 2, 8, "CDATA");
	/* A browser joins a style sheet's text around comments. */
	refused("<style>@imp<!---->ort 'http://x/y.css';</style>", 2, 12,
	    "comment (<!-- ... -->) inside the logo's <style>");
	refused("<style>a{fill:u<!-- x -->rl(http://x/y#g)}</style>", 2, 16,
	    "could hide a link");
	refused("<style><!-- a{fill:red} --></style>", 2, 8, "remove it");
	/* Character references in attributes are refused, not decoded. */
	for (i = 0; i < sizeof(refs) / sizeof(refs[0]); i++)
		refused(refs[i], 2, 7, "character reference");
	refused("<rect style=\"@imp&amp;ort 'x'\" fill=\"url(&quot;"
	    "http://x/y#g&quot;)\"/>", 2, 32, "url()");
	refused("<h:script xmlns:h=\"http://www.w3.org/1999/xhtml\"/>", 2, 1,
	    "<h:script>");
	refused("<x:svg xmlns:x=\"http://www.w3.org/2000/svg\"/>", 2, 1,
	    "<x:svg>");
	refused("<g xmlns:i=\"urn:a\"><g xmlns:i=\"urn:b\"/></g>", 2, 23,
	    "bound to two namespaces");
	refused("<?xml-stylesheet href=\"x.xsl\"?>", 2, 1, "instruction");
	refused("<set attributeName=\"fill\" to=\"red\"/>", 2, 1, "<set>");
	refused("<g>", 3, 1, "<g> is not closed");
	refused("</g>", 2, 1, "where </svg> was expected");
	T_OK(check("<?xml version=\"1.0\" encoding=\"UTF-16\"?><svg/>", &line,
	    &col, err, sizeof(err)) == -1 && strstr(err, "UTF-8") != NULL,
	    "UTF-16 refused");
	T_OK(check("<!DOCTYPE svg [<!ENTITY a \"b\">]><svg/>", &line, &col,
	    err, sizeof(err)) == -1 && strstr(err, "DOCTYPE") != NULL,
	    "an internal DOCTYPE subset refused");
	T_OK(check("<html/>", &line, &col, err, sizeof(err)) == -1,
	    "not an SVG");
	T_OK(check("", &line, &col, err, sizeof(err)) == -1, "empty");
}

static void
test_names(void)
{
	static const char *const ok[] = {
		"foto.png", "foto.PNG", "a.jpg", "b.JPEG", "billeder/a.png",
		"æble/ø.jpg", "a b.png", "x.pdf.png", "./foto.png"
	};
	static const char *const bad[] = {
		"foto.html", "foto", ".skjult.png", "a/.b/c.png", "a//b.png",
		"index.html/a.png", "x.pdf/a.png", "A.PDF/a.png", "a?.png",
		"a#b.png", "a%20b.png", "a\\b.png", "a\tb.png", "foto.png/",
		"foto.svg", "/a.png", "../a.png", "./.a.png", "a/../b.png",
		"INDEX.HTML/a.png", "Index.html/a.png", "a/iNdEx.HtMl/b.png"
	};
	size_t	 i;
	char	 what[IMAGE_MAX_NAME_PART + 2], long_name[IMAGE_MAX_NAME + 2];

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		snprintf(what, sizeof(what), "name %s", ok[i]);
		T_OK(image_name_problem(ok[i]) == NULL, what);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(what, sizeof(what), "name %s refused", bad[i]);
		T_OK(image_name_problem(bad[i]) != NULL, what);
	}
	/* Parts of at most 100 bytes, the whole at most 200. */
	memset(what, 'a', sizeof(what));
	memcpy(what + IMAGE_MAX_NAME_PART - 4, ".png", 5);
	T_OK(image_name_problem(what) == NULL, "a part of 100 bytes");
	memcpy(what + IMAGE_MAX_NAME_PART - 3, ".png", 5);
	T_OK(image_name_problem(what) != NULL, "a part of 101 bytes");
	memset(long_name, 'a', sizeof(long_name));
	long_name[IMAGE_MAX_NAME_PART] = '/';
	memcpy(long_name + IMAGE_MAX_NAME - 4, ".png", 5);
	T_OK(image_name_problem(long_name) == NULL, "a name of 200 bytes");
	memcpy(long_name + IMAGE_MAX_NAME - 3, ".png", 5);
	T_OK(image_name_problem(long_name) != NULL, "a name of 201 bytes");
	T_OK(image_kind_of_name("a.Png") == IMAGE_PNG, "a.Png is a PNG");
	T_OK(image_kind_of_name("a.jPeG") == IMAGE_JPEG, "a.jPeG is a JPEG");
	T_OK(image_kind_of_name("a.gif") == IMAGE__MAX, "a.gif is neither");
}

int
main(void)
{
	t_begin("svgcheck");
	test_svg();
	test_names();
	return t_done();
}
