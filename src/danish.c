/*
 * danish.c: Danish numbers.  See danish.h.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "danish.h"
#include "i18n.h"

static const char *const words[] = {
	"nul", "en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni",
	"ti", "elleve", "tolv", "tretten", "fjorten", "femten", "seksten",
	"sytten", "atten", "nitten", "tyve"
};

void
danish_number(struct buf *b, long v)
{
	char		 digits[32];
	unsigned long	 u;
	int		 n, i;

	if (v < 0) {
		buf_putc(b, '-');
		u = 0UL - (unsigned long)v;
	} else
		u = (unsigned long)v;
	n = snprintf(digits, sizeof(digits), "%lu", u);
	if (u < 1000) {
		buf_put(b, digits, (size_t)n);
		return;
	}
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf_putc(b, '.');
		buf_putc(b, digits[i]);
	}
}

void
danish_number_word(struct buf *b, long v, int capital)
{
	const char	*w;

	if (v < 0 || v > 20) {
		danish_number(b, v);
		return;
	}
	w = words[v];
	if (capital) {
		buf_putc(b, w[0] - 'a' + 'A');
		buf_puts(b, w + 1);
	} else
		buf_puts(b, w);
}

void
danish_list(struct buf *b, const char *const *items, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(b, i + 1 == n ? " og " : ", ");
		buf_puts(b, items[i]);
	}
}

/* The units written the usual ways, and how they print. */
static const struct {
	const char	*as;
	const char	*unit;
} units[] = {
	{ "%", "%" }, { "pct.", "%" }, { "pct", "%" }, { "procent", "%" },
	{ "kr.", "kr." }, { "kr", "kr." }, { "kroner", "kr." },
	{ "mio. kr.", "mio. kr." }, { "mio.kr.", "mio. kr." },
	{ "mio. kr", "mio. kr." }, { "mio kr.", "mio. kr." },
	{ "mio kr", "mio. kr." }, { "mio. kroner", "mio. kr." },
	{ "mia. kr.", "mia. kr." }, { "mia.kr.", "mia. kr." },
	{ "mia kr", "mia. kr." }, { "t.kr.", "t.kr." }, { "t. kr.", "t.kr." },
	{ "procentpoint", "procentpoint" }
};

int
danish_quantity(const char *s, size_t len, struct quantity *q,
    char *unit_buf, size_t unitsz, char *err, size_t errsz)
{
	return danish_quantity_in(NULL, s, len, q, unit_buf, unitsz, err,
	    errsz);
}

