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
#include "model.h"
#include "names.h"
#include "validate.h"

static struct name *
add(struct names *t, const char *key)
{
	if (t->n == t->cap) {
		t->v = arena_grow(t->arena, t->v, t->n * sizeof(*t->v),
		    (t->cap = t->cap ? t->cap * 2 : 64) * sizeof(*t->v));
	}
	memset(&t->v[t->n], 0, sizeof(*t->v));
	t->v[t->n].key = key;
	return &t->v[t->n++];
}

static void
add_text(struct names *t, const char *key, const char *s)
{
	struct name	*n;

	if (s == NULL)
		return;
	n = add(t, key);
	n->kind = NAME_TEXT;
	n->text = s;
}

static void
add_num(struct names *t, const char *key, const struct count *c)
{
	struct name	*n;

	if (c->bad)
		add(t, key)->kind = NAME_BAD;
	if (!c->set)
		return;
	n = add(t, key);
	n->kind = NAME_NUMBER;
	n->num = c->value;
}

static void
add_date(struct names *t, const char *key, const struct date *d)
{
	struct name	*n;

	if (d->bad)
		add(t, key)->kind = NAME_BAD;
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

/* The names of an initiative, its numbers and plans as of the note. */
static void
add_initiative(struct names *t, const struct initiative *in,
    const struct date *as_of)
{
	struct arena	*a = t->arena;
	const char	*p = in->id;
	struct participants pa;
	struct count	 c;
	size_t		 i;

	/*
	 * A file with errors: a name missing under it is most likely one
	 * of those errors, already reported; "baba." stands for them.
	 */
	if (in->broken || in->incomplete)
		add(t, arena_printf(a, "%s.", p))->kind = NAME_BAD;
	if (in->broken)
		return;
	add_text(t, arena_printf(a, "%s.name", p), in->name);
	add_text(t, arena_printf(a, "%s.origin", p), in->origin);
	if (in->owner_p != NULL)
		add_text(t, arena_printf(a, "%s.owner", p), in->owner_p->name);
	add_date(t, arena_printf(a, "%s.founded", p), &in->founded);
	add_date(t, arena_printf(a, "%s.established", p), &in->established);
	c = count_at(&in->staff.count, as_of);
	add_num(t, arena_printf(a, "%s.staff.count", p), &c);
	if (in->staff.unit_p != NULL)
		add_text(t, arena_printf(a, "%s.staff.unit", p),
		    in->staff.unit_p->name);
	add_date(t, arena_printf(a, "%s.staff.from", p), &in->staff.from);
	participants_at(&in->participants, as_of, &pa);
	add_num(t, arena_printf(a, "%s.participants.recruited", p),
	    &pa.recruited);
	add_num(t, arena_printf(a, "%s.participants.started", p), &pa.started);
	add_num(t, arena_printf(a, "%s.participants.dropped_out", p),
	    &pa.dropped_out);
	add_num(t, arena_printf(a, "%s.participants.completed", p),
	    &pa.completed);
	add_num(t, arena_printf(a, "%s.participants.active", p), &pa.active);
	for (i = 0; i < in->nphases; i++) {
		const struct phase *ph = &in->phases[i];
		const char *q;

		if (ph->id == NULL)
			continue;
		q = arena_printf(a, "%s.phases.%s", p, ph->id);
		add_text(t, arena_printf(a, "%s.name", q), ph->name);
		add_text(t, arena_printf(a, "%s.reason", q), ph->reason);
		add_date(t, arena_printf(a, "%s.start", q), &ph->start);
		add_date(t, arena_printf(a, "%s.end", q), &ph->end);
		c = count_at(&ph->sessions, as_of);
		add_num(t, arena_printf(a, "%s.sessions", q), &c);
	}
	for (i = 0; i < in->nmilestones; i++) {
		const struct milestone *m = &in->milestones[i];
		const char *q;

		if (m->id == NULL)
			continue;
		q = arena_printf(a, "%s.milestones.%s", p, m->id);
		add_text(t, arena_printf(a, "%s.label", q), m->label);
		add_date(t, arena_printf(a, "%s.planned", q),
		    milestone_plan(m, as_of));
		add_date(t, arena_printf(a, "%s.actual", q), &m->actual);
	}
	for (i = 0; i < in->nfigures; i++) {
		const struct figure *f = &in->figures[i];

		if (f->id == NULL)
			continue;
		c = count_at(&f->value, as_of);
		add_num(t, arena_printf(a, "%s.figures.%s", p, f->id), &c);
		add_text(t, arena_printf(a, "%s.figures.%s.label", p, f->id),
		    f->label);
	}
}

void
names_build(struct names *t, struct arena *a, const struct content *c,
    const struct note *nt)
{
	size_t	 i, j;

	memset(t, 0, sizeof(*t));
	t->arena = a;
	add_text(t, "site.municipality", c->site.municipality);
	for (i = 0; i < c->site.nunits; i++)
		if (c->site.units[i].id != NULL)
			add_text(t, arena_printf(a, "units.%s",
			    c->site.units[i].id), c->site.units[i].name);
	add_date(t, "note.date", &nt->date);
	add_date(t, "note.as_of", &nt->as_of);
	add_text(t, "note.title", nt->title);
	add_text(t, "note.subject", nt->subject);
	if (nt->sender_p != NULL)
		add_text(t, "note.sender", nt->sender_p->name);
	for (i = 0; i < nt->nevents; i++) {
		if (nt->events[i].id == NULL)
			continue;
		add_text(t, arena_printf(a, "events.%s.label",
		    nt->events[i].id), nt->events[i].label);
		add_date(t, arena_printf(a, "events.%s.date",
		    nt->events[i].id), &nt->events[i].date);
	}
	for (i = 0; i < c->ninitiatives; i++)
		add_initiative(t, &c->initiatives[i], &nt->as_of);
	qsort(t->v, t->n, sizeof(*t->v), cmp_name);
	/* Keys are unique by construction (ids are checked unique). */
	for (i = j = 0; i < t->n; i++)
		if (j == 0 || strcmp(t->v[j - 1].key, t->v[i].key) != 0)
			t->v[j++] = t->v[i];
	t->n = j;
}

const struct name *
names_find(const struct names *t, const char *key)
{
	struct name	 k;
	const struct name *n;
	size_t		 i, len;

	k.key = key;
	n = t->n == 0 ? NULL :
	    bsearch(&k, t->v, t->n, sizeof(*t->v), cmp_name);
	/* Under an unreadable initiative: "baba." covers "baba.x.y". */
	for (i = 0; n == NULL && i < t->n; i++) {
		len = strlen(t->v[i].key);
		if (t->v[i].kind == NAME_BAD && t->v[i].key[len - 1] == '.' &&
		    strncmp(t->v[i].key, key, len) == 0)
			n = &t->v[i];
	}
	return n;
}

const char *
names_suggest(const struct names *t, const char *key)
{
	const char	**keys;
	size_t		 i;

	keys = arena_calloc(t->arena, t->n + 1, sizeof(*keys));
	for (i = 0; i < t->n; i++)
		keys[i] = t->v[i].key;
	return diag_suggest(key, keys, t->n);
}

int
names_format(const struct name *n, const char *filter, struct buf *b,
    char *err, size_t errsz)
{
	static const char *const kinds[NAME__MAX] = {
		"text", "a number", "a date", "unreadable"
	};

	if (n->kind == NAME_BAD)
		return 0;
	if (filter == NULL) {
		switch (n->kind) {
		case NAME_TEXT:
			buf_puts(b, n->text);
			break;
		case NAME_NUMBER:
			danish_number(b, n->num);
			break;
		default:
			date_format(b, &n->date, 0);
			break;
		}
		return 0;
	}
	if (n->kind == NAME_NUMBER && (strcmp(filter, "ord") == 0 ||
	    strcmp(filter, "Ord") == 0)) {
		danish_number_word(b, n->num, filter[0] == 'O');
		return 0;
	}
	if (n->kind == NAME_NUMBER && strcmp(filter, "tal") == 0) {
		danish_number(b, n->num);
		return 0;
	}
	if (n->kind == NAME_DATE && strcmp(filter, "uden år") == 0) {
		date_format(b, &n->date, DATE_FMT_NOYEAR);
		return 0;
	}
	if (strcmp(filter, "ord") == 0 || strcmp(filter, "Ord") == 0 ||
	    strcmp(filter, "tal") == 0 || strcmp(filter, "uden år") == 0)
		snprintf(err, errsz, "\"| %s\" does not apply to \"%s\", "
		    "which is %s", filter, n->key, kinds[n->kind]);
	else
		snprintf(err, errsz, "unknown filter \"| %s\" (the filters "
		    "are: ord, Ord and tal for numbers, \"uden år\" for "
		    "dates)", filter);
	return -1;
}
