/*
 * names.c: the table of values for {{ }} in narratives.  See names.h.
 * The keys follow the YAML: <initiative>.<key>[.<id>.<key>], plus
 * site.*, units.<id>, note.* and events.<id>.*.
 */
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
#include "names.h"
#include "known.h"
#include "validate.h"

/* One number: which name of which initiative, its key made when asked. */
enum num_what {
	NUM_STAFF, NUM_RECRUITED, NUM_STARTED, NUM_DROPPED_OUT,
	NUM_COMPLETED, NUM_ACTIVE, NUM_SESSIONS, NUM_FIGURE
};

struct name_number {
	long		 num;
	const struct initiative *in;
	enum num_what	 what;
	size_t		 idx;		/* the phase, figure or course */
	const char	*key;		/* NULL until asked for */
};

/* Where names are added: a table, and the arena it grows in. */
struct adder {
	struct arena	*arena;
	struct name_table *t;
	int		 no_empty;	/* a file with errors: no NAME_EMPTY */
};

static struct name *
add(struct adder *ad, const char *key)
{
	struct name_table *t = ad->t;

	if (t->n == t->cap) {
		t->v = arena_grow(ad->arena, t->v, t->n * sizeof(*t->v),
		    (t->cap = t->cap ? t->cap * 2 : 16) * sizeof(*t->v));
	}
	memset(&t->v[t->n], 0, sizeof(*t->v));
	t->v[t->n].key = key;
	return &t->v[t->n++];
}

static void
add_text(struct adder *t, const char *key, const char *s)
{
	struct name	*n;

	if (s == NULL) {
		if (!t->no_empty)
			add(t, key)->kind = NAME_EMPTY;
		return;
	}
	n = add(t, key);
	n->kind = NAME_TEXT;
	n->text = s;
}

static void
add_num(struct adder *t, const char *key, const struct count *c)
{
	struct name	*n;

	if (c->bad)
		add(t, key)->kind = NAME_BAD;
	else if (!c->set && !t->no_empty)
		add(t, key)->kind = NAME_EMPTY;
	if (!c->set)
		return;
	n = add(t, key);
	n->kind = NAME_NUMBER;
	n->num = c->value;
	n->decimals = c->decimals;
	n->unit = c->unit;
	n->approx = c->approx;
}

static void	add_date(struct adder *, const char *, const struct date *);

/* A name whose value is known only from the date d on. */
static void
add_later(struct adder *t, const char *key, const struct date *d)
{
	struct name	*n = add(t, key);

	n->kind = NAME_LATER;
	n->date = *d;
}

/*
 * A count's value v on a date (count_at's, or participants_at's, perhaps
 * derived), or when c, as written, will have one.
 */
static void
add_part(struct adder *t, const char *key, const struct count *v,
    const struct count *c)
{
	if (!v->set && !v->bad && count_since(c) != NULL)
		add_later(t, key, count_since(c));
	else
		add_num(t, key, v);
}

/* A count on as_of: its value, or when it will have one. */
static void
add_count(struct adder *t, const char *key, const struct count *c,
    const struct date *as_of)
{
	struct count	 v = count_at(c, as_of);

	add_part(t, key, &v, c);
}

/* A fact's date on as_of: the date, or when it will be known. */
static void
add_fact(struct adder *t, const char *key, const struct date *d,
    const struct date *as_of)
{
	if (d->kind != DATE_NONE && !known_by(d, as_of))
		add_later(t, key, d);
	else
		add_date(t, key, d);
}

static void
add_date(struct adder *t, const char *key, const struct date *d)
{
	struct name	*n;

	if (d->bad)
		add(t, key)->kind = NAME_BAD;
	else if (d->kind == DATE_NONE && !t->no_empty)
		add(t, key)->kind = NAME_EMPTY;
	if (d->kind == DATE_NONE)
		return;
	n = add(t, key);
	n->kind = NAME_DATE;
	n->date = *d;
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(((const struct name *)a)->key,
	    ((const struct name *)b)->key);
}

/*
 * The participant counts on as_of under prefix ("baba.participants."):
 * of the whole, or of a course, or the sums of the courses (c NULL: a
 * sum not yet set is known when its first course's count is).
 */
