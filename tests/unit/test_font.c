/*
 * test_font.c: unit tests for font.c: metrics against known Liberation
 * values, UTF-8 decoding and stand-ins, the refusals and their messages,
 * the exact ToUnicode CMap, and the round trip the PDF device depends
 * on: a HarfBuzz subset loaded by libharu, drawn, read back by pdftotext.
 */
#include <sys/stat.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hpdf.h>

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

/* What libharu reported first; later errors follow from it. */
struct hpdf_err {
	HPDF_STATUS	 code;
	HPDF_STATUS	 detail;
};

static void
on_hpdf_error(HPDF_STATUS code, HPDF_STATUS detail, void *arg)
{
	struct hpdf_err	*e = arg;

	if (e->code == 0) {
		e->code = code;
		e->detail = detail;
	}
}

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

static long
file_size(const char *path)
{
	struct stat	 st;

	return stat(path, &st) == 0 ? (long)st.st_size : -1;
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
	struct diag	 d;
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

	/* A subset that cannot be written is a system error. */
	f = open_font(SANS, msgs, sizeof(msgs), &errors);
	if (f != NULL) {
		diag_init(&d, NULL);
		font_use(f, "abc", 3);
		T_OK(font_subset(f, &d, "/nonexistent/dir/sub.ttf") == -1 &&
		    d.count[DIAG_SYSERR] == 1, "an unwritable subset path");
		font_close(f);
	}
}

