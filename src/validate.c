/*
 * validate.c: checks across the model, after loading.  See validate.h.
 * Each check reports at the position of the value that is wrong, with
 * a note pointing at the value it disagrees with.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "danish.h"
#include "date.h"
#include "diag.h"
#include "i18n.h"
#include "model.h"
#include "known.h"
#include "validate.h"

/* Names that {{ }} in narratives uses for itself: no initiative may take them. */
static const char *const reserved[] = {
	"site", "note", "units", "events", NULL
};

static void
err(struct diag *d, const struct pos *p, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
err(struct diag *d, const struct pos *p, const char *fmt, ...)
{
	va_list	 ap;
	char	 msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), tr(d->lang, fmt), ap);
	va_end(ap);
	diag_msg(d, DIAG_ERROR, p->file, p->line, p->col, "%s", msg);
}

static const struct unit *
find_unit(const struct site *s, const struct ref *r, struct diag *d)
{
	const char	*ids[64];
	const char	*near;
	size_t		 i, n = 0;

	if (r->id == NULL)
		return NULL;
	if (s->broken)
		return NULL;	/* site.yaml's own error says it all */
	for (i = 0; i < s->nunits; i++) {
		if (s->units[i].id != NULL &&
		    strcmp(s->units[i].id, r->id) == 0)
			return &s->units[i];
		if (s->units[i].id != NULL && n < 64)
			ids[n++] = s->units[i].id;
	}
	near = diag_suggest(r->id, ids, n);
	if (near != NULL)
		err(d, &r->pos, "unknown unit \"%s\" (did you mean \"%s\"?)",
		    r->id, near);
	else
		err(d, &r->pos, "unknown unit \"%s\": units are listed in "
		    "site.yaml under \"units\"", r->id);
	return NULL;
}

/* The initiatives by id, for finding one in log n. */
static int
cmp_by_id(const void *x, const void *y)
{
	const struct initiative *const *a = x, *const *b = y;

	return strcmp((*a)->id, (*b)->id);
}

static const struct initiative *
find_initiative(const struct content *c, const struct ref *r,
    struct diag *d, const struct initiative *const *sorted)
{
	const char	*ids[64];
	const char	*near;
	struct initiative key;
	const struct initiative *kp = &key, *const *found;
	size_t		 i, n = 0;

	key.id = r->id;
	if (c->ninitiatives > 0 && (found = bsearch(&kp, sorted,
	    c->ninitiatives, sizeof(*sorted), cmp_by_id)) != NULL)
		return *found;
	for (i = 0; i < c->ninitiatives && n < 64; i++)
		ids[n++] = c->initiatives[i].id;
	near = diag_suggest(r->id, ids, n);
	if (near != NULL)
		err(d, &r->pos, "unknown initiative \"%s\" (did you mean "
		    "\"%s\"?)", r->id, near);
	else
		err(d, &r->pos, "unknown initiative \"%s\": there is no "
		    "initiatives/%s.yaml", r->id, r->id);
	return NULL;
}

/* An item's id and its place in its list, for sorting. */
struct idx {
	const char	*id;
	size_t		 i;
};

static int
cmp_idx(const void *x, const void *y)
{
	const struct idx *a = x, *b = y;
	int		 c;

	if ((c = strcmp(a->id, b->id)) != 0)
		return c;
	return a->i < b->i ? -1 : a->i > b->i;
}

/*
 * Report a duplicate id among n items of stride size; ids at offset.
 * Sorted, so that long lists take n log n: every repeat is reported at
 * itself, with a note at the first.
 */
static void
check_unique(struct diag *d, const char *what, const void *items,
    size_t n, size_t size, size_t id_off, size_t pos_off)
{
	const char	*base = items;
	const struct pos *pa, *pb;
	struct idx	*v;
	size_t		 i, m, first = 0;

	if (n < 2)
		return;
	if ((v = calloc(n, sizeof(*v))) == NULL) {
		diag_msg(d, DIAG_SYSERR, NULL, 0, 0, "out of memory");
		return;
	}
	for (i = m = 0; i < n; i++) {
		memcpy(&v[m].id, base + i * size + id_off, sizeof(v[m].id));
		v[m].i = i;
		if (v[m].id != NULL)
			m++;
	}
	qsort(v, m, sizeof(*v), cmp_idx);
	for (i = 1; i < m; i++) {
		if (strcmp(v[i].id, v[first].id) != 0) {
			first = i;
			continue;
		}
		pa = (const struct pos *)(const void *)
		    (base + v[i].i * size + pos_off);
		pb = (const struct pos *)(const void *)
		    (base + v[first].i * size + pos_off);
		err(d, pa, "two %s have the id \"%s\"", tr(d->lang, what),
		    v[i].id);
		diag_msg(d, DIAG_NOTE, pb->file, pb->line, pb->col,
		    "the first is here");
	}
	free(v);
}

