/*
 * test_date.c: unit tests for date.c: every written form parsed and
 * printed back, the intervals behind them, the ISO and short forms, and
 * every error message.  Input is copied to a block of exactly its length
 * so that the sanitizers catch a read past len.
 */
#include <stdlib.h>

#include "arena.h"
#include "buf.h"
#include "date.h"
#include "harness.h"

#define ERRSZ	512

/* Parse s from an exact-size heap copy: s has no NUL as far as date.c knows. */
static int
parse_n(const char *s, size_t n, struct date *d, char *err, size_t errsz)
{
	char	*p;
	int	 rc;

	if ((p = malloc(n > 0 ? n : 1)) == NULL)
		abort();
	memcpy(p, s, n);
	rc = date_parse(p, n, d, err, errsz);
	free(p);
	return rc;
}

static int
parse(const char *s, struct date *d, char *err)
{
	return parse_n(s, strlen(s), d, err, ERRSZ);
}

static const char *
fmt(struct buf *b, const struct date *d, int flags)
{
	buf_truncate(b, 0);
	date_format(b, d, flags);
	return b->data;
}

static const char *
fmt_iso(struct buf *b, const struct date *d)
{
	buf_truncate(b, 0);
	date_format_iso(b, d);
	return b->data;
}

/* in parses and prints as want with flags. */
static void
formats(struct buf *b, const char *in, int flags, const char *want)
{
	struct date d;
	char	 err[ERRSZ], what[256];

	snprintf(what, sizeof(what), "format \"%s\" flags %d", in, flags);
	if (!T_OK(parse(in, &d, err) == 0, what)) {
		fprintf(stderr, "  error: %s\n", err);
		return;
	}
	T_STREQ(fmt(b, &d, flags), want, what);
}

/* in prints back exactly as written. */
static void
roundtrip(struct buf *b, const char *in)
{
	formats(b, in, 0, in);
}

static void
iso(struct buf *b, const char *in, const char *want)
{
	struct date d;
	char	 err[ERRSZ], what[256];

	snprintf(what, sizeof(what), "iso \"%s\"", in);
	if (!T_OK(parse(in, &d, err) == 0, what)) {
		fprintf(stderr, "  error: %s\n", err);
		return;
	}
	T_STREQ(fmt_iso(b, &d), want, what);
}

static void
kind(const char *in, enum date_kind k, enum date_qual q, int has_d, int isiso)
{
	struct date d;
	char	 err[ERRSZ], what[256];

	snprintf(what, sizeof(what), "fields of \"%s\"", in);
	if (!T_OK(parse(in, &d, err) == 0, what)) {
		fprintf(stderr, "  error: %s\n", err);
		return;
	}
	T_OK(d.kind == k && d.qual == q && d.has_d == has_d &&
	    d.iso == isiso, what);
}

/* in covers the days from y1-m1-d1 to y2-m2-d2. */
static void
span(const char *in, int y1, int m1, int d1, int y2, int m2, int d2)
{
	struct date d;
	char	 err[ERRSZ], what[256];

	snprintf(what, sizeof(what), "interval of \"%s\"", in);
	if (!T_OK(parse(in, &d, err) == 0, what)) {
		fprintf(stderr, "  error: %s\n", err);
		return;
	}
	if (!T_OK(d.first == date_days(y1, m1, d1) &&
	    d.last == date_days(y2, m2, d2), what))
		fprintf(stderr, "  got %ld-%ld, want %ld-%ld\n", d.first,
		    d.last, date_days(y1, m1, d1), date_days(y2, m2, d2));
}

/* Valid UTF-8 without control characters: safe to print anywhere. */
static int
clean(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t	 i, k, len;

	for (i = 0; u[i] != '\0'; i += len) {
		if (u[i] < 0x20 || u[i] == 0x7f)
			return 0;
		len = u[i] < 0x80 ? 1 : u[i] >= 0xf0 ? 4 : u[i] >= 0xe0 ? 3 :
		    u[i] >= 0xc2 ? 2 : 0;
		if (len == 0)
			return 0;
		for (k = 1; k < len; k++)
			if ((u[i + k] & 0xc0) != 0x80)
				return 0;
	}
	return 1;
}

/* n bytes of s fail; the date is zeroed and the message printable. */
static void
fails_n(const char *s, size_t n, const char *what)
{
	struct date d;
	char	 err[ERRSZ];

	memset(&d, 0x5a, sizeof(d));
	T_OK(parse_n(s, n, &d, err, sizeof(err)) == -1, what);
	T_OK(d.kind == DATE_NONE && d.first == 0 && d.last == 0 &&
	    d.year == 0, what);
	T_OK(err[0] != '\0' && clean(err), what);
}

/* in fails with exactly the message want. */
static void
error(const char *in, const char *want)
{
	char	 err[ERRSZ], what[256];
	struct date d;

	snprintf(what, sizeof(what), "error for \"%s\"", in);
	fails_n(in, strlen(in), what);
	parse(in, &d, err);
	T_STREQ(err, want, what);
}

