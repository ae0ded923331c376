/*
 * harness.h: the unit-test harness, after cmark's api_test/harness.h.
 * A test file calls the T_* macros and ends main() with t_done(), which
 * prints "name: N passed, N failed" for tests/run.sh to add up.
 * Only test files include this header.
 */
#ifndef HARNESS_H
#define HARNESS_H

#include <stdio.h>
#include <string.h>

struct harness {
	const char	*name;
	int		 passed;
	int		 failed;
};

static struct harness t_h;

#define T_UNUSED	__attribute__((unused))

static void T_UNUSED
t_begin(const char *name)
{
	t_h.name = name;
	t_h.passed = t_h.failed = 0;
}

static int T_UNUSED
t_ok_at(const char *file, int line, int cond, const char *what)
{
	if (cond)
		t_h.passed++;
	else {
		t_h.failed++;
		fprintf(stderr, "%s:%d: FAIL: %s\n", file, line, what);
	}
	return cond;
}

static int T_UNUSED
t_streq_at(const char *file, int line, const char *got, const char *want,
    const char *what)
{
	int	 ok = got != NULL && want != NULL && strcmp(got, want) == 0;

	if (ok)
		t_h.passed++;
	else {
		t_h.failed++;
		fprintf(stderr, "%s:%d: FAIL: %s\n  got:  \"%s\"\n  want: \"%s\"\n",
		    file, line, what, got ? got : "(null)",
		    want ? want : "(null)");
	}
	return ok;
}

static int T_UNUSED
t_done(void)
{
	printf("%s: %d passed, %d failed\n", t_h.name, t_h.passed,
	    t_h.failed);
	return t_h.failed > 0;
}

#define T_OK(cond, what)	t_ok_at(__FILE__, __LINE__, (cond), (what))
#define T_STREQ(got, want, what) \
	t_streq_at(__FILE__, __LINE__, (got), (want), (what))

#endif