int
danish_quantity_in(const struct lang *lang, const char *s, size_t len,
    struct quantity *q, char *unit_buf, size_t unitsz, char *err,
    size_t errsz)
{
	const char	*p = s, *e = s + len, *g;
	long		 v = 0;
	int		 neg = 0, digits = 0, group = -1, i;
	size_t		 k, n;

	memset(q, 0, sizeof(*q));
	while (p < e && *p == ' ')
		p++;
	while (e > p && e[-1] == ' ')
		e--;
	if (e - p >= 4 && strncmp(p, "ca. ", 4) == 0) {
		q->approx = 1;
		for (p += 4; p < e && *p == ' '; p++)
			continue;
	}
	if (p < e && *p == '-')
		neg = 1, p++;
	else if (e - p >= 3 && strncmp(p, "\xe2\x88\x92", 3) == 0)	/* − */
		neg = 1, p += 3;
	for (g = p; p < e; p++) {
		if (*p >= '0' && *p <= '9') {
			if (v > (LONG_MAX - 9) / 10 / 1000) {
				snprintf(err, errsz, tr(lang,
				    "%.*s is too large"), (int)len, s);
				return -1;
			}
			v = v * 10 + (*p - '0');
			digits++;
			if (group >= 0)
				group++;
		} else if (*p == '.' && p + 1 < e && p[1] >= '0' &&
		    p[1] <= '9' && digits > 0) {
			/* "16.000.000": the dots part thousands. */
			if ((group >= 0 && group != 3) ||
			    (group < 0 && digits > 3))
				goto bad_groups;
			group = 0;
		} else
			break;
	}
	if (digits == 0)
		goto bad;
	if (group >= 0 && group != 3)
		goto bad_groups;
	if (p < e && *p == ',' && p + 1 < e && p[1] >= '0' && p[1] <= '9') {
		for (p++; p < e && *p >= '0' && *p <= '9'; p++) {
			if (++q->decimals > 3) {
				snprintf(err, errsz, tr(lang, "\"%.*s\": at "
				    "most three decimals"), (int)len, s);
				return -1;
			}
			v = v * 10 + (*p - '0');
		}
	} else if (p < e && *p == '.' && g < p) {
		snprintf(err, errsz, tr(lang, "\"%.*s\": write decimals with "
		    "a comma, as in \"12,5\" (a dot parts thousands: "
		    "\"1.500\")"), (int)len, s);
		return -1;
	}
	q->value = neg ? -v : v;
	while (p < e && *p == ' ')
		p++;
	if (p == e)
		return 0;
	n = (size_t)(e - p);
	for (k = 0; k < sizeof(units) / sizeof(units[0]); k++)
		if (strlen(units[k].as) == n &&
		    strncmp(p, units[k].as, n) == 0) {
			q->unit = units[k].unit;
			return 0;
		}
	/* Any other unit is a word or two of letters: "timer". */
	for (i = 0; (size_t)i < n; i++)
		if (p[i] >= '0' && p[i] <= '9')
			goto bad;
	if (n + 1 > unitsz) {
		snprintf(err, errsz, tr(lang, "\"%.*s\": the unit is too long"),
		    (int)len, s);
		return -1;
	}
	memcpy(unit_buf, p, n);
	unit_buf[n] = '\0';
	q->unit = unit_buf;
	return 0;
bad_groups:
	snprintf(err, errsz, tr(lang, "\"%.*s\": a dot parts thousands, in "
	    "groups of three digits (\"16.000.000\"); write decimals with a "
	    "comma (\"12,5\")"), (int)len, s);
	return -1;
bad:
	snprintf(err, errsz, tr(lang, "expected a number such as 16, 12,5, "
	    "34 %%, 16 mio. kr. or ca. 40, got \"%.*s\""), (int)len, s);
	return -1;
}

/* |v| with decimals, the Danish way: "1.500", "12,5". */
static void
magnitude(struct buf *b, long v, int decimals)
{
	long	 scale = 1, u = v < 0 ? -v : v;
	int	 i;

	for (i = 0; i < decimals; i++)
		scale *= 10;
	danish_number(b, u / scale);
	if (decimals > 0)
		buf_printf(b, ",%0*ld", decimals, u % scale);
}

static void
with_unit(struct buf *b, const char *unit)
{
	if (unit != NULL)
		buf_printf(b, " %s", unit);
}

void
danish_quantity_format(struct buf *b, const struct quantity *q)
{
	if (q->approx)
		buf_puts(b, "ca. ");
	if (q->value < 0)
		buf_puts(b, "\xe2\x88\x92");
	magnitude(b, q->value, q->decimals);
	with_unit(b, q->unit);
}

void
danish_quantity_change(struct buf *b, const struct quantity *now,
    const struct quantity *before)
{
	long	 x = now->value, y = before->value, d;
	int	 dec = now->decimals > before->decimals ? now->decimals :
	    before->decimals, i;

	if ((now->unit == NULL) != (before->unit == NULL) ||
	    (now->unit != NULL && strcmp(now->unit, before->unit) != 0))
		return;
	for (i = now->decimals; i < dec; i++)
		x *= 10;
	for (i = before->decimals; i < dec; i++)
		y *= 10;
	if ((d = x - y) == 0) {
		buf_puts(b, "uændret");
		return;
	}
	buf_puts(b, d > 0 ? "+" : "\xe2\x88\x92");
	magnitude(b, d, dec);
	/* A change of a percentage is in percentage points. */
	with_unit(b, now->unit != NULL && strcmp(now->unit, "%") == 0 ?
	    "procentpoint" : now->unit);
}
