/*
 * html.c: report to HTML.  The body of a note is written here, element
 * by element, as semantic HTML5 (sections, headings with anchors, lists,
 * tables with header cells and captions); the page around it comes from
 * the templates (index, note, and the layout they extend), which get the
 * body as already-safe HTML and everything else as values to escape.
 */
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "escape.h"
#include "html.h"
#include "report.h"
#include "svg.h"
#include "tmpl.h"

static const char *const state_classes[ROW__MAX] = {
	NULL, "done", "ongoing", "expected", "overdue", "changed"
};
static const char *const table_classes[TABLE__MAX] = {
	"timeline", "figures", "chart", "forecasts"
};

static void
text(struct buf *b, const char *s)
{
	escape_html(b, s, strlen(s));
}

/* The plain text of inlines, for alt attributes. */
static void
plain(struct buf *b, const struct inline_ *in)
{
	for (; in != NULL; in = in->next) {
		if (in->type == INL_TEXT || in->type == INL_CODE)
			escape_html(b, in->text, in->len);
		else if (in->type == INL_LINEBREAK)
			buf_putc(b, ' ');
		plain(b, in->child);
	}
}

static void
inlines(struct buf *b, const struct inline_ *in)
{
	for (; in != NULL; in = in->next) {
		switch (in->type) {
		case INL_TEXT:
			escape_html(b, in->text, in->len);
			break;
		case INL_CODE:
			buf_puts(b, "<code>");
			escape_html(b, in->text, in->len);
			buf_puts(b, "</code>");
			break;
		case INL_EMPH:
			buf_puts(b, "<em>");
			inlines(b, in->child);
			buf_puts(b, "</em>");
			break;
		case INL_STRONG:
			buf_puts(b, "<strong>");
			inlines(b, in->child);
			buf_puts(b, "</strong>");
			break;
		case INL_LINK:
			if (*in->url == '\0') {	/* unsafe target: text only */
				inlines(b, in->child);
				break;
			}
			buf_puts(b, "<a href=\"");
			escape_url(b, in->url, strlen(in->url));
			if (in->title != NULL) {
				buf_puts(b, "\" title=\"");
				text(b, in->title);
			}
			buf_puts(b, "\">");
			inlines(b, in->child);
			buf_puts(b, "</a>");
			break;
		case INL_IMAGE:
			buf_puts(b, "<img src=\"");
			escape_url(b, in->url, strlen(in->url));
			buf_puts(b, "\" alt=\"");
			plain(b, in->child);
			if (in->title != NULL) {
				buf_puts(b, "\" title=\"");
				text(b, in->title);
			}
			buf_puts(b, "\">");
			break;
		case INL_LINEBREAK:
			buf_puts(b, "<br>\n");
			break;
		default:
			break;
		}
	}
}

static void
table(struct buf *b, const struct block *t)
{
	const struct block *r, *c;
	int		 in_body = 0;

	buf_printf(b, "<table class=\"%s\">\n<caption>", table_classes[t->table]);
	text(b, t->text);
	buf_puts(b, "</caption>\n");
	for (r = t->child; r != NULL; r = r->next) {
		if (r->header)
			buf_puts(b, "<thead>\n");
		else if (!in_body) {
			buf_puts(b, "<tbody>\n");
			in_body = 1;
		}
		buf_puts(b, "<tr");
		if (state_classes[r->state] != NULL)
			buf_printf(b, " class=\"%s\"", state_classes[r->state]);
		buf_puts(b, ">");
		for (c = r->child; c != NULL; c = c->next) {
			if (c->header)
				buf_printf(b, "<th scope=\"%s\">",
				    r->header ? "col" : "row");
			else
				buf_puts(b, "<td>");
			if (c->iso != NULL) {
				buf_puts(b, "<time datetime=\"");
				text(b, c->iso);
				buf_puts(b, "\">");
			}
			inlines(b, c->inl);
			if (c->iso != NULL)
				buf_puts(b, "</time>");
			buf_puts(b, c->header ? "</th>" : "</td>");
		}
		buf_puts(b, "</tr>\n");
		if (r->header)
			buf_puts(b, "</thead>\n");
	}
	if (in_body)
		buf_puts(b, "</tbody>\n");
	buf_puts(b, "</table>\n");
}

