/*
 * build.c: writing the site.  The output folder DIR/NAME may be replaced
 * only when statusnotat wrote it (it holds our marker, .statusnotat) or
 * when it is empty, and never when it is, holds or is inside the content
 * or the templates.  Under a lock beside it (DIR/.NAME.lock), everything
 * goes into DIR/.NAME.new-XXXXXX; only when all is written are the two
 * folders swapped in one step (renameat2's RENAME_EXCHANGE; two renames
 * where the file system cannot), and the old site is removed.  A symbolic
 * link as the output is followed: the site replaces the link's target.
 * What a killed build left beside the output is removed by the next.
 * See build.h.  The fonts and the hyphenation patterns are opened once
 * here for every note; each HarfBuzz face and the HyphenDict belong to
 * this file and are closed before it returns.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "build.h"
#include "diag.h"
#include "i18n.h"
#include "fsutil.h"
#include "font.h"
#include "html.h"
#include "marker.h"
#include "hyph.h"
#include "pdf.h"
#include "report.h"
#include "style.h"
#include "sysdep.h"
#include "tmpl.h"
#include "typeset.h"

#define MAX_TEMPLATE	(256 * 1024)
#define MAX_TEMPLATES	32

/* The output folder, as given and as found. */
struct outdir {
	const char	*shown;		/* as given, without trailing "/" */
	const char	*path;		/* what is replaced: shown, or the
					   target of a link */
	const char	*real;		/* path with no link, "." or ".." */
	const char	*prefix;	/* "" or the folder it is in, with "/" */
	const char	*name;		/* its last component */
	int		 link;		/* shown is a symbolic link */
	const struct lang *lang;	/* for "waiting" */
};

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

/* Where the template name is, for messages. */
static const char *
template_file(void *arg, const char *name)
{
	struct tcache	*c = arg;

	return arena_printf(c->a, "%s/%s.mustache", c->dir, name);
}

/*
 * The templates in dir, read as they are asked for through l: 0, or -1
 * after an error when there is no such folder.
 */
static int
templates_open(struct arena *a, struct diag *d, const char *dir,
    struct tcache *tc, struct tmpl_loader *l)
{
	if (!fs_is_dir(dir)) {
		diag_msg(d, DIAG_SYSERR, dir, 0, 0,
		    "no such templates directory");
		return -1;
	}
	memset(tc, 0, sizeof(*tc));
	tc->a = a;
	tc->d = d;
	tc->dir = dir;
	l->load = load_template;
	l->file = template_file;
	l->arg = tc;
	return 0;
}

/*
 * Copy a file: its bytes in a, the names in messages in names, which
 * must last as long as the messages.
 */
static int
copy_file(struct arena *a, struct arena *names, struct diag *d,
    const char *from, const char *to)
{
	const char	*s;
	size_t		 len;

	if ((s = fs_read(a, d, from, 64 * 1024 * 1024, &len, 0)) == NULL)
		return -1;
	return fs_write_as(d, to, fs_shown(names, to), s, len);
}

/*
 * One image, to the same place under dir as under the note's folder
 * (narrative.c has checked its name: it stays in the folder and clashes
 * with nothing the build writes), making its sub-folders.
 */
static int
copy_image(struct arena *a, struct arena *names, struct diag *d,
    const struct inline_ *in, const char *dir)
{
	char		*to, *slash;

	to = arena_printf(a, "%s/%s", dir, in->url);
	if ((slash = strrchr(to, '/')) > to + strlen(dir)) {
		*slash = '\0';
		if (fs_mkdirs_as(d, to, fs_shown(names, to)) == -1)
			return -1;
		*slash = '/';
	}
	return copy_file(a, names, d, in->path, to);
}

