/*
 * test_font.c: unit tests for font.c: metrics against known Liberation
 * values, UTF-8 decoding and stand-ins, the refusals and their messages,
 * the exact ToUnicode CMap of the CIDs, and the subsets: read back with
 * HarfBuzz, each character at the glyph its CID maps to, and small.
 * The PDF they make is tested whole by tests/site/pdf.sh and seed.sh.
 */
#include <sys/stat.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hb.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "font.h"
#include "harness.h"

#define LIB	"/usr/share/fonts/truetype/liberation/"
#define SANS	LIB "LiberationSans-Regular.ttf"
#define BOLD	LIB "LiberationSans-Bold.ttf"
#define ITALIC	LIB "LiberationSans-Italic.ttf"
#define MONO	LIB "LiberationMono-Regular.ttf"
#define DEJAVU	"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

#define DANISH	"Bydelsmødre æøåÆØÅ ” » « – — … € §"

/* A page's worth of a status memo, for realistic subset sizes. */
static const char PAGE[] =
    "Statusnotat pr. 20. maj 2021 for Bydelsmødre i Gellerup, Hasle og "
    "Bispehaven. Indsatsen er finansieret af puljen til styrket "
    "forebyggelse (j.nr. 2020-014718) og løber frem til ultimo december "
    "2022. Siden sidste statusnotat har de 24 aktive bydelsmødre holdt "
    "146 samtaler med kvinder, der ellers ikke er i kontakt med "
    "kommunen, og 38 af dem er blevet fulgt videre til sundhedsplejen, "
    "jobcentret eller en frivillig forening. Målet for hele perioden er "
    "300 samtaler; vi er dermed på 49 % af målet efter 55 % af tiden. "
    "Forsinkelsen skyldes især nedlukningen i foråret, hvor møderne i "
    "beboerhusene blev aflyst, og hvor telefonsamtaler kun delvist "
    "kunne erstatte dem. Økonomi: Af budgettet på 1.250.000 kr. er "
    "612.480 kr. brugt (49 %), heraf 418.000 kr. til løn, 96.300 kr. "
    "til uddannelse og 98.180 kr. til lokaler, materialer og "
    "tolkebistand. Vi forventer et mindreforbrug på ca. 40.000 kr., "
    "som søges overført til 2022. Risici: To af de erfarne mødre "
    "flytter fra området i sommer; der er rekrutteret tre nye, som "
    "begynder på grunduddannelsen medio august. Samarbejdet med "
    "skolerne er styrket – især med Rundhøjskolen og Ellekærskolen, "
    "hvor bydelsmødrene nu deltager i forældremøder for 0.–3. klasse. "
    "Næste skridt: » evaluering af samtaleforløbene (VIA University "
    "College), « fælles temadag om økonomi og gæld den 14. "
    "september, og en ansøgning om videreførelse efter § 79 i lov om "
    "social service. Spørgsmål kan rettes til projektleder Ayşe "
    "Øzdemir-Jørgensen på telefon 87 13 20 00 eller via ”Kontakt "
    "Aarhus”. Næste statusnotat udkommer primo oktober 2021.";

/* Open path, collecting the diagnostics as text in msgs. */
static struct font *
open_font(const char *path, char *msgs, size_t sz, int *errors)
{
	struct diag	 d;
	struct font	*f;
	FILE		*fp;
	size_t		 n;

	if ((fp = tmpfile()) == NULL) {
		perror("tmpfile");
		exit(2);
	}
	diag_init(&d, fp);
	f = font_open(&d, path);
	*errors = d.count[DIAG_ERROR] + d.count[DIAG_SYSERR];
	diag_flush(&d);
	rewind(fp);
	n = fread(msgs, 1, sz - 1, fp);
	msgs[n] = '\0';
	fclose(fp);
	return f;
}

/* Width of s from an exact-size heap copy, so ASan sees any overread. */
static double
width_n(const struct font *f, const char *s, size_t n, double size)
{
	char	*p;
	double	 w;

	if ((p = malloc(n > 0 ? n : 1)) == NULL)
		abort();
	memcpy(p, s, n);
	w = font_width(f, p, n, size);
	free(p);
	return w;
}

static int
near(double a, double b)
{
	return a - b < 0.005 && b - a < 0.005;
}

