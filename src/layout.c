/*
 * layout.c: model to report.  Each note becomes a list of sections; a
 * section is a heading, its narrative (narrative.c) and, for an
 * initiative, its timeline and figures as tables, all as of the note's
 * date.  See layout.h.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "danish.h"
#include "date.h"
#include "diag.h"
#include "fsutil.h"
#include "image.h"
#include "layout.h"
#include "model.h"
#include "names.h"
#include "narrative.h"
#include "report.h"
#include "validate.h"

/* One row of a timeline before it is sorted. */
struct entry {
	long		 key;		/* day it sorts by */
	size_t		 seq;		/* input order, for a stable sort */
	const char	*when;
	const char	*iso;
	const char	*what;
	enum row_state	 state;
	const char	*status;	/* the state in words */
};

static struct inline_ *
text_inline(struct arena *a, const char *s)
{
	struct inline_	*in = arena_alloc(a, sizeof(*in));

	in->type = INL_TEXT;
	in->text = s;
	in->len = strlen(s);
	return in;
}

static struct block *
new_block(struct arena *a, enum block_type t)
{
	struct block	*b = arena_alloc(a, sizeof(*b));

	b->type = t;
	return b;
}

/* Append b to the children of parent, given its last child *last. */
static void
append(struct block *parent, struct block **last, struct block *b)
{
	if (*last != NULL)
		(*last)->next = b;
	else
		parent->child = b;
	*last = b;
}

static struct block *
cell(struct arena *a, const char *s, int header, const char *iso)
{
	struct block	*c = new_block(a, BLOCK_CELL);

	c->header = header;
	c->iso = iso;
	c->inl = text_inline(a, s);
	return c;
}

static struct block *
row(struct arena *a, int header, enum row_state state, const char *c1,
    const char *iso, const char *c2, const char *c3)
{
	struct block	*r = new_block(a, BLOCK_ROW), *last = NULL;

	r->header = header;
	r->state = state;
	append(r, &last, cell(a, c1, header, iso));
	append(r, &last, cell(a, c2, header, NULL));
	if (c3 != NULL)
		append(r, &last, cell(a, c3, header, NULL));
	return r;
}

static const char *
fmt_date(struct arena *a, const struct date *d)
{
	struct buf	 b;

	buf_init(&b, a);
	date_format(&b, d, 0);
	return b.data;
}

static const char *
fmt_iso(struct arena *a, const struct date *d)
{
	struct buf	 b;

	buf_init(&b, a);
	date_format_iso(&b, d);
	return b.data;
}

static const char *
fmt_number(struct arena *a, long v)
{
	struct buf	 b;

	buf_init(&b, a);
	danish_number(&b, v);
	return b.data;
}

/* Its name; its id when the name could not be read (and was reported). */
static const char *
name_of(const struct initiative *in)
{
	return in->name != NULL ? in->name : in->id;
}

