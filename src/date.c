/*
 * date.c: dates as Danish administrators write them.  See date.h.
 * A date keeps the words it was written with, so a memo prints it back
 * as written, and an interval of days, so memos sort by time.  Input is
 * UTF-8 that need not end in a NUL; nothing here depends on the locale.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "i18n.h"

#define YEAR_MIN	1900
#define YEAR_MAX	2200
#define MAXTOK		6	/* "senest d. 8. juni 2021" is 5 tokens */
#define WORDSZ		32	/* no keyword is this long */
#define QUOTEMAX	60	/* bytes of input quoted in a message */
#define QUOTESZ		100	/* so a message fits the loader's 256 bytes */
#define LINESZ		96	/* any formatted date fits */
#define YEARTURN	"årsskiftet"
#define NITEMS(a)	(sizeof(a) / sizeof((a)[0]))

struct tok {
	const char	*p;
	size_t		 n;
};

struct parse {
	const char	*s;	/* the input without surrounding space */
	size_t		 n;
	struct tok	 tok[MAXTOK];
	size_t		 ntok;
	int		 more;	/* there were more than MAXTOK tokens */
	char		*err;
	size_t		 errsz;
	const struct lang *lang;	/* of err's message */
};

struct abbrev {
	const char	*word;
	int		 month;
};

struct best {
	const char	*word;
	size_t		 dist;
	int		 ismonth;
};

static const char *const months[12] = {
	"januar", "februar", "marts", "april", "maj", "juni", "juli",
	"august", "september", "oktober", "november", "december"
};

/* Matched with or without the dot; printing uses the full name. */
static const struct abbrev abbrevs[] = {
	{ "jan", 1 }, { "feb", 2 }, { "mar", 3 }, { "apr", 4 },
	{ "aug", 8 }, { "sep", 9 }, { "sept", 9 }, { "okt", 10 },
	{ "nov", 11 }, { "dec", 12 }
};

static const char *const parts[DATE_PART__MAX] = {
	"primo", "medio", "ultimo"
};

static const char *const seasons[DATE_SEASON__MAX] = {
	"vinteren", "foråret", "sommeren", "efteråret"
};

static const char *const quals[DATE_QUAL__MAX] = {
	NULL, "senest", "omkring"
};

