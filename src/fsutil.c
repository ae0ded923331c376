/*
 * fsutil.c: files and directories for the loader and the build.
 * See fsutil.h.
 */
#define _XOPEN_SOURCE 700	/* realpath */

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "diag.h"
#include "fsutil.h"
#include "i18n.h"

/*
 * Opened without following a FIFO's writer (O_NONBLOCK), and only when
 * it is a regular file: a named pipe would hang the read, a device
 * would read forever.
 */
char *
fs_read(struct arena *a, struct diag *d, const char *path, size_t max,
    size_t *len, int missing_is_content)
{
	struct stat	 st;
	char		*p = NULL;
	size_t		 n = 0;
	ssize_t		 r;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)) ==
	    -1) {
		if (errno == ENOENT && missing_is_content)
			diag_msg(d, DIAG_ERROR, path, 0, 0, "no such file");
		else if (errno == ENXIO)	/* a socket cannot be opened */
			diag_msg(d, DIAG_ERROR, path, 0, 0, "is not an ordinary "
			    "file (it is a named pipe, a device or a socket): "
			    "put an ordinary file here");
		else
			diag_msg(d, DIAG_SYSERR, path, 0, 0, "cannot read: %s",
			    fs_why(d, errno));
		return NULL;
	}
	if (fstat(fd, &st) == -1) {
		diag_msg(d, DIAG_SYSERR, path, 0, 0, "%s", fs_why(d, errno));
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		diag_msg(d, DIAG_ERROR, path, 0, 0,
		    "is a directory, expected a file");
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "is not an ordinary file "
		    "(it is a named pipe, a device or a socket): put an "
		    "ordinary file here");
		goto out;
	}
	if (st.st_size < 0 || (unsigned long long)st.st_size > max) {
		diag_msg(d, DIAG_ERROR, path, 0, 0,
		    "file is too large (%lld bytes, at most %zu)",
		    (long long)st.st_size, max);
		goto out;
	}
	/* One byte more than the size, to see a file that grew. */
	p = arena_alloc(a, (size_t)st.st_size + 2);
	while (n <= (size_t)st.st_size) {
		r = read(fd, p + n, (size_t)st.st_size + 1 - n);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			diag_msg(d, DIAG_SYSERR, path, 0, 0, "cannot read: %s",
			    fs_why(d, errno));
			p = NULL;
			goto out;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	if (n > (size_t)st.st_size) {	/* grew while we read */
		diag_msg(d, DIAG_ERROR, path, 0, 0, "file changed while read");
		p = NULL;
		goto out;
	}
	p[n] = '\0';
	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
		p += 3;
		n -= 3;
	}
	*len = n;
out:
	close(fd);
	return p;
}

int
fs_check_inside(struct diag *d, const char *root, const char *path)
{
	char	*r, *p;
	size_t	 rl;
	int	 inside;

	if (root == NULL || (p = realpath(path, NULL)) == NULL)
		return 0;	/* missing: the reader says so */
	if ((r = realpath(root, NULL)) == NULL) {
		free(p);
		return 0;
	}
	rl = strlen(r);
	inside = rl == 1 || (strncmp(p, r, rl) == 0 &&
	    (p[rl] == '/' || p[rl] == '\0'));
	free(p);
	free(r);
	if (inside)
		return 0;
	diag_msg(d, DIAG_ERROR, path, 0, 0, "is a symbolic link (or lies in "
	    "a linked folder) that leads outside the content folder "
	    "\"%s\": put the file or folder itself there instead of a link",
	    root);
	return -1;
}

char *
fs_read_in(struct arena *a, struct diag *d, const char *root,
    const char *path, size_t max, size_t *len, int missing_is_content)
{
	if (fs_check_inside(d, root, path) == -1)
		return NULL;
	return fs_read(a, d, path, max, len, missing_is_content);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
fs_list(struct arena *a, struct diag *d, const char *dir, const char *suffix,
    size_t *np)
{
	DIR		*dp;
	struct dirent	*de;
	char		**v = NULL;
	size_t		 n = 0, cap = 0, len, slen = strlen(suffix);

	*np = 0;
	if ((dp = opendir(dir)) == NULL) {
		diag_msg(d, errno == ENOENT || errno == ENOTDIR ?
		    DIAG_ERROR : DIAG_SYSERR, dir, 0, 0,
		    "cannot open directory: %s", fs_why(d, errno));
		return NULL;
	}
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		len = strlen(de->d_name);
		if (len < slen || strcmp(de->d_name + len - slen, suffix) != 0)
			continue;
		if (n == cap) {
			v = arena_grow(a, v, n * sizeof(*v),
			    (cap = cap ? cap * 2 : 16) * sizeof(*v));
		}
		v[n++] = arena_strdup(a, de->d_name);
	}
	closedir(dp);
	if (n > 0)
		qsort(v, n, sizeof(*v), cmp_str);
	*np = n;
	return v != NULL ? v : arena_alloc(a, sizeof(*v));
}

int
fs_is_plain_name(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '_' || *s == '-'))
			return 0;
	return 1;
}

