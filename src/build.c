/*
 * build.c: writing the site.  Everything goes into <outdir>.new-XXXXXX
 * beside outdir; only when all is written does it replace outdir (the
 * old one is renamed away, then removed).  See build.h.  The fonts and
 * the hyphenation patterns are opened once here for every note; each
 * HarfBuzz face and the HyphenDict belong to this file and are closed
 * before it returns.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "build.h"
#include "diag.h"
#include "fsutil.h"
#include "font.h"
#include "html.h"
#include "hyph.h"
#include "pdf.h"
#include "report.h"
#include "style.h"
#include "tmpl.h"
#include "typeset.h"

#define MAX_TEMPLATE	(256 * 1024)
#define MAX_TEMPLATES	32

/* Templates read from disk once each, for the loader. */
struct tcache {
	struct arena	*a;
	struct diag	*d;
	const char	*dir;
	const char	*names[MAX_TEMPLATES];
	const char	*texts[MAX_TEMPLATES];
	size_t		 lens[MAX_TEMPLATES];
	size_t		 n;
};

static const char *
load_template(void *arg, const char *name, size_t *len)
{
	struct tcache	*c = arg;
	char		*path;
	const char	*t;
	size_t		 i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->names[i], name) == 0) {
			*len = c->lens[i];
			return c->texts[i];
		}
	/* A partial name cannot reach outside the templates folder. */
	if (!fs_is_plain_name(name) || c->n == MAX_TEMPLATES)
		return NULL;
	path = arena_printf(c->a, "%s/%s.mustache", c->dir, name);
	if (access(path, F_OK) == -1)
		return NULL;
	if ((t = fs_read(c->a, c->d, path, MAX_TEMPLATE, len, 0)) == NULL)
		return NULL;
	c->names[c->n] = arena_strdup(c->a, name);
	c->texts[c->n] = t;
	c->lens[c->n++] = *len;
	return t;
}

static int
copy_file(struct arena *a, struct diag *d, const char *from, const char *to)
{
	const char	*s;
	size_t		 len;

	if ((s = fs_read(a, d, from, 64 * 1024 * 1024, &len, 0)) == NULL)
		return -1;
	return fs_write(d, to, s, len);
}

/*
 * One image, to the same place under dir as under the note's folder
 * (narrative.c has checked its name: it stays in the folder and clashes
 * with nothing the build writes), making its sub-folders.
 */
static int
copy_image(struct arena *a, struct diag *d, const struct inline_ *in,
    const char *dir)
{
	char		*to, *slash;

	to = arena_printf(a, "%s/%s", dir, in->url);
	if ((slash = strrchr(to, '/')) > to + strlen(dir)) {
		*slash = '\0';
		if (fs_mkdirs(d, to) == -1)
			return -1;
		*slash = '/';
	}
	return copy_file(a, d, in->path, to);
}

/* Copy the images a note's text shows into its folder. */
static int
copy_images(struct arena *a, struct diag *d, const struct report_note *n,
    const struct block *b, const char *dir)
{
	const struct inline_ *stack[64];
	const struct inline_ *in;
	int		 sp, rc = 0;

	for (; b != NULL; b = b->next) {
		sp = 0;
		if (b->inl != NULL)
			stack[sp++] = b->inl;
		while (sp > 0) {
			in = stack[--sp];
			for (; in != NULL; in = in->next) {
				if (in->type == INL_IMAGE && in->path != NULL &&
				    copy_image(a, d, in, dir) == -1)
					rc = -1;
				if (in->child != NULL && sp < 64)
					stack[sp++] = in->child;
			}
		}
		if (copy_images(a, d, n, b->child, dir) == -1)
			rc = -1;
	}
	return rc;
}

/* The note's PDF, as <id>/<id>.pdf; sets *size to its bytes. */
static int
write_pdf(struct arena *a, struct diag *d, const struct report *r,
    const struct report_note *n, const struct style *s,
    struct font *const *fonts, const struct hyph *h, const char *path,
    long *size)
{
	struct typeset	 ts;
	struct pdf_opts	 o;
	struct stat	 st;
	int		 i, rc;

	for (i = 0; i < FACE__MAX; i++)
		font_clear_use(fonts[i]);
	memset(&o, 0, sizeof(o));
	o.archival = 1;
	o.icc_profile = s->icc_profile;
	if (typeset_note(a, d, r, n, s, fonts, h, &ts) == -1)
		return -1;
	rc = pdf_write(a, d, &ts, fonts, &o, path);
	typeset_free(&ts);
	if (rc == -1)
		return -1;
	if (stat(path, &st) == -1) {
		diag_msg(d, DIAG_SYSERR, path, 0, 0, "%s", strerror(errno));
		return -1;
	}
	*size = (long)st.st_size;
	return 0;
}

/*
 * One note's folder: its PDF, its page and its images.  What is made
 * for them (the typeset pages, the HTML) is needed only until written:
 * it lives in arenas of the note's own, so a build holds one note's
 * output at a time, and the pages are gone before the HTML is made.
 */
