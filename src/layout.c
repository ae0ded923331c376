/*
 * layout.c: model to report.  Each note becomes a list of sections; a
 * section is a heading, its narrative (narrative.c) and, for an
 * initiative, its timeline and figures as tables, all as of the note's
 * date.  See layout.h.
 */
#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "chart.h"
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
#include "svgcheck.h"
#include "known.h"
#include "validate.h"

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

/* A row of n cells; isos, when not NULL, gives each its machine date. */
static struct block *
row_of(struct arena *a, int header, enum row_state state,
    const char *const *cells, const char *const *isos, size_t n)
{
	struct block	*r = new_block(a, BLOCK_ROW), *last = NULL;
	size_t		 i;

	r->header = header;
	r->state = state;
	for (i = 0; i < n; i++)
		append(r, &last, cell(a, cells[i], header,
		    isos != NULL ? isos[i] : NULL));
	return r;
}

static struct block *
row(struct arena *a, int header, enum row_state state, const char *c1,
    const char *iso, const char *c2, const char *c3)
{
	const char	*cells[3] = { c1, c2, c3 };
	const char	*isos[3] = { iso, NULL, NULL };

	return row_of(a, header, state, cells, isos, c3 != NULL ? 3 : 2);
}

static struct block *
table_of(struct arena *a, enum table_kind kind, const char *caption)
{
	struct block	*t = new_block(a, BLOCK_TABLE);

	t->table = kind;
	t->text = caption;
	return t;
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
	const struct tl_entry *a = x, *b = y;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* "Forløbet sat på pause på grund af ...", with its sessions if asked. */
static const char *
phase_what(struct arena *a, const struct phase *p, const struct date *as_of,
    int sessions)
{
	struct buf	 b;
	struct count	 c = count_at(&p->sessions, as_of);

	buf_init(&b, a);
	buf_puts(&b, p->name != NULL ? p->name : "");
	if (p->reason != NULL)
		buf_printf(&b, " på grund af %s", p->reason);
	if (sessions && c.set)
		buf_printf(&b, " (%s undervisningssessioner)",
		    fmt_number(a, c.value));
	return b.data;
}

/* s with its first letter in upper case (ASCII and æ, ø, å). */
static const char *
capital(struct arena *a, const char *s)
{
	static const char *const low[] = { "æ", "ø", "å" };
	static const char *const up[] = { "Æ", "Ø", "Å" };
	char	*t;
	size_t	 i;

	for (i = 0; i < 3; i++)
		if (strncmp(s, low[i], 2) == 0)
			return arena_printf(a, "%s%s", up[i], s + 2);
	t = arena_strdup(a, s);
	if (*t >= 'a' && *t <= 'z')
		*t = (char)(*t - 'a' + 'A');
	return t;
}

/* Whether a phase had begun by the date, or holds always (no dates). */
static int
begun(const struct phase *p, const struct date *as_of)
{
	struct date	 start, end;
	enum phase_state st = phase_at(p, as_of, &start, &end);

	return st == PHASE_UNDATED || st >= PHASE_BEGUN;
}

/*
 * An initiative's timeline as of the note: its phases and milestones as
 * entries in date order, for its table and the chart.
 */
static struct tl_entry *
entries(struct arena *a, const struct initiative *in, const struct note *nt,
    size_t *np)
{
	struct tl_entry	*e;
	struct buf	 b;
	struct date	 start, end;
	enum phase_state st;
	size_t		 n = 0, i, last_dated = (size_t)-1;
	long		 key = 0;

	e = arena_calloc(a, in->nphases + in->nmilestones + 1, sizeof(*e));
	/* The last phase begun by the note's date is the one going on. */
	for (i = in->nphases; i > 0 && last_dated == (size_t)-1; i--)
		if (phase_at(&in->phases[i - 1], &nt->as_of, &start, &end) >=
		    PHASE_BEGUN)
			last_dated = i - 1;
	for (i = 0; i < in->nphases; i++) {
		const struct phase *p = &in->phases[i];

		st = phase_at(p, &nt->as_of, &start, &end);
		if (st == PHASE_ABSENT)
			continue;
		buf_init(&b, a);
		if (start.kind != DATE_NONE) {
			key = start.first;
			if (end.kind == DATE_NONE)
				buf_puts(&b, "fra ");
			date_format(&b, &start, 0);
			if (end.kind != DATE_NONE) {
				buf_puts(&b, " – ");
				date_format(&b, &end, 0);
			}
		} else if (end.kind != DATE_NONE) {
			/* Its start not given, its end known: "til 7. juni". */
			buf_puts(&b, "til ");
			date_format(&b, &end, 0);
		} else
			buf_puts(&b, "Ikke oplyst");
		e[n].key = key;
		e[n].when = b.data;
		e[n].what = phase_what(a, p, &nt->as_of, 1);
		e[n].label = phase_what(a, p, &nt->as_of, 0);
		e[n].phase = 1;
		e[n].pause = p->kind == PHASE_PAUSE;
		e[n].start = start;
		e[n].end = end;
		if (st == PHASE_ENDED)
			e[n].state = ROW_DONE, e[n].status = "Afsluttet";
		else if (st == PHASE_PLANNED)
			e[n].state = ROW_EXPECTED, e[n].status = "Forventes";
		else if (end.kind != DATE_NONE || i == last_dated ||
		    (p->ongoing && st == PHASE_BEGUN &&
		    (p->ongoing_on.kind == DATE_NONE ||
		    known_by(&p->ongoing_on, &nt->as_of))))
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
		d = e[n].state == ROW_DONE ? &m->actual :
		    milestone_plan(m, &nt->as_of);
		if (d->kind == DATE_NONE)
			continue;
		e[n].key = d->first;
		e[n].when = fmt_date(a, d);
		e[n].iso = fmt_iso(a, d);
		e[n].what = e[n].label = m->label != NULL ? m->label : "";
		e[n].milestone = 1;
		e[n].start = *d;
		e[n].seq = n;
		n++;
	}
	qsort(e, n, sizeof(*e), cmp_entry);
	*np = n;
	return e;
}

/* The note's own events, as a timeline. */
static struct tl_entry *
event_entries(struct arena *a, const struct note *nt, size_t *np)
{
	struct tl_entry	*e;
	size_t		 i, n = 0;

	e = arena_calloc(a, nt->nevents + 1, sizeof(*e));
	for (i = 0; i < nt->nevents; i++) {
		const struct event *ev = &nt->events[i];

		if (ev->date.kind == DATE_NONE)
			continue;
		e[n].key = ev->date.first;
		e[n].seq = n;
		e[n].when = fmt_date(a, &ev->date);
		e[n].iso = fmt_iso(a, &ev->date);
		e[n].what = e[n].label = ev->label != NULL ? ev->label : "";
		e[n].start = ev->date;
		/* The note's own events after its date: what it expects. */
		if (known_by(&ev->date, &nt->as_of))
			e[n].state = ROW_DONE, e[n].status = "Gennemført";
		else
			e[n].state = ROW_EXPECTED, e[n].status = "Forventes";
		n++;
	}
	qsort(e, n, sizeof(*e), cmp_entry);
	*np = n;
	return e;
}

static struct block *
timeline(struct arena *a, const struct initiative *in, const struct note *nt)
{
	struct block	*t, *last = NULL;
	struct tl_entry	*e;
	size_t		 n, i;

	e = entries(a, in, nt, &n);
	if (n == 0)
		return NULL;
	t = table_of(a, TABLE_TIMELINE, arena_printf(a,
	    "Tidslinje for %s pr. %s", name_of(in), fmt_date(a, &nt->as_of)));
	append(t, &last, row(a, 1, ROW_NONE, "Hvornår", NULL, "Hvad",
	    "Status"));
	for (i = 0; i < n; i++)
		append(t, &last, row(a, 0, e[i].state, e[i].when, e[i].iso,
		    e[i].what, e[i].status));
	return t;
}

/* A count the Danish way: "16", "12,5 %", "ca. 16 mio. kr.". */
static const char *
fmt_count(struct arena *a, const struct count *c)
{
	struct quantity	 q = count_quantity(c);
	struct buf	 b;

	buf_init(&b, a);
	danish_quantity_format(&b, &q);
	return b.data;
}

/*
 * The change of a number since the note before: "+3", "−1", "uændret",
 * "−1,5 procentpoint", "+0,4 mio. kr."; "ny" for a number the note
 * before did not have, "–" when the unit changed.
 */
static const char *
change(struct arena *a, const struct count *now, const struct count *before)
{
	struct quantity	 x = count_quantity(now), y = count_quantity(before);
	struct buf	 b;

	if (!before->set)
		return "ny";
	buf_init(&b, a);
	danish_quantity_change(&b, &x, &y);
	return b.len > 0 ? b.data : "–";
}

struct figrows {
	struct arena	*a;
	struct block	*t;
	struct block	*last;
	int		 since;		/* a column of changes */
	int		 targets;	/* a column of targets */
	int		 references;	/* a column of comparisons */
	int		 quantities;	/* a value with a unit or decimals */
};

/*
 * A row: the label, the value, and as the table has columns for them,
 * the change since the note before, the target and what it is
 * compared with (fig: the figure, or NULL for the fixed rows).
 */
static struct block *
figure_row(struct figrows *f, const char *label, const struct count *now,
    const struct count *before, const struct figure *fig,
    const struct date *as_of)
{
	const char	*cells[5];
	struct block	*r;
	struct count	 t;
	size_t		 n = 0;
	int		 k;

	if (!now->set)
		return NULL;
	cells[n++] = label;
	cells[n++] = fmt_count(f->a, now);
	if (now->unit != NULL || now->decimals > 0)
		f->quantities = 1;
	if (f->since)
		cells[n++] = change(f->a, now, before);
	memset(&t, 0, sizeof(t));
	if (f->targets) {
		if (fig != NULL)
			t = count_at(&fig->target, as_of);
		cells[n++] = t.set ? fmt_count(f->a, &t) : "";
	}
	if (f->references) {
		if (fig != NULL)
			t = count_at(&fig->reference, as_of);
		cells[n++] = fig != NULL && t.set ? arena_printf(f->a,
		    "%s (%s)", fmt_count(f->a, &t), fig->ref_label != NULL ?
		    fig->ref_label : "") : "";
	}
	r = row_of(f->a, 0, ROW_NONE, cells, NULL, n);
	r->child->header = 1;	/* the label heads its row */
	/* The value as a number, for an initiative's chart of it. */
	r->child->next->numeric = 1;
	r->child->next->value = (double)now->value;
	for (k = 0; k < now->decimals; k++)
		r->child->next->value /= 10;
	append(f->t, &f->last, r);
	return r;
}

/* Whether a figure is shown by a note of as_of: not ended before it. */
static int
figure_shown(const struct figure *fig, const struct date *as_of)
{
	return !known_by(&fig->ends, as_of) || fig->ends.last >= as_of->first;
}

/* A figure's label, with the day or period it holds for if it says. */
static const char *
figure_label(struct arena *a, const struct figure *fig)
{
	const char	*l = fig->label != NULL ? fig->label : "";

	if (fig->as_of.kind != DATE_NONE)
		return arena_printf(a, "%s (pr. %s)", l, fmt_date(a,
		    &fig->as_of));
	if (fig->period.kind != DATE_NONE)
		return arena_printf(a, "%s (%s)", l, fmt_date(a,
		    &fig->period));
	return l;
}

/* The participant counts' rows, in participant_counts' order. */
static const char *const part_labels[PART__MAX] = {
	"Rekrutterede deltagere", "Deltagere ved opstart", "Faldet fra",
	"Gennemført", "Aktive deltagere"
};

/*
 * The participant counts of the whole initiative, or of one course with
 * its label: "Deltagere ved opstart (Forårsholdet)".
 */
static void
participant_rows(struct figrows *f, const struct participants *g,
    const struct date *as_of, const struct date *then, int labelled)
{
	struct participants p, q;
	const struct count *ps[PART__MAX], *qs[PART__MAX];
	struct block	*r;
	const char	*full;
	size_t		 i;

	participants_at(g, as_of, &p);
	participants_at(g, then, &q);
	participant_counts(&p, ps);
	participant_counts(&q, qs);
	for (i = 0; i < PART__MAX; i++) {
		full = g->label == NULL ? part_labels[i] : arena_printf(f->a,
		    "%s (%s)", part_labels[i], g->label);
		r = figure_row(f, labelled ? full : part_labels[i], ps[i],
		    qs[i], NULL, as_of);
		/* The same row in the notes that label it. */
		if (r != NULL)
			r->key = full;
	}
}

/* The sums of the courses: "Deltagere ved opstart i alt". */
static void
total_rows(struct figrows *f, const struct initiative *in,
    const struct date *as_of, const struct date *then)
{
	struct participants p, q;
	const struct count *ps[PART__MAX], *qs[PART__MAX];
	size_t		 i;

	participants_total(in, as_of, &p);
	participants_total(in, then, &q);
	participant_counts(&p, ps);
	participant_counts(&q, qs);
	for (i = 0; i < PART__MAX; i++)
		(void)figure_row(f, arena_printf(f->a, "%s i alt",
		    part_labels[i]), ps[i], qs[i], NULL, as_of);
}

/*
 * The key figures as of the note; with the change since the note
 * before that covers the initiative, when there is one.
 */
static struct block *
figures(struct arena *a, const struct content *c,
    const struct initiative *in, const struct note *nt)
{
	const struct note *prev = note_before(c, nt, in);
	struct figrows	 f;
	struct count	 x, y;
	struct date	 never;
	const struct date *then;
	const char	*head[5] = { "Tal", "Antal", NULL, NULL, NULL };
	size_t		 i, n;

	memset(&never, 0, sizeof(never));
	never.first = never.last = -(1L << 30);
	then = prev != NULL ? &prev->as_of : &never;
	memset(&f, 0, sizeof(f));
	f.a = a;
	f.since = prev != NULL;
	f.t = table_of(a, TABLE_FIGURES, arena_printf(a, "Tal for %s pr. %s",
	    name_of(in), fmt_date(a, &nt->as_of)));
	for (i = 0; i < in->nfigures; i++) {
		if (!figure_shown(&in->figures[i], &nt->as_of))
			continue;
		x = count_at(&in->figures[i].target, &nt->as_of);
		f.targets |= x.set;
		x = count_at(&in->figures[i].reference, &nt->as_of);
		f.references |= x.set;
	}
	n = 2;
	if (f.since)
		head[n++] = arena_printf(a, "Ændring siden %s",
		    fmt_date(a, &prev->as_of));
	if (f.targets)
		head[n++] = "Mål";
	if (f.references)
		head[n++] = "Sammenligning";
	append(f.t, &f.last, row_of(a, 1, ROW_NONE, head, NULL, n));
	if (in->staff.nroles == 0) {
		x = count_at(&in->staff.count, &nt->as_of);
		y = count_at(&in->staff.count, then);
		figure_row(&f, "Medarbejdere i indsatsen", &x, &y, NULL,
		    &nt->as_of);
	}
	for (i = 0; i < in->staff.nroles; i++) {
		const struct staff_role *sr = &in->staff.roles[i];

		x = count_at(&sr->count, &nt->as_of);
		y = count_at(&sr->count, then);
		/* "Centerchef", "Medarbejdere (Kulturhuset)" */
		figure_row(&f, arena_printf(a, "%s%s%s%s",
		    capital(a, sr->role != NULL ? sr->role : ""),
		    sr->unit_p != NULL ? " (" : "", sr->unit_p != NULL ?
		    sr->unit_p->name : "", sr->unit_p != NULL ? ")" : ""),
		    &x, &y, NULL, &nt->as_of);
	}
	/*
	 * The courses with a count by the note's date: one alone needs no
	 * label, so that turning the counts into a list of courses when a
	 * second begins leaves the notes before it as they were.
	 */
	for (i = n = 0; i < in->nparticipants; i++)
		n += participants_known(&in->participants[i], &nt->as_of);
	for (i = 0; i < in->nparticipants; i++)
		participant_rows(&f, &in->participants[i], &nt->as_of, then,
		    n > 1);
	/* With more than one course, their sums too. */
	if (n > 1)
		total_rows(&f, in, &nt->as_of, then);
	for (i = 0; i < in->nphases; i++) {
		const struct phase *ph = &in->phases[i];

		/* Sessions of a phase not begun by the note's date: none. */
		if (!begun(ph, &nt->as_of))
			continue;
		x = count_at(&ph->sessions, &nt->as_of);
		y = count_at(&ph->sessions, then);
		if (prev != NULL && !begun(ph, &prev->as_of))
			y.set = 0;
		figure_row(&f, arena_printf(a, "Undervisningssessioner: %s",
		    ph->name != NULL ? ph->name : ""), &x, &y, NULL,
		    &nt->as_of);
	}
	for (i = 0; i < in->nfigures; i++) {
		if (!figure_shown(&in->figures[i], &nt->as_of))
			continue;
		x = count_at(&in->figures[i].value, &nt->as_of);
		y = count_at(&in->figures[i].value, then);
		/* An ended figure the note before showed: not "uændret". */
		if (prev != NULL && !figure_shown(&in->figures[i], then))
			y.set = 0;
		figure_row(&f, figure_label(a, &in->figures[i]), &x, &y,
		    &in->figures[i], &nt->as_of);
	}
	/* Not "Antal" over kroner and percentages. */
	if (f.quantities && f.t->child->child->next != NULL)
		f.t->child->child->next->inl = text_inline(a, "Værdi");
	return f.t->child->next != NULL ? f.t : NULL;
}

/*
 * A note's title in the definite form, as the fixed words about it need
 * it ("Statusnotatet som PDF"): the usual titles by name, else by their
 * ending, else "Notatet".
 */
static const char *
definite(struct arena *a, const char *title)
{
	static const char *const known[][2] = {
		{ "Status", "Status" }, { "Orientering", "Orienteringen" },
		{ "Redegørelse", "Redegørelsen" }, { "Oversigt", "Oversigten" },
		{ "Afrapportering", "Afrapporteringen" },
		{ "Indstilling", "Indstillingen" }
	};
	size_t	 i, n = strlen(title);

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strcmp(title, known[i][0]) == 0)
			return known[i][1];
	if (n > 5 && strcmp(title + n - 5, "notat") == 0)
		return arena_printf(a, "%set", title);
	if (n > 3 && strcmp(title + n - 3, "ing") == 0)
		return arena_printf(a, "%sen", title);
	if (n > 1 && title[n - 1] == 'e' && strchr(title, ' ') == NULL)
		return arena_printf(a, "%sn", title);
	return "Notatet";
}

