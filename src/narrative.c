/*
 * narrative.c: a narrative from Markdown to report blocks.  Three passes:
 * fill in {{ name }} (in the source, escaped for Markdown, so values are
 * never markup), parse with cmark (safe: raw HTML is dropped with a
 * warning, unsafe link targets emptied), then walk cmark's tree with its
 * iterator into blocks and inlines, turning " and ' into Danish marks.
 * Each cmark tree belongs to the call that parsed it and is freed here.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <cmark.h>

#include "arena.h"
#include "buf.h"
#include "date.h"
#include "diag.h"
#include "escape.h"
#include "font.h"
#include "fsutil.h"
#include "i18n.h"
#include "image.h"
#include "keys.h"
#include "known.h"
#include "names.h"
#include "model.h"
#include "narrative.h"
#include "nfc.h"
#include "report.h"
#include "utf8.h"

/*
 * From out bytes into the filled-in text on, it is the source from src
 * on (a value filled in: all of it is at its "{{" there).
 */
struct shift {
	size_t		 out;
	size_t		 src;
	int		 value;
};

/* Where the walk is: one open container per level. */
struct level {
	struct block	*block;		/* the container block */
	struct block	*last;		/* its last child block */
	struct inline_	*inl;		/* the container inline, or NULL */
	struct inline_	*last_inl;	/* last inline in the container */
};

struct walk {
	struct arena	*a;
	struct arena	 tmp;		/* the source, the filled-in text,
					   image files: freed on return */
	struct diag	*d;
	const char	*path;
	const struct narrative_opts *o;
	struct level	 stack[NARRATIVE_MAX_DEPTH + 2];
	int		 depth;
	int		 boundary;	/* the last character opens a quote */
	int		*ok;
	/*
	 * Text and soft line breaks in a row become one text inline: the
	 * text so far, kept here until something else comes.
	 */
	struct buf	 pend;
	int		 pending;
	const char	*text;		/* what cmark parsed, for columns */
	size_t		 textlen;
	const char	*src;		/* what it was filled in from */
	struct shift	*shifts;	/* where the two part, in order */
	size_t		 nshifts;
	size_t		 shiftcap;
	const char	*old;		/* the note before's text of this */
	size_t		 oldlen;	/* name (stale_dir), or NULL */
};

/* Returns the byte offset of the first invalid UTF-8 sequence, or len. */
static size_t
utf8_check(const unsigned char *s, size_t len)
{
	size_t		 i = 0, n, k;
	unsigned long	 cp;

	while (i < len) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] >= 0xc2 && s[i] <= 0xdf)
			n = 1, cp = s[i] & 0x1f;
		else if (s[i] >= 0xe0 && s[i] <= 0xef)
			n = 2, cp = s[i] & 0x0f;
		else if (s[i] >= 0xf0 && s[i] <= 0xf4)
			n = 3, cp = s[i] & 0x07;
		else
			return i;
		for (k = 1; k <= n; k++) {
			if (i + k >= len || (s[i + k] & 0xc0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if ((n == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
		    (n == 3 && (cp < 0x10000 || cp > 0x10ffff)))
			return i;
		i += n + 1;
	}
	return len;
}

/* Append s escaped so that cmark reads it as plain text. */
static void
put_escaped_md(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if ((*s >= '!' && *s <= '/') || (*s >= ':' && *s <= '@') ||
		    (*s >= '[' && *s <= '`') || (*s >= '{' && *s <= '~'))
			buf_putc(b, '\\');
		buf_putc(b, *s);
	}
}

static void
trim(const char **s, const char **e)
{
	while (*s < *e && (**s == ' ' || **s == '\t'))
		(*s)++;
	while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t'))
		(*e)--;
}

/* A name the note cannot use yet: the value is known only later. */
static void
later(struct walk *w, const struct name *n, const char *key, int line,
    int col)
{
	struct buf	 on, from;

	/* A note without a date has had its error: nothing follows from it. */
	if (w->o->names->as_of.kind == DATE_NONE)
		return;
	buf_init(&on, &w->tmp);
	buf_init(&from, &w->tmp);
	date_format(&on, &w->o->names->as_of, 0);
	date_format(&from, &n->date, 0);
	diag_msg(w->d, DIAG_ERROR, w->path, line, col, "\"%s\" is not known "
	    "on the note's date, %s: the data gives it from %s on, so only "
	    "a later note can use it", key, on.data, from.data);
}

/* The initiative whose id is the n bytes at id, or NULL. */
static const struct initiative *
initiative_by_id(const struct content *c, const char *id, size_t n)
{
	size_t	 i;

	for (i = 0; i < c->ninitiatives; i++)
		if (strlen(c->initiatives[i].id) == n &&
		    strncmp(c->initiatives[i].id, id, n) == 0)
			return &c->initiatives[i];
	return NULL;
}

/*
 * The milestone a key such as "baba.milestones.genstart.planned" names,
 * and its initiative's id.
 */
static const struct milestone *
milestone_of(const struct walk *w, const char *key, const char **in_id)
{
	const struct initiative *in;
	const char	*m = strstr(key, ".milestones."), *id, *dot;
	size_t		 j, n;

	if (m == NULL || (dot = strrchr(key, '.')) == NULL ||
	    strcmp(dot, ".planned") != 0 || (in = initiative_by_id(
	    w->o->names->c, key, (size_t)(m - key))) == NULL)
		return NULL;
	id = m + strlen(".milestones.");
	n = (size_t)(dot - id);
	for (j = 0; j < in->nmilestones; j++)
		if (in->milestones[j].id != NULL &&
		    strlen(in->milestones[j].id) == n &&
		    strncmp(in->milestones[j].id, id, n) == 0) {
			*in_id = in->id;
			return &in->milestones[j];
		}
	return NULL;
}

/*
 * In the newest note, a plan that was carried out by its date, spoken
 * of as a plan: the sentence likely says what was expected last year.
 */
static void
stale_plan(struct walk *w, const char *in, const struct milestone *m,
    int line, int col)
{
	struct buf	 on;

	if (!w->o->stale || m == NULL ||
	    milestone_status(m, &w->o->names->as_of) != STATUS_DONE)
		return;
	buf_init(&on, &w->tmp);
	date_format(&on, &m->actual, 0);
	diag_msg(w->d, DIAG_WARNING, w->path, line, col, "\"%s\" happened on "
	    "%s, but the text speaks of its plan: say what happened (the "
	    "date is {{ %s.milestones.%s.actual }})", m->label != NULL ?
	    m->label : m->id, on.data, in, m->id);
}

/* The first n bytes of s in the len at p, or NULL. */
static const char *
find(const char *p, size_t len, const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; n > 0 && i + n <= len; i++)
		if (p[i] == s[0] && memcmp(p + i, s, n) == 0)
			return p + i;
	return NULL;
}

