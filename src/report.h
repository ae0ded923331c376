/*
 * report.h: the format-neutral report that the layout stage makes and
 * every renderer (HTML, PDF, the text dump) reads.  A note is a tree of
 * blocks holding inlines; every string is final text (dates, numbers and
 * quotation marks already in Danish).  Renderers include this header and
 * nothing of the model, the loader or libyaml/cmark.
 */
#ifndef REPORT_H
#define REPORT_H

#include <stddef.h>

enum inline_type {
	INL_TEXT,
	INL_EMPH,
	INL_STRONG,
	INL_CODE,
	INL_LINK,	/* children are the link text */
	INL_IMAGE,	/* children are the alt text */
	INL_LINEBREAK,	/* a hard break; a soft one is a "\n" in the text */
	INL__MAX
};

struct inline_ {
	enum inline_type  type;
	const char	 *text;		/* INL_TEXT, INL_CODE */
	size_t		  len;
	const char	 *url;		/* INL_LINK, INL_IMAGE; "" when unsafe */
	const char	 *title;	/* INL_LINK, INL_IMAGE; may be NULL */
	const char	 *path;		/* INL_IMAGE: the file, checked usable */
	unsigned	  px_width;	/* INL_IMAGE: pixels */
	unsigned	  px_height;
	double		  dpi;		/* INL_IMAGE: 0 when the file gives none */
	struct inline_	 *child;
	struct inline_	 *next;
};

enum block_type {
	BLOCK_SECTION,	/* children: a heading and what follows it */
	BLOCK_HEADING,
	BLOCK_PARA,
	BLOCK_LIST,
	BLOCK_ITEM,
	BLOCK_QUOTE,
	BLOCK_CODE,
	BLOCK_HR,
	BLOCK_TABLE,	/* children: rows; caption in text */
	BLOCK_ROW,	/* children: cells */
	BLOCK_CELL,
	BLOCK__MAX
};

/* What a table shows, for styling and (later) charts. */
enum table_kind {
	TABLE_TIMELINE,
	TABLE_FIGURES,
	TABLE__MAX
};

/* The state of a timeline row. */
enum row_state {
	ROW_NONE,
	ROW_DONE,	/* gennemført, afsluttet */
	ROW_ONGOING,	/* i gang */
	ROW_EXPECTED,	/* forventes */
	ROW_OVERDUE,	/* overskredet */
	ROW__MAX
};

struct block {
	enum block_type	 type;
	int		 level;		/* HEADING: 1-6 */
	int		 ordered;	/* LIST */
	int		 start;		/* LIST: first number */
	int		 tight;		/* LIST */
	int		 header;	/* ROW: a header row; CELL: a th */
	enum table_kind	 table;		/* TABLE */
	enum row_state	 state;		/* ROW */
	const char	*id;		/* SECTION, HEADING: anchor, may be NULL */
	const char	*text;		/* CODE: the literal; TABLE: caption */
	size_t		 len;
	const char	*info;		/* CODE: info string, may be NULL */
	const char	*iso;		/* CELL: the date it shows, machine-read, or NULL */
	struct inline_	*inl;		/* HEADING, PARA, CELL */
	struct block	*child;
	struct block	*next;
	int		 line;		/* source line, 0 if none */
};

struct report_note {
	const char	*id;		/* "2021-bydelsmoedre-baba" */
	const char	*date;		/* "3. juni 2021" */
	const char	*date_iso;	/* "2021-06-03" */
	const char	*title;		/* "Statusnotat" */
	const char	*subject;	/* "indsatserne Baba og Bydelsmødre" */
	const char	*regarding;	/* "Vedr. indsatserne Baba og Bydelsmødre" */
	const char	*dir;		/* the source folder, for images */
	const char	*sender;	/* "Center for Børn og Forebyggelse" */
	const char	*initiatives;	/* "Bydelsmødre og Baba" */
	struct block	*body;		/* sections in order */
};

struct report {
	const char	*municipality;
	const char	*language;	/* "da" */
	const char	*base_url;	/* ends in "/"; may be NULL */
	const char	*logo;		/* its name in the output folder, or NULL */
	const char	*logo_path;	/* where to copy it from */
	unsigned	 logo_px_width;	/* a PNG or JPEG the PDF can show; */
	unsigned	 logo_px_height; /* 0 for SVG: the web pages only */
	struct report_note *notes;	/* newest first */
	size_t		 nnotes;
};

#endif
