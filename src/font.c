/*
 * font.c: TrueType faces through HarfBuzz: advance widths and vertical
 * metrics for the typesetter, and for the PDF device a subset of the
 * glyphs used (a TrueType file that libharu 2.3.0 can load) and a
 * ToUnicode CMap for the code points used.  See font.h.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>

#include "buf.h"
#include "diag.h"
#include "font.h"
#include "fsutil.h"
#include "i18n.h"
#include "nfc.h"
#include "style.h"
#include "utf8.h"

#define NCODES		0x10000		/* the Basic Multilingual Plane */
#define PAGESZ		256		/* code points per page of a table */
#define NPAGES		(NCODES / PAGESZ)
#define REPLACEMENT	0xFFFDu
#define BFMAX		100	/* entries per bfchar/bfrange block, by the spec */

/*
 * 256 code points' advances, and which of them the cmap really maps.
 * A code point the font lacks holds the advance of its stand-in
 * (U+FFFD or .notdef), so measuring never branches.
 */
struct adv_page {
	int16_t		 adv[PAGESZ];
	uint8_t		 has[PAGESZ / 8];
};

/*
 * The HarfBuzz objects and, for the BMP, two-level tables so that
 * measuring is two lookups without flat 64K-entry tables per face: a
 * face maps code points in a few dozen of the 256 pages, a document
 * uses a handful.  Every entry of page[] is a page of its own or, for
 * a page the face maps nothing in, the face's default page (all
 * stand-ins, nothing in has[]), one per face because the stand-in's
 * advance differs from face to face.  Never NULL: lookups need no test.
 */
struct font {
	char		*path;		/* for diagnostics; malloc'd */
	hb_blob_t	*blob;
	hb_face_t	*face;
	hb_font_t	*hb;
	unsigned int	 upem;
	int		 ascent;
	int		 descent;
	int		 cap_height;
	int		 x_height;
	int		 fallback;	/* advance of the stand-in */
	int		 nused;		/* code points marked in used[] */
	char		 psname[64];	/* PostScript name, for the PDF */
	/* After font_subset: the codes (CIDs) of the used characters. */
	uint32_t	*cid_cp;	/* CID -> code point; [0] is .notdef */
	uint16_t	*cid_gid;	/* CID -> glyph in the subset */
	unsigned	 ncids;
	struct adv_page	*page[NPAGES];
	struct adv_page	*dflt;		/* shared by the unmapped pages */
	/*
	 * Code point -> CID, for every glyph the device draws: a lookup.
	 * A page only where the document used something, else NULL.
	 */
	uint16_t	*cid_of[NPAGES];
	/*
	 * Flat (8 KB), not paged: font_use has no diagnostics to report
	 * a failed allocation through.
	 */
	uint8_t		 used[NCODES / 8];
};

static int
bit_get(const uint8_t *set, uint32_t cp)
{
	return (set[cp >> 3] >> (cp & 7)) & 1;
}

static void
bit_set(uint8_t *set, uint32_t cp)
{
	set[cp >> 3] |= (uint8_t)(1u << (cp & 7));
}

/*
 * Font units to thousandths of an em the way libharu 2.3.0 does it:
 * integer division, truncating toward zero ((UINT)aw * 1000 / upem for
 * the widths it writes into /W and sums in HPDF_Font_TextWidth, the
 * same for hhea's ascender and descender).  Rounding instead would put
 * words placed from our widths up to half a unit per glyph away from
 * where the PDF viewer's advances put the glyphs between them.
 */
static int
to_milli(const struct font *f, long v)
{
	return (int)(v * 1000 / (long)f->upem);
}

/* The advance of a glyph in thousandths, clamped to fit the table. */
static int16_t
glyph_milli(const struct font *f, hb_codepoint_t gid)
{
	long	 v;

	v = to_milli(f, hb_font_get_glyph_h_advance(f->hb, gid));
	if (v > INT16_MAX)
		v = INT16_MAX;
	if (v < 0)
		v = 0;
	return (int16_t)v;
}

/*
 * Fill the advance pages from the cmap.  Only the code points the face
 * maps are looked up (a few thousand, not 65536), which keeps opening
 * a face cheap; the rest get the stand-in's advance from the default
 * page.  Returns -1 when out of memory.
 */
