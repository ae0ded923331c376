/*
 * load.c: content/ into the model.  Two steps per file: libyaml's events
 * become a small tree with positions (load_yaml), then the tree is walked
 * against the schema of its kind of file (site, initiative, report).
 * The only file that includes <yaml.h>; the parser lives and dies here.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include <yaml.h>

#include "arena.h"
#include "buf.h"
#include "danish.h"
#include "date.h"
#include "diag.h"
#include "font.h"
#include "fsutil.h"
#include "i18n.h"
#include "keys.h"
#include "load.h"
#include "model.h"
#include "nfc.h"
#include "style.h"
#include "utf8.h"

/* What a schema walk needs: where to allocate, report, and which file. */
struct lctx {
	struct arena	*a;
	struct diag	*d;
	const char	*dir;		/* the content folder */
	const char	*file;
	size_t		 total;		/* bytes of YAML read so far */
	struct font *const *fonts;	/* to check the text with, or NULL */
};

/* --- The YAML reader ------------------------------------------------ */

/*
 * Append kid.  The capacity is implied by the count: 8, then doubling
 * whenever the count reaches a power of two.
 */
static void
add_kid(struct arena *a, struct ynode *parent, struct ynode *kid)
{
	size_t	 n = parent->nkids;

	if (n == 0)
		parent->kids = arena_calloc(a, 8, sizeof(kid));
	else if (n >= 8 && (n & (n - 1)) == 0)
		parent->kids = arena_grow(a, parent->kids, n * sizeof(kid),
		    2 * n * sizeof(kid));
	parent->kids[parent->nkids++] = kid;
}

/* libyaml's context, in words: where the unfinished thing began. */
static const char *
context_words(const char *ctx)
{
	if (strstr(ctx, "quoted scalar") != NULL)
		return N_("the quoted value starts here");
	if (strstr(ctx, "flow sequence") != NULL)
		return N_("the list in [ ] starts here");
	if (strstr(ctx, "flow mapping") != NULL)
		return N_("the { } starts here");
	if (strstr(ctx, "block mapping") != NULL)
		return N_("the keys at this indentation start here");
	if (strstr(ctx, "block collection") != NULL ||
	    strstr(ctx, "block sequence") != NULL)
		return N_("the list at this indentation starts here");
	return ctx;
}

/* The byte offset of line:col, which libyaml counts in characters. */
static size_t
offset_of(const char *text, size_t len, int line, int col)
{
	size_t	 i = 0;

	for (; line > 1 && i < len; i++)
		if (text[i] == '\n')
			line--;
	for (; col > 1 && i < len; col--)
		for (i++; i < len && ((unsigned char)text[i] & 0xc0) == 0x80;)
			i++;
	return i;
}

/* Line number line of text, without its line break: *n bytes. */
static const char *
line_at(const char *text, size_t len, int line, size_t *n)
{
	size_t	 i = offset_of(text, len, line, 1), e = i;

	while (e < len && text[e] != '\n' && text[e] != '\r')
		e++;
	*n = e - i;
	return text + i;
}

/*
 * A line that should be "key: value" but has no colon ("started 16"),
 * or none followed by a space ("owner:cbf"), said as what to write.
 * 0 when the line is something else: a list item, a comment, empty.
 */
static int
missing_colon(struct diag *d, const char *file, const char *text,
    size_t len, int line)
{
	const char	*s, *key, *colon;
	size_t		 n, i, k;

	s = line_at(text, len, line, &n);
	for (i = 0; i < n && s[i] == ' '; i++)
		continue;
	if (i == n || s[i] == '-' || s[i] == '#' || s[i] == '"' ||
	    s[i] == '\'' || s[i] == '[' || s[i] == '{')
		return 0;
	key = s + i;
	for (k = 0; i + k < n && key[k] != ' ' && key[k] != ':'; k++)
		continue;
	colon = memchr(key, ':', n - i);
	if (colon != NULL && colon + 1 < s + n && colon[1] != ' ' &&
	    colon == key + k) {
		diag_msg(d, DIAG_ERROR, file, line, (int)(colon - s) + 2,
		    "put a space after the colon: write \"%.*s: %.*s\"",
		    (int)k, key, (int)(s + n - colon - 1), colon + 1);
		return 1;
	}
	if (colon != NULL || k == n - i)
		return 0;
	diag_msg(d, DIAG_ERROR, file, line, (int)(key - s) + (int)k + 1,
	    "the colon is missing after \"%.*s\": write \"%.*s:%.*s\"",
	    (int)k, key, (int)k, key, (int)(n - i - k), key + k);
	return 1;
}

/* The nearest line before line that is not empty or a comment, or 0. */
static int
line_before(const char *text, size_t len, int line)
{
	const char	*s;
	size_t		 n, i;

	while (--line > 0) {
		s = line_at(text, len, line, &n);
		for (i = 0; i < n && s[i] == ' '; i++)
			continue;
		if (i < n && s[i] != '#')
			return line;
	}
	return 0;
}

/*
 * The first line before line that opens a quoted value and does not
 * close it ("origin: \"Fonden for Socialt Ansvar"): YAML reads on to
 * the next quote, which may be many lines on, and fails there.  Returns
 * its line and sets *col to the quote's column, or returns 0.
 */
static int
open_quote(const char *text, size_t len, int line, int *col)
{
	const char	*p = text, *end = text + len, *eol, *v, *q;
	int		 l;

	for (l = 1; l < line && p < end; l++, p = eol + 1) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		/* The value: after "key: " or "- ", not in a comment. */
		for (v = p; v < eol && *v == ' '; v++)
			continue;
		if (v == eol || *v == '#')
			continue;
		if (eol - v >= 2 && v[0] == '-' && v[1] == ' ')
			v += 2;
		else {
			for (q = v; q + 1 < eol && !(q[0] == ':' &&
			    q[1] == ' '); q++)
				if (*q == '"' || *q == '\'' || *q == '#')
					break;
			if (q + 1 >= eol || q[0] != ':')
				continue;
			v = q + 2;
		}
		while (v < eol && *v == ' ')
			v++;
		if (v == eol || (*v != '"' && *v != '\''))
			continue;
		/* Its close on the line: '' in '...' and \" in "..." are not. */
		for (q = v + 1; q < eol; q++) {
			if (*v == '"' && *q == '\\' && q + 1 < eol)
				q++;
			else if (*q == *v && *v == '\'' && q + 1 < eol &&
			    q[1] == '\'')
				q++;
			else if (*q == *v)
				break;
		}
		if (q == eol) {
			*col = utf8_column(p, v);
			return l;
		}
	}
	return 0;
}

/* Words for libyaml's problems that an administrator can act on. */
static void
report_parser_error(struct diag *d, const char *file, const char *text,
    size_t len, const yaml_parser_t *p)
{
	const char	*what = p->problem != NULL ? p->problem : "syntax error";
	size_t		 at = p->problem_mark.index;
	int		 line = (int)p->problem_mark.line + 1;
	int		 col = (int)p->problem_mark.column + 1;
	int		 qline, qcol;

	if (p->error == YAML_READER_ERROR) {
		/* The reader counts bytes, not lines: find the line. */
		size_t	 i;

		at = p->problem_offset;
		line = 1;
		col = 1;
		for (i = 0; i < at && i < len; i++, col++)
			if (text[i] == '\n') {
				line++;
				col = 0;
			}
		if (strstr(what, "control characters") != NULL && at < len) {
			uint32_t cp;

			(void)utf8_decode((const unsigned char *)text + at,
			    len - at, &cp);
			diag_msg(d, DIAG_ERROR, file, line, col, "the file "
			    "contains a control character, U+%04lX, which "
			    "cannot be shown: delete it", (unsigned long)cp);
		} else
			utf8_report_invalid(d, file, line, col, at < len ?
			    (unsigned char)text[at] : 0);
		return;
	}
	at = offset_of(text, len, line, col);
	if (at < len && text[at] == '\t') {
		diag_msg(d, DIAG_ERROR, file, line, col, "a tab character: "
		    "YAML is indented with spaces only; replace the tab with "
		    "spaces");
		return;
	}
	/*
	 * "started 16" above "dropped_out: 3": libyaml reads the two lines
	 * as one key and stops at the second's colon; "owner:cbf" makes it
	 * miss the colon where the next line begins.  Say it of the line.
	 */
	if (strstr(what, "mapping values are not allowed") != NULL &&
	    missing_colon(d, file, text, len, line_before(text, len, line)))
		return;
	if (strstr(what, "could not find expected ':'") != NULL &&
	    p->context != NULL && missing_colon(d, file, text, len,
	    (int)p->context_mark.line + 1))
		return;
	/* A quote left open: said at the quote, not where YAML stopped. */
	if ((qline = open_quote(text, len, line, &qcol)) > 0) {
		diag_msg(d, DIAG_ERROR, file, qline, qcol, "this quote is not "
		    "closed on its line, so YAML reads on and fails on line "
		    "%d: end the value with the same quote (or leave the "
		    "quotes out)", line);
		return;
	}
	if (strstr(what, "mapping values are not allowed") != NULL)
		diag_msg(d, DIAG_ERROR, file, line, col,
		    "unexpected \":\": put a value that contains \": \" "
		    "in quotes, or check the indentation");
	else if (strstr(what, "did not find expected key") != NULL ||
	    strstr(what, "did not find expected '-'") != NULL)
		diag_msg(d, DIAG_ERROR, file, line, col,
		    "the indentation does not line up with the lines above");
	else if (strstr(what, "did not find expected node content") != NULL)
		diag_msg(d, DIAG_ERROR, file, line, col,
		    "a value is missing here");
	else if (strstr(what, "found unexpected end of stream") != NULL)
		diag_msg(d, DIAG_ERROR, file, line, col,
		    "the file ends inside a quoted value or a list "
		    "(is a closing quote or bracket missing?)");
	else
		diag_msg(d, DIAG_ERROR, file, line, col, "YAML: %s", what);
	if (p->context != NULL)
		diag_msg(d, DIAG_NOTE, file,
		    (int)p->context_mark.line + 1,
		    (int)p->context_mark.column + 1, "%s",
		    tr(d->lang, context_words(p->context)));
}

