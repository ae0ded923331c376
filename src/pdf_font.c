/*
 * pdf_font.c: the PDF device's fonts and text (see pdf_dev.h).
 *
 * libharu's own TrueType path maps the whole Basic Multilingual Plane
 * (a 128 KB CIDToGIDMap and a slow font load), writes an invalid CMap
 * and ignores word spacing.  Instead each face is a HarfBuzz subset
 * embedded as is, drawn with codes of our own (font.c's CIDs), with a
 * small CIDToGIDMap, a /W array of exactly the widths the typesetter
 * used and a correct ToUnicode map; text goes into the content stream
 * as TJ arrays.  Text strings of the document (titles, /Contents) are
 * UTF-16BE.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "font.h"
#include "pdf_dev.h"
#include "typeset.h"
#include "utf8.h"

/* A subset tag from what the subset holds, so it is the same each run. */
static void
subset_tag(const struct font *f, int face, char tag[7])
{
	unsigned long	 h = 2166136261UL;
	unsigned	 cid;
	int		 i;

	h = (h ^ (unsigned long)face) * 16777619UL;
	for (cid = 1; cid < font_cids(f); cid++)
		h = ((h ^ font_cid_gid(f, cid)) * 16777619UL) & 0xffffffffUL;
	for (i = 0; i < 6; i++) {
		tag[i] = (char)('A' + h % 26);
		h /= 26;
	}
	tag[6] = '\0';
}

/*
 * One face as a Type0 font with a CIDFontType2 descendant: the subset
 * as FontFile2, codes 1..n, CIDToGIDMap, widths and ToUnicode.
 */
static int
embed_font(struct dev *v, int face, struct font *f)
{
	HPDF_Dict	 file, desc, cid, type0, sysinfo, map, tou;
	void		*arr, *w, *bbox;	/* arrays */
	struct font_info fi;
	struct buf	 b;
	unsigned	 c, n;
	char		 tag[7], *name, res[8];
	unsigned char	*gids;
	int		 rc = 0, i;

	buf_init(&b, v->a);
	if (font_subset(f, v->d, &b) == -1)
		return -1;
	subset_tag(f, face, tag);
	name = arena_printf(v->a, "%s+%s", tag, font_name(f));
	font_describe(f, &fi);
	n = font_cids(f);

	if ((file = pdf_stream(v, b.data, b.len)) ==
	    NULL || (desc = pdfh_indirect_dict(v->pdf)) == NULL ||
	    (cid = pdfh_indirect_dict(v->pdf)) == NULL ||
	    (type0 = pdfh_indirect_dict(v->pdf)) == NULL ||
	    (sysinfo = pdfh_dict(v->pdf)) == NULL ||
	    (w = pdfh_array(v->pdf)) == NULL ||
	    (arr = pdfh_array(v->pdf)) == NULL ||
	    (bbox = pdfh_array(v->pdf)) == NULL)
		return -1;
	rc |= pdfh_put_int(file, "Length1", (long)b.len);

	rc |= pdfh_put_name(desc, "Type", "FontDescriptor");
	rc |= pdfh_put_name(desc, "FontName", name);
	rc |= pdfh_put_int(desc, "Flags", fi.flags);
	for (i = 0; i < 4; i++)
		rc |= pdfh_push_int(bbox, fi.bbox[i]);
	rc |= pdfh_put(desc, "FontBBox", bbox);
	rc |= pdfh_put_int(desc, "ItalicAngle", fi.italic_angle);
	rc |= pdfh_put_int(desc, "Ascent", fi.ascent);
	rc |= pdfh_put_int(desc, "Descent", fi.descent);
	rc |= pdfh_put_int(desc, "CapHeight", fi.cap_height);
	rc |= pdfh_put_int(desc, "StemV", fi.stem_v);
	rc |= pdfh_put(desc, "FontFile2", file);

	/* Widths of codes 1..n-1, exactly as measured for layout. */
	rc |= pdfh_push_int(w, 1);
	for (c = 1; c < n; c++)
		rc |= pdfh_push_int(arr, font_cid_width(f, c));
	rc |= pdfh_push(w, arr);
	gids = arena_alloc(v->a, 2 * (size_t)n);
	for (c = 0; c < n; c++) {
		gids[2 * c] = (unsigned char)(font_cid_gid(f, c) >> 8);
		gids[2 * c + 1] = (unsigned char)font_cid_gid(f, c);
	}
	if ((map = pdf_stream(v, gids, 2 * (size_t)n)) ==
	    NULL)
		return -1;
	rc |= pdfh_put_string(v->pdf, sysinfo, "Registry", "Adobe");
	rc |= pdfh_put_string(v->pdf, sysinfo, "Ordering", "Identity");
	rc |= pdfh_put_int(sysinfo, "Supplement", 0);
	rc |= pdfh_put_name(cid, "Type", "Font");
	rc |= pdfh_put_name(cid, "Subtype", "CIDFontType2");
	rc |= pdfh_put_name(cid, "BaseFont", name);
	rc |= pdfh_put(cid, "CIDSystemInfo", sysinfo);
	rc |= pdfh_put(cid, "FontDescriptor", desc);
	rc |= pdfh_put(cid, "W", w);
	rc |= pdfh_put(cid, "CIDToGIDMap", map);

	buf_init(&b, v->a);
	font_tounicode(f, &b);
	if ((tou = pdf_stream(v, b.data, b.len)) == NULL ||
	    (arr = pdfh_array(v->pdf)) == NULL)
		return -1;
	rc |= pdfh_put_name(type0, "Type", "Font");
	rc |= pdfh_put_name(type0, "Subtype", "Type0");
	rc |= pdfh_put_name(type0, "BaseFont", name);
	rc |= pdfh_put_name(type0, "Encoding", "Identity-H");
	rc |= pdfh_push(arr, cid);
	rc |= pdfh_put(type0, "DescendantFonts", arr);
	rc |= pdfh_put(type0, "ToUnicode", tou);
	snprintf(res, sizeof(res), "F%d", face);
	rc |= pdfh_put(v->fontres, res, type0);
	return rc == 0 ? 0 : -1;
}

