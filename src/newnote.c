/*
 * newnote.c: statusnotat new, the next note of the yearly series.  See
 * newnote.h.  The new report.yaml is the old one as its author wrote
 * it (comments, order and layout kept), edited by the lines of its
 * top-level keys: the date replaced, as_of and corrections (which were
 * the old note's) left out, and a section with the forecast ledger
 * added at the end of "sections" when the old note expected something
 * and had none.  The other files of the note's folder (narratives,
 * images, attachments) are copied, but not its record (published.txt).
 * Only a new folder is written: mkdir refuses one that exists.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "date.h"
#include "diag.h"
#include "fsutil.h"
#include "i18n.h"
#include "known.h"
#include "load.h"
#include "model.h"
#include "newnote.h"
#include "record.h"

#define MAX_FILE	(64L * 1024 * 1024)	/* a file copied */
#define MAX_DEPTH	8			/* folders in a note's folder */

/* The note to start from: from, or the newest. */
static const struct note *
source(const struct content *c, struct diag *d, const char *from)
{
	size_t	 i;

	for (i = 0; i < c->nnotes; i++)
		if (from == NULL || strcmp(c->notes[i].id, from) == 0)
			return &c->notes[i];	/* newest first */
	if (from != NULL)
		diag_msg(d, DIAG_SYSERR, NULL, 0, 0, "there is no note \"%s\" "
		    "in %s/reports to start from", from, c->dir);
	else
		diag_msg(d, DIAG_SYSERR, NULL, 0, 0, "there is no note in "
		    "%s/reports to start from: write the first one by hand "
		    "(see docs/content.md)", c->dir);
	return NULL;
}

/* Whether the note expected anything: a plan not yet carried out. */
static int
expected_any(const struct note *nt)
{
	const struct initiative *in;
	struct date	 s, e;
	size_t		 i, j;

	for (i = 0; i < nt->ninitiatives; i++) {
		if ((in = nt->initiatives_p[i]) == NULL)
			continue;
		for (j = 0; j < in->nmilestones; j++)
			if (milestone_status(&in->milestones[j], &nt->as_of) !=
			    STATUS_DONE && milestone_plan(&in->milestones[j],
			    &nt->as_of)->kind != DATE_NONE)
				return 1;
		for (j = 0; j < in->nphases; j++)
			if (phase_at(&in->phases[j], &nt->as_of, &s, &e) ==
			    PHASE_PLANNED)
				return 1;
	}
	return 0;
}

static int
has_ledger(const struct note *nt)
{
	size_t	 i;

	for (i = 0; i < nt->nsections; i++)
		if (nt->sections[i].forecasts)
			return 1;
	return 0;
}

/* Where line (from 1) begins in text, or len. */
static size_t
line_start(const char *text, size_t len, int line)
{
	size_t	 i = 0;

	while (line > 1 && i < len)
		if (text[i++] == '\n')
			line--;
	return i;
}

/*
 * The old report.yaml as the new one: each top-level key's lines, from
 * its line to the next key's, kept, replaced or left out.
 */
static int
new_report(struct buf *out, struct diag *d, const struct note *old,
    const char *text, size_t len, const struct ynode *root,
    const struct date *date, int ledger)
{
	const struct ynode *k, *v;
	struct buf	 when;
	size_t		 i, from, to, at;
	int		 col;

	if (root->type != YNODE_MAP || root->nkids < 2) {
		diag_msg(d, DIAG_ERROR, old->file, 0, 0, "cannot read the "
		    "note's keys");
		return -1;
	}
	buf_init(&when, out->arena);
	date_format(&when, date, 0);
	/* What comes before the first key: comments. */
	buf_put(out, text, line_start(text, len, root->kids[0]->line));
	for (i = 0; i + 1 < root->nkids; i += 2) {
		k = root->kids[i];
		v = root->kids[i + 1];
		from = line_start(text, len, k->line);
		to = i + 2 < root->nkids ? line_start(text, len,
		    root->kids[i + 2]->line) : len;
		if (strcmp(k->str, "as_of") == 0 ||
		    strcmp(k->str, "corrections") == 0)
			continue;
		if (strcmp(k->str, "date") == 0) {
			buf_printf(out, "date: %s\n", when.data);
			/* Comment lines after it stay. */
			at = line_start(text, len, k->line + 1);
			buf_put(out, text + at, to > at ? to - at : 0);
			continue;
		}
		if (strcmp(k->str, "sections") != 0 || !ledger ||
		    v->type != YNODE_SEQ || v->nkids == 0) {
			buf_put(out, text + from, to - from);
			continue;
		}
		/* The ledger as the last section, indented as the first. */
		buf_put(out, text + from, to - from);
		if (out->len > 0 && out->data[out->len - 1] != '\n')
			buf_putc(out, '\n');
		col = v->kids[0]->col > 2 ? v->kids[0]->col - 3 : 0;
		buf_printf(out, "%*s- title: Forventninger fra sidste "
		    "statusnotat\n%*s  include: forecasts\n", col, "", col, "");
	}
	return 0;
}