/* Reject a duplicate key: the new key is the last kid of map. */
static int
is_duplicate_key(struct diag *d, const char *file, const struct ynode *map,
    const struct ynode *key, int in_list)
{
	size_t	 i;

	for (i = 0; i + 1 < map->nkids; i += 2) {
		if (strcmp(map->kids[i]->str, key->str) == 0) {
			/* Most likely a new item whose "- " was forgotten. */
			if (in_list)
				diag_msg(d, DIAG_ERROR, file, key->line,
				    key->col, "\"%s\" is written twice in one "
				    "item of the list: if a new item begins "
				    "here, write \"- \" before \"%s\"",
				    key->str, key->str);
			else
				diag_msg(d, DIAG_ERROR, file, key->line,
				    key->col, "duplicate key \"%s\"",
				    key->str);
			diag_msg(d, DIAG_NOTE, file, map->kids[i]->line,
			    map->kids[i]->col, "first written here");
			return 1;
		}
	}
	return 0;
}

/*
 * Refuse a control character in a scalar: it cannot be shown, would
 * make the Atom feed malformed and could act on a terminal.  Tabs and
 * line breaks are text (a block scalar has them); C0, DEL and C1
 * controls are not, whether typed or written as an escape ("\x01").
 * parent is the collection the scalar is in, to name its key.
 */
static int
has_control(struct diag *d, const char *file, int line, int col,
    const struct ynode *n, const struct ynode *parent)
{
	const unsigned char *s = (const unsigned char *)n->str;
	size_t		 i, len;
	uint32_t	 cp;

	for (i = 0; i < n->len; i += len) {
		len = utf8_decode(s + i, n->len - i, &cp);
		if (cp == '\t' || cp == '\n' ||
		    !(cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)))
			continue;
		if (parent != NULL && parent->type == YNODE_MAP &&
		    parent->nkids % 2 == 1)
			diag_msg(d, DIAG_ERROR, file, line, col, "\"%s\" "
			    "contains a control character, U+%04lX, which "
			    "cannot be shown: delete it (it may have come "
			    "with text copied from elsewhere)",
			    parent->kids[parent->nkids - 1]->str,
			    (unsigned long)cp);
		else
			diag_msg(d, DIAG_ERROR, file, line, col, "the value "
			    "contains a control character, U+%04lX, which "
			    "cannot be shown: delete it (it may have come "
			    "with text copied from elsewhere)",
			    (unsigned long)cp);
		return 1;
	}
	return 0;
}

