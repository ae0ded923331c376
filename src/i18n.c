/*
 * i18n.c: the catalogue of Danish messages, and which language to speak.
 * See i18n.h.  The catalogue is a GNU .mo file (msgfmt's output): a
 * header, then two tables of (length, offset) pairs, the original
 * strings sorted and their translations in the same order.  It is our
 * own build's, but read defensively all the same.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* build/da_mo.c, made from po/da.po by msgfmt and scripts/embed.sh. */
extern const unsigned char i18n_da_mo[];
extern const size_t i18n_da_mo_len;

#define MO_MAGIC	0x950412deU

static uint32_t
word(const struct lang *l, size_t off)
{
	const unsigned char *p = l->mo + off;

	if (off + 4 > l->len)
		return 0;
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

/* The i-th string of the table at table (originals or translations). */
static const char *
string(const struct lang *l, size_t table, size_t i, size_t *len)
{
	size_t	 n = word(l, table + 8 * i), off = word(l, table + 8 * i + 4);

	if (off >= l->len || n >= l->len - off || l->mo[off + n] != '\0')
		return NULL;
	*len = n;
	return (const char *)l->mo + off;
}

static int
wants_english(const char *v)
{
	return v != NULL && v[0] == 'e' && v[1] == 'n' &&
	    (v[2] == '\0' || strchr("_.@:", v[2]) != NULL);
}

/*
 * What the environment asks for: LANGUAGE (a list: its first Danish or
 * English entry), then LC_ALL, LC_MESSAGES, LANG, the first set.  A C
 * or POSIX locale asks for nothing: Danish.
 */
static int
env_english(void)
{
	const char	*names[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char	*v, *p;
	size_t		 i;

	if ((v = getenv("LANGUAGE")) != NULL)
		for (p = v; *p != '\0'; p += strcspn(p, ":"),
		    p += *p == ':') {
			if (wants_english(p))
				return 1;
			if (p[0] == 'd' && p[1] == 'a')
				return 0;
		}
	for (i = 0; i < 3; i++)
		if ((v = getenv(names[i])) != NULL && *v != '\0')
			return wants_english(v);
	return 0;
}

int
lang_init(struct lang *l, const char *opt)
{
	int	 english, rc = 0;

	memset(l, 0, sizeof(*l));
	if (opt != NULL && strcmp(opt, "en") == 0)
		english = 1;
	else if (opt != NULL && strcmp(opt, "da") == 0)
		english = 0;
	else {
		english = env_english();
		rc = opt != NULL ? -1 : 0;
	}
	if (english)
		return rc;
	l->mo = i18n_da_mo;
	l->len = i18n_da_mo_len;
	if (l->len < 28 || word(l, 0) != MO_MAGIC || word(l, 4) != 0) {
		l->mo = NULL;
		return rc;
	}
	l->n = word(l, 8);
	if (l->n > l->len / 16)
		l->mo = NULL;
	return rc;
}

/* The translation of msgid, or NULL: msgfmt sorts the originals. */
static const char *
lookup(const struct lang *l, const char *msgid, size_t *len)
{
	size_t		 lo = 0, hi, mid, n;
	const char	*s;
	int		 c;

	if (l == NULL || l->mo == NULL)
		return NULL;
	hi = l->n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((s = string(l, word(l, 12), mid, &n)) == NULL)
			return NULL;
		if ((c = strcmp(msgid, s)) == 0) {
			s = string(l, word(l, 16), mid, len);
			return s != NULL && *s != '\0' ? s : NULL;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const char *
tr(const struct lang *l, const char *msgid)
{
	size_t		 len;
	const char	*s = lookup(l, msgid, &len);

	return s != NULL ? s : msgid;
}

/* Danish and English both: one form for 1, the other for the rest. */
const char *
trn(const struct lang *l, const char *msgid, const char *plural,
    unsigned long n)
{
	size_t		 len, first;
	const char	*s = lookup(l, msgid, &len);

	if (s == NULL)
		return n == 1 ? msgid : plural;
	first = strlen(s);
	if (n == 1 || first >= len)
		return s;
	return s + first + 1;
}
