/*
 * pdf_meta.c: the PDF device's metadata (see pdf_dev.h): the outline
 * (bookmarks nested as the headings), the information dictionary, and
 * for PDF/A-2b the XMP packet, the sRGB output intent, the dates from
 * the note's date and an /ID from the text drawn, so the same note
 * gives the same bytes.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "fsutil.h"
#include "pdf.h"
#include "pdf_dev.h"
#include "typeset.h"

/* Two 64-bit FNV-1a hashes of the text drawn: the same note, same /ID. */
void
pdf_hash_text(struct dev *v, const struct box *b)
{
	size_t	 k;

	for (k = 0; k < b->len; k++) {
		v->h1 = (v->h1 ^ (unsigned char)b->text[k]) * 1099511628211ULL;
		v->h2 = (v->h2 ^ (unsigned char)b->text[k] ^ v->pageno) *
		    1099511628211ULL;
	}
}

/*
 * Bookmarks: nested by level under the one before of a lower level, as
 * the headings are.  Each goes to its heading's top left and keeps the
 * reader's zoom ([page /XYZ left top null]), an array written inline.
 */
void
pdf_outlines(struct dev *v, const struct typeset *ts, HPDF_Page *pages)
{
	HPDF_Outline	 stack[8], o;
	void		*dst;		/* an array */
	size_t		 i;
	int		 level, depth = 0, rc;

	for (i = 0; i < ts->noutlines; i++) {
		level = ts->outlines[i].level;
		if (level < 1)
			level = 1;
		if (level > depth + 1)
			level = depth + 1;
		if (level > 8)
			level = 8;
		o = HPDF_CreateOutline(v->pdf, level > 1 ? stack[level - 2] :
		    NULL, "", NULL);
		if (o == NULL)
			return;
		pdf_set_text(v, o, "Title", ts->outlines[i].title);
		/* libharu marks an item /Type /Outlines, the root's type. */
		pdfh_remove(o, "Type");
		HPDF_Outline_SetOpened(o, HPDF_TRUE);
		if ((dst = pdfh_array(v->pdf)) == NULL)
			return;
		rc = pdfh_push(dst, pages[ts->outlines[i].page]);
		rc |= pdfh_push_name(dst, "XYZ");
		rc |= pdfh_push_int(dst, 0);
		rc |= pdfh_push_real(dst, ts->outlines[i].y);
		rc |= pdfh_push_null(v->pdf, dst);
		if (rc != 0 || pdfh_put(o, "Dest", dst) != 0)
			return;
		stack[level - 1] = o;
		depth = level;
	}
	if (ts->noutlines > 0)
		HPDF_SetPageMode(v->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
}

/* The information dictionary: what the note says it is. */
void
pdf_info(struct dev *v)
{
	/* Setting one entry makes libharu create the information dict. */
	HPDF_SetInfoAttr(v->pdf, HPDF_INFO_CREATOR, "statusnotat");
	pdf_set_text(v, pdfh_info(v->pdf), "Title", v->ts->title);
	pdf_set_text(v, pdfh_info(v->pdf), "Subject", v->ts->subject);
	pdf_set_text(v, pdfh_info(v->pdf), "Author", v->ts->author);
	pdf_set_text(v, pdfh_info(v->pdf), "Keywords", v->ts->keywords);
}

/* --- Archival: PDF/A-2b ---------------------------------------------- */

/* Text for XML: the five characters XML gives meaning escaped. */
static void
xml_text(struct buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		switch (*s) {
		case '&':  buf_puts(b, "&amp;"); break;
		case '<':  buf_puts(b, "&lt;"); break;
		case '>':  buf_puts(b, "&gt;"); break;
		case '"':  buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&apos;"); break;
		default:   buf_putc(b, *s); break;
		}
	}
}

