/*
 * pdf_tag.c: the PDF device's tagging (see pdf_dev.h), for PDF/UA: the
 * structure tree, built as the pages are drawn; marked content (an
 * element's MCID or an artifact) around every box; link annotations in
 * the tree; a Figure's /BBox; a table's rows in THead and TBody, each
 * with all its cells; the parent tree; the catalog's /MarkInfo, /Lang
 * and /ViewerPreferences.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "pdf_dev.h"
#include "typeset.h"

/*
 * A structure element as written.  Its libharu object is an empty
 * dictionary that gives it an object number; write_tag fills in the
 * entries from here when the file is written.  (A dictionary of
 * libharu's own costs over a kilobyte an element: a 200-page note has
 * ten thousand elements.)
 */
enum kid_kind {
	KID_MCID,	/* marked content on the element's page */
	KID_MCR,	/* marked content on another page */
	KID_ELEM,	/* a child element */
	KID_OBJR,	/* an annotation */
	KID__MAX
};

struct kid {
	enum kid_kind	 kind;
	int		 mcid;
	void		*obj;		/* the page, the child's tag, the annotation */
};

struct tag {
	HPDF_Dict	 d;
	struct pdfh_hook hook;		/* write_tag, for d */
	struct dev	*v;
	const struct selem *e;
	const char	*s;		/* its type: NULL for e's role's */
	HPDF_Dict	 parent;	/* the parent's dict, or the root */
	HPDF_Page	 pg;
	struct kid	*kids;
	unsigned	 nkids;
	unsigned	 cap;
	int		 has_bbox;	/* a Figure: what it draws covers */
	float		 bbox[4];	/* x1 y1 x2 y2 */
};

static const char *const role_tags[ROLE__MAX] = {
	"Document", "Sect", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L",
	"LI", "Lbl", "LBody", "BlockQuote", "Code", "Table", "Caption", "TR",
	"TH", "TD", "Figure", "Link"
};

/* The tree's arrays and its root, before the first page. */
int
pdf_tag_init(struct dev *v)
{
	const struct typeset *ts = v->ts;

	buf_init(&v->scratch, v->a);
	v->tags = arena_calloc(v->a, (size_t)ts->nelems + 1, sizeof(*v->tags));
	v->parents = arena_calloc(v->a, ts->npages + 1, sizeof(*v->parents));
	v->nparents = arena_calloc(v->a, ts->npages + 1, sizeof(*v->nparents));
	v->capparents = arena_calloc(v->a, ts->npages + 1,
	    sizeof(*v->capparents));
	return (v->root = pdfh_indirect_dict(v->pdf)) == NULL ? -1 : 0;
}

static void
add_kid(struct dev *v, struct tag *t, enum kid_kind kind, int mcid,
    void *obj)
{
	/* Most elements have one or two kids: start small. */
	if (t->nkids == t->cap) {
		t->kids = arena_grow(v->a, t->kids, t->nkids * sizeof(*t->kids),
		    (t->cap ? t->cap * 2 : 2) * sizeof(*t->kids));
		t->cap = t->cap ? t->cap * 2 : 2;
	}
	t->kids[t->nkids].kind = kind;
	t->kids[t->nkids].mcid = mcid;
	t->kids[t->nkids].obj = obj;
	t->nkids++;
}

/* A reference "N 0 R" to obj, after a space. */
static void
ref(struct buf *b, const void *obj)
{
	buf_putc(b, ' ');
	pdf_num(b, (double)pdfh_objnum(obj));
	buf_puts(b, " 0 R");
}

/* A text string in hex, UTF-16BE with a byte order mark. */
static void
hex_text(struct buf *b, const char *text)
{
	static const char hexd[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)text;
	unsigned long	 cp;
	size_t		 len = strlen(text), i = 0;
	char		 hex[4];

	buf_puts(b, "<FEFF");
	while (i < len) {
		cp = pdf_next_cp(p, len, &i);
		hex[0] = hexd[(cp >> 12) & 15];
		hex[1] = hexd[(cp >> 8) & 15];
		hex[2] = hexd[(cp >> 4) & 15];
		hex[3] = hexd[cp & 15];
		buf_put(b, hex, 4);
	}
	buf_putc(b, '>');
}