static int
load_advances(struct font *f)
{
	struct adv_page	*pg;
	hb_set_t	*cps;
	hb_codepoint_t	 cp, gid;
	size_t		 i;
	int16_t		 fb;
	int		 rc = 0;

	if ((f->dflt = calloc(1, sizeof(*f->dflt))) == NULL)
		return -1;
	if (hb_font_get_nominal_glyph(f->hb, REPLACEMENT, &gid) && gid != 0)
		fb = glyph_milli(f, gid);
	else
		fb = glyph_milli(f, 0);
	f->fallback = fb;
	for (i = 0; i < PAGESZ; i++)
		f->dflt->adv[i] = fb;
	/* Before any allocation can fail, so font_close knows what to free. */
	for (i = 0; i < NPAGES; i++)
		f->page[i] = f->dflt;

	cps = hb_set_create();
	hb_face_collect_unicodes(f->face, cps);
	cp = HB_SET_VALUE_INVALID;
	while (hb_set_next(cps, &cp) && cp < NCODES) {
		/* A cmap entry pointing at .notdef is no glyph. */
		if (!hb_font_get_nominal_glyph(f->hb, cp, &gid) || gid == 0)
			continue;
		if ((pg = f->page[cp / PAGESZ]) == f->dflt) {
			if ((pg = malloc(sizeof(*pg))) == NULL) {
				rc = -1;
				break;
			}
			*pg = *f->dflt;
			f->page[cp / PAGESZ] = pg;
		}
		pg->adv[cp % PAGESZ] = glyph_milli(f, gid);
		bit_set(pg->has, cp % PAGESZ);
	}
	hb_set_destroy(cps);
	return rc;
}

static void
load_metrics(struct font *f)
{
	hb_font_extents_t	 ext;
	hb_position_t		 pos;

	/*
	 * HarfBuzz picks OS/2 typo metrics when the font asks for them
	 * (USE_TYPO_METRICS), else hhea, as the renderers do.
	 */
	memset(&ext, 0, sizeof(ext));
	hb_font_get_h_extents(f->hb, &ext);
	f->ascent = to_milli(f, ext.ascender);
	f->descent = to_milli(f, ext.descender);
	/* font.h promises the signs; a broken font must not break layout. */
	if (f->ascent <= 0)
		f->ascent = 800;
	if (f->descent >= 0)
		f->descent = -200;

	if (hb_ot_metrics_get_position(f->hb, HB_OT_METRICS_TAG_CAP_HEIGHT,
	    &pos) && pos > 0)
		f->cap_height = to_milli(f, pos);
	else
		f->cap_height = 700;
	if (hb_ot_metrics_get_position(f->hb, HB_OT_METRICS_TAG_X_HEIGHT,
	    &pos) && pos > 0)
		f->x_height = to_milli(f, pos);
	else
		f->x_height = 500;
}

static int
has_table(hb_face_t *face, hb_tag_t tag)
{
	hb_blob_t	*t;
	unsigned int	 len;

	t = hb_face_reference_table(face, tag);
	len = hb_blob_get_length(t);
	hb_blob_destroy(t);
	return len > 0;
}

/* The PostScript name, as PDF names it: letters, digits and "-". */
static void
load_name(struct font *f)
{
	char		 name[64];
	unsigned int	 n = sizeof(name), i, k = 0;

	hb_ot_name_get_utf8(f->face, HB_OT_NAME_ID_POSTSCRIPT_NAME,
	    hb_language_from_string("en", -1), &n, name);
	for (i = 0; i < n && name[i] != '\0' && k + 1 < sizeof(f->psname);
	    i++)
		if ((name[i] >= 'A' && name[i] <= 'Z') ||
		    (name[i] >= 'a' && name[i] <= 'z') ||
		    (name[i] >= '0' && name[i] <= '9') || name[i] == '-')
			f->psname[k++] = name[i];
	if (k == 0)
		strcpy(f->psname, "Font");
	else
		f->psname[k] = '\0';
}

/* Big-endian integers from a font table, 0 past its end. */
static long
table_int(hb_face_t *face, hb_tag_t tag, unsigned off, unsigned size,
    int is_signed)
{
	hb_blob_t	*t = hb_face_reference_table(face, tag);
	const unsigned char *p;
	unsigned int	 len;
	unsigned long	 v = 0;
	unsigned	 i;

	p = (const unsigned char *)hb_blob_get_data(t, &len);
	if (p != NULL && off + size <= len)
		for (i = 0; i < size; i++)
			v = (v << 8) | p[off + i];
	hb_blob_destroy(t);
	if (is_signed && size == 2 && v >= 0x8000)
		return (long)v - 0x10000;
	if (is_signed && size == 4 && v >= 0x80000000UL)
		return (long)v - 0x100000000L;
	return (long)v;
}

