/*
 * watch.c: inotify on the content and templates folders.  See watch.h.
 * inotify watches one folder, not what is under it, so every folder is
 * watched by itself, and a folder made later is added when its
 * creation is read.
 */
#include <sys/inotify.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "watch.h"

/* What an editor's save can be: written, renamed, made, removed. */
#define WATCH_MASK	(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | \
			 IN_CREATE | IN_DELETE | IN_DELETE_SELF | \
			 IN_MOVE_SELF | IN_ATTRIB)

/* Folders under folders, no deeper: content is never this deep. */
#define WATCH_DEPTH	32

struct watch_dir {
	int	 wd;		/* -1: no longer watched */
	int	 root;		/* a folder watch_add_tree was given */
	char	*path;		/* malloc'd */
};

int
watch_init(struct watch *w)
{
	memset(w, 0, sizeof(*w));
	w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	return w->fd == -1 ? -1 : 0;
}

static struct watch_dir *
find_wd(struct watch *w, int wd)
{
	size_t	 i;

	for (i = 0; i < w->ndirs; i++)
		if (w->dirs[i].wd == wd)
			return &w->dirs[i];
	return NULL;
}

static int
add_one(struct watch *w, const char *path, int root)
{
	struct watch_dir *d;
	int		 wd;

	if ((wd = inotify_add_watch(w->fd, path, WATCH_MASK |
	    IN_ONLYDIR)) == -1) {
		if (errno == ENOSPC || errno == ENOMEM)
			return -1;
		if (root)
			w->lost = 1;
		return 0;
	}
	if (find_wd(w, wd) != NULL)
		return 0;
	if (w->ndirs == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 16;
		if ((d = realloc(w->dirs, w->cap * sizeof(*d))) == NULL)
			return -1;
		w->dirs = d;
	}
	if ((w->dirs[w->ndirs].path = strdup(path)) == NULL)
		return -1;
	w->dirs[w->ndirs].root = root;
	w->dirs[w->ndirs++].wd = wd;
	return 0;
}

static int
add_tree(struct watch *w, const char *path, int depth)
{
	DIR		*dir;
	struct dirent	*de;
	struct stat	 st;
	char		 sub[PATH_MAX];
	int		 rc = 0;

	if (add_one(w, path, depth == 0) == -1)
		return -1;
	if (depth == WATCH_DEPTH || (dir = opendir(path)) == NULL)
		return 0;
	while (rc == 0 && (de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (snprintf(sub, sizeof(sub), "%s/%s", path, de->d_name) >=
		    (int)sizeof(sub))
			continue;
		/* A folder linked in is read, not walked: no loops. */
		if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode))
			rc = add_tree(w, sub, depth + 1);
	}
	closedir(dir);
	return rc;
}

int
watch_add_tree(struct watch *w, const char *root)
{
	return add_tree(w, root, 0);
}

int
watch_found(struct watch *w, const char *root)
{
	int	 wd;

	if ((wd = inotify_add_watch(w->fd, root, WATCH_MASK |
	    IN_ONLYDIR)) == -1) {
		w->lost = 1;
		return 0;
	}
	/* The folder it was, moved back: its own events told that. */
	if (find_wd(w, wd) != NULL)
		return 0;
	(void)add_tree(w, root, 0);
	return 1;
}

/* An editor's own file, not the user's: backups, swap and lock files. */
static int
is_editors(const char *name)
{
	size_t	 len = strlen(name);

	if (len == 0 || name[0] == '.' || name[0] == '#' ||
	    name[len - 1] == '~' || strcmp(name, "4913") == 0)
		return 1;
	return len > 4 && (strcmp(name + len - 4, ".swp") == 0 ||
	    strcmp(name + len - 4, ".swx") == 0 ||
	    strcmp(name + len - 4, ".tmp") == 0);
}

int
watch_read(struct watch *w)
{
	char		 ev[8192]
	    __attribute__((aligned(__alignof__(struct inotify_event))));
	char		 path[PATH_MAX];
	const struct inotify_event *e;
	struct watch_dir *d;
	ssize_t		 n;
	size_t		 at;
	int		 changed = 0;

	for (;;) {
		if ((n = read(w->fd, ev, sizeof(ev))) <= 0)
			break;
		for (at = 0; at + sizeof(*e) <= (size_t)n;
		    at += sizeof(*e) + e->len) {
			e = (const struct inotify_event *)(void *)(ev + at);
			if (e->mask & IN_Q_OVERFLOW) {
				changed = 1;
				continue;
			}
			d = find_wd(w, e->wd);
			/* A root removed or moved away: look for it again. */
			if (d != NULL && d->root && (e->mask & (IN_IGNORED |
			    IN_DELETE_SELF | IN_MOVE_SELF)))
				w->lost = 1;
			if (e->mask & IN_IGNORED) {
				if (d != NULL)
					d->wd = -1;
				continue;
			}
			if (e->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
				changed = 1;
				continue;
			}
			if (e->len == 0 || is_editors(e->name))
				continue;
			changed = 1;
			if ((e->mask & IN_ISDIR) && (e->mask & (IN_CREATE |
			    IN_MOVED_TO)) && d != NULL &&
			    snprintf(path, sizeof(path), "%s/%s", d->path,
			    e->name) < (int)sizeof(path))
				(void)add_tree(w, path, 1);
		}
	}
	return changed;
}

void
watch_fini(struct watch *w)
{
	size_t	 i;

	for (i = 0; i < w->ndirs; i++)
		free(w->dirs[i].path);
	free(w->dirs);
	if (w->fd != -1)
		close(w->fd);
	memset(w, 0, sizeof(*w));
	w->fd = -1;
}