/* "A", "A og B", "A, B og C". */
static const char *
join(struct arena *a, const char *const *v, size_t n)
{
	struct buf	 b;

	buf_init(&b, a);
	danish_list(&b, v, n);
	return b.data;
}

/* s with its first letter in lower case (ASCII titles). */
static const char *
lower(struct arena *a, const char *s)
{
	char	*t = arena_strdup(a, s);

	if (*t >= 'A' && *t <= 'Z')
		*t = (char)(*t - 'A' + 'a');
	return t;
}

/* A row of the forecast ledger: what, expected when, and the outcome. */
static void
ledger_row(struct arena *a, struct block *t, struct block **last,
    const char *what, const char *when, const struct date *was,
    const char *outcome, enum row_state st)
{
	const char	*cells[4], *isos[4] = { NULL, NULL, NULL, NULL };

	cells[0] = what != NULL ? what : "";
	cells[1] = when;
	isos[1] = fmt_iso(a, was);
	cells[2] = outcome;
	cells[3] = st == ROW_DONE ? "Indfriet" : st == ROW_OVERDUE ?
	    "Forsinket" : st == ROW_CHANGED ? "Ændret" : "Åben";
	append(t, last, row_of(a, 0, st, cells, isos, 4));
	(*last)->child->header = 1;
}

