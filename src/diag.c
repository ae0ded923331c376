/*
 * diag.c: printing and counting diagnostics.  See diag.h.
 */
#include <sys/types.h>

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"
#include "utf8.h"

static const char *const level_names[DIAG__MAX] = {
	N_("note"), N_("warning"), N_("error"), N_("error")
};

/* One message, formatted, with what it sorts by. */
struct diag_item {
	char		*text;		/* the whole line, without newline */
	size_t		 msg_at;	/* where in text the message begins */
	enum diag_level	 level;
	const char	*file;		/* NULL for messages about no file */
	int		 line;
	int		 col;
	size_t		 seq;		/* order of reporting */
	size_t		 file_seq;	/* order the file was first named */
	/* What it sorts by: its own place, or for a note its message's. */
	size_t		 k_file;
	int		 k_line;
	int		 k_col;
	size_t		 k_seq;
};

/* A file named by a message, and the order it was first named in. */
struct diag_file {
	char		*name;		/* NULL: an empty slot; malloc'd */
	size_t		 hash;
	size_t		 seq;
	size_t		 held;		/* its messages held (not notes) */
	size_t		 dropped;	/* and those past DIAG_MAX_PER_FILE */
};

void
diag_init(struct diag *d, FILE *out)
{
	memset(d, 0, sizeof(*d));
	d->out = out;
}

static void
oom(void)
{
	fputs("statusnotat: error: out of memory\n", stderr);
	exit(2);
}

/* Room for one more message: the next item, not yet counted. */
static struct diag_item *
new_item(struct diag *d)
{
	struct diag_item *it;

	if (d->nitems == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		if ((it = realloc(d->items, d->cap * sizeof(*it))) == NULL)
			oom();
		d->items = it;
	}
	return &d->items[d->nitems];
}

/* FNV-1a. */
static size_t
hash_str(const char *s)
{
	size_t	 h = (size_t)14695981039346656037ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * (size_t)1099511628211ULL;
	return h;
}

/*
 * The file's entry, made with seq as the order it was first named in if
 * this is the first time: a lookup in an open-addressing table kept at
 * most half full.
 */
static struct diag_file *
find_file(struct diag *d, const char *file, size_t seq)
{
	struct diag_file *old, *f;
	size_t		 h = hash_str(file), i, j, oldcap;

	if (2 * (d->nfiles + 1) > d->fcap) {
		old = d->files;
		oldcap = d->fcap;
		d->fcap = d->fcap ? 2 * d->fcap : 64;
		if ((d->files = calloc(d->fcap, sizeof(*d->files))) == NULL)
			oom();
		for (i = 0; i < oldcap; i++) {
			if (old[i].name == NULL)
				continue;
			for (j = old[i].hash & (d->fcap - 1);
			    d->files[j].name != NULL; j = (j + 1) & (d->fcap - 1))
				continue;
			d->files[j] = old[i];
		}
		free(old);
	}
	for (i = h & (d->fcap - 1);; i = (i + 1) & (d->fcap - 1)) {
		f = &d->files[i];
		if (f->name == NULL)
			break;
		if (f->hash == h && strcmp(f->name, file) == 0)
			return f;
	}
	/* A copy: the caller's string need not outlive the message. */
	if ((f->name = strdup(file)) == NULL)
		oom();
	f->hash = h;
	f->seq = seq;
	f->held = f->dropped = 0;
	d->nfiles++;
	return f;
}

int
diag_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x200e || cp == 0x200f || cp == 0x061c;
}

/*
 * The character at p (left bytes) as diag prints it, into esc (16
 * bytes); returns its length in p and sets *cp.  A tab is a space when
 * tab_space (in an excerpt, so that the marker stays under its place).
 */
static size_t
escape_one(const unsigned char *p, size_t left, char *esc, uint32_t *cp,
    int tab_space)
{
	size_t	 n = utf8_decode(p, left, cp);

	if (*cp == '\t' && tab_space)
		strcpy(esc, " ");
	else if (*cp == 0xFFFD && n == 1)	/* not UTF-8 */
		snprintf(esc, 16, "\\x%02X", *p);
	else if (diag_is_control(*cp))
		snprintf(esc, 16, "U+%04lX", (unsigned long)*cp);
	else {
		memcpy(esc, p, n);
		esc[n] = '\0';
	}
	return n;
}

