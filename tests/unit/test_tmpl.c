/*
 * test_tmpl.c: what the Mustache spec does not cover in tmpl.c: syntax
 * errors and their file:line:col diagnostics, the nesting bound that
 * stops recursive partials, HTML escaping, and the tval helpers.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "tmpl.h"
#include "harness.h"

struct result {
	int	 rc;
	char	*out;		/* the rendered text */
	char	*msgs;		/* what went to the diagnostics stream */
};

/* Partials for the tests: "name=text" pairs, NULL-terminated. */
struct partials {
	const char *const	*list;
};

static const char *
load(void *arg, const char *name, size_t *len)
{
	const struct partials	*pl = arg;
	const char *const	*p;
	size_t			 n = strlen(name);

	for (p = pl->list; *p != NULL; p++)
		if (strncmp(*p, name, n) == 0 && (*p)[n] == '=') {
			*len = strlen(*p + n + 1);
			return *p + n + 1;
		}
	return NULL;
}

static struct result
render(struct arena *a, const char *src, const struct tval *data,
    const char *const *partials)
{
	struct result		 r;
	struct partials		 pl;
	struct tmpl_loader	 loader;
	struct diag		 d;
	struct buf		 out;
	FILE			*f;
	long			 n;

	loader.load = load;
	loader.file = NULL;
	pl.list = partials;
	loader.arg = &pl;
	buf_init(&out, a);
	/* Diagnostics go to a file, to check their text. */
	if ((f = tmpfile()) == NULL) {
		perror("tmpfile");
		r.rc = -2;
		r.out = r.msgs = arena_strdup(a, "");
		return r;
	}
	diag_init(&d, f);
	r.rc = tmpl_render(a, "t.mustache", src, strlen(src), data,
	    partials != NULL ? &loader : NULL, &out, &d);
	r.out = buf_strdup(&out);
	diag_flush(&d);
	n = ftell(f);
	r.msgs = arena_alloc(a, n > 0 ? (size_t)n + 1 : 1);
	rewind(f);
	if (n > 0 && fread(r.msgs, 1, (size_t)n, f) != (size_t)n)
		r.msgs[0] = '\0';
	fclose(f);
	if (r.rc != 0 && diag_status(&d) != 1)
		r.rc = -3;	/* an error must be counted as one */
	return r;
}

static int
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static void
test_errors(struct arena *a)
{
	struct result	 r;

	r = render(a, "a\n{{#sec}}\nx\n", NULL, NULL);
	T_OK(r.rc == -1, "unclosed section fails");
	T_OK(starts(r.msgs, "t.mustache:2:1: error:"),
	    "unclosed section is reported at its open tag");
	T_OK(strstr(r.msgs, "sec") != NULL, "unclosed section is named");

	r = render(a, "{{#a}}\n  {{/b}}\n", NULL, NULL);
	T_OK(r.rc == -1, "mismatched end tag fails");
	T_OK(starts(r.msgs, "t.mustache:2:3: error:"),
	    "mismatched end tag is reported at the end tag");

	r = render(a, "x {{foo", NULL, NULL);
	T_OK(r.rc == -1, "unclosed tag fails");
	T_OK(starts(r.msgs, "t.mustache:1:3: error:"),
	    "unclosed tag is reported at its start");

	r = render(a, "é {{{foo}}", NULL, NULL);
	T_OK(r.rc == -1, "unclosed triple mustache fails");
	T_OK(starts(r.msgs, "t.mustache:1:3: error:"),
	    "columns count characters, not bytes");

	r = render(a, "ok\n{{/a}}", NULL, NULL);
	T_OK(r.rc == -1 && starts(r.msgs, "t.mustache:2:1: error:"),
	    "end tag without a section");

	r = render(a, "{{=<% =}}", NULL, NULL);
	T_OK(r.rc == -1 && starts(r.msgs, "t.mustache:1:1: error:"),
	    "bad set delimiters");

	r = render(a, "{{a b}}", NULL, NULL);
	T_OK(r.rc == -1, "white space inside a name");
	r = render(a, "{{a..b}}", NULL, NULL);
	T_OK(r.rc == -1, "empty part of a dotted name");
	r = render(a, "{{ }}", NULL, NULL);
	T_OK(r.rc == -1, "empty tag");

	r = render(a, "{{<p}}{{$b}}{{/p}}{{/b}}", NULL, NULL);
	T_OK(r.rc == -1, "crossed parent and block");
}