/*
 * The planned date of a milestone carried out, typed by hand in the
 * newest note's text ("senest d. 8. juni 2021"): a warning at each.
 */
static void
stale_dates(struct walk *w, const char *src, size_t len)
{
	const struct content *c = w->o->names->c;
	const struct milestone *m;
	struct buf	 plan;
	struct utf8_cursor cur;
	const char	*p, *q, *ls, *at;
	size_t		 i, j;
	int		 line;

	if (!w->o->stale)
		return;
	for (i = 0; i < c->ninitiatives; i++)
		for (j = 0; j < c->initiatives[i].nmilestones; j++) {
			m = &c->initiatives[i].milestones[j];
			if (milestone_status(m, &w->o->names->as_of) !=
			    STATUS_DONE || m->planned.kind == DATE_NONE)
				continue;
			buf_init(&plan, &w->tmp);
			date_format(&plan, &m->planned, 0);
			/* The lines counted on from one find to the next. */
			memset(&cur, 0, sizeof(cur));
			line = 1;
			ls = at = src;
			for (p = src; plan.len > 0 && (q = find(p, (size_t)
			    (src + len - p), plan.data, plan.len)) != NULL;
			    p = q + plan.len) {
				for (; at < q; at++)
					if (*at == '\n') {
						line++;
						ls = at + 1;
					}
				stale_plan(w, c->initiatives[i].id, m, line,
				    utf8_column_at(&cur, ls, q));
			}
		}
}

/* The text of this name in the note before (stale_dir), if any. */
static void
read_old(struct walk *w)
{
	struct diag	 quiet;
	const char	*name;

	if (w->o->stale_dir == NULL)
		return;
	name = strrchr(w->path, '/');
	name = name != NULL ? name + 1 : w->path;
	diag_init(&quiet, NULL);
	w->old = fs_read(&w->tmp, &quiet, arena_printf(&w->tmp, "%s/%s",
	    w->o->stale_dir, name), NARRATIVE_MAX_FILE, &w->oldlen, 0);
}

/*
 * The newest note's text word for word as the one of that name in the
 * note before: copied by statusnotat new, and not yet revised.
 */
static void
stale_text(struct walk *w, const char *src, size_t len)
{
	if (w->old == NULL || w->oldlen != len || memcmp(w->old, src,
	    len) != 0)
		return;
	diag_msg(w->d, DIAG_WARNING, w->path, 1, 1, "this text is word for "
	    "word the one of the note \"%s\": revise it for this note (check "
	    "warns until it differs)", w->o->stale_id);
}

/*
 * In the newest note, a line as the note before had it, with a count
 * of all participants ("bydelsmoedre.participants.started") where that
 * note knew one course and this one knows more: the name meant that
 * course then, and is the sum of them now.
 */
static void
stale_sum(struct walk *w, const char *key, int line, int col,
    const char *ls, const char *end)
{
	const struct content *c = w->o->names->c;
	const struct initiative *in;
	const struct participants *one = NULL;
	const struct note *prev = NULL;
	const struct date *as_of = &w->o->names->as_of;
	struct participants sum, its;
	const struct count *sums[PART__MAX], *counts[PART__MAX];
	const char	*dot = strchr(key, '.'), *count, *eol;
	size_t		 i, k, now = 0, then = 0;

	if (w->old == NULL || w->o->stale_id == NULL || dot == NULL ||
	    strncmp(dot, ".participants.", 14) != 0 ||
	    strchr(count = dot + 14, '.') != NULL)
		return;
	in = initiative_by_id(c, key, (size_t)(dot - key));
	for (i = 0; i < c->nnotes; i++)
		if (c->notes[i].id != NULL &&
		    strcmp(c->notes[i].id, w->o->stale_id) == 0)
			prev = &c->notes[i];
	for (k = 0; k < PART__MAX && strcmp(part_keys[k], count) != 0; k++)
		continue;
	if (in == NULL || prev == NULL || k == PART__MAX)
		return;
	for (i = 0; i < in->nparticipants; i++) {
		now += participants_known(&in->participants[i], as_of);
		if (participants_known(&in->participants[i], &prev->as_of)) {
			then++;
			one = &in->participants[i];
		}
	}
	if (now < 2 || then != 1 || one->id == NULL)
		return;
	/* A sum that is the course's count says what the sentence said. */
	participants_total(in, as_of, &sum);
	participants_at(one, as_of, &its);
	participant_counts(&sum, sums);
	participant_counts(&its, counts);
	if (sums[k]->set == counts[k]->set && sums[k]->value ==
	    counts[k]->value)
		return;
	if ((eol = memchr(ls, '\n', (size_t)(end - ls))) == NULL)
		eol = end;
	if (find(w->old, w->oldlen, ls, (size_t)(eol - ls)) == NULL)
		return;
	diag_msg(w->d, DIAG_WARNING, w->path, line, col, "\"%s\" was the "
	    "count of one course, \"%s\", in the note \"%s\"; now it is the "
	    "sum of %zu courses: write {{ %s.participants.%s.%s }} for that "
	    "course, or revise the sentence if the sum is meant", key,
	    one->label != NULL ? one->label : one->id, prev->id, now, in->id,
	    one->id, count);
}

/* Note that from out bytes of the filled-in text on, it is src's. */
static void
shift(struct walk *w, size_t out, size_t src, int value)
{
	if (w->nshifts == w->shiftcap) {
		w->shifts = arena_grow(&w->tmp, w->shifts, w->shiftcap *
		    sizeof(*w->shifts), (w->shiftcap * 2 + 16) *
		    sizeof(*w->shifts));
		w->shiftcap = w->shiftcap * 2 + 16;
	}
	w->shifts[w->nshifts].out = out;
	w->shifts[w->nshifts].src = src;
	w->shifts[w->nshifts++].value = value;
}

/*
 * Whether key is a name of an initiative a note covers whose file is
 * missing (an error said at the note): "baba.name" with no baba.yaml.
 */
