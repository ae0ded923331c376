/*
 * dump.c: the report as text.  See dump.h.  Depth is bounded by the
 * layout stage (narrative.c flattens deep nesting), so recursion is safe.
 */
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "dump.h"
#include "report.h"
#include "utf8.h"

static const char *const block_names[BLOCK__MAX] = {
	"section", "heading", "para", "list", "item", "quote", "code",
	"hr", "table", "row", "cell", "chart"
};
static const char *const inline_names[INL__MAX] = {
	"text", "emph", "strong", "code", "link", "image", "linebreak"
};
static const char *const table_names[TABLE__MAX] = {
	"timeline", "figures", "chart", "forecasts"
};
static const char *const state_names[ROW__MAX] = {
	"none", "done", "ongoing", "expected", "overdue", "changed"
};
static const char *const shape_names[SHAPE__MAX] = {
	"rect", "line", "diamond", "text"
};
static const char *const paint_names[PAINT__MAX] = {
	"grid", "axis", "today", "actual", "planned", "pause", "span",
	"done", "expected", "overdue", "backdrop", "label", "lane"
};

static void
indent(struct buf *b, int depth)
{
	int	 i;

	for (i = 0; i < depth; i++)
		buf_puts(b, "  ");
}

/*
 * n bytes of content, as the dump writes every value: what a terminal
 * could act on rather than show (diag_is_control: C0, DEL, C1, the
 * bidirectional controls) as \U+XXXX, a byte that is not UTF-8 as
 * \xXX, a newline as \n, and " and \ after a \, so that nothing in
 * the content reaches the terminal raw and the dump reads as
 * diag_escape writes a message.
 */
static void
text(struct buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t	 i, k;
	uint32_t cp;

	for (i = 0; i < n; i += k) {
		k = utf8_decode(p + i, n - i, &cp);
		if (cp == 0xFFFD && k == 1)
			buf_printf(b, "\\x%02X", p[i]);
		else if (cp == '\n')
			buf_puts(b, "\\n");
		else if (diag_is_control(cp))
			buf_printf(b, "\\U+%04lX", (unsigned long)cp);
		else {
			if (cp == '"' || cp == '\\')
				buf_putc(b, '\\');
			buf_put(b, s + i, k);
		}
	}
}

/* A quoted string, written by text(). */
static void
quoted(struct buf *b, const char *s, size_t n)
{
	buf_putc(b, '"');
	text(b, s, n);
	buf_putc(b, '"');
}

/* An unquoted value (an id), written by text(). */
static void
plain(struct buf *b, const char *s)
{
	text(b, s, strlen(s));
}

static void
field(struct buf *b, int depth, const char *name, const char *s)
{
	indent(b, depth);
	buf_puts(b, name);
	buf_putc(b, ' ');
	quoted(b, s != NULL ? s : "", s != NULL ? strlen(s) : 0);
	buf_putc(b, '\n');
}

static void
dump_inlines(struct buf *b, const struct inline_ *in, int depth)
{
	for (; in != NULL; in = in->next) {
		indent(b, depth);
		buf_puts(b, inline_names[in->type]);
		if (in->type == INL_TEXT || in->type == INL_CODE) {
			buf_putc(b, ' ');
			quoted(b, in->text, in->len);
		}
		if (in->type == INL_LINK || in->type == INL_IMAGE) {
			buf_puts(b, " url=");
			quoted(b, in->url, strlen(in->url));
			if (in->title != NULL) {
				buf_puts(b, " title=");
				quoted(b, in->title, strlen(in->title));
			}
		}
		buf_putc(b, '\n');
		dump_inlines(b, in->child, depth + 1);
	}
}

/* The chart's geometry, item by item, in points to a hundredth. */
static void
dump_chart(struct buf *b, const struct chart *c, int depth)
{
	const struct chart_item *it;
	size_t	 i;

	indent(b, depth);
	buf_puts(b, "id ");
	plain(b, c->id);
	buf_printf(b, " size %.2f x %.2f text %.2f\n", c->width, c->height,
	    c->size);
	field(b, depth, "desc", c->desc);
	for (i = 0; i < c->nitems; i++) {
		it = &c->items[i];
		indent(b, depth);
		buf_printf(b, "%s %s %.2f %.2f %.2f %.2f",
		    shape_names[it->shape], paint_names[it->paint], it->x,
		    it->y, it->w, it->h);
		if (it->shape == SHAPE_TEXT) {
			buf_putc(b, ' ');
			quoted(b, it->text, it->len);
		}
		buf_putc(b, '\n');
	}
}

static void
dump_blocks(struct buf *b, const struct block *bl, int depth)
{
	for (; bl != NULL; bl = bl->next) {
		indent(b, depth);
		buf_puts(b, block_names[bl->type]);
		switch (bl->type) {
		case BLOCK_HEADING:
			buf_printf(b, " level=%d", bl->level);
			break;
		case BLOCK_LIST:
			buf_printf(b, " %s start=%d %s",
			    bl->ordered ? "ordered" : "bullet", bl->start,
			    bl->tight ? "tight" : "loose");
			break;
		case BLOCK_CODE:
			if (bl->info != NULL) {
				buf_puts(b, " info=");
				quoted(b, bl->info, strlen(bl->info));
			}
			buf_putc(b, ' ');
			quoted(b, bl->text, bl->len);
			break;
		case BLOCK_TABLE:
			buf_printf(b, " %s caption=", table_names[bl->table]);
			quoted(b, bl->text, strlen(bl->text));
			break;
		case BLOCK_ROW:
			buf_printf(b, "%s state=%s", bl->header ? " header" : "",
			    state_names[bl->state]);
			break;
		case BLOCK_CHART:
			buf_puts(b, " title=");
			quoted(b, bl->text, strlen(bl->text));
			break;
		case BLOCK_CELL:
			if (bl->header)
				buf_puts(b, " th");
			if (bl->iso != NULL && *bl->iso != '\0') {
				buf_puts(b, " iso=");
				plain(b, bl->iso);
			}
			break;
		default:
			break;
		}
		if (bl->id != NULL && bl->type == BLOCK_SECTION) {
			buf_puts(b, " id=");
			plain(b, bl->id);
		}
		buf_putc(b, '\n');
		if (bl->type == BLOCK_CHART)
			dump_chart(b, bl->chart, depth + 1);
		dump_inlines(b, bl->inl, depth + 1);
		dump_blocks(b, bl->child, depth + 1);
	}
}

void
dump_report(struct buf *b, const struct report *r)
{
	const struct report_note *n;
	size_t	 i;

	buf_puts(b, "report\n");
	field(b, 1, "municipality", r->municipality);
	field(b, 1, "language", r->language);
	field(b, 1, "base_url", r->base_url);
	for (i = 0; i < r->nnotes; i++) {
		n = &r->notes[i];
		buf_puts(b, "note ");
		plain(b, n->id);
		buf_putc(b, '\n');
		field(b, 1, "date", n->date);
		field(b, 1, "date_iso", n->date_iso);
		field(b, 1, "title", n->title);
		field(b, 1, "regarding", n->regarding);
		field(b, 1, "sender", n->sender);
		field(b, 1, "initiatives", n->initiatives);
		dump_blocks(b, n->body, 1);
	}
}
