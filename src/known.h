/*
 * known.h: what the content says as known on a date, a note's as_of.
 * The one place that answers it: the layout (timeline, chart, figures,
 * forecast ledger), the names narratives use and the checks all ask
 * here, so a note shows the world as it was known on its date and a
 * fact recorded later does not reach it.
 *
 * A fact (a phase's start or end, a milestone's actual date, an event,
 * a count's dated value) exists from its date on: it is known on A when
 * it began by then (its first day is A's last day or before).  A plan
 * (a milestone's or a phase's planned dates) exists from when it was
 * made: its planned_on, a change of plan's date, or, not said, always.
 * A value with no date at all holds for every note.
 */
#ifndef KNOWN_H
#define KNOWN_H

#include "danish.h"
#include "model.h"

/* Whether the dated fact d was known on as_of (never for no date). */
int		 known_by(const struct date *d, const struct date *as_of);

/* A count's value as a quantity (danish.h), to print or compare. */
struct quantity	 count_quantity(const struct count *);

/* A count's value on a date: its newest entry from that date or before. */
struct count	 count_at(const struct count *, const struct date *as_of);
/*
 * When the count first has a value: NULL for a plain number (always)
 * or one never set.
 */
const struct date *count_since(const struct count *);

/* The staff on a date: the count, or the sum of the roles' counts. */
struct count	 staff_at(const struct staff *, const struct date *as_of);

/* Every participant count on a date, with "active" derived if not given. */
void		 participants_at(const struct participants *,
		    const struct date *as_of, struct participants *out);

/* The counts of p, always in this order. */
enum { PART_RECRUITED, PART_STARTED, PART_DROPPED_OUT, PART_COMPLETED,
    PART_ACTIVE, PART__MAX };
void		 participant_counts(const struct participants *,
		    const struct count *out[PART__MAX]);

/* Whether any of the course's (or the whole's) counts is known on as_of. */
int		 participants_known(const struct participants *,
		    const struct date *as_of);

/*
 * The initiative's participants on a date: its counts, or the sums of
 * its courses' (a sum is set when any course's count is).
 */
void		 participants_total(const struct initiative *,
		    const struct date *as_of, struct participants *out);

/* Whether the note covers the initiative (validate resolves them). */
int		 note_covers(const struct note *, const struct initiative *);

/* Whether the two notes cover an initiative in common. */
int		 notes_share(const struct note *, const struct note *);

/*
 * The note nt (one of c's) follows up: the newest one before it on one
 * of its initiatives, or NULL.
 */
const struct note *note_follows(const struct content *c,
		    const struct note *nt);

/*
 * When a milestone was expected on a date: the plan then in force, or
 * a date of kind DATE_NONE when no plan was made by then.
 */
const struct date *milestone_plan(const struct milestone *,
		    const struct date *as_of);

/* A milestone's status as of a date. */
enum status	 milestone_status(const struct milestone *,
		    const struct date *as_of);

/* A phase as known on a date. */
enum phase_state {
	PHASE_ABSENT,		/* nothing about it was known yet */
	PHASE_UNDATED,		/* no dates at all: it holds always */
	PHASE_PLANNED,		/* planned, not begun: expected */
	PHASE_BEGUN,		/* begun; its end not known, or not passed */
	PHASE_ENDED		/* ended before the date */
};

/*
 * The phase on as_of, and the dates to show for it: the actual start
 * (the planned one for PHASE_PLANNED) and the end known by then, or
 * else the planned end (DATE_NONE when neither).
 */
enum phase_state phase_at(const struct phase *, const struct date *as_of,
		    struct date *start, struct date *end);

/*
 * The phase's plan in force on as_of (its newest change made by then,
 * else its first plan if made by then): 1 with *start and *end (end may
 * be DATE_NONE), 0 when there was none.
 */
int		 phase_plan(const struct phase *, const struct date *as_of,
		    struct date *start, struct date *end);

/*
 * When what is not known on as_of becomes known: the date of the
 * phase's first fact or plan (for PHASE_ABSENT), else NULL.
 */
const struct date *phase_since(const struct phase *);

#endif