static int
write_note(struct diag *d, const struct report *r,
    const struct report_note *n, const struct tmpl_loader *l,
    const struct style *s, struct font *const *fonts, const struct hyph *h,
    const char *tmp)
{
	struct arena	 na, pa;
	struct buf	 out;
	const char	*dir, *pdf;
	long		 size;
	int		 rc = -1, pdf_rc;

	arena_init(&na);
	dir = arena_printf(&na, "%s/%s", tmp, n->id);
	pdf = arena_printf(&na, "%s.pdf", n->id);
	buf_init(&out, &na);
	if (fs_mkdirs(d, dir) == -1)
		goto out;
	/* The typeset pages go as soon as the PDF is written. */
	arena_init(&pa);
	pdf_rc = write_pdf(&pa, d, r, n, s, fonts, h,
	    arena_printf(&na, "%s/%s", dir, pdf), &size);
	arena_fini(&pa);
	if (pdf_rc == -1 ||
	    html_note(&na, d, r, n, pdf, size, l, &out) == -1 ||
	    fs_write(d, arena_printf(&na, "%s/index.html", dir), out.data,
	    out.len) == -1 ||
	    copy_images(&na, d, n, n->body, dir) == -1)
		goto out;
	rc = 0;
out:
	arena_fini(&na);
	return rc;
}

static int
write_all(struct arena *a, struct diag *d, const struct report *r,
    struct tcache *tc, const struct style *s, struct font *const *fonts,
    const struct hyph *h, const char *tmp)
{
	struct tmpl_loader l;
	struct buf	 out;
	size_t		 i;

	l.load = load_template;
	l.arg = tc;
	/* The repository keeps output/ with an empty .gitkeep in it. */
	if (fs_write(d, arena_printf(a, "%s/.gitkeep", tmp), "", 0) == -1)
		return -1;
	if (copy_file(a, d, arena_printf(a, "%s/style.css", tc->dir),
	    arena_printf(a, "%s/style.css", tmp)) == -1)
		return -1;
	if (r->logo != NULL && copy_file(a, d, r->logo_path,
	    arena_printf(a, "%s/%s", tmp, r->logo)) == -1)
		return -1;
	buf_init(&out, a);
	if (html_index(a, d, r, &l, &out) == -1 ||
	    fs_write(d, arena_printf(a, "%s/index.html", tmp), out.data,
	    out.len) == -1)
		return -1;
	buf_truncate(&out, 0);
	if (html_feed(a, d, r, &l, &out) == -1 || (out.len > 0 &&
	    fs_write(d, arena_printf(a, "%s/feed.xml", tmp), out.data,
	    out.len) == -1))
		return -1;
	for (i = 0; i < r->nnotes; i++)
		if (write_note(d, r, &r->notes[i], &l, s, fonts, h, tmp) == -1)
			return -1;
	return 0;
}

int
build_site(struct arena *a, struct diag *d, const struct report *r,
    const char *tmpldir, const struct style *s, const char *outdir)
{
	struct tcache	 tc;
	struct font	*fonts[FACE__MAX];
	struct hyph	*h = NULL;
	char		*tmp, *old;
	mode_t		 mask;
	int		 rc = -1, had_old, i;

	memset(&tc, 0, sizeof(tc));
	tc.a = a;
	tc.d = d;
	tc.dir = tmpldir;
	if (!fs_is_dir(tmpldir)) {
		diag_msg(d, DIAG_SYSERR, tmpldir, 0, 0,
		    "no such templates directory");
		return -1;
	}
	memset(fonts, 0, sizeof(fonts));
	for (i = 0; i < FACE__MAX; i++)
		if ((fonts[i] = font_open(d, s->fonts[i])) == NULL)
			goto fonts;
	if ((h = hyph_open(d)) == NULL)
		goto fonts;
	tmp = arena_printf(a, "%s.new-XXXXXX", outdir);
	if (mkdtemp(tmp) == NULL) {
		diag_msg(d, DIAG_SYSERR, outdir, 0, 0, "cannot create a "
		    "folder beside it: %s", strerror(errno));
		goto fonts;
	}
	/* mkdtemp makes it private; the site is for a web server. */
	mask = umask(0);
	umask(mask);
	if (chmod(tmp, 0777 & ~mask) == -1) {
		diag_msg(d, DIAG_SYSERR, tmp, 0, 0, "%s", strerror(errno));
		goto out;
	}
	if (write_all(a, d, r, &tc, s, fonts, h, tmp) == -1)
		goto out;
	old = arena_printf(a, "%s.old-%s", outdir, tmp + strlen(outdir) + 5);
	had_old = access(outdir, F_OK) == 0;
	if (had_old && rename(outdir, old) == -1) {
		diag_msg(d, DIAG_SYSERR, outdir, 0, 0, "cannot replace: %s",
		    strerror(errno));
		goto out;
	}
	if (rename(tmp, outdir) == -1) {
		diag_msg(d, DIAG_SYSERR, outdir, 0, 0, "cannot replace: %s",
		    strerror(errno));
		if (had_old)
			(void)rename(old, outdir);
		goto out;
	}
	if (had_old)
		(void)fs_remove_tree(d, old);
	rc = 0;
out:
	if (rc == -1)
		(void)fs_remove_tree(d, tmp);
fonts:
	hyph_close(h);
	for (i = 0; i < FACE__MAX; i++)
		if (fonts[i] != NULL)
			font_close(fonts[i]);
	return rc;
}