/* The counts must add up on every date any of them changed. */
static void
check_participants(struct diag *d, const struct participants *p)
{
	const struct count *all[PART__MAX];
	struct participants q;
	struct pos	 last[3];
	struct date	 when, far;
	size_t		 i, j;
	long		 active;

	memset(last, 0, sizeof(last));
	memset(&far, 0, sizeof(far));
	far.kind = DATE_DAY;
	far.first = far.last = 1L << 30;
	participant_counts(p, all);
	/* Each date a count changed on, then the newest of all. */
	for (i = 0; i < PART__MAX; i++)
		for (j = 0; j <= all[i]->nhist; j++) {
			when = j < all[i]->nhist ? all[i]->hist[j].date : far;
			if (j == all[i]->nhist && i < PART__MAX - 1)
				continue;
			participants_at(p, &when, &q);
			if (q.dropped_out.set && q.started.set &&
			    q.dropped_out.value > q.started.value &&
			    memcmp(&last[0], &q.dropped_out.pos,
			    sizeof(last[0])) != 0) {
				last[0] = q.dropped_out.pos;
				err(d, &q.dropped_out.pos, "%ld dropped out, but "
				    "only %ld started", q.dropped_out.value,
				    q.started.value);
			}
			if (q.completed.set && q.started.set &&
			    q.completed.value + (q.dropped_out.set ?
			    q.dropped_out.value : 0) > q.started.value &&
			    memcmp(&last[1], &q.completed.pos,
			    sizeof(last[1])) != 0) {
				last[1] = q.completed.pos;
				err(d, &q.completed.pos, "%ld completed, which "
				    "with those who dropped out is more than "
				    "the %ld who started", q.completed.value,
				    q.started.value);
			}
			if (!q.started.set || !p->active.set)
				continue;
			/*
			 * "active" given is the truth (who completed may stay
			 * active); only more than started and stayed cannot be.
			 */
			active = q.started.value - (q.dropped_out.set ?
			    q.dropped_out.value : 0);
			if (active >= 0 && q.active.set &&
			    q.active.value > active &&
			    memcmp(&last[2], &q.active.pos,
			    sizeof(last[2])) != 0) {
				last[2] = q.active.pos;
				err(d, &q.active.pos, "\"active\" is %ld, but "
				    "only %ld started and did not drop out",
				    q.active.value, active);
			}
		}
}

static void
check_phases(struct diag *d, const struct initiative *in)
{
	const struct phase *p, *prev = NULL;
	size_t		 i;

	for (i = 0; i < in->nphases; i++) {
		p = &in->phases[i];
		if (p->kind == PHASE_PAUSE && p->reason == NULL && p->id != NULL)
			diag_msg(d, DIAG_WARNING, p->pos.file, p->pos.line,
			    p->pos.col, "the pause \"%s\" gives no reason",
			    p->id);
		if (p->start.kind != DATE_NONE && p->end.kind != DATE_NONE &&
		    p->end.last < p->start.first) {
			err(d, &p->end_pos, "the phase \"%s\" ends before it "
			    "starts", p->id ? p->id : "");
		}
		if (p->planned_start.kind != DATE_NONE &&
		    p->planned_end.kind != DATE_NONE &&
		    p->planned_end.last < p->planned_start.first)
			err(d, &p->planned_end_pos, "the phase \"%s\" is planned "
			    "to end before it starts", p->id ? p->id : "");
		if (p->start.kind == DATE_NONE)
			continue;
		if (prev != NULL && p->start.last < prev->start.first) {
			err(d, &p->start_pos, "phases out of order: \"%s\" "
			    "starts before \"%s\" above it (list phases in "
			    "the order they began)", p->id ? p->id : "",
			    prev->id ? prev->id : "");
		}
		prev = p;
	}
}

