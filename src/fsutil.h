/*
 * fsutil.h: reading and writing files for the loader and the build.
 * Problems are reported through diag; functions return -1 after one.
 * Any stage that touches the file system includes this header.
 */
#ifndef FSUTIL_H
#define FSUTIL_H

#include <stddef.h>

struct arena;
struct diag;

/*
 * Read a whole file into the arena, NUL-terminated, refusing files
 * larger than max bytes and anything but a regular file (a named pipe
 * is refused, never waited on).  A leading UTF-8 byte order mark is dropped.
 * Returns the text and sets *len, or NULL after a diagnostic: a missing
 * file is DIAG_ERROR when missing_is_content, else DIAG_SYSERR.
 */
char	*fs_read(struct arena *, struct diag *, const char *path, size_t max,
	    size_t *len, int missing_is_content);
/*
 * The same for a file of the content folder root: a file that leads
 * outside root through a symbolic link (its own or a folder's) is an
 * error at path, and is not read.  Links within root are followed.
 */
char	*fs_read_in(struct arena *, struct diag *, const char *root,
	    const char *path, size_t max, size_t *len, int missing_is_content);
/*
 * 0 when path, all links followed, lies inside root (or does not
 * exist), else -1 after an error at path.
 */
int	 fs_check_inside(struct diag *, const char *root, const char *path);

/* Sorted names in dir ending in suffix ("" for all, not "." or ".."). */
char	**fs_list(struct arena *, struct diag *, const char *dir,
	    const char *suffix, size_t *n);

int	 fs_is_dir(const char *);
/*
 * 1 when s is a plain name: lower-case a-z and digits first, then also
 * "-" and "_".  Such a name is safe in a path (no "/", "..", spaces) and
 * in {{ }}; ids and template names are such names.
 */
int	 fs_is_plain_name(const char *s);
int	 fs_mkdirs(struct diag *, const char *);
int	 fs_write(struct diag *, const char *path, const char *, size_t);
/*
 * The same, with messages naming shown instead of path (mkdirs: the
 * whole of shown, whichever folder of it failed), in plain words.
 */
int	 fs_mkdirs_as(struct diag *, const char *path, const char *shown);
int	 fs_write_as(struct diag *, const char *path, const char *shown,
	    const char *, size_t);
/* What a write's errno means, in words a non-programmer understands. */
const char *fs_why(const struct diag *, int err);
/*
 * The build writes the site for DIR/NAME into the staging folder
 * DIR/.NAME.new-XXXXXX and then swaps it in: where a path in such a
 * folder will be once published, for messages (other paths as they are).
 */
const char *fs_shown(struct arena *, const char *path);
/*
 * Remove a tree the program wrote, making its read-only folders
 * writable first; quiet when it does not exist.  Reports nothing:
 * returns 0, or -1 with *stuck one thing that could not be removed and
 * *err its errno.
 */
int	 fs_remove_tree(struct arena *, const char *path,
	    const char **stuck, int *err);

#endif
