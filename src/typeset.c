/*
 * typeset.c: report blocks to pages.  See typeset.h.  Three steps:
 * each block becomes items of a vertical list (lines, spaces), with
 * paragraphs broken into lines by linebreak.c; the vertical list is
 * broken into pages, keeping headings with what follows and leaving no
 * widows or orphans, and a table's caption with its header and two
 * rows, at least two rows on either side of a break in a table, its
 * header row drawn again (an artifact) atop the page it goes on to;
 * then every page gets its running footer.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "font.h"
#include "hyph.h"
#include "linebreak.h"
#include "report.h"
#include "style.h"
#include "typeset.h"
#include "utf8.h"

#define MAX_POINTS	64	/* hyphenation points in one word */
#define HYPHEN_PENALTY	50
/*
 * The first pass, without hyphens, takes a paragraph only if no space
 * stretches by more than 0.7 of its stretch (half a space): 1.35 times
 * its width.  TeX's \pretolerance of 100 (a ratio of 1, 1.5 times)
 * let loose lines through that a hyphen would have avoided, and their
 * wide gaps stood out among even ones.
 */
#define PRETOLERANCE	0.7
#define FOOTER_LINES	2.5	/* room for the footer, in small lines */
#define FOOTER_BOXES	3	/* sender, page number, rule */

enum align {
	ALIGN_LEFT,
	ALIGN_JUSTIFY,
	ALIGN_RIGHT,
	ALIGN__MAX
};

/* A piece of text in one style, as the inlines give it. */
struct seg {
	const char	*text;
	size_t		 len;
	enum face	 face;
	double		 size;
	struct rgb	 color;
	struct selem	*elem;		/* the paragraph, or a link in it */
	const char	*url;		/* of the link, or NULL */
	int		 hard_break;	/* a forced line break, no text */
	const struct inline_ *image;	/* an image, no text */
};

/* What a line-break item stands for. */
struct piece {
	const char	*text;
	size_t		 len;
	const struct seg *seg;		/* its style */
};

/* An item of the vertical list: a line, or space between blocks. */
struct vitem {
	int		 is_space;
	double		 height;
	double		 base;		/* baseline below the item's top */
	struct box	*boxes;		/* y relative to the baseline */
	size_t		 nboxes;
	size_t		 cap;
	int		 keep;		/* no page break after this item */
	int		 level;		/* a heading: its outline level */
	const char	*title;
	size_t		 header;	/* a table's body row: 1 + the index
					   of its header row, drawn again
					   atop a page this row starts */
};

struct ts {
	struct arena	*a;
	struct arena	 tmp;		/* scratch: one paragraph's items */
	struct arena	 lines;		/* the lines' boxes, until placed */
	struct arena	*box_arena;	/* where lines' boxes go: lines, or
					   tmp for a table cell's lines */
	struct diag	*d;
	const struct style *s;
	struct font *const *fonts;
	const struct hyph *h;
	struct typeset	*out;
	struct vitem	*v;
	size_t		 nv;
	size_t		 capv;
	double		 left;		/* content area, points */
	double		 right;
	double		 top;
	double		 bottom;
};

/* --- Structure elements and boxes ----------------------------------- */

static struct selem *
elem(struct ts *t, enum role role, struct selem *parent)
{
	struct selem	*e = arena_alloc(t->a, sizeof(*e));

	e->role = role;
	e->parent = parent;
	e->id = t->out->nelems++;
	if (parent != NULL) {
		if (parent->last != NULL)
			parent->last->next = e;
		else
			parent->child = e;
		parent->last = e;
	}
	return e;
}

static struct vitem *
vnew(struct ts *t, int is_space, double height)
{
	struct vitem	*v;

	/*
	 * The list lives only while the note is set: realloc'd, and freed
	 * by typeset_note, so its growth leaves nothing in the arena.
	 */
	if (t->nv == t->capv) {
		t->capv = t->capv ? t->capv * 2 : 256;
		if ((v = realloc(t->v, t->capv * sizeof(*t->v))) == NULL) {
			fputs("statusnotat: error: out of memory\n", stderr);
			exit(2);
		}
		t->v = v;
	}
	v = &t->v[t->nv++];
	memset(v, 0, sizeof(*v));
	v->is_space = is_space;
	v->height = height;
	return v;
}

static void
vspace(struct ts *t, double h)
{
	if (h > 0)
		vnew(t, 1, h);
}