/*
 * The forecast ledger of an initiative: what the note before expected,
 * with a date, against what had happened by this note.
 */
static struct block *
forecasts(struct arena *a, struct diag *d, const struct content *c,
    const struct initiative *in, const struct note *nt,
    const struct section *s)
{
	const struct note *prev = note_before(c, nt, in);
	const struct milestone *m;
	const struct date *was, *now;
	const struct replan *r;
	struct block	*t, *last = NULL, *p;
	const char	*cells[4];
	const char	*outcome;
	enum row_state	 st;
	size_t		 i, j, n = 0;

	if (prev == NULL) {
		diag_msg(d, DIAG_WARNING, s->pos.file, s->pos.line, s->pos.col,
		    "\"forecasts\": no earlier note covers %s, so there is no "
		    "forecast to follow up", name_of(in));
		return NULL;
	}
	t = table_of(a, TABLE_FORECASTS, arena_printf(a, "Forventninger til "
	    "%s i %s af %s", name_of(in), lower(a, definite(a, prev->title)),
	    fmt_date(a, &prev->date)));
	cells[0] = "Forventning";
	cells[1] = "Forventet";
	cells[2] = arena_printf(a, "Pr. %s", fmt_date(a, &nt->as_of));
	cells[3] = "Status";
	append(t, &last, row_of(a, 1, ROW_NONE, cells, NULL, 4));
	for (i = 0; i < in->nmilestones; i++) {
		m = &in->milestones[i];
		was = milestone_plan(m, &prev->as_of);
		if (was->kind == DATE_NONE ||
		    milestone_status(m, &prev->as_of) == STATUS_DONE)
			continue;
		now = milestone_plan(m, &nt->as_of);
		if (milestone_status(m, &nt->as_of) == STATUS_DONE) {
			outcome = arena_printf(a, "Gennemført %s",
			    fmt_date(a, &m->actual));
			st = m->actual.first <= was->last ? ROW_DONE :
			    ROW_OVERDUE;
		} else if (date_cmp(now, was) != 0) {
			outcome = arena_printf(a, "Nu forventet %s",
			    fmt_date(a, now));
			for (j = 0; j < m->nreplans; j++) {
				r = &m->replans[j];
				if (now == &r->planned && r->reason != NULL)
					outcome = arena_printf(a, "%s: %s",
					    outcome, r->reason);
			}
			st = ROW_CHANGED;
		} else if (was->last < nt->as_of.first) {
			outcome = "Ikke gennemført";
			st = ROW_OVERDUE;
		} else {
			outcome = "Forventes stadig";
			st = ROW_EXPECTED;
		}
		ledger_row(a, t, &last, m->label, fmt_date(a, was), was,
		    outcome, st);
		n++;
	}
	/* A phase the earlier note expected: has it begun? */
	for (i = 0; i < in->nphases; i++) {
		const struct phase *ph = &in->phases[i];
		struct date	 ws, we, ns, ne;

		if (phase_at(ph, &prev->as_of, &ws, &we) != PHASE_PLANNED)
			continue;
		if (phase_at(ph, &nt->as_of, &ns, &ne) >= PHASE_BEGUN) {
			outcome = arena_printf(a, "Begyndt %s",
			    fmt_date(a, &ns));
			st = ns.first <= ws.last ? ROW_DONE : ROW_OVERDUE;
		} else if (phase_plan(ph, &nt->as_of, &ns, &ne) &&
		    date_cmp(&ns, &ws) != 0) {
			/* The plan changed since: when, and why. */
			outcome = arena_printf(a, "Nu forventet fra %s",
			    fmt_date(a, &ns));
			for (j = 0; j < ph->nreplans; j++)
				if (known_by(&ph->replans[j].date,
				    &nt->as_of) && date_cmp(&ph->replans[j].
				    planned, &ns) == 0 &&
				    ph->replans[j].reason != NULL)
					outcome = arena_printf(a, "Nu forventet "
					    "fra %s: %s", fmt_date(a, &ns),
					    ph->replans[j].reason);
			st = ROW_CHANGED;
		} else if (ws.last < nt->as_of.first) {
			outcome = "Ikke begyndt";
			st = ROW_OVERDUE;
		} else {
			outcome = "Forventes stadig";
			st = ROW_EXPECTED;
		}
		ledger_row(a, t, &last, ph->name, arena_printf(a, "fra %s",
		    fmt_date(a, &ws)), &ws, outcome, st);
		n++;
	}
	if (n > 0)
		return t;
	p = new_block(a, BLOCK_PARA);
	p->inl = text_inline(a, arena_printf(a, "%s af %s "
	    "forventede intet med dato for %s.", definite(a, prev->title),
	    fmt_date(a, &prev->date),
	    name_of(in)));
	return p;
}

