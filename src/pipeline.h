/*
 * pipeline.h: the stages from content/ to the report, in one place:
 * load (load.c) → validate (validate.c) → layout (layout.c, which
 * makes each note's names (names.c) and merges its narratives
 * (narrative.c)) → the published notes compared with their records
 * (record.c).  main, the unit tests and the fuzz targets all run
 * them through pipeline_run, so they run what the program runs.
 * Rendering (html.c, typeset.c and pdf.c, by build.c) comes after.
 */
#ifndef PIPELINE_H
#define PIPELINE_H

struct arena;
struct chart_opts;
struct content;
struct diag;
struct font;
struct report;
struct style;

/*
 * The chart's geometry as the PDF draws it: the text width of the
 * style's page, its small text size, measured with faces (the PDF's).
 */
void	pipeline_chart_opts(const struct style *, struct font *const *faces,
	    struct chart_opts *);

/*
 * Load the content folder cdir into *c and lay it out into *r.  fonts
 * (FACE__MAX faces, or NULL) are those the text must be drawable in;
 * co is the chart's geometry (NULL: no charts).  The note publishing
 * (NULL: none), being published, is not compared with its record; every
 * other published note is.  Every stage runs on
 * what the one before could make, so one run reports every problem;
 * only a system error stops it.  Returns 0 when nothing was reported
 * as an error, else -1.
 */
int	pipeline_run(struct arena *, struct diag *, const char *cdir,
	    struct font *const *fonts, const struct chart_opts *co,
	    const char *publishing, struct content *c, struct report *r);

#endif
