/*
 * fuzz_tmpl.c: the Mustache engine, with the input as the template and
 * as the partial "self" (so recursion is tried), against data with text
 * to escape, lists, nested maps and booleans.
 */
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "tmpl.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

struct input {
	const char	*text;
	size_t		 len;
};

static const char *
load(void *arg, const char *name, size_t *len)
{
	const struct input *in = arg;

	if (strcmp(name, "self") == 0) {
		*len = in->len;
		return in->text;
	}
	if (strcmp(name, "p") == 0) {
		*len = strlen("[{{name}}|{{{html}}}]");
		return "[{{name}}|{{{html}}}]";
	}
	return NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct arena	 a;
	struct diag	 d;
	struct buf	 out;
	struct tval	*root, *list, *item;
	struct tmpl_loader l;
	struct input	 in;
	char		*text;
	int		 i;

	arena_init(&a);
	diag_init(&d, NULL);
	/* The text must live as long as the arena, NUL-terminated or not. */
	text = arena_alloc(&a, n + 1);
	memcpy(text, data, n);
	in.text = text;
	in.len = n;
	l.load = load;
	l.file = NULL;
	l.arg = &in;
	root = tval_map(&a);
	tval_set_str(&a, root, "name", "Bydelsmødre");
	tval_set_str(&a, root, "html", "<b>\"&'</b>");
	tval_set(&a, root, "yes", tval_bool(&a, 1));
	tval_set(&a, root, "no", tval_bool(&a, 0));
	tval_set(&a, root, "n", tval_num(&a, "16"));
	list = tval_list(&a);
	for (i = 0; i < 3; i++) {
		item = tval_map(&a);
		tval_set_str(&a, item, "name", i == 0 ? "a" : i == 1 ? "ø" :
		    "");
		tval_set(&a, item, "sub", root);
		tval_push(&a, list, item);
	}
	tval_set(&a, root, "list", list);
	buf_init(&out, &a);
	(void)tmpl_render(&a, "fuzz.mustache", text, n, root, &l, &out, &d);
	diag_flush(&d);
	arena_fini(&a);
	return 0;
}
