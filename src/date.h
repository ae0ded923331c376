/*
 * date.h: dates as Danish administrators write them, kept as intervals of
 * days with a precision: "3. juni 2021" (day), "september 2020" (month),
 * "medio oktober 2020" (part of a month), "sommeren 2020" (season),
 * "2013" (year), "årsskiftet 2021/22" (turn of the year), "medio 2022"
 * (a third of a year), "1. kvartal 2022" or "1. kvt. 2022", "2. halvår
 * 2021", "uge 23 2021" (an ISO week), each optionally with "senest" (no
 * later than) or "omkring" (about) in front, the ISO forms 2021-06-03,
 * 2020-09, 2013, and the office forms 3/6-2021, 3.6.2021 and 02.06.2022
 * (printed back as "3. juni 2021").  Any file may include this header.
 */
#ifndef DATE_H
#define DATE_H

#include <stddef.h>

struct buf;

enum date_kind {
	DATE_NONE,	/* no date: a zeroed struct date */
	DATE_DAY,	/* 3. juni 2021 */
	DATE_PART,	/* primo/medio/ultimo oktober 2020 */
	DATE_MONTH,	/* september 2020 */
	DATE_SEASON,	/* sommeren 2020 */
	DATE_YEARTURN,	/* årsskiftet 2021/22: December to January */
	DATE_YEAR,	/* 2013 */
	DATE_YEARPART,	/* primo/medio/ultimo 2022: thirds of the year */
	DATE_QUARTER,	/* 1. kvartal 2022 (1. kvt. 2022) */
	DATE_HALF,	/* 2. halvår 2021 */
	DATE_WEEK,	/* uge 23 2021: an ISO week, Monday to Sunday */
	DATE__MAX
};

enum date_part {
	DATE_PRIMO,	/* days 1-10 */
	DATE_MEDIO,	/* days 11-20 */
	DATE_ULTIMO,	/* day 21 to the end of the month */
	DATE_PART__MAX
};

enum date_season {
	DATE_WINTER,	/* vinteren 2020/21: December to February */
	DATE_SPRING,	/* foråret: March to May */
	DATE_SUMMER,	/* sommeren: June to August */
	DATE_AUTUMN,	/* efteråret: September to November */
	DATE_SEASON__MAX
};

enum date_qual {
	DATE_EXACT,
	DATE_SENEST,	/* "senest": no later than */
	DATE_OMKRING,	/* "omkring": about */
	DATE_QUAL__MAX
};

struct date {
	enum date_kind	 kind;
	enum date_qual	 qual;
	int		 year;	/* for DATE_YEARTURN and DATE_WINTER: the first year */
	int		 month;	/* 1-12, for DAY, PART, MONTH */
	int		 day;	/* 1-31, for DAY */
	int		 n;	/* QUARTER 1-4, HALF 1-2, WEEK 1-53 */
	enum date_part	 part;	/* for PART and YEARPART */
	enum date_season season;
	int		 has_d;	/* written "d. 8. juni 2021": printed back so */
	int		 iso;	/* written in ISO form */
	int		 bad;	/* set by callers: written, but unreadable (kind is DATE_NONE) */
	long		 first;	/* the interval, in days since 1970-01-01 */
	long		 last;	/* inclusive */
};

/*
 * Parse len bytes of s (surrounding white space allowed, case of month
 * names ignored).  Returns 0 and fills *d, or returns -1 and writes into
 * err (errsz bytes) a message for an administrator that says what was
 * expected, e.g.: there is no 31. juni 2021 (juni has 30 days).
 */
int	 date_parse(const char *s, size_t len, struct date *d, char *err,
	    size_t errsz);
/* The same, with the message in lang's language (i18n.h). */
struct lang;
int	 date_parse_in(const struct lang *lang, const char *s, size_t len,
	    struct date *d, char *err, size_t errsz);

/* Flags for date_format. */
#define DATE_FMT_NOYEAR	0x01	/* "ultimo september", "omkring årsskiftet" */
#define DATE_FMT_NOQUAL	0x02	/* leave out "senest" / "omkring" */

/*
 * Append the date in Danish as a person writes it: "3. juni 2021",
 * "medio oktober 2020", "sommeren 2020", "senest d. 8. juni 2021",
 * "omkring årsskiftet 2021/22".  ISO input prints in the Danish form.
 */
void	 date_format(struct buf *, const struct date *, int flags);

/*
 * Append the date in machine form for <time datetime>: "2021-06-03",
 * "2020-10" for a month or a part of it, "2013" for a year, "2021-W23"
 * for a week, and the first month for a season, a turn of the year, a
 * part of a year, a quarter or a half: "2020-06" for sommeren 2020,
 * "2021-12" for årsskiftet 2021/22, "2022-04" for 2. kvartal 2022.
 */
void	 date_format_iso(struct buf *, const struct date *);

/* Order by first day, then last day: <0, 0, >0. */
int	 date_cmp(const struct date *, const struct date *);

/* Days since 1970-01-01 of a valid y-m-d. */
long	 date_days(int year, int month, int day);

#endif
