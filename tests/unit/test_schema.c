/*
 * test_schema.c: unit tests for schema.c: every key of the loader's
 * tables (keys.h) has a Danish description and a form, none is
 * described that the loader does not know, and the check finds it when
 * one is missing; each schema names every key of its file.
 */
#include "arena.h"
#include "buf.h"
#include "harness.h"
#include "keys.h"
#include "schema.h"

/* A loader's table against descriptions that lack one key, describe
   one the loader does not know and require a third it does not know. */
static void
test_check_finds(struct arena *a)
{
	static const char *const keys[] = { "id", "label", NULL };
	static const char *const need[] = { "titel", NULL };
	static const struct schema_key doc[] = {
		{ "id", "Id.", SF_ID, NULL, NULL, NULL, NULL, 0, 0 },
		{ "lable", "Tekst.", SF_TEXT, NULL, NULL, NULL, NULL, 0, 0 },
		{ NULL, NULL, SF_TEXT, NULL, NULL, NULL, NULL, 0, 0 }
	};
	static const struct schema_map m = { "a test", keys, doc, need, NULL };
	struct buf	 why;

	buf_init(&why, a);
	T_OK(schema_check_map(&why, &m) == 3, "three problems found");
	T_OK(strstr(why.data, "key \"label\" has no description") != NULL,
	    "the key without a description named");
	T_OK(strstr(why.data, "\"lable\" is described but is not") != NULL,
	    "the description of no key named");
	T_OK(strstr(why.data, "required key \"titel\"") != NULL,
	    "the unknown required key named");
}

/* Each key of keys is a property of the schema in s. */
static void
names_all(const char *s, const char *const *keys, const char *what)
{
	char	 want[128];

	for (; *keys != NULL; keys++) {
		snprintf(want, sizeof(want), "\"%s\": {", *keys);
		if (!T_OK(strstr(s, want) != NULL, what))
			fprintf(stderr, "  no property %s\n", *keys);
	}
}

int
main(void)
{
	struct arena	 a;
	struct buf	 why, b, again;

	t_begin("schema");
	arena_init(&a);
	buf_init(&why, &a);
	if (!T_OK(schema_check(&why) == 0, "every loader key described"))
		fprintf(stderr, "%s", why.data);
	test_check_finds(&a);

	buf_init(&b, &a);
	T_OK(schema_write(&b, "initiative") == 0, "initiative schema");
	names_all(b.data, init_keys, "initiative keys");
	names_all(b.data, phase_keys, "phase keys");
	names_all(b.data, course_keys, "course keys");
	names_all(b.data, figure_keys, "figure keys");
	T_OK(strstr(b.data, "\"enum\": [\n") != NULL &&
	    strstr(b.data, "\"recruitment\",\n") != NULL,
	    "the kinds of phase listed");
	buf_init(&again, &a);
	(void)schema_write(&again, "initiative");
	T_STREQ(again.data, b.data, "the same schema each time");
	buf_truncate(&b, 0);
	T_OK(schema_write(&b, "report") == 0, "report schema");
	names_all(b.data, report_keys, "report keys");
	names_all(b.data, section_keys, "section keys");
	buf_truncate(&b, 0);
	T_OK(schema_write(&b, "site") == 0, "site schema");
	names_all(b.data, site_keys, "site keys");
	T_OK(strstr(b.data, "\"dato\"") == NULL, "no unused definition");
	buf_truncate(&b, 0);
	T_OK(schema_write(&b, "pdf") == 0, "pdf schema");
	names_all(b.data, style_keys, "style keys");
	names_all(b.data, color_keys, "colour keys");
	T_OK(schema_write(&b, "sitee") == -1, "an unknown kind refused");
	arena_fini(&a);
	return t_done();
}