/*
 * The element's entries, inside its "<< >>" (a pdfh_hook), made in
 * the device's scratch buffer and written at once.
 */
static int
write_tag(void *arg, void *out)
{
	const struct tag *t = arg;
	const struct kid *k;
	struct buf	*b = &t->v->scratch;
	char		 line[128];
	unsigned	 i;

	buf_truncate(b, 0);
	buf_puts(b, "/S /");
	buf_puts(b, t->s != NULL ? t->s : role_tags[t->e->role]);
	buf_puts(b, " /P");
	ref(b, t->parent);
	if (t->pg != NULL) {
		buf_puts(b, " /Pg");
		ref(b, t->pg);
	}
	if (t->s == NULL && t->e->role == ROLE_FIGURE && t->e->alt != NULL) {
		buf_puts(b, " /Alt ");
		hex_text(b, t->e->alt);
	}
	if (t->has_bbox) {
		/* Placed, for readers that show or read it by its place. */
		snprintf(line, sizeof(line), " /A <</O /Layout /BBox [%.2f %.2f "
		    "%.2f %.2f]>>", (double)t->bbox[0], (double)t->bbox[1],
		    (double)t->bbox[2], (double)t->bbox[3]);
		buf_puts(b, line);
	}
	if (t->s == NULL && t->e->role == ROLE_TH)
		buf_puts(b, t->e->scope_row ? " /A <</O /Table /Scope /Row>>" :
		    " /A <</O /Table /Scope /Column>>");
	buf_puts(b, "\012/K [");
	for (i = 0; i < t->nkids; i++) {
		k = &t->kids[i];
		switch (k->kind) {
		case KID_MCID:
			buf_putc(b, ' ');
			pdf_num(b, k->mcid);
			break;
		case KID_MCR:
			buf_puts(b, " <</Type /MCR /Pg");
			ref(b, k->obj);
			buf_puts(b, " /MCID ");
			pdf_num(b, k->mcid);
			buf_puts(b, ">>");
			break;
		case KID_ELEM:
			ref(b, ((const struct tag *)k->obj)->d);
			break;
		default:
			buf_puts(b, " <</Type /OBJR /Obj");
			ref(b, k->obj);
			buf_puts(b, " /Pg");
			ref(b, t->pg);
			buf_puts(b, ">>");
			break;
		}
	}
	buf_puts(b, "]\012");
	return pdfh_write(out, b->data, b->len);
}

/*
 * The element's tag, made when its first content is drawn, and with it
 * its ancestors': each joins its parent's kids then, so /K lists
 * content and children in reading order.  Depth is the typesetter's
 * tree depth, which the narrative stage bounds.
 */
static struct tag *
tag_of(struct dev *v, const struct selem *e)
{
	struct tag	*t = &v->tags[e->id], *pt;

	if (t->d != NULL)
		return t;
	if ((t->d = pdfh_indirect_dict(v->pdf)) == NULL)
		return NULL;
	t->e = e;
	t->v = v;
	t->hook.fn = write_tag;
	t->hook.arg = t;
	pdfh_set_hook(t->d, &t->hook);
	if (e->parent == NULL) {
		t->parent = v->root;
		pdfh_put(v->root, "K", t->d);
	} else if ((pt = tag_of(v, e->parent)) != NULL) {
		t->parent = pt->d;
		add_kid(v, pt, KID_ELEM, 0, t);
	}
	return t;
}

/* Append t to a growing array of tags in the arena. */
static void
push_tag(struct dev *v, struct tag ***a, size_t *n, size_t *cap,
    struct tag *t)
{
	if (*n == *cap) {
		*a = arena_grow(v->a, *a, *n * sizeof(**a),
		    (*cap ? *cap * 2 : 16) * sizeof(**a));
		*cap = *cap ? *cap * 2 : 16;
	}
	(*a)[(*n)++] = t;
}

void
pdf_end_mc(struct dev *v)
{
	if (v->mc != 0) {
		pdf_end_text(v);
		buf_puts(&v->ops, "EMC\n");
		v->mc = 0;
		v->mc_elem = NULL;
	}
}

/*
 * Open the marked content a box belongs in: its element's, with a new
 * MCID that the element's kids and the page's parent tree entry record;
 * or an artifact's.  Consecutive boxes of one element share it.
 */