static int
missing_initiative(const struct walk *w, const char *key)
{
	const struct content *c = w->o->names->c;
	const char	*dot = strchr(key, '.');
	size_t		 i, j, n;

	if (dot == NULL)
		return 0;
	n = (size_t)(dot - key);
	if (initiative_by_id(c, key, n) != NULL)
		return 0;
	for (i = 0; i < c->nnotes; i++)
		for (j = 0; j < c->notes[i].ninitiatives; j++)
			if (c->notes[i].initiatives[j].id != NULL &&
			    strlen(c->notes[i].initiatives[j].id) == n &&
			    strncmp(c->notes[i].initiatives[j].id, key, n) == 0)
				return 1;
	return 0;
}

/*
 * Fill in every {{ name }} and {{ name | filter }} of src into out.
 * "\{{" is a literal "{{".  Returns the number of errors.  Each byte is
 * looked at a bounded number of times: the "}}" or the end of the line
 * that ends one "{{" is kept for the next, so a line of many "{{" left
 * open is not read again for each, and once the file's messages are no
 * longer shown no name is looked for to suggest.
 */
static int
fill_in(struct walk *w, const char *src, size_t len, struct buf *out)
{
	const char	*p = src, *end = src + len, *open, *close, *nl;
	const char	*stop = NULL;	/* where the last scan for "}}" ended */
	const char	*ns, *ne, *fs, *fe, *bar, *near;
	const struct name *n;
	const struct milestone *ms;
	const char	*in_id;
	char		 err[256];
	char		*key, *filter;
	int		 line = 1, errors = 0;
	const char	*line_start = src;
	struct utf8_cursor cur = { NULL, NULL, 0 };

	while (p < end) {
		open = memchr(p, '{', (size_t)(end - p));
		if (open == NULL || open + 1 >= end) {
			buf_put(out, p, (size_t)(end - p));
			break;
		}
		/* Count lines up to here, for positions. */
		for (nl = p; nl < open; nl++)
			if (*nl == '\n') {
				line++;
				line_start = nl + 1;
			}
		if (open[1] != '{') {
			buf_put(out, p, (size_t)(open - p + 1));
			p = open + 1;
			continue;
		}
		if (open > src && open[-1] == '\\') {
			/* "\{{": the backslash already escapes the first. */
			buf_put(out, p, (size_t)(open - p + 1));
			buf_puts(out, "\\{");
			p = open + 2;
			shift(w, out->len, (size_t)(p - src), 0);
			continue;
		}
		buf_put(out, p, (size_t)(open - p));
		/*
		 * Nothing between the last scan's start and its stop ends a
		 * reference, so from an earlier "{{" on the same stretch the
		 * scan would stop there again.
		 */
		if (stop != NULL && stop >= open + 2)
			close = stop;
		else
			for (close = open + 2; close + 1 < end; close++)
				if (*close == '\n' ||
				    (close[0] == '}' && close[1] == '}'))
					break;
		stop = close;
		if (close + 1 >= end || *close == '\n') {
			diag_msg(w->d, DIAG_ERROR, w->path, line,
			    utf8_column_at(&cur, line_start, open), "\"{{\" is not "
			    "closed by \"}}\" on the same line (write \\{{ "
			    "for a literal {{)");
			errors++;
			buf_put(out, open, 2);
			p = open + 2;
			continue;
		}
		/* The value, then the source again after its "}}". */
		shift(w, out->len, (size_t)(open - src), 1);
		ns = open + 2;
		ne = close;
		bar = memchr(ns, '|', (size_t)(ne - ns));
		fs = fe = NULL;
		if (bar != NULL) {
			fs = bar + 1;
			fe = ne;
			ne = bar;
			trim(&fs, &fe);
		}
		trim(&ns, &ne);
		key = arena_strndup(&w->tmp, ns, (size_t)(ne - ns));
		filter = fs != NULL ? arena_strndup(&w->tmp, fs,
		    (size_t)(fe - fs)) : NULL;
		if ((n = names_find(w->o->names, key)) == NULL) {
			/*
			 * Past DIAG_MAX_PER_FILE messages about a file, diag.c
			 * only counts them: no name near is looked for.  The
			 * names of an initiative whose file is missing follow
			 * from that error, which is reported.
			 */
			if (missing_initiative(w, key)) {
				errors++;
				p = close + 2;
				shift(w, out->len, (size_t)(p - src), 0);
				continue;
			}
			if (errors >= DIAG_MAX_PER_FILE)
				diag_msg(w->d, DIAG_ERROR, w->path, line,
				    utf8_column_at(&cur, line_start, ns), "unknown name "
				    "\"%s\"", key);
			else if ((near = names_suggest(w->o->names, key)) !=
			    NULL)
				diag_msg(w->d, DIAG_ERROR, w->path, line,
				    utf8_column_at(&cur, line_start, ns), "unknown name "
				    "\"%s\" (did you mean \"%s\"?)", key, near);
			else
				diag_msg(w->d, DIAG_ERROR, w->path, line,
				    utf8_column_at(&cur, line_start, ns), "unknown name "
				    "\"%s\" (names look like \"%s\"; see "
				    "docs/content.md)", key,
				    names_example(w->o->names));
			errors++;
		} else if (n->kind == NAME_LATER) {
			later(w, n, key, line, utf8_column_at(&cur, line_start, ns));
			errors++;
		} else if (n->kind == NAME_EMPTY &&
		    strncmp(key, "previous_note.", 14) == 0) {
			diag_msg(w->d, DIAG_ERROR, w->path, line,
			    utf8_column_at(&cur, line_start, ns), "\"%s\": this "
			    "note follows up no earlier note on its initiatives: "
			    "leave the {{ }} out", key);
			errors++;
		} else if (n->kind == NAME_EMPTY) {
			diag_msg(w->d, DIAG_ERROR, w->path, line,
			    utf8_column_at(&cur, line_start, ns), "\"%s\" is a name, but "
			    "the data gives it no value on the note's date: give "
			    "it in the data, or leave the {{ }} out", key);
			errors++;
		} else {
			struct buf v;

			buf_init(&v, &w->tmp);
			if (n->kind == NAME_DATE &&
			    (ms = milestone_of(w, key, &in_id)) != NULL)
				stale_plan(w, in_id, ms, line,
				    utf8_column_at(&cur, line_start, ns));
			stale_sum(w, key, line, utf8_column_at(&cur, line_start, ns),
			    line_start, end);
			if (names_format(w->d->lang, n, filter, &v, err,
			    sizeof(err)) == -1) {
				diag_msg(w->d, DIAG_ERROR, w->path, line,
				    utf8_column_at(&cur, line_start, fs), "%s", err);
				errors++;
			} else {
				/* "16 mio. kr." ends a sentence with one dot. */
				if (v.len > 0 && v.data[v.len - 1] == '.' &&
				    close + 2 < end && close[2] == '.')
					v.data[--v.len] = '\0';
				put_escaped_md(out, v.data);
			}
		}
		p = close + 2;
		shift(w, out->len, (size_t)(p - src), 0);
	}
	return errors;
}