static struct box *
vbox(struct ts *t, struct vitem *v, enum box_kind kind)
{
	struct box	*b;

	if (v->nboxes == v->cap) {
		/* Most lines are one run of text: start small. */
		v->boxes = arena_grow(t->box_arena, v->boxes,
		    v->nboxes * sizeof(*b),
		    (v->cap ? v->cap * 2 : 2) * sizeof(*b));
		v->cap = v->cap ? v->cap * 2 : 2;
	}
	b = &v->boxes[v->nboxes++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	return b;
}

/* Put b first among v's boxes: drawn below, read before. */
static void
vbox_first(struct vitem *v)
{
	struct box	 b;

	if (v->nboxes < 2)
		return;
	b = v->boxes[v->nboxes - 1];
	memmove(v->boxes + 1, v->boxes, (v->nboxes - 1) * sizeof(b));
	v->boxes[0] = b;
}

static struct box *
text_box(struct ts *t, struct vitem *v, enum face face, double size,
    struct rgb color, double x, const char *s, size_t len,
    struct selem *e)
{
	struct box	*b = vbox(t, v, BOX_TEXT);

	b->face = face;
	b->size = size;
	b->color = color;
	b->x = x;
	b->text = s;
	b->len = len;
	b->w = font_width(t->fonts[face], s, len, size);
	b->elem = e;
	font_use(t->fonts[face], s, len);
	return b;
}

static struct box *
rect_box(struct ts *t, struct vitem *v, double x, double y, double w,
    double h, struct rgb color)
{
	struct box	*b = vbox(t, v, BOX_RECT);

	b->x = x;
	b->y = y;
	b->w = w;
	b->h = h;
	b->color = color;
	return b;
}

/* Line height and baseline position for text of a size. */
static double
leading(const struct ts *t, double size)
{
	return size * t->s->leading;
}

static double
baseline(const struct ts *t, double size)
{
	double	 asc = font_ascent(t->fonts[FACE_REGULAR]);
	double	 desc = -font_descent(t->fonts[FACE_REGULAR]);

	return (leading(t, size) - size) / 2 + size * asc / (asc + desc);
}

/* --- Inlines to segments -------------------------------------------- */

struct segs {
	struct seg	*v;
	size_t		 n;
	size_t		 cap;
};

static struct seg *
seg_add(struct ts *t, struct segs *ss)
{
	if (ss->n == ss->cap) {
		ss->v = arena_grow(&t->tmp, ss->v, ss->n * sizeof(*ss->v),
		    (ss->cap ? ss->cap * 2 : 16) * sizeof(*ss->v));
		ss->cap = ss->cap ? ss->cap * 2 : 16;
	}
	memset(&ss->v[ss->n], 0, sizeof(ss->v[0]));
	return &ss->v[ss->n++];
}

/* The style of text inside emphasis and strong. */
static enum face
face_of(int bold, int italic, int code)
{
	if (code)
		return FACE_MONO;
	if (bold && italic)
		return FACE_BOLD_ITALIC;
	if (bold)
		return FACE_BOLD;
	return italic ? FACE_ITALIC : FACE_REGULAR;
}

/* The plain text of inlines, for alt text. */
static void
plain_text(struct buf *b, const struct inline_ *in)
{
	for (; in != NULL; in = in->next) {
		if (in->type == INL_TEXT || in->type == INL_CODE)
			buf_put(b, in->text, in->len);
		else if (in->type == INL_LINEBREAK)
			buf_putc(b, ' ');
		plain_text(b, in->child);
	}
}

/*
 * Flatten inlines into segments.  The report's depth is bounded by the
 * narrative stage, so recursion here is bounded too.
 */
static void
flatten(struct ts *t, struct segs *ss, const struct inline_ *in,
    int bold, int italic, double size, struct rgb color, struct selem *e,
    const char *url)
{
	struct seg	*sg;
	struct selem	*le;
	struct buf	 alt;

	for (; in != NULL; in = in->next) {
		switch (in->type) {
		case INL_TEXT:
		case INL_CODE:
			sg = seg_add(t, ss);
			sg->text = in->text;
			sg->len = in->len;
			sg->face = face_of(bold, italic, in->type == INL_CODE);
			sg->size = size;
			sg->color = color;
			sg->elem = e;
			sg->url = url;
			break;
		case INL_LINEBREAK:
			sg = seg_add(t, ss);
			sg->hard_break = 1;
			sg->face = face_of(bold, italic, 0);
			sg->size = size;
			sg->elem = e;
			break;
		case INL_EMPH:
			flatten(t, ss, in->child, bold, 1, size, color, e, url);
			break;
		case INL_STRONG:
			flatten(t, ss, in->child, 1, italic, size, color, e, url);
			break;
		case INL_LINK:
			if (*in->url == '\0' || url != NULL) {
				flatten(t, ss, in->child, bold, italic, size,
				    color, e, url);
				break;
			}
			le = elem(t, ROLE_LINK, e);
			le->url = in->url;
			buf_init(&alt, t->a);
			plain_text(&alt, in->child);
			le->alt = alt.data;
			flatten(t, ss, in->child, bold, italic, size,
			    t->s->color_accent, le, in->url);
			break;
		case INL_IMAGE:
			sg = seg_add(t, ss);
			sg->image = in;
			sg->elem = e;
			break;
		default:
			break;
		}
	}
}

/* --- Segments to line-break items ----------------------------------- */

struct items {
	struct lb_item	*it;
	struct piece	*pc;		/* parallel to it */
	size_t		 n;
	size_t		 cap;
};

static void
item_add(struct ts *t, struct items *is, enum lb_kind kind, double w,
    const struct seg *sg, const char *s, size_t len)
{
	if (is->n == is->cap) {
		size_t cap = is->cap ? is->cap * 2 : 64;

		is->it = arena_grow(&t->tmp, is->it, is->n * sizeof(*is->it),
		    cap * sizeof(*is->it));
		is->pc = arena_grow(&t->tmp, is->pc, is->n * sizeof(*is->pc),
		    cap * sizeof(*is->pc));
		is->cap = cap;
	}
	memset(&is->it[is->n], 0, sizeof(is->it[0]));
	is->it[is->n].kind = kind;
	is->it[is->n].width = w;
	is->pc[is->n].text = s;
	is->pc[is->n].len = len;
	is->pc[is->n].seg = sg;
	is->n++;
}

static void
penalty(struct ts *t, struct items *is, const struct seg *sg, double w,
    int p, int flagged)
{
	item_add(t, is, LB_PENALTY, w, sg, NULL, 0);
	is->it[is->n - 1].penalty = p;
	is->it[is->n - 1].flagged = flagged;
}

static void
glue(struct ts *t, struct items *is, const struct seg *sg)
{
	double	 w = font_width(t->fonts[sg->face], " ", 1, sg->size);

	item_add(t, is, LB_GLUE, w, sg, " ", 1);
	is->it[is->n - 1].stretch = w / 2;
	is->it[is->n - 1].shrink = w / 3;
}

/*
 * A box for s, split into pieces no wider than width so that no line
 * can run over (a long web address, say): the pieces are joined by
 * free breaks that add no hyphen.
 */
static void
box(struct ts *t, struct items *is, const struct seg *sg, const char *s,
    size_t len, double width)
{
	struct font	*f = t->fonts[sg->face];
	double		 w = font_width(f, s, len, sg->size), cw;
	size_t		 i, start, k;
	uint32_t	 cp;

	if (w <= width) {
		item_add(t, is, LB_BOX, w, sg, s, len);
		return;
	}
	w = 0;
	for (i = start = 0; i < len; i += k) {
		k = utf8_decode((const unsigned char *)s + i, len - i, &cp);
		cw = font_width(f, s + i, k, sg->size);
		if (w + cw > width && i > start) {
			item_add(t, is, LB_BOX, w, sg, s + start, i - start);
			penalty(t, is, sg, 0, 0, 0);
			start = i;
			w = 0;
		}
		w += cw;
	}
	item_add(t, is, LB_BOX, w, sg, s + start, len - start);
}

static int
is_letter_at(const char *s, size_t len, size_t i)
{
	unsigned char	 c;

	if (i >= len)
		return 0;
	c = (unsigned char)s[i];
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xc3;
}

/*
 * The hyphen a line break adds: U+00AD, the soft hyphen, where the face
 * draws it (as Liberation does, like "-"), so that text taken from the
 * PDF, by a screen reader or a copy, reads the word whole.
 */
static const char *
hyphen(const struct ts *t, enum face f)
{
	return font_has(t->fonts[f], 0xAD) ? "\xc2\xad" : "-";
}

/* A word: boxes between its possible breaks, hyphens and after "-". */
static void
word(struct ts *t, struct items *is, const struct seg *sg, const char *s,
    size_t len, double width, int hyphenate)
{
	size_t		 pts[MAX_POINTS], np = 0, i, k, start = 0;
	double		 hw;
	int		 after_dash;

	if (hyphenate && t->h != NULL && sg->face != FACE_MONO)
		np = hyph_points(t->h, s, len, 2, 2, pts, MAX_POINTS);
	hw = font_width(t->fonts[sg->face], hyphen(t, sg->face),
	    strlen(hyphen(t, sg->face)), sg->size);
	k = 0;
	for (i = 1; i < len; i++) {
		/* After a hyphen between letters: a break adding nothing. */
		after_dash = s[i - 1] == '-' && i >= 2 &&
		    is_letter_at(s, len, i) && s[i - 2] != '-';
		while (k < np && pts[k] < i)
			k++;
		if (!after_dash && !(k < np && pts[k] == i))
			continue;
		box(t, is, sg, s + start, i - start, width);
		penalty(t, is, sg, after_dash ? 0 : hw, HYPHEN_PENALTY, 1);
		start = i;
	}
	box(t, is, sg, s + start, len - start, width);
}

static int
is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* Items for a paragraph's text segments [from, to). */
static void
items_of(struct ts *t, struct items *is, const struct seg *sv, size_t from,
    size_t to, double width, int hyphenate)
{
	const struct seg *sg;
	size_t		 i, p, q;

	for (i = from; i < to; i++) {
		sg = &sv[i];
		if (sg->hard_break) {
			penalty(t, is, sg, 0, LB_INF, 0);
			item_add(t, is, LB_GLUE, 0, sg, NULL, 0);
			is->it[is->n - 1].stretch = 1e5;
			penalty(t, is, sg, 0, -LB_INF, 0);
			continue;
		}
		for (p = 0; p < sg->len; p = q) {
			if (is_space(sg->text[p])) {
				for (q = p; q < sg->len && is_space(sg->text[q]); q++)
					continue;
				if (is->n > 0 && is->it[is->n - 1].kind == LB_BOX)
					glue(t, is, sg);
				continue;
			}
			for (q = p; q < sg->len && !is_space(sg->text[q]); q++)
				continue;
			word(t, is, sg, sg->text + p, q - p, width, hyphenate);
		}
	}
	/* Trailing glue would end the paragraph with a space. */
	while (is->n > 0 && is->it[is->n - 1].kind == LB_GLUE)
		is->n--;
	if (is->n == 0)
		return;
	sg = is->pc[is->n - 1].seg;
	penalty(t, is, sg, 0, LB_INF, 0);
	item_add(t, is, LB_GLUE, 0, sg, NULL, 0);
	is->it[is->n - 1].stretch = 1e5;
	penalty(t, is, sg, 0, -LB_INF, 0);
}

/* --- Lines ---------------------------------------------------------- */

static int
same_run(const struct box *b, const struct seg *sg)
{
	return b->kind == BOX_TEXT && b->face == sg->face &&
	    b->size == sg->size && b->elem == sg->elem &&
	    b->color.r == sg->color.r && b->color.g == sg->color.g &&
	    b->color.b == sg->color.b;
}

/*
 * Append s to the run b.  While a line is set, a run's text grows in
 * the scratch arena by doubling; run_done copies it to the build's.
 */
static void
run_append(struct ts *t, struct box *b, const char *s, size_t len,
    size_t *cap)
{
	char	*p;

	if (b->len + len > *cap) {
		*cap = (b->len + len) * 2 + 16;
		p = arena_alloc(&t->tmp, *cap);
		memcpy(p, b->text, b->len);
		b->text = p;
	}
	memcpy((char *)(uintptr_t)b->text + b->len, s, len);
	b->len += len;
}

static void
run_done(struct ts *t, struct box *b)
{
	if (b != NULL)
		b->text = arena_strndup(t->a, b->text, b->len);
}

/* Links: a clickable area over each link run, and an underline. */
static void
link_boxes(struct ts *t, struct vitem *v, size_t first)
{
	struct box	*b, *l;
	size_t		 i, n = v->nboxes;

	for (i = first; i < n; i++) {
		b = &v->boxes[i];
		if (b->kind != BOX_TEXT || b->elem == NULL ||
		    b->elem->role != ROLE_LINK)
			continue;
		rect_box(t, v, b->x, -b->size * 0.12, b->w, b->size * 0.05,
		    t->s->color_accent);
		l = vbox(t, v, BOX_LINK);
		b = &v->boxes[i];	/* vbox may have moved the array */
		l->x = b->x;
		l->y = -b->size * 0.25;
		l->w = b->w;
		l->h = b->size * 1.1;
		l->target = b->elem->url;
		l->elem = b->elem;
	}
}

/*
 * Lay out one line of items [start, end) at x, stretching glue by ratio
 * (0 for natural spacing), ending with a hyphen when it breaks at one.
 */
static void
line(struct ts *t, struct vitem *v, const struct items *is,
    const struct lb_line *ln, double x, double ratio)
{
	const struct lb_item *it;
	const struct piece *pc;
	struct box	*run = NULL;
	const char	*h;
	size_t		 i, first = v->nboxes, cap = 0;
	double		 gw;

	for (i = ln->start; i < ln->end && i < is->n; i++) {
		it = &is->it[i];
		pc = &is->pc[i];
		switch (it->kind) {
		case LB_BOX:
			if (run != NULL && same_run(run, pc->seg)) {
				run_append(t, run, pc->text, pc->len, &cap);
				font_use(t->fonts[pc->seg->face], pc->text,
				    pc->len);
			} else {
				run_done(t, run);
				run = text_box(t, v, pc->seg->face,
				    pc->seg->size, pc->seg->color, x,
				    pc->text, pc->len, pc->seg->elem);
				cap = 0;	/* the text is not ours to grow */
			}
			x += it->width;
			run->w = x - run->x;
			break;
		case LB_GLUE:
			gw = it->width + (ratio > 0 ? ratio * it->stretch :
			    ratio * it->shrink);
			if (pc->text == NULL) {	/* a fill: no space */
				x += gw;
				run_done(t, run);
				run = NULL;
				break;
			}
			if (run != NULL && same_run(run, pc->seg)) {
				/* The space stays in the text, for readers. */
				run_append(t, run, " ", 1, &cap);
				run->word_space = gw - it->width;
				font_use(t->fonts[pc->seg->face], " ", 1);
			} else {
				run_done(t, run);
				run = NULL;
			}
			x += gw;
			if (run != NULL)
				run->w = x - run->x;
			break;
		default:
			break;
		}
	}
	if (ln->hyphen && ln->end < is->n && is->it[ln->end].width > 0) {
		pc = &is->pc[ln->end];
		h = hyphen(t, pc->seg->face);
		if (run != NULL && same_run(run, pc->seg))
			run_append(t, run, h, strlen(h), &cap);
		else {
			run_done(t, run);
			run = text_box(t, v, pc->seg->face, pc->seg->size,
			    pc->seg->color, x, h, strlen(h), pc->seg->elem);
		}
		font_use(t->fonts[pc->seg->face], h, strlen(h));
		run->w += is->it[ln->end].width;
	} else if (run != NULL && ln->end < is->n &&
	    is->it[ln->end].kind == LB_GLUE) {
		/*
		 * A line that breaks at a space keeps it, after its end,
		 * where it shows nothing: text taken from the PDF then
		 * has the space between the line's last word and the
		 * next line's first.
		 */
		run_append(t, run, " ", 1, &cap);
		font_use(t->fonts[run->face], " ", 1);
	}
	run_done(t, run);
	link_boxes(t, v, first);
}

/*
 * Break the items into lines of width at x and append them to the
 * vertical list.  Returns the number of lines.  With pretolerance set,
 * justified text is tried once without hyphens at PRETOLERANCE and
 * nothing is set when that fails: the caller then tries again with
 * hyphenation, as TeX's first pass does.
 */
static size_t
set_lines(struct ts *t, const struct items *is, double x, double width,
    enum align align, double size, int pretolerance)
{
	struct lb_params p;
	struct lb_line	*lines;
	struct vitem	*v;
	size_t		 n = 0, i, k;
	double		 natural, shift;
	static const double tolerances[] = { 2, 4, 10 };

	if (is->n == 0)
		return 0;
	if (align == ALIGN_JUSTIFY && pretolerance) {
		memset(&p, 0, sizeof(p));
		p.width = width;
		p.line_penalty = 10;
		p.fitness_demerits = 100;
		p.tolerance = PRETOLERANCE;
		if ((n = lb_total_fit(&t->tmp, is->it, is->n, &p,
		    &lines)) == 0)
			return 0;
	} else if (align == ALIGN_JUSTIFY) {
		memset(&p, 0, sizeof(p));
		p.width = width;
		p.line_penalty = 10;
		p.flagged_demerits = 3000;
		p.fitness_demerits = 100;
		p.max_hyphens = 2;
		for (k = 0; n == 0 && k < 3; k++) {
			p.tolerance = tolerances[k];
			n = lb_total_fit(&t->tmp, is->it, is->n, &p, &lines);
		}
	}
	if (n == 0) {
		n = lb_first_fit(&t->tmp, is->it, is->n, width, &lines);
		if (align == ALIGN_JUSTIFY)
			align = ALIGN_LEFT;
	}
	for (i = 0; i < n; i++) {
		v = vnew(t, 0, leading(t, size));
		v->base = baseline(t, size);
		shift = 0;
		if (align == ALIGN_RIGHT) {
			natural = 0;
			for (k = lines[i].start; k < lines[i].end; k++)
				if (is->it[k].kind != LB_PENALTY &&
				    is->pc[k].text != NULL)
					natural += is->it[k].width;
			if (lines[i].hyphen)
				natural += is->it[lines[i].end].width;
			shift = width - natural;
		}
		/*
		 * The last line's ratio is nearly 0 (its fill stretches)
		 * unless it must shrink to fit: then it shrinks like the
		 * others did.
		 */
		line(t, v, is, &lines[i], x + shift,
		    align == ALIGN_JUSTIFY ? lines[i].ratio : 0);
	}
	return n;
}

/* --- Blocks --------------------------------------------------------- */

/* Keep a block's lines together at its ends: no widows, no orphans. */
static void
keep_ends(struct ts *t, size_t first, size_t n)
{
	if (n >= 2)
		t->v[first].keep = 1;
	if (n >= 3)
		t->v[first + n - 2].keep = 1;
}

static void	 blocks(struct ts *, const struct block *, struct selem *,
		    double, double, int);

static void
image(struct ts *t, const struct inline_ *in, struct selem *parent,
    double x, double width)
{
	struct selem	*fig;
	struct vitem	*v;
	struct box	*b;
	struct buf	 alt;
	double		 dpi, w, h, maxh;

	if (in->path == NULL)
		return;	/* reported by the narrative stage */
	dpi = in->dpi > 0 ? in->dpi : 96;
	w = in->px_width * 72.0 / dpi;
	h = in->px_height * 72.0 / dpi;
	maxh = (t->top - t->bottom) * 0.6;
	if (w > width) {
		h *= width / w;
		w = width;
	}
	if (h > maxh) {
		w *= maxh / h;
		h = maxh;
	}
	fig = elem(t, ROLE_FIGURE, parent);
	buf_init(&alt, t->a);
	plain_text(&alt, in->child);
	fig->alt = alt.len > 0 ? alt.data : (in->title != NULL ? in->title :
	    "Billede");
	vspace(t, t->s->space_paragraph / 2);
	v = vnew(t, 0, h);
	v->base = h;
	b = vbox(t, v, BOX_IMAGE);
	b->x = x;
	b->y = 0;	/* its foot on the baseline, the item's bottom */
	b->w = w;
	b->h = h;
	b->target = in->path;
	b->elem = fig;
	vspace(t, t->s->space_paragraph / 2);
}

/*
 * A paragraph-like block: its inlines broken into lines.  Images stand
 * on lines of their own, between the text before and after them.
 */
static void
text_block(struct ts *t, const struct inline_ *inl, struct selem *e,
    double x, double width, enum face face, double size, struct rgb color,
    enum align align)
{
	struct segs	 ss;
	struct items	 is;
	size_t		 i, from, first, n;
	int		 bold = face == FACE_BOLD || face == FACE_BOLD_ITALIC;
	int		 italic = face == FACE_ITALIC || face == FACE_BOLD_ITALIC;

	memset(&ss, 0, sizeof(ss));
	flatten(t, &ss, inl, bold, italic, size, color, e, NULL);
	for (from = i = 0; i <= ss.n; i++) {
		if (i < ss.n && ss.v[i].image == NULL)
			continue;
		memset(&is, 0, sizeof(is));
		items_of(t, &is, ss.v, from, i, width, 0);
		first = t->nv;
		n = set_lines(t, &is, x, width, align, size,
		    t->h != NULL && align == ALIGN_JUSTIFY);
		if (n == 0 && is.n > 0) {
			/* It did not fit well unhyphenated. */
			memset(&is, 0, sizeof(is));
			items_of(t, &is, ss.v, from, i, width,
			    align == ALIGN_JUSTIFY);
			n = set_lines(t, &is, x, width, align, size, 0);
		}
		keep_ends(t, first, n);
		if (i < ss.n)
			image(t, ss.v[i].image, e, x, width);
		from = i + 1;
	}
	arena_reset(&t->tmp);
}

static double
heading_size(const struct style *s, int level)
{
	if (level <= 1)
		return s->size_title;
	return level == 2 ? s->size_h2 : s->size_h3;
}

static void
heading(struct ts *t, const struct block *b, struct selem *parent,
    double x, double width)
{
	static const enum role roles[] = {
		ROLE_H1, ROLE_H1, ROLE_H2, ROLE_H3, ROLE_H4, ROLE_H5, ROLE_H6
	};
	struct selem	*e;
	struct buf	 title;
	size_t		 first, i;
	double		 size = heading_size(t->s, b->level);

	e = elem(t, roles[b->level < 1 ? 1 : b->level > 6 ? 6 : b->level],
	    parent);
	vspace(t, t->s->space_heading);
	t->v[t->nv - 1].keep = 1;
	first = t->nv;
	text_block(t, b->inl, e, x, width, FACE_BOLD, size,
	    t->s->color_accent, ALIGN_LEFT);
	for (i = first; i < t->nv; i++)
		t->v[i].keep = 1;	/* with what follows */
	if (first < t->nv) {
		buf_init(&title, t->a);
		plain_text(&title, b->inl);
		t->v[first].level = b->level < 1 ? 1 : b->level;
		t->v[first].title = title.data;
	}
	vspace(t, t->s->space_paragraph / 2);
	t->v[t->nv - 1].keep = 1;
}

/* The lines added since first get a rule at x: a block quote's bar. */
static void
quote_bars(struct ts *t, size_t first, double x)
{
	struct vitem	*v;
	size_t		 i;

	for (i = first; i < t->nv; i++) {
		v = &t->v[i];
		if (v->is_space)
			continue;
		rect_box(t, v, x, v->base - v->height, 2, v->height,
		    t->s->color_rule);
		vbox_first(v);
	}
}

static void
code_block(struct ts *t, const struct block *b, struct selem *parent,
    double x, double width)
{
	struct selem	*e = elem(t, ROLE_CODE, parent);
	struct seg	*sg;
	struct items	 is;
	struct vitem	*v;
	const char	*p, *end, *nl;
	double		 size = t->s->size_code, pad = 4;
	size_t		 first, i, n;
	char		*clean;

	sg = arena_alloc(t->a, sizeof(*sg));
	sg->face = FACE_MONO;
	sg->size = size;
	sg->color = t->s->color_text;
	sg->elem = e;
	vspace(t, t->s->space_paragraph / 2);
	first = t->nv;
	p = b->text;
	end = b->text + b->len;
	if (end > p && end[-1] == '\n')
		end--;
	while (p <= end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		/* Tabs to spaces: a monospaced face has no tab stops. */
		clean = arena_alloc(t->a, (size_t)(nl - p) * 4 + 1);
		for (n = 0; p < nl; p++) {
			if (*p == '\t')
				for (i = 0; i < 4; i++)
					clean[n++] = ' ';
			else
				clean[n++] = *p;
		}
		memset(&is, 0, sizeof(is));
		if (n == 0) {
			v = vnew(t, 0, leading(t, size));
			v->base = baseline(t, size);
		} else {
			/* Spaces are kept: one box per line, split to fit. */
			box(t, &is, sg, clean, n, width - 2 * pad);
			for (i = 0; i < is.n; i++)
				if (is.it[i].kind == LB_PENALTY)
					is.it[i].penalty = -LB_INF;
			penalty(t, &is, sg, 0, -LB_INF, 0);
			set_lines(t, &is, x + pad, width - 2 * pad, ALIGN_LEFT,
			    size, 0);
			arena_reset(&t->tmp);
		}
		p = nl + 1;
	}
	for (i = first; i < t->nv; i++) {
		v = &t->v[i];
		rect_box(t, v, x, v->base - v->height, width, v->height,
		    t->s->color_shade);
		vbox_first(v);
	}
	keep_ends(t, first, t->nv - first);
	vspace(t, t->s->space_paragraph);
}

static void
rule(struct ts *t, double x, double width)
{
	struct vitem	*v;

	vspace(t, t->s->space_paragraph);
	v = vnew(t, 0, 1);
	v->base = 0.5;
	rect_box(t, v, x, -0.25, width, 0.5, t->s->color_rule);
	vspace(t, t->s->space_paragraph);
}

/* A list: a label (bullet or number) left of each item's first line. */
static void
list(struct ts *t, const struct block *b, struct selem *parent, double x,
    double width, int depth)
{
	struct selem	*l, *li, *lbl, *body;
	const struct block *item;
	struct vitem	*v;
	struct box	*lb;
	char		 num[32];
	const char	*label;
	double		 indent = t->s->indent_list, size = t->s->size_body;
	size_t		 first, i;
	int		 k = b->start;

	l = elem(t, ROLE_L, parent);
	for (item = b->child; item != NULL; item = item->next) {
		li = elem(t, ROLE_LI, l);
		lbl = elem(t, ROLE_LBL, li);
		body = elem(t, ROLE_LBODY, li);
		first = t->nv;
		if (item->type == BLOCK_ITEM)
			blocks(t, item->child, body, x + indent,
			    width - indent, depth + 1);
		else	/* flattened deep nesting: keep the content */
			blocks(t, item, body, x + indent, width - indent,
			    depth + 1);
		if (b->tight) {
			/* Tight items: no space between them. */
			while (t->nv > first && t->v[t->nv - 1].is_space)
				t->nv--;
		}
		for (i = first; i < t->nv && t->v[i].is_space; i++)
			continue;
		if (i == t->nv) {
			v = vnew(t, 0, leading(t, size));
			v->base = baseline(t, size);
		} else
			v = &t->v[i];
		if (b->ordered) {
			snprintf(num, sizeof(num), "%d.", k++);
			label = arena_strdup(t->a, num);
		} else
			label = depth % 2 == 0 ? "•" : "–";
		lb = text_box(t, v, FACE_REGULAR, size, t->s->color_text, 0,
		    label, strlen(label), lbl);
		lb->x = x + indent - 5 - lb->w;
		vbox_first(v);
		if (b->tight)
			vspace(t, t->s->space_paragraph / 4);
	}
	vspace(t, t->s->space_paragraph);
}

/* A table's or a figure's caption: bold, small, kept with what follows. */
static void
caption(struct ts *t, struct selem *parent, const char *text, double x,
    double width)
{
	struct inline_	 in;
	size_t		 i, first = t->nv;

	memset(&in, 0, sizeof(in));
	in.type = INL_TEXT;
	in.text = text;
	in.len = strlen(text);
	text_block(t, &in, elem(t, ROLE_CAPTION, parent), x, width, FACE_BOLD,
	    t->s->size_table, t->s->color_text, ALIGN_LEFT);
	for (i = first; i < t->nv; i++)
		t->v[i].keep = 1;
}

/*
 * Columns of a table, as fractions of the width, by what it shows and
 * how many columns it has; NULL where the report makes no such table.
 */
static const double *
columns(enum table_kind kind, size_t ncols)
{
	static const double timeline[] = { 0.31, 0.53, 0.16 };
	static const double figures[] = { 0.80, 0.20 };
	static const double figures_since[] = { 0.54, 0.14, 0.32 };
	static const double forecasts[] = { 0.27, 0.20, 0.38, 0.15 };
	static const double chart[] = { 0.17, 0.27, 0.42, 0.14 };

	switch (kind) {
	case TABLE_TIMELINE:
		return ncols == 3 ? timeline : NULL;
	case TABLE_FIGURES:
		return ncols == 2 ? figures : ncols == 3 ? figures_since :
		    NULL;
	case TABLE_FORECASTS:
		return ncols == 4 ? forecasts : NULL;
	case TABLE_CHART:
		return ncols == 4 ? chart : NULL;
	default:
		return NULL;
	}
}

static void
table(struct ts *t, const struct block *b, struct selem *parent, double x,
    double width)
{
	struct selem	*tab, *tr, *cell;
	const struct block *r, *c;
	const double	*cols;
	double		 equal[8];
	struct vitem	*row, *src;
	struct box	*nb;
	struct segs	 ss;
	struct items	 is;
	double		 size = t->s->size_table, cx, cw, pad = 3;
	double		 lead = leading(t, size), h;
	size_t		 ncols, i, j, k, first, lines, most;
	size_t		 head = 0, body = 0, nbody = 0;
	enum align	 al;

	ncols = 0;
	if (b->child != NULL)
		for (c = b->child->child; c != NULL; c = c->next)
			ncols++;
	if ((cols = columns(b->table, ncols)) == NULL) {
		/* Not one of layout.c's: columns of one width. */
		if (ncols > sizeof(equal) / sizeof(equal[0]))
			ncols = sizeof(equal) / sizeof(equal[0]);
		for (i = 0; i < ncols; i++)
			equal[i] = 1.0 / (double)ncols;
		cols = equal;
	}
	tab = elem(t, ROLE_TABLE, parent);
	vspace(t, t->s->space_paragraph);

	caption(t, tab, b->text, x, width);

	for (r = b->child; r != NULL; r = r->next) {
		tr = elem(t, ROLE_TR, tab);
		/* Each cell is set into lines on its own, then merged. */
		row = vnew(t, 0, 0);
		most = 1;
		cx = x;
		for (c = r->child, k = 0; c != NULL && k < ncols;
		    c = c->next, k++) {
			cw = width * cols[k];
			cell = elem(t, c->header ? ROLE_TH : ROLE_TD, tr);
			cell->scope_row = c->header && !r->header;
			al = b->table == TABLE_FIGURES && k > 0 ?
			    ALIGN_RIGHT : ALIGN_LEFT;
			memset(&ss, 0, sizeof(ss));
			flatten(t, &ss, c->inl, c->header, 0, size,
			    t->s->color_text, cell, NULL);
			memset(&is, 0, sizeof(is));
			items_of(t, &is, ss.v, 0, ss.n, cw - 2 * pad, 0);
			first = t->nv;
			/* The cell's lines are copied into the row: scratch. */
			t->box_arena = &t->tmp;
			lines = set_lines(t, &is, cx + (k == 0 ? 0 : pad),
			    cw - 2 * pad, al, size, 0);
			t->box_arena = &t->lines;
			row = &t->v[first - 1];	/* the array may have moved */
			/* Line i of the cell sits i leadings below the first. */
			for (i = 0; i < lines; i++) {
				src = &t->v[first + i];
				for (j = 0; j < src->nboxes; j++) {
					nb = vbox(t, row, src->boxes[j].kind);
					*nb = src->boxes[j];
					nb->y -= i * lead;
				}
			}
			t->nv = first;
			arena_reset(&t->tmp);
			if (lines > most)
				most = lines;
			cx += cw;
		}
		h = most * lead + 2 * pad;
		row->height = h;
		row->base = pad + baseline(t, size);
		rect_box(t, row, x, row->base - h, width, r->header ? 1 : 0.4,
		    r->header ? t->s->color_text : t->s->color_rule);
		if (r->header) {
			row->keep = 1;
			if (head == 0)
				head = t->nv;	/* 1 + its index */
		} else {
			row->header = head;
			if (nbody++ == 0)
				body = t->nv - 1;
		}
	}
	/*
	 * At least two rows on either side of a break: none after the
	 * first row nor before the last.  The caption's lines and the
	 * header keep with what follows, so a table of three rows or
	 * fewer goes whole to the next page, and a caption never stands
	 * without its header and two rows.
	 */
	if (nbody >= 2) {
		t->v[body].keep = 1;
		t->v[body + nbody - 2].keep = 1;
	}
	vspace(t, t->s->space_paragraph);
}

/*
 * The timeline chart: a Figure whose alternative text says what it
 * shows, its title above it as a caption, then the chart as one box the
 * device draws item by item, scaled down if the page is narrower or
 * lower than the chart.  Its data table is for the web page: the
 * figure's alternative text and the initiatives' timeline tables carry
 * the same facts in the PDF.
 */
static void
chart_block(struct ts *t, const struct block *b, struct selem *parent,
    double x, double width)
{
	const struct chart *ch = b->chart;
	struct selem	*fig;
	struct vitem	*v;
	struct box	*bx;
	double		 scale = 1, maxh = (t->top - t->bottom) * 0.85;
	size_t		 i;

	if (ch == NULL || ch->width <= 0 || ch->height <= 0)
		return;
	if (ch->width > width)
		scale = width / ch->width;
	if (ch->height * scale > maxh)
		scale = maxh / ch->height;
	fig = elem(t, ROLE_FIGURE, parent);
	fig->alt = arena_printf(t->a, "%s. %s", ch->title, ch->desc);
	vspace(t, t->s->space_paragraph);
	caption(t, fig, ch->title, x, width);
	vspace(t, 4);
	t->v[t->nv - 1].keep = 1;
	for (i = 0; i < ch->nitems; i++)
		if (ch->items[i].shape == SHAPE_TEXT)
			font_use(t->fonts[ch->items[i].paint == PAINT_LANE ?
			    FACE_BOLD : FACE_REGULAR], ch->items[i].text,
			    ch->items[i].len);
	v = vnew(t, 0, ch->height * scale);
	v->base = ch->height * scale;
	bx = vbox(t, v, BOX_CHART);
	bx->x = (float)x;
	bx->y = 0;	/* its foot on the baseline, the item's bottom */
	bx->w = (float)(ch->width * scale);
	bx->h = (float)(ch->height * scale);
	bx->chart = ch;
	bx->color = t->s->color_text;	/* of its labels */
	bx->elem = fig;
	vspace(t, t->s->space_paragraph);
}

static void
blocks(struct ts *t, const struct block *b, struct selem *parent,
    double x, double width, int depth)
{
	struct selem	*e;
	size_t		 first;

	for (; b != NULL; b = b->next) {
		switch (b->type) {
		case BLOCK_SECTION:
			e = elem(t, ROLE_SECT, parent);
			blocks(t, b->child, e, x, width, depth);
			break;
		case BLOCK_HEADING:
			heading(t, b, parent, x, width);
			break;
		case BLOCK_PARA:
			e = elem(t, ROLE_P, parent);
			text_block(t, b->inl, e, x, width, FACE_REGULAR,
			    t->s->size_body, t->s->color_text,
			    t->s->justify ? ALIGN_JUSTIFY : ALIGN_LEFT);
			vspace(t, t->s->space_paragraph);
			break;
		case BLOCK_LIST:
			list(t, b, parent, x, width, depth);
			break;
		case BLOCK_ITEM:
			blocks(t, b->child, parent, x, width, depth);
			break;
		case BLOCK_QUOTE:
			e = elem(t, ROLE_BLOCKQUOTE, parent);
			first = t->nv;
			blocks(t, b->child, e, x + 12, width - 12, depth + 1);
			quote_bars(t, first, x + 2);
			break;
		case BLOCK_CODE:
			code_block(t, b, parent, x, width);
			break;
		case BLOCK_HR:
			rule(t, x, width);
			break;
		case BLOCK_TABLE:
			table(t, b, parent, x, width);
			break;
		case BLOCK_CHART:
			chart_block(t, b, parent, x, width);
			break;
		default:
			break;
		}
	}
}

/* --- The memo's head ------------------------------------------------ */

static void
one_line(struct ts *t, struct selem *e, const char *s, enum face face,
    double size, struct rgb color, enum align align)
{
	struct inline_	 in;

	memset(&in, 0, sizeof(in));
	in.type = INL_TEXT;
	in.text = s;
	in.len = strlen(s);
	text_block(t, &in, e, t->left, t->right - t->left, face, size, color,
	    align);
}

/*
 * The logo at the top right, as decoration (an artifact: the sender is
 * named in words on every page), style.logo_height high.
 */
static void
logo(struct ts *t, const struct report *r)
{
	struct vitem	*v;
	struct box	*b;
	double		 h = t->s->logo_height, w;

	if (r->logo_px_width == 0 || r->logo_px_height == 0)
		return;
	w = h * r->logo_px_width / r->logo_px_height;
	if (w > (t->right - t->left) / 2) {
		w = (t->right - t->left) / 2;
		h = w * r->logo_px_height / r->logo_px_width;
	}
	v = vnew(t, 0, h);
	v->base = h;
	b = vbox(t, v, BOX_IMAGE);
	b->x = (float)(t->right - w);
	b->y = 0;
	b->w = (float)w;
	b->h = (float)h;
	b->target = r->logo_path;
	vspace(t, t->s->space_paragraph);
}

/* Date at the right, "Statusnotat", "Vedr. ...", as the paper memo. */
static void
head(struct ts *t, const struct report *r, const struct report_note *n,
    struct selem *doc)
{
	struct selem	*e;
	size_t		 first;

	logo(t, r);
	e = elem(t, ROLE_P, doc);
	one_line(t, e, n->date, FACE_REGULAR, t->s->size_body,
	    t->s->color_text, ALIGN_RIGHT);
	vspace(t, t->s->space_heading);
	e = elem(t, ROLE_H1, doc);
	first = t->nv;
	one_line(t, e, n->title, FACE_BOLD, t->s->size_title,
	    t->s->color_accent, ALIGN_LEFT);
	if (first < t->nv) {
		t->v[first].level = 1;
		t->v[first].title = n->title;
	}
	e = elem(t, ROLE_P, doc);
	one_line(t, e, n->regarding, FACE_BOLD, t->s->size_body,
	    t->s->color_text, ALIGN_LEFT);
	vspace(t, t->s->space_heading);
}

/* --- Pages ---------------------------------------------------------- */

/* place() sizes each page's array exactly: this never grows it. */
static struct box *
page_box(struct tpage *p)
{
	return &p->boxes[p->nboxes++];
}

/*
 * The table header row that goes atop the page starting at item i, as
 * 1 + its index, or 0: a page that starts with a table's body row goes
 * on with a table begun on the page before.
 */
static size_t
repeat_of(const struct ts *t, size_t i)
{
	while (i < t->nv && t->v[i].is_space)
		i++;
	return i < t->nv ? t->v[i].header : 0;
}

/*
 * Where pages start: indices into the vertical list.  A page takes
 * items while they fit; when one does not, the page ends at the last
 * place a break is allowed (not after an item that keeps with the
 * next), or, when the whole page is one kept run, where it ran over.
 * Space is dropped at the top of a page; a page that goes on with a
 * table has room for its header row first.
 */
static size_t *
paginate(struct ts *t, size_t *npages)
{
	size_t	*starts, n = 1, cap = 16, i, k, start = 0, hd;
	double	 avail = t->top - t->bottom, used = 0;

	starts = arena_calloc(t->a, cap, sizeof(*starts));
	starts[0] = 0;
	for (i = 0; i < t->nv; i++) {
		if (i == start && t->v[i].is_space) {
			start++;
			continue;
		}
		if (used + t->v[i].height <= avail || i == start) {
			used += t->v[i].height;
			continue;
		}
		for (k = i; k > start && t->v[k - 1].keep; k--)
			continue;
		if (k == start)
			k = i;
		if (n == cap) {
			starts = arena_grow(t->a, starts, cap * sizeof(*starts),
			    cap * 2 * sizeof(*starts));
			cap *= 2;
		}
		starts[n++] = start = k;
		hd = repeat_of(t, k);
		used = hd > 0 ? t->v[hd - 1].height : 0;
		i = k - 1;
	}
	*npages = n;
	return starts;
}

static void
footer(struct ts *t, struct tpage *p, size_t page, size_t npages,
    const char *sender)
{
	struct vitem	 v;
	struct box	*b;
	char		 num[64];
	double		 size = t->s->size_small, y, w;
	size_t		 i;

	memset(&v, 0, sizeof(v));
	snprintf(num, sizeof(num), "Side %zu af %zu", page + 1, npages);
	text_box(t, &v, FACE_REGULAR, size, t->s->color_muted, t->left,
	    sender, strlen(sender), NULL);
	w = font_width(t->fonts[FACE_REGULAR], num, strlen(num), size);
	text_box(t, &v, FACE_REGULAR, size, t->s->color_muted,
	    t->right - w, arena_strdup(t->a, num), strlen(num), NULL);
	y = t->s->margin_bottom;
	for (i = 0; i < v.nboxes; i++) {
		b = page_box(p);
		*b = v.boxes[i];
		b->y = y;
	}
	b = page_box(p);
	memset(b, 0, sizeof(*b));
	b->kind = BOX_RECT;
	b->x = t->left;
	b->y = y + size * 1.4;
	b->w = t->right - t->left;
	b->h = 0.4;
	b->color = t->s->color_rule;
}

static void
place(struct ts *t, size_t *starts, size_t npages, const char *sender)
{
	struct typeset	*out = t->out;
	struct tpage	*p;
	struct box	*b;
	struct vitem	*v;
	size_t		 pg, i, j, end, no = 0, hd;
	double		 y;
	int		 top;

	out->pages = arena_calloc(t->a, npages, sizeof(*out->pages));
	out->npages = npages;
	out->outlines = arena_calloc(t->a, t->nv + 1, sizeof(*out->outlines));
	for (pg = 0; pg < npages; pg++) {
		p = &out->pages[pg];
		end = pg + 1 < npages ? starts[pg + 1] : t->nv;
		hd = pg > 0 ? repeat_of(t, starts[pg]) : 0;
		/* The page's boxes, counted first: one allocation. */
		p->cap = FOOTER_BOXES + (hd > 0 ? t->v[hd - 1].nboxes : 0);
		for (i = starts[pg]; i < end; i++)
			p->cap += t->v[i].nboxes;
		/* Freed page by page as the device draws them. */
		if ((p->boxes = calloc(p->cap, sizeof(*p->boxes))) == NULL) {
			fputs("statusnotat: error: out of memory\n", stderr);
			exit(2);
		}
		y = t->top;
		top = 1;
		if (hd > 0) {
			/*
			 * The table's header row again: an artifact, as a
			 * running head is, so the structure tree has each
			 * row once and a reader hears the header once.
			 */
			v = &t->v[hd - 1];
			for (j = 0; j < v->nboxes; j++) {
				if (v->boxes[j].kind == BOX_LINK)
					continue;
				b = page_box(p);
				*b = v->boxes[j];
				b->y += y - v->base;
				b->elem = NULL;
			}
			y -= v->height;
			top = 0;
		}
		for (i = starts[pg]; i < end; i++) {
			v = &t->v[i];
			if (v->is_space) {
				/* Space at the top of a page is dropped. */
				if (!top)
					y -= v->height;
				continue;
			}
			top = 0;
			if (v->title != NULL) {
				out->outlines[no].level = v->level;
				out->outlines[no].title = v->title;
				out->outlines[no].page = pg;
				out->outlines[no].y = y;
				no++;
			}
			for (j = 0; j < v->nboxes; j++) {
				b = page_box(p);
				*b = v->boxes[j];
				b->y += y - v->base;
			}
			y -= v->height;
		}
		footer(t, p, pg, npages, sender);
	}
	out->noutlines = no;
}

void
typeset_release_page(struct typeset *ts, size_t page)
{
	if (page < ts->npages) {
		free(ts->pages[page].boxes);
		ts->pages[page].boxes = NULL;
		ts->pages[page].nboxes = ts->pages[page].cap = 0;
	}
}

void
typeset_free(struct typeset *ts)
{
	size_t	 i;

	for (i = 0; i < ts->npages; i++)
		typeset_release_page(ts, i);
}

int
typeset_note(struct arena *a, struct diag *d, const struct report *r,
    const struct report_note *n, const struct style *s,
    struct font *const *fonts, const struct hyph *h, struct typeset *out)
{
	struct ts	 t;
	size_t		*starts, npages;

	memset(out, 0, sizeof(*out));
	memset(&t, 0, sizeof(t));
	t.a = a;
	t.d = d;
	t.s = s;
	t.fonts = fonts;
	t.h = s->hyphenate ? h : NULL;
	t.out = out;
	t.left = s->margin_left;
	t.right = s->page_width - s->margin_right;
	t.top = s->page_height - s->margin_top;
	t.bottom = s->margin_bottom + s->size_small * FOOTER_LINES;
	arena_init(&t.tmp);
	arena_init(&t.lines);
	t.box_arena = &t.lines;

	out->width = s->page_width;
	out->height = s->page_height;
	out->root = elem(&t, ROLE_DOCUMENT, NULL);
	out->title = arena_printf(a, "%s: %s", n->title, n->subject);
	out->subject = n->regarding;
	out->author = n->sender;
	out->keywords = n->initiatives;
	out->language = r->language;
	out->date_iso = n->date_iso;

	head(&t, r, n, out->root);
	blocks(&t, n->body, out->root, t.left, t.right - t.left, 0);
	while (t.nv > 0 && t.v[t.nv - 1].is_space)
		t.nv--;
	starts = paginate(&t, &npages);
	place(&t, starts, npages, n->sender);
	arena_fini(&t.tmp);
	arena_fini(&t.lines);	/* place() copied the boxes to the pages */
	free(t.v);
	return 0;
}