/* Copy the files of folder src into dst (made), but its record. */
static int
copy_files(struct arena *a, struct diag *d, const char *root,
    const char *src, const char *dst, int depth)
{
	struct stat	 st;
	char		**names;
	const char	*from, *to, *text;
	size_t		 i, n, len;

	if ((names = fs_list(a, d, src, "", &n)) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		from = arena_printf(a, "%s/%s", src, names[i]);
		to = arena_printf(a, "%s/%s", dst, names[i]);
		if (depth == 0 && (strcmp(names[i], "report.yaml") == 0 ||
		    strcmp(names[i], "report.yml") == 0 ||
		    strcmp(names[i], RECORD_NAME) == 0))
			continue;
		if (stat(from, &st) == -1)
			continue;
		if (S_ISDIR(st.st_mode) && depth < MAX_DEPTH) {
			if (fs_check_inside(d, root, from) == -1)
				return -1;
			if (mkdir(to, 0777) == -1) {
				diag_msg(d, DIAG_SYSERR, to, 0, 0, "cannot make "
				    "the folder: %s", fs_why(d, errno));
				return -1;
			}
			if (copy_files(a, d, root, from, to, depth + 1) == -1)
				return -1;
		} else if (S_ISREG(st.st_mode)) {
			if ((text = fs_read_in(a, d, root, from, MAX_FILE,
			    &len, 0)) == NULL ||
			    fs_write(d, to, text, len) == -1)
				return -1;
		}
	}
	return 0;
}

static void
exists(struct diag *d, const char *dir)
{
	diag_msg(d, DIAG_SYSERR, dir, 0, 0, "exists already: statusnotat new "
	    "writes a new folder only; give the note another id");
}

/* Today, in the local time zone, as a day. */
static int
today(struct date *t)
{
	time_t		 now = time(NULL);
	struct tm	 tm;
	char		 s[32];

	if (localtime_r(&now, &tm) == NULL ||
	    strftime(s, sizeof(s), "%Y-%m-%d", &tm) == 0)
		return -1;
	return date_parse(s, strlen(s), t, NULL, 0);
}

int
newnote(struct arena *a, struct diag *d, const struct content *c,
    const char *id, const char *from, const char *when)
{
	const struct note *old;
	const struct ynode *root;
	struct stat	 st;
	struct date	 date;
	struct buf	 out, old_when, new_when;
	const char	*dir, *text, *stuck;
	char		 err[256];
	size_t		 len;
	int		 ledger, errnum;

	if (!fs_is_plain_name(id) || strlen(id) > MODEL_MAX_ID) {
		diag_msg(d, DIAG_SYSERR, NULL, 0, 0, "\"%s\" is not a valid id "
		    "for a note: use lower-case letters a-z, digits, \"-\" "
		    "and \"_\", as in \"2022-bydelsmoedre-baba\"", id);
		return -1;
	}
	dir = arena_printf(a, "%s/reports/%s", c->dir, id);
	if (lstat(dir, &st) == 0) {
		exists(d, dir);
		return -1;
	}
	if ((old = source(c, d, from)) == NULL)
		return -1;
	if (when != NULL && date_parse_in(d->lang, when, strlen(when), &date,
	    err, sizeof(err)) == -1) {
		diag_msg(d, DIAG_SYSERR, NULL, 0, 0, "--date: %s", err);
		return -1;
	}
	if (when == NULL && today(&date) == -1) {
		diag_msg(d, DIAG_SYSERR, NULL, 0, 0, "cannot tell today's date: "
		    "give the note's date with --date");
		return -1;
	}
	if (date.kind != DATE_DAY) {
		diag_msg(d, DIAG_SYSERR, NULL, 0, 0, "--date: a note is dated "
		    "by a day, such as \"2. juni 2022\"");
		return -1;
	}
	buf_init(&old_when, a);
	date_format(&old_when, &old->date, 0);
	buf_init(&new_when, a);
	date_format(&new_when, &date, 0);
	if (date_cmp(&date, &old->date) <= 0) {
		diag_msg(d, DIAG_SYSERR, NULL, 0, 0, "the new note's date, %s, "
		    "must come after the date of \"%s\", %s", new_when.data,
		    old->id, old_when.data);
		return -1;
	}
	if ((text = fs_read_in(a, d, c->dir, old->file, MAX_FILE, &len,
	    0)) == NULL || (root = load_yaml(a, d, old->file, text,
	    len)) == NULL)
		return -1;
	ledger = expected_any(old) && !has_ledger(old);
	buf_init(&out, a);
	if (new_report(&out, d, old, text, len, root, &date, ledger) == -1)
		return -1;

	if (mkdir(dir, 0777) == -1) {
		if (errno == EEXIST)
			exists(d, dir);
		else
			diag_msg(d, DIAG_SYSERR, dir, 0, 0, "cannot make the "
			    "folder: %s", fs_why(d, errno));
		return -1;
	}
	/* Only what it wrote is removed again, after a failure. */
	if (copy_files(a, d, c->dir, old->dir, dir, 0) == -1 ||
	    fs_write(d, arena_printf(a, "%s/report.yaml", dir), out.data,
	    out.len) == -1) {
		(void)fs_remove_tree(a, dir, &stuck, &errnum);
		return -1;
	}
	fputs("statusnotat: ", stdout);
	printf(tr(d->lang, "wrote %s, the note of %s, from \"%s\" of %s.\n"
	    "Next:\n"
	    "  1. Add the year's facts to %s/initiatives/*.yaml: the new "
	    "numbers\n"
	    "     with the date they hold from, the actual dates of what "
	    "happened\n"
	    "     (actual:), the ends of phases, new plans.\n"
	    "  2. Revise the texts in %s (copied from \"%s\"):\n"
	    "     statusnotat check warns about what still says last year's.\n"
	    "  3. Run statusnotat check, then statusnotat build, and read "
	    "the note.\n"
	    "  4. When the council has had it: statusnotat publish %s\n"),
	    dir, new_when.data, old->id, old_when.data, c->dir, dir,
	    old->id, id);
	return 0;
}