void
font_describe(const struct font *f, struct font_info *fi)
{
	hb_tag_t	 head = HB_TAG('h', 'e', 'a', 'd');
	hb_tag_t	 post = HB_TAG('p', 'o', 's', 't');
	long		 weight;
	int		 i;

	for (i = 0; i < 4; i++)
		fi->bbox[i] = to_milli(f, table_int(f->face, head,
		    36 + 2 * (unsigned)i, 2, 1));
	/* post's italicAngle is 16.16 fixed point. */
	fi->italic_angle = (int)(table_int(f->face, post, 4, 4, 1) / 65536);
	weight = table_int(f->face, HB_TAG('O', 'S', '/', '2'), 4, 2, 0);
	if (weight == 0)
		weight = 400;
	/* Acrobat's estimate of the vertical stem width from the weight. */
	fi->stem_v = (int)(50 + (weight / 65.0) * (weight / 65.0));
	fi->flags = 32;			/* nonsymbolic */
	if (table_int(f->face, post, 12, 4, 0) != 0)
		fi->flags |= 1;		/* fixed pitch */
	if (fi->italic_angle != 0)
		fi->flags |= 64;	/* italic */
	fi->ascent = f->ascent;
	fi->descent = f->descent;
	fi->cap_height = f->cap_height;
}

struct font *
font_open(struct diag *d, const char *path)
{
	struct font	*f;
	struct stat	 st;

	if (stat(path, &st) == -1) {
		if (errno == ENOENT || errno == ENOTDIR)
			diag_msg(d, DIAG_ERROR, path, 0, 0,
			    "no such font file");
		else
			diag_msg(d, DIAG_SYSERR, path, 0, 0, "%s",
			    fs_why(d, errno));
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_msg(d, DIAG_ERROR, path, 0, 0,
		    "not a TrueType font: not a regular file");
		return NULL;
	}

	if ((f = calloc(1, sizeof(*f))) == NULL ||
	    (f->path = strdup(path)) == NULL) {
		free(f);
		diag_msg(d, DIAG_SYSERR, path, 0, 0, "out of memory");
		return NULL;
	}
	if ((f->blob = hb_blob_create_from_file_or_fail(path)) == NULL) {
		diag_msg(d, DIAG_SYSERR, path, 0, 0, "cannot read font file");
		goto fail;
	}
	/* HarfBuzz never fails here: a non-font gives an empty face. */
	f->face = hb_face_create(f->blob, 0);
	if (hb_face_get_glyph_count(f->face) == 0 ||
	    (f->upem = hb_face_get_upem(f->face)) == 0) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "not a TrueType font "
		    "(expected a .ttf file such as LiberationSans-Regular.ttf)");
		goto fail;
	}
	/* libharu embeds only TrueType outlines, not CFF. */
	if (!has_table(f->face, HB_TAG('g', 'l', 'y', 'f')) ||
	    !has_table(f->face, HB_TAG('l', 'o', 'c', 'a'))) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "not a TrueType font "
		    "with glyf outlines (PostScript-flavoured OpenType "
		    "fonts cannot be embedded)");
		goto fail;
	}
	f->hb = hb_font_create(f->face);
	/* Font units, so the table holds what hmtx says before scaling. */
	hb_font_set_scale(f->hb, (int)f->upem, (int)f->upem);
	if (load_advances(f) == -1) {
		diag_msg(d, DIAG_SYSERR, path, 0, 0, "out of memory");
		goto fail;
	}
	load_metrics(f);
	load_name(f);
	return f;
fail:
	font_close(f);
	return NULL;
}

static void
free_cid_pages(struct font *f)
{
	size_t	 i;

	for (i = 0; i < NPAGES; i++) {
		free(f->cid_of[i]);
		f->cid_of[i] = NULL;
	}
}

