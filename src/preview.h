/*
 * preview.h: what the preview (serve.c) shows that the published site
 * never has: the script that reloads a page when the content changed,
 * put into each page as it is served, and the page shown instead of
 * the site while the content has errors.  Only serve.c includes this
 * header.
 */
#ifndef PREVIEW_H
#define PREVIEW_H

#include <stddef.h>

struct buf;
struct diag;
struct lang;

/* Where a page asks whether the site changed since its build gen. */
#define PREVIEW_WAIT	"/_statusnotat/wait"
/* Where the warnings of a build that has only warnings are shown. */
#define PREVIEW_WARNINGS "/_statusnotat/warnings"

/*
 * The page html (len bytes) with the reload script for build gen,
 * before its "</body>" (at the end when it has none), and when the
 * build had warnings (nwarnings), a link to them in a corner.
 */
void	preview_page(struct buf *, const char *html, size_t len,
	    unsigned long gen, const struct lang *, unsigned long nwarnings);

/* The page for a page the build gen has not made, to wait for it. */
void	preview_missing(struct buf *, const struct lang *, unsigned long gen);

/*
 * The page for build gen whose content has errors (shown instead of
 * every page) or warnings (PREVIEW_WARNINGS): every message held in d
 * (before diag_flush) with its file, line and column, the line itself
 * with a marker under the column, in the language lang.
 */
void	preview_messages(struct buf *, struct diag *d, const struct lang *,
	    unsigned long gen);

#endif