/*
 * Whether the text before a number makes it a reference, not a count:
 * "§ 17", "stk. 4", "nr. 3", "kl. 10".
 */
static int
is_reference(const char *start, const char *num)
{
	static const char *const words[] = { "§ ", "stk. ", "nr. ", "kl. " };
	size_t	 i, n;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		n = strlen(words[i]);
		if ((size_t)(num - start) >= n &&
		    memcmp(num - n, words[i], n) == 0)
			return 1;
	}
	return 0;
}

/*
 * A warning for a count typed by hand that the data holds: "16
 * kvinder" where an initiative's figure is 16.  Written as {{ name }}
 * it would follow the data when the figure changes.  Only counts of
 * something (a number, a space, a word) are looked at, outside code
 * and outside {{ }}; years and references are not counts.
 */
static void
hint_numbers(struct walk *w, const char *src, size_t len)
{
	const char	*p = src, *end = src + len, *line_start = src, *q;
	const char	*found_keys[3];
	struct utf8_cursor cur = { NULL, NULL, 0 };
	struct buf	 keys;
	size_t		 i, found;
	long		 v;
	int		 line = 1, fence = 0, code = 0;

	for (; p < end; p++) {
		if (*p == '\n') {
			line++;
			line_start = p + 1;
			code = 0;
			if (end - line_start >= 3 &&
			    (memcmp(line_start, "```", 3) == 0 ||
			    memcmp(line_start, "~~~", 3) == 0))
				fence = !fence;
			continue;
		}
		if (*p == '`')
			code = !code;
		if (fence || code)
			continue;
		if (p + 1 < end && p[0] == '{' && p[1] == '{') {
			/* To the "}}", or to the newline, which is counted next. */
			while (p + 1 < end && !(p[0] == '}' && p[1] == '}') &&
			    *p != '\n')
				p++;
			if (*p == '\n')
				p--;
			continue;
		}
		if (*p < '0' || *p > '9' || (p > line_start &&
		    (isalnum((unsigned char)p[-1]) || strchr(".,:-/", p[-1]))))
			continue;
		for (q = p, v = 0; q < end && *q >= '0' && *q <= '9' &&
		    v < 100000000; q++)
			v = v * 10 + (*q - '0');
		if (q + 1 >= end || *q != ' ' || !(isalpha((unsigned char)q[1]) ||
		    (unsigned char)q[1] >= 0xc3) || (v >= 1900 && v <= 2100) ||
		    is_reference(line_start, p)) {
			p = q - 1;
			continue;
		}
		buf_init(&keys, &w->tmp);
		found = names_numbered(w->o->names, v, found_keys, 3);
		for (i = 0; i < found && i < 3; i++)
			buf_printf(&keys, "%s{{ %s }}", i > 0 ?
			    tr(w->d->lang, " or ") : "", found_keys[i]);
		if (found > 0)
			diag_msg(w->d, DIAG_WARNING, w->path, line,
			    utf8_column_at(&cur, line_start, p), "%ld is also a figure "
			    "in the data: if the text means it, write %s%s so "
			    "the text follows the data", v,
			    keys.data, found > 3 ?
			    tr(w->d->lang, " (or another)") : "");
		p = q - 1;
	}
}

/* --- Bounding cmark's work ------------------------------------------ */

/*
 * Debian's cmark (0.30.2) takes time quadratic in the input on a few
 * classes of text, fixed in later versions: a link after many unclosed
 * "[" or "![" (CVE-2023-22486: each link walks every bracket still
 * open), many lines inside deeply nested lists or quotes (each line
 * walks every open container: blank lines in a list 30000 deep, part of
 * CVE-2023-24824), and emphasis inside deep containers (each emphasis
 * walks up the tree: the rest of CVE-2023-24824).  No real text comes
 * near them, so the filled-in text is measured here first, over-
 * estimating cmark's work on each, and one past its budget is refused
 * at the line where the work runs out.  Ordinary text costs nothing.
 */
#define BRACKET_BUDGET	20000000UL	/* open brackets passed by links */
#define NESTING_BUDGET	20000000UL	/* containers passed by lines */

/*
 * The containers a line goes into: its ">" and list markers, and its
 * indent (each list item's content is indented at least 2).
 */
static unsigned long
line_depth(const char *p, const char *end, const char **rest)
{
	unsigned long	 depth = 0, indent = 0;
	const char	*q;

	for (;;) {
		for (; p < end && (*p == ' ' || *p == '\t'); p++)
			if (depth == 0)
				indent += *p == '\t' ? 4 : 1;
		if (p < end && *p == '>') {
			depth++;
			p++;
			continue;
		}
		if (p + 1 < end && (*p == '-' || *p == '*' || *p == '+') &&
		    (p[1] == ' ' || p[1] == '\t')) {
			depth++;
			p++;
			continue;
		}
		for (q = p; q < end && q - p < 9 && *q >= '0' && *q <= '9'; q++)
			continue;
		if (q > p && q + 1 < end && (*q == '.' || *q == ')') &&
		    (q[1] == ' ' || q[1] == '\t')) {
			depth++;
			p = q + 1;
			continue;
		}
		break;
	}
	*rest = p;
	return depth + indent / 2;
}

