/*
 * newnote.h: statusnotat new, the next note of the yearly series.  It
 * writes reports/ID, a new folder, from a note (the newest unless
 * given): its report.yaml dated anew, its texts and files copied for
 * revision, the forecast ledger added where that note expected
 * something; then it says what to do next.
 */
#ifndef NEWNOTE_H
#define NEWNOTE_H

struct arena;
struct content;
struct diag;

/*
 * Start the note id in the loaded content c, from the note from (NULL:
 * the newest), dated date (a Danish date, or NULL: today).  Returns 0,
 * or -1 after a message.
 */
int	newnote(struct arena *, struct diag *, const struct content *,
	    const char *id, const char *from, const char *date);

#endif
