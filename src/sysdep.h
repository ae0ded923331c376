/*
 * sysdep.h: what the build needs beyond POSIX, in one file (sysdep.c):
 * an exclusive lock on a file, and an atomic swap of two folders.
 * Only build.c includes this header.
 */
#ifndef SYSDEP_H
#define SYSDEP_H

/*
 * Swap the folders a and b in one step (Linux renameat2 with
 * RENAME_EXCHANGE).  Returns 0, or -1 with errno; EINVAL, ENOSYS or
 * EOPNOTSUPP where the system or its file system cannot.
 */
int	 sys_exchange(const char *a, const char *b);

/* realpath(path, NULL): malloc'd, or NULL with errno. */
char	*sys_realpath(const char *path);

/*
 * Take the exclusive lock on the file path, creating it (never through
 * a symbolic link), and wait for whoever holds it; waiting(arg) is
 * called once if we must.  Returns the descriptor that holds the lock,
 * or -1 with errno.
 */
int	 sys_lock(const char *path, void (*waiting)(void *), void *arg);

/* Remove path and let go of the lock fd (from sys_lock). */
void	 sys_unlock(int fd, const char *path);

#endif
