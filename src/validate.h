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
 * The note before nt (an earlier as_of) that covers the initiative in,
 * for "since last time": NULL when there is none.
 */
const struct note *note_before(const struct content *,
		    const struct note *nt, const struct initiative *in);

#endif
