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
	BLOCK_CHART,	/* chart; text: its title; child: its data as a table */
	BLOCK__MAX
};

/* What a table shows, for styling. */
enum table_kind {
	TABLE_TIMELINE,
	TABLE_FIGURES,
	TABLE_CHART,		/* the timeline chart's data */
	TABLE_FORECASTS,	/* the forecast ledger */
	TABLE__MAX
};

/* The state of a timeline row. */
enum row_state {
	ROW_NONE,
	ROW_DONE,	/* gennemført, afsluttet */
	ROW_ONGOING,	/* i gang */
	ROW_EXPECTED,	/* forventes */
	ROW_OVERDUE,	/* overskredet, forsinket */
	ROW_CHANGED,	/* ændret: a forecast moved */
	ROW__MAX
};

/*
 * The timeline chart: one geometry, made once by the layout stage
 * (chart.c) and drawn as it is by the HTML device (inline SVG) and the
 * PDF device (vectors).  Points, with y growing downwards from the
 * chart's top left.  Items come in painting order; what each paint looks
 * like is the devices' business, told apart by more than colour
 * (solid, outlined, hatched, dashed), as docs/content.md shows.
 */
enum chart_shape {
	SHAPE_RECT,	/* x, y: top left; w, h */
	SHAPE_LINE,	/* from (x, y) to (x + w, y + h) */
	SHAPE_DIAMOND,	/* inside the box x, y, w, h */
	SHAPE_TEXT,	/* x: start; y: baseline; w: measured width; h: size */
	SHAPE__MAX
};

enum chart_paint {
	PAINT_GRID,	/* thin light lines: years, lanes */
	PAINT_AXIS,	/* the time axis and its ticks */
	PAINT_TODAY,	/* the note's date: a dashed line */
	PAINT_ACTUAL,	/* a phase done or going on: solid */
	PAINT_PLANNED,	/* a phase still to come: outlined */
	PAINT_PAUSE,	/* a pause: hatched and outlined */
	PAINT_SPAN,	/* the days a fuzzy date may mean: a thin band */
	PAINT_DONE,	/* a milestone reached: a filled diamond */
	PAINT_EXPECTED,	/* a milestone to come: an open diamond */
	PAINT_OVERDUE,	/* a milestone passed, not reached: open, a dot in it */
	PAINT_BACKDROP,	/* white behind a label, over grid lines */
	PAINT_LABEL,	/* text */
	PAINT_LANE,	/* a lane's title: bold text */
	PAINT__MAX
};

struct chart_item {
	enum chart_shape shape;
	enum chart_paint paint;
	double		 x, y, w, h;
	const char	*text;		/* TEXT: UTF-8 */
	size_t		 len;
};

struct chart {
	const char	*id;		/* unique in its note: "tidslinje" */
	double		 width;		/* points */
	double		 height;
	double		 size;		/* of its text, points */
	const char	*title;		/* "Tidslinje for Bydelsmødre og Baba" */
	const char	*desc;		/* what it shows, in sentences: alt text */
	struct chart_item *items;	/* in painting order */
	size_t		 nitems;
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
	/*
	 * ROW: what it counts, where its label may differ from note to
	 * note (a course's counts, unlabelled while it is the only one),
	 * for lining up the notes' rows on an initiative's page; NULL:
	 * what its label says.
	 */
	const char	*key;
	int		 numeric;	/* CELL: it shows a number: */
	double		 value;		/* which, for charts */
	const struct chart *chart;	/* CHART */
	struct inline_	*inl;		/* HEADING, PARA, CELL */
	struct block	*child;
	struct block	*next;
	int		 line;		/* source line, 0 if none */
	/*
	 * SECTION: the page of the initiative it is about, which the web
	 * page links to at the section's end (the PDF does not), or NULL.
	 */
	const struct report_initiative *initiative;
};

/* A file published beside a note: its name there, and where it is. */
struct report_file {
	const char	*name;
	const char	*path;
};

struct report_initiative;

struct report_note {
	const char	*id;		/* "2021-bydelsmoedre-baba" */
	const char	*year;		/* "2021" */
	/*
	 * What tells it apart from the other notes: "Statusnotat 2021:
	 * indsatserne Baba og Bydelsmødre" (its full date instead of the
	 * year where another note has the same).
	 */
	const char	*heading;
	/*
	 * The series: the note it follows up (the newest earlier note on
	 * one of its initiatives), and the note that followed it up (the
	 * oldest later one); NULL when there is none.
	 */
	const struct report_note *follows;
	const struct report_note *followed;
	/* The pages of the initiatives it covers, as it lists them. */
	const struct report_initiative **pages;
	size_t		 npages;
	const char	*date;		/* "3. juni 2021" */
	const char	*date_iso;	/* "2021-06-03" */
	const char	*title;		/* "Statusnotat" */
	const char	*definite;	/* "Statusnotatet": the title, definite */
	const char	*to;		/* "Byrådet", "Social- og ..." */
	const char	*subject;	/* "indsatserne Baba og Bydelsmødre" */
	const char	*regarding;	/* "Vedr. indsatserne Baba og Bydelsmødre" */
	const char	*dir;		/* the source folder, for images */
	const char	*sender;	/* "Center for Børn og Forebyggelse" */
	const char	*initiatives;	/* "Bydelsmødre og Baba" */
	struct block	*body;		/* sections in order */
	struct report_file *files;	/* attachments, published beside */
	size_t		 nfiles;
};

/* A fact of an initiative's page: "Ansvarlig", "Center for ...". */
struct report_fact {
	const char	*label;
	const char	*value;
};

/*
 * An initiative's page, at indsatser/<id>/: what it is, its timeline
 * as of the newest note on it, its figures note by note, and the notes
 * on it, newest first.
 */
struct report_initiative {
	const char	*id;
	const char	*name;
	const char	*as_of;		/* the newest note's date: "2. juni 2022" */
	struct report_fact *facts;
	size_t		 nfacts;
	struct block	*timeline;	/* the chart, or the timeline table */
	struct block	*figures;	/* a table for each figure, or NULL */
	const struct report_note **notes;	/* newest first */
	size_t		 nnotes;
};

/* A group of the index: the notes of a year (to one recipient). */
struct report_group {
	const char	*year;		/* "2022" */
	const char	*to;		/* NULL unless the notes go to several */
	int		 first;		/* the year's first group */
	const struct report_note **notes;	/* newest first */
	size_t		 nnotes;
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
	const char	*recipients;	/* whom the notes are for, all of
					   them: "Byrådet" */
	int		 many_recipients; /* the notes are not all for one */
	struct report_initiative *initiatives;	/* by id: those a note covers */
	size_t		 ninitiatives;
	struct report_group *groups;	/* the index's: newest first */
	size_t		 ngroups;
};

#endif
