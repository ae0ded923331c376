/*
 * utf8.c: decoding UTF-8, strictly, in one place: the typesetter
 * measures and the PDF device encodes the same characters.  See utf8.h.
 */
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "utf8.h"

size_t
utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t	 c, min;
	size_t		 len, i;

	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		c &= 0x07;
		min = 0x10000;
	} else
		goto bad;
	if (len > n)
		goto bad;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto bad;
		c = c << 6 | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xFFFDu;
	return 1;
}

int
utf8_column(const char *line, const char *at)
{
	const unsigned char *p = (const unsigned char *)line;
	const unsigned char *end = (const unsigned char *)at;
	uint32_t	 cp;
	int		 col = 1;

	while (p < end) {
		p += utf8_decode(p, (size_t)(end - p), &cp);
		col++;
	}
	return col;
}

int
utf8_column_at(struct utf8_cursor *c, const char *line, const char *at)
{
	if (c->line != line || c->at == NULL || at < c->at) {
		c->line = c->at = line;
		c->col = 1;
	}
	c->col += utf8_column(c->at, at) - 1;
	c->at = at;
	return c->col;
}

/* Windows-1252's 0x80-0x9f (0: undefined); 0xa0-0xff are Latin-1's. */
static const uint16_t cp1252[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178
};

void
utf8_report_invalid(struct diag *d, const char *file, int line, int col,
    unsigned char b)
{
	uint32_t	 cp = b >= 0xa0 ? b : b >= 0x80 ? cp1252[b - 0x80] : 0;
	char		 c[5];

	if (cp == 0) {
		diag_msg(d, DIAG_ERROR, file, line, col, "the file is not "
		    "valid UTF-8 text: save it as UTF-8");
		return;
	}
	if (cp < 0x800) {
		c[0] = (char)(0xc0 | cp >> 6);
		c[1] = (char)(0x80 | (cp & 0x3f));
		c[2] = '\0';
	} else {
		c[0] = (char)(0xe0 | cp >> 12);
		c[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		c[2] = (char)(0x80 | (cp & 0x3f));
		c[3] = '\0';
	}
	diag_msg(d, DIAG_ERROR, file, line, col, "the file is saved as "
	    "Windows-1252 (\"ANSI\"), not UTF-8: this \"%s\" is the first "
	    "character that shows it.  Save it as UTF-8: in Notepad with "
	    "File > Save as, Encoding: UTF-8; in Notepad++ with Encoding > "
	    "Convert to UTF-8; in Word as plain text with the encoding "
	    "Unicode (UTF-8)", c);
}
