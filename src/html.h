/*
 * html.h: the HTML renderer: the report through the Mustache templates
 * into pages.  Reads only report.h; the templates come through a loader
 * the build gives it.  Escaping happens in escape.c only.
 */
#ifndef HTML_H
#define HTML_H

struct arena;
struct buf;
struct diag;
struct report;
struct report_initiative;
struct report_note;
struct tmpl_loader;

/* The home page: every note, newest first.  Returns 0 or -1. */
int	 html_index(struct arena *, struct diag *, const struct report *,
	    const struct tmpl_loader *, struct buf *);
/*
 * The Atom feed of the notes, newest first, with absolute links from the
 * site's base_url; leaves out empty when there is no base_url or no
 * note.  Returns 0 or -1.
 */
int	 html_feed(struct arena *, struct diag *, const struct report *,
	    const struct tmpl_loader *, struct buf *);
/*
 * One note's page, at <id>/index.html, linking to its PDF (a file name
 * in the same folder, of pdf_bytes bytes).  Returns 0 or -1.
 */
int	 html_note(struct arena *, struct diag *, const struct report *,
	    const struct report_note *, const char *pdf, long pdf_bytes,
	    const struct tmpl_loader *, struct buf *);

/*
 * An initiative's page, at indsatser/<id>/index.html: what it is, its
 * timeline, its figures note by note and the notes on it.  Returns 0
 * or -1.
 */
int	 html_initiative(struct arena *, struct diag *, const struct report *,
	    const struct report_initiative *, const struct tmpl_loader *,
	    struct buf *);
/*
 * The Atom feed of the notes on an initiative, as html_feed: empty
 * without a base_url.  Returns 0 or -1.
 */
int	 html_initiative_feed(struct arena *, struct diag *,
	    const struct report *, const struct report_initiative *,
	    const struct tmpl_loader *, struct buf *);

#endif