const struct note *
note_before(const struct content *c, const struct note *nt,
    const struct initiative *in)
{
	const struct note *best = NULL, *o;
	size_t		 i, j;

	for (i = 0; i < c->nnotes; i++) {
		o = &c->notes[i];
		if (o == nt || o->as_of.last >= nt->as_of.first)
			continue;
		for (j = 0; j < o->ninitiatives; j++)
			if (o->initiatives_p != NULL &&
			    o->initiatives_p[j] == in)
				break;
		if (j == o->ninitiatives)
			continue;
		if (best == NULL || o->as_of.first > best->as_of.first)
			best = o;
	}
	return best;
}

/*
 * A pause with no end, as of the note: fine while a milestone still to
 * come says when it should end (Baba's planned restart); otherwise the
 * end date is probably missing.
 */
static void
check_open_pauses(struct diag *d, const struct initiative *in,
    const struct note *nt)
{
	const struct phase *p;
	size_t		 i, j;

	for (i = 0; i < in->nphases; i++) {
		p = &in->phases[i];
		if (p->kind != PHASE_PAUSE || p->end.kind != DATE_NONE ||
		    p->end.bad || p->id == NULL)
			continue;
		for (j = 0; j < in->nmilestones; j++)
			if (milestone_status(&in->milestones[j], &nt->as_of) ==
			    STATUS_EXPECTED &&
			    in->milestones[j].planned.kind != DATE_NONE)
				break;
		if (j == in->nmilestones)
			diag_msg(d, DIAG_WARNING, p->pos.file, p->pos.line,
			    p->pos.col, "the pause \"%s\" has no \"end\", "
			    "and no milestone to come says when it ends: give "
			    "its end date, or a planned milestone", p->id);
	}
}

static void
check_overdue(struct diag *d, const struct initiative *in,
    const struct note *nt)
{
	const struct milestone *m;
	const struct replan *r;
	struct arena	 a;
	struct buf	 planned, as_of;
	struct pos	 at;
	size_t		 i, j;

	arena_init(&a);
	for (i = 0; i < in->nmilestones; i++) {
		m = &in->milestones[i];
		if (m->id == NULL ||
		    milestone_status(m, &nt->as_of) != STATUS_OVERDUE)
			continue;
		at = m->planned_pos;
		for (j = 0; j < m->nreplans; j++) {
			r = &m->replans[j];
			if (milestone_plan(m, &nt->as_of) == &r->planned)
				at = r->planned_pos;
		}
		buf_init(&planned, &a);
		buf_init(&as_of, &a);
		date_format(&planned, milestone_plan(m, &nt->as_of), 0);
		date_format(&as_of, &nt->as_of, 0);
		diag_msg(d, DIAG_WARNING, at.file, at.line, at.col,
		    "the milestone \"%s\" was planned for %s, which had "
		    "passed by the note of %s, but it has no \"actual\" date",
		    m->id, planned.data, as_of.data);
	}
	/* A phase planned to begin by now that has no start: late? */
	for (i = 0; i < in->nphases; i++) {
		const struct phase *p = &in->phases[i];
		struct date s, e;

		if (p->id == NULL || phase_at(p, &nt->as_of, &s, &e) !=
		    PHASE_PLANNED || s.kind == DATE_NONE ||
		    s.last >= nt->as_of.first)
			continue;
		buf_init(&planned, &a);
		buf_init(&as_of, &a);
		date_format(&planned, &s, 0);
		date_format(&as_of, &nt->as_of, 0);
		diag_msg(d, DIAG_WARNING, p->pos.file, p->pos.line, p->pos.col,
		    "the phase \"%s\" was planned to begin %s, which had "
		    "passed by the note of %s, but it has no \"start\": give "
		    "the date it began, or a new plan under \"replanned\"",
		    p->id, planned.data, as_of.data);
	}
	arena_fini(&a);
	check_open_pauses(d, in, nt);
}

/*
 * For phase i, begun, with no end and not said to go on: the first
 * later phase that began, which has likely replaced it; else NULL.
 */
static const struct phase *
replaced_by(const struct initiative *in, size_t i)
{
	const struct phase *p = &in->phases[i];
	size_t		 j;

	if (p->start.kind == DATE_NONE || p->end.kind != DATE_NONE ||
	    p->end.bad || p->ongoing)
		return NULL;
	for (j = i + 1; j < in->nphases; j++)
		if (in->phases[j].start.kind != DATE_NONE)
			return &in->phases[j];
	return NULL;
}