static size_t
utf8_put(char *s, uint32_t cp)
{
	if (cp < 0x80) {
		s[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		s[0] = (char)(0xC0 | cp >> 6);
		s[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	s[0] = (char)(0xE0 | cp >> 12);
	s[1] = (char)(0x80 | (cp >> 6 & 0x3F));
	s[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

static void
test_metrics(void)
{
	struct font	*f;
	char		 msgs[1024];
	int		 errors;

	f = open_font(SANS, msgs, sizeof(msgs), &errors);
	if (!T_OK(f != NULL && errors == 0, "Liberation Sans opens"))
		return;
	T_OK(font_advance(f, 'a') == 556, "advance of a is 556");
	/*
	 * 569/2048 em: 277.8, which libharu truncates to 277 (its /W and
	 * its text widths), so 277 it is here too.
	 */
	T_OK(font_advance(f, ' ') == 277, "advance of space is 277");
	T_OK(font_advance(f, 'W') == 943, "advance of W is 943");
	T_OK(font_advance(f, 0xE6) > 0 && font_advance(f, 0xF8) > 0 &&
	    font_advance(f, 0xE5) > 0, "æ ø å have advances");
	T_OK(font_advance(f, 0x201D) > 0 && font_advance(f, 0xBB) > 0 &&
	    font_advance(f, 0x2013) > 0 && font_advance(f, 0x20AC) > 0,
	    "” » – € have advances");
	T_OK(font_has(f, 'a') && font_has(f, 0xF8) && font_has(f, 0x2014),
	    "font_has for present characters");
	T_OK(!font_has(f, 0x4E00) && !font_has(f, 0x1F600) &&
	    !font_has(f, 0x10000), "font_has for absent ones");
	/* hhea 1854/-434 of 2048, truncated as libharu does. */
	T_OK(font_ascent(f) == 905, "ascent 905");
	T_OK(font_descent(f) == -211, "descent -211");
	/* OS/2 sCapHeight 1409, sxHeight 1082. */
	T_OK(font_cap_height(f) == 687, "cap height 687");
	T_OK(font_x_height(f) == 528, "x height 528");
	T_OK(!font_is_used(f), "a fresh face is unused");
	font_use(f, "", 0);
	T_OK(!font_is_used(f), "nothing drawn: still unused");
	font_use(f, "a", 1);
	T_OK(font_is_used(f), "used once something is recorded");
	font_close(f);

	f = open_font(DEJAVU, msgs, sizeof(msgs), &errors);
	if (T_OK(f != NULL && errors == 0, "DejaVu Sans opens")) {
		T_OK(font_advance(f, 'a') == 612, "DejaVu a is 612");
		T_OK(font_ascent(f) > 700 && font_descent(f) < -100,
		    "DejaVu vertical metrics");
		font_close(f);
	}
}

static void
test_width(void)
{
	struct font	*f;
	char		 msgs[1024];
	const char	*s = "Bydelsmødre";
	int		 errors, fffd, sum;

	f = open_font(SANS, msgs, sizeof(msgs), &errors);
	if (f == NULL)
		return;
	sum = font_advance(f, 'B') + font_advance(f, 'y') +
	    font_advance(f, 'd') + font_advance(f, 'e') +
	    font_advance(f, 'l') + font_advance(f, 's') +
	    font_advance(f, 'm') + font_advance(f, 0xF8) +
	    font_advance(f, 'd') + font_advance(f, 'r') +
	    font_advance(f, 'e');
	T_OK(near(width_n(f, s, strlen(s), 10), sum / 100.0),
	    "width of a Danish word is its advances");
	T_OK(near(width_n(f, "aa", 2, 10), 11.12), "aa at 10 pt is 11.12");
	T_OK(width_n(f, "", 0, 12) == 0, "empty text has no width");

	/* Stand-ins: U+FFFD if the face has it, else .notdef. */
	fffd = font_has(f, 0xFFFD) ? font_advance(f, 0xFFFD) :
	    font_advance(f, 0);
	T_OK(fffd > 0, "the stand-in has a width");
	T_OK(font_advance(f, 0x4E00) == fffd, "a missing BMP glyph");
	T_OK(font_advance(f, 0x1F600) == fffd, "a character above U+FFFF");
	T_OK(near(width_n(f, "\xe4\xb8\x80", 3, 10), fffd / 100.0),
	    "width of a missing character");
	T_OK(near(width_n(f, "\xf0\x9f\x98\x80", 4, 10), fffd / 100.0),
	    "an emoji is one stand-in");

	/* Invalid UTF-8: each bad byte is one U+FFFD. */
	T_OK(near(width_n(f, "\xff", 1, 10), fffd / 100.0), "a stray byte");
	T_OK(near(width_n(f, "a\xc3", 2, 10), (556 + fffd) / 100.0),
	    "a sequence cut short at the end");
	T_OK(near(width_n(f, "\xc3" "a", 2, 10), (556 + fffd) / 100.0),
	    "a sequence cut short by ASCII");
	T_OK(near(width_n(f, "\xc0\xaf", 2, 10), 2 * fffd / 100.0),
	    "an overlong sequence");
	T_OK(near(width_n(f, "\xed\xa0\x80", 3, 10), 3 * fffd / 100.0),
	    "an encoded surrogate");
	T_OK(near(width_n(f, "\xf4\x90\x80\x80", 4, 10), 4 * fffd / 100.0),
	    "above U+10FFFF");
	T_OK(near(width_n(f, "\xe2\x80\x9d", 3, 10),
	    font_advance(f, 0x201D) / 100.0), "a valid three-byte ”");
	font_close(f);
}

static void
test_refusals(void)
{
	struct font	*f;
	FILE		*fp;
	char		 msgs[1024], tmp[] = "/tmp/test_font.XXXXXX";
	char		 path[64];
	unsigned char	*data;
	long		 n = 0, i;
	int		 errors, fd;

	f = open_font("/nonexistent/Missing.ttf", msgs, sizeof(msgs),
	    &errors);
	T_OK(f == NULL && errors == 1, "a missing file fails once");
	T_STREQ(msgs, "/nonexistent/Missing.ttf: error: no such font file\n",
	    "a missing file's message");

	if ((fd = mkstemp(tmp)) == -1 || write(fd, "hostname\n", 9) != 9) {
		perror("mkstemp");
		exit(2);
	}
	close(fd);
	f = open_font(tmp, msgs, sizeof(msgs), &errors);
	T_OK(f == NULL && errors == 1, "a text file is no font");
	T_OK(strstr(msgs, ": error: not a TrueType font") != NULL,
	    "a text file's message");

	/* An empty file. */
	if ((fp = fopen(tmp, "w")) != NULL)
		fclose(fp);
	f = open_font(tmp, msgs, sizeof(msgs), &errors);
	T_OK(f == NULL && strstr(msgs, "not a TrueType font") != NULL,
	    "an empty file is no font");

	f = open_font("/tmp", msgs, sizeof(msgs), &errors);
	T_OK(f == NULL && errors == 1 && strstr(msgs, "not a regular file"),
	    "a directory is no font");

	/*
	 * Liberation Sans with its glyf table renamed "glyg" (still in
	 * sorted order): a font whose outlines libharu cannot embed, as
	 * with CFF-flavoured OpenType.
	 */
	data = NULL;
	if ((fp = fopen(SANS, "rb")) != NULL) {
		fseek(fp, 0, SEEK_END);
		n = ftell(fp);
		rewind(fp);
		if (n > 12 && (data = malloc((size_t)n)) != NULL &&
		    fread(data, 1, (size_t)n, fp) != (size_t)n) {
			free(data);
			data = NULL;
		}
		fclose(fp);
	}
	if (T_OK(data != NULL, "read Liberation Sans")) {
		for (i = 12; i + 16 <= n && i < 12 + 16 * 64; i += 16)
			if (memcmp(data + i, "glyf", 4) == 0)
				data[i + 3] = 'g';
		snprintf(path, sizeof(path), "%s.ttf", tmp);
		if ((fp = fopen(path, "wb")) != NULL) {
			fwrite(data, 1, (size_t)n, fp);
			fclose(fp);
		}
		free(data);
		f = open_font(path, msgs, sizeof(msgs), &errors);
		T_OK(f == NULL && errors == 1 &&
		    strstr(msgs, "with glyf outlines") != NULL,
		    "a font without glyf is refused");
		font_close(f);
		unlink(path);
	}
	unlink(tmp);

}

static void
test_tounicode(void)
{
	struct arena	 a;
	struct buf	 b;
	struct diag	 d;
	struct font	*f;
	char		 msgs[1024], s[512];
	const char	*p;
	size_t		 n;
	uint32_t	 cp;
	int		 errors;

	arena_init(&a);
	diag_init(&d, NULL);
	f = open_font(SANS, msgs, sizeof(msgs), &errors);
	if (f == NULL)
		return;
	buf_init(&b, &a);
	font_tounicode(f, &b);
	T_STREQ(b.data,
	    "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\n"
	    "begincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n"
	    "/CMapType 2 def\n"
	    "1 begincodespacerange\n"
	    "<0000> <FFFF>\n"
	    "endcodespacerange\n"
	    "endcmap\n"
	    "CMapName currentdict /CMap defineresource pop\n"
	    "end\n"
	    "end\n", "an unused face's CMap has no mappings");

	font_use(f, "A B C E", 7);
	buf_init(&b, &a);
	font_subset(f, &d, &b);
	buf_init(&b, &a);
	font_tounicode(f, &b);
	T_STREQ(b.data,
	    "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\n"
	    "begincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n"
	    "/CMapType 2 def\n"
	    "1 begincodespacerange\n"
	    "<0000> <FFFF>\n"
	    "endcodespacerange\n"
	    "2 beginbfchar\n"
	    "<0001> <0020>\n"
	    "<0005> <0045>\n"
	    "endbfchar\n"
	    "1 beginbfrange\n"
	    "<0002> <0004> <0041>\n"
	    "endbfrange\n"
	    "endcmap\n"
	    "CMapName currentdict /CMap defineresource pop\n"
	    "end\n"
	    "end\n", "\"A B C E\": one bfrange, two bfchar");
	font_close(f);

	/* A run across a high-byte boundary splits; a missing glyph. */
	f = open_font(SANS, msgs, sizeof(msgs), &errors);
	font_use(f, "\xc3\xbe\xc3\xbf\xc4\x80\xc4\x81\xe4\xb8\x80", 11);
	buf_init(&b, &a);
	font_subset(f, &d, &b);
	buf_init(&b, &a);
	font_tounicode(f, &b);
	p = strstr(b.data, "endcodespacerange\n");
	T_STREQ(p, "endcodespacerange\n"
	    "2 beginbfchar\n"
	    "<0005> <4E00>\n"
	    "<0006> <FFFD>\n"
	    "endbfchar\n"
	    "2 beginbfrange\n"
	    "<0001> <0002> <00FE>\n"
	    "<0003> <0004> <0100>\n"
	    "endbfrange\n"
	    "endcmap\n"
	    "CMapName currentdict /CMap defineresource pop\n"
	    "end\n"
	    "end\n", "ranges split at xxFF; a missing glyph maps U+FFFD too");
	font_close(f);

	/* 112 single code points: a block of 100 and one of 12. */
	f = open_font(SANS, msgs, sizeof(msgs), &errors);
	n = 0;
	for (cp = 0x100; cp < 0x180; cp += 2)
		n += utf8_put(s + n, cp);
	for (cp = 0x400; cp < 0x460; cp += 2)
		n += utf8_put(s + n, cp);
	font_use(f, s, n);
	buf_init(&b, &a);
	font_subset(f, &d, &b);
	buf_init(&b, &a);
	font_tounicode(f, &b);
	T_OK(strstr(b.data, "100 beginbfchar\n<0001> <0100>\n") != NULL &&
	    strstr(b.data, "<0064> <0446>\nendbfchar\n12 beginbfchar\n"
	    "<0065> <0448>\n") != NULL &&
	    strstr(b.data, "<0070> <045E>\nendbfchar\nendcmap\n") != NULL,
	    "at most 100 entries a block");
	font_close(f);
	arena_fini(&a);
}

/*
 * The subset: read back with HarfBuzz, every used character that the
 * face has is in it, at the glyph its CID is mapped to; and it is small.
 */
static void
check_subset(const char *path, const char *text, const char *stem,
    size_t max)
{
	struct arena	 a;
	struct buf	 b;
	struct diag	 d;
	struct font	*f;
	hb_blob_t	*blob;
	hb_face_t	*face;
	hb_font_t	*hb;
	hb_codepoint_t	 gid;
	char		 msgs[1024], what[128];
	const unsigned char *s = (const unsigned char *)text;
	uint32_t	 cp;
	size_t		 i = 0, k;
	int		 errors, bad = 0;

	arena_init(&a);
	if ((f = open_font(path, msgs, sizeof(msgs), &errors)) == NULL) {
		T_OK(0, path);
		arena_fini(&a);
		return;
	}
	font_use(f, text, strlen(text));
	diag_init(&d, NULL);
	buf_init(&b, &a);
	snprintf(what, sizeof(what), "%s: font_subset", stem);
	T_OK(font_subset(f, &d, &b) == 0 && diag_status(&d) == 0, what);
	snprintf(what, sizeof(what), "%s: subset of %zu bytes, at most %zu",
	    stem, b.len, max);
	T_OK(b.len > 0 && b.len <= max, what);
	blob = hb_blob_create(b.data, (unsigned int)b.len,
	    HB_MEMORY_MODE_READONLY, NULL, NULL);
	face = hb_face_create(blob, 0);
	hb = hb_font_create(face);
	while (s[i] != '\0') {
		for (k = 1, cp = s[i]; (s[i] & 0x80) && (s[i + k] & 0xc0) ==
		    0x80; k++)
			cp = (cp << 6) | (s[i + k] & 0x3f);
		if (k == 2)
			cp &= 0x7ff;
		else if (k == 3)
			cp &= 0xffff;
		i += k;
		if (!font_has(f, cp))
			continue;
		if (!hb_font_get_nominal_glyph(hb, cp, &gid) || gid == 0 ||
		    font_cid_gid(f, font_cid(f, cp)) != gid ||
		    font_cid_width(f, font_cid(f, cp)) != font_advance(f, cp))
			bad++;
	}
	snprintf(what, sizeof(what), "%s: every character at its glyph",
	    stem);
	T_OK(bad == 0 && font_cids(f) > 1, what);
	hb_font_destroy(hb);
	hb_face_destroy(face);
	hb_blob_destroy(blob);
	font_close(f);
	arena_fini(&a);
}

static void
test_subset(void)
{
	check_subset(SANS, DANISH, "sans", 8 * 1024);
	check_subset(BOLD, DANISH, "bold", 8 * 1024);
	check_subset(ITALIC, DANISH, "italic", 8 * 1024);
	check_subset(MONO, DANISH, "mono", 8 * 1024);
	check_subset(DEJAVU, DANISH, "dejavu", 8 * 1024);
	check_subset(SANS, PAGE, "page", 16 * 1024);
}

/*
 * The tables are paged: code points in a page the face maps nothing
 * in, and unmapped ones in a page it does, measure as the face's own
 * stand-in; the CIDs are numbered afresh for the next document.
 */
static void
test_pages(void)
{
	struct arena	 a;
	struct buf	 b;
	struct diag	 d;
	struct font	*f, *g;
	char		 msgs[1024];
	int		 errors, fb;

	f = open_font(SANS, msgs, sizeof(msgs), &errors);
	g = open_font(DEJAVU, msgs, sizeof(msgs), &errors);
	if (!T_OK(f != NULL && g != NULL, "two faces open")) {
		font_close(f);
		font_close(g);
		return;
	}
	fb = font_advance(f, 0x1F600);
	T_OK(font_advance(f, 0x4E00) == fb && font_advance(f, 0xE000) == fb &&
	    font_advance(f, 0x80) == fb && !font_has(f, 0x80),
	    "unmapped code points, in pages with glyphs or none");
	T_OK(font_advance(g, 0x4E00) == font_advance(g, 0x1F600) &&
	    font_advance(g, 0x4E00) != fb, "each face its own stand-in");
	T_OK(font_cid(f, 0xF8) == 0, "no CIDs before font_subset");

	arena_init(&a);
	diag_init(&d, NULL);
	font_use(f, "\xc3\xb8", 2);
	buf_init(&b, &a);
	T_OK(font_subset(f, &d, &b) == 0 && font_cids(f) == 2 &&
	    font_cid(f, 0xF8) == 1, "ø is CID 1");
	font_clear_use(f);
	T_OK(!font_is_used(f), "font_clear_use forgets");
	font_use(f, "\xc4\x80", 2);
	buf_init(&b, &a);
	T_OK(font_subset(f, &d, &b) == 0 && font_cids(f) == 2 &&
	    font_cid(f, 0x100) == 1 && font_cid(f, 0xF8) == 0 &&
	    font_cid(f, 0x4E00) == 0 && font_cid(f, 0x10100) == 0,
	    "the next document: Ā is CID 1, ø none");
	arena_fini(&a);
	font_close(f);
	font_close(g);
}

int
main(void)
{
	t_begin("font");
	test_metrics();
	test_width();
	test_refusals();
	test_tounicode();
	test_pages();
	test_subset();
	return t_done();
}