static void
add_counts(struct adder *t, const char *prefix, const struct participants *v,
    const struct participants *c, const struct initiative *in)
{
	static const char *const keys[PART__MAX] = {
		"recruited", "started", "dropped_out", "completed", "active"
	};
	const struct count *vs[PART__MAX], *cs[PART__MAX], *gc[PART__MAX];
	const struct date *since, *first;
	size_t		 i, j;

	participant_counts(v, vs);
	if (c != NULL)
		participant_counts(c, cs);
	for (i = 0; i < PART__MAX; i++) {
		const char *key = arena_printf(t->arena, "%s%s", prefix,
		    keys[i]);

		if (c != NULL) {
			add_part(t, key, vs[i], cs[i]);
			continue;
		}
		first = NULL;
		for (j = 0; !vs[i]->set && j < in->nparticipants; j++) {
			participant_counts(&in->participants[j], gc);
			if ((since = count_since(gc[i])) != NULL &&
			    (first == NULL || since->first < first->first))
				first = since;
		}
		if (!vs[i]->set && !vs[i]->bad && first != NULL)
			add_later(t, key, first);
		else
			add_num(t, key, vs[i]);
	}
}

/*
 * The participants: "baba.participants.started", or for courses each
 * course's under its id and label, and the sums under the plain names.
 */
static void
add_participants(struct adder *t, const struct initiative *in,
    const struct date *as_of)
{
	struct participants pa;
	size_t		 i;

	for (i = 0; i < in->nparticipants; i++) {
		const struct participants *g = &in->participants[i];
		const char *q;

		if (g->id == NULL) {
			participants_at(g, as_of, &pa);
			add_counts(t, arena_printf(t->arena,
			    "%s.participants.", in->id), &pa, g, in);
			continue;
		}
		q = arena_printf(t->arena, "%s.participants.%s.", in->id,
		    g->id);
		add_text(t, arena_printf(t->arena, "%slabel", q), g->label);
		participants_at(g, as_of, &pa);
		add_counts(t, q, &pa, g, in);
	}
	if (in->nparticipants > 0 && in->participants[0].id != NULL) {
		participants_total(in, as_of, &pa);
		add_counts(t, arena_printf(t->arena, "%s.participants.",
		    in->id), &pa, NULL, in);
	}
}