void
pdf_begin_mc(struct dev *v, const struct box *b)
{
	struct tag	*t;
	int		 want = b->elem != NULL ? MC_ELEM : MC_ARTIFACT;

	if (v->mc == want && v->mc_elem == b->elem)
		return;
	pdf_end_mc(v);
	pdf_end_text(v);
	if (b->elem == NULL) {
		buf_puts(&v->ops, "/Artifact BMC\n");
		v->mc = MC_ARTIFACT;
		return;
	}
	if ((t = tag_of(v, b->elem)) == NULL)
		return;
	buf_putc(&v->ops, '/');
	buf_puts(&v->ops, role_tags[b->elem->role]);
	buf_puts(&v->ops, " <</MCID ");
	pdf_num(&v->ops, v->mcid);
	buf_puts(&v->ops, ">> BDC\n");
	push_tag(v, &v->parents[v->pageno], &v->nparents[v->pageno],
	    &v->capparents[v->pageno], t);
	if (t->pg == NULL)
		t->pg = v->page;
	if (t->pg == v->page)
		add_kid(v, t, KID_MCID, v->mcid, NULL);
	else	/* content on another page than the element's /Pg */
		add_kid(v, t, KID_MCR, v->mcid, v->page);
	v->mcid++;
	v->mc = MC_ELEM;
	v->mc_elem = b->elem;
}

/* A link annotation in the tree: /StructParent, /Contents, an OBJR. */
void
pdf_tag_annot(struct dev *v, HPDF_Annotation an, const struct box *b)
{
	struct tag	*t;
	int		 key;

	if (b->elem == NULL || (t = tag_of(v, b->elem)) == NULL)
		return;
	if (t->pg == NULL)
		t->pg = v->page;
	key = (int)(v->ts->npages + v->nannots);
	pdfh_put_int(an, "StructParent", key);
	push_tag(v, &v->annot_elems, &v->nannots, &v->capannots, t);
	pdf_set_text(v, an, "Contents", b->elem->alt != NULL &&
	    *b->elem->alt != '\0' ? b->elem->alt : b->target);
	/* Printable, as PDF/A wants every annotation. */
	pdfh_put_int(an, "F", 4);
	add_kid(v, t, KID_OBJR, 0, an);
}

/* Kids that are elements, in the order the typesetter made them. */
static int
by_creation(const void *a, const void *b)
{
	const struct kid *x = a, *y = b;
	int	 i = ((const struct tag *)x->obj)->e->id;
	int	 j = ((const struct tag *)y->obj)->e->id;

	return (i > j) - (i < j);
}

/*
 * A row has all its cells in the tree, an empty one too (a TD with no
 * content, which no box made), so that every row has as many cells as
 * the header row (veraPDF's PDF/UA-1 rules 7.2-42 and 43).
 */
static void
complete_row(struct dev *v, struct tag *t)
{
	const struct selem *c;
	unsigned	 i;

	for (c = t->e->child; c != NULL; c = c->next)
		if (v->tags[c->id].d == NULL)
			tag_of(v, c);
	for (i = 0; i < t->nkids; i++)
		if (t->kids[i].kind != KID_ELEM)
			return;
	qsort(t->kids, t->nkids, sizeof(*t->kids), by_creation);
}

/* A row of column headers only: the table's head. */
static int
is_head_row(const struct selem *tr)
{
	const struct selem *c;

	for (c = tr->child; c != NULL; c = c->next)
		if (c->role != ROLE_TH || c->scope_row)
			return 0;
	return tr->child != NULL;
}

/* A THead or TBody of table t, joining its kids. */
static struct tag *
row_group(struct dev *v, struct tag *t, const char *type)
{
	struct tag	*g = arena_calloc(v->a, 1, sizeof(*g));

	if ((g->d = pdfh_indirect_dict(v->pdf)) == NULL)
		return NULL;
	g->e = t->e;
	g->v = v;
	g->s = type;
	g->parent = t->d;
	g->hook.fn = write_tag;
	g->hook.arg = g;
	pdfh_set_hook(g->d, &g->hook);
	add_kid(v, t, KID_ELEM, 0, g);
	return g;
}

/*
 * A table's rows, grouped: the header rows before the first other in
 * THead, the rest in TBody (pdf.js takes a TH for a row header only in
 * TBody), each complete.
 */
