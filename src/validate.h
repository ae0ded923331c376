/*
 * validate.h: the second stage: checks across the model that no single
 * file can make (references, order, counts that add up, overdue
 * milestones) and resolves references.  Included by main and layout.
 */
#ifndef VALIDATE_H
#define VALIDATE_H

#include "model.h"

/*
 * Check c and resolve its references; report every problem.  Warnings
 * (an overdue milestone) do not fail.  Returns 0 when there was no
 * error, else -1.
 */
int		 validate_content(struct content *, struct diag *);

/*
 * What the model says as of a date (a note's as_of): the layout stage
 * and the names for narratives read every number and plan through
 * these, so a note shows what held on its date, and a later edit of an
 * initiative's file does not change what an earlier note said.
 */

/* A count's value on a date: its newest entry from that date or before. */
struct count	 count_at(const struct count *, const struct date *as_of);

/* Every participant count on a date, with "active" derived if not given. */
void		 participants_at(const struct participants *,
		    const struct date *as_of, struct participants *out);

/* When a milestone was expected on a date: the plan then in force. */
const struct date *milestone_plan(const struct milestone *,
		    const struct date *as_of);

/* A milestone's status as of a date. */
enum status	 milestone_status(const struct milestone *,
		    const struct date *as_of);

/*
 * The note before nt (an earlier as_of) that covers the initiative in,
 * for "since last time": NULL when there is none.
 */
const struct note *note_before(const struct content *,
		    const struct note *nt, const struct initiative *in);

#endif