/* The names of an initiative, its numbers and plans as of the note. */
static void
add_initiative(struct adder *t, const struct initiative *in,
    const struct date *as_of)
{
	struct arena	*a = t->arena;
	const char	*p = in->id;
	static const char *const phase_names[] = {
		"name", "reason", "start", "end", "planned_start",
		"planned_end", "sessions"
	};
	struct date	 start, end;
	size_t		 i, j;

	/*
	 * A file with errors: a name missing under it is most likely one
	 * of those errors, already reported; "baba." stands for them.
	 */
	if (in->broken || in->incomplete)
		add(t, arena_printf(a, "%s.", p))->kind = NAME_BAD;
	/* Its names without a value may be its errors: quiet too. */
	t->no_empty = in->incomplete;
	if (in->broken)
		return;
	add_text(t, arena_printf(a, "%s.name", p), in->name);
	add_text(t, arena_printf(a, "%s.origin", p), in->origin);
	if (in->owner_p != NULL)
		add_text(t, arena_printf(a, "%s.owner", p), in->owner_p->name);
	add_date(t, arena_printf(a, "%s.founded", p), &in->founded);
	add_date(t, arena_printf(a, "%s.established", p), &in->established);
	if (in->staff.nroles > 0) {
		struct count sc = staff_at(&in->staff, as_of);

		add_num(t, arena_printf(a, "%s.staff.count", p), &sc);
	} else
		add_count(t, arena_printf(a, "%s.staff.count", p),
		    &in->staff.count, as_of);
	if (in->npartners > 0) {
		const char **names = arena_calloc(a, in->npartners,
		    sizeof(*names));
		struct buf pb;

		for (i = 0; i < in->npartners; i++)
			names[i] = in->partners_p[i] != NULL ?
			    in->partners_p[i]->name : in->partners[i].id;
		buf_init(&pb, a);
		danish_list(&pb, names, in->npartners);
		add_text(t, arena_printf(a, "%s.partners", p), pb.data);
	}
	if (in->staff.unit_p != NULL)
		add_text(t, arena_printf(a, "%s.staff.unit", p),
		    in->staff.unit_p->name);
	add_date(t, arena_printf(a, "%s.staff.from", p), &in->staff.from);
	add_participants(t, in, as_of);
	for (i = 0; i < in->nphases; i++) {
		const struct phase *ph = &in->phases[i];
		const char *q;

		if (ph->id == NULL)
			continue;
		q = arena_printf(a, "%s.phases.%s", p, ph->id);
		if (phase_at(ph, as_of, &start, &end) == PHASE_ABSENT) {
			/* Nothing of it was known yet. */
			for (j = 0; j < sizeof(phase_names) /
			    sizeof(phase_names[0]); j++)
				add_later(t, arena_printf(a, "%s.%s", q,
				    phase_names[j]), phase_since(ph));
			continue;
		}
		add_text(t, arena_printf(a, "%s.name", q), ph->name);
		add_text(t, arena_printf(a, "%s.reason", q), ph->reason);
		add_fact(t, arena_printf(a, "%s.start", q), &ph->start, as_of);
		add_fact(t, arena_printf(a, "%s.end", q), &ph->end, as_of);
		if (phase_plan(ph, as_of, &start, &end)) {
			add_date(t, arena_printf(a, "%s.planned_start", q),
			    &start);
			add_date(t, arena_printf(a, "%s.planned_end", q), &end);
		}
		add_count(t, arena_printf(a, "%s.sessions", q), &ph->sessions,
		    as_of);
	}
	for (i = 0; i < in->nmilestones; i++) {
		const struct milestone *m = &in->milestones[i];
		const char *q;

		if (m->id == NULL)
			continue;
		q = arena_printf(a, "%s.milestones.%s", p, m->id);
		add_text(t, arena_printf(a, "%s.label", q), m->label);
		if (milestone_plan(m, as_of)->kind == DATE_NONE &&
		    m->planned.kind != DATE_NONE)
			add_later(t, arena_printf(a, "%s.planned", q),
			    &m->planned_on);
		else
			add_date(t, arena_printf(a, "%s.planned", q),
			    milestone_plan(m, as_of));
		add_fact(t, arena_printf(a, "%s.actual", q), &m->actual, as_of);
	}
	for (i = 0; i < in->nfigures; i++) {
		const struct figure *f = &in->figures[i];

		if (f->id == NULL)
			continue;
		add_count(t, arena_printf(a, "%s.figures.%s", p, f->id),
		    &f->value, as_of);
		add_count(t, arena_printf(a, "%s.figures.%s.target", p,
		    f->id), &f->target, as_of);
		add_count(t, arena_printf(a, "%s.figures.%s.reference", p,
		    f->id), &f->reference, as_of);
		add_text(t, arena_printf(a, "%s.figures.%s.reference_label",
		    p, f->id), f->ref_label);
		add_text(t, arena_printf(a, "%s.figures.%s.label", p, f->id),
		    f->label);
	}
}

static void
sort_table(struct name_table *t)
{
	size_t	 i, j;

	qsort(t->v, t->n, sizeof(*t->v), cmp_name);
	/* Keys are unique by construction (ids are checked unique). */
	for (i = j = 0; i < t->n; i++)
		if (j == 0 || strcmp(t->v[j - 1].key, t->v[i].key) != 0)
			t->v[j++] = t->v[i];
	t->n = j;
	t->built = 1;
}

static int
cmp_init(const void *a, const void *b)
{
	return strcmp((*(const struct initiative *const *)a)->id,
	    (*(const struct initiative *const *)b)->id);
}