static void	 append(char *, size_t, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static int	 fail(struct parse *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
static int	 generic(struct parse *);

static int
isleap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
mdays(int y, int m)
{
	static const int n[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && isleap(y))
		return 29;
	return n[m - 1];
}

long
date_days(int year, int month, int day)
{
	long	 y, era, yoe, doy, doe;

	/*
	 * Howard Hinnant's days_from_civil: years are counted from March,
	 * so the leap day falls at the end and needs no special case.
	 */
	y = (long)year - (month <= 2);
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/*
 * Bytes of white space at s[i], or 0.  Besides ASCII this takes the
 * no-break spaces that word processors put after "d." and "3.", since
 * memos are often pasted from them.
 */
static size_t
space_at(const char *s, size_t i, size_t n)
{
	const unsigned char *u = (const unsigned char *)s + i;
	size_t	 left = n - i;

	if (u[0] == ' ' || (u[0] >= '\t' && u[0] <= '\r'))
		return 1;
	if (left >= 2 && u[0] == 0xc2 && u[1] == 0xa0)
		return 2;
	if (left >= 3 && u[0] == 0xe2 && u[1] == 0x80 && u[2] == 0xaf)
		return 3;
	return 0;
}

/* Length of the valid UTF-8 sequence at p (n > 0 bytes left), or 0. */
static size_t
utf8_seq(const unsigned char *p, size_t n)
{
	unsigned char lo = 0x80, hi = 0xbf;
	size_t	 len, i;

	if (p[0] < 0x80)
		return 1;
	if (p[0] < 0xc2)
		return 0;
	if (p[0] < 0xe0)
		len = 2;
	else if (p[0] < 0xf0) {
		len = 3;
		if (p[0] == 0xe0)
			lo = 0xa0;	/* overlong */
		else if (p[0] == 0xed)
			hi = 0x9f;	/* surrogates */
	} else if (p[0] < 0xf5) {
		len = 4;
		if (p[0] == 0xf0)
			lo = 0x90;	/* overlong */
		else if (p[0] == 0xf4)
			hi = 0x8f;	/* beyond U+10FFFF */
	} else
		return 0;
	if (n < len || p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0;
	return len;
}

/*
 * Copy n bytes of s into out (QUOTESZ bytes) to quote in a message.
 * Invalid UTF-8 and control characters become \xNN, so a message never
 * carries bytes that garble a terminal or a page, and long input is cut.
 */
static void
quote(char *out, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t	 i = 0, o = 0, k, j, w;
	int	 esc, bs;

	while (i < n) {
		k = utf8_seq(u + i, n - i);
		esc = k == 0 || u[i] < 0x20 || u[i] == 0x7f ||
		    (k == 2 && u[i] == 0xc2 && u[i + 1] < 0xa0);
		if (k == 0)
			k = 1;
		bs = u[i] == '"' || u[i] == '\\';
		w = esc ? 4 * k : bs ? 2 : k;
		if (i + k > QUOTEMAX || o + w + 4 > QUOTESZ) {
			memcpy(out + o, "...", 3);
			o += 3;
			break;
		}
		if (esc)
			for (j = 0; j < k; j++) {
				snprintf(out + o, 5, "\\x%02X", u[i + j]);
				o += 4;
			}
		else {
			if (bs)
				out[o++] = '\\';
			memcpy(out + o, s + i, k);
			o += k;
		}
		i += k;
	}
	out[o] = '\0';
}

/* Write a message into the caller's err; returns -1 for the caller. */
static int
fail(struct parse *p, const char *fmt, ...)
{
	va_list	 ap;
	size_t	 end, i, need;
	int	 n;

	if (p->err == NULL || p->errsz == 0)
		return -1;
	va_start(ap, fmt);
	n = vsnprintf(p->err, p->errsz, tr(p->lang, fmt), ap);
	va_end(ap);
	if (n < 0)
		p->err[0] = '\0';
	else if ((size_t)n >= p->errsz) {
		/* Cut before a character that did not fit whole. */
		end = p->errsz - 1;
		i = end;
		while (i > 0 && ((unsigned char)p->err[i - 1] & 0xc0) == 0x80)
			i--;
		if (i > 0 && (unsigned char)p->err[i - 1] >= 0xc0) {
			need = (unsigned char)p->err[i - 1] >= 0xf0 ? 4 :
			    (unsigned char)p->err[i - 1] >= 0xe0 ? 3 : 2;
			if (end - (i - 1) < need)
				end = i - 1;
		}
		p->err[end] = '\0';
	}
	return -1;
}

/* Append to the NUL-terminated string in out (sz bytes), truncating. */
static void
append(char *out, size_t sz, const char *fmt, ...)
{
	va_list	 ap;
	size_t	 len;

	len = strlen(out);
	if (len + 1 >= sz)
		return;
	va_start(ap, fmt);
	vsnprintf(out + len, sz - len, fmt, ap);
	va_end(ap);
}

/*
 * Lower-case a token into out for comparison with the keywords.  Only
 * ASCII and the Latin-1 capitals (Å, Æ, Ø) are folded, by hand, so the
 * locale does not matter; a decomposed "å" (a and a combining ring, as
 * macOS writes it) becomes the precomposed one.  A token too long to be
 * a keyword, or with a NUL that would end the comparison early, is -1.
 */
static int
fold(const struct tok *t, char *out, size_t sz)
{
	const unsigned char *u = (const unsigned char *)t->p;
	unsigned char c;
	size_t	 i, o = 0;

	for (i = 0; i < t->n; i++) {
		if (o + 3 > sz || u[i] == '\0')
			return -1;
		c = u[i];
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c == 'a' && i + 2 < t->n && u[i + 1] == 0xcc &&
		    u[i + 2] == 0x8a) {
			out[o++] = (char)0xc3;
			out[o++] = (char)0xa5;
			i += 2;
		} else if (c == 0xc3 && i + 1 < t->n && u[i + 1] >= 0x80 &&
		    u[i + 1] <= 0x9e && u[i + 1] != 0x97) {
			out[o++] = (char)0xc3;
			out[o++] = (char)(u[i + 1] + 0x20);
			i++;
		} else
			out[o++] = (char)c;
	}
	out[o] = '\0';
	return 0;
}

static int
lookup(const char *w, const char *const *list, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (list[i] != NULL && strcmp(w, list[i]) == 0)
			return (int)i;
	return -1;
}

/* The month 1-12 named by the folded word w, or 0. */
static int
month_of(const char *w)
{
	char	 s[WORDSZ];
	size_t	 i, n;
	int	 m;

	if ((m = lookup(w, months, NITEMS(months))) >= 0)
		return m + 1;
	n = strlen(w);
	if (n == 0 || n >= sizeof(s))
		return 0;
	memcpy(s, w, n + 1);
	if (s[n - 1] == '.')
		s[n - 1] = '\0';
	for (i = 0; i < NITEMS(abbrevs); i++)
		if (strcmp(s, abbrevs[i].word) == 0)
			return abbrevs[i].month;
	return 0;
}

static int
isknown(const char *w)
{
	return strcmp(w, "d.") == 0 || month_of(w) > 0 ||
	    lookup(w, quals, NITEMS(quals)) >= 0 ||
	    lookup(w, parts, NITEMS(parts)) >= 0 ||
	    lookup(w, seasons, NITEMS(seasons)) >= 0 ||
	    strcmp(w, YEARTURN) == 0;
}

/*
 * The value of n ASCII digits, or -1 if they are not all digits.  The
 * value stops growing past 10^8 so that a long run cannot overflow;
 * callers check the length too.
 */
static long
digits(const char *p, size_t n)
{
	long	 v = 0;
	size_t	 i;

	if (n == 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		if (v < 100000000)
			v = v * 10 + (p[i] - '0');
	}
	return v;
}

/* A day token: "3.", "03." or "3"; its number, or -1. */
static int
day_of(const struct tok *t)
{
	size_t	 n = t->n;

	if (n > 0 && t->p[n - 1] == '.')
		n--;
	if (n < 1 || n > 2)
		return -1;
	return (int)digits(t->p, n);
}

/* Optimal string alignment distance: a swap of two letters costs 1. */
static size_t
distance(const char *a, size_t n, const char *b, size_t m)
{
	size_t	 d[WORDSZ + 1][WORDSZ + 1];
	size_t	 i, j, v;

	for (i = 0; i <= n; i++)
		d[i][0] = i;
	for (j = 0; j <= m; j++)
		d[0][j] = j;
	for (i = 1; i <= n; i++)
		for (j = 1; j <= m; j++) {
			v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[n][m];
}

static void
consider(struct best *b, const char *w, const char *cand, const char *word,
    int ismonth)
{
	size_t	 d, m;

	m = strlen(cand);
	d = distance(w, strlen(w), cand, m);
	/* One slip in a short word, two in a long one; else it is noise. */
	if (d <= (m <= 4 ? 1u : 2u) && d < b->dist) {
		b->word = word;
		b->dist = d;
		b->ismonth = ismonth;
	}
}

/*
 * The keyword nearest to the token, or NULL if none is near: months
 * only, or (all) the other keywords too.  Abbreviations suggest the
 * full name, which is what the memo will print anyway.
 */
static const char *
suggest(const struct tok *t, int all, int *ismonth)
{
	struct best b;
	char	 w[WORDSZ];
	size_t	 i, n;

	if (fold(t, w, sizeof(w)) == -1)
		return NULL;
	n = strlen(w);
	if (n > 0 && w[n - 1] == '.')
		w[n - 1] = '\0';
	b.word = NULL;
	b.dist = (size_t)-1;
	b.ismonth = 0;
	for (i = 0; i < NITEMS(months); i++)
		consider(&b, w, months[i], months[i], 1);
	for (i = 0; i < NITEMS(abbrevs); i++)
		consider(&b, w, abbrevs[i].word,
		    months[abbrevs[i].month - 1], 1);
	if (all) {
		for (i = 1; i < NITEMS(quals); i++)
			consider(&b, w, quals[i], quals[i], 0);
		for (i = 0; i < NITEMS(parts); i++)
			consider(&b, w, parts[i], parts[i], 0);
		for (i = 0; i < NITEMS(seasons); i++)
			consider(&b, w, seasons[i], seasons[i], 0);
		consider(&b, w, YEARTURN, YEARTURN, 0);
	}
	*ismonth = b.ismonth;
	return b.word;
}

/*
 * Nothing matched.  If a word is a near miss of a keyword, say which;
 * otherwise show what a date looks like.
 */
static int
generic(struct parse *p)
{
	char	 q[QUOTESZ], w[WORDSZ];
	const char *s;
	size_t	 i;
	int	 ismonth;

	for (i = 0; i < p->ntok; i++) {
		if (fold(&p->tok[i], w, sizeof(w)) == -1 ||
		    (w[0] >= '0' && w[0] <= '9') || isknown(w))
			continue;
		if ((s = suggest(&p->tok[i], 1, &ismonth)) != NULL) {
			quote(q, p->tok[i].p, p->tok[i].n);
			return fail(p, "unknown %s \"%s\" (did you mean "
			    "\"%s\"?)", ismonth ? tr(p->lang, "month") :
			    tr(p->lang, "word"), q, s);
		}
		break;
	}
	quote(q, p->s, p->n);
	return fail(p, "expected a date such as \"20. maj 2021\", "
	    "\"medio oktober 2020\", \"sommeren 2020\" or \"2021-05-20\", "
	    "got \"%s\"", q);
}

static int
unknown_month(struct parse *p, const struct tok *t)
{
	char	 q[QUOTESZ];
	const char *s;
	int	 ismonth;

	if (t->p[0] >= '0' && t->p[0] <= '9')
		return generic(p);
	quote(q, t->p, t->n);
	if ((s = suggest(t, 0, &ismonth)) != NULL)
		return fail(p, "unknown month \"%s\" (did you mean \"%s\"?)",
		    q, s);
	return fail(p, "unknown month \"%s\" (write e.g. \"oktober\" or "
	    "\"okt.\")", q);
}

static void
format_into(char *out, size_t sz, const struct date *d, int flags)
{
	int	 pair = 0;

	out[0] = '\0';
	if (d->kind <= DATE_NONE || d->kind >= DATE__MAX)
		return;
	if (!(flags & DATE_FMT_NOQUAL) && d->qual > DATE_EXACT &&
	    d->qual < DATE_QUAL__MAX)
		append(out, sz, "%s ", quals[d->qual]);
	switch (d->kind) {
	case DATE_DAY:
		append(out, sz, "%s%d. %s", d->has_d ? "d. " : "", d->day,
		    d->month >= 1 && d->month <= 12 ? months[d->month - 1] :
		    "?");
		break;
	case DATE_PART:
		append(out, sz, "%s %s",
		    (unsigned)d->part < DATE_PART__MAX ? parts[d->part] : "?",
		    d->month >= 1 && d->month <= 12 ? months[d->month - 1] :
		    "?");
		break;
	case DATE_MONTH:
		append(out, sz, "%s", d->month >= 1 && d->month <= 12 ?
		    months[d->month - 1] : "?");
		break;
	case DATE_SEASON:
		append(out, sz, "%s", (unsigned)d->season < DATE_SEASON__MAX ?
		    seasons[d->season] : "?");
		pair = d->season == DATE_WINTER;
		break;
	case DATE_YEARTURN:
		append(out, sz, "%s", YEARTURN);
		pair = 1;
		break;
	case DATE_YEARPART:
		append(out, sz, "%s",
		    (unsigned)d->part < DATE_PART__MAX ? parts[d->part] : "?");
		break;
	case DATE_QUARTER:
		append(out, sz, "%d. kvartal", d->n);
		break;
	case DATE_HALF:
		append(out, sz, "%d. halvår", d->n);
		break;
	case DATE_WEEK:
		append(out, sz, "uge %d", d->n);
		break;
	default:
		/* DATE_YEAR: the year is all there is, so NOYEAR keeps it. */
		append(out, sz, "%d", d->year);
		return;
	}
	if (flags & DATE_FMT_NOYEAR)
		return;
	if (pair)
		append(out, sz, " %d/%02d", d->year,
		    (int)(((long)d->year + 1) % 100));
	else
		append(out, sz, " %d", d->year);
}

static int
year_of(struct parse *p, const struct tok *t, int *y)
{
	char	 q[QUOTESZ];
	long	 v;

	if ((v = digits(t->p, t->n)) < 0)
		return generic(p);
	if (t->n == 2 && p->s <= t->p && t->p + t->n <= p->s + p->n) {
		/* "juni 21": the year in full, as a memo needs it. */
		quote(q, p->s, p->n);
		return fail(p, "\"%s\": write the year with four digits: did "
		    "you mean \"%.*s20%02ld%.*s\"?", q, (int)(t->p - p->s),
		    p->s, v, (int)(p->s + p->n - t->p - t->n), t->p + t->n);
	}
	if (t->n != 4 || v < YEAR_MIN || v > YEAR_MAX) {
		quote(q, t->p, t->n);
		return fail(p, "year %s is out of range (%d-%d)", q,
		    YEAR_MIN, YEAR_MAX);
	}
	*y = (int)v;
	return 0;
}

/* The form without its year: say so, with the form and a year. */
static int
need_year(struct parse *p, struct date *t)
{
	char	 q[QUOTESZ], ex[LINESZ];

	t->year = t->kind == DATE_DAY && t->month == 2 && t->day == 29 ?
	    2024 : 2021;
	format_into(ex, sizeof(ex), t, 0);
	quote(q, p->s, p->n);
	return fail(p, "\"%s\" needs a year, as in \"%s\"", q, ex);
}

/* A day not in its month; the year is 0 if none was written. */
static int
bad_day(struct parse *p, const struct date *t)
{
	char	 what[LINESZ], why[LINESZ];
	const char *m = months[t->month - 1];

	if (t->iso)
		snprintf(what, sizeof(what), "%04d-%02d-%02d", t->year,
		    t->month, t->day);
	else if (t->year != 0)
		snprintf(what, sizeof(what), "%d. %s %d", t->day, m, t->year);
	else
		snprintf(what, sizeof(what), "%d. %s", t->day, m);
	if (t->day < 1)
		snprintf(why, sizeof(why), tr(p->lang, "days start at %s"),
		    t->iso ? "01" : "1");
	else if (t->month == 2 && t->day == 29)
		snprintf(why, sizeof(why), tr(p->lang, "%d is not a leap year"),
		    t->year);
	else if (t->month == 2 && t->year != 0)
		snprintf(why, sizeof(why), tr(p->lang, "%s has %d days in %d"), m,
		    mdays(t->year, 2), t->year);
	else if (t->month == 2)
		snprintf(why, sizeof(why), tr(p->lang, "%s has at most 29 days"),
		    m);
	else
		snprintf(why, sizeof(why), tr(p->lang, "%s has %d days"), m,
		    mdays(2000, t->month));
	return fail(p, "there is no %s (%s)", what, why);
}

/* [d.] 3. juni 2021, from the day token at i. */
static int
day_form(struct parse *p, struct date *t, size_t i)
{
	char	 w[WORDSZ];

	t->kind = DATE_DAY;
	t->day = day_of(&p->tok[i]);
	if (i + 1 >= p->ntok)
		return generic(p);
	if (fold(&p->tok[i + 1], w, sizeof(w)) == -1 ||
	    (t->month = month_of(w)) == 0)
		return unknown_month(p, &p->tok[i + 1]);
	if (i + 2 == p->ntok) {
		if (t->day < 1 || t->day > mdays(2000, t->month))
			return bad_day(p, t);
		return need_year(p, t);
	}
	if (i + 3 != p->ntok)
		return generic(p);
	if (year_of(p, &p->tok[i + 2], &t->year) == -1)
		return -1;
	if (t->day < 1 || t->day > mdays(t->year, t->month))
		return bad_day(p, t);
	return 0;
}

/* juni 2021, with the month token at i. */
static int
month_form(struct parse *p, struct date *t, size_t i)
{
	char	 w[WORDSZ];

	if (i >= p->ntok)
		return generic(p);
	if (fold(&p->tok[i], w, sizeof(w)) == -1 ||
	    (t->month = month_of(w)) == 0)
		return unknown_month(p, &p->tok[i]);
	if (i + 1 == p->ntok)
		return need_year(p, t);
	if (i + 2 != p->ntok)
		return generic(p);
	return year_of(p, &p->tok[i + 1], &t->year);
}

/*
 * The year of a season or a turn of the year, at token i.  Winter and
 * the turn of the year span two years and must name both, since
 * "vinteren 2021" is read both ways.
 */
static int
season_form(struct parse *p, struct date *t, size_t i)
{
	char	 q[QUOTESZ];
	struct tok left, right;
	const struct tok *tk;
	const char *kw, *slash;
	long	 v;
	int	 two, y;

	two = t->kind == DATE_YEARTURN || t->season == DATE_WINTER;
	kw = t->kind == DATE_YEARTURN ? YEARTURN : seasons[t->season];
	if (i == p->ntok)
		return need_year(p, t);
	if (i + 1 != p->ntok)
		return generic(p);
	tk = &p->tok[i];
	quote(q, p->s, p->n);
	if ((slash = memchr(tk->p, '/', tk->n)) == NULL) {
		if (year_of(p, tk, &t->year) == -1)
			return -1;
		if (!two)
			return 0;
		y = t->year;
		return fail(p, "\"%s\" spans two years: write \"%s %d/%02d\" "
		    "or \"%s %d/%02d\"", q, kw, y - 1, y % 100, kw, y,
		    (y + 1) % 100);
	}
	left.p = tk->p;
	left.n = (size_t)(slash - tk->p);
	right.p = slash + 1;
	right.n = tk->n - left.n - 1;
	if ((v = digits(right.p, right.n)) < 0 || left.n == 0)
		return generic(p);
	if (year_of(p, &left, &t->year) == -1)
		return -1;
	y = t->year;
	if (!two)
		return fail(p, "\"%s\": %s lies within one year, as in "
		    "\"%s %d\"", q, kw, kw, y);
	if (!(right.n == 2 && v == (y + 1) % 100) &&
	    !(right.n == 4 && v == y + 1))
		return fail(p, "\"%s\": the second year must follow the first, "
		    "as in \"%s %d/%02d\"", q, kw, y, (y + 1) % 100);
	if (y + 1 > YEAR_MAX)
		return fail(p, "year %d is out of range (%d-%d)", y + 1,
		    YEAR_MIN, YEAR_MAX);
	return 0;
}

/* 2021-06-03 or 2020-09: zero-padded, as ISO 8601 has it. */
static int
iso_form(struct parse *p, struct date *t, const struct tok *tk)
{
	char	 q[QUOTESZ];
	struct tok yt;
	long	 m, d = 1;

	if ((tk->n != 7 && tk->n != 10) || tk->p[4] != '-' ||
	    (tk->n == 10 && tk->p[7] != '-') || digits(tk->p, 4) < 0 ||
	    (m = digits(tk->p + 5, 2)) < 0 ||
	    (tk->n == 10 && (d = digits(tk->p + 8, 2)) < 0))
		return generic(p);
	t->iso = 1;
	yt.p = tk->p;
	yt.n = 4;
	if (year_of(p, &yt, &t->year) == -1)
		return -1;
	if (m < 1 || m > 12) {
		quote(q, tk->p, tk->n);
		return fail(p, "there is no month %02ld in \"%s\" (months are "
		    "01-12)", m, q);
	}
	t->month = (int)m;
	if (tk->n == 7) {
		t->kind = DATE_MONTH;
		return 0;
	}
	t->kind = DATE_DAY;
	t->day = (int)d;
	if (d < 1 || d > mdays(t->year, t->month))
		return bad_day(p, t);
	return 0;
}

/*
 * The office forms of a day: 3/6-2021, 3.6.2021, 02.06.2022.  Returns 1
 * when tk is not one of them (nothing reported).
 */
static int
numeric_form(struct parse *p, struct date *t, const struct tok *tk)
{
	char	 q[QUOTESZ];
	const char *a, *b, *e = tk->p + tk->n;
	struct tok yt;
	long	 d, m;

	for (a = tk->p; a < e && *a >= '0' && *a <= '9'; a++)
		continue;
	if (a == tk->p || a >= e || (*a != '/' && *a != '.'))
		return 1;
	for (b = a + 1; b < e && *b >= '0' && *b <= '9'; b++)
		continue;
	if (b == a + 1 || b >= e || *b != (*a == '/' ? '-' : '.') ||
	    b + 1 >= e || digits(b + 1, (size_t)(e - b - 1)) < 0)
		return 1;
	d = digits(tk->p, (size_t)(a - tk->p));
	m = digits(a + 1, (size_t)(b - a - 1));
	if (a - tk->p > 2 || b - a - 1 > 2)
		return generic(p);
	yt.p = b + 1;
	yt.n = (size_t)(e - b - 1);
	if (year_of(p, &yt, &t->year) == -1)
		return -1;
	if (m < 1 || m > 12) {
		quote(q, tk->p, tk->n);
		return fail(p, "there is no month %ld in \"%s\" (day, then "
		    "month 1-12, then year)", m, q);
	}
	t->kind = DATE_DAY;
	t->month = (int)m;
	t->day = (int)d;
	if (d < 1 || d > mdays(t->year, t->month))
		return bad_day(p, t);
	return 0;
}

/* The year of a form that ends in one, at token i; or say it is missing. */
static int
year_at(struct parse *p, struct date *t, size_t i)
{
	if (i == p->ntok)
		return need_year(p, t);
	if (i + 1 != p->ntok)
		return generic(p);
	return year_of(p, &p->tok[i], &t->year);
}

/* 1. kvartal 2022, 1. kvt. 2022, 2. halvår 2021: number at i. */
static int
count_form(struct parse *p, struct date *t, size_t i, int max)
{
	char	 q[QUOTESZ];

	t->n = day_of(&p->tok[i]);
	if (t->n < 1 || t->n > max) {
		quote(q, p->s, p->n);
		return fail(p, "\"%s\": a year has %d %s, numbered 1-%d", q,
		    max, max == 4 ? tr(p->lang, "quarters (kvartaler)") :
		    tr(p->lang, "halves (halvår)"),
		    max);
	}
	return year_at(p, t, i + 2);
}

/* The number of ISO weeks of year y: 53 when it begins on a Thursday. */
static int
iso_weeks(int y)
{
	long	 jan1 = date_days(y, 1, 1), dec31 = date_days(y, 12, 31);

	/* 1970-01-01 was a Thursday: day % 7 == 0 is a Thursday. */
	return ((jan1 % 7) + 7) % 7 == 0 || ((dec31 % 7) + 7) % 7 == 0 ?
	    53 : 52;
}

/* uge 23 2021, from the week's number at token i. */
static int
week_form(struct parse *p, struct date *t, size_t i)
{
	char	 q[QUOTESZ];
	long	 w;

	t->kind = DATE_WEEK;
	if (i >= p->ntok || (w = digits(p->tok[i].p, p->tok[i].n)) < 0 ||
	    p->tok[i].n > 2)
		return generic(p);
	t->n = (int)w;
	if (year_at(p, t, i + 1) == -1)
		return -1;
	if (w < 1 || w > iso_weeks(t->year)) {
		quote(q, p->s, p->n);
		return fail(p, "\"%s\": %d has weeks 1-%d", q, t->year,
		    iso_weeks(t->year));
	}
	return 0;
}

/* Everything after the qualifier, from token i. */
static int
body(struct parse *p, struct date *t, size_t i)
{
	char	 w[WORDSZ];
	const struct tok *tk = &p->tok[i];
	int	 k;

	if (fold(tk, w, sizeof(w)) == -1)
		return generic(p);
	if (strcmp(w, "d.") == 0) {
		t->has_d = 1;
		if (i + 1 == p->ntok || day_of(&p->tok[i + 1]) < 0)
			return generic(p);
		return day_form(p, t, i + 1);
	}
	if (i + 1 == p->ntok && (k = numeric_form(p, t, tk)) != 1)
		return k;
	if (memchr(tk->p, '-', tk->n) != NULL)
		return i + 1 == p->ntok ? iso_form(p, t, tk) : generic(p);
	if (strcmp(w, "uge") == 0)
		return week_form(p, t, i + 1);
	if (day_of(tk) >= 0 && i + 1 < p->ntok &&
	    fold(&p->tok[i + 1], w, sizeof(w)) == 0) {
		if (strcmp(w, "kvartal") == 0 || strcmp(w, "kvt.") == 0 ||
		    strcmp(w, "kvt") == 0) {
			t->kind = DATE_QUARTER;
			return count_form(p, t, i, 4);
		}
		if (strcmp(w, "halvår") == 0) {
			t->kind = DATE_HALF;
			return count_form(p, t, i, 2);
		}
	}
	if (i + 1 == p->ntok && digits(tk->p, tk->n) >= 0) {
		t->kind = DATE_YEAR;
		return year_of(p, tk, &t->year);
	}
	if (day_of(tk) >= 0)
		return day_form(p, t, i);
	if ((k = lookup(w, parts, NITEMS(parts))) >= 0) {
		t->kind = DATE_PART;
		t->part = (enum date_part)k;
		/* "medio 2022": a third of the year. */
		if (i + 2 == p->ntok &&
		    digits(p->tok[i + 1].p, p->tok[i + 1].n) >= 0) {
			t->kind = DATE_YEARPART;
			return year_of(p, &p->tok[i + 1], &t->year);
		}
		return month_form(p, t, i + 1);
	}
	if (month_of(w) > 0) {
		t->kind = DATE_MONTH;
		return month_form(p, t, i);
	}
	if ((k = lookup(w, seasons, NITEMS(seasons))) >= 0) {
		t->kind = DATE_SEASON;
		t->season = (enum date_season)k;
		return season_form(p, t, i + 1);
	}
	if (strcmp(w, YEARTURN) == 0) {
		t->kind = DATE_YEARTURN;
		return season_form(p, t, i + 1);
	}
	return generic(p);
}

static int
parse(struct parse *p, struct date *t)
{
	char	 w[WORDSZ], q[QUOTESZ];
	int	 k;

	if (p->ntok == 0 || p->more)
		return generic(p);
	if (fold(&p->tok[0], w, sizeof(w)) == -1 ||
	    (k = lookup(w, quals, NITEMS(quals))) < 0)
		return body(p, t, 0);
	t->qual = (enum date_qual)k;
	if (p->ntok == 1)
		return fail(p, "\"%s\" needs a date after it, as in \"%s\"",
		    quals[k], k == DATE_SENEST ? "senest d. 8. juni 2021" :
		    "omkring årsskiftet 2021/22");
	if (fold(&p->tok[1], w, sizeof(w)) == 0 &&
	    lookup(w, quals, NITEMS(quals)) >= 0) {
		quote(q, p->s, p->n);
		return fail(p, "\"%s\": use at most one of \"senest\" and "
		    "\"omkring\"", q);
	}
	return body(p, t, 1);
}

static void
tokenize(struct parse *p, const char *s, size_t n)
{
	size_t	 i = 0, k, start, end = 0;

	while (i < n) {
		if ((k = space_at(s, i, n)) > 0) {
			i += k;
			continue;
		}
		start = i;
		while (i < n && space_at(s, i, n) == 0)
			i++;
		if (p->ntok == 0)
			p->s = s + start;
		if (p->ntok < MAXTOK) {
			p->tok[p->ntok].p = s + start;
			p->tok[p->ntok].n = i - start;
			p->ntok++;
		} else
			p->more = 1;
		end = i;
	}
	if (p->ntok > 0)
		p->n = (size_t)(s + end - p->s);
}

/* The month a season begins in; garbage gives January, not overflow. */
static int
season_month(enum date_season s)
{
	if (s == DATE_WINTER)
		return 12;
	return (unsigned)s < DATE_SEASON__MAX ? 3 * (int)s : 1;
}

/* The first month of a part of a year, a quarter or a half. */
static int
first_month(const struct date *d)
{
	switch (d->kind) {
	case DATE_YEARPART:
		return (unsigned)d->part < DATE_PART__MAX ?
		    1 + 4 * (int)d->part : 1;
	case DATE_QUARTER:
		return d->n >= 1 && d->n <= 4 ? 3 * d->n - 2 : 1;
	case DATE_HALF:
		return d->n == 2 ? 7 : 1;
	default:
		return d->month;
	}
}

static void
interval(struct date *d)
{
	int	 lo, m;

	switch (d->kind) {
	case DATE_DAY:
		d->first = d->last = date_days(d->year, d->month, d->day);
		break;
	case DATE_PART:
		lo = (int)d->part * 10 + 1;
		d->first = date_days(d->year, d->month, lo);
		d->last = date_days(d->year, d->month,
		    d->part == DATE_ULTIMO ? mdays(d->year, d->month) : lo + 9);
		break;
	case DATE_MONTH:
		d->first = date_days(d->year, d->month, 1);
		d->last = date_days(d->year, d->month,
		    mdays(d->year, d->month));
		break;
	case DATE_SEASON:
		/* Each season ends the day before the next one begins. */
		m = season_month(d->season);
		d->first = date_days(d->year, m, 1);
		d->last = date_days(d->year + (m == 12), m == 12 ? 3 : m + 3,
		    1) - 1;
		break;
	case DATE_YEARTURN:
		d->first = date_days(d->year, 12, 1);
		d->last = date_days(d->year + 1, 1, 31);
		break;
	case DATE_YEAR:
		d->first = date_days(d->year, 1, 1);
		d->last = date_days(d->year, 12, 31);
		break;
	case DATE_YEARPART:
	case DATE_QUARTER:
	case DATE_HALF:
		m = first_month(d);
		lo = d->kind == DATE_YEARPART ? 4 : d->kind == DATE_QUARTER ?
		    3 : 6;
		d->first = date_days(d->year, m, 1);
		d->last = date_days(d->year + (m + lo > 12), m + lo > 12 ? 1 :
		    m + lo, 1) - 1;
		break;
	case DATE_WEEK:
		/* Week 1 holds 4 January; weeks begin on Monday. */
		lo = (int)(((date_days(d->year, 1, 4) % 7) + 7 + 3) % 7);
		d->first = date_days(d->year, 1, 4) - lo + 7L * (d->n - 1);
		d->last = d->first + 6;
		break;
	default:
		break;
	}
}

int
date_parse(const char *s, size_t len, struct date *d, char *err,
    size_t errsz)
{
	return date_parse_in(NULL, s, len, d, err, errsz);
}

int
date_parse_in(const struct lang *lang, const char *s, size_t len,
    struct date *d, char *err, size_t errsz)
{
	struct parse	 p;
	struct date	 t;
	int		 rc;

	memset(&p, 0, sizeof(p));
	memset(&t, 0, sizeof(t));
	p.lang = lang;
	p.s = "";
	p.err = err;
	p.errsz = errsz;
	if (err != NULL && errsz > 0)
		err[0] = '\0';
	if (s != NULL)
		tokenize(&p, s, len);
	if ((rc = parse(&p, &t)) == 0)
		interval(&t);
	else
		memset(&t, 0, sizeof(t));
	if (d != NULL)
		*d = t;
	return rc;
}

void
date_format(struct buf *b, const struct date *d, int flags)
{
	char	 line[LINESZ];

	format_into(line, sizeof(line), d, flags);
	buf_puts(b, line);
}

void
date_format_iso(struct buf *b, const struct date *d)
{
	switch (d->kind) {
	case DATE_DAY:
		buf_printf(b, "%04d-%02d-%02d", d->year, d->month, d->day);
		break;
	case DATE_PART:
	case DATE_MONTH:
		buf_printf(b, "%04d-%02d", d->year, d->month);
		break;
	case DATE_SEASON:
		/* The first month: a valid <time> value that sorts right. */
		buf_printf(b, "%04d-%02d", d->year, season_month(d->season));
		break;
	case DATE_YEARTURN:
		buf_printf(b, "%04d-12", d->year);
		break;
	case DATE_YEAR:
		buf_printf(b, "%04d", d->year);
		break;
	case DATE_YEARPART:
	case DATE_QUARTER:
	case DATE_HALF:
		buf_printf(b, "%04d-%02d", d->year, first_month(d));
		break;
	case DATE_WEEK:
		buf_printf(b, "%04d-W%02d", d->year, d->n);
		break;
	default:
		break;
	}
}

int
date_cmp(const struct date *a, const struct date *b)
{
	if (a->first != b->first)
		return a->first < b->first ? -1 : 1;
	if (a->last != b->last)
		return a->last < b->last ? -1 : 1;
	return 0;
}
