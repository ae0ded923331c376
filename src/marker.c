/*
 * marker.c: the marker, .statusnotat, in every site we write, and the
 * judging of a folder by it.  See marker.h.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "fsutil.h"
#include "marker.h"

/* Folders deeper than this are not ours: we never write them. */
#define MAX_DEPTH	16
/* A list longer than this is not one we wrote. */
#define MAX_MARKER	(16 * 1024 * 1024)

static const char head[] =
    "This folder is a website written by statusnotat.\n"
    "statusnotat build replaces all of it: keep no other files here.\n";
static const char list_head[] = "Files it wrote:\n";

static int
by_path(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Names or paths, gathered in the arena. */
struct paths {
	const char	**v;
	size_t		  n, cap;
};

static void
add_path(struct arena *a, struct paths *p, const char *s)
{
	if (p->n == p->cap) {
		p->v = arena_grow(a, p->v, p->cap * sizeof(*p->v),
		    (p->cap ? p->cap * 2 : 64) * sizeof(*p->v));
		p->cap = p->cap ? p->cap * 2 : 64;
	}
	p->v[p->n++] = s;
}

/* The paths sorted, never NULL (qsort and bsearch want an array). */
static const char **
sorted(struct arena *a, struct paths *p)
{
	if (p->v == NULL)
		p->v = arena_alloc(a, sizeof(*p->v));
	qsort(p->v, p->n, sizeof(*p->v), by_path);
	return p->v;
}

/* The names in a folder, sorted; NULL with errno when it cannot be read. */
static const char **
names_in(struct arena *a, const char *dir, size_t *n)
{
	DIR		*dp;
	struct dirent	*de;
	struct paths	 p;

	memset(&p, 0, sizeof(p));
	if ((dp = opendir(dir)) == NULL)
		return NULL;
	while ((de = readdir(dp)) != NULL)
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0)
			add_path(a, &p, arena_strdup(a, de->d_name));
	closedir(dp);
	*n = p.n;
	return sorted(a, &p);
}

static int
list_files(struct arena *a, const char *root, const char *rel,
    struct paths *p, int depth)
{
	struct stat	 st;
	const char	**names;
	const char	*r, *path;
	size_t		 n, i;

	path = *rel ? arena_printf(a, "%s/%s", root, rel) : root;
	if (depth > MAX_DEPTH || (names = names_in(a, path, &n)) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		r = *rel ? arena_printf(a, "%s/%s", rel, names[i]) : names[i];
		if (lstat(arena_printf(a, "%s/%s", root, r), &st) == -1)
			return -1;
		if (S_ISDIR(st.st_mode)) {
			if (list_files(a, root, r, p, depth + 1) == -1)
				return -1;
		} else if (strcmp(r, MARKER_NAME) != 0 &&
		    strchr(r, '\n') == NULL)
			add_path(a, p, r);
	}
	return 0;
}

int
marker_begin(struct arena *a, struct diag *d, const char *dir,
    const char *shown)
{
	return fs_write_as(d, arena_printf(a, "%s/%s", dir, MARKER_NAME),
	    arena_printf(a, "%s/%s", shown, MARKER_NAME), head,
	    sizeof(head) - 1);
}

int
marker_end(struct arena *a, struct diag *d, const char *dir,
    const char *shown)
{
	struct paths	 p;
	char		*text, *t;
	const char	*tmp, *path;
	size_t		 len, i;

	memset(&p, 0, sizeof(p));
	if (list_files(a, dir, "", &p, 0) == -1) {
		diag_msg(d, DIAG_SYSERR, shown, 0, 0, "cannot be read: %s",
		    fs_why(d, errno));
		return -1;
	}
	sorted(a, &p);
	len = sizeof(head) - 1 + sizeof(list_head) - 1;
	for (i = 0; i < p.n; i++)
		len += strlen(p.v[i]) + 1;
	t = text = arena_alloc(a, len + 1);
	t = stpcpy(stpcpy(t, head), list_head);
	for (i = 0; i < p.n; i++) {
		t = stpcpy(t, p.v[i]);
		*t++ = '\n';
	}
	/* Written aside, so the marker is whole at every instant. */
	tmp = arena_printf(a, "%s/%s.list", dir, MARKER_NAME);
	path = arena_printf(a, "%s/%s", dir, MARKER_NAME);
	if (fs_write_as(d, tmp, arena_printf(a, "%s/%s", shown, MARKER_NAME),
	    text, len) == -1)
		return -1;
	if (rename(tmp, path) == -1) {
		diag_msg(d, DIAG_SYSERR, arena_printf(a, "%s/%s", shown,
		    MARKER_NAME), 0, 0, "cannot write: %s", fs_why(d, errno));
		return -1;
	}
	return 0;
}