char *
diag_escape(char *dst, size_t dstsize, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t		 len, n, left = strlen(s);
	uint32_t	 cp;
	char		 esc[16];

	if (dstsize == 0)
		return dst;
	len = strlen(dst);
	while (*p != '\0') {
		n = escape_one(p, left, esc, &cp, 0);
		if (len + strlen(esc) >= dstsize)
			break;
		memcpy(dst + len, esc, strlen(esc) + 1);
		len += strlen(esc);
		p += n;
		left -= n;
	}
	return dst;
}

void
diag_msg(struct diag *d, enum diag_level level, const char *file,
    int line, int col, const char *fmt, ...)
{
	struct diag_item *it;
	struct diag_file *f;
	va_list	 ap;
	char	 head[512], msg[2048], raw[4096], *text;
	size_t	 size;
	int	 n;

	d->count[level]++;
	if (d->out == NULL)
		return;
	/*
	 * Past DIAG_MAX_PER_FILE messages about one file, the rest (and
	 * their notes) are counted, not held: flush says how many.
	 */
	f = file != NULL ? find_file(d, file, d->nitems) : NULL;
	if (level == DIAG_NOTE && d->dropping)
		return;
	if (level == DIAG_WARNING && d->no_warnings) {
		d->dropping = 1;	/* and its notes */
		return;
	}
	if (level != DIAG_NOTE) {
		d->dropping = f != NULL && f->held == DIAG_MAX_PER_FILE;
		if (d->dropping) {
			f->dropped++;
			return;
		}
		if (f != NULL)
			f->held++;
	}
	n = snprintf(head, sizeof(head), "%s%s", level == DIAG_NOTE ?
	    "    " : "", file != NULL ? file : "statusnotat");
	if (line > 0 && n >= 0 && (size_t)n < sizeof(head))
		n += snprintf(head + n, sizeof(head) - (size_t)n, ":%d", line);
	if (line > 0 && col > 0 && n >= 0 && (size_t)n < sizeof(head))
		snprintf(head + n, sizeof(head) - (size_t)n, ":%d", col);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), tr(d->lang, fmt), ap);
	va_end(ap);
	snprintf(raw, sizeof(raw), "%s: %s: ", head, tr(d->lang,
	    level_names[level]));

	it = new_item(d);
	/* An escape is at most 6 bytes for each byte it replaces. */
	size = 6 * (strlen(raw) + strlen(msg)) + 1;
	if ((text = malloc(size)) == NULL)
		oom();
	text[0] = '\0';
	it->text = diag_escape(text, size, raw);
	it->msg_at = strlen(text);
	(void)diag_escape(text, size, msg);
	it->level = level;
	it->file = file;
	it->line = line;
	it->col = col;
	it->seq = d->nitems;
	it->file_seq = f != NULL ? f->seq : d->nitems;
	if (level == DIAG_NOTE && d->nitems > 0) {
		it->k_file = d->items[d->nitems - 1].k_file;
		it->k_line = d->items[d->nitems - 1].k_line;
		it->k_col = d->items[d->nitems - 1].k_col;
		it->k_seq = d->items[d->nitems - 1].k_seq;
	} else {
		it->k_file = it->file_seq;
		it->k_line = line;
		it->k_col = col;
		it->k_seq = it->seq;
	}
	d->nitems++;
}