/*
 * The timeline chart of a section: its initiative's lane, or else a
 * lane for each of the note's initiatives and one for its events.
 */
static struct block *
chart(struct arena *a, const struct chart_opts *o, const struct note *nt,
    const struct section *s, int *nchart)
{
	struct tl_lane	*lanes;
	struct block	*b, *t, *last = NULL;
	struct chart	*ch;
	struct buf	 title;
	const char	*cells[4], *isos[4] = { NULL, NULL, NULL, NULL };
	size_t		 i, j, n = 0, named = 0;

	lanes = arena_calloc(a, nt->ninitiatives + 2, sizeof(*lanes));
	buf_init(&title, a);
	buf_puts(&title, "Tidslinje for ");
	for (i = 0; i < (s->initiative_p != NULL ? 1 : nt->ninitiatives);
	    i++) {
		const struct initiative *in = s->initiative_p != NULL ?
		    s->initiative_p : nt->initiatives_p[i];

		if (in == NULL)
			continue;
		lanes[n].name = name_of(in);
		lanes[n].e = entries(a, in, nt, &lanes[n].n);
		n++;
	}
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(&title, i + 1 == n ? " og " : ", ");
		buf_puts(&title, lanes[i].name);
		named++;
	}
	if (s->initiative_p == NULL && nt->nevents > 0) {
		lanes[n].name = "Andre begivenheder";
		lanes[n].e = event_entries(a, nt, &lanes[n].n);
		n++;
	}
	if (named == 0)
		buf_puts(&title, lower(a, definite(a, nt->title)));
	ch = chart_make(a, o, lanes, n, &nt->as_of, fmt_date(a, &nt->as_of),
	    title.data, definite(a, nt->title));
	if (ch == NULL)
		return NULL;
	ch->id = (*nchart)++ == 0 ? "tidslinje" :
	    arena_printf(a, "tidslinje-%d", *nchart);
	b = new_block(a, BLOCK_CHART);
	b->chart = ch;
	b->text = ch->title;
	/* The same, as a table for those who cannot see the chart. */
	t = table_of(a, TABLE_CHART, arena_printf(a, "%s som tabel",
	    ch->title));
	cells[0] = "Indsats";
	cells[1] = "Hvornår";
	cells[2] = "Hvad";
	cells[3] = "Status";
	append(t, &last, row_of(a, 1, ROW_NONE, cells, NULL, 4));
	for (i = 0; i < n; i++)
		for (j = 0; j < lanes[i].n; j++) {
			const struct tl_entry *e = &lanes[i].e[j];

			if (e->start.kind == DATE_NONE)
				continue;
			cells[0] = lanes[i].name;
			cells[1] = e->when;
			isos[1] = e->iso;
			cells[2] = e->what;
			cells[3] = e->status;
			append(t, &last, row_of(a, 0, e->state, cells, isos,
			    4));
		}
	b->child = t;
	return b;
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