static void
blocks(struct buf *b, const struct block *bl, int tight)
{
	const struct block *c;

	for (; bl != NULL; bl = bl->next) {
		switch (bl->type) {
		case BLOCK_SECTION:
			if (bl->id != NULL)
				buf_printf(b, "<section aria-labelledby=\"%s\">\n",
				    bl->id);
			else
				buf_puts(b, "<section>\n");
			blocks(b, bl->child, 0);
			buf_puts(b, "</section>\n");
			break;
		case BLOCK_HEADING:
			buf_printf(b, "<h%d", bl->level);
			if (bl->id != NULL)
				buf_printf(b, " id=\"%s\"", bl->id);
			buf_puts(b, ">");
			inlines(b, bl->inl);
			buf_printf(b, "</h%d>\n", bl->level);
			break;
		case BLOCK_PARA:
			if (!tight)
				buf_puts(b, "<p>");
			inlines(b, bl->inl);
			buf_puts(b, tight ? "\n" : "</p>\n");
			break;
		case BLOCK_LIST:
			if (bl->ordered && bl->start != 1)
				buf_printf(b, "<ol start=\"%d\">\n", bl->start);
			else
				buf_puts(b, bl->ordered ? "<ol>\n" : "<ul>\n");
			for (c = bl->child; c != NULL; c = c->next) {
				if (c->type != BLOCK_ITEM) {
					/* flattened nesting: keep the text */
					blocks(b, c, bl->tight);
					continue;
				}
				buf_puts(b, "<li>");
				blocks(b, c->child, bl->tight);
				buf_puts(b, "</li>\n");
			}
			buf_puts(b, bl->ordered ? "</ol>\n" : "</ul>\n");
			break;
		case BLOCK_ITEM:
			blocks(b, bl->child, tight);
			break;
		case BLOCK_QUOTE:
			buf_puts(b, "<blockquote>\n");
			blocks(b, bl->child, 0);
			buf_puts(b, "</blockquote>\n");
			break;
		case BLOCK_CODE:
			buf_puts(b, "<pre><code>");
			escape_html(b, bl->text, bl->len);
			buf_puts(b, "</code></pre>\n");
			break;
		case BLOCK_HR:
			buf_puts(b, "<hr>\n");
			break;
		case BLOCK_TABLE:
			table(b, bl);
			break;
		case BLOCK_CHART:
			/*
			 * Its title above it, as in the PDF; then the chart,
			 * and its data as a table on request.
			 */
			buf_puts(b, "<figure class=\"chart\">\n<figcaption>");
			text(b, bl->text);
			buf_puts(b, "</figcaption>\n");
			svg_chart(b, bl->chart);
			buf_puts(b, "<details>\n<summary>Se "
			    "tidslinjen som tabel</summary>\n");
			blocks(b, bl->child, 0);
			buf_puts(b, "</details>\n</figure>\n");
			break;
		default:
			break;
		}
	}
}

/* The values every page has. */
/* The values every page has; path is the page's folder below the site. */
static struct tval *
page_data(struct arena *a, const struct report *r, const char *path)
{
	struct tval	*d = tval_map(a);

	tval_set_str(a, d, "lang", r->language);
	tval_set_str(a, d, "municipality", r->municipality);
	tval_set_str(a, d, "recipients", r->recipients);
	tval_set(a, d, "many_recipients", tval_bool(a, r->many_recipients));
	tval_set_str(a, d, "root", *path == '\0' ? "" : "../");
	tval_set_str(a, d, "logo", r->logo);
	if (r->base_url != NULL)
		tval_set_str(a, d, "canonical", arena_printf(a, "%s%s",
		    r->base_url, path));
	if (r->base_url != NULL && r->nnotes > 0)	/* see html_feed */
		tval_set_str(a, d, "feed", arena_printf(a, "%sfeed.xml",
		    *path == '\0' ? "" : "../"));
	return d;
}

