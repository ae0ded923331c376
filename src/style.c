/*
 * style.c: the built-in look of a printed note.  See style.h; the
 * style file (templates/pdf.yaml, read by load.c) overrides any of it.
 */
#include <string.h>

#include "style.h"

#define MM	(72 / 25.4)
#define FONTDIR	"/usr/share/fonts/truetype/liberation/"

static struct rgb
grey(double v)
{
	struct rgb	 c;

	c.r = c.g = c.b = v;
	return c;
}

void
style_defaults(struct style *s)
{
	memset(s, 0, sizeof(*s));
	s->page_width = 210 * MM;
	s->page_height = 297 * MM;
	s->margin_top = 20 * MM;
	s->margin_bottom = 15 * MM;
	s->margin_left = 25 * MM;
	s->margin_right = 22 * MM;
	s->fonts[FACE_REGULAR] = FONTDIR "LiberationSans-Regular.ttf";
	s->fonts[FACE_BOLD] = FONTDIR "LiberationSans-Bold.ttf";
	s->fonts[FACE_ITALIC] = FONTDIR "LiberationSans-Italic.ttf";
	s->fonts[FACE_BOLD_ITALIC] = FONTDIR "LiberationSans-BoldItalic.ttf";
	s->fonts[FACE_MONO] = FONTDIR "LiberationMono-Regular.ttf";
	s->size_body = 10.5;
	s->size_title = 16;
	s->size_h2 = 12;
	s->size_h3 = 10.5;
	s->size_small = 8;
	s->size_table = 9;
	s->size_code = 9;
	s->leading = 1.4;
	s->space_paragraph = 7;
	s->space_heading = 12;
	s->indent_list = 18;
	s->justify = 1;
	s->hyphenate = 1;
	s->color_text = grey(0);
	s->color_accent = grey(0);
	s->color_muted = grey(0.3);
	s->color_rule = grey(0.6);
	s->color_shade = grey(0.94);
	s->logo_height = 14 * MM;
	/* Debian's icc-profiles-free: a small ICC v2 sRGB profile. */
	s->icc_profile = "/usr/share/color/icc/sRGB.icc";
}
