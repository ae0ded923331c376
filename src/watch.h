/*
 * watch.h: noticing that the content or the templates changed, for the
 * preview (serve.c): Linux's inotify on every folder under the roots,
 * folders made later included.  Only serve.c includes this header.
 */
#ifndef WATCH_H
#define WATCH_H

struct watch_dir;

struct watch {
	int		  fd;		/* inotify's, for poll(2); -1: none */
	struct watch_dir *dirs;		/* the folders watched; malloc'd */
	size_t		  ndirs;
	size_t		  cap;
	int		  lost;		/* a root is gone or moved away */
};

/* Start watching nothing yet.  Returns 0, or -1 with errno. */
int	 watch_init(struct watch *);

/*
 * Watch root and every folder under it (not those whose names begin
 * with "."), adding what is new since the last call; a root that does
 * not exist is left out.  Returns 0, or -1 with errno when the system
 * allows no more watches.
 */
int	 watch_add_tree(struct watch *, const char *root);

/*
 * After lost was set: look for root again.  A folder made there since
 * (the old one removed or moved away) is not the one inotify watched;
 * it is watched from now on, and the result is 1.  Else 0, and lost is
 * set again while there is no folder there.  Clear lost before asking.
 */
int	 watch_found(struct watch *, const char *root);

/*
 * Read what happened.  Returns 1 when a file that matters changed
 * (an editor's own files, such as backups ending in "~", swap files and
 * names beginning with "." or "#", do not), else 0.  New folders are
 * watched at once.  Never waits.
 */
int	 watch_read(struct watch *);

void	 watch_fini(struct watch *);

#endif