/* Copy the images a note's text shows into its folder. */
static int
copy_images(struct arena *a, struct arena *names, struct diag *d,
    const struct report_note *n, const struct block *b, const char *dir)
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
				    copy_image(a, names, d, in, dir) == -1)
					rc = -1;
				if (in->child != NULL && sp < 64)
					stack[sp++] = in->child;
			}
		}
		if (copy_images(a, names, d, n, b->child, dir) == -1)
			rc = -1;
	}
	return rc;
}

/*
 * Whether the PDF at path ends as a PDF does.  libharu does not check
 * the closing of its file, where a full disk may lose the last bytes.
 */
static int
pdf_complete(const char *path)
{
	FILE	*f;
	char	 tail[6];
	int	 ok;

	if ((f = fopen(path, "rb")) == NULL)
		return 0;
	ok = fseek(f, -6, SEEK_END) == 0 && fread(tail, 1, 6, f) == 6 &&
	    memcmp(tail, "%%EOF\n", 6) == 0;
	fclose(f);
	return ok;
}

/* The note's PDF, as <id>/<id>.pdf; sets *size to its bytes. */
static int
write_pdf(struct arena *a, struct diag *d, const struct report *r,
    const struct report_note *n, const struct style *s,
    struct font *const *fonts, const struct hyph *h, const char *path,
    const char *shown, long *size)
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
	o.shown = shown;
	if (typeset_note(a, d, r, n, s, fonts, h, &ts) == -1)
		return -1;
	rc = pdf_write(a, d, &ts, fonts, &o, path);
	typeset_free(&ts);
	if (rc == -1)
		return -1;
	if (stat(path, &st) == -1) {
		diag_msg(d, DIAG_SYSERR, shown, 0, 0, "%s", fs_why(d, errno));
		return -1;
	}
	if (!pdf_complete(path)) {
		diag_msg(d, DIAG_SYSERR, shown, 0, 0, "cannot write: the file "
		    "came out incomplete (is the disk full?)");
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
 * The names in messages live in a, for as long as the messages.
 */
static int
write_note(struct arena *a, struct diag *d, const struct report *r,
    const struct report_note *n, const struct tmpl_loader *l,
    const struct style *s, struct font *const *fonts, const struct hyph *h,
    const char *tmp)
{
	struct arena	 na, pa;
	struct buf	 out;
	const char	*dir, *pdf, *path;
	long		 size;
	size_t		 i;
	int		 rc = -1, pdf_rc;

	arena_init(&na);
	dir = arena_printf(&na, "%s/%s", tmp, n->id);
	pdf = arena_printf(&na, "%s.pdf", n->id);
	buf_init(&out, &na);
	if (fs_mkdirs_as(d, dir, fs_shown(a, dir)) == -1)
		goto out;
	/* The typeset pages go as soon as the PDF is written. */
	arena_init(&pa);
	path = arena_printf(a, "%s/%s", dir, pdf);
	pdf_rc = write_pdf(&pa, d, r, n, s, fonts, h, path,
	    fs_shown(a, path), &size);
	arena_fini(&pa);
	path = arena_printf(a, "%s/index.html", dir);
	if (pdf_rc == -1 ||
	    html_note(&na, d, r, n, pdf, size, l, &out) == -1 ||
	    fs_write_as(d, path, fs_shown(a, path), out.data, out.len) == -1 ||
	    copy_images(&na, a, d, n, n->body, dir) == -1)
		goto out;
	for (i = 0; i < n->nfiles; i++)
		if (copy_file(&na, a, d, n->files[i].path, arena_printf(a,
		    "%s/%s", dir, n->files[i].name)) == -1)
			goto out;
	rc = 0;
out:
	arena_fini(&na);
	return rc;
}

/* An initiative's page and its feed, in indsatser/<id>/. */
static int
write_initiative(struct arena *a, struct diag *d, const struct report *r,
    const struct report_initiative *p, const struct tmpl_loader *l,
    const char *tmp)
{
	struct arena	 na;
	struct buf	 out;
	const char	*dir, *path;
	int		 rc = -1;

	arena_init(&na);
	buf_init(&out, &na);
	dir = arena_printf(a, "%s/indsatser/%s", tmp, p->id);
	if (fs_mkdirs_as(d, dir, fs_shown(a, dir)) == -1)
		goto out;
	path = arena_printf(a, "%s/index.html", dir);
	if (html_initiative(&na, d, r, p, l, &out) == -1 ||
	    fs_write_as(d, path, fs_shown(a, path), out.data, out.len) == -1)
		goto out;
	buf_truncate(&out, 0);
	path = arena_printf(a, "%s/feed.xml", dir);
	if (html_initiative_feed(&na, d, r, p, l, &out) == -1 ||
	    (out.len > 0 && fs_write_as(d, path, fs_shown(a, path), out.data,
	    out.len) == -1))
		goto out;
	rc = 0;
out:
	arena_fini(&na);
	return rc;
}

/* Write s as the file name in the staging folder tmp. */
static int
put(struct arena *a, struct diag *d, const char *tmp, const char *name,
    const char *s, size_t len)
{
	const char	*path = arena_printf(a, "%s/%s", tmp, name);

	return fs_write_as(d, path, fs_shown(a, path), s, len);
}

static int
write_all(struct arena *a, struct diag *d, const struct report *r,
    const struct tmpl_loader *l, const struct style *s,
    struct font *const *fonts, const struct hyph *h, const char *tmp)
{
	const struct tcache *tc = l->arg;
	struct buf	 out;
	size_t		 i;

	/*
	 * The marker first, so that even a build killed now leaves a
	 * folder that is provably ours.  The repository keeps output/
	 * with an empty .gitkeep in it.
	 */
	if (marker_begin(a, d, tmp, fs_shown(a, tmp)) == -1 ||
	    put(a, d, tmp, ".gitkeep", "", 0) == -1)
		return -1;
	if (copy_file(a, a, d, arena_printf(a, "%s/style.css", tc->dir),
	    arena_printf(a, "%s/style.css", tmp)) == -1)
		return -1;
	if (r->logo != NULL && copy_file(a, a, d, r->logo_path,
	    arena_printf(a, "%s/%s", tmp, r->logo)) == -1)
		return -1;
	buf_init(&out, a);
	if (html_index(a, d, r, l, &out) == -1 ||
	    put(a, d, tmp, "index.html", out.data, out.len) == -1)
		return -1;
	buf_truncate(&out, 0);
	if (html_feed(a, d, r, l, &out) == -1 || (out.len > 0 &&
	    put(a, d, tmp, "feed.xml", out.data, out.len) == -1))
		return -1;
	for (i = 0; i < r->nnotes; i++)
		if (write_note(a, d, r, &r->notes[i], l, s, fonts, h,
		    tmp) == -1)
			return -1;
	for (i = 0; i < r->ninitiatives; i++)
		if (write_initiative(a, d, r, &r->initiatives[i], l,
		    tmp) == -1)
			return -1;
	/* Last, the list of all that is in it. */
	return marker_end(a, d, tmp, fs_shown(a, tmp));
}

/* The real path of p, in the arena, or NULL with errno. */
static const char *
real_path(struct arena *a, const char *p)
{
	char		*r;
	const char	*s;

	if ((r = sys_realpath(p)) == NULL)
		return NULL;
	s = arena_strdup(a, r);
	free(r);
	return s;
}

/* 1 when the real path outer is inner or a folder above it. */
static int
holds(const char *outer, const char *inner)
{
	size_t	 n = strlen(outer);

	if (strcmp(outer, "/") == 0)
		return 1;
	return strncmp(outer, inner, n) == 0 &&
	    (inner[n] == '\0' || inner[n] == '/');
}

/*
 * Find the output folder: d->shown as given, without trailing slashes;
 * a symbolic link is followed to its target.  Reports what is not a
 * folder (or cannot be made one) and returns -1.
 */
static int
find_out(struct arena *a, struct diag *d, const char *given,
    struct outdir *o)
{
	struct stat	 st;
	const char	*p, *parent, *s;
	size_t		 n = strlen(given);

	memset(o, 0, sizeof(*o));
	while (n > 1 && given[n - 1] == '/')
		n--;
	o->shown = s = arena_strndup(a, given, n);
	o->path = o->shown;
	if (lstat(s, &st) == 0) {
		o->link = S_ISLNK(st.st_mode);
		if ((o->real = real_path(a, s)) == NULL) {
			if (o->link)
				diag_msg(d, DIAG_SYSERR, s, 0, 0, "is a symbolic "
				    "link to a folder that does not exist: "
				    "create that folder, or remove the link");
			else
				diag_msg(d, DIAG_SYSERR, s, 0, 0, "cannot be "
				    "read: %s", fs_why(d, errno));
			return -1;
		}
		if (stat(o->real, &st) == -1 || !S_ISDIR(st.st_mode)) {
			diag_msg(d, DIAG_SYSERR, s, 0, 0, "is %s, not a "
			    "folder: give -o the name of a folder (it is "
			    "created if it does not exist)", o->link ?
			    tr(d->lang, "a symbolic link to a file") :
			    tr(d->lang, "a file"));
			return -1;
		}
	} else if (errno != ENOENT) {
		diag_msg(d, DIAG_SYSERR, s, 0, 0, "cannot be read: %s",
		    fs_why(d, errno));
		return -1;
	} else {
		/* A new folder: the one it goes in must be there. */
		p = strrchr(s, '/');
		parent = p == NULL ? "." : p == s ? "/" :
		    arena_strndup(a, s, (size_t)(p - s));
		if ((parent = real_path(a, parent)) == NULL) {
			diag_msg(d, DIAG_SYSERR, s, 0, 0, "cannot be made: "
			    "the folder it would be in does not exist");
			return -1;
		}
		o->real = arena_printf(a, "%s%s%s", parent,
		    strcmp(parent, "/") == 0 ? "" : "/",
		    p == NULL ? s : p + 1);
	}
	/*
	 * Beside a link's target, or a name such as "." or "..", the
	 * real path is used; else the name given, for readable messages.
	 */
	p = strrchr(s, '/');
	o->name = p == NULL ? s : p + 1;
	if (o->link || strcmp(o->name, ".") == 0 ||
	    strcmp(o->name, "..") == 0) {
		o->path = o->real;
		p = strrchr(o->real, '/');
		o->name = p + 1;
		s = o->real;
	}
	o->prefix = p == NULL ? "" : arena_strndup(a, s, (size_t)(p - s) + 1);
	return 0;
}

/*
 * Refuse an output that is or holds the folder dir (if there is one),
 * or with in, that is inside it.
 */
static int
check_apart(struct arena *a, struct diag *d, const struct outdir *o,
    const char *dir, const char *what, int in)
{
	const char	*r;

	what = tr(d->lang, what);
	if (dir == NULL || (r = real_path(a, dir)) == NULL)
		return 0;
	if (strcmp(r, o->real) == 0)
		diag_msg(d, DIAG_SYSERR, o->shown, 0, 0, "is the %s: "
		    "building into it would delete it, so nothing was "
		    "changed; give -o a folder of its own, such as output",
		    what);
	else if (holds(o->real, r))
		diag_msg(d, DIAG_SYSERR, o->shown, 0, 0, "holds the %s "
		    "(%s): building into it would delete it, so nothing was "
		    "changed; give -o a folder of its own, such as output",
		    what, dir);
	else if (in && holds(r, o->real))
		diag_msg(d, DIAG_SYSERR, o->shown, 0, 0, "is inside the %s "
		    "(%s): the site must not be mixed into it, so nothing "
		    "was changed; give -o a folder of its own, such as "
		    "output", what, dir);
	else
		return 0;
	return -1;
}

/*
 * Whether the build may replace o: not the content, the templates or
 * the folder we are in, nor what holds them; and when it is there,
 * ours or empty.  Touches nothing.
 */
static int
check_out(struct arena *a, struct diag *d, const struct outdir *o,
    const char *cdir, const char *tdir)
{
	struct stat	 st;
	const char	*foreign;

	if (check_apart(a, d, o, cdir, "content folder", 1) == -1 ||
	    check_apart(a, d, o, tdir, "templates folder", 1) == -1 ||
	    check_apart(a, d, o, ".", "folder you are in", 0) == -1)
		return -1;
	if (lstat(o->path, &st) == -1)
		return 0;
	switch (marker_judge(a, o->path, 0, &foreign)) {
	case MARKER_OURS:
		return 0;
	case MARKER_NONE:
		diag_msg(d, DIAG_SYSERR, o->shown, 0, 0, "is not empty and "
		    "was not written by statusnotat: building would delete "
		    "what is in it, so nothing was changed; give -o a new or "
		    "empty folder, or one statusnotat built before");
		return -1;
	case MARKER_FOREIGN:
		diag_msg(d, DIAG_SYSERR, o->shown, 0, 0, "holds %s/%s, which "
		    "statusnotat did not write: building would delete it, so "
		    "nothing was changed; move it out of the folder (the "
		    "build replaces all of it), or give -o another folder",
		    o->shown, foreign);
		return -1;
	case MARKER_UNLISTED:
		diag_msg(d, DIAG_SYSERR, o->shown, 0, 0, "was written by an "
		    "older statusnotat, which did not list the files it "
		    "wrote, so nothing was changed: empty the folder once "
		    "(move out anything you put there yourself), then build "
		    "again");
		return -1;
	default:
		diag_msg(d, DIAG_SYSERR, o->shown, 0, 0, "cannot be read: %s",
		    fs_why(d, errno));
		return -1;
	}
}

int
build_check_output(struct arena *a, struct diag *d, const char *outdir,
    const char *cdir, const char *tdir)
{
	struct outdir	 o;

	if (find_out(a, d, outdir, &o) == -1)
		return -1;
	return check_out(a, d, &o, cdir, tdir);
}

/* The name beside o: DIR/.NAME<suffix> */
static char *
beside(struct arena *a, const struct outdir *o, const char *suffix)
{
	return arena_printf(a, "%s.%s%s", o->prefix, o->name, suffix);
}

static void
waiting(void *arg)
{
	const struct outdir *o = arg;

	fputs("statusnotat: ", stderr);
	fprintf(stderr, tr(o->lang, "waiting for another build into %s to "
	    "finish"), o->shown);
	fputs("\n", stderr);
}

/* Remove a tree of ours; say what could not be removed, and where. */
static int
remove_ours(struct arena *a, struct diag *d, const struct outdir *o,
    const char *path, const char *what)
{
	const char	*stuck;
	int		 err;

	if (marker_remove(a, path, &stuck, &err) == 0)
		return 0;
	diag_msg(d, DIAG_SYSERR, o->shown, 0, 0, "%s, %s, could not be "
	    "removed: %s: %s; remove that folder yourself", tr(d->lang, what),
	    path, stuck, fs_why(d, err));
	return -1;
}

/*
 * Remove what builds into o that were killed left beside it: folders
 * named like our staging and old folders, holding our marker or nothing.
 * Under the lock, no live build is using them.
 */
static void
remove_stale(struct arena *a, struct diag *d, const struct outdir *o)
{
	DIR		*dp;
	struct dirent	*de;
	struct stat	 st;
	const char	*head = beside(a, o, "") + strlen(o->prefix), *path;
	const char	*foreign;
	size_t		 n = strlen(head);

	if ((dp = opendir(*o->prefix != '\0' ? o->prefix : ".")) == NULL)
		return;
	while ((de = readdir(dp)) != NULL) {
		if (strlen(de->d_name) != n + 11 ||
		    strncmp(de->d_name, head, n) != 0 ||
		    (strncmp(de->d_name + n, ".new-", 5) != 0 &&
		    strncmp(de->d_name + n, ".old-", 5) != 0))
			continue;
		path = arena_printf(a, "%s%s", o->prefix, de->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode) &&
		    marker_judge(a, path, 1, &foreign) == MARKER_OURS)
			(void)remove_ours(a, d, o, path, "a folder an earlier "
			    "build left");
	}
	closedir(dp);
}

