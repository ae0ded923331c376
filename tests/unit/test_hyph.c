/*
 * test_hyph.c: unit tests for hyph.c: the Danish breaks the notes
 * record, capitals, punctuation and hyphens around the letters, digits,
 * addresses, the minimum lengths, and bad or huge input.  Words are
 * copied to a block of exactly their length, so that the sanitizers
 * catch a read past len.
 */
#include <stdlib.h>

#include "diag.h"
#include "hyph.h"
#include "harness.h"

#define MAXPTS	64

/* Points for w[0..n), read from an exact-size heap copy. */
static size_t
points_n(const struct hyph *h, const char *w, size_t n, int minl,
    int minr, size_t *pts, size_t max)
{
	char	*p;
	size_t	 np;

	if ((p = malloc(n > 0 ? n : 1)) == NULL)
		abort();
	memcpy(p, w, n);
	np = hyph_points(h, p, n, minl, minr, pts, max);
	free(p);
	return np;
}

/*
 * w with "=" at each point, in buf.  Also checks what every caller
 * relies on: points ascending, inside the word, never at its ends.
 */
static const char *
render(const struct hyph *h, const char *w, int minl, int minr, char *buf,
    size_t bufsz)
{
	size_t	 pts[MAXPTS], n, np, i, j, o;

	n = strlen(w);
	np = points_n(h, w, n, minl, minr, pts, MAXPTS);
	o = 0;
	for (i = j = 0; i <= n && o + 2 < bufsz; i++) {
		if (j < np && pts[j] == i) {
			if (j > 0 && pts[j] <= pts[j - 1])
				T_OK(0, "points ascending");
			if (pts[j] == 0 || pts[j] >= n)
				T_OK(0, "points inside the word");
			buf[o++] = '=';
			j++;
		}
		if (i < n)
			buf[o++] = w[i];
	}
	buf[o] = '\0';
	if (j != np)
		T_OK(0, "every point used");
	return buf;
}

static void
check(const struct hyph *h, const char *w, int minl, int minr,
    const char *want)
{
	char	 buf[512], what[256];

	snprintf(what, sizeof(what), "%s (%d/%d)", w, minl, minr);
	T_STREQ(render(h, w, minl, minr, buf, sizeof(buf)), want, what);
}

static void
test_danish(const struct hyph *h)
{
	/* As written in /work/shared/notes/libraries.md. */
	check(h, "uddannelsesforløb", 2, 2, "ud=dan=nel=ses=for=løb");
	check(h, "smitteforebyggende", 2, 2, "smit=te=fore=byg=gen=de");
	check(h, "kaffemøder", 2, 2, "kaf=fe=mø=der");
	check(h, "ressourcestærke", 2, 2, "res=sour=cestær=ke");
	/* The one-letter syllable the notes warn of is kept with 2/2. */
	check(h, "færdigud", 2, 2, "fær=di=g=ud");
	check(h, "æblerne", 2, 2, "æb=ler=ne");
}

static void
test_capitals(const struct hyph *h)
{
	check(h, "Bydelsmødrene", 2, 2, "By=dels=mødre=ne");
	check(h, "bydelsmødrene", 2, 2, "by=dels=mødre=ne");
	check(h, "Ødelagt", 2, 2, "Øde=lagt");
	check(h, "ødelagt", 2, 2, "øde=lagt");
	check(h, "ØDELAGT", 2, 2, "ØDE=LAGT");
	check(h, "KAFFEMØDER", 2, 2, "KAF=FE=MØ=DER");
	check(h, "ÆBLERNE", 2, 2, "ÆB=LER=NE");
	check(h, "UDDANNELSESFORLØB", 2, 2, "UD=DAN=NEL=SES=FOR=LØB");
}

static void
test_punctuation(const struct hyph *h)
{
	check(h, "”kaffemøder”", 2, 2, "”kaf=fe=mø=der”");
	check(h, "»kaffemøder«", 2, 2, "»kaf=fe=mø=der«");
	check(h, "uddannelsesforløb.", 2, 2, "ud=dan=nel=ses=for=løb.");
	check(h, "(Ministeriet", 2, 2, "(Mi=ni=ste=ri=et");
	check(h, "kaffemøder…", 2, 2, "kaf=fe=mø=der…");
	check(h, "”mund-til-mund”-metoden.", 2, 2,
	    "”mund-til-mund”-me=to=den.");
	/* × and ÷ are signs, not letters; nor is anything past U+024F. */
	check(h, "kaffe×møder", 2, 2, "kaf=fe×mø=der");
	check(h, "kaffe÷møder", 2, 2, "kaf=fe÷mø=der");
	check(h, "kaffe\xc9\x90møder", 2, 2, "kaf=fe\xc9\x90mø=der");
	/* U+024F is a letter: a break beside it shows it is in the run. */
	check(h, "kaffe\xc9\x8fmøder", 2, 2, "kaf=fe\xc9\x8f=mø=der");
}

