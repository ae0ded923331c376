/*
 * test_mustache.c: runs the official Mustache spec ($SHARED/spec/mustache/
 * *.yml) against tmpl.c.  Each test's YAML data becomes a tree of struct
 * tval, its partials the loader; the output must equal "expected".
 * Skipped, with a note, when the spec is not there.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "tmpl.h"
#include "harness.h"

/* Spec data is a few levels deep; this only stops a hostile file. */
#define MAXDEPTH	64

static const char *
scalar(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

/* The node for key in a mapping node, or NULL. */
static yaml_node_t *
lookup(yaml_document_t *doc, yaml_node_t *map, const char *key)
{
	yaml_node_pair_t	*pair;
	yaml_node_t		*k;

	if (map == NULL || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (pair = map->data.mapping.pairs.start;
	    pair < map->data.mapping.pairs.top; pair++) {
		k = yaml_document_get_node(doc, pair->key);
		if (k != NULL && k->type == YAML_SCALAR_NODE &&
		    strcmp(scalar(k), key) == 0)
			return yaml_document_get_node(doc, pair->value);
	}
	return NULL;
}

/* A scalar's text as given, for templates, partials and expectations. */
static const char *
text(struct arena *a, yaml_node_t *n, size_t *len)
{
	if (n == NULL || n->type != YAML_SCALAR_NODE) {
		*len = 0;
		return NULL;
	}
	*len = n->data.scalar.length;
	return arena_strndup(a, scalar(n), *len);
}

/*
 * A plain scalar that is all number: printed back with %.15g, so the
 * spec's 1.210 gives "1.21" and 85 gives "85".  Words strtod would take
 * (inf, nan, hex) stay strings, as YAML has them.
 */
static const char *
number(struct arena *a, const char *s, size_t len)
{
	char	*end;
	double	 d;
	size_t	 i;

	if (len == 0)
		return NULL;
	for (i = 0; i < len; i++)
		if (strchr("0123456789+-.eE", s[i]) == NULL)
			return NULL;
	d = strtod(s, &end);
	if (end != s + len)
		return NULL;
	return arena_printf(a, "%.15g", d);
}

static struct tval *
convert(struct arena *a, yaml_document_t *doc, yaml_node_t *n, int depth)
{
	struct tval		*v, *item;
	yaml_node_item_t	*it;
	yaml_node_pair_t	*pair;
	yaml_node_t		*k;
	const char		*s, *num;
	size_t			 len;

	if (n == NULL || depth > MAXDEPTH)
		return NULL;
	switch (n->type) {
	case YAML_SCALAR_NODE:
		s = scalar(n);
		len = n->data.scalar.length;
		if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
			return tval_str(a, arena_strndup(a, s, len));
		if (strcmp(s, "true") == 0 || strcmp(s, "True") == 0 ||
		    strcmp(s, "TRUE") == 0)
			return tval_bool(a, 1);
		if (strcmp(s, "false") == 0 || strcmp(s, "False") == 0 ||
		    strcmp(s, "FALSE") == 0)
			return tval_bool(a, 0);
		if (len == 0 || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
		    strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0)
			return tval_null(a);
		if ((num = number(a, s, len)) != NULL)
			return tval_num(a, num);
		return tval_str(a, arena_strndup(a, s, len));
	case YAML_SEQUENCE_NODE:
		v = tval_list(a);
		for (it = n->data.sequence.items.start;
		    it < n->data.sequence.items.top; it++) {
			item = convert(a, doc, yaml_document_get_node(doc, *it),
			    depth + 1);
			if (item == NULL)
				return NULL;
			tval_push(a, v, item);
		}
		return v;
	case YAML_MAPPING_NODE:
		v = tval_map(a);
		for (pair = n->data.mapping.pairs.start;
		    pair < n->data.mapping.pairs.top; pair++) {
			k = yaml_document_get_node(doc, pair->key);
			if (k == NULL || k->type != YAML_SCALAR_NODE)
				return NULL;
			item = convert(a, doc,
			    yaml_document_get_node(doc, pair->value), depth + 1);
			if (item == NULL)
				return NULL;
			tval_set(a, v, arena_strdup(a, scalar(k)), item);
		}
		return v;
	default:
		return NULL;
	}
}

/* The loader: partials come from the test's "partials" map. */
static const char *
load_partial(void *arg, const char *name, size_t *len)
{
	const struct tval	*v;

	v = tval_get(arg, name);
	if (v == NULL || v->type != TVAL_STR)
		return NULL;
	*len = v->len;
	return v->str;
}

static void
run_test(const char *file, yaml_document_t *doc, yaml_node_t *test)
{
	struct arena		 a;
	struct buf		 out;
	struct diag		 d;
	struct tmpl_loader	 loader;
	struct tval		*data, *partials;
	yaml_node_t		*n;
	const char		*name, *tpl, *want, *what;
	size_t			 tlen, wlen, i;

	arena_init(&a);
	name = text(&a, lookup(doc, test, "name"), &tlen);
	what = arena_printf(&a, "%s: %s", file, name != NULL ? name : "?");
	tpl = text(&a, lookup(doc, test, "template"), &tlen);
	want = text(&a, lookup(doc, test, "expected"), &wlen);
	data = convert(&a, doc, lookup(doc, test, "data"), 0);
	partials = tval_map(&a);
	if ((n = lookup(doc, test, "partials")) != NULL &&
	    n->type == YAML_MAPPING_NODE)
		for (i = 0; n->data.mapping.pairs.start + i <
		    n->data.mapping.pairs.top; i++) {
			tval_set_str(&a, partials, scalar(yaml_document_get_node(
			    doc, n->data.mapping.pairs.start[i].key)),
			    text(&a, yaml_document_get_node(doc,
			    n->data.mapping.pairs.start[i].value), &wlen));
		}
	if (tpl == NULL || want == NULL || data == NULL) {
		T_OK(0, arena_printf(&a, "%s: bad test in the spec", what));
		arena_fini(&a);
		return;
	}
	loader.load = load_partial;
	loader.file = NULL;
	loader.arg = partials;
	buf_init(&out, &a);
	diag_init(&d, stderr);
	if (tmpl_render(&a, name, tpl, tlen, data, &loader, &out, &d) != 0)
		T_OK(0, arena_printf(&a, "%s: tmpl_render failed", what));
	else
		T_STREQ(out.data, want, what);
	arena_fini(&a);
}

static void
run_file(const char *dir, const char *file)
{
	yaml_parser_t	 parser;
	yaml_document_t	 doc;
	yaml_node_t	*tests, *test;
	yaml_node_item_t *it;
	char		 path[4096];
	FILE		*f;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	if ((f = fopen(path, "rb")) == NULL) {
		perror(path);
		T_OK(0, file);
		return;
	}
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_file(&parser, f);
	if (!yaml_parser_load(&parser, &doc)) {
		fprintf(stderr, "%s:%zu: %s\n", path,
		    parser.problem_mark.line + 1,
		    parser.problem != NULL ? parser.problem : "bad YAML");
		T_OK(0, file);
	} else {
		tests = lookup(&doc, yaml_document_get_root_node(&doc),
		    "tests");
		if (tests == NULL || tests->type != YAML_SEQUENCE_NODE)
			T_OK(0, file);
		else
			for (it = tests->data.sequence.items.start;
			    it < tests->data.sequence.items.top; it++) {
				test = yaml_document_get_node(&doc, *it);
				run_test(file, &doc, test);
			}
		yaml_document_delete(&doc);
	}
	yaml_parser_delete(&parser);
	fclose(f);
}

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int
main(void)
{
	struct arena	 a;
	DIR		*dir;
	struct dirent	*de;
	const char	*shared, *path, **names = NULL;
	size_t		 n = 0, cap = 0, len, i;

	t_begin("mustache");
	arena_init(&a);
	if ((shared = getenv("SHARED")) == NULL || *shared == '\0')
		shared = "../shared";
	path = arena_printf(&a, "%s/spec/mustache", shared);
	if ((dir = opendir(path)) == NULL) {
		printf("mustache: skipped: %s not found\n", path);
		arena_fini(&a);
		return t_done();
	}
	while ((de = readdir(dir)) != NULL) {
		len = strlen(de->d_name);
		if (len < 4 || strcmp(de->d_name + len - 4, ".yml") != 0)
			continue;
		/* tmpl.c has no lambdas, so their optional module is out. */
		if (strcmp(de->d_name, "~lambdas.yml") == 0)
			continue;
		if (n == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			names = arena_grow(&a, names, n * sizeof(*names),
			    cap * sizeof(*names));
		}
		names[n++] = arena_strdup(&a, de->d_name);
	}
	closedir(dir);
	if (n > 0)
		qsort(names, n, sizeof(*names), cmp);
	for (i = 0; i < n; i++)
		run_file(path, names[i]);
	arena_fini(&a);
	return t_done();
}