int
fs_is_dir(const char *path)
{
	struct stat	 st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *
fs_why(const struct diag *d, int err)
{
	const char	*why;

	switch (err) {
	case ENOSPC:
#ifdef EDQUOT
	case EDQUOT:
#endif
		why = N_("the disk is full");
		break;
	case EFBIG:
		why = N_("the file is larger than this system allows");
		break;
	case EROFS:
		why = N_("the disk is read-only");
		break;
	case ENOENT:
		why = N_("there is no such file or folder");
		break;
	case EACCES:
	case EPERM:
		why = N_("you do not have the rights to it");
		break;
	case ENOTDIR:
		why = N_("a part of the path is a file, not a folder");
		break;
	case EISDIR:
		why = N_("it is a folder, not a file");
		break;
	case ENAMETOOLONG:
		why = N_("the name is too long");
		break;
	case ELOOP:
		why = N_("too many symbolic links, or a link to itself");
		break;
	case EEXIST:
		why = N_("it exists already");
		break;
	case ENOTEMPTY:
		why = N_("the folder is not empty");
		break;
	case EBUSY:
		why = N_("it is in use");
		break;
	case EIO:
		why = N_("the disk could not be read or written (an I/O error)");
		break;
	default:
		return strerror(err);
	}
	return tr(d->lang, why);
}

/* 1 when the n bytes at s are a staging folder's name: .NAME.new-XXXXXX */
static int
is_stage_name(const char *s, size_t n)
{
	return n >= 13 && s[0] == '.' && memcmp(s + n - 11, ".new-", 5) == 0;
}

const char *
fs_shown(struct arena *a, const char *path)
{
	const char	*p = path, *e;
	size_t		 n;

	for (;;) {
		e = strchr(p, '/');
		n = e != NULL ? (size_t)(e - p) : strlen(p);
		if (is_stage_name(p, n))
			return arena_printf(a, "%.*s%.*s%s", (int)(p - path),
			    path, (int)(n - 12), p + 1, p + n);
		if (e == NULL)
			return path;
		p = e + 1;
	}
}

int
fs_mkdirs(struct diag *d, const char *path)
{
	return fs_mkdirs_as(d, path, NULL);
}

int
fs_mkdirs_as(struct diag *d, const char *path, const char *shown)
{
	char	 tmp[4096];
	char	*p;
	int	 last;

	if (strlen(path) >= sizeof(tmp)) {
		diag_msg(d, DIAG_SYSERR, shown != NULL ? shown : path, 0, 0,
		    "path too long");
		return -1;
	}
	strcpy(tmp, path);
	for (p = tmp + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		last = *p == '\0';
		*p = '\0';
		if (mkdir(tmp, 0777) == -1 && errno != EEXIST) {
			if (shown != NULL)
				diag_msg(d, DIAG_SYSERR, shown, 0, 0,
				    "cannot create this folder: %s",
				    fs_why(d, errno));
			else
				diag_msg(d, DIAG_SYSERR, tmp, 0, 0,
				    "cannot create directory: %s",
				    fs_why(d, errno));
			return -1;
		}
		if (last)
			break;
		*p = '/';
	}
	return 0;
}

int
fs_write(struct diag *d, const char *path, const char *s, size_t n)
{
	return fs_write_as(d, path, path, s, n);
}

int
fs_write_as(struct diag *d, const char *path, const char *shown,
    const char *s, size_t n)
{
	FILE	*f;
	int	 rc = -1;

	if ((f = fopen(path, "wb")) == NULL) {
		diag_msg(d, DIAG_SYSERR, shown, 0, 0, "cannot write: %s",
		    fs_why(d, errno));
		return -1;
	}
	if (fwrite(s, 1, n, f) != n || fflush(f) != 0) {
		diag_msg(d, DIAG_SYSERR, shown, 0, 0, "cannot write: %s",
		    fs_why(d, errno));
		goto out;
	}
	rc = 0;
out:
	if (fclose(f) != 0 && rc == 0) {
		diag_msg(d, DIAG_SYSERR, shown, 0, 0, "cannot write: %s",
		    fs_why(d, errno));
		rc = -1;
	}
	return rc;
}

/*
 * Remove what is in the directory path (its own mode as st), then it.
 * A folder we may not change is first given its owner's rights: what
 * is removed is ours, even where it was made read-only.
 */
static int
remove_dir(struct arena *a, const char *path, const struct stat *st,
    const char **stuck, int *err)
{
	DIR		*dp;
	struct dirent	*de;
	int		 rc = 0;

	if ((st->st_mode & S_IRWXU) != S_IRWXU)
		(void)chmod(path, (st->st_mode & 07777) | S_IRWXU);
	if ((dp = opendir(path)) == NULL)
		goto stuck;
	while ((de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		if (fs_remove_tree(a, arena_printf(a, "%s/%s", path,
		    de->d_name), stuck, err) == -1)
			rc = -1;
	}
	closedir(dp);
	if (rc == -1)
		return -1;
	if (rmdir(path) == 0)
		return 0;
stuck:
	*stuck = path;
	*err = errno;
	return -1;
}

int
fs_remove_tree(struct arena *a, const char *path, const char **stuck,
    int *err)
{
	struct stat	 st;

	if (lstat(path, &st) == -1) {
		if (errno == ENOENT)
			return 0;
	} else if (S_ISDIR(st.st_mode)) {
		return remove_dir(a, path, &st, stuck, err);
	} else if (unlink(path) == 0)
		return 0;
	*stuck = path;
	*err = errno;
	return -1;
}