/*
 * In the newest note on the initiative: a phase that had begun by the
 * note before (prev) and still goes on, with nothing new since: no end,
 * no new plan, the same number of sessions.  Likely nobody looked.
 */
static void
check_stale_phases(struct diag *d, const struct initiative *in,
    const struct note *nt, const struct note *prev)
{
	const struct phase *p;
	struct date	 s, e;
	struct count	 x, y;
	struct arena	 a;
	struct buf	 then, now;
	size_t		 i, j;
	int		 news;

	arena_init(&a);
	for (i = 0; i < in->nphases; i++) {
		p = &in->phases[i];
		if (p->id == NULL || replaced_by(in, i) != NULL ||
		    phase_at(p, &prev->as_of, &s, &e) != PHASE_BEGUN ||
		    phase_at(p, &nt->as_of, &s, &e) != PHASE_BEGUN)
			continue;
		news = known_by(&p->end, &nt->as_of);
		for (j = 0; j < p->nreplans; j++)
			news |= known_by(&p->replans[j].date, &nt->as_of) &&
			    !known_by(&p->replans[j].date, &prev->as_of);
		x = count_at(&p->sessions, &nt->as_of);
		y = count_at(&p->sessions, &prev->as_of);
		news |= x.set != y.set || x.value != y.value;
		/* Known to go on since the note before: "ongoing: DATE". */
		news |= p->ongoing_on.kind != DATE_NONE &&
		    known_by(&p->ongoing_on, &nt->as_of) &&
		    !known_by(&p->ongoing_on, &prev->as_of);
		if (news)
			continue;
		buf_init(&then, &a);
		date_format(&then, &prev->date, 0);
		buf_init(&now, &a);
		date_format(&now, &nt->date, 0);
		diag_msg(d, DIAG_WARNING, p->pos.file, p->pos.line, p->pos.col,
		    "the phase \"%s\" had begun by the note of %s and still "
		    "goes on in the note of %s with nothing new about it: "
		    "give its \"end\" if it has ended, or what changed (a "
		    "new plan under \"replanned\", its sessions), or if it "
		    "simply goes on, say so: \"ongoing: %s\"", p->id,
		    then.data, now.data, now.data);
	}
	arena_fini(&a);
}

/*
 * The newest note older than c->notes[i] that covers in, or NULL (by
 * id: the older notes' references are resolved after the newer's).
 */
static const struct note *
older_on(const struct content *c, size_t i, const struct initiative *in)
{
	size_t	 j, k;

	for (j = i + 1; j < c->nnotes; j++)
		for (k = 0; k < c->notes[j].ninitiatives; k++)
			if (c->notes[j].initiatives[k].id != NULL &&
			    strcmp(c->notes[j].initiatives[k].id,
			    in->id) == 0)
				return &c->notes[j];
	return NULL;
}

/*
 * Of an initiative in more than one note: values with no date hold for
 * every note, so one added later reaches the notes written before it.
 */
static void
check_undated(struct diag *d, const struct initiative *in)
{
	const struct phase *p, *later;
	const struct figure *f;
	struct arena	 a;
	struct buf	 b;
	struct quantity	 q;
	size_t		 i;

	/* Begun, no end, and later phases begun since: still going on? */
	for (i = 0; i + 1 < in->nphases; i++) {
		p = &in->phases[i];
		if (p->id != NULL && (later = replaced_by(in, i)) != NULL)
			diag_msg(d, DIAG_WARNING, p->pos.file, p->pos.line,
			    p->pos.col, "the phase \"%s\" has no \"end\", and "
			    "\"%s\" began after it: give its end date, or, if it "
			    "still goes on beside the later phases, write "
			    "\"ongoing:\" and the date it was last known to, such "
			    "as this year's note's (the notes before that date "
			    "stay as they were)", p->id, later->id != NULL ?
			    later->id : "");
	}
	for (i = 0; i < in->nphases; i++) {
		p = &in->phases[i];
		if (p->id != NULL && p->start.kind == DATE_NONE &&
		    p->planned_start.kind == DATE_NONE && !p->start.bad &&
		    !p->planned_start.bad)
			diag_msg(d, DIAG_WARNING, p->pos.file, p->pos.line,
			    p->pos.col, "the phase \"%s\" has no date, so every "
			    "note shows it, also those written before it "
			    "began: give it a \"start\" (or, if it was "
			    "planned, a \"planned_start\"; where that changes a "
			    "published note, record it under \"corrections\" "
			    "in the note's report.yaml)", p->id);
	}
	arena_init(&a);
	for (i = 0; i < in->nfigures; i++) {
		f = &in->figures[i];
		if (f->id == NULL || !f->value.set || f->value.hist != NULL)
			continue;
		q = count_quantity(&f->value);
		buf_init(&b, &a);
		danish_quantity_format(&b, &q);
		diag_msg(d, DIAG_WARNING, f->value.pos.file, f->value.pos.line,
		    f->value.pos.col, "the figure \"%s\" has no date, so every "
		    "note shows it, also those written before it was counted: "
		    "write the date it holds from before the number, on a line "
		    "of its own under \"value:\" (such as \"3. juni 2021: "
		    "%s\")", f->id, b.data);
	}
	arena_fini(&a);
}