/*
 * Add id to the set ids (an open-addressing table of cap, a power of
 * two, never more than half full); 0 if it was there already.
 */
static int
id_add(const char **ids, size_t cap, const char *id)
{
	size_t		 h = 5381;
	const char	*p;

	for (p = id; *p != '\0'; p++)
		h = h * 33 + (unsigned char)*p;
	for (h &= cap - 1; ids[h] != NULL; h = (h + 1) & (cap - 1))
		if (strcmp(ids[h], id) == 0)
			return 0;
	ids[h] = id;
	return 1;
}

/*
 * The narratives one note reads, and all notes, are bounded in bytes
 * (a narrative may be read by many sections): 0 after an error at the
 * section that would pass a bound.
 */
static int
text_bound(struct diag *d, const struct section *s, size_t *note,
    size_t *total)
{
	struct stat	 st;

	if (stat(s->narrative, &st) == -1 || !S_ISREG(st.st_mode))
		return 1;	/* narrative_load says why */
	*note += (size_t)st.st_size;
	*total += (size_t)st.st_size;
	if (*note > MODEL_MAX_NOTE_TEXT)
		diag_msg(d, DIAG_ERROR, s->pos.file, s->pos.line, s->pos.col,
		    "the note's narratives are more than %d MB together by "
		    "this section: split it into several notes",
		    MODEL_MAX_NOTE_TEXT / (1024 * 1024));
	else if (*total > MODEL_MAX_TEXT)
		diag_msg(d, DIAG_ERROR, s->pos.file, s->pos.line, s->pos.col,
		    "the notes' narratives are more than %d MB together by "
		    "this section: is content here that should not be?",
		    MODEL_MAX_TEXT / (1024 * 1024));
	else
		return 1;
	return 0;
}

/*
 * The note's attachments, listed under "Bilag" as links to the files
 * published beside it, with their kind: "Handlingsplan (PDF)".
 */
static struct block *
attachments(struct arena *a, struct report_note *rn,
    const struct narrative_files *f)
{
	struct block	*sec, *h, *list, *item, *p, *last = NULL, *ilast;
	struct inline_	*link;
	const char	*kind;
	size_t		 i;

	rn->files = arena_calloc(a, f->n, sizeof(*rn->files));
	rn->nfiles = f->n;
	sec = new_block(a, BLOCK_SECTION);
	sec->id = "bilag";
	h = new_block(a, BLOCK_HEADING);
	h->level = 2;
	h->inl = text_inline(a, "Bilag");
	append(sec, &last, h);
	list = new_block(a, BLOCK_LIST);
	list->tight = 1;
	append(sec, &last, list);
	ilast = NULL;
	for (i = 0; i < f->n; i++) {
		rn->files[i].name = f->v[i].name;
		rn->files[i].path = f->v[i].path;
		kind = narrative_attach_kind(f->v[i].name);
		link = arena_calloc(a, 1, sizeof(*link));
		link->type = INL_LINK;
		link->url = f->v[i].name;
		link->child = text_inline(a, f->v[i].title != NULL ?
		    f->v[i].title : f->v[i].name);
		if (kind != NULL)
			link->next = text_inline(a, arena_printf(a, " (%s)",
			    kind));
		p = new_block(a, BLOCK_PARA);
		p->inl = link;
		item = new_block(a, BLOCK_ITEM);
		item->child = p;
		append(list, &ilast, item);
	}
	return sec;
}

/* s as a sentence: with a full stop, unless it ends in one of .!? */
static const char *
sentence(struct arena *a, const char *s)
{
	size_t	 n = strlen(s);

	return n > 0 && strchr(".!?", s[n - 1]) != NULL ? s :
	    arena_printf(a, "%s.", s);
}

/*
 * The corrections of a published note, as public bodies print them:
 * "Rettet 5. juli 2022: what. Begrundelse: why", oldest first.
 */
static struct block *
corrections(struct arena *a, const struct note *nt)
{
	struct block	*sec, *h, *p, *last = NULL;
	const struct correction *k;
	const char	*what, *why;
	size_t		 i;

	sec = new_block(a, BLOCK_SECTION);
	sec->id = "rettelser";
	h = new_block(a, BLOCK_HEADING);
	h->level = 2;
	h->inl = text_inline(a, "Rettelser");
	append(sec, &last, h);
	for (i = 0; i < nt->ncorrections; i++) {
		k = &nt->corrections[i];
		what = k->what != NULL ? k->what : "";
		p = new_block(a, BLOCK_PARA);
		p->line = k->pos.line;
		why = k->why != NULL ? sentence(a, k->why) : NULL;
		p->inl = text_inline(a, arena_printf(a, "Rettet %s: %s%s%s",
		    fmt_date(a, &k->date), why == NULL ? what :
		    sentence(a, what), why == NULL ? "" : " Begrundelse: ",
		    why == NULL ? "" : why));
		append(sec, &last, p);
	}
	return sec;
}

/* Whom all the notes are for, each once, in the order they first come. */
static void
recipients(struct arena *a, const struct content *c, struct report *r)
{
	const char	**all;
	size_t		 i, j, k, n = 0, total = 0;

	for (i = 0; i < c->nnotes; i++)
		total += c->notes[i].nto;
	all = arena_calloc(a, total + 1, sizeof(*all));
	/* Oldest first, as the council first heard of them. */
	for (i = c->nnotes; i > 0; i--)
		for (j = 0; j < c->notes[i - 1].nto; j++) {
			for (k = 0; k < n; k++)
				if (strcmp(all[k], c->notes[i - 1].to[j]) == 0)
					break;
			if (k == n)
				all[n++] = c->notes[i - 1].to[j];
		}
	if (n == 0)
		all[n++] = "Byrådet";
	r->recipients = join(a, all, n);
	/* Not all notes for the same: each says for whom. */
	for (i = 1; i < c->nnotes; i++) {
		if (c->notes[i].nto != c->notes[0].nto)
			r->many_recipients = 1;
		for (j = 0; j < c->notes[i].nto && !r->many_recipients; j++)
			if (strcmp(c->notes[i].to[j], c->notes[0].to[j]) != 0)
				r->many_recipients = 1;
	}
}