static int
cmp_entry(const void *x, const void *y)
{
	const struct entry *a = x, *b = y;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static const char *
phase_what(struct arena *a, const struct phase *p)
{
	struct buf	 b;

	buf_init(&b, a);
	buf_puts(&b, p->name != NULL ? p->name : "");
	if (p->reason != NULL)
		buf_printf(&b, " på grund af %s", p->reason);
	if (p->sessions.set)
		buf_printf(&b, " (%s undervisningssessioner)",
		    fmt_number(a, p->sessions.value));
	return b.data;
}

static struct block *
timeline(struct arena *a, const struct initiative *in, const struct note *nt)
{
	struct block	*t, *last = NULL;
	struct entry	*e;
	struct buf	 b;
	size_t		 n = 0, i, last_dated = (size_t)-1;
	long		 key = 0;

	e = arena_calloc(a, in->nphases + in->nmilestones + 1, sizeof(*e));
	/* The last phase with a start date is the one going on now. */
	for (i = in->nphases; i > 0 && last_dated == (size_t)-1; i--)
		if (in->phases[i - 1].start.kind != DATE_NONE)
			last_dated = i - 1;
	for (i = 0; i < in->nphases; i++) {
		const struct phase *p = &in->phases[i];

		buf_init(&b, a);
		if (p->start.kind != DATE_NONE) {
			key = p->start.first;
			if (p->end.kind == DATE_NONE)
				buf_puts(&b, "fra ");
			date_format(&b, &p->start, 0);
			if (p->end.kind != DATE_NONE) {
				buf_puts(&b, " – ");
				date_format(&b, &p->end, 0);
			}
		} else
			buf_puts(&b, "Ikke oplyst");
		e[n].key = key;
		e[n].when = b.data;
		e[n].what = phase_what(a, p);
		if (p->end.kind != DATE_NONE && p->end.last < nt->as_of.first)
			e[n].state = ROW_DONE, e[n].status = "Afsluttet";
		else if (p->start.kind != DATE_NONE &&
		    p->start.first > nt->as_of.last)
			e[n].state = ROW_EXPECTED, e[n].status = "Forventes";
		else if (p->end.kind != DATE_NONE || i == last_dated)
			e[n].state = ROW_ONGOING, e[n].status = "I gang";
		else
			e[n].state = ROW_NONE, e[n].status = "";
		e[n].seq = n;
		n++;
	}
	for (i = 0; i < in->nmilestones; i++) {
		const struct milestone *m = &in->milestones[i];
		const struct date *d;

		switch (milestone_status(m, &nt->as_of)) {
		case STATUS_DONE:
			e[n].state = ROW_DONE, e[n].status = "Gennemført";
			break;
		case STATUS_EXPECTED:
			e[n].state = ROW_EXPECTED, e[n].status = "Forventes";
			break;
		default:
			e[n].state = ROW_OVERDUE, e[n].status = "Overskredet";
			break;
		}
		d = e[n].state == ROW_DONE ? &m->actual : &m->planned;
		if (d->kind == DATE_NONE)
			continue;
		e[n].key = d->first;
		e[n].when = fmt_date(a, d);
		e[n].iso = fmt_iso(a, d);
		e[n].what = m->label != NULL ? m->label : "";
		e[n].seq = n;
		n++;
	}
	qsort(e, n, sizeof(*e), cmp_entry);

	t = new_block(a, BLOCK_TABLE);
	t->table = TABLE_TIMELINE;
	t->text = arena_printf(a, "Tidslinje for %s pr. %s", name_of(in),
	    fmt_date(a, &nt->as_of));
	append(t, &last, row(a, 1, ROW_NONE, "Hvornår", NULL, "Hvad",
	    "Status"));
	for (i = 0; i < n; i++)
		append(t, &last, row(a, 0, e[i].state, e[i].when, e[i].iso,
		    e[i].what, e[i].status));
	return n > 0 ? t : NULL;
}

static void
figure_row(struct arena *a, struct block *t, struct block **last,
    const char *label, const struct count *c)
{
	struct block	*r;

	if (!c->set)
		return;
	r = row(a, 0, ROW_NONE, label, NULL, fmt_number(a, c->value), NULL);
	r->child->header = 1;	/* the label heads its row */
	append(t, last, r);
}

static struct block *
figures(struct arena *a, const struct initiative *in, const struct note *nt)
{
	const struct participants *p = &in->participants;
	struct block	*t, *last = NULL;
	struct count	 c;
	size_t		 i;

	t = new_block(a, BLOCK_TABLE);
	t->table = TABLE_FIGURES;
	t->text = arena_printf(a, "Tal for %s pr. %s", name_of(in),
	    fmt_date(a, &nt->as_of));
	append(t, &last, row(a, 1, ROW_NONE, "Tal", NULL, "Antal", NULL));
	figure_row(a, t, &last, "Medarbejdere i indsatsen", &in->staff.count);
	figure_row(a, t, &last, "Rekrutterede deltagere", &p->recruited);
	figure_row(a, t, &last, "Deltagere ved opstart", &p->started);
	figure_row(a, t, &last, "Faldet fra", &p->dropped_out);
	figure_row(a, t, &last, "Gennemført", &p->completed);
	figure_row(a, t, &last, "Aktive deltagere", &p->active);
	for (i = 0; i < in->nphases; i++)
		if (in->phases[i].sessions.set)
			figure_row(a, t, &last, arena_printf(a,
			    "Undervisningssessioner: %s", in->phases[i].name),
			    &in->phases[i].sessions);
	for (i = 0; i < in->nfigures; i++) {
		memset(&c, 0, sizeof(c));
		c.set = 1;
		c.value = in->figures[i].value;
		figure_row(a, t, &last, in->figures[i].label != NULL ?
		    in->figures[i].label : "", &c);
	}
	return t->child->next != NULL ? t : NULL;
}

/* An anchor from a title: lower-case ASCII, æ ø å spelt out. */
static const char *
slug(struct arena *a, const char *title, size_t n)
{
	struct buf	 b;
	const unsigned char *s = (const unsigned char *)title;
	int		 dash = 0;

	buf_init(&b, a);
	for (; *s != '\0'; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')) {
			if (dash && b.len > 0)
				buf_putc(&b, '-');
			buf_putc(&b, *s);
			dash = 0;
		} else if (*s >= 'A' && *s <= 'Z') {
			if (dash && b.len > 0)
				buf_putc(&b, '-');
			buf_putc(&b, *s - 'A' + 'a');
			dash = 0;
		} else if (s[0] == 0xc3 && s[1] != '\0') {
			if (dash && b.len > 0)
				buf_putc(&b, '-');
			dash = 0;
			switch (s[1]) {
			case 0xa6: case 0x86: buf_puts(&b, "ae"); break;
			case 0xb8: case 0x98: buf_puts(&b, "oe"); break;
			case 0xa5: case 0x85: buf_puts(&b, "aa"); break;
			default: dash = 1; break;
			}
			s++;
		} else
			dash = 1;
	}
	if (b.len == 0)
		buf_printf(&b, "afsnit-%zu", n + 1);
	return b.data;
}

/*
 * Heading levels as a reader navigates them: never more than one deeper
 * than the heading before (a narrative's "###" right under a section
 * becomes level 3, not 5), so the outline, the web page and the tagged
 * PDF skip no level.  The note's title is level 1.  Depth is bounded by
 * the narrative stage.
 */
