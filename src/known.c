/*
 * known.c: what the content says as known on a date.  See known.h.
 */
#include <stddef.h>
#include <string.h>

#include "danish.h"
#include "date.h"
#include "known.h"
#include "model.h"

static const struct date no_date;

int
known_by(const struct date *d, const struct date *as_of)
{
	return d->kind != DATE_NONE && d->first <= as_of->last;
}

struct count
count_at(const struct count *c, const struct date *as_of)
{
	struct count	 r;
	size_t		 i;

	memset(&r, 0, sizeof(r));
	r.bad = c->bad;
	if (c->hist == NULL) {
		r.set = c->set;
		r.value = c->value;
		r.decimals = c->decimals;
		r.unit = c->unit;
		r.approx = c->approx;
		r.pos = c->pos;
		return r;
	}
	for (i = c->nhist; i > 0; i--)
		if (known_by(&c->hist[i - 1].date, as_of)) {
			r.set = 1;
			r.value = c->hist[i - 1].value;
			r.decimals = c->hist[i - 1].decimals;
			r.unit = c->hist[i - 1].unit;
			r.approx = c->hist[i - 1].approx;
			r.pos = c->hist[i - 1].pos;
			break;
		}
	return r;
}

void
participants_at(const struct participants *p, const struct date *as_of,
    struct participants *o)
{
	long	 active;

	memset(o, 0, sizeof(*o));
	o->pos = p->pos;
	o->recruited = count_at(&p->recruited, as_of);
	o->started = count_at(&p->started, as_of);
	o->dropped_out = count_at(&p->dropped_out, as_of);
	o->completed = count_at(&p->completed, as_of);
	o->active = count_at(&p->active, as_of);
	if (o->active.set || !o->started.set)
		return;
	active = o->started.value - (o->dropped_out.set ?
	    o->dropped_out.value : 0) - (o->completed.set ?
	    o->completed.value : 0);
	if (active >= 0) {
		o->active.set = 1;
		o->active.value = active;
		o->active.pos = p->pos;
	}
}

void
participant_counts(const struct participants *p,
    const struct count *out[PART__MAX])
{
	out[PART_RECRUITED] = &p->recruited;
	out[PART_STARTED] = &p->started;
	out[PART_DROPPED_OUT] = &p->dropped_out;
	out[PART_COMPLETED] = &p->completed;
	out[PART_ACTIVE] = &p->active;
}

static void
add_to(struct count *sum, const struct count *c)
{
	sum->bad |= c->bad;
	if (!c->set)
		return;
	if (!sum->set)
		sum->pos = c->pos;
	sum->set = 1;
	sum->value += c->value;
	sum->approx |= c->approx;
}

int
participants_known(const struct participants *g, const struct date *as_of)
{
	struct participants p;
	const struct count *c[PART__MAX];
	size_t		 i;

	participants_at(g, as_of, &p);
	participant_counts(&p, c);
	for (i = 0; i < PART__MAX; i++)
		if (c[i]->set)
			return 1;
	return 0;
}

void
participants_total(const struct initiative *in, const struct date *as_of,
    struct participants *o)
{
	struct participants p;
	size_t		 i;

	memset(o, 0, sizeof(*o));
	for (i = 0; i < in->nparticipants; i++) {
		participants_at(&in->participants[i], as_of, &p);
		if (i == 0)
			o->pos = p.pos;
		add_to(&o->recruited, &p.recruited);
		add_to(&o->started, &p.started);
		add_to(&o->dropped_out, &p.dropped_out);
		add_to(&o->completed, &p.completed);
		add_to(&o->active, &p.active);
	}
}

const struct date *
milestone_plan(const struct milestone *m, const struct date *as_of)
{
	size_t	 i;

	for (i = m->nreplans; i > 0; i--)
		if (known_by(&m->replans[i - 1].date, as_of))
			return &m->replans[i - 1].planned;
	if (m->planned_on.kind != DATE_NONE && !known_by(&m->planned_on, as_of))
		return &no_date;
	return &m->planned;
}

enum status
milestone_status(const struct milestone *m, const struct date *as_of)
{
	const struct date *plan = milestone_plan(m, as_of);

	if (known_by(&m->actual, as_of))
		return STATUS_DONE;
	if (plan->kind == DATE_NONE || plan->last >= as_of->first)
		return STATUS_EXPECTED;
	return STATUS_OVERDUE;
}

