/*
 * test_diag.c: the diagnostics themselves: nothing a terminal could act
 * on is printed (control characters in messages and in file names, C1
 * controls, bidirectional overrides, bytes that are not UTF-8), and the
 * order (files as first named, then line and column) holds for many
 * files and messages.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "harness.h"

/* What diag prints for the messages that report() makes. */
static char *
printed(void (*report)(struct diag *), size_t *len)
{
	struct diag	 d;
	FILE		*f;
	char		*s;
	long		 n;

	if ((f = tmpfile()) == NULL) {
		perror("tmpfile");
		exit(2);
	}
	diag_init(&d, f);
	report(&d);
	diag_flush(&d);
	n = ftell(f);
	rewind(f);
	if (n < 0 || (s = malloc((size_t)n + 1)) == NULL)
		exit(2);
	*len = fread(s, 1, (size_t)n, f);
	s[*len] = '\0';
	fclose(f);
	return s;
}

static void
hostile(struct diag *d)
{
	diag_msg(d, DIAG_ERROR, "content/a\033[2Jb.yaml", 3, 4,
	    "unknown unit \"x\001y\033]0;title\007\"");
	diag_msg(d, DIAG_WARNING, "content/c\x9b" "31m.yaml", 1, 1,
	    "C1 \xc2\x85 and \xc2\x9b, DEL \x7f, bidi \xe2\x80\xae, tab \t, "
	    "line\nbreak, bad \xff\xfe, cut \xc3");
}

/* 200 files, each named in 50 messages, in an order to be sorted. */
static void
many(struct diag *d)
{
	char	 file[32];
	int	 i, j;

	for (j = 50; j > 0; j--)
		for (i = 0; i < 200; i++) {
			snprintf(file, sizeof(file), "f%03d.yaml", i);
			diag_msg(d, DIAG_WARNING, file, j, 1, "w");
		}
}

/* 250 errors about one file, each with a note: 200 are printed. */
static void
flood(struct diag *d)
{
	int	 i;

	for (i = 1; i <= 250; i++) {
		diag_msg(d, DIAG_ERROR, "big.yaml", i, 1, "e");
		diag_msg(d, DIAG_NOTE, "big.yaml", i, 2, "n");
	}
	diag_msg(d, DIAG_WARNING, "small.yaml", 1, 1, "w");
}

static size_t
count_lines(const char *s, const char *pat)
{
	size_t	 n = 0;

	for (; (s = strstr(s, pat)) != NULL; s++)
		n++;
	return n;
}

int
main(void)
{
	char	*s, *p, want[64], dst[13];
	size_t	 len, i, bad;
	int	 ok;

	t_begin("diag");

	s = printed(hostile, &len);
	for (i = bad = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\n') || c == 0x7f || c == 0xff ||
		    c == 0xfe || (c == 0xc2 && i + 1 < len &&
		    (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9f))
			bad++;
	}
	T_OK(bad == 0, "no control character or stray byte is printed");
	T_OK(strstr(s, "content/aU+001B[2Jb.yaml:3:4: error: unknown unit "
	    "\"xU+0001yU+001B]0;titleU+0007\"\n") != NULL,
	    "C0 controls are U+XXXX, in the file name too");
	T_OK(strstr(s, "content/c\\x9B31m.yaml:1:1: warning:") != NULL,
	    "a byte that is not UTF-8 in a file name is \\xNN");
	T_OK(strstr(s, "C1 U+0085 and U+009B, DEL U+007F, bidi U+202E, "
	    "tab U+0009, lineU+000Abreak, bad \\xFF\\xFE, cut \\xC3\n") !=
	    NULL, "C1, DEL, bidi overrides, tab, newline, bad bytes");
	T_OK(strstr(s, "\xc3\xa6") == NULL, "(nothing invented)");
	free(s);

	dst[0] = '\0';
	T_STREQ(diag_escape(dst, sizeof(dst), "æ\001æøå"), "æU+0001æø",
	    "diag_escape truncates at a whole character");

	s = printed(many, &len);
	ok = 1;
	for (i = 0, p = s; i < 200 * 50 && ok; i++) {
		snprintf(want, sizeof(want), "f%03zu.yaml:%zu:1: warning: w\n",
		    i / 50, i % 50 + 1);
		ok = strncmp(p, want, strlen(want)) == 0;
		p += strlen(want);
	}
	T_OK(ok && *p == '\0',
	    "files in the order first named, each from line 1");
	free(s);
	s = printed(flood, &len);
	T_OK(count_lines(s, ": error: e\n") == DIAG_MAX_PER_FILE &&
	    count_lines(s, ": note: n\n") == DIAG_MAX_PER_FILE,
	    "at most DIAG_MAX_PER_FILE messages (and their notes) a file");
	T_OK(strstr(s, "big.yaml:200:2: note: n\nbig.yaml: note: 50 more "
	    "messages about this file not shown") != NULL,
	    "then how many more, after the file's last");
	T_OK(strstr(s, "small.yaml:1:1: warning: w") != NULL,
	    "another file's messages are all there");
	free(s);
	return t_done();
}