/* The XMP packet: what the document information says, and the claims. */
static void
xmp(struct buf *b, const struct typeset *ts, const char *date)
{
	buf_puts(b, "<?xpacket begin=\"\xef\xbb\xbf\" "
	    "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "<rdf:Description rdf:about=\"\"\n"
	    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	    " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	    " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
	    " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
	    " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
	    "<dc:format>application/pdf</dc:format>\n"
	    "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
	xml_text(b, ts->title);
	buf_puts(b, "</rdf:li></rdf:Alt></dc:title>\n"
	    "<dc:creator><rdf:Seq><rdf:li>");
	xml_text(b, ts->author);
	buf_puts(b, "</rdf:li></rdf:Seq></dc:creator>\n"
	    "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">");
	xml_text(b, ts->subject);
	buf_puts(b, "</rdf:li></rdf:Alt></dc:description>\n"
	    "<dc:language><rdf:Bag><rdf:li>");
	xml_text(b, ts->language);
	buf_puts(b, "</rdf:li></rdf:Bag></dc:language>\n<pdf:Keywords>");
	xml_text(b, ts->keywords);
	buf_printf(b, "</pdf:Keywords>\n"
	    "<pdf:Producer>Haru Free PDF Library 2.3.0</pdf:Producer>\n"
	    "<xmp:CreatorTool>statusnotat</xmp:CreatorTool>\n"
	    "<xmp:CreateDate>%s</xmp:CreateDate>\n"
	    "<xmp:ModifyDate>%s</xmp:ModifyDate>\n"
	    "<pdfaid:part>2</pdfaid:part>\n"
	    "<pdfaid:conformance>B</pdfaid:conformance>\n"
	    "<pdfuaid:part>1</pdfuaid:part>\n", date, date);
	/*
	 * PDF/A wants every schema it does not know described, in a
	 * description of its own (PDFBox's Preflight finds it only there).
	 */
	buf_puts(b, "</rdf:Description>\n"
	    "<rdf:Description rdf:about=\"\"\n"
	    " xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
	    " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
	    " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
	    "<pdfaExtension:schemas><rdf:Bag>"
	    "<rdf:li rdf:parseType=\"Resource\">\n"
	    "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema"
	    "</pdfaSchema:schema>\n"
	    "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/"
	    "</pdfaSchema:namespaceURI>\n"
	    "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
	    "<pdfaSchema:property><rdf:Seq>"
	    "<rdf:li rdf:parseType=\"Resource\">\n"
	    "<pdfaProperty:name>part</pdfaProperty:name>\n"
	    "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
	    "<pdfaProperty:category>internal</pdfaProperty:category>\n"
	    "<pdfaProperty:description>Indicates, which part of ISO 14289 "
	    "standard is followed</pdfaProperty:description>\n"
	    "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
	    "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
	    "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
	    "<?xpacket end=\"w\"?>");
}

static void
file_id(const struct dev *v, unsigned char id[16])
{
	size_t	 k;

	for (k = 0; k < 8; k++) {
		id[k] = (unsigned char)(v->h1 >> (8 * k));
		id[8 + k] = (unsigned char)(v->h2 >> (8 * k));
	}
}

/*
 * PDF/A-2b: XMP metadata (uncompressed, as archives read it), an sRGB
 * output intent, document dates from the note's date (no clock), and a
 * deterministic /ID.
 */
int
pdf_archival(struct dev *v, const struct pdf_opts *o)
{
	HPDF_Dict	 meta, icc, intent;
	void		*intents, *ids;	/* arrays */
	HPDF_Date	 dt;
	struct buf	 b;
	unsigned char	 id[16];
	const char	*profile;
	char		 date[40];
	size_t		 len;
	int		 y = 1970, mo = 1, day = 1, rc = 0;

	if ((profile = fs_read(v->a, v->d, o->icc_profile, 1024 * 1024, &len,
	    0)) == NULL)
		return -1;
	sscanf(v->ts->date_iso != NULL ? v->ts->date_iso : "", "%d-%d-%d",
	    &y, &mo, &day);
	snprintf(date, sizeof(date), "%04d-%02d-%02dT00:00:00+00:00", y, mo,
	    day);
	memset(&dt, 0, sizeof(dt));
	dt.year = y;
	dt.month = mo;
	dt.day = day;
	dt.ind = '+';	/* libharu 2.3.0 mishandles 'Z' */
	HPDF_SetInfoDateAttr(v->pdf, HPDF_INFO_CREATION_DATE, dt);
	HPDF_SetInfoDateAttr(v->pdf, HPDF_INFO_MOD_DATE, dt);

	buf_init(&b, v->a);
	xmp(&b, v->ts, date);
	if ((meta = pdfh_stream(v->pdf, b.data, b.len, PDFH_RAW)) == NULL ||
	    (icc = pdf_stream(v, profile, len)) == NULL ||
	    (intent = pdfh_dict(v->pdf)) == NULL ||
	    (intents = pdfh_array(v->pdf)) == NULL ||
	    (ids = pdfh_array(v->pdf)) == NULL)
		return -1;
	rc |= pdfh_put_name(meta, "Type", "Metadata");
	rc |= pdfh_put_name(meta, "Subtype", "XML");
	rc |= pdfh_put(pdfh_catalog(v->pdf), "Metadata", meta);

	rc |= pdfh_put_int(icc, "N", 3);
	rc |= pdfh_put_name(intent, "Type", "OutputIntent");
	rc |= pdfh_put_name(intent, "S", "GTS_PDFA1");
	rc |= pdfh_put_string(v->pdf, intent, "OutputConditionIdentifier",
	    "sRGB IEC61966-2.1");
	rc |= pdfh_put_string(v->pdf, intent, "Info", "sRGB IEC61966-2.1");
	rc |= pdfh_put(intent, "DestOutputProfile", icc);
	rc |= pdfh_push(intents, intent);
	rc |= pdfh_put(pdfh_catalog(v->pdf), "OutputIntents", intents);

	file_id(v, id);
	rc |= pdfh_push_binary(v->pdf, ids, id, 16);
	rc |= pdfh_push_binary(v->pdf, ids, id, 16);
	rc |= pdfh_put(pdfh_trailer(v->pdf), "ID", ids);
	return rc == 0 ? 0 : -1;
}