/* The rows an initiative's own section shows: timeline and figures. */
static size_t
rows_of(const struct initiative *in)
{
	/* The participants: a row per count, per course when several. */
	return in == NULL ? 0 : in->nphases + in->nmilestones +
	    in->nfigures + PART__MAX * (in->nparticipants > 1 ?
	    in->nparticipants : 1);
}

/*
 * The rows a note shows, section by section (a chart shows the phases,
 * milestones and events of all its initiatives), within the bounds for
 * one note and for all (*total so far): past one, the error is at the
 * section, and the note is cut there so the layout's work stays bounded.
 */
static void
check_rows(struct diag *d, struct note *nt, size_t *total)
{
	const struct section *s;
	size_t		 j, k, rows = 0, add, chart = nt->nevents;

	for (k = 0; k < nt->ninitiatives; k++)
		if (nt->initiatives_p[k] != NULL)
			chart += nt->initiatives_p[k]->nphases +
			    nt->initiatives_p[k]->nmilestones;
	for (j = 0; j < nt->nsections; j++) {
		s = &nt->sections[j];
		add = rows_of(s->initiative_p) + (s->chart ? chart : 0);
		for (k = 0; s->forecasts && s->initiative_p == NULL &&
		    k < nt->ninitiatives; k++)
			add += rows_of(nt->initiatives_p[k]);
		if (s->forecasts && s->initiative_p != NULL)
			add += rows_of(s->initiative_p);
		rows += add;
		*total += add;
		if (rows > MODEL_MAX_NOTE_ROWS)
			err(d, &s->pos, "the note shows more than %d rows "
			    "(timeline and chart entries, table rows) by this "
			    "section: split it into several notes, or show "
			    "fewer initiatives or charts", MODEL_MAX_NOTE_ROWS);
		else if (*total > MODEL_MAX_ROWS)
			err(d, &s->pos, "the notes show more than %d rows "
			    "(timeline and chart entries, table rows) in all "
			    "by this section: is content here that should not "
			    "be?", MODEL_MAX_ROWS);
		else
			continue;
		nt->nsections = j;
		break;
	}
}

/*
 * The phases, milestones and figures of all initiatives together are
 * bounded: past the bound, the error is at the file that passes it, and
 * that one and the rest are emptied so later stages' work stays bounded.
 */
static void
check_entries(struct diag *d, struct content *c)
{
	struct initiative *in;
	size_t		 i, n = 0;

	for (i = 0; i < c->ninitiatives; i++) {
		in = &c->initiatives[i];
		n += in->nphases + in->nmilestones + in->nfigures;
		if (n <= MODEL_MAX_ENTRIES)
			continue;
		if (n - (in->nphases + in->nmilestones + in->nfigures) <=
		    MODEL_MAX_ENTRIES)
			diag_msg(d, DIAG_ERROR, in->file, 0, 0, "the "
			    "initiatives have more than %d phases, milestones "
			    "and figures together, by this file: is content "
			    "here that should not be?", MODEL_MAX_ENTRIES);
		in->nphases = in->nmilestones = in->nfigures = 0;
		in->incomplete = 1;
	}
}