/*
 * Put the site in tmp in place of o: in one step where the system can,
 * else by two renames, putting the old site back if the second fails.
 * Sets *old to where the old site now is (NULL: there was none).
 */
static int
swap_in(struct arena *a, struct diag *d, const struct outdir *o,
    const char *tmp, const char **old)
{
	struct stat	 st;
	const char	*aside;
	int		 err;

	*old = NULL;
	if (lstat(o->path, &st) == -1) {
		if (rename(tmp, o->path) == 0)
			return 0;
		err = errno;
		goto fail;
	}
	/* The old site is set aside as .NAME.old-XXXXXX, tmp's XXXXXX. */
	aside = beside(a, o, arena_printf(a, ".old-%s",
	    tmp + strlen(tmp) - 6));
	if (sys_exchange(tmp, o->path) == 0) {
		*old = rename(tmp, aside) == 0 ? aside : tmp;
		return 0;
	}
	err = errno;
	if (err != EINVAL && err != ENOSYS && err != EOPNOTSUPP)
		goto fail;
	if (rename(o->path, aside) == -1) {
		err = errno;
		goto fail;
	}
	if (rename(tmp, o->path) == -1) {
		err = errno;
		if (rename(aside, o->path) == -1)
			diag_msg(d, DIAG_SYSERR, o->shown, 0, 0, "the old site "
			    "is now in %s: %s; rename it back to %s", aside,
			    fs_why(d, errno), o->path);
		goto fail;
	}
	*old = aside;
	return 0;
fail:
	diag_msg(d, DIAG_SYSERR, o->shown, 0, 0, "cannot put the new site in "
	    "place: %s", fs_why(d, err));
	return -1;
}