static int
layout_note(struct arena *a, struct diag *d, const struct content *c,
    const struct chart_opts *co, const struct note *nt,
    struct report_initiative *const *pages, struct report_note *rn,
    size_t *total)
{
	struct names	 names;
	struct arena	 na;		/* the names: gone with the note */
	struct narrative_opts o;
	struct block	*body, *last = NULL, *sec, *slast, *b, *h;
	unsigned long long pixels = 0;	/* of the note's images */
	struct narrative_images images;	/* their names */
	struct narrative_files files;	/* the attachments */
	const char	**names_of;	/* of its initiatives */
	const char	**ids, *base;	/* the sections' anchors, a set */
	size_t		 i, j, idcap, text = 0;
	int		 ok = 1, level, nchart = 0;

	rn->id = nt->id;
	rn->dir = nt->dir;
	rn->date = fmt_date(a, &nt->date);
	rn->date_iso = fmt_iso(a, &nt->date);
	rn->title = nt->title;
	rn->definite = definite(a, nt->title);
	rn->to = join(a, nt->to, nt->nto);
	rn->subject = nt->subject != NULL ? nt->subject : "";
	rn->regarding = arena_printf(a, "Vedr. %s", rn->subject);
	rn->sender = nt->sender_p != NULL ? nt->sender_p->name : "";
	names_of = arena_calloc(a, nt->ninitiatives + 1, sizeof(*names_of));
	rn->pages = arena_calloc(a, nt->ninitiatives + 1, sizeof(*rn->pages));
	for (i = j = 0; i < nt->ninitiatives; i++)
		if (nt->initiatives_p[i] != NULL) {
			names_of[j++] = name_of(nt->initiatives_p[i]);
			rn->pages[rn->npages++] =
			    pages[nt->initiatives_p[i] - c->initiatives];
		}
	rn->initiatives = join(a, names_of, j);

	arena_init(&na);
	names_build(&names, &na, c, nt);
	memset(&o, 0, sizeof(o));
	o.names = &names;
	o.quotes = c->site.quotes;
	o.dir = nt->dir;
	o.root = c->dir;
	o.pixels = &pixels;
	memset(&images, 0, sizeof(images));
	images.a = &na;
	o.images = &images;
	memset(&files, 0, sizeof(files));
	files.a = a;
	o.files = &files;
	o.fonts = c->fonts;
	/* What is stale is the newest note's: the one being written. */
	o.stale = c->nnotes > 1 && nt == &c->notes[0];
	if (o.stale) {
		o.stale_dir = c->notes[1].dir;
		o.stale_id = c->notes[1].id;
	}

	for (idcap = 16; idcap < 2 * nt->nsections; idcap *= 2)
		continue;
	ids = arena_calloc(&na, idcap, sizeof(*ids));
	body = new_block(a, BLOCK_SECTION);
	for (i = 0; i < nt->nsections; i++) {
		const struct section *s = &nt->sections[i];

		sec = new_block(a, BLOCK_SECTION);
		sec->line = s->pos.line;
		if (s->initiative_p != NULL)
			sec->initiative =
			    pages[s->initiative_p - c->initiatives];
		slast = NULL;
		if (s->title != NULL) {
			/* Two sections with one title need two anchors. */
			base = slug(a, s->title, i);
			for (sec->id = base, j = 2; !id_add(ids, idcap,
			    sec->id); j++)
				sec->id = arena_printf(a, "%s-%zu", base, j);
			h = new_block(a, BLOCK_HEADING);
			h->level = 2;
			h->id = sec->id;
			h->inl = text_inline(a, s->title);
			append(sec, &slast, h);
		}
		if (s->narrative != NULL && !text_bound(d, s, &text, total)) {
			ok = 0;
			break;
		}
		if (s->narrative != NULL) {
			o.heading_shift = s->title != NULL ? 2 : 1;
			b = narrative_load(a, d, s->narrative, &s->pos, &o, &ok);
			for (; b != NULL; b = b->next)
				append(sec, &slast, b);
		}
		if (s->chart && co != NULL &&
		    (b = chart(a, co, nt, s, &nchart)) != NULL)
			append(sec, &slast, b);
		if (s->initiative_p != NULL) {
			if ((b = timeline(a, s->initiative_p, nt)) != NULL)
				append(sec, &slast, b);
			if ((b = figures(a, c, s->initiative_p, nt)) != NULL)
				append(sec, &slast, b);
		}
		for (j = 0; s->forecasts && j < (s->initiative_p != NULL ?
		    1 : nt->ninitiatives); j++) {
			const struct initiative *in = s->initiative_p != NULL ?
			    s->initiative_p : nt->initiatives_p[j];

			if (in != NULL &&
			    (b = forecasts(a, d, c, in, nt, s)) != NULL)
				append(sec, &slast, b);
		}
		append(body, &last, sec);
	}
	for (i = 0; i < nt->nattachments; i++)
		if (narrative_attach(d, c->dir, nt->dir,
		    nt->attachments[i].file, nt->attachments[i].title,
		    nt->file, nt->attachments[i].pos.line,
		    nt->attachments[i].pos.col, &files) == -1)
			ok = 0;
	if (files.n > 0) {
		sec = attachments(a, rn, &files);
		for (base = sec->id, j = 2; !id_add(ids, idcap, sec->id); j++)
			sec->id = arena_printf(a, "%s-%zu", base, j);
		sec->child->id = sec->id;
		append(body, &last, sec);
	}
	if (nt->ncorrections > 0) {
		sec = corrections(a, nt);
		for (base = sec->id, j = 2; !id_add(ids, idcap, sec->id); j++)
			sec->id = arena_printf(a, "%s-%zu", base, j);
		sec->child->id = sec->id;
		append(body, &last, sec);
	}
	arena_fini(&na);
	rn->body = body->child;
	level = 1;
	nest_headings(rn->body, &level);
	return ok ? 0 : -1;
}

/*
 * The logo must be a file of the content folder.  The PDF shows a PNG
 * or JPEG logo: its size, and whether it can; an SVG logo is published
 * as it is, so it must be a static drawing (svgcheck.c).
 */
static int
inspect_logo(struct arena *a, struct diag *d, const struct content *c,
    struct report *r)
{
	struct image_info info;
	const char	*data, *ext = strrchr(c->site.logo, '.');
	char		 err[256];
	size_t		 len;
	int		 line, col, svg = strcmp(ext, ".svg") == 0;

	if ((data = fs_read_in(a, d, c->dir, r->logo_path, svg ?
	    SVG_MAX_BYTES : IMAGE_MAX_BYTES, &len, 1)) == NULL)
		return -1;
	if (svg) {
		if (svg_check_in(d->lang, data, len, &line, &col, err,
		    sizeof(err)) == 0)
			return 0;
		diag_msg(d, DIAG_ERROR, r->logo_path, line, col, "%s", err);
		return -1;
	}
	if (image_inspect_in(d->lang, (const unsigned char *)data, len,
	    &info, err,
	    sizeof(err)) == -1) {
		diag_msg(d, DIAG_ERROR, c->site.file, 0, 0, "logo %s: %s",
		    c->site.logo, err);
		return -1;
	}
	if (image_kind_of_name(c->site.logo) != info.kind) {
		diag_msg(d, DIAG_ERROR, c->site.file, 0, 0, "logo %s is a %s "
		    "file, but its name says otherwise: rename it to end in "
		    "%s", c->site.logo, info.kind == IMAGE_PNG ? "PNG" : "JPEG",
		    info.kind == IMAGE_PNG ? ".png" : ".jpg");
		return -1;
	}
	r->logo_px_width = info.width;
	r->logo_px_height = info.height;
	return 0;
}