static void
test_recursion(struct arena *a)
{
	static const char *const self[] = { "self=x{{>self}}", NULL };
	static const char *const parent[] = { "p={{<p}}{{/p}}", NULL };
	static const char *const block[] = { "p={{$b}}{{/b}}", NULL };
	static const char *const bad[] = { "bad=ok\n{{#x}}", NULL };
	struct result	 r;
	struct buf	 b;
	int		 i;

	r = render(a, "{{>self}}", NULL, self);
	T_OK(r.rc == -1, "recursive partial fails");
	T_OK(starts(r.msgs, "self:1:2: error:"),
	    "recursive partial is reported in the partial");
	T_STREQ(r.out, "", "nothing is output after an error");

	r = render(a, "{{<p}}{{/p}}", NULL, parent);
	T_OK(r.rc == -1, "recursive parent fails");

	r = render(a, "{{<p}}{{$b}}{{$b}}{{/b}}{{/b}}{{/p}}", NULL, block);
	T_OK(r.rc == -1, "block overriding itself fails");

	r = render(a, "a{{>bad}}", NULL, bad);
	T_OK(r.rc == -1 && starts(r.msgs, "bad:2:1: error:"),
	    "syntax error in a partial is reported in the partial");

	/* 64 nested sections are fine, 65 are not. */
	buf_init(&b, a);
	for (i = 0; i < 64; i++)
		buf_puts(&b, "{{#t}}");
	buf_puts(&b, "x");
	for (i = 0; i < 64; i++)
		buf_puts(&b, "{{/t}}");
	r = render(a, b.data, NULL, NULL);
	T_OK(r.rc == 0, "64 nested sections");
	buf_truncate(&b, 0);
	for (i = 0; i < 65; i++)
		buf_puts(&b, "{{^t}}");
	for (i = 0; i < 65; i++)
		buf_puts(&b, "{{/t}}");
	r = render(a, b.data, NULL, NULL);
	T_OK(r.rc == -1, "65 nested sections fail");
}

static void
test_values(struct arena *a)
{
	static const char *const none[] = { NULL };
	struct tval	*d, *l;
	struct result	 r;

	d = tval_map(a);
	tval_set_str(a, d, "s", "& < > \" '");
	tval_set(a, d, "n", tval_num(a, "1.5"));
	tval_set(a, d, "t", tval_bool(a, 1));
	tval_set(a, d, "f", tval_bool(a, 0));
	tval_set_str(a, d, "z", NULL);
	tval_set(a, d, "e", tval_list(a));

	r = render(a, "{{s}}|{{{s}}}|{{& s }}", d, NULL);
	T_OK(r.rc == 0, "escaping renders");
	T_STREQ(r.out, "&amp; &lt; &gt; &quot; &#39;|& < > \" '|& < > \" '",
	    "escaped and raw interpolation");

	r = render(a, "{{n}} {{t}} {{f}} [{{z}}] [{{nope}}]", d, NULL);
	T_STREQ(r.out, "1.5 true false [] []", "scalars print as text");

	r = render(a, "{{#f}}F{{/f}}{{#z}}Z{{/z}}{{#e}}E{{/e}}{{^e}}none{{/e}}",
	    d, NULL);
	T_STREQ(r.out, "none", "false, null and [] are falsey");

	r = render(a, "[{{>missing}}]", d, none);
	T_OK(r.rc == 0, "missing partial is not an error");
	T_STREQ(r.out, "[]", "missing partial renders empty");
	r = render(a, "[{{>missing}}]", d, NULL);
	T_STREQ(r.out, "[]", "no loader renders partials empty");

	tval_set_str(a, d, "s", "new");
	T_OK(d->nitems == 6 && strcmp(d->keys[0], "s") == 0,
	    "tval_set replaces in place");
	T_STREQ(tval_get(d, "s")->str, "new", "tval_get sees the new value");
	T_OK(tval_get(d, "nope") == NULL, "tval_get of a missing key");

	l = tval_list(a);
	tval_push(a, l, tval_str(a, "a"));
	tval_push(a, l, tval_str(a, "b"));
	tval_set(a, d, "l", l);
	r = render(a, "{{#l}}<{{.}}>{{/l}}", d, NULL);
	T_STREQ(r.out, "<a><b>", "lists iterate");
}

/* Beyond the spec's tests: the example of mustache/spec pull #131. */
static void
test_inheritance(struct arena *a)
{
	static const char *const parent[] = {
		"parent=I say,\n  {{$block}}\n  Hi there!\n  {{/block}}", NULL
	};
	struct result	 r;

	r = render(a, "{{<parent}}\n        {{$block}}\n        Hello\n"
	    "        {{/block}}\n{{/parent}}", NULL, parent);
	T_OK(r.rc == 0, "block reindentation renders");
	T_STREQ(r.out, "I say,\n  Hello\n",
	    "a block takes the indentation of where it is expanded");
}

int
main(void)
{
	struct arena	 a;

	t_begin("tmpl");
	arena_init(&a);
	test_errors(&a);
	test_recursion(&a);
	test_values(&a);
	test_inheritance(&a);
	arena_fini(&a);
	return t_done();
}