void
font_close(struct font *f)
{
	size_t	 i;

	if (f == NULL)
		return;
	hb_font_destroy(f->hb);
	hb_face_destroy(f->face);
	hb_blob_destroy(f->blob);
	/* NULL throughout if font_open failed before load_advances. */
	for (i = 0; i < NPAGES; i++)
		if (f->page[i] != f->dflt)
			free(f->page[i]);
	free(f->dflt);
	free_cid_pages(f);
	free(f->cid_cp);
	free(f->cid_gid);
	free(f->path);
	free(f);
}

int
font_advance(const struct font *f, uint32_t cp)
{
	return cp < NCODES ? f->page[cp / PAGESZ]->adv[cp % PAGESZ] :
	    f->fallback;
}

int
font_has(const struct font *f, uint32_t cp)
{
	return cp < NCODES && bit_get(f->page[cp / PAGESZ]->has,
	    cp % PAGESZ);
}

int
font_ascent(const struct font *f)
{
	return f->ascent;
}

int
font_descent(const struct font *f)
{
	return f->descent;
}

int
font_cap_height(const struct font *f)
{
	return f->cap_height;
}

int
font_x_height(const struct font *f)
{
	return f->x_height;
}


double
font_width(const struct font *f, const char *s, size_t len, double size)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 cp;
	long			 sum = 0;
	size_t			 i = 0;

	/* Sum whole thousandths first, as libharu does, then scale once. */
	while (i < len) {
		i += utf8_decode(p + i, len - i, &cp);
		sum += font_advance(f, cp);
	}
	return (double)sum * size / 1000.0;
}

double
font_measure(void *fonts, int bold, const char *s, size_t len, double size)
{
	struct font *const *f = fonts;

	return font_width(f[bold ? FACE_BOLD : FACE_REGULAR], s, len, size);
}

/* How to mend a character no face has, for font_check_text. */
static void
report_missing(struct diag *d, const char *file, int line, int col,
    uint32_t cp, uint32_t before)
{
	const char	*name = nfc_name(cp);
	char		 as[64];

	if (name != NULL)
		snprintf(as, sizeof(as), "U+%04lX %s", (unsigned long)cp, name);
	else if (cp >= 0xE000 && cp <= 0xF8FF)
		snprintf(as, sizeof(as), "U+%04lX %s", (unsigned long)cp,
		    tr(d->lang, "(a private-use character)"));
	else if (cp >= 0x1F000 && cp <= 0x1FAFF)
		snprintf(as, sizeof(as), "U+%04lX %s", (unsigned long)cp,
		    tr(d->lang, "(an emoji or a symbol)"));
	else
		snprintf(as, sizeof(as), "U+%04lX", (unsigned long)cp);
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		diag_msg(d, DIAG_ERROR, file, line, col, "a control "
		    "character, U+%04lX, which cannot be shown: delete it (it "
		    "may have come with text copied from elsewhere)",
		    (unsigned long)cp);
	else if (nfc_is_mark(cp))
		diag_msg(d, DIAG_ERROR, file, line, col, "the accent %s is "
		    "typed apart from its letter, and the PDF's fonts cannot "
		    "draw it so: retype the letter with its accent, such as "
		    "%s", as, cp == 0x338 && (before == 'o' || before == 'O') ?
		    (before == 'o' ? "ø" : "Ø") : "é or å");
	else if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 &&
	    cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) || cp == 0xFEFF ||
	    (cp >= 0xFE00 && cp <= 0xFE0F))	/* spaces, marks, joiners */
		diag_msg(d, DIAG_ERROR, file, line, col, "the character %s "
		    "has no glyph in the PDF's fonts: it is invisible or "
		    "only spaces; delete it, or type an ordinary space", as);
	else
		diag_msg(d, DIAG_ERROR, file, line, col, "the character %s "
		    "has no glyph in the PDF's fonts (pdf.yaml): delete it, or "
		    "write it another way", as);
}

int
font_check_text(struct font *const *faces, struct diag *d,
    const char *file, int line, int col, const char *s, size_t len,
    int track)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t	 cp, prev = 0, seen[16];
	size_t		 i = 0, n, nseen = 0, k;
	int		 f, missing, lin = line, c = col, reported = 0;

	while (i < len) {
		n = utf8_decode(p + i, len - i, &cp);
		for (f = missing = 0; f < FACE__MAX && !missing; f++)
			missing = faces[f] != NULL && !font_has(faces[f], cp);
		if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n')
			missing = 0;
		/* Each character once; 16 at most, for a file all wrong. */
		for (k = 0; missing && k < nseen; k++)
			if (seen[k] == cp)
				missing = 0;
		if (missing && nseen < sizeof(seen) / sizeof(seen[0])) {
			seen[nseen++] = cp;
			report_missing(d, file, lin, track ? c : col, cp, prev);
			reported++;
		}
		if (track && cp == '\n') {
			lin++;
			c = 1;
		} else
			c++;	/* columns count characters */
		prev = cp;
		i += n;
	}
	return reported;
}

