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

static void	blocks(struct buf *, const struct block *, int);

/*
 * The link from a note's section on an initiative to the initiative's
 * page, beside the note's folder: indsatser/<id>/.
 */
static void
initiative_link(struct buf *b, const struct report_initiative *p)
{
	buf_puts(b, "<p class=\"initiative-page\"><a href=\"../indsatser/");
	escape_url(b, p->id, strlen(p->id));
	buf_puts(b, "/index.html\">");
	text(b, p->name);
	buf_puts(b, " over årene: hele tidslinjen, tallene og alle "
	    "statusnotater</a></p>\n");
}

static void
block(struct buf *b, const struct block *bl, int tight)
{
	const struct block *c;

	switch (bl->type) {
	case BLOCK_SECTION:
		if (bl->id != NULL)
			buf_printf(b, "<section aria-labelledby=\"%s\">\n",
			    bl->id);
		else
			buf_puts(b, "<section>\n");
		blocks(b, bl->child, 0);
		if (bl->initiative != NULL)
			initiative_link(b, bl->initiative);
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
		if (bl->child != NULL && bl->child->table == TABLE_FIGURES) {
			/*
			 * A figure's small chart, under its table, whose
			 * caption names them both.
			 */
			buf_puts(b, "<figure class=\"chart mini\">\n");
			blocks(b, bl->child, 0);
			svg_chart(b, bl->chart);
			buf_puts(b, "</figure>\n");
			break;
		}
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

static void
blocks(struct buf *b, const struct block *bl, int tight)
{
	for (; bl != NULL; bl = bl->next)
		block(b, bl, tight);
}

/*
 * The values every page has; path is the page's folder below the site
 * ("", "<note>/", "indsatser/<id>/").
 */
static struct tval *
page_data(struct arena *a, const struct report *r, const char *path)
{
	struct tval	*d = tval_map(a);
	struct buf	 root;
	const char	*p;

	buf_init(&root, a);
	buf_puts(&root, "");
	for (p = path; *p != '\0'; p++)
		if (*p == '/')
			buf_puts(&root, "../");
	tval_set_str(a, d, "lang", r->language);
	tval_set_str(a, d, "municipality", r->municipality);
	tval_set_str(a, d, "recipients", r->recipients);
	tval_set(a, d, "many_recipients", tval_bool(a, r->many_recipients));
	tval_set_str(a, d, "root", root.data);
	tval_set_str(a, d, "logo", r->logo);
	if (r->base_url != NULL)
		tval_set_str(a, d, "canonical", arena_printf(a, "%s%s",
		    r->base_url, path));
	if (r->base_url != NULL && r->nnotes > 0)	/* see html_feed */
		tval_set_str(a, d, "feed", arena_printf(a, "%sfeed.xml",
		    root.data));
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
	tval_set_str(a, v, "year", n->year);
	tval_set_str(a, v, "heading", n->heading);
	return v;
}

/* An initiative's page below the site: "indsatser/<id>/". */
static const char *
initiative_path(struct arena *a, const struct report_initiative *p)
{
	return arena_printf(a, "indsatser/%s/", p->id);
}

/* An initiative as a link from a page path away from the site's root. */
static struct tval *
initiative_data(struct arena *a, const struct report_initiative *p,
    const char *root)
{
	struct tval	*v = tval_map(a);

	tval_set_str(a, v, "id", p->id);
	tval_set_str(a, v, "name", p->name);
	tval_set_str(a, v, "href", arena_printf(a, "%s%s", root,
	    initiative_path(a, p)));
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
	return tmpl_render(a, l->file != NULL ? l->file(l->arg, name) : name,
	    src, len, data, l, out, d);
}

int
html_index(struct arena *a, struct diag *d, const struct report *r,
    const struct tmpl_loader *l, struct buf *out)
{
	struct tval	*data, *notes;
	size_t		 i;

	struct tval	*groups, *g, *pages;
	size_t		 j;

	data = page_data(a, r, "");
	notes = tval_list(a);
	for (i = 0; i < r->nnotes; i++)
		tval_push(a, notes, note_data(a, &r->notes[i]));
	tval_set(a, data, "notes", notes);
	/* By year, newest first; in a year, by recipient if several. */
	groups = tval_list(a);
	for (i = 0; i < r->ngroups; i++) {
		g = tval_map(a);
		tval_set_str(a, g, "year", r->groups[i].year);
		tval_set(a, g, "first", tval_bool(a, r->groups[i].first));
		tval_set_str(a, g, "to", r->groups[i].to);
		notes = tval_list(a);
		for (j = 0; j < r->groups[i].nnotes; j++)
			tval_push(a, notes, note_data(a,
			    r->groups[i].notes[j]));
		tval_set(a, g, "notes", notes);
		tval_push(a, groups, g);
	}
	tval_set(a, data, "groups", groups);
	pages = tval_list(a);
	for (i = 0; i < r->ninitiatives; i++)
		tval_push(a, pages, initiative_data(a, &r->initiatives[i], ""));
	tval_set(a, data, "initiatives", pages);
	tval_set(a, data, "has_initiatives", tval_bool(a,
	    r->ninitiatives > 0));
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

/*
 * The Atom feed of the notes ns (n of them, newest first) at the page
 * path below the site; of an initiative's notes when p is not NULL.
 */
static int
feed(struct arena *a, struct diag *d, const struct report *r,
    const struct report_note *const *ns, size_t n,
    const struct report_initiative *p, const char *path,
    const struct tmpl_loader *l, struct buf *out)
{
	struct tval	*data, *notes, *v;
	size_t		 i;

	if (r->base_url == NULL || n == 0)
		return 0;
	data = page_data(a, r, path);
	tval_set_str(a, data, "base_url", r->base_url);
	tval_set_str(a, data, "url", arena_printf(a, "%s%s", r->base_url,
	    path));
	if (p != NULL)
		tval_set(a, data, "initiative", initiative_data(a, p, ""));
	/* Newest first: the feed was last updated by the first note. */
	tval_set_str(a, data, "updated", atom_date(a, ns[0]->date_iso));
	notes = tval_list(a);
	for (i = 0; i < n; i++) {
		v = note_data(a, ns[i]);
		tval_set_str(a, v, "url", arena_printf(a, "%s%s/", r->base_url,
		    ns[i]->id));
		tval_set_str(a, v, "updated", atom_date(a, ns[i]->date_iso));
		tval_push(a, notes, v);
	}
	tval_set(a, data, "notes", notes);
	return render(a, d, "feed", data, l, out);
}

int
html_feed(struct arena *a, struct diag *d, const struct report *r,
    const struct tmpl_loader *l, struct buf *out)
{
	const struct report_note **ns;
	size_t		 i;

	ns = arena_calloc(a, r->nnotes + 1, sizeof(*ns));
	for (i = 0; i < r->nnotes; i++)
		ns[i] = &r->notes[i];
	return feed(a, d, r, ns, r->nnotes, NULL, "", l, out);
}

int
html_initiative_feed(struct arena *a, struct diag *d,
    const struct report *r, const struct report_initiative *p,
    const struct tmpl_loader *l, struct buf *out)
{
	return feed(a, d, r, p->notes, p->nnotes, p, initiative_path(a, p),
	    l, out);
}

int
html_initiative(struct arena *a, struct diag *d, const struct report *r,
    const struct report_initiative *p, const struct tmpl_loader *l,
    struct buf *out)
{
	struct tval	*data, *in, *list, *v;
	const char	*path = initiative_path(a, p);
	struct buf	 body;
	size_t		 i;

	data = page_data(a, r, path);
	in = initiative_data(a, p, "");
	tval_set_str(a, in, "as_of", p->as_of);
	list = tval_list(a);
	for (i = 0; i < p->nfacts; i++) {
		v = tval_map(a);
		tval_set_str(a, v, "label", p->facts[i].label);
		tval_set_str(a, v, "value", p->facts[i].value);
		tval_push(a, list, v);
	}
	tval_set(a, in, "facts", list);
	buf_init(&body, a);
	blocks(&body, p->timeline, 0);
	tval_set_str(a, in, "timeline", body.data);
	buf_init(&body, a);
	blocks(&body, p->figures, 0);
	tval_set_str(a, in, "figures", body.data);
	list = tval_list(a);
	for (i = 0; i < p->nnotes; i++) {
		v = note_data(a, p->notes[i]);
		tval_set_str(a, v, "href", arena_printf(a, "../../%s/",
		    p->notes[i]->id));
		tval_push(a, list, v);
	}
	tval_set(a, in, "notes", list);
	/* Its own feed, which the page names instead of the site's. */
	if (tval_get(data, "feed") != NULL) {
		tval_set_str(a, data, "feed", "feed.xml");
		tval_set_str(a, data, "feed_of", p->name);
	}
	tval_set(a, data, "initiative", in);
	return render(a, d, "initiative", data, l, out);
}

int
html_note(struct arena *a, struct diag *d, const struct report *r,
    const struct report_note *n, const char *pdf, long pdf_bytes,
    const struct tmpl_loader *l, struct buf *out)
{
	struct tval	*data, *note, *toc, *item;
	const struct block *s, *h;
	struct buf	 body;
	size_t		 i;

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
	if (n->follows != NULL) {
		item = note_data(a, n->follows);
		tval_set_str(a, item, "href", arena_printf(a, "../%s/",
		    n->follows->id));
		tval_set(a, note, "follows", item);
	}
	if (n->followed != NULL) {
		item = note_data(a, n->followed);
		tval_set_str(a, item, "href", arena_printf(a, "../%s/",
		    n->followed->id));
		tval_set(a, note, "followed", item);
	}
	toc = tval_list(a);
	for (i = 0; i < n->npages; i++)
		tval_push(a, toc, initiative_data(a, n->pages[i], "../"));
	tval_set(a, note, "pages", toc);
	tval_set(a, note, "series", tval_bool(a, n->follows != NULL ||
	    n->followed != NULL || n->npages > 0));
	tval_set(a, note, "has_toc", tval_bool(a, toc->nitems > 0));
	tval_set(a, data, "note", note);
	return render(a, d, "note", data, l, out);
}
