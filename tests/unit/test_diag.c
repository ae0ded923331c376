/*
 * test_diag.c: the diagnostics themselves: nothing a terminal could act
 * on is printed (control characters in messages and in file names, C1
 * controls, bidirectional overrides, bytes that are not UTF-8), and the
 * order (files as first named, then line and column) holds for many
 * files and messages; the excerpt (the line, a marker under the column)
 * the preview and its terminal show, and diag_each's view of a message.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "harness.h"
#include "utf8.h"

/* A file of the given text, for the excerpts: its name. */
static const char *
file_of(char *name, const char *text)
{
	FILE	*f;

	strcpy(name, "/tmp/test_diag_XXXXXX");
	if (mkstemp(name) == -1 || (f = fopen(name, "w")) == NULL) {
		perror(name);
		exit(2);
	}
	fputs(text, f);
	fclose(f);
	return name;
}

/* The excerpt of line, col: "TEXT|MARKER" (marker -1: "TEXT|-"). */
static const char *
excerpt(const char *file, int line, int col)
{
	static char	 out[1200];
	char		 text[1024];
	int		 m;

	if (diag_excerpt(file, line, col, text, sizeof(text), &m) == -1)
		return "(none)";
	if (m < 0)
		snprintf(out, sizeof(out), "%s|-", text);
	else
		snprintf(out, sizeof(out), "%s|%d", text, m);
	return out;
}

struct seen {
	char	 got[2048];
};

static void
see(void *arg, const struct diag_shown *m)
{
	struct seen	*s = arg;
	size_t		 len = strlen(s->got);

	snprintf(s->got + len, sizeof(s->got) - len, "[%d %s %d:%d {%.*s} "
	    "{%s}]", m->level, m->file != NULL ? m->file : "-", m->line,
	    m->col, (int)(m->message - m->text), m->text, m->message);
}

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
	struct diag	 d;
	struct seen	 seen;
	char	*s, *p, want[64], dst[13], name[32];
	size_t	 len, i, bad;
	int	 ok, m;

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

	/* The excerpt: columns count characters, a tab is one space. */
	file_of(name, "a: 1\r\n  bø: \"ææ\" x\n\tkey: v\nctl \033[2J and "
	    "\xff here\nlast line without newline");
	T_STREQ(excerpt(name, 1, 4), "a: 1|3", "line 1, CRLF dropped");
	T_STREQ(excerpt(name, 2, 11), "  bø: \"ææ\" x|10",
	    "after non-ASCII letters the marker counts characters");
	T_STREQ(excerpt(name, 3, 1), " key: v|0", "a tab is one space");
	T_STREQ(excerpt(name, 4, 15), "ctl U+001B[2J and \\xFF here|22",
	    "controls and stray bytes are escaped, the marker after them");
	T_STREQ(excerpt(name, 5, 25), "last line without newline|24",
	    "the last line, without its newline; a column just past its end");
	T_STREQ(excerpt(name, 5, 99), "last line without newline|-",
	    "a column far past the end: no marker");
	T_STREQ(excerpt(name, 6, 1), "(none)", "no such line");
	T_STREQ(excerpt(name, 1, 0), "a: 1|-", "column 0: the line alone");
	T_STREQ(excerpt("/nonexistent/x.yaml", 1, 1), "(none)",
	    "no such file");
	remove(name);
	file_of(name, "abcdefghijklmnopqrstuvwxyzæøå0123456789\n");
	T_OK(diag_excerpt(name, 1, 3, dst, sizeof(dst), &m) == 0 &&
	    strcmp(dst, "abcdefghi\xe2\x80\xa6") == 0 && m == 2,
	    "a long line is cut with \"…\" to fit");
	remove(name);

	/* A long line is shown around its column, cut with "…". */
	{
		char	 text[400], cut[400];
		int	 k;

		for (k = 0; k < 300; k++)
			text[k] = (char)('a' + k % 26);
		text[300] = '\n';
		text[301] = '\0';
		file_of(name, text);
		snprintf(cut, sizeof(cut), "\xe2\x80\xa6%.100s\xe2\x80\xa6|51",
		    text + 199);
		T_STREQ(excerpt(name, 1, 250), cut,
		    "column 250 of 300: from 50 before it, 100 shown, then …");
		snprintf(cut, sizeof(cut), "%.100s\xe2\x80\xa6|9", text);
		T_STREQ(excerpt(name, 1, 10), cut,
		    "column 10 of 300: from the start, 100 shown, then …");
		remove(name);
	}

	/* diag_each: the messages as flush prints them, each split. */
	memset(&seen, 0, sizeof(seen));
	diag_init(&d, stderr);
	diag_msg(&d, DIAG_WARNING, "b.yaml", 2, 3, "w \033");
	diag_msg(&d, DIAG_ERROR, "a.md", 1, 1, "e");
	diag_msg(&d, DIAG_NOTE, "a.md", 5, 0, "n");
	diag_msg(&d, DIAG_ERROR, NULL, 0, 0, "s");
	diag_each(&d, see, &seen);
	T_STREQ(seen.got, "[1 b.yaml 2:3 {b.yaml:2:3: warning: } {w U+001B}]"
	    "[2 a.md 1:1 {a.md:1:1: error: } {e}]"
	    "[0 a.md 5:0 {    a.md:5: note: } {n}]"
	    "[2 - 0:0 {statusnotat: error: } {s}]",
	    "diag_each: each message in order, its place apart from its text");
	d.out = tmpfile();
	diag_flush(&d);
	fclose(d.out);

	{
		const char		*l = "æ {{ a }} ø {{ b }}";
		struct utf8_cursor	 cur = { NULL, NULL, 0 };

		T_OK(utf8_column_at(&cur, l, l + 3) == 3 &&
		    utf8_column_at(&cur, l, l + 14) == 13 &&
		    utf8_column_at(&cur, l, l + 3) == 3,
		    "utf8_column_at counts on, and back from the start");
	}
	T_OK(utf8_column("æøå x", "æøå x" + 7) == 5 &&
	    utf8_column("abc", "abc") == 1,
	    "utf8_column counts characters from 1");
	return t_done();
}
