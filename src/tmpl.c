/*
 * tmpl.c: the Mustache template engine (see tmpl.h).  A template is lexed
 * into tokens, the spec's whitespace rules (standalone lines, indentation
 * of partials and blocks) are settled on the tokens, a node tree is built,
 * and the tree is walked with an explicit context stack.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "escape.h"
#include "tmpl.h"

/*
 * Bound on nesting: of sections within one template when parsing, and of
 * sections, partials, parents and blocks together when rendering.  It
 * keeps the C stack small and turns a template that includes itself into
 * an error message.
 */
#define MAXDEPTH	64
#define NONE		SIZE_MAX

enum tok_type {
	TOK_TEXT,	/* literal text, never containing a newline */
	TOK_NL,		/* "\n" or "\r\n" */
	TOK_VAR,	/* {{name}} */
	TOK_RAW,	/* {{{name}}} and {{&name}} */
	TOK_SECTION,	/* {{#name}} */
	TOK_INVERTED,	/* {{^name}} */
	TOK_CLOSE,	/* {{/name}} */
	TOK_COMMENT,	/* {{!...}} */
	TOK_PARTIAL,	/* {{>name}} */
	TOK_PARENT,	/* {{<name}} */
	TOK_BLOCK,	/* {{$name}} */
	TOK_DELIM	/* {{=<% %>=}} */
};

struct tok {
	enum tok_type	 type;
	const char	*s;		/* text, or the tag's trimmed content */
	size_t		 len;
	int		 line, col;
	size_t		 match;		/* index of the matching open/close tag */
	size_t		 block;		/* innermost enclosing block, or NONE */
	size_t		 first;		/* first token of this line */
	size_t		 end;		/* its newline, or ntoks */
	size_t		 before;	/* tokens not blank before it, on its line */
	size_t		 after;		/* and after it */
	int		 body;		/* directly in a parent's body */
	int		 removed;	/* whitespace eaten by a standalone tag */
	int		 noindent;	/* first of a line that gets no indent */
	int		 standalone;	/* partial, parent: standalone (pair) */
	const char	*ws;		/* partial, parent, block: indentation */
	size_t		 wslen;
	int		 hasintr;	/* block: has intrinsic indentation */
	const char	*intr;		/* block: intrinsic indentation */
	size_t		 intrlen;
	const char	*strip;		/* block: taken off each content line */
	size_t		 striplen;
};

struct parser {
	struct arena	*a;
	struct diag	*d;
	const char	*file;
	const char	*src;
	size_t		 len;
	size_t		 pos;		/* lexer position and its line, col */
	int		 line, col;
	const char	*otag, *ctag;	/* current delimiters */
	size_t		 olen, clen;
	struct tok	*toks;
	size_t		 ntoks, cap;
};

enum node_type {
	N_TEXT,
	N_INDENT,	/* start of a source line: where indentation goes */
	N_VAR,
	N_RAW,
	N_SECTION,
	N_INVERTED,
	N_PARTIAL,
	N_PARENT,
	N_BLOCK
};

struct node {
	enum node_type	 type;
	const char	*file;
	int		 line, col;
	const char	*text;		/* N_TEXT: not NUL-terminated */
	size_t		 len;
	const char	*name;		/* tags: the tag's content */
	const char	**parts;	/* N_VAR etc.: name split on dots */
	size_t		 nparts;	/* 0 for the implicit iterator "." */
	int		 standalone;	/* N_PARTIAL, N_PARENT */
	const char	*indent;	/* added to each line of what expands */
	size_t		 indentlen;
	struct node	*child;
	struct node	*next;
};

/* A template loaded through the loader, kept for the rest of a render. */
struct loaded {
	const char	*name;
	struct node	*root;		/* NULL when there is no such template */
	int		 failed;	/* it had a syntax error */
	struct loaded	*next;
};

/* The block overrides in force: one parent tag per level, innermost first. */
struct ovr {
	const struct node	*parent;
	const struct ovr	*outer;
};

/* What changes when rendering descends into another template or block. */
struct frame {
	const char		*indent;
	size_t			 indentlen;
	const struct ovr	*ovr;
};

/*
 * One call of tmpl_render.  Only sections push on the context stack, and
 * they are at most MAXDEPTH deep, so it cannot overflow.
 */
struct render {
	struct arena			*a;
	struct buf			*out;
	size_t				 start;	/* out->len at the call */
	struct diag			*d;
	const struct tmpl_loader	*loader;
	struct loaded			*cache;
	const struct tval		*ctx[MAXDEPTH + 1];
	size_t				 nctx;
};

static int	render_list(struct render *, const struct node *,
		    const struct frame *, int);

/* Values. */

struct tval *
tval_null(struct arena *a)
{
	struct tval	*v;

	v = arena_alloc(a, sizeof(*v));
	v->type = TVAL_NULL;
	return v;
}

