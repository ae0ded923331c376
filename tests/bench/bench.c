/*
 * bench.c: runs a command several times and reports its wall time (the
 * best and the median run) and its peak memory, for `make bench`.
 * usage: bench RUNS COMMAND [ARG...]
 */
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static int
cmp_double(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char *argv[])
{
	struct timespec	 t0, t1;
	struct rusage	 ru;
	double		*ms;
	long		 peak = 0;
	int		 runs, i, status;
	pid_t		 pid;

	if (argc < 3 || (runs = atoi(argv[1])) < 1) {
		fputs("usage: bench RUNS COMMAND [ARG...]\n", stderr);
		return 2;
	}
	if ((ms = calloc((size_t)runs, sizeof(*ms))) == NULL)
		return 2;
	for (i = 0; i < runs; i++) {
		clock_gettime(CLOCK_MONOTONIC, &t0);
		if ((pid = fork()) == -1)
			return 2;
		if (pid == 0) {
			execvp(argv[2], argv + 2);
			_exit(127);
		}
		if (wait4(pid, &status, 0, &ru) == -1)
			return 2;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			fprintf(stderr, "bench: %s failed\n", argv[2]);
			return 1;
		}
		ms[i] = (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
		    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
		if (ru.ru_maxrss > peak)
			peak = ru.ru_maxrss;
	}
	qsort(ms, (size_t)runs, sizeof(*ms), cmp_double);
	printf("%.1f %.1f %.1f\n", ms[0], ms[runs / 2], peak / 1024.0);
	free(ms);
	return 0;
}