/* 0, or -1 after an error at the line where a budget runs out. */
static int
bound_cmark(struct walk *w, const char *src, size_t len)
{
	const char	*p = src, *end = src + len, *eol, *q, *why;
	unsigned long	 open = 0, brackets = 0, nesting = 0, depth = 0;
	unsigned long	 delims, d;
	int		 line = 1, blank = 0;

	for (; p < end; p = eol + 1, line++) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		delims = 0;
		d = line_depth(p, eol, &q);
		while (q < eol && (*q == ' ' || *q == '\t' || *q == '\r'))
			q++;
		if (q == eol) {
			/*
			 * A blank line, or one of only ">" (blank inside the
			 * quote): it ends a paragraph, and the lists in the
			 * containers stay open.
			 */
			if (d > depth)
				depth = d;
			blank = 1;
			open = 0;
		} else if (d > 0 || blank) {
			/*
			 * The containers open: those the line opens, or
			 * those before it (a lazy line continues them),
			 * unless a blank line came between.
			 */
			depth = d;
			blank = 0;
		} else
			blank = 0;
		for (; p < eol; p++) {
			if (*p == '\\' && p + 1 < eol) {
				p++;
				continue;
			}
			if (*p == '*' || *p == '_' || *p == '[' || *p == ']')
				delims++;
			if (*p == '[')
				open++;
			else if (*p == ']') {
				if (open > 0)
					open--;
				if (p + 1 < eol && (p[1] == '(' || p[1] == '['))
					brackets += open;	/* a link, maybe */
			}
		}
		/*
		 * cmark follows each line into the containers it matches:
		 * those it names, and for a blank line every list open.
		 * Emphasis and links walk up from the paragraph.
		 */
		nesting += (q == eol ? depth : d) + depth * delims;
		if (brackets > BRACKET_BUDGET)
			why = N_("too many \"[\" or \"![\" left open before "
			    "the links here: the Markdown reader would take "
			    "minutes; close them with \"]\" or write them as "
			    "\"\\[\"");
		else if (nesting > NESTING_BUDGET)
			why = N_("the text is too long for how deeply it is "
			    "nested in lists or quotes (\">\"): the Markdown "
			    "reader would take minutes; nest it less deeply");
		else
			continue;
		diag_msg(w->d, DIAG_ERROR, w->path, line, 0, "%s",
		    tr(w->d->lang, why));
		return -1;
	}
	return 0;
}

/* --- Building blocks and inlines ------------------------------------ */

static struct level *
top(struct walk *w)
{
	return &w->stack[w->depth];
}

static void
add_block(struct walk *w, struct block *b)
{
	struct level	*l = top(w);

	if (l->last != NULL)
		l->last->next = b;
	else
		l->block->child = b;
	l->last = b;
}

static void
add_inline(struct walk *w, struct inline_ *in)
{
	struct level	*l = top(w);

	if (l->last_inl != NULL)
		l->last_inl->next = in;
	else if (l->inl != NULL)
		l->inl->child = in;
	else
		l->block->inl = in;
	l->last_inl = in;
}

/* Open a container level: a block, or an inline inside the current block. */
static void
push(struct walk *w, struct block *b, struct inline_ *in)
{
	struct level	*l;

	w->depth++;
	l = top(w);
	memset(l, 0, sizeof(*l));
	l->block = b != NULL ? b : w->stack[w->depth - 1].block;
	l->inl = in;
}

static struct block *
new_block(struct walk *w, enum block_type t, cmark_node *n)
{
	struct block	*b = arena_alloc(w->a, sizeof(*b));

	b->type = t;
	b->line = cmark_node_get_start_line(n);
	return b;
}

static struct inline_ *
new_inline(struct walk *w, enum inline_type t)
{
	struct inline_	*in = arena_alloc(w->a, sizeof(*in));

	in->type = t;
	return in;
}

static int
opens_quote(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '(' || c == '[' ||
	    c == '{' || c == '-' || c == '/';
}

/* The text gathered so far becomes an inline of the current container. */
static void
flush_text(struct walk *w)
{
	struct inline_	*in;

	if (!w->pending)
		return;
	in = new_inline(w, INL_TEXT);
	in->text = arena_strndup(w->a, w->pend.data, w->pend.len);
	in->len = w->pend.len;
	add_inline(w, in);
	w->pending = 0;
}

/* Text with " and ' made Danish, added to the text gathered so far. */
static void
add_text(struct walk *w, const char *s, size_t n)
{
	struct buf	*b = &w->pend;
	size_t		 i;

	if (!w->pending) {
		buf_init(b, &w->tmp);
		w->pending = 1;
	}
	for (i = 0; i < n; i++) {
		if (s[i] == '"') {
			if (w->o->quotes == QUOTES_GUILLEMETS)
				buf_puts(b, w->boundary ? "»" : "«");
			else
				buf_puts(b, "”");
		} else if (s[i] == '\'')
			buf_puts(b, "’");
		else
			buf_putc(b, s[i]);
		w->boundary = opens_quote((unsigned char)s[i]) ||
		    (s[i] == '"' && w->boundary);
	}
}