struct tval *
tval_bool(struct arena *a, int b)
{
	struct tval	*v;

	v = tval_null(a);
	v->type = TVAL_BOOL;
	v->boolean = b != 0;
	return v;
}

static struct tval *
tval_text(struct arena *a, enum tval_type type, const char *s)
{
	struct tval	*v;

	v = tval_null(a);
	if (s == NULL)
		return v;
	v->type = type;
	v->str = s;
	v->len = strlen(s);
	return v;
}

struct tval *
tval_num(struct arena *a, const char *s)
{
	return tval_text(a, TVAL_NUM, s);
}

struct tval *
tval_str(struct arena *a, const char *s)
{
	return tval_text(a, TVAL_STR, s);
}

struct tval *
tval_list(struct arena *a)
{
	struct tval	*v;

	v = tval_null(a);
	v->type = TVAL_LIST;
	return v;
}

struct tval *
tval_map(struct arena *a)
{
	struct tval	*v;

	v = tval_null(a);
	v->type = TVAL_MAP;
	return v;
}

/* Make room for one more item (and key, for a map). */
static void
tval_reserve(struct arena *a, struct tval *v)
{
	struct tval	**items;
	const char	**keys;
	size_t		  cap;

	if (v->nitems < v->cap)
		return;
	cap = v->cap == 0 ? 8 : v->cap * 2;
	items = arena_calloc(a, cap, sizeof(*items));
	if (v->nitems > 0)
		memcpy(items, v->items, v->nitems * sizeof(*items));
	v->items = items;
	if (v->type == TVAL_MAP) {
		keys = arena_calloc(a, cap, sizeof(*keys));
		if (v->nitems > 0)
			memcpy(keys, v->keys, v->nitems * sizeof(*keys));
		v->keys = keys;
	}
	v->cap = cap;
}

void
tval_push(struct arena *a, struct tval *list, struct tval *v)
{
	/* Pushing to a map would leave keys[] short of items[]. */
	if (list == NULL || list->type != TVAL_LIST)
		return;
	tval_reserve(a, list);
	list->items[list->nitems++] = v != NULL ? v : tval_null(a);
}

void
tval_set(struct arena *a, struct tval *map, const char *key, struct tval *v)
{
	size_t	 i;

	if (map == NULL || map->type != TVAL_MAP || key == NULL)
		return;
	/* Items are never NULL, so tval_get's NULL means "no such key". */
	if (v == NULL)
		v = tval_null(a);
	for (i = 0; i < map->nitems; i++)
		if (strcmp(map->keys[i], key) == 0) {
			map->items[i] = v;
			return;
		}
	tval_reserve(a, map);
	map->keys[map->nitems] = key;
	map->items[map->nitems++] = v;
}

void
tval_set_str(struct arena *a, struct tval *map, const char *key,
    const char *s)
{
	tval_set(a, map, key, s != NULL ? tval_str(a, s) : tval_null(a));
}

struct tval *
tval_get(const struct tval *map, const char *key)
{
	size_t	 i;

	if (map == NULL || map->type != TVAL_MAP)
		return NULL;
	for (i = 0; i < map->nitems; i++)
		if (strcmp(map->keys[i], key) == 0)
			return map->items[i];
	return NULL;
}

/* Lexing. */