static void
mark(struct font *f, uint32_t cp)
{
	if (!bit_get(f->used, cp)) {
		bit_set(f->used, cp);
		f->nused++;
	}
}

/*
 * A character the face lacks is measured as U+FFFD, so the device
 * draws U+FFFD: mark that, for its glyph and its ToUnicode entry.  A
 * BMP character the face lacks is marked as well, so that text stays
 * extractable should a device draw the code itself (.notdef); the
 * subsetter ignores code points the face does not map.
 */
void
font_use(struct font *f, const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 cp;
	size_t			 i = 0;

	while (i < len) {
		i += utf8_decode(p + i, len - i, &cp);
		if (cp < NCODES)
			mark(f, cp);
		if (!font_has(f, cp))
			mark(f, REPLACEMENT);
	}
}

void
font_clear_use(struct font *f)
{
	memset(f->used, 0, sizeof(f->used));
	f->nused = 0;
}

int
font_is_used(const struct font *f)
{
	return f->nused > 0;
}

/* What libharu 2.3.0 refuses to embed: OS/2 fsType bits 1, 8 and 9. */
static int
forbids_embedding(hb_face_t *face)
{
	hb_blob_t	*t;
	const char	*p;
	unsigned int	 len, fstype = 0;

	t = hb_face_reference_table(face, HB_TAG('O', 'S', '/', '2'));
	p = hb_blob_get_data(t, &len);
	if (p != NULL && len >= 10)
		fstype = (unsigned int)(unsigned char)p[8] << 8 |
		    (unsigned char)p[9];
	hb_blob_destroy(t);
	return (fstype & (0x0002 | 0x0100 | 0x0200)) != 0;
}


/*
 * The tables libharu 2.3.0 embeds (REQUIRED_TAGS in hpdf_fontdef_tt.c);
 * it writes any of them the font lacks as empty and drops the rest.
 */
static const hb_tag_t libharu_tags[] = {
	HB_TAG('O', 'S', '/', '2'), HB_TAG('c', 'm', 'a', 'p'),
	HB_TAG('c', 'v', 't', ' '), HB_TAG('f', 'p', 'g', 'm'),
	HB_TAG('g', 'l', 'y', 'f'), HB_TAG('h', 'e', 'a', 'd'),
	HB_TAG('h', 'h', 'e', 'a'), HB_TAG('h', 'm', 't', 'x'),
	HB_TAG('l', 'o', 'c', 'a'), HB_TAG('m', 'a', 'x', 'p'),
	HB_TAG('n', 'a', 'm', 'e'), HB_TAG('p', 'o', 's', 't'),
	HB_TAG('p', 'r', 'e', 'p'),
};

/*
 * Drop every table libharu would not embed anyway.  Above all GSUB:
 * text is drawn unshaped, and while GSUB is kept the subsetter pulls in
 * every ligature and alternate the used characters reach (DejaVu Sans
 * for "fiflo": 10 glyphs with it, 5 without).
 */
static void
drop_tables(hb_face_t *face, hb_set_t *drop)
{
	hb_tag_t	 tags[32];
	unsigned int	 start, n, i, j;

	for (start = 0; ; start += n) {
		n = sizeof(tags) / sizeof(tags[0]);
		hb_face_get_table_tags(face, start, &n, tags);
		if (n == 0)
			break;
		for (i = 0; i < n; i++) {
			for (j = 0; j < sizeof(libharu_tags) /
			    sizeof(libharu_tags[0]); j++)
				if (tags[i] == libharu_tags[j])
					break;
			if (j == sizeof(libharu_tags) / sizeof(libharu_tags[0]))
				hb_set_add(drop, tags[i]);
		}
	}
}