static int
group_rows(struct dev *v, struct tag *t)
{
	struct kid	*old = t->kids;
	struct tag	*head = NULL, *body = NULL, *r, **g;
	unsigned	 n = t->nkids, i;

	t->kids = NULL;
	t->nkids = t->cap = 0;
	for (i = 0; i < n; i++) {
		r = old[i].kind == KID_ELEM ? old[i].obj : NULL;
		if (r == NULL || r->e->role != ROLE_TR) {
			add_kid(v, t, old[i].kind, old[i].mcid, old[i].obj);
			continue;
		}
		complete_row(v, r);
		g = body == NULL && is_head_row(r->e) ? &head : &body;
		if (*g == NULL && (*g = row_group(v, t, g == &head ? "THead" :
		    "TBody")) == NULL)
			return -1;
		add_kid(v, *g, KID_ELEM, 0, r);
		r->parent = (*g)->d;
	}
	return 0;
}

/* The parent tree's /Nums, written from our arrays. */
static int
write_parent_tree(void *arg, void *out)
{
	struct dev	*v = arg;
	struct buf	*b = &v->scratch;
	size_t		 i, j;

	buf_truncate(b, 0);
	buf_puts(b, "/Nums [");
	for (i = 0; i < v->ts->npages; i++) {
		buf_puts(b, "\012");
		pdf_num(b, (double)i);
		buf_puts(b, " [");
		for (j = 0; j < v->nparents[i]; j++)
			ref(b, v->parents[i][j]->d);
		buf_puts(b, "]");
	}
	for (i = 0; i < v->nannots; i++) {
		buf_puts(b, "\012");
		pdf_num(b, (double)(v->ts->npages + i));
		ref(b, v->annot_elems[i]->d);
	}
	buf_puts(b, "]\012");
	return pdfh_write(out, b->data, b->len);
}

/* The root and its parent tree, once every page is drawn. */
int
pdf_finish_tree(struct dev *v)
{
	HPDF_Dict	 pt, mark, prefs;
	size_t		 i;
	int		 rc = 0;

	for (i = 0; i < (size_t)v->ts->nelems; i++)
		if (v->tags[i].d != NULL && v->tags[i].e->role == ROLE_TABLE &&
		    group_rows(v, &v->tags[i]) == -1)
			return -1;
	if ((pt = pdfh_indirect_dict(v->pdf)) == NULL ||
	    (mark = pdfh_dict(v->pdf)) == NULL ||
	    (prefs = pdfh_dict(v->pdf)) == NULL)
		return -1;
	v->parent_tree.fn = write_parent_tree;
	v->parent_tree.arg = v;
	pdfh_set_hook(pt, &v->parent_tree);
	rc |= pdfh_put_name(v->root, "Type", "StructTreeRoot");
	rc |= pdfh_put(v->root, "ParentTree", pt);
	rc |= pdfh_put_int(v->root, "ParentTreeNextKey",
	    (long)(v->ts->npages + v->nannots));
	rc |= pdfh_put(pdfh_catalog(v->pdf), "StructTreeRoot", v->root);
	rc |= pdfh_put_bool(mark, "Marked", 1);
	rc |= pdfh_put(pdfh_catalog(v->pdf), "MarkInfo", mark);
	rc |= pdfh_put_string(v->pdf, pdfh_catalog(v->pdf), "Lang",
	    v->ts->language != NULL ? v->ts->language : "da-DK");
	rc |= pdfh_put_bool(prefs, "DisplayDocTitle", 1);
	rc |= pdfh_put(pdfh_catalog(v->pdf), "ViewerPreferences", prefs);
	return rc == 0 ? 0 : -1;
}

/* A Figure's /BBox: what its charts and images cover. */
void
pdf_figure_box(struct dev *v, const struct box *b)
{
	struct tag	*t = tag_of(v, b->elem);
	float		 r[4];
	int		 i;

	if (t == NULL)
		return;
	r[0] = b->x;
	r[1] = b->y;
	r[2] = b->x + b->w;
	r[3] = b->y + b->h;
	for (i = 0; i < 4; i++)
		if (!t->has_bbox || (i < 2 ? r[i] < t->bbox[i] :
		    r[i] > t->bbox[i]))
			t->bbox[i] = r[i];
	t->has_bbox = 1;
}