const struct date *
count_since(const struct count *c)
{
	return c->hist != NULL && c->nhist > 0 ? &c->hist[0].date : NULL;
}

/*
 * The phase's plan in force on as_of: the newest change made by then,
 * else the first plan if it was made by then (always, if not said).
 * 0 when there is none.
 */
int
phase_plan(const struct phase *p, const struct date *as_of,
    struct date *start, struct date *end)
{
	size_t	 i;

	for (i = p->nreplans; i > 0; i--)
		if (known_by(&p->replans[i - 1].date, as_of)) {
			*start = p->replans[i - 1].planned;
			*end = p->replans[i - 1].planned_end;
			return 1;
		}
	if (p->planned_start.kind == DATE_NONE ||
	    (p->planned_on.kind != DATE_NONE && !known_by(&p->planned_on,
	    as_of)))
		return 0;
	*start = p->planned_start;
	*end = p->planned_end;
	return 1;
}

enum phase_state
phase_at(const struct phase *p, const struct date *as_of, struct date *start,
    struct date *end)
{
	struct date	 ps, pe;

	memset(start, 0, sizeof(*start));
	memset(end, 0, sizeof(*end));
	if (known_by(&p->start, as_of)) {
		*start = p->start;
		if (!known_by(&p->end, as_of)) {
			/* Still going on: till when it was planned to. */
			if (phase_plan(p, as_of, &ps, &pe))
				*end = pe;
			return PHASE_BEGUN;
		}
		*end = p->end;
		return p->end.last < as_of->first ? PHASE_ENDED : PHASE_BEGUN;
	}
	if (phase_plan(p, as_of, &ps, &pe)) {
		*start = ps;
		*end = pe;
		return PHASE_PLANNED;
	}
	if (p->start.kind == DATE_NONE && p->planned_start.kind == DATE_NONE) {
		if (!known_by(&p->end, as_of))
			return PHASE_UNDATED;
		/* No start given, but it ended: over, not going on. */
		*end = p->end;
		return p->end.last < as_of->first ? PHASE_ENDED :
		    PHASE_UNDATED;
	}
	return PHASE_ABSENT;
}

const struct date *
phase_since(const struct phase *p)
{
	const struct date *plan = p->planned_start.kind == DATE_NONE ? NULL :
	    p->planned_on.kind != DATE_NONE ? &p->planned_on : NULL;

	if (p->start.kind == DATE_NONE)
		return plan;
	if (plan != NULL && plan->first < p->start.first)
		return plan;
	return &p->start;
}

struct count
staff_at(const struct staff *s, const struct date *as_of)
{
	struct count	 r, c;
	size_t		 i;

	if (s->nroles == 0)
		return count_at(&s->count, as_of);
	memset(&r, 0, sizeof(r));
	for (i = 0; i < s->nroles; i++) {
		c = count_at(&s->roles[i].count, as_of);
		r.bad |= c.bad;
		if (!c.set)
			continue;
		if (!r.set)
			r.pos = c.pos;
		r.set = 1;
		r.value += c.value;
	}
	return r;
}

struct quantity
count_quantity(const struct count *c)
{
	struct quantity	 q;

	q.value = c->value;
	q.decimals = c->decimals;
	q.unit = c->unit;
	q.approx = c->approx;
	return q;
}

int
note_covers(const struct note *nt, const struct initiative *in)
{
	size_t	 i;

	for (i = 0; nt->initiatives_p != NULL && i < nt->ninitiatives; i++)
		if (nt->initiatives_p[i] == in)
			return 1;
	return 0;
}

int
notes_share(const struct note *x, const struct note *y)
{
	size_t	 i;

	for (i = 0; x->initiatives_p != NULL && i < x->ninitiatives; i++)
		if (x->initiatives_p[i] != NULL &&
		    note_covers(y, x->initiatives_p[i]))
			return 1;
	return 0;
}

const struct note *
note_follows(const struct content *c, const struct note *nt)
{
	size_t	 i, j;

	for (i = 0; i < c->nnotes && &c->notes[i] != nt; i++)
		continue;
	/* The notes are newest first: the ones after nt are older. */
	for (j = i + 1; j < c->nnotes; j++)
		if (c->notes[j].as_of.last < nt->as_of.first &&
		    notes_share(nt, &c->notes[j]))
			return &c->notes[j];
	return NULL;
}