/*
 * Give every used character a code of its own (a CID, from 1 in code
 * point order) and find its glyph in the subset.  A character the face
 * lacks keeps its own code, drawn as U+FFFD's glyph or .notdef, so that
 * the ToUnicode map still gives the text back.
 */
static int
number_cids(struct font *f, struct diag *d, hb_face_t *sub)
{
	hb_font_t	*hb;
	hb_codepoint_t	 gid, fallback = 0;
	uint32_t	 cp;
	size_t		 i, j;
	unsigned	 n = 1;

	/*
	 * Start over: the pages a previous document used may not be
	 * this one's, and a stale entry would be a wrong CID.
	 */
	free_cid_pages(f);
	free(f->cid_cp);
	free(f->cid_gid);
	f->ncids = 0;
	f->cid_cp = calloc((size_t)f->nused + 1, sizeof(*f->cid_cp));
	f->cid_gid = calloc((size_t)f->nused + 1, sizeof(*f->cid_gid));
	if (f->cid_cp == NULL || f->cid_gid == NULL)
		goto oom;
	/* A page of CIDs for each page with a used code point in it. */
	for (i = 0; i < NPAGES; i++)
		for (j = 0; j < PAGESZ / 8; j++)
			if (f->used[i * (PAGESZ / 8) + j] != 0) {
				f->cid_of[i] = calloc(PAGESZ,
				    sizeof(*f->cid_of[i]));
				if (f->cid_of[i] == NULL)
					goto oom;
				break;
			}
	hb = hb_font_create(sub);
	if (!hb_font_get_nominal_glyph(hb, REPLACEMENT, &fallback))
		fallback = 0;
	for (cp = 0; cp < NCODES; cp++) {
		if (!bit_get(f->used, cp))
			continue;
		if (!font_has(f, cp) ||
		    !hb_font_get_nominal_glyph(hb, cp, &gid))
			gid = fallback;
		f->cid_cp[n] = cp;
		f->cid_gid[n] = (uint16_t)gid;
		f->cid_of[cp / PAGESZ][cp % PAGESZ] = (uint16_t)n;
		n++;
	}
	hb_font_destroy(hb);
	f->ncids = n;
	return 0;
oom:
	free_cid_pages(f);
	diag_msg(d, DIAG_SYSERR, f->path, 0, 0, "out of memory");
	return -1;
}

unsigned
font_cids(const struct font *f)
{
	return f->ncids;
}

unsigned
font_cid(const struct font *f, uint32_t cp)
{
	const uint16_t	*pg;

	if (cp >= NCODES || (pg = f->cid_of[cp / PAGESZ]) == NULL)
		return 0;
	return pg[cp % PAGESZ];
}

unsigned
font_cid_gid(const struct font *f, unsigned cid)
{
	return cid < f->ncids ? f->cid_gid[cid] : 0;
}

uint32_t
font_cid_unicode(const struct font *f, unsigned cid)
{
	return cid > 0 && cid < f->ncids ? f->cid_cp[cid] : 0;
}

int
font_cid_width(const struct font *f, unsigned cid)
{
	return cid > 0 && cid < f->ncids ? font_advance(f, f->cid_cp[cid]) :
	    f->fallback;
}

const char *
font_name(const struct font *f)
{
	return f->psname;
}

