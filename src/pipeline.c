/*
 * pipeline.c: load → validate → layout → records, in one place.  See pipeline.h.
 */
#include <stddef.h>
#include <string.h>

#include "diag.h"
#include "font.h"
#include "layout.h"
#include "load.h"
#include "model.h"
#include "pipeline.h"
#include "record.h"
#include "report.h"
#include "style.h"
#include "validate.h"

void
pipeline_chart_opts(const struct style *s, struct font *const *faces,
    struct chart_opts *co)
{
	memset(co, 0, sizeof(*co));
	co->width = s->page_width - s->margin_left - s->margin_right;
	co->size = s->size_small;
	co->measure = font_measure;
	co->arg = (void *)faces;
}

int
pipeline_run(struct arena *a, struct diag *d, const char *cdir,
    struct font *const *fonts, const struct chart_opts *co,
    const char *publishing, struct content *c, struct report *r)
{
	int	 errors = d->count[DIAG_ERROR] + d->count[DIAG_SYSERR];
	int	 rc = 0;

	memset(c, 0, sizeof(*c));
	memset(r, 0, sizeof(*r));
	c->fonts = fonts;
	if (load_content(a, d, cdir, c) == -1)
		rc = -1;
	if (d->count[DIAG_SYSERR] > 0)
		return -1;
	if (validate_content(c, d) == -1)
		rc = -1;
	if (layout_report(a, d, c, co, r) == -1)
		rc = -1;
	/*
	 * The published notes are compared once the content has no errors:
	 * a mistake's value is left out, so the note would differ from its
	 * record for no other reason than the mistake already reported.
	 */
	else if (d->count[DIAG_ERROR] + d->count[DIAG_SYSERR] == errors &&
	    record_check(a, d, c, r, publishing) == -1)
		rc = -1;
	/* A stage that failed without saying why is our own fault. */
	if (rc == -1 && d->count[DIAG_ERROR] + d->count[DIAG_SYSERR] == errors)
		diag_msg(d, DIAG_SYSERR, NULL, 0, 0, "internal error: a stage "
		    "failed without a message; please report this");
	return rc == 0 && d->count[DIAG_ERROR] + d->count[DIAG_SYSERR] ==
	    errors ? 0 : -1;
}