int
validate_content(struct content *c, struct diag *d)
{
	struct initiative *in;
	const struct initiative **sorted;
	struct note	*nt;
	size_t		 i, j, k, rows = 0;
	int		 before = d->count[DIAG_ERROR];
	unsigned char	 seen[MODEL_MAX_ITEMS];

	check_unique(d, N_("units"), c->site.units, c->site.nunits,
	    sizeof(struct unit), offsetof(struct unit, id),
	    offsetof(struct unit, pos));
	check_entries(d, c);
	if ((sorted = calloc(c->ninitiatives + 1, sizeof(*sorted))) == NULL) {
		diag_msg(d, DIAG_SYSERR, NULL, 0, 0, "out of memory");
		return -1;
	}
	for (i = 0; i < c->ninitiatives; i++)
		sorted[i] = &c->initiatives[i];
	qsort(sorted, c->ninitiatives, sizeof(*sorted), cmp_by_id);
	for (i = 0; i < c->ninitiatives; i++) {
		in = &c->initiatives[i];
		for (k = 0; reserved[k] != NULL; k++)
			if (strcmp(in->id, reserved[k]) == 0)
				diag_msg(d, DIAG_ERROR, in->file, 0, 0,
				    "\"%s\" is a reserved name: rename the "
				    "file", in->id);
		if (in->owner.id != NULL)
			in->owner_p = find_unit(&c->site, &in->owner, d);
		if (in->staff.unit.id != NULL)
			in->staff.unit_p = find_unit(&c->site,
			    &in->staff.unit, d);
		for (k = 0; k < in->staff.nroles; k++)
			if (in->staff.roles[k].unit.id != NULL)
				in->staff.roles[k].unit_p = find_unit(&c->site,
				    &in->staff.roles[k].unit, d);
		for (k = 0; k < in->npartners; k++) {
			in->partners_p[k] = find_unit(&c->site,
			    &in->partners[k], d);
			if (in->partners_p[k] != NULL &&
			    in->partners_p[k] == in->owner_p)
				diag_msg(d, DIAG_WARNING, in->partners[k].pos.file,
				    in->partners[k].pos.line,
				    in->partners[k].pos.col, "\"%s\" owns the "
				    "initiative: it need not be a partner too",
				    in->partners[k].id);
		}
		check_unique(d, N_("phases"), in->phases, in->nphases,
		    sizeof(struct phase), offsetof(struct phase, id),
		    offsetof(struct phase, pos));
		check_unique(d, N_("milestones"), in->milestones, in->nmilestones,
		    sizeof(struct milestone), offsetof(struct milestone, id),
		    offsetof(struct milestone, pos));
		check_unique(d, N_("figures"), in->figures, in->nfigures,
		    sizeof(struct figure), offsetof(struct figure, id),
		    offsetof(struct figure, pos));
		check_unique(d, N_("courses in \"participants\""),
		    in->participants, in->nparticipants,
		    sizeof(struct participants),
		    offsetof(struct participants, id),
		    offsetof(struct participants, pos));
		for (k = 0; k < in->nparticipants; k++)
			check_participants(d, &in->participants[k]);
		check_phases(d, in);
	}
	memset(seen, 0, sizeof(seen));
	for (i = 0; i < c->nnotes; i++) {
		nt = &c->notes[i];
		if (nt->sender.id != NULL)
			nt->sender_p = find_unit(&c->site, &nt->sender, d);
		check_unique(d, N_("events"), nt->events, nt->nevents,
		    sizeof(struct event), offsetof(struct event, id),
		    offsetof(struct event, pos));
		for (j = 0; j < nt->nsections; j++) {
			struct section *s = &nt->sections[j];

			if (s->initiative.id != NULL)
				s->initiative_p = find_initiative(c,
				    &s->initiative, d, sorted);
		}
		for (j = 0; j < nt->ninitiatives; j++) {
			const struct initiative *ip;
			const struct note *prev;

			if ((ip = find_initiative(c, &nt->initiatives[j],
			    d, sorted)) == NULL)
				continue;
			nt->initiatives_p[j] = ip;
			/* Warn once per initiative: from its newest note. */
			k = (size_t)(ip - c->initiatives);
			if (!seen[k]) {
				check_overdue(d, ip, nt);
				if ((prev = older_on(c, i, ip)) != NULL)
					check_stale_phases(d, ip, nt, prev);
			}
			else if (seen[k] == 1)
				check_undated(d, ip);
			if (seen[k] < 2)
				seen[k]++;
		}
		check_rows(d, nt, &rows);
	}
	free(sorted);
	return d->count[DIAG_ERROR] > before ? -1 : 0;
}