/* The marker's text, or NULL when it is not a regular file we can read. */
static char *
read_marker(struct arena *a, const char *dir, size_t *len)
{
	struct stat	 st;
	FILE		*f;
	char		*s;
	const char	*path = arena_printf(a, "%s/%s", dir, MARKER_NAME);

	if (lstat(path, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_size > MAX_MARKER || (f = fopen(path, "rb")) == NULL)
		return NULL;
	s = arena_alloc(a, (size_t)st.st_size + 1);
	*len = fread(s, 1, (size_t)st.st_size, f);
	s[*len] = '\0';
	fclose(f);
	return s;
}

/* The marker's list, sorted, or NULL when it has none. */
static const char **
read_list(struct arena *a, char *s, size_t len, size_t *n)
{
	struct paths	 p;
	char		*e;
	size_t		 skip = sizeof(head) - 1 + sizeof(list_head) - 1;

	if (len < skip || memcmp(s, head, sizeof(head) - 1) != 0 ||
	    memcmp(s + sizeof(head) - 1, list_head,
	    sizeof(list_head) - 1) != 0)
		return NULL;
	memset(&p, 0, sizeof(p));
	for (s += skip; (e = strchr(s, '\n')) != NULL; s = e + 1) {
		*e = '\0';
		add_path(a, &p, s);
	}
	*n = p.n;
	return sorted(a, &p);
}

/* Whether rel is on the list, or (a folder) leads to something on it. */
static int
listed(const char **v, size_t n, const char *rel, int folder)
{
	size_t	 lo = 0, hi = n, mid, k = strlen(rel);

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(v[mid], rel) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!folder)
		return lo < n && strcmp(v[lo], rel) == 0;
	/* The first path after rel + "/"... sorts after rel itself. */
	for (; lo < n && strncmp(v[lo], rel, k) == 0; lo++)
		if (v[lo][k] == '/')
			return 1;
	return 0;
}

/* The first thing under rel that is not on the list, or NULL. */
static const char *
first_foreign(struct arena *a, const char *root, const char *rel,
    const char **v, size_t nv, int depth)
{
	struct stat	 st;
	const char	**names;
	const char	*r, *f;
	size_t		 n, i;

	names = names_in(a, *rel ? arena_printf(a, "%s/%s", root, rel) :
	    root, &n);
	if (names == NULL || depth > MAX_DEPTH)
		return *rel ? rel : ".";
	for (i = 0; i < n; i++) {
		r = *rel ? arena_printf(a, "%s/%s", rel, names[i]) : names[i];
		if (lstat(arena_printf(a, "%s/%s", root, r), &st) == -1)
			return r;
		if (S_ISDIR(st.st_mode)) {
			if (!listed(v, nv, r, 1))
				return r;
			if ((f = first_foreign(a, root, r, v, nv,
			    depth + 1)) != NULL)
				return f;
		} else if (!S_ISREG(st.st_mode) ||
		    (strcmp(r, MARKER_NAME) != 0 && !listed(v, nv, r, 0)))
			return r;
	}
	return NULL;
}

int
marker_judge(struct arena *a, const char *dir, int leftover,
    const char **foreign)
{
	struct stat	 st;
	const char	**names;
	char		*text;
	const char	**v;
	size_t		 n, i, len, nv, line;
	int		 marker = 0, things = 0;

	*foreign = NULL;
	if ((names = names_in(a, dir, &n)) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if (strcmp(names[i], MARKER_NAME) == 0) {
			marker = 1;
			continue;
		}
		/* output/ in the repository keeps an empty .gitkeep. */
		if (strcmp(names[i], ".gitkeep") == 0 &&
		    lstat(arena_printf(a, "%s/%s", dir, names[i]), &st) == 0 &&
		    S_ISREG(st.st_mode) && st.st_size == 0)
			continue;
		things = 1;
	}
	if (!marker)
		return things ? MARKER_NONE : MARKER_OURS;
	if ((text = read_marker(a, dir, &len)) == NULL)
		return MARKER_NONE;
	/* Left by a stopped build: cut short when all there is. */
	if (leftover) {
		line = (size_t)(strchr(head, '\n') - head) + 1;
		return memcmp(text, head, len < line ? len : line) == 0 &&
		    (len >= line || !things) ? MARKER_OURS : MARKER_NONE;
	}
	if ((v = read_list(a, text, len, &nv)) == NULL)
		return len == sizeof(head) - 1 &&
		    memcmp(text, head, len) == 0 ? (things ?
		    MARKER_UNLISTED : MARKER_OURS) : MARKER_NONE;
	if ((*foreign = first_foreign(a, dir, "", v, nv, 0)) != NULL)
		return MARKER_FOREIGN;
	return MARKER_OURS;
}

int
marker_remove(struct arena *a, const char *dir, const char **stuck,
    int *err)
{
	struct stat	 st;
	const char	**names;
	size_t		 n, i;
	int		 rc = 0;

	if (lstat(dir, &st) == -1 || !S_ISDIR(st.st_mode))
		return fs_remove_tree(a, dir, stuck, err);
	if ((st.st_mode & S_IRWXU) != S_IRWXU)
		(void)chmod(dir, (st.st_mode & 07777) | S_IRWXU);
	if ((names = names_in(a, dir, &n)) == NULL)
		return fs_remove_tree(a, dir, stuck, err);
	for (i = 0; i < n; i++)
		if (strcmp(names[i], MARKER_NAME) != 0 &&
		    fs_remove_tree(a, arena_printf(a, "%s/%s", dir, names[i]),
		    stuck, err) == -1)
			rc = -1;
	if (rc == -1)
		return -1;
	return fs_remove_tree(a, dir, stuck, err);
}
