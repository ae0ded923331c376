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
 * Render r into outdir: with the templates in tmpldir the HTML pages,
 * and with style s a PDF beside each note's page.  Returns 0, or -1
 * after diagnostics with outdir as it was.
 */
int	 build_site(struct arena *, struct diag *, const struct report *,
	    const char *tmpldir, const struct style *s, const char *outdir);

#endif