static int
fold(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* The slot of the name that is name in lower case, or the free one. */
static struct image_seen *
seen_slot(struct narrative_images *im, const char *name)
{
	size_t		 h = 5381, i;
	const char	*p;

	for (p = name; *p != '\0'; p++)
		h = h * 33 + (size_t)fold((unsigned char)*p);
	for (h &= im->cap - 1; im->seen[h].name != NULL;
	    h = (h + 1) & (im->cap - 1)) {
		p = im->seen[h].name;
		for (i = 0; p[i] != '\0' && fold(p[i]) == fold(name[i]); i++)
			continue;
		if (fold(p[i]) == fold(name[i]))
			break;
	}
	return &im->seen[h];
}

/* Room for one more name, at most half full. */
static void
seen_room(struct narrative_images *im)
{
	struct image_seen *old = im->seen;
	size_t		 i, cap = im->cap;

	if (im->cap != 0 && 2 * (im->n + 1) <= im->cap)
		return;
	im->cap = im->cap == 0 ? 16 : 2 * im->cap;
	im->seen = arena_calloc(im->a, im->cap, sizeof(*im->seen));
	for (i = 0; i < cap; i++)
		if (old[i].name != NULL)
			*seen_slot(im, old[i].name) = old[i];
}

/*
 * Note the image url (a checked name) used at line, with the folders on
 * its way, among the note's image names.  NULL, or the name seen
 * before that it clashes with: one that differs from it or from one of
 * its folders only in case, unless both are folders (which merge).
 */
static const struct image_seen *
image_clash(struct walk *w, const char *url, int line)
{
	struct narrative_images *im = w->o->images;
	struct image_seen *e;
	char		*name, *p, c;
	const char	*q;
	size_t		 n;

	if (im == NULL)
		return NULL;
	/* The name without its "." parts: "./a/./b.png" is "a/b.png". */
	p = name = arena_alloc(im->a, strlen(url) + 1);
	for (q = url; *q != '\0'; q += *q == '/') {
		n = strcspn(q, "/");
		if (n != 1 || *q != '.') {
			if (p > name)
				*p++ = '/';
			memcpy(p, q, n);
			p += n;
		}
		q += n;
	}
	*p = '\0';
	for (p = name; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		c = *p;
		*p = '\0';
		seen_room(im);
		e = seen_slot(im, name);
		if (e->name == NULL) {
			e->name = arena_strdup(im->a, name);
			e->file = w->path;
			e->line = line;
			e->folder = c == '/';
			im->n++;
		} else if (strcmp(e->name, name) != 0 &&
		    !(e->folder && c == '/'))
			return e;
		*p = c;
		if (c == '\0')
			return NULL;
	}
}

/*
 * The column of n in its source, in characters as diagnostics count:
 * cmark counts bytes of the filled-in text, where a {{ }} before n on
 * its line may have been longer or shorter than its value.
 */
static int
node_col(const struct walk *w, cmark_node *n)
{
	const char	*p = w->text, *end = w->text + w->textlen, *nl, *ls;
	int		 line = cmark_node_get_start_line(n);
	int		 col = cmark_node_get_start_column(n), l;
	size_t		 at, lo = 0, hi = w->nshifts;

	for (l = 1; l < line && p != NULL &&
	    (nl = memchr(p, '\n', (size_t)(end - p))) != NULL; l++)
		p = nl + 1;
	if (p == NULL || l < line || col < 1 || col - 1 > end - p)
		return col;
	at = (size_t)(p - w->text) + (size_t)col - 1;
	/* The last shift at or before at. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (w->shifts[mid].out <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0)
		at = w->shifts[lo - 1].value ? w->shifts[lo - 1].src :
		    w->shifts[lo - 1].src + (at - w->shifts[lo - 1].out);
	/* In the source: back to its line's start. */
	for (ls = w->src + at; ls > w->src && ls[-1] != '\n'; ls--)
		continue;
	return utf8_column(ls, w->src + at);
}

/*
 * An image must be a file in the note's folder that the PDF can show:
 * its header is read now, so that a bad image is reported at its line
 * and both renderers know its size.  Its name must say what it is (the
 * web server serves it by its name) and must not clash with what the
 * build writes; the note's images count towards its pixel budget.
 */
static void
check_image(struct walk *w, cmark_node *n, struct inline_ *in)
{
	struct image_info info;
	struct stat	 st;
	const char	*url = in->url, *data, *why;
	const struct image_seen *seen;
	char		*path, err[256];
	size_t		 len;
	unsigned long long before;
	int		 errors = w->d->count[DIAG_ERROR];
	int		 line = cmark_node_get_start_line(n);
	int		 col = node_col(w, n);

	if (*url == '\0' || strstr(url, "://") != NULL ||
	    strncmp(url, "data:", 5) == 0) {
		diag_msg(w->d, DIAG_ERROR, w->path, line, col,
		    "image \"%s\": name a file in the note's folder, such as "
		    "\"billede.png\"", url);
		goto bad;
	}
	if (url[0] == '/' || strstr(url, "..") != NULL) {
		diag_msg(w->d, DIAG_ERROR, w->path, line, col,
		    "image \"%s\" is outside the note's folder", url);
		goto bad;
	}
	if ((why = image_name_problem(url)) != NULL) {
		diag_msg(w->d, DIAG_ERROR, w->path, line, col,
		    "image \"%s\": %s", url, tr(w->d->lang, why));
		goto bad;
	}
	if ((seen = image_clash(w, url, line)) != NULL) {
		diag_msg(w->d, DIAG_ERROR, w->path, line, col, "image \"%s\" "
		    "clashes with the %s \"%s\" (%s:%d): many computers and "
		    "web servers do not tell upper and lower case apart, and "
		    "there they are one name: rename one", url,
		    seen->folder ?
		    tr(w->d->lang, "folder") : tr(w->d->lang, "image"), seen->name, seen->file,
		    seen->line);
		goto bad;
	}
	path = arena_printf(w->a, "%s/%s", w->o->dir, url);
	if (stat(path, &st) == -1) {
		diag_msg(w->d, DIAG_ERROR, w->path, line, col,
		    "image \"%s\" not found (looked for %s)", url, path);
		goto bad;
	}
	if ((data = fs_read_in(&w->tmp, w->d, w->o->root, path,
	    IMAGE_MAX_BYTES, &len, 1)) == NULL) {
		/* fs_read said why, at the file: say where it is used. */
		if (w->d->count[DIAG_ERROR] > errors)
			diag_msg(w->d, DIAG_NOTE, w->path, line, col,
			    "the image is used here");
		goto bad;
	}
	if (image_inspect_in(w->d->lang, (const unsigned char *)data, len,
	    &info, err,
	    sizeof(err)) == -1) {
		diag_msg(w->d, DIAG_ERROR, w->path, line, col,
		    "image \"%s\": %s", url, err);
		goto bad;
	}
	if (image_kind_of_name(url) != info.kind) {
		diag_msg(w->d, DIAG_ERROR, w->path, line, col,
		    "image \"%s\" is a %s file, but its name says otherwise: "
		    "rename it to end in %s", url,
		    info.kind == IMAGE_PNG ? "PNG" : "JPEG",
		    info.kind == IMAGE_PNG ? ".png" : ".jpg");
		goto bad;
	}
	if (w->o->pixels != NULL) {
		before = *w->o->pixels;
		*w->o->pixels += (unsigned long long)info.width * info.height;
		if (before <= IMAGE_MAX_NOTE_PIXELS &&
		    *w->o->pixels > IMAGE_MAX_NOTE_PIXELS) {
			diag_msg(w->d, DIAG_ERROR, w->path, line, col,
			    "image \"%s\" (%u × %u pixels) brings the note's "
			    "images to more than %u megapixels, the most one "
			    "note may show: make the images smaller (a picture "
			    "for print needs about 2000 pixels across)", url,
			    info.width, info.height,
			    IMAGE_MAX_NOTE_PIXELS / 1000000);
			goto bad;
		}
	}
	in->path = path;
	in->px_width = info.width;
	in->px_height = info.height;
	in->dpi = info.dpi_x;
	return;
bad:
	*w->ok = 0;
}

/* The kinds of file a note may have as attachments: ending, and word. */
static const char *const attach_kinds[][2] = {
	{ ".pdf", "PDF" }, { ".docx", "Word" }, { ".doc", "Word" },
	{ ".xlsx", "Excel" }, { ".xls", "Excel" },
	{ ".pptx", "PowerPoint" }, { ".ppt", "PowerPoint" },
	{ ".odt", "OpenDocument-tekst" }, { ".ods", "OpenDocument-regneark" },
	{ ".odp", "OpenDocument-præsentation" }, { ".csv", "CSV" },
	{ ".txt", "tekst" }, { ".png", "billede" }, { ".jpg", "billede" },
	{ ".jpeg", "billede" }
};

const char *
narrative_attach_kind(const char *name)
{
	size_t	 i, n = strlen(name), k;

	for (i = 0; i < sizeof(attach_kinds) / sizeof(attach_kinds[0]); i++) {
		k = strlen(attach_kinds[i][0]);
		if (n > k && strncasecmp(name + n - k, attach_kinds[i][0],
		    k) == 0)
			return attach_kinds[i][1];
	}
	return NULL;
}

int
narrative_attach(struct diag *d, const char *root, const char *dir,
    const char *name, const char *title, const char *file, int line, int col,
    struct narrative_files *files)
{
	struct stat	 st;
	const char	*id = strrchr(dir, '/'), *p, *path;
	size_t		 i;

	id = id != NULL ? id + 1 : dir;
	for (p = name; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '\\' ||
		    *p == '?' || *p == '%' || *p == '/')
			break;
	if (*p == '/') {
		diag_msg(d, DIAG_ERROR, file, line, col, "the attachment \"%s\" "
		    "must lie in the note's folder itself, not in a folder "
		    "below it: move it up", name);
		return -1;
	}
	if (*p != '\0' || *name == '.' || *name == '\0' || strlen(name) > 100) {
		diag_msg(d, DIAG_ERROR, file, line, col, "the attachment \"%s\": "
		    "give the file a plain name of at most 100 bytes, not "
		    "beginning with \".\" and without \\, ?, %% or control "
		    "characters", name);
		return -1;
	}
	if (narrative_attach_kind(name) == NULL) {
		diag_msg(d, DIAG_ERROR, file, line, col, "the attachment \"%s\" "
		    "is not a kind of file a note can have: PDF, Word, Excel, "
		    "PowerPoint, OpenDocument, CSV, text or an image (.pdf, "
		    ".docx, .xlsx, .pptx, .odt, .csv, .txt, .png, .jpg)", name);
		return -1;
	}
	if (strncasecmp(name, id, strlen(id)) == 0 &&
	    strcasecmp(name + strlen(id), ".pdf") == 0) {
		diag_msg(d, DIAG_ERROR, file, line, col, "the attachment \"%s\" "
		    "has the name of the note's own PDF: rename it", name);
		return -1;
	}
	path = arena_printf(files->a, "%s/%s", dir, name);
	if (lstat(path, &st) == -1) {
		diag_msg(d, DIAG_ERROR, file, line, col, "the attachment \"%s\" "
		    "is not in the note's folder (looked for %s)", name, path);
		return -1;
	}
	if (fs_check_inside(d, root, path) == -1)
		return -1;
	if (stat(path, &st) == -1 || !S_ISREG(st.st_mode)) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "is not an ordinary file: "
		    "an attachment must be one");
		return -1;
	}
	if (st.st_size > NARRATIVE_MAX_ATTACHMENT) {
		diag_msg(d, DIAG_ERROR, file, line, col, "the attachment \"%s\" "
		    "is larger than %d MB, the most a note may publish", name,
		    NARRATIVE_MAX_ATTACHMENT / (1024 * 1024));
		return -1;
	}
	for (i = 0; i < files->n; i++)
		if (strcmp(files->v[i].name, name) == 0) {
			if (title != NULL && files->v[i].title == NULL)
				files->v[i].title = arena_strdup(files->a, title);
			return 0;
		} else if (strcasecmp(files->v[i].name, name) == 0) {
			diag_msg(d, DIAG_ERROR, file, line, col, "the "
			    "attachment \"%s\" and \"%s\" differ only in "
			    "upper and lower case: on many computers and web "
			    "servers they are one file; rename one", name,
			    files->v[i].name);
			return -1;
		}
	if (files->n == files->cap) {
		files->v = arena_grow(files->a, files->v, files->cap *
		    sizeof(*files->v), (files->cap ? files->cap * 2 : 8) *
		    sizeof(*files->v));
		files->cap = files->cap ? files->cap * 2 : 8;
	}
	files->v[files->n].name = arena_strdup(files->a, name);
	files->v[files->n].path = path;
	files->v[files->n].title = title != NULL ?
	    arena_strdup(files->a, title) : NULL;
	files->n++;
	return 0;
}