static int
is_blank(int c)
{
	return c == ' ' || c == '\t';
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static size_t
find(const char *s, size_t from, size_t to, const char *pat, size_t plen)
{
	size_t	 i;

	for (i = from; i + plen <= to; i++)
		if (s[i] == pat[0] && memcmp(s + i, pat, plen) == 0)
			return i;
	return NONE;
}

/* Move the lexer to offset to, keeping line and column (in characters). */
static void
advance(struct parser *p, size_t to)
{
	unsigned char	 c;

	for (; p->pos < to; p->pos++) {
		c = (unsigned char)p->src[p->pos];
		if (c == '\n') {
			p->line++;
			p->col = 1;
		} else if ((c & 0xc0) != 0x80)
			p->col++;
	}
}

static struct tok *
push_tok(struct parser *p, enum tok_type type, const char *s, size_t len)
{
	struct tok	*t, *toks;

	if (p->ntoks == p->cap) {
		p->cap = p->cap == 0 ? 64 : p->cap * 2;
		toks = arena_calloc(p->a, p->cap, sizeof(*toks));
		if (p->ntoks > 0)
			memcpy(toks, p->toks, p->ntoks * sizeof(*toks));
		p->toks = toks;
	}
	t = &p->toks[p->ntoks++];
	memset(t, 0, sizeof(*t));
	t->type = type;
	t->s = s;
	t->len = len;
	t->line = p->line;
	t->col = p->col;
	t->match = t->block = NONE;
	/* Never NULL, so that memcmp and memcpy may be given them. */
	t->ws = t->intr = t->strip = "";
	return t;
}

/*
 * Text up to offset to, cut at newlines: the whitespace rules work on
 * lines, so a newline is a token of its own.
 */
static void
lex_text(struct parser *p, size_t to)
{
	size_t	 nl, end;

	while (p->pos < to) {
		nl = find(p->src, p->pos, to, "\n", 1);
		end = nl == NONE ? to : nl;
		if (nl != NONE && end > p->pos && p->src[end - 1] == '\r')
			end--;
		if (end > p->pos) {
			push_tok(p, TOK_TEXT, p->src + p->pos, end - p->pos);
			advance(p, end);
		}
		if (nl != NONE) {
			push_tok(p, TOK_NL, p->src + end, nl + 1 - end);
			advance(p, nl + 1);
		}
	}
}

/* Where the closing delimiter is, right after the character c. */
static size_t
find_close(struct parser *p, size_t from, int c)
{
	size_t	 q = from;

	for (;;) {
		q = find(p->src, q, p->len, p->ctag, p->clen);
		if (q == NONE || (q > from && p->src[q - 1] == c))
			return q;
		q++;
	}
}

static void
trim(const char **s, size_t *len)
{
	while (*len > 0 && is_space((unsigned char)**s)) {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && is_space((unsigned char)(*s)[*len - 1]))
		(*len)--;
}

static int
check_name(struct parser *p, const struct tok *t)
{
	size_t	 i;

	if (t->len == 0) {
		diag_msg(p->d, DIAG_ERROR, p->file, t->line, t->col,
		    "empty tag name");
		return -1;
	}
	for (i = 0; i < t->len; i++)
		if (is_space((unsigned char)t->s[i])) {
			diag_msg(p->d, DIAG_ERROR, p->file, t->line, t->col,
			    "tag name '%.*s' contains white space",
			    (int)t->len, t->s);
			return -1;
		}
	/* Names that are looked up must not have empty parts: "a..b". */
	if (t->type != TOK_VAR && t->type != TOK_RAW &&
	    t->type != TOK_SECTION && t->type != TOK_INVERTED)
		return 0;
	if (t->len == 1 && t->s[0] == '.')
		return 0;
	for (i = 0; i < t->len; i++)
		if (t->s[i] == '.' && (i == 0 || i + 1 == t->len ||
		    t->s[i + 1] == '.')) {
			diag_msg(p->d, DIAG_ERROR, p->file, t->line, t->col,
			    "bad name '%.*s': empty part between dots",
			    (int)t->len, t->s);
			return -1;
		}
	return 0;
}

/* {{=<% %>=}}: two delimiters without white space or '=' in them. */
static int
set_delims(struct parser *p, const struct tok *t)
{
	const char	*s = t->s, *o, *c;
	size_t		 i = 0, olen, clen;

	o = s;
	while (i < t->len && !is_space((unsigned char)s[i]))
		i++;
	olen = i;
	while (i < t->len && is_space((unsigned char)s[i]))
		i++;
	c = s + i;
	clen = t->len - i;
	if (olen == 0 || clen == 0 || memchr(o, '=', olen) != NULL ||
	    memchr(c, '=', clen) != NULL)
		goto bad;
	for (i = 0; i < clen; i++)
		if (is_space((unsigned char)c[i]))
			goto bad;
	p->otag = o;
	p->olen = olen;
	p->ctag = c;
	p->clen = clen;
	return 0;
bad:
	diag_msg(p->d, DIAG_ERROR, p->file, t->line, t->col,
	    "bad delimiters '%.*s': need two delimiters separated by "
	    "white space, without '=' or white space in them",
	    (int)t->len, t->s);
	return -1;
}

/* Tag types by the character after the open delimiter. */
static const struct {
	int		 c;
	enum tok_type	 type;
} sigils[] = {
	{ '{', TOK_RAW },	{ '&', TOK_RAW },	{ '#', TOK_SECTION },
	{ '^', TOK_INVERTED },	{ '/', TOK_CLOSE },	{ '!', TOK_COMMENT },
	{ '>', TOK_PARTIAL },	{ '<', TOK_PARENT },	{ '$', TOK_BLOCK },
	{ '=', TOK_DELIM }
};

/* The tag whose open delimiter is at offset open. */
static int
lex_tag(struct parser *p, size_t open)
{
	struct tok	*t;
	enum tok_type	 type = TOK_VAR;
	size_t		 from, close, i;
	int		 c, mate, line = p->line, col = p->col;

	from = open + p->olen;
	c = from < p->len ? (unsigned char)p->src[from] : '\0';
	for (i = 0; i < sizeof(sigils) / sizeof(sigils[0]); i++)
		if (sigils[i].c == c) {
			type = sigils[i].type;
			from++;
			break;
		}
	/* {{{name}}} and {{=<% %>=}} end in a mate of their sigil. */
	mate = c == '{' ? '}' : c == '=' ? '=' : '\0';
	if (mate != '\0')
		close = find_close(p, from, mate);
	else
		close = find(p->src, from, p->len, p->ctag, p->clen);
	if (close == NONE) {
		diag_msg(p->d, DIAG_ERROR, p->file, line, col,
		    "unclosed tag: no '%s%.*s' after '%.*s%s'",
		    mate == '}' ? "}" : mate == '=' ? "=" : "",
		    (int)p->clen, p->ctag, (int)p->olen, p->otag,
		    mate == '}' ? "{" : mate == '=' ? "=" : "");
		return -1;
	}
	t = push_tok(p, type, p->src + from,
	    close - from - (mate != '\0' ? 1 : 0));
	t->line = line;
	t->col = col;
	trim(&t->s, &t->len);
	advance(p, close + p->clen);
	if (type == TOK_DELIM)
		return set_delims(p, t);
	if (type == TOK_COMMENT)
		return 0;
	return check_name(p, t);
}

static int
lex(struct parser *p)
{
	size_t	 open;

	for (;;) {
		open = find(p->src, p->pos, p->len, p->otag, p->olen);
		lex_text(p, open == NONE ? p->len : open);
		if (open == NONE)
			return 0;
		if (lex_tag(p, open) == -1)
			return -1;
	}
}

/* Pairing open and end tags. */

static int
is_open(const struct tok *t)
{
	return t->type == TOK_SECTION || t->type == TOK_INVERTED ||
	    t->type == TOK_PARENT || t->type == TOK_BLOCK;
}

static int
sigil(const struct tok *t)
{
	size_t	 i;

	for (i = 0; i < sizeof(sigils) / sizeof(sigils[0]); i++)
		if (sigils[i].type == t->type)
			return sigils[i].c;
	return '?';
}

/*
 * Pair each end tag with its open tag and note, for every token, whether
 * it sits directly in a parent's body (where only blocks count) and which
 * block it is in (whose indentation it may lose).
 */
static int
match(struct parser *p)
{
	size_t		 st[MAXDEPTH], blk[MAXDEPTH];
	size_t		 sp = 0, i, o;
	struct tok	*t, *ot;

	for (i = 0; i < p->ntoks; i++) {
		t = &p->toks[i];
		if (t->type == TOK_CLOSE) {
			if (sp == 0) {
				diag_msg(p->d, DIAG_ERROR, p->file, t->line,
				    t->col, "end tag '/%.*s' without an open "
				    "section", (int)t->len, t->s);
				return -1;
			}
			o = st[--sp];
			ot = &p->toks[o];
			if (ot->len != t->len ||
			    memcmp(ot->s, t->s, t->len) != 0) {
				diag_msg(p->d, DIAG_ERROR, p->file, t->line,
				    t->col, "end tag '/%.*s' does not match "
				    "'%c%.*s' opened at line %d, column %d",
				    (int)t->len, t->s, sigil(ot),
				    (int)ot->len, ot->s, ot->line, ot->col);
				return -1;
			}
			ot->match = i;
			t->match = o;
			t->body = ot->body;
			t->block = ot->block;
			continue;
		}
		if (sp > 0) {
			t->body = p->toks[st[sp - 1]].type == TOK_PARENT;
			t->block = blk[sp - 1];
		}
		if (!is_open(t))
			continue;
		if (sp == MAXDEPTH) {
			diag_msg(p->d, DIAG_ERROR, p->file, t->line, t->col,
			    "sections nested more than %d deep", MAXDEPTH);
			return -1;
		}
		blk[sp] = t->type == TOK_BLOCK ? i : t->block;
		st[sp++] = i;
	}
	if (sp > 0) {
		t = &p->toks[st[sp - 1]];
		diag_msg(p->d, DIAG_ERROR, p->file, t->line, t->col,
		    "section '%c%.*s' is never closed", sigil(t),
		    (int)t->len, t->s);
		return -1;
	}
	return 0;
}

/* Whitespace rules. */

static int
is_ws(const struct tok *t)
{
	size_t	 i;

	if (t->type != TOK_TEXT)
		return 0;
	for (i = 0; i < t->len; i++)
		if (!is_blank((unsigned char)t->s[i]))
			return 0;
	return 1;
}

/*
 * Where each token's line starts and ends, and how many tokens on it are
 * not blank, so that the questions below cost no walk along the line.
 */
static void
lines(struct parser *p)
{
	size_t	 i, first = 0, n = 0;

	for (i = 0; i < p->ntoks; i++) {
		p->toks[i].first = first;
		p->toks[i].before = n;
		if (p->toks[i].type == TOK_NL) {
			first = i + 1;
			n = 0;
		} else if (!is_ws(&p->toks[i]))
			n++;
	}
	n = 0;
	for (i = p->ntoks; i > 0; i--) {
		if (p->toks[i - 1].type == TOK_NL) {
			p->toks[i - 1].end = i - 1;
			n = 0;
			continue;
		}
		p->toks[i - 1].end = i < p->ntoks && p->toks[i].type != TOK_NL ?
		    p->toks[i].end : i < p->ntoks ? i : p->ntoks;
		p->toks[i - 1].after = n;
		if (!is_ws(&p->toks[i - 1]))
			n++;
	}
}

static size_t
line_first(const struct parser *p, size_t i)
{
	return p->toks[i].first;
}

/* The newline ending the line of token i, or ntoks at the end. */
static size_t
line_end(const struct parser *p, size_t i)
{
	return p->toks[i].end;
}

/* Only white space between the start of the line and token i. */
static int
left_clear(const struct parser *p, size_t i)
{
	return p->toks[i].before == 0;
}

/* Only white space between token i and the end of its line. */
static int
right_clear(const struct parser *p, size_t i)
{
	return p->toks[i].after == 0;
}

/* The white space before token i on its line, for left-clear tokens. */
static void
line_ws(const struct parser *p, size_t i, const char **ws, size_t *len)
{
	size_t	 f = line_first(p, i);

	*ws = "";
	*len = 0;
	if (f < i) {
		*ws = p->toks[f].s;
		*len = p->toks[f].len;
	}
}

static void
remove_left(struct parser *p, size_t i)
{
	size_t	 j, f = line_first(p, i);

	for (j = f; j < i; j++)
		p->toks[j].removed = 1;
	/* The line's indentation went with its leading white space. */
	p->toks[f].noindent = 1;
}

static void
remove_right(struct parser *p, size_t i)
{
	size_t	 j, e = line_end(p, i);

	for (j = i + 1; j < e; j++)
		p->toks[j].removed = 1;
	if (e < p->ntoks)
		p->toks[e].removed = 1;
}

/*
 * The intrinsic indentation of block i, whose open tag ends its line: the
 * white space starting the first non-blank line of its content.  That
 * much is taken off each content line here and given back, or replaced,
 * where the block is expanded.  It is kept relative to the enclosing
 * block, whose own indentation is taken off too.
 */
static void
intrinsic(struct parser *p, size_t i)
{
	struct tok	*t = &p->toks[i], *f;
	const char	*outer = t->strip;
	size_t		 outerlen = t->striplen, j, k, n;

	for (j = line_end(p, i) + 1; j < t->match; j = k + 1) {
		for (k = j; k < t->match && p->toks[k].type != TOK_NL; k++)
			if (!is_ws(&p->toks[k]))
				break;
		if (k == t->match)
			return;		/* no content but white space */
		if (p->toks[k].type != TOK_NL)
			break;
	}
	if (j >= t->match)
		return;
	f = &p->toks[j];
	n = 0;
	if (f->type == TOK_TEXT)
		while (n < f->len && is_blank((unsigned char)f->s[n]))
			n++;
	t->hasintr = 1;
	t->intr = "";
	t->intrlen = 0;
	if (n >= outerlen && memcmp(f->s, outer, outerlen) == 0) {
		t->intr = f->s + outerlen;
		t->intrlen = n - outerlen;
		t->strip = f->s;
		t->striplen = n;
	}
}

/* The plain rule: a tag alone on its line takes the line with it. */
static void
alone(struct parser *p, size_t i)
{
	struct tok	*t = &p->toks[i];

	if (t->body || !left_clear(p, i) || !right_clear(p, i))
		return;
	if (t->type == TOK_PARTIAL) {
		t->standalone = 1;
		line_ws(p, i, &t->ws, &t->wslen);
	}
	remove_left(p, i);
	remove_right(p, i);
}

/*
 * Blocks, after the spec's ~inheritance tests.  In a parent's body, where
 * only blocks count, a block's open tag eats the rest of its line and its
 * end tag the white space before it.  Elsewhere each tag follows the
 * plain rule, and a block whose open tag starts a line and whose end tag
 * ends one is indented, like a partial, by the white space before it.
 * Content lines lose the enclosing block's indentation, or their own
 * block's when its open tag ended the line.
 */
static void
block_rules(struct parser *p, size_t i)
{
	struct tok	*t = &p->toks[i];
	size_t		 c = t->match;
	int		 lclear = left_clear(p, i), rclear = right_clear(p, i);

	if (t->block != NONE) {
		t->strip = p->toks[t->block].strip;
		t->striplen = p->toks[t->block].striplen;
	}
	if (t->body) {
		if (rclear) {
			remove_right(p, i);
			intrinsic(p, i);
		}
		if (left_clear(p, c))
			remove_left(p, c);
		return;
	}
	if (lclear && rclear) {
		remove_left(p, i);
		remove_right(p, i);
		intrinsic(p, i);
	}
	if (left_clear(p, c) && right_clear(p, c)) {
		remove_left(p, c);
		remove_right(p, c);
	}
	if (lclear && right_clear(p, c))
		line_ws(p, i, &t->ws, &t->wslen);
}

/*
 * Standalone tags: a tag alone on its line (but for white space) takes
 * the line with it.  A parent's tags do so as a pair, when its open tag
 * starts a line and its end tag ends one: the text between them does not
 * count, as only its blocks are used.
 */
static void
standalone(struct parser *p)
{
	struct tok	*t;
	size_t		 i, c;

	for (i = 0; i < p->ntoks; i++) {
		t = &p->toks[i];
		c = t->match;
		switch (t->type) {
		case TOK_CLOSE:
			if (p->toks[c].type == TOK_SECTION ||
			    p->toks[c].type == TOK_INVERTED)
				alone(p, i);
			break;
		case TOK_SECTION:
		case TOK_INVERTED:
		case TOK_COMMENT:
		case TOK_DELIM:
		case TOK_PARTIAL:
			alone(p, i);
			break;
		case TOK_PARENT:
			if (t->body || !left_clear(p, i) || !right_clear(p, c))
				break;
			t->standalone = 1;
			line_ws(p, i, &t->ws, &t->wslen);
			remove_left(p, i);
			remove_right(p, c);
			break;
		case TOK_BLOCK:
			block_rules(p, i);
			break;
		default:
			break;
		}
	}
}

/* Take each block's indentation off the lines of its content. */
static void
strip(struct parser *p)
{
	struct tok	*t, *b;
	size_t		 i, n;

	for (i = 0; i < p->ntoks; i++) {
		t = &p->toks[i];
		if (i > 0 && p->toks[i - 1].type != TOK_NL)
			continue;
		if (t->type != TOK_TEXT || t->removed || t->block == NONE)
			continue;
		b = &p->toks[t->block];
		for (n = 0; n < b->striplen && n < t->len; n++)
			if (t->s[n] != b->strip[n])
				break;
		t->s += n;
		t->len -= n;
	}
}

/* Building the tree. */

static struct node *
new_node(struct parser *p, enum node_type type, const struct tok *t)
{
	struct node	*n;

	n = arena_alloc(p->a, sizeof(*n));
	n->type = type;
	n->file = p->file;
	n->line = t->line;
	n->col = t->col;
	return n;
}

static void
split_name(struct parser *p, struct node *n, const struct tok *t)
{
	size_t	 i, start, k;

	n->name = arena_strndup(p->a, t->s, t->len);
	if (t->len == 1 && t->s[0] == '.')
		return;
	n->nparts = 1;
	for (i = 0; i < t->len; i++)
		if (t->s[i] == '.')
			n->nparts++;
	n->parts = arena_calloc(p->a, n->nparts, sizeof(*n->parts));
	for (i = start = k = 0; i <= t->len; i++)
		if (i == t->len || t->s[i] == '.') {
			n->parts[k++] = arena_strndup(p->a, t->s + start,
			    i - start);
			start = i + 1;
		}
}

/* Append n to the children of the container at level sp. */
static void
append(struct node **cont, struct node **last, size_t sp, struct node *n)
{
	if (last[sp] == NULL)
		cont[sp]->child = n;
	else
		last[sp]->next = n;
	last[sp] = n;
}

static struct node *
build(struct parser *p)
{
	struct node	*root, *n, *cont[MAXDEPTH + 1], *last[MAXDEPTH + 1];
	struct tok	*t;
	size_t		 sp = 0, i;

	root = arena_alloc(p->a, sizeof(*root));
	cont[0] = root;
	last[0] = NULL;
	for (i = 0; i < p->ntoks; i++) {
		t = &p->toks[i];
		if ((i == 0 || p->toks[i - 1].type == TOK_NL) &&
		    !t->noindent && cont[sp]->type != N_PARENT)
			append(cont, last, sp, new_node(p, N_INDENT, t));
		n = NULL;
		switch (t->type) {
		case TOK_TEXT:
		case TOK_NL:
			if (t->removed || t->len == 0)
				break;
			/* Lines of text in a row make one node. */
			if (last[sp] != NULL && last[sp]->type == N_TEXT &&
			    last[sp]->text + last[sp]->len == t->s) {
				last[sp]->len += t->len;
				break;
			}
			n = new_node(p, N_TEXT, t);
			n->text = t->s;
			n->len = t->len;
			break;
		case TOK_VAR:
		case TOK_RAW:
		case TOK_SECTION:
		case TOK_INVERTED:
			n = new_node(p, t->type == TOK_VAR ? N_VAR :
			    t->type == TOK_RAW ? N_RAW :
			    t->type == TOK_SECTION ? N_SECTION : N_INVERTED, t);
			split_name(p, n, t);
			break;
		case TOK_PARTIAL:
		case TOK_PARENT:
			n = new_node(p, t->type == TOK_PARTIAL ? N_PARTIAL :
			    N_PARENT, t);
			n->name = arena_strndup(p->a, t->s, t->len);
			n->standalone = t->standalone;
			n->indent = t->ws;
			n->indentlen = t->wslen;
			break;
		case TOK_BLOCK:
			n = new_node(p, N_BLOCK, t);
			n->name = arena_strndup(p->a, t->s, t->len);
			if (t->hasintr) {
				n->indent = t->intr;
				n->indentlen = t->intrlen;
			} else {
				n->indent = t->ws;
				n->indentlen = t->wslen;
			}
			break;
		case TOK_CLOSE:
			sp--;
			break;
		default:
			break;
		}
		if (n == NULL)
			continue;
		append(cont, last, sp, n);
		if (is_open(t)) {
			cont[++sp] = n;
			last[sp] = NULL;
		}
	}
	return root->child;
}

static int
parse(struct arena *a, struct diag *d, const char *file, const char *src,
    size_t len, struct node **root)
{
	struct parser	 p;

	memset(&p, 0, sizeof(p));
	p.a = a;
	p.d = d;
	p.file = file;
	p.src = src;
	p.len = len;
	p.line = p.col = 1;
	p.otag = "{{";
	p.ctag = "}}";
	p.olen = p.clen = 2;
	*root = NULL;
	if (lex(&p) == -1 || match(&p) == -1)
		return -1;
	lines(&p);
	standalone(&p);
	strip(&p);
	*root = build(&p);
	return 0;
}

/* Rendering. */

/*
 * The spec's name resolution: the first part is looked up through the
 * context stack, top down; each further part only in the value before.
 */
static const struct tval *
resolve(const struct render *r, const struct node *n)
{
	const struct tval	*v = NULL;
	size_t			 i;

	if (n->nparts == 0)
		return r->nctx > 0 ? r->ctx[r->nctx - 1] : NULL;
	for (i = r->nctx; i > 0; i--)
		if ((v = tval_get(r->ctx[i - 1], n->parts[0])) != NULL)
			break;
	for (i = 1; v != NULL && i < n->nparts; i++)
		v = tval_get(v, n->parts[i]);
	return v;
}

static int
truthy(const struct tval *v)
{
	if (v == NULL)
		return 0;
	switch (v->type) {
	case TVAL_NULL:
		return 0;
	case TVAL_BOOL:
		return v->boolean;
	case TVAL_LIST:
		return v->nitems > 0;
	default:
		return 1;
	}
}

static void
put_value(struct render *r, const struct node *n, const struct tval *v)
{
	const char	*s;
	size_t		 len;

	if (v == NULL)
		return;
	switch (v->type) {
	case TVAL_BOOL:
		s = v->boolean ? "true" : "false";
		len = strlen(s);
		break;
	case TVAL_NUM:
	case TVAL_STR:
		s = v->str;
		len = v->len;
		break;
	default:
		/* Null prints as nothing; lists and maps have no text. */
		return;
	}
	if (n->type == N_RAW)
		buf_put(r->out, s, len);
	else
		escape_html(r->out, s, len);
}

/* Check the depth before descending, so recursion ends in a message. */
static int
too_deep(struct render *r, const struct node *n, int depth)
{
	if (depth < MAXDEPTH)
		return 0;
	diag_msg(r->d, DIAG_ERROR, n->file, n->line, n->col,
	    "templates nested more than %d deep at '%s' (does a partial "
	    "include itself?)", MAXDEPTH, n->name);
	return 1;
}

/* Indentation of a frame inside one with indentation outer. */
static void
join_indent(struct render *r, struct frame *f, const struct frame *outer,
    const char *s, size_t len)
{
	char	*p;

	if (outer->indentlen == 0 || len == 0) {
		f->indent = len == 0 ? outer->indent : s;
		f->indentlen = len == 0 ? outer->indentlen : len;
		return;
	}
	p = arena_alloc(r->a, outer->indentlen + len);
	memcpy(p, outer->indent, outer->indentlen);
	memcpy(p + outer->indentlen, s, len);
	f->indent = p;
	f->indentlen = outer->indentlen + len;
}

/* A partial or parent by name, parsed once per render; -1 on error. */
static int
load(struct render *r, const char *name, struct node **root)
{
	struct loaded	*l;
	const char	*src;
	size_t		 len = 0;

	*root = NULL;
	for (l = r->cache; l != NULL; l = l->next)
		if (strcmp(l->name, name) == 0)
			break;
	if (l == NULL) {
		l = arena_alloc(r->a, sizeof(*l));
		l->name = name;
		l->next = r->cache;
		r->cache = l;
		src = NULL;
		if (r->loader != NULL && r->loader->load != NULL)
			src = r->loader->load(r->loader->arg, name, &len);
		if (src != NULL &&
		    parse(r->a, r->d, r->loader->file != NULL ?
		    r->loader->file(r->loader->arg, name) : name, src, len,
		    &l->root) == -1)
			l->failed = 1;
	}
	*root = l->root;
	return l->failed ? -1 : 0;
}

static int
render_section(struct render *r, const struct node *n,
    const struct frame *f, int depth)
{
	const struct tval	*v;
	size_t			 i;
	int			 rc = 0;

	v = resolve(r, n);
	if (n->type == N_INVERTED)
		return truthy(v) ? 0 : render_list(r, n->child, f, depth + 1);
	if (!truthy(v))
		return 0;
	if (v->type != TVAL_LIST) {
		r->ctx[r->nctx++] = v;
		rc = render_list(r, n->child, f, depth + 1);
		r->nctx--;
		return rc;
	}
	for (i = 0; rc == 0 && i < v->nitems; i++) {
		r->ctx[r->nctx++] = v->items[i];
		rc = render_list(r, n->child, f, depth + 1);
		r->nctx--;
	}
	return rc;
}

/*
 * A partial is a parent without overrides: both render another template
 * in the current context, indented when the tag stands alone.
 */
static int
render_include(struct render *r, const struct node *n,
    const struct frame *f, int depth)
{
	struct node	*root;
	struct frame	 nf;
	struct ovr	 o;

	if (load(r, n->name, &root) == -1)
		return -1;
	if (root == NULL)
		return 0;
	nf.indent = "";
	nf.indentlen = 0;
	if (n->standalone)
		join_indent(r, &nf, f, n->indent, n->indentlen);
	nf.ovr = f->ovr;
	if (n->type == N_PARENT) {
		o.parent = n;
		o.outer = f->ovr;
		nf.ovr = &o;
	}
	return render_list(r, root, &nf, depth + 1);
}

/*
 * A block renders the outermost override of its name, else its own
 * content, in the current context and indented as the block is.
 */
static int
render_block(struct render *r, const struct node *n, const struct frame *f,
    int depth)
{
	const struct ovr	*o;
	const struct node	*c, *use = n;
	struct frame		 nf;

	for (o = f->ovr; o != NULL; o = o->outer)
		for (c = o->parent->child; c != NULL; c = c->next)
			if (c->type == N_BLOCK && strcmp(c->name, n->name) == 0)
				use = c;
	join_indent(r, &nf, f, n->indent, n->indentlen);
	nf.ovr = f->ovr;
	return render_list(r, use->child, &nf, depth + 1);
}

static int
render_list(struct render *r, const struct node *n, const struct frame *f,
    int depth)
{
	struct buf	*out = r->out;
	int		 rc = 0;

	for (; rc == 0 && n != NULL; n = n->next) {
		switch (n->type) {
		case N_TEXT:
			buf_put(out, n->text, n->len);
			break;
		case N_INDENT:
			/*
			 * Only at the start of an output line: a block or
			 * partial expanded in mid-line continues that line.
			 */
			if (out->len == r->start ||
			    out->data[out->len - 1] == '\n')
				buf_put(out, f->indent, f->indentlen);
			break;
		case N_VAR:
		case N_RAW:
			put_value(r, n, resolve(r, n));
			break;
		case N_SECTION:
		case N_INVERTED:
			rc = too_deep(r, n, depth) ? -1 :
			    render_section(r, n, f, depth);
			break;
		case N_PARTIAL:
		case N_PARENT:
			rc = too_deep(r, n, depth) ? -1 :
			    render_include(r, n, f, depth);
			break;
		case N_BLOCK:
			rc = too_deep(r, n, depth) ? -1 :
			    render_block(r, n, f, depth);
			break;
		}
	}
	return rc;
}

int
tmpl_render(struct arena *a, const char *file, const char *src, size_t len,
    const struct tval *data, const struct tmpl_loader *loader,
    struct buf *out, struct diag *d)
{
	struct render	 r;
	struct frame	 f;
	struct node	*root;

	if (parse(a, d, file, src, len, &root) == -1)
		return -1;
	memset(&r, 0, sizeof(r));
	r.a = a;
	r.out = out;
	r.start = out->len;
	r.d = d;
	r.loader = loader;
	if (data != NULL)
		r.ctx[r.nctx++] = data;
	f.indent = "";
	f.indentlen = 0;
	f.ovr = NULL;
	if (render_list(&r, root, &f, 0) == -1) {
		/* Half a page is no use to the caller. */
		buf_truncate(out, r.start);
		return -1;
	}
	return 0;
}
