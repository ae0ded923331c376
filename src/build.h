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

/*
 * Render r with the templates in tmpldir into outdir.  Returns 0, or -1
 * after diagnostics with outdir as it was.
 */
int	 build_site(struct arena *, struct diag *, const struct report *,
	    const char *tmpldir, const char *outdir);

#endif