void
names_build(struct names *t, struct arena *a, const struct content *c,
    const struct note *nt)
{
	struct adder	 ad;
	const struct note *prev;
	struct date	 none;
	size_t		 i;

	memset(t, 0, sizeof(*t));
	t->arena = a;
	t->c = c;
	t->as_of = nt->as_of;
	memset(&ad, 0, sizeof(ad));
	ad.arena = a;
	ad.t = &t->top;
	add_text(&ad, "site.municipality", c->site.municipality);
	for (i = 0; i < c->site.nunits; i++)
		if (c->site.units[i].id != NULL)
			add_text(&ad, arena_printf(a, "units.%s",
			    c->site.units[i].id), c->site.units[i].name);
	add_date(&ad, "note.date", &nt->date);
	add_date(&ad, "note.as_of", &nt->as_of);
	add_text(&ad, "note.title", nt->title);
	add_text(&ad, "note.subject", nt->subject);
	/* The note this one follows up, when there is one. */
	prev = note_follows(c, nt);
	memset(&none, 0, sizeof(none));
	add_date(&ad, "previous_note.date", prev != NULL ? &prev->date : &none);
	add_date(&ad, "previous_note.as_of", prev != NULL ? &prev->as_of :
	    &none);
	add_text(&ad, "previous_note.title", prev != NULL ? prev->title :
	    NULL);
	if (nt->sender_p != NULL)
		add_text(&ad, "note.sender", nt->sender_p->name);
	for (i = 0; i < nt->nevents; i++) {
		if (nt->events[i].id == NULL)
			continue;
		if (nt->events[i].date.kind != DATE_NONE &&
		    !known_by(&nt->events[i].date, &nt->as_of)) {
			add_later(&ad, arena_printf(a, "events.%s.label",
			    nt->events[i].id), &nt->events[i].date);
			add_later(&ad, arena_printf(a, "events.%s.date",
			    nt->events[i].id), &nt->events[i].date);
			continue;
		}
		add_text(&ad, arena_printf(a, "events.%s.label",
		    nt->events[i].id), nt->events[i].label);
		add_date(&ad, arena_printf(a, "events.%s.date",
		    nt->events[i].id), &nt->events[i].date);
	}
	sort_table(&t->top);
	t->ninits = c->ninitiatives;
	t->by_id = arena_calloc(a, t->ninits + 1, sizeof(*t->by_id));
	t->inits = arena_calloc(a, t->ninits + 1, sizeof(*t->inits));
	for (i = 0; i < t->ninits; i++)
		t->by_id[i] = &c->initiatives[i];
	qsort(t->by_id, t->ninits, sizeof(*t->by_id), cmp_init);
}

/* The table of the i-th initiative by id, made the first time. */
static const struct name_table *
init_table(struct names *t, size_t i)
{
	struct adder	 ad;

	if (!t->inits[i].built) {
		memset(&ad, 0, sizeof(ad));
		ad.arena = t->arena;
		ad.t = &t->inits[i];
		add_initiative(&ad, t->by_id[i], &t->as_of);
		sort_table(&t->inits[i]);
	}
	return &t->inits[i];
}

/* The index in by_id of the initiative whose id is key up to a ".". */
static size_t
init_of(const struct names *t, const char *key)
{
	const char	*dot = strchr(key, '.');
	size_t		 lo = 0, hi = t->ninits, mid, len;
	int		 c;

	if (dot == NULL)
		return (size_t)-1;
	len = (size_t)(dot - key);
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strncmp(t->by_id[mid]->id, key, len)) == 0 &&
		    t->by_id[mid]->id[len] != '\0')
			c = 1;
		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (size_t)-1;
}

static const struct name *
table_find(const struct name_table *tb, const char *key)
{
	struct name	 k;

	k.key = key;
	return tb->n == 0 ? NULL :
	    bsearch(&k, tb->v, tb->n, sizeof(*tb->v), cmp_name);
}

const struct name *
names_find(struct names *t, const char *key)
{
	const struct name_table *tb;
	const struct name *n;
	size_t		 i, len;

	if ((i = init_of(t, key)) == (size_t)-1)
		return table_find(&t->top, key);
	tb = init_table(t, i);
	if ((n = table_find(tb, key)) != NULL)
		return n;
	/* Under an unreadable initiative: "baba." covers "baba.x.y". */
	for (i = 0; i < tb->n; i++) {
		len = strlen(tb->v[i].key);
		if (tb->v[i].kind == NAME_BAD && tb->v[i].key[len - 1] == '.' &&
		    strncmp(tb->v[i].key, key, len) == 0)
			return &tb->v[i];
	}
	return NULL;
}

/*
 * Suggested among the site's and the note's names and those of the
 * initiative the key names, or else of the one whose id is nearest.
 */
const char *
names_suggest(struct names *t, const char *key)
{
	const struct name_table *tb = NULL;
	const char	**keys, *near, *dot = strchr(key, '.');
	size_t		 i, n = 0;

	if ((i = init_of(t, key)) != (size_t)-1)
		tb = init_table(t, i);
	else if (dot != NULL && t->ninits > 0) {
		keys = arena_calloc(t->arena, t->ninits, sizeof(*keys));
		for (i = 0; i < t->ninits; i++)
			keys[i] = t->by_id[i]->id;
		near = diag_suggest(arena_strndup(t->arena, key,
		    (size_t)(dot - key)), keys, t->ninits);
		if (near != NULL && (i = init_of(t, arena_printf(t->arena,
		    "%s.", near))) != (size_t)-1)
			tb = init_table(t, i);
	}
	keys = arena_calloc(t->arena, t->top.n + (tb ? tb->n : 0) + 1,
	    sizeof(*keys));
	for (i = 0; i < t->top.n; i++)
		keys[n++] = t->top.v[i].key;
	for (i = 0; tb != NULL && i < tb->n; i++)
		keys[n++] = tb->v[i].key;
	return diag_suggest(key, keys, n);
}

