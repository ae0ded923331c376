/*
 * sysdep.c: the two calls the build needs from outside C11 and POSIX,
 * kept here so that the rest of the program is plain POSIX: flock(2)
 * for the lock beside the output folder, and Linux's renameat2(2) with
 * RENAME_EXCHANGE for swapping the new site in; and realpath(3), which
 * glibc declares only for X/Open.  See sysdep.h.
 */
#define _GNU_SOURCE

#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "sysdep.h"

int
sys_exchange(const char *a, const char *b)
{
#ifdef RENAME_EXCHANGE
	return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
	(void)a;
	(void)b;
	errno = ENOSYS;
	return -1;
#endif
}

char *
sys_realpath(const char *path)
{
	return realpath(path, NULL);
}

int
sys_lock(const char *path, void (*waiting)(void *), void *arg)
{
	struct stat	 fst, pst;
	int		 fd, saved, told = 0;

	for (;;) {
		if ((fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC,
		    0666)) == -1)
			return -1;
		if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
			if (errno != EWOULDBLOCK && errno != EINTR)
				goto fail;
			if (!told && waiting != NULL)
				waiting(arg);
			told = 1;
			while (flock(fd, LOCK_EX) == -1)
				if (errno != EINTR)
					goto fail;
		}
		/*
		 * The holder before us removes the file before it lets go:
		 * what we hold may no longer be the file at path.
		 */
		if (fstat(fd, &fst) == -1)
			goto fail;
		if (stat(path, &pst) == 0 && pst.st_dev == fst.st_dev &&
		    pst.st_ino == fst.st_ino)
			return fd;
		close(fd);
	}
fail:
	saved = errno;
	close(fd);
	errno = saved;
	return -1;
}

void
sys_unlock(int fd, const char *path)
{
	(void)unlink(path);
	(void)close(fd);
}