static void
test_tounicode(void)
{
	struct arena	 a;
	struct buf	 b;
	struct font	*f;
	char		 msgs[1024], s[512];
	const char	*p;
	size_t		 n;
	uint32_t	 cp;
	int		 errors;

	arena_init(&a);
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
	    "<0020> <0020>\n"
	    "<0045> <0045>\n"
	    "endbfchar\n"
	    "1 beginbfrange\n"
	    "<0041> <0043> <0041>\n"
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
	font_tounicode(f, &b);
	p = strstr(b.data, "endcodespacerange\n");
	T_STREQ(p, "endcodespacerange\n"
	    "2 beginbfchar\n"
	    "<4E00> <4E00>\n"
	    "<FFFD> <FFFD>\n"
	    "endbfchar\n"
	    "2 beginbfrange\n"
	    "<00FE> <00FF> <00FE>\n"
	    "<0100> <0101> <0100>\n"
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
	font_tounicode(f, &b);
	T_OK(strstr(b.data, "100 beginbfchar\n<0100> <0100>\n") != NULL &&
	    strstr(b.data, "<0446> <0446>\nendbfchar\n12 beginbfchar\n"
	    "<0448> <0448>\n") != NULL &&
	    strstr(b.data, "<045E> <045E>\nendbfchar\nendcmap\n") != NULL,
	    "at most 100 entries a block");
	font_close(f);
	arena_fini(&a);
}

/* Run cmd and return its output (first sz-1 bytes), or -1. */
static int
run(const char *cmd, char *out, size_t sz)
{
	FILE	*p;
	size_t	 n;

	if ((p = popen(cmd, "r")) == NULL)
		return -1;
	n = fread(out, 1, sz - 1, p);
	out[n] = '\0';
	return pclose(p) == 0 ? 0 : -1;
}

/* Read at most sz-1 bytes of path into out; "" if it is missing. */
static void
slurp(const char *path, char *out, size_t sz)
{
	FILE	*fp;
	size_t	 n = 0;

	if ((fp = fopen(path, "rb")) != NULL) {
		n = fread(out, 1, sz - 1, fp);
		fclose(fp);
	}
	out[n] = '\0';
}

/* Collapse runs of white space to one space and trim the ends. */
static void
squeeze(char *s)
{
	char	*w = s, *r;
	int	 sp = 0;

	for (r = s; *r != '\0'; r++) {
		if (*r == ' ' || *r == '\n' || *r == '\f' || *r == '\r') {
			sp = w != s;
			continue;
		}
		if (sp)
			*w++ = ' ';
		sp = 0;
		*w++ = *r;
	}
	*w = '\0';
}

/*
 * Draw text in lines of at most width points, broken at spaces by our
 * own widths, as the typesetter will.  Returns the number of lines.
 */
static int
draw_lines(HPDF_Page page, const struct font *f, const char *text,
    double size, double width)
{
	char		 line[1024];
	const char	*p = text, *end, *sp;
	int		 n = 0;

	while (*p != '\0') {
		end = p;
		for (;;) {
			sp = strchr(end + 1, ' ');
			if (sp == NULL)
				sp = p + strlen(p);
			if (end != p && font_width(f, p, (size_t)(sp - p),
			    size) > width)
				break;
			end = sp;
			if (*sp == '\0')
				break;
		}
		if ((size_t)(end - p) >= sizeof(line))
			break;
		memcpy(line, p, (size_t)(end - p));
		line[end - p] = '\0';
		HPDF_Page_TextOut(page, 50, (HPDF_REAL)(780 - n * size * 1.3),
		    line);
		n++;
		p = *end == ' ' ? end + 1 : end;
	}
	return n;
}

/*
 * Give the Type0 font our ToUnicode CMap, as the PDF device will,
 * through libharu's installed internal headers.
 */
static int
add_tounicode(HPDF_Doc pdf, HPDF_Font hf, const struct font *f)
{
	struct arena	 a;
	struct buf	 b;
	HPDF_Dict	 cmap;
	int		 rc = -1;

	arena_init(&a);
	buf_init(&b, &a);
	font_tounicode(f, &b);
	if ((cmap = HPDF_DictStream_New(pdf->mmgr, pdf->xref)) != NULL &&
	    HPDF_Stream_Write(cmap->stream, (const HPDF_BYTE *)b.data,
	    (HPDF_UINT)b.len) == HPDF_OK &&
	    HPDF_Dict_Add(hf, "ToUnicode", cmap) == HPDF_OK)
		rc = 0;
	arena_fini(&a);
	return rc;
}

/*
 * Subset the face at font_path for text, load the subset into libharu,
 * compare widths, draw the text in lines, save with compression, and
 * read it back with poppler.  Returns the PDF's size, or -1.
 */
static long
round_trip(const char *font_path, const char *text, const char *dir,
    const char *stem, int have_poppler)
{
	struct hpdf_err	 e;
	struct diag	 d;
	struct font	*f;
	HPDF_Doc	 pdf;
	HPDF_Page	 page;
	HPDF_Font	 hf;
	HPDF_TextWidth	 tw;
	const char	*name;
	char		 sub[256], out[256], err[256], cmd[900];
	char		 got[4096], want[4096], one[4], what[160];
	long		 size = -1;
	size_t		 i, n;
	int		 bad, lines;

	snprintf(sub, sizeof(sub), "%s/%s.ttf", dir, stem);
	snprintf(out, sizeof(out), "%s/%s.pdf", dir, stem);
	snprintf(err, sizeof(err), "%s/%s.err", dir, stem);
	diag_init(&d, stderr);
	if ((f = font_open(&d, font_path)) == NULL)
		return -1;
	font_use(f, text, strlen(text));
	/* A character no face here has: the device draws U+FFFD. */
	font_use(f, "\xe4\xb8\x80", 3);
	snprintf(what, sizeof(what), "%s: font_subset", stem);
	if (!T_OK(font_subset(f, &d, sub) == 0 && diag_status(&d) == 0,
	    what)) {
		diag_flush(&d);
		font_close(f);
		return -1;
	}

	memset(&e, 0, sizeof(e));
	pdf = HPDF_New(on_hpdf_error, &e);
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	name = HPDF_LoadTTFontFromFile(pdf, sub, HPDF_TRUE);
	hf = name != NULL ? HPDF_GetFont(pdf, name, "UTF-8") : NULL;
	snprintf(what, sizeof(what), "%s: libharu loads the subset", stem);
	if (!T_OK(hf != NULL && e.code == 0, what)) {
		fprintf(stderr, "libharu error 0x%04X detail %u\n",
		    (unsigned int)e.code, (unsigned int)e.detail);
		goto out;
	}

	/* libharu's widths: what it advances by and writes into /W. */
	tw = HPDF_Font_TextWidth(hf, (const HPDF_BYTE *)text,
	    (HPDF_UINT)strlen(text));
	snprintf(what, sizeof(what), "%s: text width agrees with libharu "
	    "(%.3f pt at 11 pt)", stem, tw.width * 11.0 / 1000);
	T_OK(fabs(tw.width * 11.0 / 1000 - font_width(f, text,
	    strlen(text), 11.0)) < 0.01, what);
	bad = 0;
	for (i = 0; text[i] != '\0'; i += n) {
		n = 1;
		while ((text[i + n] & 0xC0) == 0x80)
			n++;
		memcpy(one, text + i, n);
		tw = HPDF_Font_TextWidth(hf, (const HPDF_BYTE *)one,
		    (HPDF_UINT)n);
		if ((int)tw.width != (int)lround(font_width(f, one, n, 1000)))
			bad++;
	}
	snprintf(what, sizeof(what), "%s: every character's width agrees",
	    stem);
	T_OK(bad == 0, what);
	tw = HPDF_Font_TextWidth(hf, (const HPDF_BYTE *)"\xef\xbf\xbd", 3);
	snprintf(what, sizeof(what), "%s: libharu draws the stand-in as "
	    "wide as we measure a missing character", stem);
	T_OK((int)tw.width == font_advance(f, 0x4E00), what);

	page = HPDF_AddPage(pdf);
	HPDF_Page_BeginText(page);
	HPDF_Page_SetFontAndSize(page, hf, 11);
	lines = draw_lines(page, f, text, 11, 495);
	HPDF_Page_EndText(page);
	snprintf(what, sizeof(what), "%s: libharu draws and saves", stem);
	if (!T_OK(add_tounicode(pdf, hf, f) == 0 &&
	    HPDF_SaveToFile(pdf, out) == HPDF_OK && e.code == 0, what)) {
		fprintf(stderr, "libharu error 0x%04X detail %u\n",
		    (unsigned int)e.code, (unsigned int)e.detail);
		goto out;
	}
	size = file_size(out);
	printf("font: %s: subset %ld bytes (face %ld), compressed PDF of "
	    "%d line%s %ld bytes, font %s\n", stem, file_size(sub),
	    file_size(font_path), lines, lines == 1 ? "" : "s", size, name);

	if (!have_poppler)
		goto out;
	snprintf(cmd, sizeof(cmd), "pdftotext -enc UTF-8 '%s' - 2>'%s'",
	    out, err);
	snprintf(want, sizeof(want), "%s", text);
	squeeze(want);
	snprintf(what, sizeof(what), "%s: pdftotext reads the text back",
	    stem);
	if (run(cmd, got, sizeof(got)) == 0)
		squeeze(got);
	else
		got[0] = '\0';
	T_STREQ(got, want, what);
	/* With our ToUnicode poppler has nothing to complain about. */
	slurp(err, got, sizeof(got));
	snprintf(what, sizeof(what), "%s: poppler reads it silently", stem);
	T_STREQ(got, "", what);
	snprintf(cmd, sizeof(cmd), "pdffonts '%s' 2>&1", out);
	snprintf(what, sizeof(what), "%s: embedded as a CID TrueType subset "
	    "with ToUnicode", stem);
	if (!T_OK(run(cmd, got, sizeof(got)) == 0 &&
	    strstr(got, "CID TrueType") != NULL &&
	    strstr(got, "Identity-H       yes yes yes") != NULL, what))
		fprintf(stderr, "%s", got);
out:
	HPDF_Free(pdf);
	font_close(f);
	return size;
}

/*
 * The truncation libharu applies, checked over every BMP character of
 * the whole face loaded into libharu (not embedded, never saved).
 */
static void
test_widths_vs_libharu(const char *path, const char *stem)
{
	struct hpdf_err	 e;
	struct diag	 d;
	struct font	*f;
	HPDF_Doc	 pdf;
	HPDF_Font	 hf;
	HPDF_TextWidth	 tw;
	const char	*name;
	char		 s[4], what[128];
	uint32_t	 cp;
	size_t		 n;
	int		 bad = 0, checked = 0;

	diag_init(&d, stderr);
	if ((f = font_open(&d, path)) == NULL)
		return;
	memset(&e, 0, sizeof(e));
	pdf = HPDF_New(on_hpdf_error, &e);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_FALSE);
	hf = name != NULL ? HPDF_GetFont(pdf, name, "UTF-8") : NULL;
	if (T_OK(hf != NULL, "libharu loads the whole face")) {
		for (cp = 0x20; cp < 0x10000; cp++) {
			if (!font_has(f, cp) || (cp >= 0xD800 && cp < 0xE000))
				continue;
			n = utf8_put(s, cp);
			tw = HPDF_Font_TextWidth(hf, (const HPDF_BYTE *)s,
			    (HPDF_UINT)n);
			checked++;
			if ((int)tw.width != font_advance(f, cp)) {
				if (bad++ < 5)
					fprintf(stderr, "U+%04X: libharu %u, "
					    "ours %d\n", (unsigned int)cp,
					    (unsigned int)tw.width,
					    font_advance(f, cp));
			}
		}
		snprintf(what, sizeof(what), "%s: all %d advances equal "
		    "libharu's", stem, checked);
		T_OK(bad == 0 && checked > 500, what);
	}
	HPDF_Free(pdf);
	font_close(f);
}

