/*
 * diag.h: compiler-style diagnostics, in the manner of mandoc's
 * mandoc_msg.c.  Every stage reports what it finds through diag_msg();
 * callers only pass failure up.  Messages are held until diag_flush(),
 * which prints them file by file in line order, so a reader goes
 * through a file from the top.  The counts decide the exit status.
 * Every message is made safe for a terminal here, whatever the caller
 * passes (file names too): control characters (C0, DEL, C1), the
 * bidirectional controls and bytes that are not UTF-8 are printed as
 * U+XXXX or \xNN.  Reporting is linear in the number of messages, and
 * at most DIAG_MAX_PER_FILE messages about one file are printed.
 * Any file may include this header.
 */
#ifndef DIAG_H
#define DIAG_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum diag_level {
	DIAG_NOTE,	/* context for the message before it */
	DIAG_WARNING,	/* content is usable but probably wrong */
	DIAG_ERROR,	/* bad content: exit 1 */
	DIAG_SYSERR,	/* usage or system error: exit 2 */
	DIAG__MAX
};

struct diag_item;
struct diag_file;

struct lang;

struct diag {
	FILE		 *out;		/* where messages go: stderr, or NULL */
	const struct lang *lang;	/* what they are said in (i18n.h) */
	int		  count[DIAG__MAX];
	struct diag_item *items;	/* held until diag_flush; malloc'd */
	size_t		  nitems;
	size_t		  cap;
	struct diag_file *files;	/* the files named: a hash table */
	size_t		  nfiles;
	size_t		  fcap;		/* a power of two, or 0 */
	int		  dropping;	/* the last message was not held */
	int		  no_warnings;	/* warnings are counted, not held */
	int		  excerpts;	/* flush shows each message's line */
};

/* Messages held about one file; the rest are counted (diag_msg). */
#define DIAG_MAX_PER_FILE	200

/* English until lang is set: diag_init(d, out); d->lang = &lang. */
void	 diag_init(struct diag *, FILE *);
/* Print what is held, then free it. */
void	 diag_flush(struct diag *);

/*
 * Report "file:line:col: level: message".  line and col count from 1;
 * col 0 omits the column, line 0 omits both, file NULL prints
 * "statusnotat" instead.  A DIAG_NOTE stays with the message before it.
 */
void	 diag_msg(struct diag *, enum diag_level, const char *file,
	    int line, int col, const char *fmt, ...)
	    __attribute__((format(printf, 6, 7)));

/*
 * Append s to dst (of size dstsize, NUL-terminated, truncated to fit)
 * with what diag_msg escapes escaped; for callers that print outside
 * diag_msg.  Returns dst.
 */
char	*diag_escape(char *dst, size_t dstsize, const char *s);

/*
 * Whether a terminal could act on the character cp rather than show
 * it: C0 (tab and newline too), DEL, C1, and the bidirectional marks,
 * embeddings, overrides and isolates that can make a line read other
 * than it is.  What diag_escape escapes.
 */
int	 diag_is_control(uint32_t cp);

/* A held message, as diag_each hands it on. */
struct diag_shown {
	enum diag_level	 level;
	const char	*file;		/* NULL: about no file */
	int		 line;		/* 0: about no line */
	int		 col;		/* 0: about no column */
	const char	*text;		/* the line flush prints, made safe */
	const char	*message;	/* its message alone */
};

/*
 * Call fn for each message held, in the order diag_flush prints them,
 * for a caller that shows them its own way (the preview's page).  The
 * messages stay held until diag_flush.
 */
void	 diag_each(struct diag *, void (*fn)(void *, const struct diag_shown *),
	    void *arg);

/*
 * The line line of file, made safe as diag_escape does (a tab shown as
 * a space), into dst (truncated with "…" to fit), and *marker the
 * terminal column (from 0) of the character col (counted from 1), or
 * -1.  Returns -1 when the file or the line cannot be read (or size is
 * less than 4).
 */
int	 diag_excerpt(const char *file, int line, int col, char *dst,
	    size_t size, int *marker);

/*
 * "statusnotat: N errors, N warnings" and then after (when not NULL,
 * translated here) and a newline: when there was an error or a warning
 * held.  Warnings are easy to miss; the count is printed for them too.
 */
void	 diag_print_counts(const struct diag *, FILE *, const char *after);

/* 0 when only warnings were seen, 1 after an error, 2 after a system error. */
int	 diag_status(const struct diag *);

/*
 * The candidate closest to word by edit distance, or NULL when none is
 * close enough to be a likely typo.  For "did you mean".
 */
const char *diag_suggest(const char *word, const char *const *cands,
	    size_t ncands);

#endif