const char *
names_example(struct names *t)
{
	const struct name_table *tb;
	size_t		 i, j;

	for (i = 0; i < t->ninits; i++) {
		tb = init_table(t, i);
		for (j = 0; j < tb->n; j++)
			if (strstr(tb->v[j].key, ".participants.") != NULL &&
			    tb->v[j].kind != NAME_EMPTY)
				return tb->v[j].key;
	}
	if (t->ninits > 0 && init_table(t, 0)->n > 0)
		return t->inits[0].v[0].key;
	return t->top.n > 0 ? t->top.v[0].key : "site.municipality";
}

static int
cmp_number(const void *a, const void *b)
{
	const struct name_number *x = a, *y = b;

	if (x->num != y->num)
		return x->num < y->num ? -1 : 1;
	if (x->key != NULL && y->key != NULL)
		return strcmp(x->key, y->key);
	return 0;
}

static void
add_number(struct names *t, size_t *n, const struct initiative *in,
    enum num_what what, size_t idx, const struct count *c)
{
	struct name_number *v;

	/* Only whole numbers are typed by hand in a sentence as such. */
	if (!c->set || c->unit != NULL || c->decimals > 0)
		return;
	if (t->nums != NULL) {
		v = &t->nums[t->nnums++];
		v->num = c->value;
		v->in = in;
		v->what = what;
		v->idx = idx;
	}
	(*n)++;
}

/*
 * Every number of every initiative as of the note (what add_initiative
 * makes a NAME_NUMBER of), sorted by value; counted, then filled in.
 */
static void
build_numbers(struct names *t)
{
	const struct initiative *in;
	struct participants pa;
	struct count	 c;
	size_t		 i, j, n = 0;
	int		 pass;

	for (pass = 0; pass < 2; pass++) {
		if (pass == 1)
			t->nums = arena_calloc(t->arena, n + 1,
			    sizeof(*t->nums));
		for (i = 0; i < t->ninits; i++) {
			if ((in = t->by_id[i])->broken)
				continue;
			c = staff_at(&in->staff, &t->as_of);
			add_number(t, &n, in, NUM_STAFF, 0, &c);
			/* Each course's (idx), and their sums (idx n). */
			for (j = 0; j <= in->nparticipants; j++) {
				if (j < in->nparticipants)
					participants_at(&in->participants[j],
					    &t->as_of, &pa);
				else if (in->nparticipants > 0 &&
				    in->participants[0].id != NULL)
					participants_total(in, &t->as_of, &pa);
				else
					break;
				add_number(t, &n, in, NUM_RECRUITED, j,
				    &pa.recruited);
				add_number(t, &n, in, NUM_STARTED, j,
				    &pa.started);
				add_number(t, &n, in, NUM_DROPPED_OUT, j,
				    &pa.dropped_out);
				add_number(t, &n, in, NUM_COMPLETED, j,
				    &pa.completed);
				add_number(t, &n, in, NUM_ACTIVE, j,
				    &pa.active);
			}
			for (j = 0; j < in->nphases; j++) {
				if (in->phases[j].id == NULL)
					continue;
				c = count_at(&in->phases[j].sessions, &t->as_of);
				add_number(t, &n, in, NUM_SESSIONS, j, &c);
			}
			for (j = 0; j < in->nfigures; j++) {
				if (in->figures[j].id == NULL)
					continue;
				c = count_at(&in->figures[j].value, &t->as_of);
				add_number(t, &n, in, NUM_FIGURE, j, &c);
			}
		}
	}
	qsort(t->nums, t->nnums, sizeof(*t->nums), cmp_number);
	t->nums_built = 1;
}