static struct tval *
note_data(struct arena *a, const struct report_note *n)
{
	struct tval	*v = tval_map(a);

	tval_set_str(a, v, "id", n->id);
	tval_set_str(a, v, "href", arena_printf(a, "%s/", n->id));
	tval_set_str(a, v, "date", n->date);
	tval_set_str(a, v, "date_iso", n->date_iso);
	tval_set_str(a, v, "title", n->title);
	tval_set_str(a, v, "definite", n->definite);
	tval_set_str(a, v, "to", n->to);
	tval_set_str(a, v, "subject", n->subject);
	tval_set_str(a, v, "regarding", n->regarding);
	tval_set_str(a, v, "sender", n->sender);
	tval_set_str(a, v, "initiatives", n->initiatives);
	return v;
}

static int
render(struct arena *a, struct diag *d, const char *name,
    const struct tval *data, const struct tmpl_loader *l, struct buf *out)
{
	const char	*src;
	size_t		 len;

	if ((src = l->load(l->arg, name, &len)) == NULL) {
		diag_msg(d, DIAG_SYSERR, name, 0, 0, "template not found");
		return -1;
	}
	return tmpl_render(a, name, src, len, data, l, out, d);
}

int
html_index(struct arena *a, struct diag *d, const struct report *r,
    const struct tmpl_loader *l, struct buf *out)
{
	struct tval	*data, *notes;
	size_t		 i;

	data = page_data(a, r, "");
	notes = tval_list(a);
	for (i = 0; i < r->nnotes; i++)
		tval_push(a, notes, note_data(a, &r->notes[i]));
	tval_set(a, data, "notes", notes);
	return render(a, d, "index", data, l, out);
}

/* An Atom date from a note's ISO date ("2021-06-03", "2021-06", "2021"). */
static const char *
atom_date(struct arena *a, const char *iso)
{
	size_t	 n = strlen(iso);

	return arena_printf(a, "%s%sT00:00:00Z", iso, n == 4 ? "-01-01" :
	    n == 7 ? "-01" : "");
}

int
html_feed(struct arena *a, struct diag *d, const struct report *r,
    const struct tmpl_loader *l, struct buf *out)
{
	struct tval	*data, *notes, *v;
	size_t		 i;

	if (r->base_url == NULL || r->nnotes == 0)
		return 0;
	data = page_data(a, r, "");
	tval_set_str(a, data, "base_url", r->base_url);
	/* Newest first: the feed was last updated by the first note. */
	tval_set_str(a, data, "updated", atom_date(a, r->notes[0].date_iso));
	notes = tval_list(a);
	for (i = 0; i < r->nnotes; i++) {
		v = note_data(a, &r->notes[i]);
		tval_set_str(a, v, "url", arena_printf(a, "%s%s/", r->base_url,
		    r->notes[i].id));
		tval_set_str(a, v, "updated", atom_date(a,
		    r->notes[i].date_iso));
		tval_push(a, notes, v);
	}
	tval_set(a, data, "notes", notes);
	return render(a, d, "feed", data, l, out);
}

int
html_note(struct arena *a, struct diag *d, const struct report *r,
    const struct report_note *n, const char *pdf, long pdf_bytes,
    const struct tmpl_loader *l, struct buf *out)
{
	struct tval	*data, *note, *toc, *item;
	const struct block *s, *h;
	struct buf	 body;

	data = page_data(a, r, arena_printf(a, "%s/", n->id));
	note = note_data(a, n);
	buf_init(&body, a);
	blocks(&body, n->body, 0);
	tval_set_str(a, note, "body", body.data);
	toc = tval_list(a);
	for (s = n->body; s != NULL; s = s->next) {
		if (s->id == NULL || (h = s->child) == NULL ||
		    h->type != BLOCK_HEADING)
			continue;
		item = tval_map(a);
		tval_set_str(a, item, "id", s->id);
		buf_init(&body, a);
		plain(&body, h->inl);
		/* Already escaped: the template prints it raw. */
		tval_set_str(a, item, "title_html", body.data);
		tval_push(a, toc, item);
	}
	tval_set_str(a, note, "pdf", pdf);
	/* Whole kilobytes, as a file list shows them: "27 kB". */
	tval_set_str(a, note, "pdf_size", arena_printf(a, "%ld kB",
	    (pdf_bytes + 1023) / 1024));
	tval_set(a, note, "toc", toc);
	tval_set(a, note, "has_toc", tval_bool(a, toc->nitems > 0));
	tval_set(a, data, "note", note);
	return render(a, d, "note", data, l, out);
}
