/*
 * marker.h: how a folder statusnotat wrote is known.  Every site holds
 * the file .statusnotat: two fixed lines, then the list of every file the
 * build wrote.  A build replaces a folder only when all that is in it
 * is on that list (or it is empty); a file anyone else put there stops
 * the build, since replacing the site would delete it.
 */
#ifndef MARKER_H
#define MARKER_H

struct arena;
struct diag;

#define MARKER_NAME	".statusnotat"

/* What marker_judge finds. */
enum marker_verdict {
	MARKER_OURS,		/* the marker's files, or nothing */
	MARKER_NONE,		/* things, and no marker */
	MARKER_FOREIGN,		/* the marker, and a file not on its list */
	MARKER_UNLISTED		/* things, and a marker with no list (a
				   build of statusnotat before the list) */
};

/*
 * Begin the marker in the new site dir: the two lines only, so that a
 * build killed at once still leaves a folder that is provably ours.
 * shown is dir as messages name it.
 */
int	marker_begin(struct arena *, struct diag *, const char *dir,
	    const char *shown);
/*
 * End it: list every file now in dir (sorted, one relative path a
 * line), written aside and renamed over the marker.
 */
int	marker_end(struct arena *, struct diag *, const char *dir,
	    const char *shown);
/*
 * Judge the folder dir.  With leftover, dir is a folder a stopped build
 * left (named as ours, under the lock): a whole first line of the
 * marker is enough, or a cut one when the marker is all there is.
 * Returns a verdict, *foreign set to a thing not ours for
 * MARKER_FOREIGN (else NULL), or -1 with errno when dir cannot be read.
 */
int	marker_judge(struct arena *, const char *dir, int leftover,
	    const char **foreign);
/*
 * Remove the site dir, its marker last: a removal cut short leaves a
 * folder still known as ours.  As fs_remove_tree.
 */
int	marker_remove(struct arena *, const char *dir, const char **stuck,
	    int *err);

#endif