static void
test_hyphens(const struct hyph *h)
{
	const char	*w = "corona-smittetal";
	size_t		 pts[MAXPTS], np, i;

	/* "o" alone between two breaks is what the patterns say. */
	check(h, w, 2, 2, "cor=o=na-smit=te=tal");
	check(h, "kaffemøder–smittetal", 2, 2, "kaf=fe=mø=der–smit=te=tal");
	/* Not at the hyphen, before or after it: the caller breaks there. */
	np = points_n(h, w, strlen(w), 2, 2, pts, MAXPTS);
	for (i = 0; i < np; i++)
		T_OK(pts[i] != 6 && pts[i] != 7, "no point at the hyphen");
}

static void
test_digits(const struct hyph *h)
{
	/*
	 * Only "-" touches the letters here, so both runs may break; the
	 * patterns have no break in "covid".
	 */
	check(h, "covid-19-vaccine", 2, 2, "covid-19-vac=ci=ne");
	check(h, "kaffemøder-19-smittetal", 2, 2,
	    "kaf=fe=mø=der-19-smit=te=tal");
	/* Letters touching a digit are left whole. */
	check(h, "vaccine19-vaccine", 2, 2, "vaccine19-vac=ci=ne");
	check(h, "kaffemøder19-smittetal", 2, 2, "kaffemøder19-smit=te=tal");
	check(h, "2021kaffemøder", 2, 2, "2021kaffemøder");
	check(h, "kaffemøder2", 2, 2, "kaffemøder2");
	check(h, "COVID19", 2, 2, "COVID19");
	check(h, "2.-behandlingen", 2, 2, "2.-be=hand=lin=gen");
}

static void
test_addresses(const struct hyph *h)
{
	check(h, "https://www.kommunen.dk/uddannelsesforløb", 2, 2,
	    "https://www.kommunen.dk/uddannelsesforløb");
	check(h, "www.kommunen.dk/borgerservice", 2, 2,
	    "www.kommunen.dk/borgerservice");
	check(h, "borgerservice@kommunen.dk", 2, 2,
	    "borgerservice@kommunen.dk");
	check(h, "kaffemøder/smittetal", 2, 2, "kaffemøder/smittetal");
	check(h, "mailto:kaffemøder@kommunen.dk", 2, 2,
	    "mailto:kaffemøder@kommunen.dk");
}

static void
test_minimums(const struct hyph *h)
{
	check(h, "uddannelsesforløb", 3, 3, "uddan=nel=ses=for=løb");
	check(h, "kaffemøder", 3, 3, "kaf=fe=mø=der");
	check(h, "færdigud", 3, 3, "fær=di=gud");
	check(h, "bydelsmødrene", 3, 3, "bydels=mødrene");
	check(h, "smitteforebyggende", 4, 4, "smit=te=fore=byg=gende");
	check(h, "smitteforebyggende", 1, 1, "s=mit=te=fore=byg=gen=de");
	/* Nonsense minimums count as one letter. */
	check(h, "kaffemøder", 0, -5, "kaf=fe=mø=de=r");
	check(h, "kaffemøder", 1, 1, "kaf=fe=mø=de=r");
	/* A run shorter than minleft + minright is left alone. */
	check(h, "møder", 3, 3, "møder");
	check(h, "møder", 2, 2, "mø=der");
	check(h, "kaffemøder", 50, 50, "kaffemøder");
	/* Counted in letters, not bytes: "ø" is two bytes. */
	check(h, "ødelagt", 3, 4, "øde=lagt");
	check(h, "ødelagt", 4, 3, "ødelagt");
}