/* After a file's messages: how many more there were. */
static void
add_dropped(struct diag *d, const struct diag_file *f)
{
	struct diag_item *it;
	char		 raw[1024];
	size_t		 size;
	int		 n;

	it = new_item(d);
	n = snprintf(raw, sizeof(raw), "%s: %s: ", f->name,
	    tr(d->lang, level_names[DIAG_NOTE]));
	if (n >= 0 && (size_t)n < sizeof(raw))
		snprintf(raw + n, sizeof(raw) - (size_t)n, trn(d->lang,
		    "%zu more message about this file not shown: mend those "
		    "above and check again", "%zu more messages about this "
		    "file not shown: mend those above and check again",
		    f->dropped), f->dropped);
	size = 6 * strlen(raw) + 1;
	if ((it->text = malloc(size)) == NULL)
		oom();
	it->text[0] = '\0';
	(void)diag_escape(it->text, size, raw);
	it->msg_at = (size_t)n;
	it->level = DIAG_NOTE;
	it->file = NULL;
	it->line = it->col = 0;
	it->seq = it->k_seq = d->nitems;
	it->file_seq = it->k_file = f->seq;
	it->k_line = it->k_col = INT_MAX;
	d->nitems++;
}

/* Files in the order first named, then line, column, order reported. */
static int
cmp_item(const void *x, const void *y)
{
	const struct diag_item *a = x, *b = y;

	if (a->k_file != b->k_file)
		return a->k_file < b->k_file ? -1 : 1;
	if (a->k_line != b->k_line)
		return a->k_line < b->k_line ? -1 : 1;
	if (a->k_col != b->k_col)
		return a->k_col < b->k_col ? -1 : 1;
	if (a->k_seq != b->k_seq)
		return a->k_seq < b->k_seq ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* The characters of a line an excerpt shows at most. */
#define EXCERPT_CHARS	100

/* Add what was dropped (once) and sort: the order flush prints in. */
static void
settle(struct diag *d)
{
	size_t	 i;

	for (i = 0; i < d->fcap; i++)
		if (d->files[i].name != NULL && d->files[i].dropped > 0) {
			add_dropped(d, &d->files[i]);
			d->files[i].dropped = 0;
		}
	if (d->nitems > 0)
		qsort(d->items, d->nitems, sizeof(*d->items), cmp_item);
}

void
diag_each(struct diag *d, void (*fn)(void *, const struct diag_shown *),
    void *arg)
{
	struct diag_shown s;
	size_t		 i;

	settle(d);
	for (i = 0; i < d->nitems; i++) {
		s.level = d->items[i].level;
		s.file = d->items[i].file;
		s.line = d->items[i].line;
		s.col = d->items[i].col;
		s.text = d->items[i].text;
		s.message = d->items[i].text + d->items[i].msg_at;
		fn(arg, &s);
	}
}

int
diag_excerpt(const char *file, int line, int col, char *dst, size_t size,
    int *marker)
{
	FILE		*f;
	char		*text = NULL, esc[16];
	const unsigned char *p;
	size_t		 cap = 0, len = 0, n, left;
	ssize_t		 got = -1;
	uint32_t	 cp;
	int		 i, ch, from, width = 0;

	*marker = -1;
	if (size < 4 || file == NULL || line < 1 ||
	    (f = fopen(file, "r")) == NULL)
		return -1;
	for (i = 0; i < line; i++)
		if ((got = getline(&text, &cap, f)) == -1)
			break;
	fclose(f);
	if (got == -1) {
		free(text);
		return -1;
	}
	while (got > 0 && (text[got - 1] == '\n' || text[got - 1] == '\r'))
		text[--got] = '\0';
	/*
	 * A long line (prose is) is shown around its column: from some
	 * characters before it, cut with "…" at either end.
	 */
	from = col > EXCERPT_CHARS / 2 + 10 ? col - EXCERPT_CHARS / 2 : 1;
	if (utf8_column(text, text + got) - 1 <= EXCERPT_CHARS)
		from = 1;
	dst[0] = '\0';
	p = (const unsigned char *)text;
	left = (size_t)got;
	for (ch = 1; left > 0; ch++) {
		if (ch < from) {
			n = utf8_decode(p, left, &cp);
			p += n;
			left -= n;
			if (ch + 1 == from) {
				memcpy(dst, "\xe2\x80\xa6", 4);
				len = 3;
				width = 1;
			}
			continue;
		}
		if (ch == col)
			*marker = width;
		n = escape_one(p, left, esc, &cp, 1);
		if (len + strlen(esc) + 4 > size || ch == from + EXCERPT_CHARS) {
			memcpy(dst + len, "\xe2\x80\xa6", 4);	/* "…" */
			break;
		}
		memcpy(dst + len, esc, strlen(esc) + 1);
		len += strlen(esc);
		/* A column for a character, one for each byte of an escape. */
		width += strlen(esc) == n && memcmp(esc, p, n) == 0 ? 1 :
		    (int)strlen(esc);
		p += n;
		left -= n;
	}
	if (*marker == -1 && col == ch)	/* just past the end */
		*marker = width;
	free(text);
	return 0;
}

void
diag_flush(struct diag *d)
{
	char	 line[1024];
	size_t	 i;
	int	 m;

	settle(d);
	for (i = 0; i < d->nitems; i++) {
		fputs(d->items[i].text, d->out);
		fputc('\n', d->out);
		if (d->excerpts && d->items[i].level != DIAG_NOTE &&
		    diag_excerpt(d->items[i].file, d->items[i].line,
		    d->items[i].col, line, sizeof(line), &m) == 0) {
			fprintf(d->out, "%5d | %s\n", d->items[i].line, line);
			if (m >= 0)
				fprintf(d->out, "      | %*s^\n", m, "");
		}
		free(d->items[i].text);
	}
	if (d->nitems > 0)
		fflush(d->out);
	free(d->items);
	d->items = NULL;
	d->nitems = d->cap = 0;
	for (i = 0; i < d->fcap; i++)
		free(d->files[i].name);
	free(d->files);
	d->files = NULL;
	d->nfiles = d->fcap = 0;
}

void
diag_print_counts(const struct diag *d, FILE *out, const char *after)
{
	if (d->count[DIAG_ERROR] == 0 && (d->count[DIAG_WARNING] == 0 ||
	    d->no_warnings))
		return;
	fprintf(out, "statusnotat: ");
	fprintf(out, trn(d->lang, "%d error", "%d errors",
	    (unsigned long)d->count[DIAG_ERROR]), d->count[DIAG_ERROR]);
	fputs(", ", out);
	fprintf(out, trn(d->lang, "%d warning", "%d warnings",
	    (unsigned long)d->count[DIAG_WARNING]), d->count[DIAG_WARNING]);
	if (after != NULL)
		fputs(tr(d->lang, after), out);
	fputs("\n", out);
}

int
diag_status(const struct diag *d)
{
	if (d->count[DIAG_SYSERR] > 0)
		return 2;
	if (d->count[DIAG_ERROR] > 0)
		return 1;
	return 0;
}

/* Edit distance with adjacent transpositions, on bytes. */
static size_t
distance(const char *a, const char *b)
{
	size_t	 la = strlen(a), lb = strlen(b), i, j, best;
	size_t	 row0[64], row1[64], row2[64];
	size_t	*pp = row0, *p = row1, *c = row2, *t;

	if (la >= 63 || lb >= 63)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		p[j] = j;
	for (i = 1; i <= la; i++) {
		c[0] = i;
		for (j = 1; j <= lb; j++) {
			best = p[j - 1] + (a[i - 1] != b[j - 1]);
			if (p[j] + 1 < best)
				best = p[j] + 1;
			if (c[j - 1] + 1 < best)
				best = c[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < best)
				best = pp[j - 2] + 1;
			c[j] = best;
		}
		t = pp; pp = p; p = c; c = t;
	}
	return p[lb];
}

const char *
diag_suggest(const char *word, const char *const *cands, size_t ncands)
{
	const char	*best = NULL;
	size_t		 i, d, bestd = (size_t)-1, limit;

	limit = strlen(word) / 3 + 1;
	if (limit > 3)
		limit = 3;
	for (i = 0; i < ncands; i++) {
		d = distance(word, cands[i]);
		if (d < bestd) {
			bestd = d;
			best = cands[i];
		}
	}
	return bestd <= limit ? best : NULL;
}
