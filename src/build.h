/*
 * build.h: the last stage: write the rendered site into a fresh folder
 * beside the output folder and put it in place only when every file was
 * written, so a failed build never damages the previous output.
 */
#ifndef BUILD_H
#define BUILD_H

struct arena;
struct diag;
struct report;
struct style;

/*
 * Whether outdir may be the output folder, for reporting early; touches
 * nothing.  It may be a new folder, an empty one, or one statusnotat
 * built (or a symbolic link to such a folder), and not the content
 * folder cdir or the templates folder tdir, nor hold or be inside them.
 * Returns 0, or -1 after a diagnostic.
 */
int	 build_check_output(struct arena *, struct diag *, const char *outdir,
	    const char *cdir, const char *tdir);

/*
 * Make every HTML page of r with the templates in tmpldir, writing
 * nothing: for check, which thus finds what would stop a build in the
 * templates.  Returns 0, or -1 after diagnostics.
 */
int	 build_check_pages(struct arena *, struct diag *,
	    const struct report *, const char *tmpldir);

/*
 * Render r (from the content folder cdir) into outdir: with the
 * templates in tmpldir the HTML pages, and with style s a PDF beside
 * each note's page.  Builds into the same outdir take turns.  Returns 0,
 * or -1 after diagnostics with outdir as it was (or, said in them, with
 * the new site in place but the old one not all removed).
 */
int	 build_site(struct arena *, struct diag *, const struct report *,
	    const char *cdir, const char *tmpldir, const struct style *s,
	    const char *outdir);

#endif