static void
test_days(void)
{
	int	 y, m, d, ok = 1, ml[12] = { 31, 28, 31, 30, 31, 30, 31, 31,
	    30, 31, 30, 31 };
	long	 prev;

	T_OK(date_days(1970, 1, 1) == 0, "epoch");
	T_OK(date_days(1969, 12, 31) == -1, "day before the epoch");
	T_OK(date_days(2021, 6, 3) == 18781, "2021-06-03");
	T_OK(date_days(2000, 2, 29) == 11016, "2000-02-29");
	T_OK(date_days(1900, 1, 1) == -25567, "1900-01-01");
	T_OK(date_days(2200, 12, 31) == 84370, "2200-12-31");
	T_OK(date_days(2000, 3, 1) - date_days(2000, 2, 28) == 2,
	    "2000 is a leap year");
	T_OK(date_days(1900, 3, 1) - date_days(1900, 2, 28) == 1,
	    "1900 is not a leap year");
	T_OK(date_days(2100, 3, 1) - date_days(2100, 2, 28) == 1,
	    "2100 is not a leap year");
	T_OK(date_days(2024, 3, 1) - date_days(2024, 2, 28) == 2,
	    "2024 is a leap year");

	/* Every day from 1900 to 2200 is one more than the day before. */
	prev = date_days(1899, 12, 31);
	for (y = 1900; y <= 2200; y++)
		for (m = 1; m <= 12; m++)
			for (d = 1; d <= ml[m - 1] + (m == 2 &&
			    ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
			    d++) {
				if (date_days(y, m, d) != prev + 1)
					ok = 0;
				prev = date_days(y, m, d);
			}
	T_OK(ok, "date_days counts every day 1900-2200");
}

static void
test_roundtrip(struct buf *b)
{
	static const char *const forms[] = {
		"3. juni 2021", "d. 3. juni 2021", "senest d. 8. juni 2021",
		"omkring 3. juni 2021", "senest 1. januar 1900",
		"31. december 2200", "29. februar 2024", "29. februar 2000",
		"1. februar 2021", "28. februar 2023",
		"september 2020", "januar 2021", "februar 2021", "marts 2021",
		"april 2021", "maj 2021", "juni 2021", "juli 2021",
		"august 2021", "oktober 2021", "november 2021",
		"december 2021", "senest maj 2021", "omkring august 2021",
		"primo oktober 2020", "medio oktober 2020",
		"ultimo oktober 2020", "senest ultimo juni 2021",
		"omkring medio marts 2022",
		"foråret 2021", "sommeren 2020", "efteråret 2020",
		"vinteren 2020/21", "vinteren 1999/00", "senest sommeren 2022",
		"omkring vinteren 2020/21",
		"årsskiftet 2021/22", "årsskiftet 2099/00",
		"omkring årsskiftet 2021/22", "senest årsskiftet 2021/22",
		"2013", "1900", "2200", "senest 2013", "omkring 2030",
	};
	size_t	 i;

	for (i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
		roundtrip(b, forms[i]);
}

static void
test_lenient(struct buf *b)
{
	/* Accepted, printed in the one form. */
	formats(b, "3 juni 2021", 0, "3. juni 2021");
	formats(b, "03. juni 2021", 0, "3. juni 2021");
	formats(b, "  3.   juni\t2021 \n", 0, "3. juni 2021");
	formats(b, "3.\xc2\xa0juni\xc2\xa0" "2021", 0, "3. juni 2021");
	formats(b, "d.\xe2\x80\xaf" "8. juni 2021", 0, "d. 8. juni 2021");
	formats(b, "3. JUNI 2021", 0, "3. juni 2021");
	formats(b, "3. Juni 2021", 0, "3. juni 2021");
	formats(b, "D. 3. juni 2021", 0, "d. 3. juni 2021");
	formats(b, "Senest D. 8. Juni 2021", 0, "senest d. 8. juni 2021");
	formats(b, "OMKRING 2020", 0, "omkring 2020");
	formats(b, "Primo oktober 2020", 0, "primo oktober 2020");
	formats(b, "Medio Oktober 2020", 0, "medio oktober 2020");
	formats(b, "ULTIMO oktober 2020", 0, "ultimo oktober 2020");
	formats(b, "Sommeren 2020", 0, "sommeren 2020");
	formats(b, "Foråret 2021", 0, "foråret 2021");
	formats(b, "FORÅRET 2021", 0, "foråret 2021");
	formats(b, "EFTERÅRET 2020", 0, "efteråret 2020");
	formats(b, "Årsskiftet 2021/22", 0, "årsskiftet 2021/22");
	formats(b, "ÅRSSKIFTET 2021/2022", 0, "årsskiftet 2021/22");
	formats(b, "a\xcc\x8arsskiftet 2021/22", 0, "årsskiftet 2021/22");
	formats(b, "for\x61\xcc\x8aret 2021", 0, "foråret 2021");
	formats(b, "vinteren 2020/2021", 0, "vinteren 2020/21");
	formats(b, "Vinteren 2020/21", 0, "vinteren 2020/21");
	formats(b, "årsskiftet 2099/2100", 0, "årsskiftet 2099/00");

	/* Abbreviations, with or without the dot. */
	formats(b, "3. jan. 2021", 0, "3. januar 2021");
	formats(b, "3. feb. 2021", 0, "3. februar 2021");
	formats(b, "3. mar. 2021", 0, "3. marts 2021");
	formats(b, "3. apr. 2021", 0, "3. april 2021");
	formats(b, "3. aug. 2021", 0, "3. august 2021");
	formats(b, "3. sep. 2021", 0, "3. september 2021");
	formats(b, "3. sept. 2021", 0, "3. september 2021");
	formats(b, "3. okt. 2021", 0, "3. oktober 2021");
	formats(b, "3. nov. 2021", 0, "3. november 2021");
	formats(b, "3. dec. 2021", 0, "3. december 2021");
	formats(b, "3. Dec 2021", 0, "3. december 2021");
	formats(b, "okt. 2020", 0, "oktober 2020");
	formats(b, "medio okt. 2020", 0, "medio oktober 2020");
	formats(b, "Sept. 2020", 0, "september 2020");
}

static void
test_iso(struct buf *b)
{
	formats(b, "2021-06-03", 0, "3. juni 2021");
	formats(b, "2020-09", 0, "september 2020");
	formats(b, " 2021-06-03 ", 0, "3. juni 2021");
	formats(b, "senest 2021-06-08", 0, "senest 8. juni 2021");
	formats(b, "2024-02-29", 0, "29. februar 2024");
	formats(b, "2000-02-29", 0, "29. februar 2000");

	iso(b, "2021-06-03", "2021-06-03");
	iso(b, "3. juni 2021", "2021-06-03");
	iso(b, "d. 8. juni 2021", "2021-06-08");
	iso(b, "senest 1. januar 1900", "1900-01-01");
	iso(b, "2020-09", "2020-09");
	iso(b, "september 2020", "2020-09");
	iso(b, "primo oktober 2020", "2020-10");
	iso(b, "medio oktober 2020", "2020-10");
	iso(b, "ultimo oktober 2020", "2020-10");
	iso(b, "foråret 2021", "2021-03");
	iso(b, "sommeren 2020", "2020-06");
	iso(b, "efteråret 2020", "2020-09");
	iso(b, "vinteren 2020/21", "2020-12");
	iso(b, "årsskiftet 2021/22", "2021-12");
	iso(b, "2013", "2013");
	iso(b, "omkring 2013", "2013");

	kind("2021-06-03", DATE_DAY, DATE_EXACT, 0, 1);
	kind("2020-09", DATE_MONTH, DATE_EXACT, 0, 1);
	kind("senest 2020-09", DATE_MONTH, DATE_SENEST, 0, 1);
	kind("3. juni 2021", DATE_DAY, DATE_EXACT, 0, 0);
	kind("d. 3. juni 2021", DATE_DAY, DATE_EXACT, 1, 0);
	kind("senest d. 8. juni 2021", DATE_DAY, DATE_SENEST, 1, 0);
	kind("omkring årsskiftet 2021/22", DATE_YEARTURN, DATE_OMKRING, 0,
	    0);
	kind("medio oktober 2020", DATE_PART, DATE_EXACT, 0, 0);
	kind("september 2020", DATE_MONTH, DATE_EXACT, 0, 0);
	kind("sommeren 2020", DATE_SEASON, DATE_EXACT, 0, 0);
	/* A bare year is as Danish as it is ISO. */
	kind("2013", DATE_YEAR, DATE_EXACT, 0, 0);
}

static void
test_fields(void)
{
	struct date d;
	char	 err[ERRSZ];

	T_OK(parse("senest d. 8. juni 2021", &d, err) == 0 &&
	    d.year == 2021 && d.month == 6 && d.day == 8, "day fields");
	T_OK(parse("ultimo februar 2024", &d, err) == 0 &&
	    d.part == DATE_ULTIMO && d.month == 2 && d.year == 2024,
	    "part fields");
	T_OK(parse("primo maj 2021", &d, err) == 0 && d.part == DATE_PRIMO,
	    "primo");
	T_OK(parse("medio maj 2021", &d, err) == 0 && d.part == DATE_MEDIO,
	    "medio");
	T_OK(parse("vinteren 2020/21", &d, err) == 0 &&
	    d.season == DATE_WINTER && d.year == 2020, "winter fields");
	T_OK(parse("foråret 2021", &d, err) == 0 && d.season == DATE_SPRING,
	    "spring");
	T_OK(parse("sommeren 2021", &d, err) == 0 && d.season == DATE_SUMMER,
	    "summer");
	T_OK(parse("efteråret 2021", &d, err) == 0 &&
	    d.season == DATE_AUTUMN, "autumn");
	T_OK(parse("årsskiftet 2021/22", &d, err) == 0 && d.year == 2021,
	    "turn of the year keeps the first year");
	T_OK(parse("omkring 2013", &d, err) == 0 && d.year == 2013 &&
	    d.qual == DATE_OMKRING, "year fields");
	T_OK(parse("2021", &d, err) == 0 && err[0] == '\0',
	    "no message on success");
}

static void
test_intervals(void)
{
	span("3. juni 2021", 2021, 6, 3, 2021, 6, 3);
	span("2021-06-03", 2021, 6, 3, 2021, 6, 3);
	span("senest d. 8. juni 2021", 2021, 6, 8, 2021, 6, 8);
	span("29. februar 2024", 2024, 2, 29, 2024, 2, 29);
	span("september 2020", 2020, 9, 1, 2020, 9, 30);
	span("2020-09", 2020, 9, 1, 2020, 9, 30);
	span("december 2020", 2020, 12, 1, 2020, 12, 31);
	span("februar 2024", 2024, 2, 1, 2024, 2, 29);
	span("februar 2023", 2023, 2, 1, 2023, 2, 28);
	span("februar 2000", 2000, 2, 1, 2000, 2, 29);
	span("februar 1900", 1900, 2, 1, 1900, 2, 28);
	span("primo oktober 2020", 2020, 10, 1, 2020, 10, 10);
	span("medio oktober 2020", 2020, 10, 11, 2020, 10, 20);
	span("ultimo oktober 2020", 2020, 10, 21, 2020, 10, 31);
	span("ultimo september 2020", 2020, 9, 21, 2020, 9, 30);
	span("ultimo februar 2024", 2024, 2, 21, 2024, 2, 29);
	span("ultimo februar 2023", 2023, 2, 21, 2023, 2, 28);
	span("ultimo februar 2100", 2100, 2, 21, 2100, 2, 28);
	span("foråret 2021", 2021, 3, 1, 2021, 5, 31);
	span("sommeren 2020", 2020, 6, 1, 2020, 8, 31);
	span("efteråret 2020", 2020, 9, 1, 2020, 11, 30);
	span("vinteren 2020/21", 2020, 12, 1, 2021, 2, 28);
	span("vinteren 2023/24", 2023, 12, 1, 2024, 2, 29);
	span("vinteren 2199/00", 2199, 12, 1, 2200, 2, 28);
	span("årsskiftet 2021/22", 2021, 12, 1, 2022, 1, 31);
	span("årsskiftet 2021/2022", 2021, 12, 1, 2022, 1, 31);
	span("2013", 2013, 1, 1, 2013, 12, 31);
	span("2024", 2024, 1, 1, 2024, 12, 31);
	/* The qualifier says how sure; it does not move the interval. */
	span("senest 2013", 2013, 1, 1, 2013, 12, 31);
	span("omkring årsskiftet 2021/22", 2021, 12, 1, 2022, 1, 31);
	span("senest ultimo februar 2024", 2024, 2, 21, 2024, 2, 29);
}

static void
test_flags(struct buf *b)
{
	formats(b, "ultimo september 2020", DATE_FMT_NOYEAR,
	    "ultimo september");
	formats(b, "omkring årsskiftet 2021/22", DATE_FMT_NOYEAR,
	    "omkring årsskiftet");
	formats(b, "sommeren 2020", DATE_FMT_NOYEAR, "sommeren");
	formats(b, "vinteren 2020/21", DATE_FMT_NOYEAR, "vinteren");
	formats(b, "3. juni 2021", DATE_FMT_NOYEAR, "3. juni");
	formats(b, "senest d. 8. juni 2021", DATE_FMT_NOYEAR,
	    "senest d. 8. juni");
	formats(b, "september 2020", DATE_FMT_NOYEAR, "september");
	formats(b, "2021-06-03", DATE_FMT_NOYEAR, "3. juni");
	/* A bare year is all there is, so it stays. */
	formats(b, "2013", DATE_FMT_NOYEAR, "2013");

	formats(b, "senest d. 8. juni 2021", DATE_FMT_NOQUAL,
	    "d. 8. juni 2021");
	formats(b, "senest 8. juni 2021", DATE_FMT_NOQUAL, "8. juni 2021");
	formats(b, "omkring årsskiftet 2021/22", DATE_FMT_NOQUAL,
	    "årsskiftet 2021/22");
	formats(b, "omkring 2013", DATE_FMT_NOQUAL, "2013");
	formats(b, "senest medio maj 2021", DATE_FMT_NOQUAL,
	    "medio maj 2021");
	formats(b, "medio maj 2021", DATE_FMT_NOQUAL, "medio maj 2021");

	formats(b, "senest d. 8. juni 2021",
	    DATE_FMT_NOYEAR | DATE_FMT_NOQUAL, "d. 8. juni");
	formats(b, "omkring vinteren 2020/21",
	    DATE_FMT_NOYEAR | DATE_FMT_NOQUAL, "vinteren");
}

static void
test_errors(void)
{
	error("31. juni 2021", "there is no 31. juni 2021 (juni has 30 days)");
	error("29. februar 2021",
	    "there is no 29. februar 2021 (2021 is not a leap year)");
	error("29. februar 1900",
	    "there is no 29. februar 1900 (1900 is not a leap year)");
	error("30. februar 2024",
	    "there is no 30. februar 2024 (februar has 29 days in 2024)");
	error("30. februar 2023",
	    "there is no 30. februar 2023 (februar has 28 days in 2023)");
	error("32. maj 2021", "there is no 32. maj 2021 (maj has 31 days)");
	error("0. maj 2021", "there is no 0. maj 2021 (days start at 1)");
	error("d. 31. sep. 2021",
	    "there is no 31. september 2021 (september has 30 days)");
	error("31. juni", "there is no 31. juni (juni has 30 days)");
	error("30. februar", "there is no 30. februar (februar has at most "
	    "29 days)");
	error("2021-02-30",
	    "there is no 2021-02-30 (februar has 28 days in 2021)");
	error("2021-02-29", "there is no 2021-02-29 (2021 is not a leap year)");
	error("2021-06-31", "there is no 2021-06-31 (juni has 30 days)");
	error("2021-06-00", "there is no 2021-06-00 (days start at 01)");
	error("2021-13", "there is no month 13 in \"2021-13\" (months are "
	    "01-12)");
	error("2021-00-10", "there is no month 00 in \"2021-00-10\" (months "
	    "are 01-12)");

	error("3. juin 2021",
	    "unknown month \"juin\" (did you mean \"juni\"?)");
	error("juin 2021", "unknown month \"juin\" (did you mean \"juni\"?)");
	error("medio Oktobr 2020",
	    "unknown month \"Oktobr\" (did you mean \"oktober\"?)");
	error("3. setp. 2021",
	    "unknown month \"setp.\" (did you mean \"september\"?)");
	error("3. maj. 2021", "unknown month \"maj.\" (did you mean \"maj\"?)");
	error("3. xyzzy 2021",
	    "unknown month \"xyzzy\" (write e.g. \"oktober\" or \"okt.\")");
	error("sommern 2020",
	    "unknown word \"sommern\" (did you mean \"sommeren\"?)");
	error("medo oktober 2020",
	    "unknown word \"medo\" (did you mean \"medio\"?)");
	error("senst 3. juni 2021",
	    "unknown word \"senst\" (did you mean \"senest\"?)");
	error("\xe5rsskiftet 2021/22",
	    "unknown word \"\\xE5rsskiftet\" (did you mean \"årsskiftet\"?)");

	error("", "expected a date such as \"20. maj 2021\", \"medio oktober "
	    "2020\", \"sommeren 2020\" or \"2021-05-20\", got \"\"");
	error("   ", "expected a date such as \"20. maj 2021\", \"medio "
	    "oktober 2020\", \"sommeren 2020\" or \"2021-05-20\", got \"\"");
	error(" i morgen ", "expected a date such as \"20. maj 2021\", "
	    "\"medio oktober 2020\", \"sommeren 2020\" or \"2021-05-20\", "
	    "got \"i morgen\"");
	error("3. juni 2021 kl. 10", "expected a date such as \"20. maj "
	    "2021\", \"medio oktober 2020\", \"sommeren 2020\" or "
	    "\"2021-05-20\", got \"3. juni 2021 kl. 10\"");
	error("2021-6-3", "expected a date such as \"20. maj 2021\", \"medio "
	    "oktober 2020\", \"sommeren 2020\" or \"2021-05-20\", got "
	    "\"2021-6-3\"");
	error("say \"hi\"\x01", "expected a date such as \"20. maj 2021\", "
	    "\"medio oktober 2020\", \"sommeren 2020\" or \"2021-05-20\", got "
	    "\"say \\\"hi\\\"\\x01\"");

	error("1850", "year 1850 is out of range (1900-2200)");
	error("3. juni 1850", "year 1850 is out of range (1900-2200)");
	error("juni 2201", "year 2201 is out of range (1900-2200)");
	error("1850-06-03", "year 1850 is out of range (1900-2200)");
	error("sommeren 21", "\"sommeren 21\": write the year with four "
	    "digits: did you mean \"sommeren 2021\"?");
	error("sommeren 202", "year 202 is out of range (1900-2200)");
	error("99999999999999999999", "year 99999999999999999999 is out of "
	    "range (1900-2200)");
	error("vinteren 2200/01", "year 2201 is out of range (1900-2200)");

	error("årsskiftet 2021/23", "\"årsskiftet 2021/23\": the second year "
	    "must follow the first, as in \"årsskiftet 2021/22\"");
	error("årsskiftet 2021/2023", "\"årsskiftet 2021/2023\": the second "
	    "year must follow the first, as in \"årsskiftet 2021/22\"");
	error("årsskiftet 2021/21", "\"årsskiftet 2021/21\": the second year "
	    "must follow the first, as in \"årsskiftet 2021/22\"");
	error("omkring årsskiftet 2021/2", "\"omkring årsskiftet 2021/2\": "
	    "the second year must follow the first, as in \"årsskiftet "
	    "2021/22\"");
	error("vinteren 2020/22", "\"vinteren 2020/22\": the second year must "
	    "follow the first, as in \"vinteren 2020/21\"");
	error("vinteren 2021", "\"vinteren 2021\" spans two years: write "
	    "\"vinteren 2020/21\" or \"vinteren 2021/22\"");
	error("årsskiftet 2021", "\"årsskiftet 2021\" spans two years: write "
	    "\"årsskiftet 2020/21\" or \"årsskiftet 2021/22\"");
	error("sommeren 2020/21", "\"sommeren 2020/21\": sommeren lies within "
	    "one year, as in \"sommeren 2020\"");

	error("senest", "\"senest\" needs a date after it, as in \"senest d. "
	    "8. juni 2021\"");
	error("Omkring ", "\"omkring\" needs a date after it, as in \"omkring "
	    "årsskiftet 2021/22\"");
	error("omkring omkring 2020", "\"omkring omkring 2020\": use at most "
	    "one of \"senest\" and \"omkring\"");
	error("senest omkring 2020", "\"senest omkring 2020\": use at most one "
	    "of \"senest\" and \"omkring\"");

	error("maj", "\"maj\" needs a year, as in \"maj 2021\"");
	error("3. juni", "\"3. juni\" needs a year, as in \"3. juni 2021\"");
	error("29. februar", "\"29. februar\" needs a year, as in "
	    "\"29. februar 2024\"");
	error("senest d. 8. juni", "\"senest d. 8. juni\" needs a year, as in "
	    "\"senest d. 8. juni 2021\"");
	error("medio oktober", "\"medio oktober\" needs a year, as in "
	    "\"medio oktober 2021\"");
	error("sommeren", "\"sommeren\" needs a year, as in \"sommeren "
	    "2021\"");
	error("vinteren", "\"vinteren\" needs a year, as in \"vinteren "
	    "2021/22\"");
	error("omkring årsskiftet", "\"omkring årsskiftet\" needs a year, as "
	    "in \"omkring årsskiftet 2021/22\"");
}

static void
test_garbage(void)
{
	static const char *const bad[] = {
		"juni", "d.", "d. juni 2021", "3.", "3. 2021", "primo",
		"primo juni", "2021 juni", "juni 2021 2022", "2021/22",
		"sommeren 2020 juni", "vinteren /21", "vinteren 2020/",
		"vinteren 2020/x1", "årsskiftet", "2021-06-03-01", "2021-",
		"-2021", "2021-06-3", "20210603", "2021.06.03", "123. maj 2021",
		"3. juni 2021 senest", "senest d. 2021", "3 3 3 3 3 3 3",
		"omkring", "2020-09-", "x", ".", "/", "-", "d", "\xc3",
		"\xc3\x85", "\xff\xfe 2021", "juni \xff", "\xed\xa0\x80 2021",
		"\xf4\x90\x80\x80", "\xe2\x80", "\xc2\x85 2021", "3.\xc2",
	};
	char	 long_in[5000], err[ERRSZ], small[12];
	size_t	 i;
	struct date d;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		fails_n(bad[i], strlen(bad[i]), bad[i]);

	/* NUL bytes do not end the input, and do not match keywords. */
	fails_n("juni\0 2021", 10, "NUL inside a word");
	fails_n("2021\0", 5, "NUL after a year");
	fails_n("\0", 1, "a lone NUL");
	T_OK(date_parse(NULL, 0, &d, err, sizeof(err)) == -1 &&
	    d.kind == DATE_NONE, "NULL input");

	/* len is obeyed, not the NUL. */
	T_OK(parse_n("3. juni 2021", 8, &d, err, sizeof(err)) == -1,
	    "length cuts the year");
	T_OK(parse_n("2013 and more", 4, &d, err, sizeof(err)) == 0 &&
	    d.kind == DATE_YEAR && d.year == 2013, "length cuts the rest");

	/* A very long input: one token, then many. */
	memset(long_in, 'a', sizeof(long_in));
	fails_n(long_in, sizeof(long_in), "5000 letters");
	T_OK(parse_n(long_in, sizeof(long_in), &d, err, sizeof(err)) == -1 &&
	    strlen(err) < 300, "the message quotes only the start");
	for (i = 0; i < sizeof(long_in); i++)
		long_in[i] = i % 2 ? ' ' : '7';
	fails_n(long_in, sizeof(long_in), "2500 tokens");
	for (i = 0; i < sizeof(long_in); i++)
		long_in[i] = (char)(0x80 + i % 0x80);
	fails_n(long_in, sizeof(long_in), "5000 stray bytes");
	T_OK(parse_n(long_in, sizeof(long_in), &d, err, sizeof(err)) == -1 &&
	    strlen(err) < 256, "escaped input still fits 256 bytes");
	memset(long_in, '9', sizeof(long_in));
	fails_n(long_in, sizeof(long_in), "5000 digits");

	/* Without room for a message, parsing still works and fails. */
	T_OK(parse_n("juin 2021", 9, &d, NULL, 0) == -1, "no err buffer");
	T_OK(parse_n("2021", 4, &d, NULL, 0) == 0, "no err, success");
	T_OK(parse_n("2021", 4, NULL, err, sizeof(err)) == 0, "no date");
	memset(small, 'x', sizeof(small));
	T_OK(parse_n("juin 2021", 9, &d, small, 1) == -1 && small[0] == '\0' &&
	    small[1] == 'x', "a one-byte err buffer");
	/* "unknown word "\xE5rs..." cut inside the "å" of the suggestion. */
	T_OK(parse_n("\xe5rsskiftet 2021/22", 19, &d, err, 70) == -1 &&
	    strlen(err) < 70 && clean(err), "a cut message stays UTF-8");
	T_OK(parse_n("vinteren 2021", 13, &d, err, 62) == -1 &&
	    strlen(err) < 62 && clean(err), "cut near a multibyte character");
	for (i = 1; i < 80; i++) {
		parse_n("årsskiftet 2021/23", strlen("årsskiftet 2021/23"), &d,
		    err, i);
		if (strlen(err) >= i || !clean(err))
			break;
	}
	T_OK(i == 80, "every err size gives a whole, clean message");
}

static void
test_cmp(void)
{
	static const char *const order[] = {
		"vinteren 2019/20", "1. januar 2020", "primo januar 2020",
		"januar 2020", "2020", "senest foråret 2020", "sommeren 2020",
		"september 2020", "efteråret 2020", "medio oktober 2020",
		"20. oktober 2020", "ultimo oktober 2020", "årsskiftet 2020/21",
		"vinteren 2020/21", "2021-01-01", "2021",
	};
	struct date a, b;
	char	 err[ERRSZ], what[256];
	size_t	 i, j;
	int	 c, want, ok = 1;

	/* Same first day: the shorter interval comes first. */
	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		if (parse(order[i], &a, err) != 0) {
			T_OK(0, order[i]);
			continue;
		}
		for (j = 0; j < sizeof(order) / sizeof(order[0]); j++) {
			if (parse(order[j], &b, err) != 0)
				continue;
			c = date_cmp(&a, &b);
			want = i < j ? -1 : i > j ? 1 : 0;
			if ((c > 0) - (c < 0) != want) {
				ok = 0;
				snprintf(what, sizeof(what),
				    "cmp \"%s\" \"%s\"", order[i], order[j]);
				T_OK(0, what);
			}
		}
	}
	T_OK(ok, "date_cmp orders the list");

	parse("2021-06-03", &a, err);
	parse("3. juni 2021", &b, err);
	T_OK(date_cmp(&a, &b) == 0, "ISO and Danish compare equal");
	parse("senest 3. juni 2021", &b, err);
	T_OK(date_cmp(&a, &b) == 0, "the qualifier does not order");
}

static void
test_zero(struct buf *b)
{
	struct date d;

	memset(&d, 0, sizeof(d));
	T_STREQ(fmt(b, &d, 0), "", "DATE_NONE prints nothing");
	T_STREQ(fmt_iso(b, &d), "", "DATE_NONE prints no ISO");
	d.qual = DATE_SENEST;
	T_STREQ(fmt(b, &d, 0), "", "DATE_NONE prints no qualifier");

	/* A struct filled by hand with nonsense must not crash. */
	d.kind = DATE_DAY;
	d.month = 13;
	d.day = 40;
	d.qual = (enum date_qual)7;
	T_STREQ(fmt(b, &d, 0), "40. ? 0", "a bad month prints ?");
	d.kind = DATE_PART;
	d.part = (enum date_part)9;
	T_STREQ(fmt(b, &d, 0), "? ? 0", "a bad part prints ?");
	d.kind = DATE_SEASON;
	d.season = (enum date_season)9;
	T_STREQ(fmt(b, &d, DATE_FMT_NOYEAR), "?", "a bad season prints ?");
	T_STREQ(fmt_iso(b, &d), "0000-01", "a bad season prints January");
	d.kind = DATE_YEARTURN;
	d.year = 2147483647;
	T_STREQ(fmt(b, &d, 0), "årsskiftet 2147483647/48",
	    "the largest year does not overflow");
	d.kind = (enum date_kind)42;
	T_STREQ(fmt(b, &d, 0), "", "a bad kind prints nothing");
	T_STREQ(fmt_iso(b, &d), "", "a bad kind prints no ISO");
}

/*
 * Sentences of random words and bytes: parsing must not crash, must
 * zero the date on failure, and a date it accepts must print as
 * something that parses to the same date.
 */
static void
test_random(struct buf *b)
{
	static const char *const words[] = {
		"senest", "omkring", "d.", "3.", "29.", "31", "0.", "juni",
		"februar", "okt.", "sept", "primo", "ultimo", "vinteren",
		"foråret", "ÅRSSKIFTET", "2021", "2024", "1899", "2020/21",
		"2021/2022", "2200/01", "2021-02-29", "2024-02-29", "2021-13",
		"2020-09", "x", "\xff", "\xc3", "/", "-", ".", "\xc2\xa0",
	};
	struct date d, e;
	const char *w;
	char	 in[128], err[ERRSZ], out[128];
	unsigned long seed = 1;
	size_t	 i, n, k, len;
	int	 ok = 1, accepted = 0;

	for (i = 0; i < 50000; i++) {
		len = 0;
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		n = 1 + (seed >> 33) % 5;
		for (k = 0; k < n; k++) {
			seed = seed * 6364136223846793005UL +
			    1442695040888963407UL;
			w = words[(seed >> 33) % (sizeof(words) /
			    sizeof(words[0]))];
			if (len + strlen(w) + 2 > sizeof(in))
				break;
			memcpy(in + len, w, strlen(w));
			len += strlen(w);
			/* Now and then glue the words together. */
			if ((seed >> 40) % 8 != 0)
				in[len++] = ' ';
		}
		memset(&d, 0x5a, sizeof(d));
		if (parse_n(in, len, &d, err, sizeof(err)) == -1) {
			if (d.kind != DATE_NONE || err[0] == '\0' ||
			    !clean(err))
				ok = 0;
			continue;
		}
		accepted++;
		snprintf(out, sizeof(out), "%s", fmt(b, &d, 0));
		if (parse(out, &e, err) != 0 || e.kind != d.kind ||
		    e.qual != d.qual || e.first != d.first ||
		    e.last != d.last || e.has_d != d.has_d) {
			ok = 0;
			fprintf(stderr, "  \"%.*s\" -> \"%s\"\n", (int)len, in,
			    out);
		}
	}
	T_OK(ok, "random input: no crash, reprinted dates parse the same");
	T_OK(accepted > 100, "random input: some dates accepted");
}

/* The forms of Danish offices: numeric days, parts of a year, quarters,
 * halves and weeks (issue 14). */
static void
test_office(struct buf *b)
{
	formats(b, "3/6-2021", 0, "3. juni 2021");
	formats(b, "3.6.2021", 0, "3. juni 2021");
	formats(b, "02.06.2022", 0, "2. juni 2022");
	formats(b, "senest 31/12-2021", 0, "senest 31. december 2021");
	span("3/6-2021", 2021, 6, 3, 2021, 6, 3);
	span("29.2.2024", 2024, 2, 29, 2024, 2, 29);
	roundtrip(b, "medio 2022");
	roundtrip(b, "primo 2022");
	roundtrip(b, "omkring ultimo 2022");
	span("primo 2022", 2022, 1, 1, 2022, 4, 30);
	span("medio 2022", 2022, 5, 1, 2022, 8, 31);
	span("ultimo 2022", 2022, 9, 1, 2022, 12, 31);
	roundtrip(b, "1. kvartal 2022");
	roundtrip(b, "4. kvartal 2021");
	formats(b, "1. kvt. 2022", 0, "1. kvartal 2022");
	formats(b, "2. Kvartal 2022", 0, "2. kvartal 2022");
	span("1. kvartal 2022", 2022, 1, 1, 2022, 3, 31);
	span("4. kvt. 2021", 2021, 10, 1, 2021, 12, 31);
	roundtrip(b, "2. halvår 2021");
	span("1. halvår 2021", 2021, 1, 1, 2021, 6, 30);
	span("2. halvår 2021", 2021, 7, 1, 2021, 12, 31);
	roundtrip(b, "uge 23 2021");
	formats(b, "Uge 23 2021", 0, "uge 23 2021");
	span("uge 23 2021", 2021, 6, 7, 2021, 6, 13);
	span("uge 1 2021", 2021, 1, 4, 2021, 1, 10);
	span("uge 53 2020", 2020, 12, 28, 2021, 1, 3);
	span("uge 1 2025", 2024, 12, 30, 2025, 1, 5);
	formats(b, "uge 23 2021", DATE_FMT_NOYEAR, "uge 23");
	formats(b, "1. kvartal 2022", DATE_FMT_NOYEAR, "1. kvartal");
	iso(b, "uge 23 2021", "2021-W23");
	iso(b, "2. kvartal 2022", "2022-04");
	iso(b, "2. halvår 2021", "2021-07");
	iso(b, "medio 2022", "2022-05");
	iso(b, "3/6-2021", "2021-06-03");
	kind("1. kvt. 2022", DATE_QUARTER, DATE_EXACT, 0, 0);
	kind("2. halvår 2021", DATE_HALF, DATE_EXACT, 0, 0);
	kind("uge 23 2021", DATE_WEEK, DATE_EXACT, 0, 0);
	kind("medio 2022", DATE_YEARPART, DATE_EXACT, 0, 0);
	error("juni 21", "\"juni 21\": write the year with four digits: did "
	    "you mean \"juni 2021\"?");
	error("3. juni 21", "\"3. juni 21\": write the year with four digits: "
	    "did you mean \"3. juni 2021\"?");
	error("3/6-21", "\"3/6-21\": write the year with four digits: did you "
	    "mean \"3/6-2021\"?");
	error("31/6-2021", "there is no 31. juni 2021 (juni has 30 days)");
	error("3.13.2021", "there is no month 13 in \"3.13.2021\" (day, then "
	    "month 1-12, then year)");
	error("5. kvartal 2022", "\"5. kvartal 2022\": a year has 4 quarters "
	    "(kvartaler), numbered 1-4");
	error("3. halvår 2022", "\"3. halvår 2022\": a year has 2 halves "
	    "(halvår), numbered 1-2");
	error("uge 53 2021", "\"uge 53 2021\": 2021 has weeks 1-52");
	error("uge 0 2021", "\"uge 0 2021\": 2021 has weeks 1-52");
	error("1. kvartal", "\"1. kvartal\" needs a year, as in \"1. kvartal "
	    "2021\"");
}

int
main(void)
{
	struct arena a;
	struct buf b;

	t_begin("date");
	arena_init(&a);
	buf_init(&b, &a);

	test_days();
	test_roundtrip(&b);
	test_lenient(&b);
	test_iso(&b);
	test_fields();
	test_intervals();
	test_flags(&b);
	test_errors();
	test_garbage();
	test_cmp();
	test_zero(&b);
	test_random(&b);
	test_office(&b);

	arena_fini(&a);
	return t_done();
}