static void
nest_headings(struct block *b, int *last)
{
	for (; b != NULL; b = b->next) {
		if (b->type == BLOCK_HEADING) {
			if (b->level > *last + 1)
				b->level = *last + 1;
			*last = b->level;
		}
		nest_headings(b->child, last);
	}
}

static int
layout_note(struct arena *a, struct diag *d, const struct content *c,
    const struct note *nt, struct report_note *rn)
{
	struct names	 names;
	struct narrative_opts o;
	struct block	*body, *last = NULL, *sec, *slast, *b, *h;
	struct buf	 buf;
	size_t		 i, j;
	int		 ok = 1, level;

	rn->id = nt->id;
	rn->dir = nt->dir;
	rn->date = fmt_date(a, &nt->date);
	rn->date_iso = fmt_iso(a, &nt->date);
	rn->title = nt->title;
	rn->subject = nt->subject != NULL ? nt->subject : "";
	rn->regarding = arena_printf(a, "Vedr. %s", rn->subject);
	rn->sender = nt->sender_p != NULL ? nt->sender_p->name : "";
	buf_init(&buf, a);
	for (i = 0; i < nt->ninitiatives; i++) {
		if (nt->initiatives_p[i] == NULL)
			continue;
		if (buf.len > 0)
			buf_puts(&buf, i + 1 == nt->ninitiatives ? " og " : ", ");
		buf_puts(&buf, name_of(nt->initiatives_p[i]));
	}
	rn->initiatives = buf.data;

	names_build(&names, a, c, nt);
	memset(&o, 0, sizeof(o));
	o.names = &names;
	o.quotes = c->site.quotes;
	o.dir = nt->dir;

	body = new_block(a, BLOCK_SECTION);
	for (i = 0; i < nt->nsections; i++) {
		const struct section *s = &nt->sections[i];

		sec = new_block(a, BLOCK_SECTION);
		sec->line = s->pos.line;
		slast = NULL;
		if (s->title != NULL) {
			sec->id = slug(a, s->title, i);
			/* Two sections with one title need two anchors. */
			for (b = body->child, j = 2; b != NULL; b = b->next)
				if (b->id != NULL && strcmp(b->id, sec->id) == 0) {
					sec->id = arena_printf(a, "%s-%zu",
					    slug(a, s->title, i), j++);
					b = body->child;
				}
			h = new_block(a, BLOCK_HEADING);
			h->level = 2;
			h->id = sec->id;
			h->inl = text_inline(a, s->title);
			append(sec, &slast, h);
		}
		if (s->narrative != NULL) {
			o.heading_shift = s->title != NULL ? 2 : 1;
			b = narrative_load(a, d, s->narrative, &s->pos, &o, &ok);
			for (; b != NULL; b = b->next)
				append(sec, &slast, b);
		}
		if (s->initiative_p != NULL) {
			if ((b = timeline(a, s->initiative_p, nt)) != NULL)
				append(sec, &slast, b);
			if ((b = figures(a, s->initiative_p, nt)) != NULL)
				append(sec, &slast, b);
		}
		append(body, &last, sec);
	}
	rn->body = body->child;
	level = 1;
	nest_headings(rn->body, &level);
	return ok ? 0 : -1;
}

/* The PDF shows a PNG or JPEG logo: its size, and whether it can. */
static int
inspect_logo(struct arena *a, struct diag *d, const struct content *c,
    struct report *r)
{
	struct image_info info;
	const char	*data, *ext = strrchr(c->site.logo, '.');
	char		 err[256];
	size_t		 len;

	if (strcmp(ext, ".svg") == 0)
		return 0;
	if ((data = fs_read(a, d, r->logo_path, IMAGE_MAX_BYTES, &len, 1)) ==
	    NULL)
		return -1;
	if (image_inspect((const unsigned char *)data, len, &info, err,
	    sizeof(err)) == -1) {
		diag_msg(d, DIAG_ERROR, c->site.file, 0, 0, "logo %s: %s",
		    c->site.logo, err);
		return -1;
	}
	r->logo_px_width = info.width;
	r->logo_px_height = info.height;
	return 0;
}

int
layout_report(struct arena *a, struct diag *d, const struct content *c,
    struct report *r)
{
	size_t	 i;
	int	 rc = 0;

	memset(r, 0, sizeof(*r));
	r->municipality = c->site.municipality != NULL ?
	    c->site.municipality : "";
	r->language = c->site.language;
	r->base_url = c->site.base_url;
	if (c->site.logo_path != NULL) {
		/* Published as logo.<ext>, whatever it was called. */
		r->logo = arena_printf(a, "logo%s", strrchr(c->site.logo, '.'));
		r->logo_path = c->site.logo_path;
		if (inspect_logo(a, d, c, r) == -1)
			rc = -1;
	}
	r->notes = arena_calloc(a, c->nnotes, sizeof(*r->notes));
	r->nnotes = c->nnotes;
	for (i = 0; i < c->nnotes; i++)
		if (layout_note(a, d, c, &c->notes[i], &r->notes[i]) == -1)
			rc = -1;
	return rc;
}