static void
test_subset(void)
{
	char	 dir[] = "/tmp/test_font.XXXXXX";
	char	 cmd[300], buf[64];
	int	 have;

	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(2);
	}
	have = run("command -v pdftotext >/dev/null && "
	    "command -v pdffonts >/dev/null && echo yes", buf,
	    sizeof(buf)) == 0 && strncmp(buf, "yes", 3) == 0;
	if (!have)
		printf("font: skipped: pdftotext or pdffonts (poppler-utils) "
		    "missing, PDFs not read back\n");
	round_trip(SANS, DANISH, dir, "sans", have);
	round_trip(BOLD, DANISH, dir, "bold", have);
	round_trip(ITALIC, DANISH, dir, "italic", have);
	round_trip(MONO, DANISH, dir, "mono", have);
	round_trip(DEJAVU, DANISH, dir, "dejavu", have);
	round_trip(SANS, PAGE, dir, "page", have);
	round_trip(BOLD, PAGE, dir, "page-bold", have);
	test_widths_vs_libharu(SANS, "sans");
	test_widths_vs_libharu(DEJAVU, "dejavu");
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

int
main(void)
{
	t_begin("font");
	test_metrics();
	test_width();
	test_refusals();
	test_tounicode();
	test_subset();
	return t_done();
}
