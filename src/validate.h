/*
 * validate.h: the second stage: checks across the model that no single
 * file can make (references, order, counts that add up, overdue
 * milestones) and resolves references.  Included by main and layout.
 */
#ifndef VALIDATE_H
#define VALIDATE_H

struct content;
struct date;
struct diag;
struct milestone;

/*
 * Check c and resolve its references; report every problem.  Warnings
 * (an overdue milestone) do not fail.  Returns 0 when there was no
 * error, else -1.
 */
int		 validate_content(struct content *, struct diag *);

/* A milestone's status as of a date (a note's as_of). */
enum status	 milestone_status(const struct milestone *,
		    const struct date *as_of);

#endif