/*
 * The notes as a series: each one's year, a heading that tells it from
 * the others (its year, else its date, with its subject), the note it
 * follows up (the newest earlier one on one of its initiatives) and
 * the one that followed it up (the oldest later one).
 */
static void
series(struct arena *a, const struct content *c, struct report *r)
{
	struct report_note *rn;
	const struct note *nt, *o;
	char		*same;
	size_t		 i, j;

	for (i = 0; i < r->nnotes; i++) {
		rn = &r->notes[i];
		rn->year = arena_strndup(a, rn->date_iso, 4);
		rn->heading = *rn->subject != '\0' ? arena_printf(a,
		    "%s %s: %s", rn->title, rn->year, rn->subject) :
		    arena_printf(a, "%s %s", rn->title, rn->year);
	}
	/* Two notes of a year on one subject: their dates tell them apart. */
	same = arena_calloc(a, r->nnotes + 1, 1);
	for (i = 0; i < r->nnotes; i++)
		for (j = i + 1; j < r->nnotes; j++)
			if (strcmp(r->notes[i].heading,
			    r->notes[j].heading) == 0)
				same[i] = same[j] = 1;
	for (i = 0; i < r->nnotes; i++) {
		rn = &r->notes[i];
		if (same[i])
			rn->heading = *rn->subject != '\0' ? arena_printf(a,
			    "%s %s: %s", rn->title, rn->date, rn->subject) :
			    arena_printf(a, "%s %s", rn->title, rn->date);
	}
	/* Newest first: the notes after i come before it. */
	for (i = 0; i < c->nnotes; i++) {
		nt = &c->notes[i];
		if ((o = note_follows(c, nt)) != NULL)
			r->notes[i].follows = &r->notes[o - c->notes];
		for (j = i; j > 0; j--) {
			o = &c->notes[j - 1];
			if (o->as_of.first > nt->as_of.last &&
			    notes_share(nt, o)) {
				r->notes[i].followed = &r->notes[j - 1];
				break;
			}
		}
	}
}

/*
 * The index's groups: the notes of each year, newest first, and within
 * a year, when the notes go to several recipients, one group for each
 * in the order their newest note comes.
 */
static void
groups(struct arena *a, struct report *r)
{
	struct report_group *g;
	size_t		 i, j, k, end;

	r->groups = arena_calloc(a, r->nnotes + 1, sizeof(*r->groups));
	for (i = 0; i < r->nnotes; i = end) {
		for (end = i + 1; end < r->nnotes && strcmp(r->notes[end].year,
		    r->notes[i].year) == 0; end++)
			continue;
		for (j = i; j < end; j++) {
			/* A group for each recipient, where it first comes. */
			for (k = i; k < j; k++)
				if (strcmp(r->notes[k].to, r->notes[j].to) == 0)
					break;
			if (r->many_recipients ? k < j : j > i)
				continue;
			g = &r->groups[r->ngroups++];
			g->year = r->notes[j].year;
			g->first = j == i;
			g->to = r->many_recipients ? r->notes[j].to : NULL;
			g->notes = arena_calloc(a, end - j, sizeof(*g->notes));
			for (k = j; k < end; k++)
				if (!r->many_recipients ||
				    strcmp(r->notes[k].to, r->notes[j].to) == 0)
					g->notes[g->nnotes++] = &r->notes[k];
		}
	}
}

/* "2", "2 (Center for ...)", "1 centerchef, 2 medarbejdere (...)". */
static const char *
staff_text(struct arena *a, const struct initiative *in,
    const struct date *as_of)
{
	const char	**v;
	struct count	 x;
	size_t		 i, n = 0;

	v = arena_calloc(a, in->staff.nroles + 1, sizeof(*v));
	for (i = 0; i < in->staff.nroles; i++) {
		const struct staff_role *sr = &in->staff.roles[i];

		x = count_at(&sr->count, as_of);
		v[n++] = arena_printf(a, "%s%s%s%s%s%s", x.set ?
		    fmt_count(a, &x) : "", x.set ? " " : "",
		    sr->role != NULL ? sr->role : "", sr->unit_p != NULL ?
		    " (" : "", sr->unit_p != NULL ? sr->unit_p->name : "",
		    sr->unit_p != NULL ? ")" : "");
	}
	if (n > 0)
		return join(a, v, n);
	x = count_at(&in->staff.count, as_of);
	if (!x.set)
		return NULL;
	return arena_printf(a, "%s%s%s%s", fmt_count(a, &x),
	    in->staff.unit_p != NULL ? " (" : "", in->staff.unit_p != NULL ?
	    in->staff.unit_p->name : "", in->staff.unit_p != NULL ? ")" : "");
}

static void
fact(struct arena *a, struct report_initiative *p, const char *label,
    const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	p->facts[p->nfacts].label = label;
	p->facts[p->nfacts++].value = arena_strdup(a, value);
}

/* The text of a cell made by cell(). */
static const char *
cell_text(const struct block *c)
{
	return c != NULL && c->inl != NULL ? c->inl->text : "";
}

/* What a figures row counts, to line it up with other notes' rows. */
static const char *
key_of(const struct block *r)
{
	return r->key != NULL ? r->key : cell_text(r->child);
}

/*
 * The initiative's figures note by note: the figures table of each
 * note on it (so that each value is the one that note showed), turned
 * into a small table for each figure, its values by the notes' dates,
 * oldest first, in the order of the newest note's table.
 */