/*
 * The staging folder beside o, private until set: like the old site's
 * folder if there is one (so a web server's group and rights carry
 * over), else as the user's umask says.
 */
static const char *
make_stage(struct arena *a, struct diag *d, const struct outdir *o)
{
	struct stat	 st;
	char		*tmp;
	mode_t		 mask, mode;

	tmp = beside(a, o, ".new-XXXXXX");
	if (mkdtemp(tmp) == NULL) {
		diag_msg(d, DIAG_SYSERR, o->shown, 0, 0, "cannot make a "
		    "folder beside it for the new site: %s", fs_why(d, errno));
		return NULL;
	}
	if (stat(o->path, &st) == 0) {
		(void)chown(tmp, (uid_t)-1, st.st_gid);
		mode = (st.st_mode & 07777) | S_IRWXU;
	} else {
		mask = umask(0);
		umask(mask);
		mode = 0777 & ~mask;
	}
	if (chmod(tmp, mode) == -1) {
		diag_msg(d, DIAG_SYSERR, o->shown, 0, 0, "cannot set the "
		    "rights of a folder beside it: %s", fs_why(d, errno));
		(void)rmdir(tmp);
		return NULL;
	}
	return tmp;
}

int
build_check_pages(struct arena *a, struct diag *d, const struct report *r,
    const char *tmpldir)
{
	struct tcache	 tc;
	struct tmpl_loader l;
	struct arena	 pa;
	struct buf	 out;
	size_t		 i;
	int		 rc = 0;

	if (templates_open(a, d, tmpldir, &tc, &l) == -1)
		return -1;
	/* Each page made and let go, as the build makes it (no PDF). */
	arena_init(&pa);
	buf_init(&out, &pa);
	if (html_index(&pa, d, r, &l, &out) == -1 ||
	    html_feed(&pa, d, r, &l, &out) == -1)
		rc = -1;
	for (i = 0; rc == 0 && i < r->nnotes; i++) {
		arena_reset(&pa);
		buf_init(&out, &pa);
		if (html_note(&pa, d, r, &r->notes[i], "", 0, &l, &out) == -1)
			rc = -1;
	}
	for (i = 0; rc == 0 && i < r->ninitiatives; i++) {
		arena_reset(&pa);
		buf_init(&out, &pa);
		if (html_initiative(&pa, d, r, &r->initiatives[i], &l,
		    &out) == -1 || html_initiative_feed(&pa, d, r,
		    &r->initiatives[i], &l, &out) == -1)
			rc = -1;
	}
	arena_fini(&pa);
	return rc;
}