static struct ynode *
parse_yaml(struct arena *a, struct diag *d, const char *file,
    const char *text, size_t len, struct font *const *fonts)
{
	yaml_parser_t	 parser;
	yaml_event_t	 ev;
	struct ynode	*stack[LOAD_MAX_DEPTH + 1];
	struct ynode	*root = NULL, *n, *top;
	size_t		 depth = 0;
	int		 done = 0, ndocs = 0, failed = 0, line, col;
	const char	*anchor, *tag;
	char		*str;

	if (!yaml_parser_initialize(&parser)) {
		diag_msg(d, DIAG_SYSERR, file, 0, 0, "cannot start the YAML parser");
		return NULL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	while (!done && !failed) {
		if (!yaml_parser_parse(&parser, &ev)) {
			report_parser_error(d, file, text, len, &parser);
			failed = 1;
			break;
		}
		line = (int)ev.start_mark.line + 1;
		col = (int)ev.start_mark.column + 1;
		anchor = NULL;
		tag = NULL;
		n = NULL;
		switch (ev.type) {
		case YAML_DOCUMENT_START_EVENT:
			if (++ndocs > 1) {
				diag_msg(d, DIAG_ERROR, file, line, col,
				    "only one YAML document is allowed "
				    "per file (remove the \"---\")");
				failed = 1;
			}
			break;
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_ALIAS_EVENT:
			diag_msg(d, DIAG_ERROR, file, line, col,
			    "YAML aliases (*%s) are not allowed: write the "
			    "value out", (const char *)ev.data.alias.anchor);
			failed = 1;
			break;
		case YAML_SCALAR_EVENT:
			anchor = (const char *)ev.data.scalar.anchor;
			tag = (const char *)ev.data.scalar.tag;
			if (ev.data.scalar.length > LOAD_MAX_STRING) {
				diag_msg(d, DIAG_ERROR, file, line, col,
				    "value is too long (%zu bytes, at most %d)",
				    ev.data.scalar.length, LOAD_MAX_STRING);
				failed = 1;
				break;
			}
			n = arena_alloc(a, sizeof(*n));
			n->type = YNODE_SCALAR;
			str = arena_strndup(a,
			    (const char *)ev.data.scalar.value,
			    ev.data.scalar.length);
			/* Letters composed, invisible characters gone. */
			n->len = nfc_normalize(str, ev.data.scalar.length);
			n->str = str;
			n->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
			if (memchr(n->str, '\0', n->len) != NULL) {
				diag_msg(d, DIAG_ERROR, file, line, col,
				    "value contains a NUL character");
				failed = 1;
			} else if (!has_control(d, file, line, col, n,
			    depth > 0 ? stack[depth - 1] : NULL) &&
			    fonts != NULL)	/* else read on, reported */
				(void)font_check_text(fonts, d, file, line,
				    col, n->str, n->len, 0);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (ev.type == YAML_SEQUENCE_START_EVENT) {
				anchor = (const char *)ev.data.sequence_start.anchor;
				tag = (const char *)ev.data.sequence_start.tag;
			} else {
				anchor = (const char *)ev.data.mapping_start.anchor;
				tag = (const char *)ev.data.mapping_start.tag;
			}
			if (depth == LOAD_MAX_DEPTH) {
				diag_msg(d, DIAG_ERROR, file, line, col,
				    "nested more than %d levels deep",
				    LOAD_MAX_DEPTH);
				failed = 1;
				break;
			}
			n = arena_alloc(a, sizeof(*n));
			n->type = ev.type == YAML_SEQUENCE_START_EVENT ?
			    YNODE_SEQ : YNODE_MAP;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (depth > 0)
				depth--;
			break;
		default:
			break;
		}
		if (!failed && anchor != NULL) {
			diag_msg(d, DIAG_ERROR, file, line, col,
			    "YAML anchors (&%s) are not allowed: write the "
			    "value out", anchor);
			failed = 1;
		}
		if (!failed && tag != NULL) {
			if (strncmp(tag, "tag:yaml.org,2002:", 18) == 0)
				diag_msg(d, DIAG_ERROR, file, line, col,
				    "YAML tags (!!%s) are not allowed", tag + 18);
			else
				diag_msg(d, DIAG_ERROR, file, line, col,
				    "YAML tags (%s) are not allowed", tag);
			failed = 1;
		}
		if (!failed && n != NULL) {
			n->line = line;
			n->col = col;
			if (depth == 0) {
				root = n;
			} else {
				top = stack[depth - 1];
				if (top->type == YNODE_MAP &&
				    top->nkids % 2 == 0) {
					if (n->type != YNODE_SCALAR) {
						diag_msg(d, DIAG_ERROR, file,
						    line, col, "a key must be "
						    "a simple word");
						failed = 1;
					} else if (top->nkids / 2 ==
					    LOAD_MAX_KEYS) {
						diag_msg(d, DIAG_ERROR, file,
						    line, col, "more than %d "
						    "keys in one place",
						    LOAD_MAX_KEYS);
						failed = 1;
					} else if (is_duplicate_key(d, file,
					    top, n, depth > 1 && stack[depth -
					    2]->type == YNODE_SEQ))
						failed = 1;
				}
				add_kid(a, top, n);
			}
			if (n->type != YNODE_SCALAR)
				stack[depth++] = n;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	if (failed)
		return NULL;
	if (root == NULL) {
		root = arena_alloc(a, sizeof(*root));
		root->type = YNODE_MAP;
		root->line = root->col = 1;
	}
	return root;
}

struct ynode *
load_yaml(struct arena *a, struct diag *d, const char *file,
    const char *text, size_t len)
{
	return parse_yaml(a, d, file, text, len, NULL);
}

/* --- Schema helpers ------------------------------------------------- */

static void
lerr(struct lctx *l, const struct ynode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
lerr(struct lctx *l, const struct ynode *n, const char *fmt, ...)
{
	va_list	 ap;
	char	 msg[1024];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), tr(l->d->lang, fmt), ap);
	va_end(ap);
	diag_msg(l->d, DIAG_ERROR, l->file, n->line, n->col, "%s", msg);
}

static struct pos
pos_of(const struct lctx *l, const struct ynode *n)
{
	struct pos	 p;

	p.file = l->file;
	p.line = n->line;
	p.col = n->col;
	return p;
}

static const char *
type_word(const struct lctx *l, const struct ynode *n)
{
	switch (n->type) {
	case YNODE_SEQ:
		return tr(l->d->lang, "a list");
	case YNODE_MAP:
		return tr(l->d->lang, "a set of keys");
	default:
		return tr(l->d->lang, "a single value");
	}
}

/* Check that n is a mapping with only the given keys; NULL-terminated. */
static int
check_map(struct lctx *l, const struct ynode *n, const char *what,
    const char *const *keys)
{
	size_t		 i, nkeys;
	const char	*near;
	struct buf	 all;

	if (n->type != YNODE_MAP) {
		lerr(l, n, "expected %s with keys, got %s", tr(l->d->lang,
		    what), type_word(l, n));
		return -1;
	}
	for (nkeys = 0; keys[nkeys] != NULL; nkeys++)
		continue;
	for (i = 0; i < n->nkids; i += 2) {
		const struct ynode *k = n->kids[i];
		size_t j;

		for (j = 0; j < nkeys; j++)
			if (strcmp(k->str, keys[j]) == 0)
				break;
		if (j < nkeys)
			continue;
		if ((near = diag_suggest(k->str, keys, nkeys)) != NULL) {
			lerr(l, k, "unknown key \"%s\" in %s (did you mean "
			    "\"%s\"?)", k->str, tr(l->d->lang, what), near);
			continue;
		}
		buf_init(&all, l->a);
		for (j = 0; j < nkeys; j++)
			buf_printf(&all, "%s%s", j ? ", " : "", keys[j]);
		lerr(l, k, "unknown key \"%s\" in %s (the keys are: %s)",
		    k->str, tr(l->d->lang, what), all.data);
	}
	return 0;
}

static const struct ynode *
get(const struct ynode *map, const char *key)
{
	size_t	 i;

	if (map == NULL || map->type != YNODE_MAP)
		return NULL;
	for (i = 0; i + 1 < map->nkids; i += 2)
		if (strcmp(map->kids[i]->str, key) == 0)
			return map->kids[i + 1];
	return NULL;
}

static const struct ynode *
need(struct lctx *l, const struct ynode *map, const char *key,
    const char *what)
{
	const struct ynode *n;

	if ((n = get(map, key)) == NULL && map->type == YNODE_MAP)
		lerr(l, map, "%s has no \"%s\"", tr(l->d->lang, what), key);
	return n;
}

static int
is_null(const struct ynode *n)
{
	return n->type == YNODE_SCALAR && n->plain && (n->len == 0 ||
	    strcmp(n->str, "null") == 0 || strcmp(n->str, "~") == 0);
}

/* Text value, or NULL (reported when present and not text). */
static const char *
as_text(struct lctx *l, const struct ynode *n, const char *key)
{
	if (n == NULL)
		return NULL;
	if (n->type != YNODE_SCALAR) {
		lerr(l, n, "\"%s\" must be text, got %s", key, type_word(l, n));
		return NULL;
	}
	if (is_null(n) || n->len == 0) {
		lerr(l, n, "\"%s\" is empty", key);
		return NULL;
	}
	return n->str;
}

static const char *
text(struct lctx *l, const struct ynode *map, const char *key)
{
	return as_text(l, get(map, key), key);
}

static const char *
req_text(struct lctx *l, const struct ynode *map, const char *key,
    const char *what)
{
	return as_text(l, need(l, map, key, what), key);
}

/*
 * 1 after an error at file:line:col when the id s (what it is, for the
 * message) is longer than MODEL_MAX_ID.
 */
static int
id_too_long(struct diag *d, const char *file, int line, int col,
    const char *what, const char *s)
{
	size_t	 n = strlen(s);

	if (n <= MODEL_MAX_ID)
		return 0;
	diag_msg(d, DIAG_ERROR, file, line, col, "%s is %zu characters long, "
	    "at most %d: shorten it", tr(d->lang, what), n, MODEL_MAX_ID);
	return 1;
}

/*
 * The id an administrator most likely meant by s ("Bydelsmødre" ->
 * "bydelsmoedre", "Hold 2" -> "hold-2"), or NULL when none is near.
 */
static const char *
id_for(struct arena *a, const char *s)
{
	static const char *const danish[][2] = {
		{ "æ", "ae" }, { "Æ", "ae" }, { "ø", "oe" }, { "Ø", "oe" },
		{ "å", "aa" }, { "Å", "aa" }, { "é", "e" }, { "É", "e" },
		{ "ü", "u" }, { "ö", "oe" }, { "ä", "ae" }
	};
	struct buf	 b;
	size_t		 i;

	buf_init(&b, a);
	while (*s != '\0') {
		for (i = 0; i < sizeof(danish) / sizeof(danish[0]); i++)
			if (strncmp(s, danish[i][0], strlen(danish[i][0])) == 0)
				break;
		if (i < sizeof(danish) / sizeof(danish[0])) {
			buf_puts(&b, danish[i][1]);
			s += strlen(danish[i][0]);
		} else if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '_')
			buf_putc(&b, *s++);
		else if (*s >= 'A' && *s <= 'Z')
			buf_putc(&b, *s++ - 'A' + 'a');
		else {
			/* Spaces, dots and the like: one "-" between words. */
			if (b.len > 0 && b.data[b.len - 1] != '-')
				buf_putc(&b, '-');
			s++;
		}
	}
	while (b.len > 0 && b.data[b.len - 1] == '-')
		b.data[--b.len] = '\0';
	return b.len > 0 && fs_is_plain_name(b.data) &&
	    b.len <= MODEL_MAX_ID ? b.data : NULL;
}

static const char *
req_id(struct lctx *l, const struct ynode *map, const char *what)
{
	const struct ynode *n;
	const char	*s;

	n = need(l, map, "id", what);
	if ((s = as_text(l, n, "id")) == NULL)
		return NULL;
	if (!fs_is_plain_name(s)) {
		if (id_for(l->a, s) != NULL)
			lerr(l, n, "\"%s\" is not a valid id: write \"%s\" "
			    "(lower-case letters a-z, digits, \"-\" and \"_\"; "
			    "æ as ae, ø as oe, å as aa)", s, id_for(l->a, s));
		else
			lerr(l, n, "\"%s\" is not a valid id: use lower-case "
			    "letters a-z, digits, \"-\" and \"_\" (write æ as "
			    "ae, ø as oe, å as aa)", s);
		return NULL;
	}
	if (id_too_long(l->d, l->file, n->line, n->col, "the id", s))
		return NULL;
	return s;
}

static void
ref(struct lctx *l, const struct ynode *map, const char *key, struct ref *r)
{
	const struct ynode *n = get(map, key);

	if ((r->id = as_text(l, n, key)) != NULL)
		r->pos = pos_of(l, n);
}

/* A whole number from a scalar; -1 after an error at n. */
static int
whole(struct lctx *l, const struct ynode *n, const char *key, long *out)
{
	const char	*s;
	long		 v = 0;

	if (n->type != YNODE_SCALAR || n->len == 0) {
		lerr(l, n, "\"%s\" must be a whole number such as 16", key);
		return -1;
	}
	for (s = n->str; *s >= '0' && *s <= '9'; s++) {
		if (v > (LONG_MAX - 9) / 10) {
			lerr(l, n, "\"%s\": %s is too large", key, n->str);
			return -1;
		}
		v = v * 10 + (*s - '0');
	}
	if (*s != '\0' || s == n->str) {
		lerr(l, n, "\"%s\" must be a whole number such as 16, "
		    "got \"%s\"", key, n->str);
		return -1;
	}
	*out = v;
	return 0;
}

/*
 * A figure's value from a scalar: a quantity ("34 %", "12,5", "ca. 40",
 * "16 mio. kr."); -1 after an error at n.
 */
static int
quantity(struct lctx *l, const struct ynode *n, const char *key,
    struct count_at *out)
{
	struct quantity	 q;
	char		 unit[64], err[256];

	if (n->type != YNODE_SCALAR || n->len == 0) {
		lerr(l, n, "\"%s\" must be a number such as 16, 12,5 or 34 %%",
		    key);
		return -1;
	}
	if (danish_quantity_in(l->d->lang, n->str, n->len, &q, unit,
	    sizeof(unit), err,
	    sizeof(err)) == -1) {
		lerr(l, n, "\"%s\": %s", key, err);
		return -1;
	}
	out->value = q.value;
	out->decimals = q.decimals;
	out->unit = q.unit == unit ? arena_strdup(l->a, unit) : q.unit;
	out->approx = q.approx;
	return 0;
}

/* One value of a count: whole, or for a figure a quantity. */
static int
value_of(struct lctx *l, const struct ynode *n, const char *key,
    struct count_at *out, int quantities)
{
	if (quantities)
		return quantity(l, n, key, out);
	return whole(l, n, key, &out->value);
}

static void	count_of(struct lctx *, const struct ynode *, const char *,
		    struct count *, int);

/*
 * A count: a number, or dates with the number from each on, oldest
 * first ("3. juni 2021: 16"), so that every note shows its own.
 */
static void
count(struct lctx *l, const struct ynode *map, const char *key,
    struct count *c)
{
	count_of(l, map, key, c, 0);
}

static void
count_of(struct lctx *l, const struct ynode *map, const char *key,
    struct count *c, int quantities)
{
	struct count_at	 one;
	const struct ynode *n = get(map, key), *k;
	struct count_at	*h;
	char		 err[256];
	size_t		 i, nh = 0;
	int		 ok = 1;

	if (n == NULL)
		return;
	c->pos = pos_of(l, n);
	c->bad = 1;	/* until it is read */
	if (n->type != YNODE_MAP) {
		memset(&one, 0, sizeof(one));
		if (value_of(l, n, key, &one, quantities) == 0) {
			c->set = 1, c->bad = 0;
			c->value = one.value;
			c->decimals = one.decimals;
			c->unit = one.unit;
			c->approx = one.approx;
		}
		return;
	}
	if (n->nkids == 0) {
		lerr(l, n, "\"%s\" must be a whole number such as 16", key);
		return;
	}
	if (n->nkids / 2 > MODEL_MAX_HISTORY) {
		lerr(l, n, "\"%s\" has %zu dates, at most %d", key,
		    n->nkids / 2, MODEL_MAX_HISTORY);
		return;
	}
	h = arena_calloc(l->a, n->nkids / 2, sizeof(*h));
	for (i = 0; i + 1 < n->nkids; i += 2) {
		k = n->kids[i];
		h[nh].pos = pos_of(l, k);
		if (k->type != YNODE_SCALAR)
			(void)snprintf(err, sizeof(err), tr(l->d->lang,
			    "got %s"), type_word(l, k));
		if (k->type != YNODE_SCALAR || date_parse_in(l->d->lang,
		    k->str, k->len, &h[nh].date, err, sizeof(err)) == -1) {
			lerr(l, k, "\"%s\": each number needs the date it "
			    "holds from, such as \"3. juni 2021: 16\": %s",
			    key, err);
			ok = 0;
			continue;
		}
		if (value_of(l, n->kids[i + 1], key, &h[nh], quantities) == -1) {
			ok = 0;
			continue;
		}
		if (nh > 0 && date_cmp(&h[nh - 1].date, &h[nh].date) >= 0) {
			lerr(l, k, "\"%s\": list the dates oldest first", key);
			ok = 0;
			continue;
		}
		nh++;
	}
	if (!ok)
		return;
	c->hist = h;
	c->nhist = nh;
	c->set = 1;
	c->bad = 0;
	c->value = h[nh - 1].value;
	c->decimals = h[nh - 1].decimals;
	c->unit = h[nh - 1].unit;
	c->approx = h[nh - 1].approx;
	c->pos = h[nh - 1].pos;
}

static void
date(struct lctx *l, const struct ynode *map, const char *key,
    struct date *dt, struct pos *p)
{
	const struct ynode *n = get(map, key);
	char		 err[256];

	if (n == NULL)
		return;
	if (p != NULL)
		*p = pos_of(l, n);
	if (n->type != YNODE_SCALAR) {
		lerr(l, n, "\"%s\" must be a date such as \"20. maj 2021\", "
		    "got %s", key, type_word(l, n));
		memset(dt, 0, sizeof(*dt));
		dt->bad = 1;
		return;
	}
	if (date_parse_in(l->d->lang, n->str, n->len, dt, err,
	    sizeof(err)) == -1) {
		memset(dt, 0, sizeof(*dt));
		dt->bad = 1;
		lerr(l, n, "\"%s\": %s", key, err);
	}
}

/* A list under key of at most max items; returns it or NULL (absent
   or reported). */
static const struct ynode *
list_max(struct lctx *l, const struct ynode *map, const char *key,
    size_t max)
{
	const struct ynode *n = get(map, key);

	if (n == NULL || is_null(n))
		return NULL;
	if (n->type != YNODE_SEQ) {
		lerr(l, n, "\"%s\" must be a list (lines starting with "
		    "\"- \"), got %s", key, type_word(l, n));
		return NULL;
	}
	if (n->nkids > max) {
		lerr(l, n, "\"%s\" has %zu items, at most %zu", key, n->nkids,
		    max);
		return NULL;
	}
	return n;
}

static const struct ynode *
list(struct lctx *l, const struct ynode *map, const char *key)
{
	return list_max(l, map, key, MODEL_MAX_ITEMS);
}

/* --- The three kinds of file ---------------------------------------- */

/* The logo: an image file below the content folder. */
static void
load_logo(struct lctx *l, const struct ynode *n, struct site *s)
{
	static const char *const exts[] = { ".png", ".jpg", ".jpeg", ".svg" };
	const char	*dot;
	size_t		 i;

	dot = strrchr(s->logo, '.');
	for (i = 0; dot != NULL && i < sizeof(exts) / sizeof(exts[0]); i++)
		if (strcmp(dot, exts[i]) == 0)
			break;
	if (s->logo[0] == '/' || strstr(s->logo, "..") != NULL)
		lerr(l, n, "\"logo\" must be a file in the content folder, "
		    "such as \"logo.png\", got \"%s\"", s->logo);
	else if (dot == NULL || i == sizeof(exts) / sizeof(exts[0]))
		lerr(l, n, "\"logo\" must be a .png, .jpg or .svg file, got "
		    "\"%s\"", s->logo);
	else if (access(s->logo_path = arena_printf(l->a, "%s/%s", l->dir,
	    s->logo), R_OK) == -1)
		lerr(l, n, "\"logo\": there is no file %s", s->logo_path);
	else
		return;
	s->logo = s->logo_path = NULL;
}

/* The length of the run of ASCII letters (alpha) or letters and digits. */
static size_t
subtag(const char *s, int alnum, int *digits)
{
	size_t	 n = 0;

	*digits = 0;
	for (; (s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
	    (alnum && s[n] >= '0' && s[n] <= '9'); n++)
		if (s[n] >= '0' && s[n] <= '9')
			(*digits)++;
	return n;
}

/*
 * Whether s is a well-formed language tag (RFC 5646, BCP 47; letters
 * in either case): language["-"script]["-"region]*("-"variant)
 * *("-"extension)["-x-"private use], such as "da", "da-DK",
 * "sr-Latn-RS" or "de-CH-1996", with a language of 2 or 3 letters (the
 * longer ones are reserved, and "dansk" is a word, not a tag).
 */
static int
is_language_tag(const char *s)
{
	size_t	 n, i;
	int	 d, stage;	/* 1 extlang, 2 script, 3 region,
				   4 variant, 5 extension: what may come */

	/* Primary languages of 4 to 8 letters are reserved, never given. */
	if ((n = subtag(s, 0, &d)) < 2 || n > 3)
		return 0;
	stage = 1;
	for (s += n, i = 0; *s == '-'; s += n) {
		s++;
		n = subtag(s, 1, &d);
		if (n == 0 || n > 8 || (s[n] != '-' && s[n] != '\0'))
			return 0;
		if (n == 1) {		/* an extension or private use */
			if (*s == 'x' || *s == 'X') {
				for (s++; *s == '-'; s += n) {
					s++;
					n = subtag(s, 1, &d);
					if (n == 0 || n > 8)
						return 0;
				}
				return *s == '\0';
			}
			s++;
			for (i = 0; *s == '-'; i++) {
				n = subtag(s + 1, 1, &d);
				if (n < 2)
					break;
				if (n > 8)
					return 0;
				s += n + 1;
			}
			if (i == 0)
				return 0;
			n = 0;
			stage = 5;
			continue;
		}
		if (stage == 5)
			return 0;
		if (stage == 1 && n == 3 && d == 0 && i < 3) {
			i++;		/* an extended language subtag */
			continue;
		}
		if (stage <= 2 && n == 4 && d == 0)
			stage = 3;	/* a script */
		else if (stage <= 3 && ((n == 2 && d == 0) ||
		    (n == 3 && d == 3)))
			stage = 4;	/* a region */
		else if (n >= 5 || (n == 4 && s[0] >= '0' && s[0] <= '9'))
			stage = 4;	/* a variant */
		else
			return 0;
	}
	return *s == '\0';
}

const char *const site_keys[] = {
	"municipality", "language", "base_url", "logo", "quotes", "units", NULL
};
const char *const unit_keys[] = { "id", "name", NULL };

static void
load_site(struct lctx *l, const struct ynode *root, struct site *s)
{
	const struct ynode *units, *n;
	const char	*q;
	size_t		 i;

	s->file = l->file;
	s->language = "da-DK";
	if (check_map(l, root, "site.yaml", site_keys) == -1)
		return;
	s->municipality = req_text(l, root, "municipality", "site.yaml");
	if ((q = text(l, root, "language")) != NULL) {
		if (is_language_tag(q))
			s->language = q;
		else
			lerr(l, get(root, "language"), "\"language\" must be "
			    "a language tag such as \"da-DK\" (Danish as "
			    "written in Denmark) or \"da\", got \"%s\"", q);
	}
	if ((q = text(l, root, "base_url")) != NULL) {
		if (strncmp(q, "https://", 8) != 0 &&
		    strncmp(q, "http://", 7) != 0)
			lerr(l, get(root, "base_url"), "\"base_url\" must be "
			    "a web address such as \"https://www.kommune.dk/"
			    "statusnotater/\", got \"%s\"", q);
		else if (strpbrk(q, " \t\"<>\\^`{|}") != NULL)
			lerr(l, get(root, "base_url"), "\"base_url\" cannot "
			    "hold spaces or any of \" < > \\ ^ ` { | }: write "
			    "the address as the browser shows it");
		else if (memchr(q, '@', strcspn(strchr(q, '/') + 2, "/") +
		    (size_t)(strchr(q, '/') + 2 - q)) != NULL)
			lerr(l, get(root, "base_url"), "\"base_url\" holds a "
			    "user name or password (before \"@\"): the address "
			    "of the site must not");
		else if (q[strlen(q) - 1] != '/')
			s->base_url = arena_printf(l->a, "%s/", q);
		else
			s->base_url = q;
	}
	if ((s->logo = text(l, root, "logo")) != NULL)
		load_logo(l, get(root, "logo"), s);
	if ((q = text(l, root, "quotes")) != NULL) {
		if (strcmp(q, "”") == 0 || strcmp(q, "””") == 0)
			s->quotes = QUOTES_DANISH;
		else if (strcmp(q, "»«") == 0)
			s->quotes = QUOTES_GUILLEMETS;
		else
			lerr(l, get(root, "quotes"), "\"quotes\" must be "
			    "\"”\" (”citat”) or \"»«\" (»citat«), got \"%s\"", q);
	}
	if ((units = list(l, root, "units")) == NULL)
		return;
	s->units = arena_calloc(l->a, units->nkids, sizeof(*s->units));
	for (i = 0; i < units->nkids; i++) {
		n = units->kids[i];
		if (check_map(l, n, "a unit", unit_keys) == -1)
			continue;
		s->units[s->nunits].id = req_id(l, n, "a unit");
		s->units[s->nunits].name = req_text(l, n, "name", "a unit");
		s->units[s->nunits].pos = pos_of(l, n);
		s->nunits++;
	}
}

const char *const init_keys[] = {
	"name", "origin", "owner", "partners", "founded", "established", "staff",
	"recruitment", "participants", "phases", "milestones", "figures", NULL
};
const char *const staff_keys[] = { "count", "unit", "from", NULL };
const char *const role_keys[] = { "role", "count", "unit", NULL };
const char *const part_keys[] = {
	"recruited", "started", "dropped_out", "completed", "active", NULL
};
const char *const course_keys[] = {
	"id", "label", "recruited", "started", "dropped_out", "completed",
	"active", NULL
};

/* The counts of the initiative's participants, or of one course. */
static void
load_counts(struct lctx *l, const struct ynode *n, struct participants *p)
{
	p->pos = pos_of(l, n);
	count(l, n, "recruited", &p->recruited);
	count(l, n, "started", &p->started);
	count(l, n, "dropped_out", &p->dropped_out);
	count(l, n, "completed", &p->completed);
	count(l, n, "active", &p->active);
}
const char *const phase_keys[] = {
	"id", "name", "kind", "reason", "start", "end", "planned_start",
	"planned_end", "planned_on", "replanned", "ongoing", "sessions", NULL
};
const char *const phase_kinds[PHASE__MAX + 1] = {
	"recruitment", "training", "pause", "support", "other", NULL
};
const char *const milestone_keys[] = {
	"id", "label", "planned", "planned_on", "actual", "replanned", NULL
};
const char *const replan_keys[] = {
	"date", "planned", "reason", NULL
};
const char *const figure_keys[] = {
	"id", "label", "value", "target", "reference", "as_of", "period",
	"ends", NULL
};
const char *const reference_keys[] = { "label", "value", NULL };

const char *const phase_replan_keys[] = {
	"date", "planned_start", "planned_end", "reason", NULL
};

/*
 * The changes of a plan whose first is under key ("planned" for a
 * milestone, "planned_start" for a phase), oldest first: when each was
 * made, and the new date(s); keys are those a change may have.
 */
static void
load_replans(struct lctx *l, const struct ynode *map, const char *key,
    const char *const *keys, struct replan **out, size_t *nout)
{
	const struct ynode *n, *v;
	struct replan	*r;
	size_t		 i;

	if ((n = list_max(l, map, "replanned", MODEL_MAX_REPLANS)) == NULL)
		return;
	if (get(map, key) == NULL)
		lerr(l, n, "\"replanned\" changes a plan: give the first "
		    "one as \"%s\"", key);
	*out = arena_calloc(l->a, n->nkids, sizeof(**out));
	for (i = 0; i < n->nkids; i++) {
		v = n->kids[i];
		/* A slot left by a change not taken is used again: clear it. */
		r = &(*out)[*nout];
		memset(r, 0, sizeof(*r));
		r->pos = pos_of(l, v);
		if (check_map(l, v, "a changed plan", keys) == -1)
			continue;
		if (need(l, v, "date", "a changed plan") != NULL)
			date(l, v, "date", &r->date, NULL);
		if (need(l, v, key, "a changed plan") != NULL)
			date(l, v, key, &r->planned, &r->planned_pos);
		date(l, v, "planned_end", &r->planned_end, NULL);
		r->reason = text(l, v, "reason");
		if (r->date.kind == DATE_NONE || r->planned.kind == DATE_NONE)
			continue;
		if (*nout > 0 &&
		    date_cmp(&(*out)[*nout - 1].date, &r->date) >= 0) {
			lerr(l, get(v, "date"), "\"replanned\": list the changes "
			    "oldest first");
			continue;
		}
		(*nout)++;
	}
}

static void
load_phase(struct lctx *l, const struct ynode *n, struct phase *p)
{
	const struct ynode *k;
	const char	*near;
	size_t		 i;

	p->pos = pos_of(l, n);
	if (check_map(l, n, "a phase", phase_keys) == -1)
		return;
	p->id = req_id(l, n, "a phase");
	p->name = req_text(l, n, "name", "a phase");
	p->reason = text(l, n, "reason");
	p->kind = PHASE_OTHER;
	if ((k = need(l, n, "kind", "a phase")) != NULL &&
	    as_text(l, k, "kind") != NULL) {
		for (i = 0; i < PHASE__MAX; i++)
			if (strcmp(k->str, phase_kinds[i]) == 0)
				break;
		if (i < PHASE__MAX)
			p->kind = (enum phase_kind)i;
		else if ((near = diag_suggest(k->str, phase_kinds,
		    PHASE__MAX)) != NULL)
			lerr(l, k, "unknown kind of phase \"%s\" (did you "
			    "mean \"%s\"?)", k->str, near);
		else
			lerr(l, k, "unknown kind of phase \"%s\" (expected "
			    "recruitment, training, pause, support or other)",
			    k->str);
	}
	date(l, n, "start", &p->start, &p->start_pos);
	date(l, n, "end", &p->end, &p->end_pos);
	date(l, n, "planned_start", &p->planned_start, &p->planned_start_pos);
	date(l, n, "planned_end", &p->planned_end, &p->planned_end_pos);
	date(l, n, "planned_on", &p->planned_on, NULL);
	if ((get(n, "planned_end") != NULL || get(n, "planned_on") != NULL) &&
	    get(n, "planned_start") == NULL)
		lerr(l, get(n, get(n, "planned_end") != NULL ? "planned_end" :
		    "planned_on"), "a plan for a phase needs \"planned_start\": "
		    "when the phase was to begin");
	count(l, n, "sessions", &p->sessions);
	load_replans(l, n, "planned_start", phase_replan_keys, &p->replans,
	    &p->nreplans);
	if ((k = get(n, "ongoing")) != NULL) {
		if (k->type == YNODE_SCALAR && strcmp(k->str, "true") == 0)
			p->ongoing = 1;
		/* A date has a year: "ja" is not read as a month. */
		else if (k->type != YNODE_SCALAR || (strcmp(k->str,
		    "false") != 0 && strpbrk(k->str, "0123456789") == NULL))
			lerr(l, k, "\"ongoing\" is the date the phase was last "
			    "known to go on beside the later ones (such as "
			    "\"2. juni 2022\"), true, or false");
		else if (strcmp(k->str, "false") != 0) {
			/* The date it was known to go on on. */
			date(l, n, "ongoing", &p->ongoing_on, NULL);
			p->ongoing = !p->ongoing_on.bad;
		}
		if (p->ongoing && get(n, "end") != NULL)
			lerr(l, k, "a phase with an \"end\" is not "
			    "\"ongoing\": leave one of them out");
	}
}

static void
load_initiative(struct lctx *l, const struct ynode *root,
    struct initiative *in)
{
	const struct ynode *n, *v, *k;
	struct participants *g;
	size_t		 i;

	in->file = l->file;
	if (check_map(l, root, "an initiative", init_keys) == -1)
		return;
	in->name = req_text(l, root, "name", "an initiative");
	in->origin = text(l, root, "origin");
	ref(l, root, "owner", &in->owner);
	date(l, root, "founded", &in->founded, NULL);
	date(l, root, "established", &in->established, NULL);

	if ((n = get(root, "partners")) != NULL &&
	    (n = list_max(l, root, "partners", MODEL_MAX_ITEMS)) != NULL) {
		in->partners = arena_calloc(l->a, n->nkids + 1,
		    sizeof(*in->partners));
		in->partners_p = arena_calloc(l->a, n->nkids + 1,
		    sizeof(*in->partners_p));
		for (i = 0; i < n->nkids; i++)
			if ((in->partners[in->npartners].id = as_text(l,
			    n->kids[i], "partners")) != NULL)
				in->partners[in->npartners++].pos =
				    pos_of(l, n->kids[i]);
	}
	/* Staff by role: a list of "role", "count" and, if you like, "unit". */
	if ((n = get(root, "staff")) != NULL && n->type == YNODE_SEQ &&
	    (n = list_max(l, root, "staff", MODEL_MAX_PER_INITIATIVE)) != NULL) {
		in->staff.roles = arena_calloc(l->a, n->nkids + 1,
		    sizeof(*in->staff.roles));
		for (i = 0; i < n->nkids; i++) {
			struct staff_role *r =
			    &in->staff.roles[in->staff.nroles];

			v = n->kids[i];
			r->pos = pos_of(l, v);
			if (check_map(l, v, "a role in \"staff\"",
			    role_keys) == -1)
				continue;
			r->role = req_text(l, v, "role", "a role in \"staff\"");
			if (need(l, v, "count", "a role in \"staff\"") != NULL)
				count(l, v, "count", &r->count);
			ref(l, v, "unit", &r->unit);
			in->staff.nroles++;
		}
	} else if ((n = get(root, "staff")) != NULL &&
	    check_map(l, n, "\"staff\"", staff_keys) == 0) {
		count(l, n, "count", &in->staff.count);
		ref(l, n, "unit", &in->staff.unit);
		date(l, n, "from", &in->staff.from, NULL);
	}
	if ((n = list_max(l, root, "recruitment",
	    MODEL_MAX_PER_INITIATIVE)) != NULL) {
		in->recruitment = arena_calloc(l->a, n->nkids, sizeof(char *));
		for (i = 0; i < n->nkids; i++)
			if ((in->recruitment[in->nrecruitment] =
			    as_text(l, n->kids[i], "recruitment")) != NULL)
				in->nrecruitment++;
	}
	/* The counts of the whole, or a list of courses with theirs. */
	if ((n = get(root, "participants")) != NULL && n->type == YNODE_SEQ &&
	    (n = list_max(l, root, "participants",
	    MODEL_MAX_PER_INITIATIVE)) != NULL) {
		in->participants = arena_calloc(l->a, n->nkids + 1,
		    sizeof(*in->participants));
		for (i = 0; i < n->nkids; i++) {
			v = n->kids[i];
			if (check_map(l, v, "a course in \"participants\"",
			    course_keys) == -1)
				continue;
			g = &in->participants[in->nparticipants];
			load_counts(l, v, g);
			g->label = req_text(l, v, "label",
			    "a course in \"participants\"");
			/* Without its id it could pass for the whole. */
			if ((g->id = req_id(l, v,
			    "a course in \"participants\"")) == NULL) {
				memset(g, 0, sizeof(*g));
				continue;
			}
			in->nparticipants++;
		}
	} else if ((n = get(root, "participants")) != NULL &&
	    check_map(l, n, "\"participants\"", part_keys) == 0) {
		in->participants = arena_calloc(l->a, 1,
		    sizeof(*in->participants));
		load_counts(l, n, &in->participants[in->nparticipants++]);
	}
	if ((n = list_max(l, root, "phases",
	    MODEL_MAX_PER_INITIATIVE)) != NULL) {
		in->phases = arena_calloc(l->a, n->nkids, sizeof(*in->phases));
		for (i = 0; i < n->nkids; i++)
			load_phase(l, n->kids[i], &in->phases[in->nphases++]);
	}
	if ((n = list_max(l, root, "milestones",
	    MODEL_MAX_PER_INITIATIVE)) != NULL) {
		in->milestones = arena_calloc(l->a, n->nkids,
		    sizeof(*in->milestones));
		for (i = 0; i < n->nkids; i++) {
			struct milestone *m = &in->milestones[in->nmilestones++];

			v = n->kids[i];
			m->pos = pos_of(l, v);
			if (check_map(l, v, "a milestone", milestone_keys) == -1)
				continue;
			m->id = req_id(l, v, "a milestone");
			m->label = req_text(l, v, "label", "a milestone");
			date(l, v, "planned", &m->planned, &m->planned_pos);
			date(l, v, "planned_on", &m->planned_on, NULL);
			if (get(v, "planned_on") != NULL &&
			    get(v, "planned") == NULL)
				lerr(l, get(v, "planned_on"), "\"planned_on\" "
				    "says when a plan was made: give the plan "
				    "as \"planned\"");
			date(l, v, "actual", &m->actual, NULL);
			if (get(v, "planned") == NULL && get(v, "actual") == NULL)
				lerr(l, v, "a milestone needs a \"planned\" or "
				    "an \"actual\" date");
			load_replans(l, v, "planned", replan_keys,
			    &m->replans, &m->nreplans);
		}
	}
	if ((n = list_max(l, root, "figures",
	    MODEL_MAX_PER_INITIATIVE)) != NULL) {
		in->figures = arena_calloc(l->a, n->nkids, sizeof(*in->figures));
		for (i = 0; i < n->nkids; i++) {
			struct figure *f = &in->figures[in->nfigures++];

			v = n->kids[i];
			f->pos = pos_of(l, v);
			if (check_map(l, v, "a figure", figure_keys) == -1)
				continue;
			f->id = req_id(l, v, "a figure");
			f->label = req_text(l, v, "label", "a figure");
			if (need(l, v, "value", "a figure") != NULL)
				count_of(l, v, "value", &f->value, 1);
			count_of(l, v, "target", &f->target, 1);
			date(l, v, "as_of", &f->as_of, NULL);
			date(l, v, "period", &f->period, NULL);
			date(l, v, "ends", &f->ends, NULL);
			if (get(v, "as_of") != NULL && get(v, "period") != NULL)
				lerr(l, get(v, "period"), "a figure holds on a "
				    "day (\"as_of\") or for a period "
				    "(\"period\"), not both");
			if ((k = get(v, "reference")) != NULL &&
			    check_map(l, k, "\"reference\"",
			    reference_keys) == 0) {
				f->ref_label = req_text(l, k, "label",
				    "\"reference\"");
				if (need(l, k, "value", "\"reference\"") != NULL)
					count_of(l, k, "value", &f->reference, 1);
			}
		}
	}
}

const char *const report_keys[] = {
	"date", "as_of", "title", "to", "subject", "sender", "initiatives",
	"events", "sections", "corrections", "attachments", NULL
};
const char *const attachment_keys[] = { "file", "title", NULL };
const char *const event_keys[] = { "id", "label", "date", NULL };
const char *const correction_keys[] = {
	"date", "what", "why", NULL
};
const char *const section_keys[] = {
	"title", "narrative", "initiative", "include", NULL
};
const char *const includes[] = { "chart", "forecasts", NULL };

/* What a section includes besides its narrative: a word or a list. */
static void
load_include(struct lctx *l, const struct ynode *map, struct section *sec)
{
	const struct ynode *n = get(map, "include"), *v;
	const char	*near;
	size_t		 i, nv;

	if (n == NULL)
		return;
	nv = n->type == YNODE_SEQ ? n->nkids : 1;
	for (i = 0; i < nv; i++) {
		v = n->type == YNODE_SEQ ? n->kids[i] : n;
		if (as_text(l, v, "include") == NULL)
			continue;
		if (strcmp(v->str, "chart") == 0)
			sec->chart = 1;
		else if (strcmp(v->str, "forecasts") == 0)
			sec->forecasts = 1;
		else if ((near = diag_suggest(v->str, includes, 2)) != NULL)
			lerr(l, v, "a section cannot include \"%s\" (did you "
			    "mean \"%s\"?)", v->str, near);
		else
			lerr(l, v, "a section cannot include \"%s\" (it can "
			    "include chart and forecasts)", v->str);
	}
}

/* "to": one recipient, or a list of them; "Byrådet" when not said. */
static void
load_to(struct lctx *l, const struct ynode *root, struct note *nt)
{
	const struct ynode *n = get(root, "to");
	const char	*s;
	size_t		 i;

	nt->nto = 0;
	if (n != NULL && n->type == YNODE_SEQ &&
	    (n = list_max(l, root, "to", MODEL_MAX_ITEMS)) != NULL) {
		nt->to = arena_calloc(l->a, n->nkids + 1, sizeof(*nt->to));
		for (i = 0; i < n->nkids; i++)
			if ((s = as_text(l, n->kids[i], "to")) != NULL)
				nt->to[nt->nto++] = s;
		if (n->nkids == 0)
			lerr(l, n, "\"to\" names no one: write whom the note "
			    "is for, such as \"Byrådet\" or \"Socialudvalget\"");
	} else {
		nt->to = arena_calloc(l->a, 1, sizeof(*nt->to));
		if (n != NULL && (s = text(l, root, "to")) != NULL)
			nt->to[nt->nto++] = s;
	}
	if (nt->nto == 0)
		nt->to[nt->nto++] = "Byrådet";
}

static void
load_report(struct lctx *l, const struct ynode *root, struct note *nt)
{
	const struct ynode *n, *v;
	const char	*s;
	size_t		 i;

	if (check_map(l, root, "report.yaml", report_keys) == -1)
		return;
	if (need(l, root, "date", "report.yaml") != NULL)
		date(l, root, "date", &nt->date, NULL);
	nt->as_of = nt->date;
	date(l, root, "as_of", &nt->as_of, NULL);
	nt->title = text(l, root, "title");
	if (nt->title == NULL)
		nt->title = "Statusnotat";
	load_to(l, root, nt);
	nt->subject = req_text(l, root, "subject", "report.yaml");
	if (need(l, root, "sender", "report.yaml") != NULL)
		ref(l, root, "sender", &nt->sender);
	if ((n = list(l, root, "initiatives")) != NULL) {
		nt->initiatives = arena_calloc(l->a, n->nkids,
		    sizeof(*nt->initiatives));
		nt->initiatives_p = arena_calloc(l->a, n->nkids,
		    sizeof(*nt->initiatives_p));
		for (i = 0; i < n->nkids; i++) {
			v = n->kids[i];
			if ((s = as_text(l, v, "initiatives")) == NULL)
				continue;
			nt->initiatives[nt->ninitiatives].id = s;
			nt->initiatives[nt->ninitiatives++].pos = pos_of(l, v);
		}
	}
	if ((n = list(l, root, "events")) != NULL) {
		nt->events = arena_calloc(l->a, n->nkids, sizeof(*nt->events));
		for (i = 0; i < n->nkids; i++) {
			struct event *e = &nt->events[nt->nevents++];

			v = n->kids[i];
			e->pos = pos_of(l, v);
			if (check_map(l, v, "an event", event_keys) == -1)
				continue;
			e->id = req_id(l, v, "an event");
			e->label = req_text(l, v, "label", "an event");
			if (need(l, v, "date", "an event") != NULL)
				date(l, v, "date", &e->date, NULL);
		}
	}
	if ((n = list_max(l, root, "attachments", MODEL_MAX_ITEMS)) != NULL) {
		nt->attachments = arena_calloc(l->a, n->nkids,
		    sizeof(*nt->attachments));
		for (i = 0; i < n->nkids; i++) {
			struct attachment *at =
			    &nt->attachments[nt->nattachments];

			v = n->kids[i];
			at->pos = pos_of(l, v);
			if (v->type == YNODE_SCALAR) {
				/* "- handlingsplan.pdf" */
				if ((at->file = as_text(l, v,
				    "attachments")) != NULL)
					nt->nattachments++;
				continue;
			}
			if (check_map(l, v, "an attachment",
			    attachment_keys) == -1)
				continue;
			at->title = text(l, v, "title");
			if ((at->file = req_text(l, v, "file",
			    "an attachment")) != NULL)
				nt->nattachments++;
		}
	}
	if ((n = list_max(l, root, "corrections", MODEL_MAX_ITEMS)) != NULL) {
		nt->corrections = arena_calloc(l->a, n->nkids,
		    sizeof(*nt->corrections));
		for (i = 0; i < n->nkids; i++) {
			struct correction *k =
			    &nt->corrections[nt->ncorrections++];

			v = n->kids[i];
			k->pos = pos_of(l, v);
			if (check_map(l, v, "a correction", correction_keys) == -1)
				continue;
			k->what = req_text(l, v, "what", "a correction");
			k->why = req_text(l, v, "why", "a correction");
			if (need(l, v, "date", "a correction") != NULL)
				date(l, v, "date", &k->date, &k->date_pos);
			if (k->date.kind != DATE_NONE && i > 0 &&
			    nt->corrections[i - 1].date.kind != DATE_NONE &&
			    date_cmp(&nt->corrections[i - 1].date,
			    &k->date) > 0)
				lerr(l, get(v, "date"), "list the corrections "
				    "oldest first");
			if (k->date.kind != DATE_NONE &&
			    nt->date.kind != DATE_NONE &&
			    k->date.last < nt->date.first)
				lerr(l, get(v, "date"), "a correction cannot be "
				    "dated before the note itself");
		}
	}
	if (need(l, root, "sections", "report.yaml") != NULL &&
	    (n = list(l, root, "sections")) != NULL) {
		nt->sections = arena_calloc(l->a, n->nkids,
		    sizeof(*nt->sections));
		for (i = 0; i < n->nkids; i++) {
			struct section *sec = &nt->sections[nt->nsections++];

			v = n->kids[i];
			sec->pos = pos_of(l, v);
			if (check_map(l, v, "a section", section_keys) == -1)
				continue;
			sec->title = text(l, v, "title");
			if ((s = text(l, v, "narrative")) != NULL) {
				if (strchr(s, '/') != NULL || s[0] == '.' ||
				    strlen(s) < 4 ||
				    strcmp(s + strlen(s) - 3, ".md") != 0)
					lerr(l, get(v, "narrative"), "\"narrative\" "
					    "must name a .md file in the note's "
					    "folder, such as \"baba.md\", got "
					    "\"%s\"", s);
				else
					sec->narrative = arena_printf(l->a,
					    "%s/%s", nt->dir, s);
			}
			ref(l, v, "initiative", &sec->initiative);
			load_include(l, v, sec);
			if (get(v, "narrative") == NULL &&
			    get(v, "initiative") == NULL &&
			    get(v, "include") == NULL)
				lerr(l, v, "a section needs a \"narrative\", an "
				    "\"initiative\" or an \"include\"");
		}
	}
}

/* Read and parse one file; returns the root or NULL. */
static const struct ynode *
read_yaml(struct lctx *l, const char *path, int missing_is_content)
{
	char		*textp;
	size_t		 len;

	l->file = path;
	if (l->total > LOAD_MAX_TOTAL)
		return NULL;	/* reported at the file that passed it */
	/* A content file (l->dir set) must not lead outside the content. */
	if ((textp = l->dir != NULL ? fs_read_in(l->a, l->d, l->dir, path,
	    LOAD_MAX_FILE, &len, missing_is_content) : fs_read(l->a, l->d,
	    path, LOAD_MAX_FILE, &len, missing_is_content)) == NULL)
		return NULL;
	if ((l->total += len) > LOAD_MAX_TOTAL) {
		diag_msg(l->d, DIAG_ERROR, path, 0, 0, "the content's YAML "
		    "files are more than %d MB together, at this file: is "
		    "something in the content folder that should not be?",
		    LOAD_MAX_TOTAL / (1024 * 1024));
		return NULL;
	}
	return parse_yaml(l->a, l->d, path, textp, len, l->fonts);
}

static int
cmp_note(const void *a, const void *b)
{
	const struct note *x = a, *y = b;
	int	 c;

	/* Newest first; the id breaks ties so the order is stable. */
	if ((c = date_cmp(&y->date, &x->date)) != 0)
		return c;
	return strcmp(x->id, y->id);
}

static int
ends_in(const char *s, const char *suffix)
{
	size_t	 n = strlen(s), k = strlen(suffix);

	return n > k && strcmp(s + n - k, suffix) == 0;
}

/*
 * dir/base.yaml, or dir/base.yml when only that is there (Windows hides
 * the extension, so either is written); both is an error.
 */
static char *
yaml_file(struct arena *a, struct diag *d, const char *dir, const char *base)
{
	char	*yaml = arena_printf(a, "%s/%s.yaml", dir, base);
	char	*yml = arena_printf(a, "%s/%s.yml", dir, base);

	if (access(yml, F_OK) == -1)
		return yaml;
	if (access(yaml, F_OK) == -1)
		return yml;
	diag_msg(d, DIAG_ERROR, yml, 0, 0, "there is also %s: keep one of "
	    "the two (%s.yaml is read)", yaml, base);
	return yaml;
}

/*
 * The names in dir ending in .yaml or .yml, sorted; a name written both
 * ways is an error, and the .yaml one is read.
 */
static char **
yaml_names(struct arena *a, struct diag *d, const char *dir, size_t *n)
{
	char	**all, **v;
	size_t	 i, k = 0, na;

	if ((all = fs_list(a, d, dir, "", &na)) == NULL)
		return NULL;
	v = arena_calloc(a, na + 1, sizeof(*v));
	for (i = 0; i < na; i++) {
		if (ends_in(all[i], ".yaml"))
			v[k++] = all[i];
		else if (ends_in(all[i], ".yml")) {
			if (access(arena_printf(a, "%s/%.*s.yaml", dir,
			    (int)(strlen(all[i]) - 4), all[i]), F_OK) == 0) {
				diag_msg(d, DIAG_ERROR, arena_printf(a, "%s/%s",
				    dir, all[i]), 0, 0, "there is also %.*s.yaml: "
				    "keep one of the two (the .yaml one is read)",
				    (int)(strlen(all[i]) - 4), all[i]);
				continue;
			}
			v[k++] = all[i];
		}
	}
	*n = k;
	return v;
}

/*
 * A file or folder whose name is not an id ("Bydelsmødre.yaml"): one
 * error that says what to call it, and 1 when it is then read under
 * that id, so that what refers to it by the id holds (nothing follows
 * from the one mistake).  0 when no id is near or another has it.
 */
static int
renamed(struct lctx *l, const char *path, char *const *names, size_t n,
    const char **id, const char *ext)
{
	const char	*want = id_for(l->a, *id), *as, *yml;
	size_t		 i;

	/* Not when a file or folder has that name already. */
	if (want != NULL) {
		as = arena_printf(l->a, "%s%s", want, ext);
		yml = arena_printf(l->a, "%s.yml", want);
		for (i = 0; i < n; i++)
			if (strcmp(names[i], as) == 0 || (*ext != '\0' &&
			    strcmp(names[i], yml) == 0))
				want = NULL;
	}
	if (want == NULL && *ext != '\0')
		diag_msg(l->d, DIAG_ERROR, path, 0, 0, "the file name \"%s\" "
		    "is not a valid id: use lower-case letters a-z, digits, "
		    "\"-\" and \"_\"", *id);
	else if (want == NULL)
		diag_msg(l->d, DIAG_ERROR, path, 0, 0, "the folder name "
		    "\"%s\" is not a valid id: use lower-case letters a-z, "
		    "digits, \"-\" and \"_\"", *id);
	else if (*ext != '\0')
		diag_msg(l->d, DIAG_ERROR, path, 0, 0, "the file name \"%s\" "
		    "is not a valid id: call the file \"%s%s\" (lower-case "
		    "letters a-z, digits, \"-\" and \"_\"; æ as ae, ø as oe, "
		    "å as aa)", *id, want, ext);
	else
		diag_msg(l->d, DIAG_ERROR, path, 0, 0, "the folder name "
		    "\"%s\" is not a valid id: call the folder \"%s\" "
		    "(lower-case letters a-z, digits, \"-\" and \"_\"; æ as "
		    "ae, ø as oe, å as aa)", *id, want);
	if (want == NULL)
		return 0;
	*id = want;
	return 1;
}

int
load_content(struct arena *a, struct diag *d, const char *dir,
    struct content *c)
{
	struct lctx	 l;
	const struct ynode *root;
	char		**names, *path, *sub;
	size_t		 n, i, len;
	int		 errors = d->count[DIAG_ERROR] + d->count[DIAG_SYSERR];
	int		 before;

	memset(&l, 0, sizeof(l));
	l.a = a;
	l.d = d;
	l.dir = dir;
	l.fonts = c->fonts;
	c->dir = dir;

	if (!fs_is_dir(dir)) {
		diag_msg(d, DIAG_SYSERR, dir, 0, 0,
		    "no such content directory");
		return -1;
	}
	path = yaml_file(a, d, dir, "site");
	if ((root = read_yaml(&l, path, 1)) != NULL)
		load_site(&l, root, &c->site);
	else
		c->site.broken = 1;

	sub = arena_printf(a, "%s/initiatives", dir);
	if (fs_check_inside(d, dir, sub) == 0 &&
	    (names = yaml_names(a, d, sub, &n)) != NULL) {
		if (n > MODEL_MAX_ITEMS) {
			diag_msg(d, DIAG_ERROR, sub, 0, 0,
			    "%zu initiatives, at most %d", n, MODEL_MAX_ITEMS);
			n = MODEL_MAX_ITEMS;
		}
		c->initiatives = arena_calloc(a, n, sizeof(*c->initiatives));
		for (i = 0; i < n; i++) {
			struct initiative *in = &c->initiatives[c->ninitiatives];

			len = strlen(names[i]) - (ends_in(names[i], ".yml") ?
			    4 : 5);
			in->id = arena_strndup(a, names[i], len);
			path = arena_printf(a, "%s/%s", sub, names[i]);
			if (!fs_is_plain_name(in->id) && !renamed(&l, path,
			    names, n, &in->id, ".yaml"))
				continue;
			if (id_too_long(d, path, 0, 0, "the file name (the "
			    "initiative's id)", in->id))
				continue;
			/* Kept when unreadable, so references to it hold. */
			if ((root = read_yaml(&l, path, 1)) == NULL) {
				in->file = path;
				in->broken = 1;
			} else {
				before = d->count[DIAG_ERROR];
				load_initiative(&l, root, in);
				in->incomplete = d->count[DIAG_ERROR] > before;
			}
			c->ninitiatives++;
		}
	}

	sub = arena_printf(a, "%s/reports", dir);
	if (fs_check_inside(d, dir, sub) == 0 &&
	    (names = fs_list(a, d, sub, "", &n)) != NULL) {
		if (n > MODEL_MAX_ITEMS) {
			diag_msg(d, DIAG_ERROR, sub, 0, 0,
			    "%zu notes, at most %d", n, MODEL_MAX_ITEMS);
			n = MODEL_MAX_ITEMS;
		}
		c->notes = arena_calloc(a, n, sizeof(*c->notes));
		for (i = 0; i < n; i++) {
			struct note *nt = &c->notes[c->nnotes];

			nt->dir = arena_printf(a, "%s/%s", sub, names[i]);
			if (!fs_is_dir(nt->dir) ||
			    fs_check_inside(d, dir, nt->dir) == -1)
				continue;
			nt->id = names[i];
			nt->file = path = yaml_file(a, d, nt->dir, "report");
			if (!fs_is_plain_name(nt->id) && !renamed(&l,
			    nt->dir, names, n, &nt->id, ""))
				continue;
			if (id_too_long(d, nt->dir, 0, 0, "the folder name (the "
			    "note's id)", nt->id))
				continue;
			if ((root = read_yaml(&l, path, 1)) == NULL)
				continue;
			load_report(&l, root, nt);
			c->nnotes++;
		}
		qsort(c->notes, c->nnotes, sizeof(*c->notes), cmp_note);
	}
	return d->count[DIAG_ERROR] + d->count[DIAG_SYSERR] > errors ? -1 : 0;
}

/* --- The print style ------------------------------------------------ */

/* A decimal number in [lo, hi]; *v unchanged when absent or wrong. */
static void
number(struct lctx *l, const struct ynode *map, const char *key,
    double lo, double hi, double scale, double *v)
{
	const struct ynode *n = get(map, key);
	char		*end;
	double		 x;

	if (n == NULL)
		return;
	if (n->type != YNODE_SCALAR || n->len == 0) {
		lerr(l, n, "\"%s\" must be a number such as 10.5", key);
		return;
	}
	errno = 0;
	x = strtod(n->str, &end);
	/* "10,5", as Danish writes it: say so. */
	if (*end == ',' && end != n->str && end[1] != '\0' &&
	    strspn(end + 1, "0123456789") == strlen(end + 1)) {
		lerr(l, n, "\"%s\": write the decimals after a point, "
		    "\"%.*s.%s\", not a comma", key, (int)(end - n->str),
		    n->str, end + 1);
		return;
	}
	if (*end != '\0' || errno != 0 || end == n->str || !(x >= lo) ||
	    !(x <= hi)) {
		lerr(l, n, "\"%s\" must be a number from %g to %g, got "
		    "\"%s\"", key, lo, hi, n->str);
		return;
	}
	*v = x * scale;
}

static void
boolean(struct lctx *l, const struct ynode *map, const char *key, int *v)
{
	const struct ynode *n = get(map, key);

	if (n == NULL)
		return;
	if (n->type == YNODE_SCALAR && strcmp(n->str, "true") == 0)
		*v = 1;
	else if (n->type == YNODE_SCALAR && strcmp(n->str, "false") == 0)
		*v = 0;
	else
		lerr(l, n, "\"%s\" must be true or false", key);
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void
color(struct lctx *l, const struct ynode *map, const char *key,
    struct rgb *c)
{
	const struct ynode *n = get(map, key);
	int		 v[6], i;

	if (n == NULL)
		return;
	if (n->type != YNODE_SCALAR || n->len != 7 || n->str[0] != '#')
		goto bad;
	for (i = 0; i < 6; i++)
		if ((v[i] = hexval((unsigned char)n->str[i + 1])) < 0)
			goto bad;
	c->r = (v[0] * 16 + v[1]) / 255.0;
	c->g = (v[2] * 16 + v[3]) / 255.0;
	c->b = (v[4] * 16 + v[5]) / 255.0;
	return;
bad:
	lerr(l, n, "\"%s\" must be a colour such as \"#1a1a1a\"", key);
}

const char *const style_keys[] = {
	"page", "fonts", "sizes", "text", "colors", "logo_height", NULL
};
const char *const page_keys[] = {
	"width", "height", "margin_top", "margin_bottom", "margin_left",
	"margin_right", NULL
};
const char *const font_keys[FACE__MAX + 1] = {
	"regular", "bold", "italic", "bold_italic", "mono", NULL
};
const char *const size_keys[] = {
	"body", "title", "heading2", "heading3", "small", "table", "code", NULL
};
const char *const text_keys[] = {
	"leading", "justify", "hyphenate", "paragraph_space", "heading_space",
	"list_indent", NULL
};
const char *const color_keys[] = {
	"text", "accent", "muted", "rule", "shade", NULL
};

int
load_style(struct arena *a, struct diag *d, const char *path,
    struct style *s)
{
	struct lctx	 l;
	const struct ynode *root, *n;
	const char	*f, *slash;
	const double	 mm = 72 / 25.4;
	int		 i, before = d->count[DIAG_ERROR];

	memset(&l, 0, sizeof(l));
	l.a = a;
	l.d = d;
	if (access(path, F_OK) == -1)
		return 0;
	s->file = path;
	if ((root = read_yaml(&l, path, 1)) == NULL ||
	    check_map(&l, root, "the print style", style_keys) == -1)
		return -1;
	if ((n = get(root, "page")) != NULL &&
	    check_map(&l, n, "\"page\"", page_keys) == 0) {
		number(&l, n, "width", 50, 1000, mm, &s->page_width);
		number(&l, n, "height", 50, 1000, mm, &s->page_height);
		number(&l, n, "margin_top", 0, 100, mm, &s->margin_top);
		number(&l, n, "margin_bottom", 0, 100, mm, &s->margin_bottom);
		number(&l, n, "margin_left", 0, 100, mm, &s->margin_left);
		number(&l, n, "margin_right", 0, 100, mm, &s->margin_right);
	}
	if ((n = get(root, "fonts")) != NULL &&
	    check_map(&l, n, "\"fonts\"", font_keys) == 0) {
		slash = strrchr(path, '/');
		for (i = 0; i < FACE__MAX; i++) {
			if ((f = text(&l, n, font_keys[i])) == NULL)
				continue;
			if (f[0] == '/' || slash == NULL)
				s->fonts[i] = f;
			else
				s->fonts[i] = arena_printf(a, "%.*s/%s",
				    (int)(slash - path), path, f);
		}
	}
	if ((n = get(root, "sizes")) != NULL &&
	    check_map(&l, n, "\"sizes\"", size_keys) == 0) {
		number(&l, n, "body", 4, 72, 1, &s->size_body);
		number(&l, n, "title", 4, 72, 1, &s->size_title);
		number(&l, n, "heading2", 4, 72, 1, &s->size_h2);
		number(&l, n, "heading3", 4, 72, 1, &s->size_h3);
		number(&l, n, "small", 4, 72, 1, &s->size_small);
		number(&l, n, "table", 4, 72, 1, &s->size_table);
		number(&l, n, "code", 4, 72, 1, &s->size_code);
	}
	if ((n = get(root, "text")) != NULL &&
	    check_map(&l, n, "\"text\"", text_keys) == 0) {
		number(&l, n, "leading", 1, 3, 1, &s->leading);
		boolean(&l, n, "justify", &s->justify);
		boolean(&l, n, "hyphenate", &s->hyphenate);
		number(&l, n, "paragraph_space", 0, 72, 1, &s->space_paragraph);
		number(&l, n, "heading_space", 0, 72, 1, &s->space_heading);
		number(&l, n, "list_indent", 0, 72, 1, &s->indent_list);
	}
	if ((n = get(root, "colors")) != NULL &&
	    check_map(&l, n, "\"colors\"", color_keys) == 0) {
		color(&l, n, "text", &s->color_text);
		color(&l, n, "accent", &s->color_accent);
		color(&l, n, "muted", &s->color_muted);
		color(&l, n, "rule", &s->color_rule);
		color(&l, n, "shade", &s->color_shade);
	}
	number(&l, root, "logo_height", 5, 100, mm, &s->logo_height);
	if (s->margin_left + s->margin_right > s->page_width - 72 ||
	    s->margin_top + s->margin_bottom > s->page_height - 144)
		lerr(&l, root, "the margins leave too little room on the page");
	return d->count[DIAG_ERROR] > before ? -1 : 0;
}