static struct block *
figures_over_time(struct arena *a, const struct content *c,
    const struct chart_opts *co, const struct initiative *in,
    const struct note *const *notes, size_t n)
{
	struct block	**tables, *t, *r, *b, *head = NULL, *last = NULL;
	const char	**keys, **labels, **what, *cells[2], *isos[2];
	const char	**dates, **texts;
	double		*values;
	struct buf	 desc;
	struct chart	*ch;
	size_t		 nl = 0, cap = 0, i, k, nv;

	tables = arena_calloc(a, n + 1, sizeof(*tables));
	for (i = 0; i < n; i++) {
		tables[i] = figures(a, c, in, notes[i]);
		for (r = tables[i] != NULL ? tables[i]->child : NULL;
		    r != NULL; r = r->next)
			if (!r->header)
				cap++;
	}
	keys = arena_calloc(a, cap + 1, sizeof(*keys));
	labels = arena_calloc(a, cap + 1, sizeof(*labels));
	what = arena_calloc(a, cap + 1, sizeof(*what));
	for (i = 0; i < n; i++)
		for (r = tables[i] != NULL ? tables[i]->child : NULL;
		    r != NULL; r = r->next) {
			if (r->header)
				continue;
			for (k = 0; k < nl; k++)
				if (strcmp(keys[k], key_of(r)) == 0)
					break;
			if (k < nl)
				continue;
			/* Said as the newest note on it says it. */
			keys[nl] = key_of(r);
			labels[nl] = cell_text(r->child);
			/* "Antal" or "Værdi", as the note's table says. */
			what[nl++] = cell_text(tables[i]->child->child->next);
		}
	/* A label may head several rows of a note: cap, not n, bounds them. */
	dates = arena_calloc(a, cap + 1, sizeof(*dates));
	texts = arena_calloc(a, cap + 1, sizeof(*texts));
	values = arena_calloc(a, cap + 1, sizeof(*values));
	for (k = 0; k < nl; k++) {
		struct block	*tlast = NULL;

		nv = 0;
		buf_init(&desc, a);
		buf_printf(&desc, "%s:", labels[k]);
		t = table_of(a, TABLE_FIGURES, labels[k]);
		cells[0] = "Statusnotat";
		cells[1] = what[k];
		append(t, &tlast, row_of(a, 1, ROW_NONE, cells, NULL, 2));
		for (i = n; i > 0; i--)
			for (r = tables[i - 1] != NULL ?
			    tables[i - 1]->child : NULL; r != NULL;
			    r = r->next)
				if (!r->header &&
				    strcmp(key_of(r), keys[k]) == 0) {
					cells[0] = fmt_date(a, &notes[i - 1]->date);
					isos[0] = fmt_iso(a, &notes[i - 1]->date);
					cells[1] = cell_text(r->child->next);
					isos[1] = NULL;
					append(t, &tlast, row_of(a, 0, ROW_NONE,
					    cells, isos, 2));
					tlast->child->header = 1;
					if (!r->child->next->numeric)
						continue;
					dates[nv] = cells[0];
					texts[nv] = cells[1];
					values[nv++] = r->child->next->value;
					buf_printf(&desc, "%s %s pr. %s",
					    nv > 1 ? "," : "", cells[1],
					    cells[0]);
				}
		buf_puts(&desc, ".");
		/* Two values or more: a small chart, with the table. */
		b = t;
		if (co != NULL && nv > 1 && (ch = chart_bars(a, co, dates,
		    texts, values, nv, labels[k], desc.data)) != NULL) {
			ch->id = arena_printf(a, "tal-%zu", k + 1);
			b = new_block(a, BLOCK_CHART);
			b->chart = ch;
			b->text = ch->title;
			b->child = t;
		}
		if (head == NULL)
			head = b;
		else
			last->next = b;
		last = b;
	}
	return head;
}

/*
 * An initiative's page, for those it has: what it is, its timeline as
 * of the newest note on it, its figures note by note and the notes.
 */
static void
initiative_page(struct arena *a, const struct content *c,
    const struct chart_opts *co, const struct initiative *in,
    struct report *r, struct report_initiative *p)
{
	const struct note **notes;
	const struct note *nt;
	const char	**v;
	struct section	 s;
	struct block	*b;
	size_t		 i, n = 0;
	int		 nchart = 0;

	notes = arena_calloc(a, c->nnotes + 1, sizeof(*notes));
	p->notes = arena_calloc(a, c->nnotes + 1, sizeof(*p->notes));
	for (i = 0; i < c->nnotes; i++)
		if (note_covers(&c->notes[i], in)) {
			notes[n++] = &c->notes[i];
			p->notes[p->nnotes++] = &r->notes[i];
		}
	nt = notes[0];
	p->as_of = fmt_date(a, &nt->as_of);
	p->facts = arena_calloc(a, 6, sizeof(*p->facts));
	fact(a, p, "Udviklet af", in->origin);
	if (in->founded.kind != DATE_NONE)
		fact(a, p, "Startet", fmt_date(a, &in->founded));
	fact(a, p, "Ansvarlig", in->owner_p != NULL ? in->owner_p->name :
	    NULL);
	if (in->established.kind != DATE_NONE)
		fact(a, p, "I kommunen siden", fmt_date(a, &in->established));
	v = arena_calloc(a, in->npartners + 1, sizeof(*v));
	for (i = n = 0; i < in->npartners; i++)
		if (in->partners_p != NULL && in->partners_p[i] != NULL)
			v[n++] = in->partners_p[i]->name;
	fact(a, p, "Samarbejdspartnere", join(a, v, n));
	fact(a, p, arena_printf(a, "Medarbejdere pr. %s", p->as_of),
		    staff_text(a, in, &nt->as_of));
	memset(&s, 0, sizeof(s));
	s.initiative_p = in;
	s.chart = 1;
	if (co == NULL || (b = chart(a, co, nt, &s, &nchart)) == NULL)
		b = timeline(a, in, nt);
	p->timeline = b;
	p->figures = figures_over_time(a, c, co, in, notes, p->nnotes);
}

int
layout_report(struct arena *a, struct diag *d, const struct content *c,
    const struct chart_opts *co, struct report *r)
{
	struct report_initiative **pages;
	size_t	 i, j, text = 0;
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
	recipients(a, c, r);
	/* A page for each initiative a note covers, in the order of ids. */
	pages = arena_calloc(a, c->ninitiatives + 1, sizeof(*pages));
	r->initiatives = arena_calloc(a, c->ninitiatives + 1,
	    sizeof(*r->initiatives));
	for (i = 0; i < c->ninitiatives; i++) {
		for (j = 0; j < c->nnotes; j++)
			if (note_covers(&c->notes[j], &c->initiatives[i]))
				break;
		if (j == c->nnotes)
			continue;
		pages[i] = &r->initiatives[r->ninitiatives++];
		pages[i]->id = c->initiatives[i].id;
		pages[i]->name = name_of(&c->initiatives[i]);
	}
	for (i = 0; i < c->nnotes; i++) {
		/* The site's folder of the initiatives' pages is not a note's. */
		if (r->ninitiatives > 0 &&
		    strcmp(c->notes[i].id, "indsatser") == 0) {
			diag_msg(d, DIAG_ERROR, c->notes[i].file, 0, 0, "a note's "
			    "folder cannot be called \"indsatser\": the site "
			    "keeps the initiatives' pages in a folder of that "
			    "name; rename the note's folder, say to "
			    "\"%.4s-indsatser\"", fmt_iso(a, &c->notes[i].date));
			rc = -1;
		}
		if (layout_note(a, d, c, co, &c->notes[i], pages,
		    &r->notes[i], &text) == -1)
			rc = -1;
	}
	if (rc == -1)
		return rc;
	series(a, c, r);
	groups(a, r);
	for (i = 0; i < c->ninitiatives; i++)
		if (pages[i] != NULL)
			initiative_page(a, c, co, &c->initiatives[i], r,
			    pages[i]);
	return rc;
}