/*
 * A link to a file beside the note ("handlingsplan.pdf") makes it an
 * attachment: it must be there.  Links to pages and to the web are
 * left as they are.
 */
static void
check_link(struct walk *w, cmark_node *n, struct inline_ *in)
{
	const char	*url = in->url, *q;
	char		*name;

	if (w->o->files == NULL || *url == '\0' || *url == '#' ||
	    *url == '/' || *url == '?')
		return;
	for (q = url; *q != '\0' && *q != '/' && *q != ':'; q++)
		continue;
	if (*q == ':')
		return;		/* https:, mailto:, ... */
	name = arena_strndup(w->a, url, strcspn(url, "#?"));
	if (narrative_attach_kind(name) == NULL || strncmp(name, "../", 3) == 0)
		return;
	if (narrative_attach(w->d, w->o->root, w->o->dir, name, NULL,
	    w->path, cmark_node_get_start_line(n), node_col(w, n),
	    w->o->files) == -1)
		*w->ok = 0;
}

static void
enter(struct walk *w, cmark_node *n)
{
	struct block	*b = NULL;
	struct inline_	*in = NULL;
	const char	*s;
	int		 level;

	if (cmark_node_get_type(n) != CMARK_NODE_TEXT &&
	    cmark_node_get_type(n) != CMARK_NODE_SOFTBREAK)
		flush_text(w);
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_DOCUMENT:
		return;
	case CMARK_NODE_BLOCK_QUOTE:
		b = new_block(w, BLOCK_QUOTE, n);
		break;
	case CMARK_NODE_LIST:
		b = new_block(w, BLOCK_LIST, n);
		b->ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
		b->start = cmark_node_get_list_start(n);
		b->tight = cmark_node_get_list_tight(n);
		break;
	case CMARK_NODE_ITEM:
		b = new_block(w, BLOCK_ITEM, n);
		break;
	case CMARK_NODE_PARAGRAPH:
		b = new_block(w, BLOCK_PARA, n);
		w->boundary = 1;
		break;
	case CMARK_NODE_HEADING:
		b = new_block(w, BLOCK_HEADING, n);
		level = cmark_node_get_heading_level(n) + w->o->heading_shift;
		b->level = level > 6 ? 6 : level;
		w->boundary = 1;
		break;
	case CMARK_NODE_CODE_BLOCK:
		b = new_block(w, BLOCK_CODE, n);
		s = cmark_node_get_literal(n);
		b->text = arena_strdup(w->a, s != NULL ? s : "");
		b->len = strlen(b->text);
		s = cmark_node_get_fence_info(n);
		b->info = s != NULL && *s != '\0' ? arena_strdup(w->a, s) : NULL;
		add_block(w, b);
		return;
	case CMARK_NODE_THEMATIC_BREAK:
		add_block(w, new_block(w, BLOCK_HR, n));
		return;
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_HTML_INLINE:
		diag_msg(w->d, DIAG_WARNING, w->path,
		    cmark_node_get_start_line(n), node_col(w, n),
		    "HTML is not allowed in a narrative and was left out");
		return;
	case CMARK_NODE_TEXT:
		s = cmark_node_get_literal(n);
		add_text(w, s, strlen(s));
		return;
	case CMARK_NODE_SOFTBREAK:
		/* A line end in the source: part of the text, as a space. */
		add_text(w, "\n", 1);
		return;
	case CMARK_NODE_LINEBREAK:
		flush_text(w);
		add_inline(w, new_inline(w, INL_LINEBREAK));
		w->boundary = 1;
		return;
	case CMARK_NODE_CODE:
		in = new_inline(w, INL_CODE);
		in->text = arena_strdup(w->a, cmark_node_get_literal(n));
		in->len = strlen(in->text);
		add_inline(w, in);
		w->boundary = 0;
		return;
	case CMARK_NODE_EMPH:
		in = new_inline(w, INL_EMPH);
		break;
	case CMARK_NODE_STRONG:
		in = new_inline(w, INL_STRONG);
		break;
	case CMARK_NODE_LINK:
	case CMARK_NODE_IMAGE:
		in = new_inline(w, cmark_node_get_type(n) == CMARK_NODE_LINK ?
		    INL_LINK : INL_IMAGE);
		s = cmark_node_get_url(n);
		s = s != NULL ? s : "";
		in->url = escape_url_is_safe(s, strlen(s)) ?
		    arena_strdup(w->a, s) : "";
		s = cmark_node_get_title(n);
		in->title = s != NULL && *s != '\0' ? arena_strdup(w->a, s) :
		    NULL;
		if (in->type == INL_IMAGE)
			check_image(w, n, in);
		else
			check_link(w, n, in);
		break;
	default:
		return;	/* custom nodes: none without extensions */
	}
	/*
	 * Past the depth limit, containers are left out and their contents
	 * go to the level above: nothing is lost, and renderers may
	 * recurse.  Paragraphs and headings always get their level.
	 */
	if (b != NULL && (b->type == BLOCK_PARA || b->type == BLOCK_HEADING ||
	    w->depth < NARRATIVE_MAX_DEPTH - 4)) {
		add_block(w, b);
		push(w, b, NULL);
	} else if (in != NULL && w->depth < NARRATIVE_MAX_DEPTH) {
		add_inline(w, in);
		push(w, NULL, in);
	}
}

