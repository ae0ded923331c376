/*
 * record.c: the record of a published note: its text as a reader gets
 * it, every edition kept, and the comparison that keeps it from
 * changing silently.  See record.h.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "date.h"
#include "diag.h"
#include "fsutil.h"
#include "i18n.h"
#include "model.h"
#include "record.h"
#include "report.h"

#define WIDTH		72	/* columns of a wrapped line */
#define MAX_RECORD	(64 * 1024 * 1024)
#define SHOWN		5	/* changed lines shown, each side */

static const char head[] = "statusnotat: the published record of the note ";
static const char head2[] = "Written by \"statusnotat publish\": commit it "
    "with the content, never edit it.\n";
static const char edition[] = "\n=== edition ";

/* Columns: UTF-8 characters, not bytes. */
static size_t
columns(const char *s, size_t n)
{
	size_t	 i, c = 0;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

/*
 * Write text as lines of at most WIDTH columns, the first after first,
 * the others after rest; a "\n" in text breaks the line.
 */
static void
wrap(struct buf *b, const char *text, const char *first, const char *rest)
{
	const char	*p = text, *w, *pre = first;
	size_t		 col, n, lead;
	int		 empty = 1;

	for (;;) {
		buf_puts(b, "  ");
		buf_puts(b, pre);
		lead = columns(pre, strlen(pre));
		col = lead;
		empty = 1;
		while (*p == ' ')
			p++;
		while (*p != '\0' && *p != '\n') {
			for (w = p; *w != '\0' && *w != ' ' && *w != '\n'; w++)
				continue;
			n = columns(p, (size_t)(w - p));
			if (!empty && col + 1 + n > WIDTH)
				break;
			if (!empty) {
				buf_putc(b, ' ');
				col++;
			}
			buf_put(b, p, (size_t)(w - p));
			col += n;
			empty = 0;
			for (p = w; *p == ' '; p++)
				continue;
		}
		/* No trailing spaces: lines compare as written. */
		while (b->len > 0 && b->data[b->len - 1] == ' ')
			b->len--;
		buf_putc(b, '\n');
		if (*p == '\n')
			p++;
		else if (*p == '\0')
			break;
		pre = rest;
	}
}

/* The text of inlines, marked as a reader sees them. */
static void
flatten(struct buf *b, const struct inline_ *in)
{
	size_t	 i;

	for (; in != NULL; in = in->next)
		switch (in->type) {
		case INL_TEXT:
			for (i = 0; i < in->len; i++)
				buf_putc(b, in->text[i] == '\n' ? ' ' :
				    in->text[i]);
			break;
		case INL_EMPH:
			buf_putc(b, '*');
			flatten(b, in->child);
			buf_putc(b, '*');
			break;
		case INL_STRONG:
			buf_puts(b, "**");
			flatten(b, in->child);
			buf_puts(b, "**");
			break;
		case INL_CODE:
			buf_putc(b, '`');
			for (i = 0; i < in->len; i++)
				buf_putc(b, in->text[i] == '\n' ? ' ' :
				    in->text[i]);
			buf_putc(b, '`');
			break;
		case INL_LINK:
			flatten(b, in->child);
			buf_printf(b, " <%s>", in->url != NULL ? in->url : "");
			break;
		case INL_IMAGE:
			buf_puts(b, "[Billede: ");
			flatten(b, in->child);
			buf_printf(b, " <%s>]", in->url != NULL ? in->url : "");
			break;
		case INL_LINEBREAK:
			buf_putc(b, '\n');
			break;
		default:
			break;
		}
}

static char *
inline_text(struct arena *a, const struct inline_ *in)
{
	struct buf	 t;

	buf_init(&t, a);
	flatten(&t, in);
	return t.data;
}

static void	blocks(struct arena *, struct buf *, const struct block *,
		    const char *, const char *);

/* A table: its caption, then a line for each row, cells between "|". */
static void
table(struct arena *a, struct buf *b, const struct block *t, const char *first,
    const char *rest)
{
	const struct block *row, *cell;
	struct buf	 line;

	if (t->text != NULL) {
		wrap(b, arena_printf(a, "Tabel: %s", t->text), first, rest);
		first = rest;
	}
	for (row = t->child; row != NULL; row = row->next) {
		buf_init(&line, a);
		buf_puts(&line, "|");
		for (cell = row->child; cell != NULL; cell = cell->next)
			buf_printf(&line, " %s |", inline_text(a, cell->inl));
		wrap(b, line.data, first, rest);
		first = rest;
	}
}

/* One block: its first line after first, the others after rest. */
static void
block(struct arena *a, struct buf *b, const struct block *k, const char *first,
    const char *rest)
{
	const struct block *it;
	const char	*p, *e, *mark;
	size_t		 i;
	int		 n;

	switch (k->type) {
	case BLOCK_SECTION:
		blocks(a, b, k->child, first, rest);
		break;
	case BLOCK_HEADING:
		n = k->level < 1 ? 1 : k->level > 6 ? 6 : k->level;
		wrap(b, arena_printf(a, "%.*s %s", n, "######",
		    inline_text(a, k->inl)), first, rest);
		break;
	case BLOCK_PARA:
		wrap(b, inline_text(a, k->inl), first, rest);
		break;
	case BLOCK_LIST:
		for (it = k->child, n = k->start; it != NULL; it = it->next,
		    n++) {
			mark = k->ordered ? arena_printf(a, "%s%d. ", first, n) :
			    arena_printf(a, "%s- ", first);
			blocks(a, b, it->child, mark, arena_printf(a, "%s%*s",
			    rest, (int)columns(mark, strlen(mark)) -
			    (int)columns(first, strlen(first)), ""));
			first = rest;
		}
		break;
	case BLOCK_QUOTE:
		blocks(a, b, k->child, arena_printf(a, "%s> ", first),
		    arena_printf(a, "%s> ", rest));
		break;
	case BLOCK_CODE:
		for (p = k->text, i = 0; p != NULL && p < k->text + k->len;
		    p = e + 1, i++) {
			if ((e = memchr(p, '\n', (size_t)(k->text + k->len -
			    p))) == NULL)
				e = k->text + k->len;
			buf_printf(b, "  %s    %.*s\n", i == 0 ? first : rest,
			    (int)(e - p), p);
		}
		break;
	case BLOCK_HR:
		wrap(b, "* * *", first, rest);
		break;
	case BLOCK_TABLE:
		table(a, b, k, first, rest);
		break;
	case BLOCK_CHART:
		wrap(b, arena_printf(a, "Figur: %s", k->text != NULL ? k->text :
		    ""), first, rest);
		if (k->chart != NULL && k->chart->desc != NULL)
			wrap(b, k->chart->desc, rest, rest);
		if (k->child != NULL)
			table(a, b, k->child, rest, rest);
		break;
	default:
		break;
	}
}

/* Blocks, an empty line between two. */
static void
blocks(struct arena *a, struct buf *b, const struct block *k,
    const char *first, const char *rest)
{
	for (; k != NULL; k = k->next) {
		if (k->type != BLOCK_SECTION && b->len > 0 &&
		    b->data[b->len - 1] == '\n' &&
		    (b->len < 2 || b->data[b->len - 2] != '\n'))
			buf_putc(b, '\n');
		block(a, b, k, first, rest);
		first = rest;
	}
}

void
record_text(struct buf *b, const struct report_note *n)
{
	struct arena	 a;

	arena_init(&a);
	wrap(b, n->title != NULL ? n->title : "", "", "");
	wrap(b, n->date != NULL ? n->date : "", "", "");
	wrap(b, n->regarding != NULL ? n->regarding : "", "", "");
	blocks(&a, b, n->body, "", "");
	buf_putc(b, '\n');
	wrap(b, n->sender != NULL ? n->sender : "", "", "");
	arena_fini(&a);
}

/* A record read: its editions' texts, newest last. */
struct record {
	const char	*path;
	char		*text;
	size_t		 len;
	const char	*last;		/* the newest edition's text */
	size_t		 last_len;
	int		 last_line;	/* its first line in the file */
	int		 editions;
};

/*
 * Read the record of the note nt, if any: 1 when read, 0 when there is
 * none, -1 after an error (not ours, or unreadable).
 */
static int
read_record(struct arena *a, struct diag *d, const struct content *c,
    const struct note *nt, struct record *r)
{
	const char	*p, *e, *next;

	memset(r, 0, sizeof(*r));
	r->path = arena_printf(a, "%s/%s", nt->dir, RECORD_NAME);
	if (access(r->path, F_OK) == -1)
		return 0;
	if ((r->text = fs_read_in(a, d, c->dir, r->path, MAX_RECORD, &r->len,
	    0)) == NULL)
		return -1;
	if (strncmp(r->text, head, sizeof(head) - 1) != 0 ||
	    (p = strstr(r->text, edition)) == NULL) {
		diag_msg(d, DIAG_ERROR, r->path, 1, 1, "this is not a record "
		    "statusnotat publish wrote: move the file away (the "
		    "name %s is statusnotat's), or put back the one it wrote",
		    RECORD_NAME);
		return -1;
	}
	for (; p != NULL; p = next) {
		r->editions++;
		if ((e = strchr(p + 1, '\n')) == NULL)
			e = r->text + r->len - 1;
		r->last = e + 1;
		next = strstr(e, edition);
		r->last_len = (size_t)((next != NULL ? next :
		    r->text + r->len) - r->last);
	}
	r->last_line = 1;
	for (p = r->text; p < r->last; p++)
		r->last_line += *p == '\n';
	return 1;
}

/* The lines of s, n bytes, into *v (each without its "\n"). */
static size_t
lines_of(struct arena *a, const char *s, size_t n, const char ***v)
{
	const char	*e, *end = s + n;
	size_t		 k = 0, cap = 0;

	*v = NULL;
	while (s < end) {
		if ((e = memchr(s, '\n', (size_t)(end - s))) == NULL)
			e = end;
		if (k == cap) {
			*v = arena_grow(a, *v, cap * sizeof(**v),
			    (cap ? cap * 2 : 64) * sizeof(**v));
			cap = cap ? cap * 2 : 64;
		}
		(*v)[k++] = arena_strndup(a, s, (size_t)(e - s));
		s = e + 1;
	}
	return k;
}

/*
 * The first hunk where was and is differ: from line *i, *nw lines of
 * was became *ni lines of is, the two in step again after them (the
 * nearest such point within RESYNC lines, else to the ends).
 */
#define RESYNC	200
static void
first_hunk(const char **was, size_t nw, const char **is, size_t ni,
    size_t *i, size_t *cw, size_t *ci)
{
	size_t	 k, p, q;

	for (*i = 0; *i < nw && *i < ni && strcmp(was[*i], is[*i]) == 0;
	    (*i)++)
		continue;
	*cw = nw - *i;
	*ci = ni - *i;
	/* The smallest p + q where both go on alike for a few lines. */
	for (k = 1; k <= 2 * RESYNC; k++)
		for (p = 0; p <= k; p++) {
			q = k - p;
			if (*i + p + 3 > nw || *i + q + 3 > ni)
				continue;
			if (strcmp(was[*i + p], is[*i + q]) == 0 &&
			    strcmp(was[*i + p + 1], is[*i + q + 1]) == 0 &&
			    strcmp(was[*i + p + 2], is[*i + q + 2]) == 0) {
				*cw = p;
				*ci = q;
				return;
			}
		}
}

/* The first change of the note's text against its record. */
struct change {
	const char	**was;		/* the record's lines */
	const char	**is;		/* the note's lines now */
	size_t		  at;		/* where they part */
	size_t		  nwas;		/* and how many of each differ */
	size_t		  nis;
	int		  line;		/* at, as a line of the record's file */
};

static void
change_of(struct arena *a, const struct record *r, const char *now,
    size_t nowlen, struct change *ch)
{
	size_t	 nw, ni;

	nw = lines_of(a, r->last, r->last_len, &ch->was);
	ni = lines_of(a, now, nowlen, &ch->is);
	first_hunk(ch->was, nw, ch->is, ni, &ch->at, &ch->nwas, &ch->nis);
	ch->line = r->last_line + (int)ch->at;
}

/* The changed lines, as they were and as they are: notes. */
static void
show_change(struct diag *d, const struct record *r, const struct change *ch)
{
	size_t	 k;

	for (k = 0; k < ch->nwas && k < SHOWN; k++)
		diag_msg(d, DIAG_NOTE, r->path, ch->line + (int)k, 1,
		    "published: %s", ch->was[ch->at + k]);
	if (ch->nwas > SHOWN)
		diag_msg(d, DIAG_NOTE, NULL, 0, 0, "and %zu more published "
		    "lines", ch->nwas - SHOWN);
	for (k = 0; k < ch->nis && k < SHOWN; k++)
		diag_msg(d, DIAG_NOTE, NULL, 0, 0, "now:       %s",
		    ch->is[ch->at + k]);
	if (ch->nis > SHOWN)
		diag_msg(d, DIAG_NOTE, NULL, 0, 0, "and %zu more lines now",
		    ch->nis - SHOWN);
}

/*
 * Report how the note's text now differs from its record: the first
 * changed lines, as they were and as they are.  publishing: said to
 * publish, which then needs a correction of its own first.
 */
static void
report_change(struct arena *a, struct diag *d, const struct record *r,
    const struct report_note *n, const char *now, size_t nowlen,
    int publishing)
{
	struct change	 ch;

	change_of(a, r, now, nowlen, &ch);
	if (publishing)
		diag_msg(d, DIAG_ERROR, r->path, ch.line, 1, "the note \"%s\" "
		    "has changed since its last edition (the first change "
		    "below), and each new edition needs a correction of its "
		    "own: record the correction under \"corrections\" in its "
		    "report.yaml (when, what, why), then publish again; or "
		    "undo the change", n->id);
	else
		diag_msg(d, DIAG_ERROR, r->path, ch.line, 1, "the note \"%s\" "
		    "was published, and what it says has changed (the first "
		    "change below): a published note must not change.  Undo "
		    "the change; or, if it corrects the note, record the "
		    "correction under \"corrections\" in its report.yaml and "
		    "run \"statusnotat publish %s\"", n->id, n->id);
	show_change(d, r, &ch);
}

/* The laid-out note of nt, or NULL. */
static const struct report_note *
laid_out(const struct report *rp, const struct note *nt)
{
	size_t	 i;

	for (i = 0; i < rp->nnotes; i++)
		if (rp->notes[i].id != NULL && strcmp(rp->notes[i].id,
		    nt->id) == 0)
			return &rp->notes[i];
	return NULL;
}

int
record_check(struct arena *a, struct diag *d, const struct content *c,
    const struct report *rp, const char *skip)
{
	const struct report_note *n;
	struct record	 r;
	struct buf	 now;
	size_t		 i;
	int		 rc = 0;

	for (i = 0; i < c->nnotes; i++) {
		if (c->notes[i].id == NULL || c->notes[i].dir == NULL ||
		    (skip != NULL && strcmp(c->notes[i].id, skip) == 0))
			continue;
		switch (read_record(a, d, c, &c->notes[i], &r)) {
		case 0:
			continue;
		case -1:
			rc = -1;
			continue;
		}
		if ((n = laid_out(rp, &c->notes[i])) == NULL)
			continue;
		buf_init(&now, a);
		record_text(&now, n);
		if (now.len == r.last_len &&
		    memcmp(now.data, r.last, now.len) == 0)
			continue;
		report_change(a, d, &r, n, now.data, now.len, 0);
		rc = -1;
	}
	return rc;
}

int
record_publish(struct arena *a, struct diag *d, const struct content *c,
    const struct report *rp, const char *id)
{
	const struct note *nt = NULL;
	const struct report_note *n;
	const struct correction *k;
	struct record	 r;
	struct buf	 now, out, when;
	const char	*tmp;
	size_t		 i;
	int		 have;

	for (i = 0; i < c->nnotes; i++)
		if (c->notes[i].id != NULL && strcmp(c->notes[i].id, id) == 0)
			nt = &c->notes[i];
	if (nt == NULL || (n = laid_out(rp, nt)) == NULL) {
		diag_msg(d, DIAG_SYSERR, NULL, 0, 0, "there is no note \"%s\" "
		    "in %s/reports", id, c->dir);
		return -1;
	}
	if ((have = read_record(a, d, c, nt, &r)) == -1)
		return -1;
	buf_init(&now, a);
	record_text(&now, n);
	buf_init(&out, a);
	buf_init(&when, a);
	if (have && now.len == r.last_len &&
	    memcmp(now.data, r.last, now.len) == 0) {
		fputs("statusnotat: ", stdout);
		printf(tr(d->lang, "the note \"%s\" is published as it is: "
		    "%s has not changed"), id, r.path);
		fputs("\n", stdout);
		return 0;
	}
	if (!have) {
		buf_printf(&out, "%s%s.\n%s", head, id, head2);
		buf_printf(&out, "%s1: published %s\n", edition, n->date);
	} else {
		/* A new edition needs a correction of its own. */
		if (nt->ncorrections < (size_t)r.editions) {
			report_change(a, d, &r, n, now.data, now.len, 1);
			return -1;
		}
		k = &nt->corrections[nt->ncorrections - 1];
		date_format(&when, &k->date, 0);
		buf_put(&out, r.text, r.len);
		buf_printf(&out, "%s%d: corrected %s\n", edition,
		    r.editions + 1, when.data);
	}
	buf_put(&out, now.data, now.len);
	/* Written beside, then renamed: the record is whole at every instant. */
	tmp = arena_printf(a, "%s.new", r.path);
	if (fs_write_as(d, tmp, r.path, out.data, out.len) == -1)
		return -1;
	if (rename(tmp, r.path) == -1) {
		diag_msg(d, DIAG_SYSERR, r.path, 0, 0, "cannot write: %s",
		    fs_why(d, errno));
		(void)unlink(tmp);
		return -1;
	}
	fputs("statusnotat: ", stdout);
	printf(tr(d->lang, "published \"%s\" (edition %d) in %s: commit it "
	    "with the content"), id, have ? r.editions + 1 : 1, r.path);
	fputs("\n", stdout);
	/* What the new edition changes, to be seen before it is committed. */
	if (have) {
		struct change	 ch;

		change_of(a, &r, now.data, now.len, &ch);
		diag_msg(d, DIAG_NOTE, r.path, ch.line, 1, "edition %d changes "
		    "the note here (the first change); if that is not the "
		    "correction, take the edition back before committing it "
		    "(git checkout %s)", r.editions + 1, r.path);
		show_change(d, &r, &ch);
	}
	return 0;
}
