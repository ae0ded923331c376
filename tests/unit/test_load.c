/*
 * test_load.c: the YAML reader under the loader (load_yaml): positions,
 * the refusals (anchors, aliases, tags, duplicate keys, depth) and their
 * diagnostics, byte order marks and CRLF line ends.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "harness.h"
#include "load.h"

struct result {
	struct ynode	*root;
	char		 msgs[2048];
};

static struct result
parse(struct arena *a, const char *text)
{
	struct result	 r;
	struct diag	 d;
	FILE		*f;
	size_t		 n;

	memset(&r, 0, sizeof(r));
	if ((f = tmpfile()) == NULL) {
		perror("tmpfile");
		exit(2);
	}
	diag_init(&d, f);
	r.root = load_yaml(a, &d, "t.yaml", text, strlen(text));
	diag_flush(&d);
	rewind(f);
	n = fread(r.msgs, 1, sizeof(r.msgs) - 1, f);
	r.msgs[n] = '\0';
	fclose(f);
	return r;
}

static const struct ynode *
value(const struct ynode *map, const char *key)
{
	size_t	 i;

	for (i = 0; map != NULL && i + 1 < map->nkids; i += 2)
		if (strcmp(map->kids[i]->str, key) == 0)
			return map->kids[i + 1];
	return NULL;
}

int
main(void)
{
	struct arena	 a;
	struct result	 r;
	const struct ynode *n;
	char		 deep[256];
	int		 i;

	t_begin("load");
	arena_init(&a);

	r = parse(&a, "name: Baba\nphases:\n  - id: x\n    start: 2020\n");
	T_OK(r.root != NULL && r.msgs[0] == '\0', "a plain document loads");
	n = value(r.root, "phases");
	T_OK(n != NULL && n->type == YNODE_SEQ && n->nkids == 1, "a list");
	n = n != NULL ? value(n->kids[0], "start") : NULL;
	T_OK(n != NULL && n->line == 4 && n->col == 12 && n->plain,
	    "positions count from 1");

	r = parse(&a, "");
	T_OK(r.root != NULL && r.root->type == YNODE_MAP &&
	    r.root->nkids == 0, "an empty file is an empty map");

	r = parse(&a, "a: 'x'\r\nb: y\r\n");
	n = value(r.root, "b");
	T_OK(n != NULL && strcmp(n->str, "y") == 0 && n->line == 2,
	    "CRLF line ends");
	T_OK(value(r.root, "a") != NULL && !value(r.root, "a")->plain,
	    "a quoted scalar is not plain");

	r = parse(&a, "a: 1\nb: 2\na: 3\n");
	T_OK(r.root == NULL, "duplicate key refused");
	T_STREQ(r.msgs, "t.yaml:3:1: error: duplicate key \"a\"\n"
	    "    t.yaml:1:1: note: first written here\n",
	    "duplicate key diagnostic");

	r = parse(&a, "a: &x [1, 2]\nb: *x\n");
	T_OK(r.root == NULL, "anchor refused");
	T_STREQ(r.msgs, "t.yaml:1:4: error: YAML anchors (&x) are not "
	    "allowed: write the value out\n", "anchor diagnostic");

	r = parse(&a, "a: &x [1, *x]\n");
	T_OK(r.root == NULL, "a self-referring alias is refused, not a cycle");

	r = parse(&a, "b: *x\n");
	T_OK(r.root == NULL && strstr(r.msgs, "aliases (*x)") != NULL,
	    "alias refused");

	r = parse(&a, "a: !!int 3\n");
	T_STREQ(r.msgs, "t.yaml:1:4: error: YAML tags (!!int) are not "
	    "allowed\n", "tag diagnostic");

	r = parse(&a, "a:\n\t- b\n");
	T_STREQ(r.msgs, "t.yaml:2:1: error: a tab character: YAML is "
	    "indented with spaces only; replace the tab with spaces\n",
	    "tab diagnostic");

	/* After a letter of two bytes: libyaml counts characters. */
	r = parse(&a, "ø: 1\nb:\n\t- c\n");
	T_OK(strstr(r.msgs, "t.yaml:3:1: error: a tab character") != NULL,
	    "tab diagnostic after a non-ASCII letter");

	r = parse(&a, "a:\n  started 16\n  dropped_out: 3\n");
	T_STREQ(r.msgs, "t.yaml:2:10: error: the colon is missing after "
	    "\"started\": write \"started: 16\"\n", "missing colon, said "
	    "of its line");

	r = parse(&a, "name: x\nowner:cbf\nstaff: 2\n");
	T_STREQ(r.msgs, "t.yaml:2:7: error: put a space after the colon: "
	    "write \"owner: cbf\"\n", "no space after the colon");

	r = parse(&a, "p:\n  - id: a\n    k: 1\n    id: b\n");
	T_OK(strstr(r.msgs, "t.yaml:4:5: error: \"id\" is written twice in "
	    "one item of the list: if a new item begins here, write \"- \" "
	    "before \"id\"") != NULL, "a list item without its dash");

	r = parse(&a, "a: \"open\nb: c\n");
	T_OK(r.root == NULL && strcmp(r.msgs, "t.yaml:1:4: error: this "
	    "quote is not closed on its line, so YAML reads on and fails on "
	    "line 3: end the value with the same quote (or leave the quotes "
	    "out)\n") == 0, "an unclosed quote, said at the quote");
	r = parse(&a, "a: 'it''s\nb: \"x \\\" y\"\nc: [\n");
	T_OK(r.root == NULL && strncmp(r.msgs, "t.yaml:1:4: error: this "
	    "quote is not closed", 39) == 0, "'' does not close a quote");
	r = parse(&a, "a: \"x \\\" y\"\nb: 'it''s'\n# \"c\nc: [\n");
	T_OK(r.root == NULL && strstr(r.msgs, "quote is not closed") == NULL,
	    "closed quotes (with \\\" and '') and comments are no open quote");

	r = parse(&a, "a: 1\n---\nb: 2\n");
	T_OK(r.root == NULL && strstr(r.msgs, "only one YAML document") !=
	    NULL, "second document refused");

	r = parse(&a, "a: \x81\n");
	T_STREQ(r.msgs, "t.yaml:1:4: error: the file is not valid UTF-8 "
	    "text: save it as UTF-8\n", "invalid UTF-8 diagnostic");

	r = parse(&a, "a: K\xf8ge\n");
	T_OK(strstr(r.msgs, "t.yaml:1:5: error: the file is saved as "
	    "Windows-1252 (\"ANSI\"), not UTF-8: this \"\xc3\xb8\"") != NULL,
	    "a Windows-1252 file is named as such, with its character");

	/* LOAD_MAX_DEPTH + 1 lists in lists, closed, then one fewer. */
	for (i = 0; i <= LOAD_MAX_DEPTH; i++) {
		deep[i] = '[';
		deep[2 * LOAD_MAX_DEPTH + 1 - i] = ']';
	}
	deep[2 * LOAD_MAX_DEPTH + 2] = '\0';
	r = parse(&a, deep);
	T_OK(r.root == NULL && strstr(r.msgs, "nested more than 16") != NULL,
	    "nesting is bounded");
	deep[2 * LOAD_MAX_DEPTH + 1] = '\0';
	r = parse(&a, deep + 1);
	T_OK(r.root != NULL, "nesting up to the bound loads");

	r = parse(&a, "[a, b]: c\n");
	T_OK(r.root == NULL && strstr(r.msgs, "a key must be a simple word")
	    != NULL, "a key must be a scalar");

	arena_fini(&a);
	return t_done();
}