struct block *
narrative_load(struct arena *a, struct diag *d, const char *path,
    const struct pos *from, const struct narrative_opts *o, int *ok)
{
	struct walk	 w;
	struct block	 root;
	struct buf	 filled;
	cmark_node	*doc = NULL, *n;
	cmark_iter	*it = NULL;
	cmark_event_type ev;
	char		*src;
	struct stat	 st;
	size_t		 len, bad, i;
	int		 line, col;

	if (stat(path, &st) == -1) {
		diag_msg(d, DIAG_ERROR, from->file, from->line, from->col,
		    "the narrative %s does not exist", path);
		*ok = 0;
		return NULL;
	}
	memset(&w, 0, sizeof(w));
	memset(&root, 0, sizeof(root));
	arena_init(&w.tmp);
	if ((src = fs_read_in(&w.tmp, d, o->root, path, NARRATIVE_MAX_FILE,
	    &len, 1)) == NULL) {
		*ok = 0;
		goto out;
	}
	if ((bad = utf8_check((const unsigned char *)src, len)) < len) {
		line = 1;
		col = 1;
		for (i = 0; i < bad; i++, col++)
			if (src[i] == '\n') {
				line++;
				col = 0;
			}
		utf8_report_invalid(d, path, line, col,
		    (unsigned char)src[bad]);
		*ok = 0;
		goto out;
	}
	if (memchr(src, '\0', len) != NULL) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "the file contains a NUL "
		    "character: is it really a Markdown text?");
		*ok = 0;
		goto out;
	}

	/* Letters composed, invisible characters gone; then drawable? */
	len = nfc_normalize(src, len);
	if (o->fonts != NULL && font_check_text(o->fonts, d, path, 1, 1, src,
	    len, 1) > 0)
		*ok = 0;

	w.a = a;
	w.d = d;
	w.path = path;
	w.o = o;
	w.ok = ok;
	w.stack[0].block = &root;

	buf_init(&filled, &w.tmp);
	read_old(&w);
	stale_text(&w, src, len);
	stale_dates(&w, src, len);
	hint_numbers(&w, src, len);
	if (fill_in(&w, src, len, &filled) > 0)
		*ok = 0;

	if (bound_cmark(&w, filled.data, filled.len) == -1) {
		*ok = 0;
		goto out;
	}
	w.text = filled.data;
	w.textlen = filled.len;
	w.src = src;
	doc = cmark_parse_document(filled.data, filled.len,
	    CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8);
	if (doc == NULL || (it = cmark_iter_new(doc)) == NULL) {
		diag_msg(d, DIAG_SYSERR, path, 0, 0, "out of memory in cmark");
		*ok = 0;
		goto out;
	}
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER) {
			int before = w.depth;

			enter(&w, n);
			/*
			 * Remember on the node whether it opened a level,
			 * so its exit closes exactly that level.
			 */
			cmark_node_set_user_data(n,
			    w.depth > before ? (void *)&root : NULL);
		} else if (ev == CMARK_EVENT_EXIT) {
			flush_text(&w);
			if (cmark_node_get_user_data(n) != NULL && w.depth > 0)
				w.depth--;
			if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH ||
			    cmark_node_get_type(n) == CMARK_NODE_HEADING)
				w.boundary = 1;
		}
	}
out:
	if (it != NULL)
		cmark_iter_free(it);
	if (doc != NULL)
		cmark_node_free(doc);
	arena_fini(&w.tmp);
	return root.child;
}