/*
 * A face that draws a line-end hyphen (U+00AD) draws it as its "-"
 * (see text): put that glyph into its subset too.
 */
void
pdf_use_hyphens(const struct typeset *ts, struct font *const *fonts)
{
	const struct box *b;
	const char	*p;
	size_t		 i, j;

	for (i = 0; i < ts->npages; i++)
		for (j = 0; j < ts->pages[i].nboxes; j++) {
			b = &ts->pages[i].boxes[j];
			if (b->kind != BOX_TEXT || b->len < 2 ||
			    !font_has(fonts[b->face], '-'))
				continue;
			for (p = b->text; p + 1 < b->text + b->len; p++)
				if (p[0] == '\xc2' && p[1] == '\xad') {
					font_use(fonts[b->face], "-", 1);
					break;
				}
		}
}

int
pdf_embed_fonts(struct dev *v, struct font *const *fonts)
{
	int	 i;

	if ((v->fontres = pdfh_indirect_dict(v->pdf)) == NULL ||
	    (v->xobjres = pdfh_indirect_dict(v->pdf)) == NULL)
		return -1;
	for (i = 0; i < FACE__MAX; i++)
		if (font_is_used(fonts[i]) && embed_font(v, i, fonts[i]) == -1)
			return -1;
	return 0;
}

/*
 * The next character, as the typesetter measured it (utf8.c), and above
 * U+FFFF as U+FFFD: the codes here are two bytes.
 */
unsigned long
pdf_next_cp(const unsigned char *s, size_t len, size_t *i)
{
	uint32_t	 cp;

	*i += utf8_decode(s + *i, len - *i, &cp);
	return cp > 0xffff ? 0xfffd : cp;
}

void
pdf_end_text(struct dev *v)
{
	if (v->in_text) {
		buf_puts(&v->ops, "ET\n");
		v->in_text = 0;
	}
}

/* A two-byte code in a literal string: raw bytes, escaped where needed. */
static void
code(struct buf *b, unsigned c)
{
	unsigned char	 by[2];
	char		 out[4];
	int		 i, n = 0;

	by[0] = (unsigned char)(c >> 8);
	by[1] = (unsigned char)c;
	for (i = 0; i < 2; i++) {
		switch (by[i]) {
		case '(':
		case ')':
		case '\\':
			out[n++] = '\\';
			out[n++] = (char)by[i];
			break;
		case '\r':	/* a reader would turn a bare CR into LF */
			out[n++] = '\\';
			out[n++] = 'r';
			break;
		case '\n':
			out[n++] = '\\';
			out[n++] = 'n';
			break;
		default:
			out[n++] = (char)by[i];
			break;
		}
	}
	buf_put(b, out, (size_t)n);
}

/*
 * A text run as TJ arrays of two-byte codes in literal strings (half
 * the bytes of hex), with the extra space the justification gives after
 * every space character.  The hyphen a line break adds, U+00AD, is
 * drawn as the face's "-", which its ToUnicode map reads as "-", inside
 * a Span whose /ActualText is U+00AD: a reader that honours ActualText
 * (poppler, Acrobat) reads the word whole, one that does not (pdf.js,
 * Firefox) reads "-" at the line's end and joins the word across it.
 */