int
build_site(struct arena *a, struct diag *d, const struct report *r,
    const char *cdir, const char *tmpldir, const struct style *s,
    const char *outdir)
{
	struct tcache	 tc;
	struct tmpl_loader l;
	struct outdir	 o;
	struct font	*fonts[FACE__MAX];
	struct hyph	*h = NULL;
	const char	*tmp = NULL, *lock, *old = NULL;
	int		 rc = -1, lockfd = -1, syserrs, i;

	if (templates_open(a, d, tmpldir, &tc, &l) == -1)
		return -1;
	/* Nothing is touched, not even a lock made, for a bad output. */
	if (find_out(a, d, outdir, &o) == -1 ||
	    check_out(a, d, &o, cdir, tmpldir) == -1)
		return -1;
	memset(fonts, 0, sizeof(fonts));
	for (i = 0; i < FACE__MAX; i++)
		if ((fonts[i] = font_open(d, s->fonts[i])) == NULL)
			goto fonts;
	if ((h = hyph_open(d)) == NULL)
		goto fonts;
	lock = beside(a, &o, ".lock");
	o.lang = d->lang;
	if ((lockfd = sys_lock(lock, waiting, &o)) == -1) {
		diag_msg(d, DIAG_SYSERR, o.shown, 0, 0, "cannot make a lock "
		    "file beside it, %s: %s (statusnotat must be able to "
		    "write in the folder that holds the output)", lock,
		    fs_why(d, errno));
		goto fonts;
	}
	/* Another build may have written it while we waited. */
	if (check_out(a, d, &o, cdir, tmpldir) == -1)
		goto out;
	remove_stale(a, d, &o);
	if ((tmp = make_stage(a, d, &o)) == NULL)
		goto out;
	syserrs = d->count[DIAG_SYSERR];
	if (write_all(a, d, r, &l, s, fonts, h, tmp) == -1) {
		/* The messages name files of the output: it is intact. */
		if (d->count[DIAG_SYSERR] > syserrs)
			diag_msg(d, DIAG_NOTE, NULL, 0, 0, "nothing in %s was "
			    "changed: the new site was not put in its place",
			    o.shown);
		goto out;
	}
	if (check_out(a, d, &o, cdir, tmpldir) == -1 ||
	    swap_in(a, d, &o, tmp, &old) == -1)
		goto out;
	tmp = NULL;
	rc = 0;
	if (old != NULL && remove_ours(a, d, &o, old, "the new site is in "
	    "place, but the old one") == -1)
		rc = -1;
out:
	if (tmp != NULL)
		(void)remove_ours(a, d, &o, tmp, "the unfinished new site");
	sys_unlock(lockfd, lock);
fonts:
	hyph_close(h);
	for (i = 0; i < FACE__MAX; i++)
		if (fonts[i] != NULL)
			font_close(fonts[i]);
	return rc;
}