int
font_subset(struct font *f, struct diag *d, struct buf *out)
{
	hb_subset_input_t	*in;
	hb_face_t		*sub = NULL;
	hb_blob_t		*blob = NULL;
	hb_set_t		*set;
	const char		*data;
	unsigned int		 len;
	uint32_t		 cp;
	int			 rc = -1;

	if (forbids_embedding(f->face)) {
		diag_msg(d, DIAG_ERROR, f->path, 0, 0, "the font's licence "
		    "flags (OS/2 fsType) forbid embedding it in a PDF");
		return -1;
	}
	if ((in = hb_subset_input_create_or_fail()) == NULL) {
		diag_msg(d, DIAG_SYSERR, f->path, 0, 0, "out of memory");
		return -1;
	}
	set = hb_subset_input_unicode_set(in);
	for (cp = 0; cp < NCODES; cp++)
		if (bit_get(f->used, cp))
			hb_set_add(set, cp);

	/*
	 * Hinting is dropped (cvt, fpgm, prep and glyph instructions):
	 * it is two thirds of the bytes (a page of Danish in Liberation
	 * Sans: 32.6 KB with it, 10.8 KB without) and PDF viewers mostly
	 * ignore it; libharu 2.3.0 then writes the three tables empty,
	 * which poppler reads without complaint.  The .notdef outline is
	 * kept so that a missing glyph shows as a box.
	 */
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING |
	    HB_SUBSET_FLAGS_NOTDEF_OUTLINE);

	/*
	 * libharu takes the PDF font name from name ids 6 (PostScript
	 * name) and 2 (subfamily), Macintosh or Windows US English, and
	 * fails without them; 1 and 4 get its subset tag.  HarfBuzz's
	 * default (ids 0-6, language 0x0409, Unicode records) suits it,
	 * but the set is spelled out so a changed default cannot break
	 * the PDF.
	 */
	set = hb_subset_input_set(in, HB_SUBSET_SETS_NAME_ID);
	hb_set_clear(set);
	hb_set_add_range(set, 0, 6);
	set = hb_subset_input_set(in, HB_SUBSET_SETS_NAME_LANG_ID);
	hb_set_clear(set);
	hb_set_add(set, 0x0409);

	drop_tables(f->face, hb_subset_input_set(in,
	    HB_SUBSET_SETS_DROP_TABLE_TAG));

	if ((sub = hb_subset_or_fail(f->face, in)) == NULL) {
		diag_msg(d, DIAG_SYSERR, f->path, 0, 0,
		    "HarfBuzz could not subset the font");
		goto out;
	}
	blob = hb_face_reference_blob(sub);
	data = hb_blob_get_data(blob, &len);
	if (len == 0 || hb_face_get_glyph_count(sub) == 0) {
		diag_msg(d, DIAG_SYSERR, f->path, 0, 0,
		    "HarfBuzz made an empty font subset");
		goto out;
	}
	if (number_cids(f, d, sub) == -1)
		goto out;
	buf_put(out, data, len);
	rc = 0;
out:
	hb_blob_destroy(blob);
	hb_face_destroy(sub);
	hb_subset_input_destroy(in);
	return rc;
}

/*
 * The longest run from CID lo whose code points go up by one with the
 * CIDs, staying within one high byte on both sides (a bfrange may only
 * vary the last byte).  Returns the run's last CID.
 */
static unsigned
run_end(const struct font *f, unsigned lo)
{
	unsigned	 hi = lo;

	while (hi + 1 < f->ncids && f->cid_cp[hi + 1] == f->cid_cp[hi] + 1 &&
	    ((hi + 1) & 0xFF) != 0 && (f->cid_cp[hi + 1] & 0xFF) != 0)
		hi++;
	return hi;
}

/* Blocks of at most BFMAX mappings: ranges (range 1) or single codes. */
static void
put_mappings(const struct font *f, struct buf *b, int range)
{
	const char	*kind = range ? "bfrange" : "bfchar";
	unsigned	 lo, hi;
	size_t		 n = 0, done = 0;

	for (lo = 1; lo < f->ncids; lo = hi + 1)
		if (((hi = run_end(f, lo)) > lo) == (range != 0))
			n++;
	for (lo = 1; lo < f->ncids; lo = hi + 1) {
		hi = run_end(f, lo);
		if ((hi > lo) != (range != 0))
			continue;
		if (done % BFMAX == 0)
			buf_printf(b, "%zu begin%s\n",
			    n - done < BFMAX ? n - done : BFMAX, kind);
		if (range)
			buf_printf(b, "<%04X> <%04X> <%04X>\n", lo, hi,
			    (unsigned int)f->cid_cp[lo]);
		else
			buf_printf(b, "<%04X> <%04X>\n", lo,
			    (unsigned int)f->cid_cp[lo]);
		if (++done % BFMAX == 0 || done == n)
			buf_printf(b, "end%s\n", kind);
	}
}

void
font_tounicode(const struct font *f, struct buf *b)
{
	buf_puts(b,
	    "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\n"
	    "begincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n"
	    "/CMapType 2 def\n"
	    "1 begincodespacerange\n"
	    "<0000> <FFFF>\n"
	    "endcodespacerange\n");
	/* Single code points first, then ranges; each ascending. */
	put_mappings(f, b, 0);
	put_mappings(f, b, 1);
	buf_puts(b,
	    "endcmap\n"
	    "CMapName currentdict /CMap defineresource pop\n"
	    "end\n"
	    "end\n");
}