void
pdf_text(struct dev *v, const struct box *b)
{
	const struct font *f = v->faces[b->face];
	const unsigned char *s = (const unsigned char *)b->text;
	unsigned long	 cp;
	unsigned	 hy = font_cid(f, '-');
	size_t		 i = 0;
	int		 open = 0, arr = 0;

	if (!v->in_text) {
		buf_puts(&v->ops, "BT\n");
		v->in_text = 1;
		v->cur_face = -1;
	}
	if ((int)b->face != v->cur_face || b->size != v->cur_size) {
		buf_puts(&v->ops, "/F");
		pdf_num(&v->ops, b->face);
		buf_putc(&v->ops, ' ');
		pdf_num(&v->ops, b->size);
		buf_puts(&v->ops, " Tf\n");
		v->cur_face = (int)b->face;
		v->cur_size = b->size;
	}
	pdf_fill(v, b->color);
	buf_puts(&v->ops, "1 0 0 1 ");
	pdf_num(&v->ops, b->x);
	buf_putc(&v->ops, ' ');
	pdf_num(&v->ops, b->y);
	buf_puts(&v->ops, " Tm\n");
	while (i < b->len) {
		cp = pdf_next_cp(s, b->len, &i);
		if (cp == 0xAD && hy != 0) {
			if (arr)
				buf_puts(&v->ops, open ? ")] TJ\n" : "] TJ\n");
			buf_puts(&v->ops, "/Span <</ActualText <FEFF00AD>>> "
			    "BDC\n[(");
			code(&v->ops, hy);
			buf_puts(&v->ops, ")] TJ\nEMC\n");
			open = arr = 0;
			/*
			 * poppler takes the Span's EMC for the end of the
			 * element's sequence (MarkedContentOutputDev, as
			 * in pdfinfo -struct-text) and would lose the
			 * text after it: what follows gets a new MCID.
			 */
			if (v->mc == MC_ELEM)
				v->mc_elem = NULL;
			continue;
		}
		if (!arr) {
			buf_putc(&v->ops, '[');
			arr = 1;
		}
		if (!open) {
			buf_putc(&v->ops, '(');
			open = 1;
		}
		code(&v->ops, font_cid(f, (uint32_t)cp));
		if (cp == ' ' && b->word_space != 0 && i < b->len) {
			buf_puts(&v->ops, ") ");
			pdf_num(&v->ops, -b->word_space * 1000 / b->size);
			buf_putc(&v->ops, ' ');
			open = 0;
		}
	}
	if (arr)
		buf_puts(&v->ops, open ? ")] TJ\n" : "] TJ\n");
}

/*
 * A PDF text string from UTF-8: UTF-16BE with a byte order mark, as a
 * binary string.  (libharu's own UTF-8 encoder would do, at the cost of
 * a 64K-entry table built on every run.)
 */
static size_t
text_string(struct dev *v, const char *s, unsigned char **out)
{
	unsigned char	*u;
	unsigned long	 cp;
	size_t		 len = strlen(s), i = 0, n = 0;

	u = arena_alloc(v->a, 2 + 4 * len);
	u[n++] = 0xfe;
	u[n++] = 0xff;
	while (i < len) {
		cp = pdf_next_cp((const unsigned char *)s, len, &i);
		u[n++] = (unsigned char)(cp >> 8);
		u[n++] = (unsigned char)cp;
	}
	*out = u;
	return n;
}

/* Put a text string into a dictionary, replacing what was there. */
void
pdf_set_text(struct dev *v, HPDF_Dict d, const char *key, const char *s)
{
	unsigned char	*u;
	size_t		 n;

	if (d == NULL || s == NULL)
		return;
	n = text_string(v, s, &u);
	pdfh_remove(d, key);
	pdfh_put_binary(v->pdf, d, key, u, n);
}

/*
 * PDF/A forbids drawing .notdef: a character no font has makes the file
 * one that cannot conform.  Say which, and where to mend it.
 */
int
pdf_missing_glyphs(struct dev *v, struct font *const *fonts, const char *path)
{
	struct buf	 b;
	unsigned	 cid, n = 0;
	uint32_t	 cp;
	int		 i;

	buf_init(&b, v->a);
	for (i = 0; i < FACE__MAX; i++) {
		if (!font_is_used(fonts[i]))
			continue;
		for (cid = 1; cid < font_cids(fonts[i]); cid++) {
			if (font_cid_gid(fonts[i], cid) != 0)
				continue;
			cp = font_cid_unicode(fonts[i], cid);
			if (n++ < 8)
				buf_printf(&b, "%sU+%04X", n > 1 ? ", " : "",
				    (unsigned)cp);
		}
	}
	if (n == 0)
		return 0;
	diag_msg(v->d, DIAG_ERROR, path, 0, 0, "the text uses %u character%s "
	    "the fonts have no glyph for (%s%s): an archival PDF (PDF/A) "
	    "cannot show them; choose fonts that have them in pdf.yaml, or "
	    "write the text without them", n, n == 1 ? "" : "s", b.data,
	    n > 8 ? ", ..." : "");
	return -1;
}