static const char *
number_key(struct arena *a, const struct name_number *v)
{
	static const char *const parts[] = {
		"staff.count", "participants.recruited",
		"participants.started", "participants.dropped_out",
		"participants.completed", "participants.active"
	};

	if (v->what == NUM_SESSIONS)
		return arena_printf(a, "%s.phases.%s.sessions", v->in->id,
		    v->in->phases[v->idx].id);
	if (v->what == NUM_FIGURE)
		return arena_printf(a, "%s.figures.%s", v->in->id,
		    v->in->figures[v->idx].id);
	if (v->what != NUM_STAFF && v->idx < v->in->nparticipants &&
	    v->in->participants[v->idx].id != NULL)
		return arena_printf(a, "%s.participants.%s.%s", v->in->id,
		    v->in->participants[v->idx].id,
		    parts[v->what] + strlen("participants."));
	return arena_printf(a, "%s.%s", v->in->id, parts[v->what]);
}

size_t
names_numbered(struct names *t, long v, const char **keys, size_t max)
{
	size_t	 lo = 0, hi, i, end;

	if (!t->nums_built)
		build_numbers(t);
	/* The first with a value not below v. */
	for (hi = t->nnums; lo < hi;) {
		i = lo + (hi - lo) / 2;
		if (t->nums[i].num < v)
			lo = i + 1;
		else
			hi = i;
	}
	for (end = lo; end < t->nnums && t->nums[end].num == v; end++)
		continue;
	/* The first time v is asked for, its names get keys, in order. */
	if (end > lo && t->nums[lo].key == NULL) {
		for (i = lo; i < end; i++)
			t->nums[i].key = number_key(t->arena, &t->nums[i]);
		qsort(t->nums + lo, end - lo, sizeof(*t->nums), cmp_number);
	}
	for (i = lo; i < end && i - lo < max; i++)
		keys[i - lo] = t->nums[i].key;
	return end - lo;
}

/* A number the Danish way, with its unit: "12,5 %". */
static void
quantity(struct buf *b, const struct name *n)
{
	struct quantity	 q;

	q.value = n->num;
	q.decimals = n->decimals;
	q.unit = n->unit;
	q.approx = n->approx;
	danish_quantity_format(b, &q);
}

int
names_format(const struct lang *lang, const struct name *n,
    const char *filter, struct buf *b, char *err, size_t errsz)
{
	static const char *const kinds[NAME__MAX] = {
		N_("text"), N_("a number"), N_("a date"), N_("unreadable"),
		N_("not yet known"), N_("without a value")
	};

	if (n->kind == NAME_BAD)
		return 0;
	if (n->kind == NAME_LATER || n->kind == NAME_EMPTY) {
		snprintf(err, errsz, tr(lang, "this value is not known on "
		    "the note's date"));
		return -1;
	}
	if (filter == NULL) {
		switch (n->kind) {
		case NAME_TEXT:
			buf_puts(b, n->text);
			break;
		case NAME_NUMBER:
			quantity(b, n);
			break;
		default:
			date_format(b, &n->date, 0);
			break;
		}
		return 0;
	}
	if (n->kind == NAME_NUMBER && (strcmp(filter, "ord") == 0 ||
	    strcmp(filter, "Ord") == 0) && n->unit == NULL &&
	    n->decimals == 0 && !n->approx) {
		danish_number_word(b, n->num, filter[0] == 'O');
		return 0;
	}
	if (n->kind == NAME_NUMBER && (strcmp(filter, "ord") == 0 ||
	    strcmp(filter, "Ord") == 0)) {
		snprintf(err, errsz, tr(lang, "\"| %s\" writes whole numbers "
		    "in words; \"%s\" has a unit, decimals or \"ca.\": leave "
		    "the filter out"), filter, n->key);
		return -1;
	}
	if (n->kind == NAME_NUMBER && strcmp(filter, "tal") == 0) {
		quantity(b, n);
		return 0;
	}
	if (n->kind == NAME_DATE && strcmp(filter, "uden år") == 0) {
		date_format(b, &n->date, DATE_FMT_NOYEAR);
		return 0;
	}
	if (strcmp(filter, "ord") == 0 || strcmp(filter, "Ord") == 0 ||
	    strcmp(filter, "tal") == 0 || strcmp(filter, "uden år") == 0)
		snprintf(err, errsz, tr(lang, "\"| %s\" does not apply to "
		    "\"%s\", which is %s"), filter, n->key, tr(lang,
		    kinds[n->kind]));
	else
		snprintf(err, errsz, tr(lang, "unknown filter \"| %s\" (the "
		    "filters are: ord, Ord and tal for numbers, \"uden år\" "
		    "for dates)"), filter);
	return -1;
}
