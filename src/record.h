/*
 * record.h: a published note is a public record.  statusnotat publish
 * writes what the note says, its text as a reader gets it (not its
 * bytes: a new print style, template or font changes nothing), into
 * published.txt in the note's folder, which the municipality commits
 * with its content.  Every edition is kept: the first, then one for each
 * correction recorded in report.yaml ("corrections").  check and build
 * compare every published note with its newest edition: a change is an
 * error that shows the first changed lines.
 */
#ifndef RECORD_H
#define RECORD_H

struct arena;
struct buf;
struct content;
struct diag;
struct report;
struct report_note;

#define RECORD_NAME	"published.txt"

/*
 * The note's text as a reader gets it: plain UTF-8 lines, each line
 * indented by two spaces, paragraphs wrapped at 72 columns.
 */
void	record_text(struct buf *, const struct report_note *);

/*
 * Compare every published note of c (laid out in r) but the one whose
 * id is skip (NULL: none) with its record; an error for each that
 * changed.  Returns 0, or -1 after an error.
 */
int	record_check(struct arena *, struct diag *, const struct content *,
	    const struct report *, const char *skip);

/*
 * Publish the note id: write its record, or add an edition for its
 * newest correction.  Returns 0, or -1 after a message.
 */
int	record_publish(struct arena *, struct diag *, const struct content *,
	    const struct report *, const char *id);

#endif