static void
test_small(const struct hyph *h)
{
	size_t	 pts[MAXPTS];

	T_OK(hyph_points(h, "kaffemøder", 0, 2, 2, pts, MAXPTS) == 0,
	    "len 0");
	T_OK(points_n(h, "", 0, 2, 2, pts, MAXPTS) == 0, "empty word");
	check(h, "a", 2, 2, "a");
	check(h, "a", 1, 1, "a");
	check(h, "ø", 1, 1, "ø");
	check(h, "og", 1, 1, "og");
	check(h, "-", 2, 2, "-");
	check(h, "”", 2, 2, "”");
	/* Only the first len bytes are the word. */
	T_OK(hyph_points(h, "kaffemøder", 5, 2, 2, pts, MAXPTS) == 1 &&
	    pts[0] == 3, "prefix of a longer string");
	/* max bounds what is written. */
	T_OK(points_n(h, "uddannelsesforløb", 18, 2, 2, pts, 2) == 2 &&
	    pts[0] == 2 && pts[1] == 5, "max points");
	T_OK(points_n(h, "uddannelsesforløb", 18, 2, 2, pts, 0) == 0,
	    "max 0");
}

static void
test_bad_utf8(const struct hyph *h)
{
	/* Bad bytes are not letters: they split the word like punctuation. */
	check(h, "kaffe\xffmøder", 2, 2, "kaf=fe\xffmø=der");
	check(h, "kaffe\xc3møder", 2, 2, "kaf=fe\xc3mø=der");
	check(h, "\xa6\xa6kaffemøder", 2, 2, "\xa6\xa6kaf=fe=mø=der");
	check(h, "kaffemøder\xc3", 2, 2, "kaf=fe=mø=der\xc3");
	check(h, "kaffem\xc3" "(der", 2, 2, "kaf=fem\xc3" "(der");
	check(h, "\xc0\x80\xc0\x80", 2, 2, "\xc0\x80\xc0\x80");
	check(h, "\xe2\x80kaffemøder", 2, 2, "\xe2\x80kaf=fe=mø=der");
	/* Letters the patterns do not know: no harm. */
	check(h, "Dvořák", 2, 2, "Dvořák");
}

static void
test_long(const struct hyph *h)
{
	const char	*unit = "kaffemøder-";
	char		*w;
	size_t		 pts[4096], n, np, i, ulen, run = 100;
	int		 ok;

	n = 10000;
	if ((w = malloc(n)) == NULL)
		abort();
	/* One run of 10,000 letters: too long to be a word. */
	memset(w, 'a', n);
	T_OK(hyph_points(h, w, n, 2, 2, pts, 4096) == 0, "10,000 letters");
	/* Runs of MAXRUN bytes are still words; one more byte is not. */
	memcpy(w, "kaffemøder", 11);
	T_OK(hyph_points(h, w, run, 2, 2, pts, 4096) > 0, "100-byte run");
	T_OK(hyph_points(h, w, run + 1, 2, 2, pts, 4096) == 0,
	    "101-byte run");

	/* 10,000 bytes of hyphenated compounds: every part broken. */
	ulen = strlen(unit);
	for (i = 0; i < n; i++)
		w[i] = unit[i % ulen];
	np = hyph_points(h, w, n, 2, 2, pts, 4096);
	/* 833 times kaf=fe=mø=der-, then "kaff", too short to break. */
	T_OK(np == 3 * (n / ulen), "10,000 bytes of words");
	ok = 1;
	for (i = 0; i < np; i++)
		if (pts[i] >= n || (i > 0 && pts[i] <= pts[i - 1]) ||
		    pts[i] % ulen != (i % 3 == 0 ? 3 : i % 3 == 1 ? 5 : 8))
			ok = 0;
	T_OK(ok, "10,000 bytes: every point where expected");
	T_OK(hyph_points(h, w, n, 2, 2, pts, 10) == 10, "10,000 bytes, max");
	free(w);
}

int
main(void)
{
	struct diag	 d;
	struct hyph	*h;

	t_begin("hyph");
	diag_init(&d, stderr);
	h = hyph_open(&d);
	T_OK(h != NULL, "hyph_open");
	T_OK(diag_status(&d) == 0, "hyph_open reports nothing");
	if (h != NULL) {
		test_danish(h);
		test_capitals(h);
		test_punctuation(h);
		test_hyphens(h);
		test_digits(h);
		test_addresses(h);
		test_minimums(h);
		test_small(h);
		test_bad_utf8(h);
		test_long(h);
	}
	hyph_close(h);
	hyph_close(NULL);
	diag_flush(&d);
	return t_done();
}
