/*
 * nfc.c: canonical composition (NFC) for the letters the PDF fonts
 * cover, and invisible characters removed.  See nfc.h.  The tables are
 * made by scripts/nfc-tables.py from Unicode's data.
 *
 * The steps are Unicode's (UAX #15): each character that has a
 * one-character decomposition becomes that character; the combining
 * marks after a letter are put in canonical order (by combining class,
 * keeping the order of marks of one class); then each mark that can
 * join the letter before it, with no mark of the same or a higher class
 * between, does.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nfc.h"
#include "utf8.h"

struct nfc_pair {
	uint32_t	 base, mark, composed;
};

struct nfc_single {
	uint32_t	 from, to;
};

struct nfc_class {
	uint32_t	 lo, hi;
	int		 ccc;
};

struct nfc_name {
	uint32_t	 cp;
	const char	*name;
};

#include "nfc_data.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define MAX_MARKS	30	/* Unicode's stream-safe format */

/*
 * For bsearch: each table is sorted by its first field (then by the
 * second for the pairs); a class covers a range.
 */
static int
cmp_first(const void *key, const void *elem)
{
	uint32_t	 k = *(const uint32_t *)key;
	uint32_t	 e = *(const uint32_t *)elem;

	return k < e ? -1 : k > e;
}

static int
cmp_pair(const void *key, const void *elem)
{
	const struct nfc_pair *k = key, *e = elem;

	if (k->base != e->base)
		return k->base < e->base ? -1 : 1;
	return k->mark < e->mark ? -1 : k->mark > e->mark;
}

static int
cmp_class(const void *key, const void *elem)
{
	uint32_t	 k = *(const uint32_t *)key;
	const struct nfc_class *e = elem;

	return k < e->lo ? -1 : k > e->hi;
}

static int
ccc(uint32_t cp)
{
	const struct nfc_class *c;

	if (cp < 0x300)
		return 0;
	c = bsearch(&cp, nfc_classes, NELEM(nfc_classes),
	    sizeof(nfc_classes[0]), cmp_class);
	return c != NULL ? c->ccc : 0;
}

int
nfc_is_mark(uint32_t cp)
{
	return ccc(cp) != 0;
}

static uint32_t
compose(uint32_t base, uint32_t mark)
{
	struct nfc_pair	 key;
	const struct nfc_pair *p;

	/*
	 * Every character below U+0300 is assigned and none is the second
	 * of a composition (and Unicode keeps compositions stable): the
	 * letters of a text need no search.
	 */
	if (mark < 0x300)
		return 0;
	key.base = base;
	key.mark = mark;
	p = bsearch(&key, nfc_pairs, NELEM(nfc_pairs), sizeof(nfc_pairs[0]),
	    cmp_pair);
	return p != NULL ? p->composed : 0;
}

static uint32_t
single(uint32_t cp)
{
	const struct nfc_single *s;

	if (cp < nfc_singles[0].from)	/* the table is sorted */
		return cp;
	s = bsearch(&cp, nfc_singles, NELEM(nfc_singles),
	    sizeof(nfc_singles[0]), cmp_first);
	return s != NULL ? s->to : cp;
}

const char *
nfc_name(uint32_t cp)
{
	const struct nfc_name *n;

	n = bsearch(&cp, nfc_names, NELEM(nfc_names), sizeof(nfc_names[0]),
	    cmp_first);
	return n != NULL ? n->name : NULL;
}

/* Invisible, and nothing in a note: removed. */
static int
is_invisible(uint32_t cp)
{
	return cp == 0x200B || cp == 0x2060 || cp == 0xFEFF;
}

static size_t
put_utf8(char *s, uint32_t cp)
{
	unsigned char	*u = (unsigned char *)s;

	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (unsigned char)(0xC0 | cp >> 6);
		u[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		u[0] = (unsigned char)(0xE0 | cp >> 12);
		u[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	u[0] = (unsigned char)(0xF0 | cp >> 18);
	u[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
	u[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
	u[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Put the marks of v[from, to) in canonical order: a stable sort. */
static void
reorder(uint32_t *v, size_t from, size_t to)
{
	size_t		 i, j;
	uint32_t	 c;

	if (to - from > MAX_MARKS)
		return;
	for (i = from + 1; i < to; i++) {
		c = v[i];
		for (j = i; j > from && ccc(v[j - 1]) > ccc(c); j--)
			v[j] = v[j - 1];
		v[j] = c;
	}
}

size_t
nfc_normalize(char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t	*v, c;
	size_t		 i, n = 0, run, starter, out;
	int		 last, k;

	for (i = 0; i < len && u[i] < 0x80; i++)
		continue;
	if (i == len) {		/* ASCII: nothing to do */
		s[len] = '\0';
		return len;
	}
	if ((v = malloc(len * sizeof(*v))) == NULL)
		return len;	/* left as it is: the fonts check says why */
	for (i = 0; i < len; n++) {
		i += utf8_decode(u + i, len - i, &c);
		if (is_invisible(c))
			n--;
		else
			v[n] = single(c);
	}
	for (i = 0; i < n; i = run) {
		for (run = i; run < n && ccc(v[run]) != 0; run++)
			continue;
		if (run > i)
			reorder(v, i, run);
		else
			run++;
	}
	/* Compose each mark that reaches its letter. */
	for (i = out = 0, starter = (size_t)-1, last = 0; i < n; i++) {
		k = ccc(v[i]);
		if (starter != (size_t)-1 && (last < k || (last == 0 &&
		    out == starter + 1)) && (c = compose(v[starter], v[i])) !=
		    0) {
			v[starter] = c;
			continue;
		}
		if (k == 0) {
			starter = out;
			last = 0;
		} else
			last = k;
		v[out++] = v[i];
	}
	for (i = n = 0; i < out; i++)
		n += put_utf8(s + n, v[i]);
	free(v);
	s[n] = '\0';
	return n;
}
