/*
 * model.h: the content model, as the loader makes it from content/ and
 * the validator checks it.  Everything lives in the build's arena and is
 * read-only after validation.  Included by the loader, the validator,
 * the merge and the layout stages; never by a renderer.
 */
#ifndef MODEL_H
#define MODEL_H

#include <stddef.h>

#include "date.h"

/* Where a value was written: for diagnostics.  line and col from 1. */
struct pos {
	const char	*file;
	int		 line;
	int		 col;
};

/* A number as it stood from a date on: one step of a count's history. */
struct count_at {
	struct date	 date;
	long		 value;
	int		 decimals;	/* a figure's: value is scaled */
	const char	*unit;		/* a figure's: "%", "kr.", or NULL */
	int		 approx;	/* a figure's: "ca." */
	struct pos	 pos;
};

/*
 * An optional whole number.  Written as a number, it holds for every
 * note; written as dates with numbers ("3. juni 2021: 16"), each note
 * takes the one of its as_of date (validate.h: count_at).  value and
 * pos are then the newest.
 */
struct count {
	int		 set;
	int		 bad;		/* written, but not a number (reported) */
	long		 value;
	/*
	 * A figure's value may be a quantity (danish.h): value scaled by
	 * 10^decimals, with its unit and "ca."; other counts are whole.
	 */
	int		 decimals;
	const char	*unit;
	int		 approx;
	struct pos	 pos;
	struct count_at	*hist;		/* oldest first; NULL: a plain number */
	size_t		 nhist;
};

enum quotes {
	QUOTES_DANISH,		/* ”…” (the default) */
	QUOTES_GUILLEMETS,	/* »…« */
	QUOTES__MAX
};

struct unit {				/* an organisational unit */
	const char	*id;
	const char	*name;
	struct pos	 pos;
};

struct site {
	const char	*file;
	int		 broken;	/* unreadable (reported): refer to it quietly */
	const char	*municipality;
	const char	*language;	/* "da" */
	const char	*base_url;	/* may be NULL */
	const char	*logo;		/* as written: a file below content/, or NULL */
	const char	*logo_path;	/* content/<logo> */
	enum quotes	 quotes;
	struct unit	*units;
	size_t		 nunits;
};

/*
 * Bounds on the content, generously above what a municipality writes
 * (docs/content.md lists them), so that work and output stay bounded:
 * most initiatives, notes, units, events, sections a folder or list may
 * hold; most phases, milestones, figures of one initiative; changed
 * plans of one milestone; dates of one count; phases and milestones of
 * all initiatives together; the rows (timeline and chart entries,
 * table rows) of one note and of all notes; narrative text read for one
 * note and for all.  Each is an error at the file (and line) passing it.
 */
#define MODEL_MAX_ITEMS		1000
#define MODEL_MAX_PER_INITIATIVE 200
#define MODEL_MAX_REPLANS	50
#define MODEL_MAX_HISTORY	100
#define MODEL_MAX_ENTRIES	20000
#define MODEL_MAX_NOTE_ROWS	5000
#define MODEL_MAX_ROWS		50000
#define MODEL_MAX_NOTE_TEXT	(4 * 1024 * 1024)
#define MODEL_MAX_TEXT		(32 * 1024 * 1024)

/*
 * The longest id, in bytes (ids are plain ASCII names, so characters):
 * a note's id names its folder and its PDF, <id>/<id>.pdf, which must
 * stay well under the 255 bytes a file name may have.
 */
#define MODEL_MAX_ID		100

struct ref {				/* a reference to an id, resolved by validate */
	const char	*id;
	struct pos	 pos;
};

enum phase_kind {
	PHASE_RECRUITMENT,
	PHASE_TRAINING,
	PHASE_PAUSE,
	PHASE_SUPPORT,
	PHASE_OTHER,
	PHASE__MAX
};

/*
 * A plan changed (a milestone's or a phase's): from date on, it is
 * expected at planned (a phase: to start then, and end at planned_end).
 */
struct replan {
	struct date	 date;
	struct date	 planned;
	struct date	 planned_end;	/* a phase's; DATE_NONE: none given */
	const char	*reason;	/* may be NULL */
	struct pos	 pos;
	struct pos	 planned_pos;
};

struct phase {
	const char	*id;
	const char	*name;
	enum phase_kind	 kind;
	const char	*reason;	/* why, for a pause; may be NULL */
	struct date	 start;		/* DATE_NONE when not known */
	struct date	 end;		/* DATE_NONE while it goes on */
	/*
	 * A plan made in advance (known.h): when it was to start and end,
	 * and when the plan was made (DATE_NONE: always known).
	 */
	struct date	 planned_start;
	struct date	 planned_end;
	struct date	 planned_on;
	struct replan	*replans;	/* oldest first */
	size_t		 nreplans;
	struct count	 sessions;	/* teaching sessions held */
	int		 ongoing;	/* still going on beside later phases: */
	struct date	 ongoing_on;	/* known so then ("ongoing: DATE"), or
					   DATE_NONE ("ongoing: true") */
	struct pos	 pos;
	struct pos	 start_pos;
	struct pos	 end_pos;
	struct pos	 planned_start_pos;
	struct pos	 planned_end_pos;
};

enum status {				/* of a milestone, as of the note's date */
	STATUS_DONE,			/* it has an actual date */
	STATUS_EXPECTED,		/* planned, not yet due: "forventes" */
	STATUS_OVERDUE,			/* planned, passed, no actual date */
	STATUS__MAX
};

struct milestone {
	const char	*id;
	const char	*label;
	struct date	 planned;	/* the first plan; DATE_NONE when none */
	struct date	 planned_on;	/* when it was made; DATE_NONE: always */
	struct date	 actual;	/* DATE_NONE until it happened */
	struct replan	*replans;	/* oldest first */
	size_t		 nreplans;
	struct pos	 pos;
	struct pos	 planned_pos;
};

struct figure {				/* a named number of an initiative */
	const char	*id;
	const char	*label;
	struct count	 value;
	struct count	 target;	/* what it should reach, or unset */
	const char	*ref_label;	/* what it is compared with: */
	struct count	 reference;	/* "Regionalt gennemsnit", 38 % */
	struct date	 as_of;		/* when it was counted, or none */
	struct date	 period;	/* the period it covers, or none */
	struct date	 ends;		/* no longer reported after it */
	struct pos	 pos;
};

/*
 * The participant counts: of the whole initiative (the map form, id and
 * label NULL), or of one of its courses (the list form: "Hold 1").
 */
struct participants {
	const char	*id;		/* the course's, or NULL */
	const char	*label;		/* "Forårsholdet 2022", or NULL */
	struct count	 recruited;	/* recruited to the initiative */
	struct count	 started;	/* started the training */
	struct count	 dropped_out;
	struct count	 completed;
	struct count	 active;	/* derived (count_at) when not given */
	struct pos	 pos;
};

/* Staff of one role: "1 centerchef", "2 medarbejdere". */
struct staff_role {
	const char	*role;		/* "centerchef" */
	struct count	 count;
	struct ref	 unit;
	const struct unit *unit_p;	/* resolved */
	struct pos	 pos;
};

/* The staff: a count, or a list of roles (then count is unset). */
struct staff {
	struct count	 count;
	struct ref	 unit;
	struct date	 from;
	const struct unit *unit_p;	/* resolved */
	struct staff_role *roles;
	size_t		 nroles;
};

struct initiative {
	const char	*id;		/* the file name without .yaml */
	const char	*file;
	int		 broken;	/* unreadable (reported): refer to it quietly */
	int		 incomplete;	/* had errors: its missing names are quiet */
	const char	*name;
	const char	*origin;	/* who developed it, may be NULL */
	struct ref	 owner;
	const struct unit *owner_p;	/* resolved */
	struct ref	*partners;	/* units it works with */
	const struct unit **partners_p;	/* resolved, or NULL */
	size_t		 npartners;
	struct date	 founded;
	struct date	 established;
	struct staff	 staff;
	const char	**recruitment;	/* channels */
	size_t		 nrecruitment;
	struct participants *participants;	/* one, or one per course */
	size_t		 nparticipants;
	struct phase	*phases;
	size_t		 nphases;
	struct milestone *milestones;
	size_t		 nmilestones;
	struct figure	*figures;
	size_t		 nfigures;
};

struct event {				/* a dated fact of a note */
	const char	*id;
	const char	*label;
	struct date	 date;
	struct pos	 pos;
};

/* A file published with a note and listed under "Bilag". */
struct attachment {
	const char	*file;		/* its name in the note's folder */
	const char	*title;		/* may be NULL: the name */
	struct pos	 pos;
};

/* A correction of a published note: printed with it (record.h). */
struct correction {
	struct date	 date;
	const char	*what;		/* what was corrected */
	const char	*why;
	struct pos	 pos;
	struct pos	 date_pos;
};

struct section {
	const char	*title;		/* heading, may be NULL */
	const char	*narrative;	/* path of the .md file, may be NULL */
	struct ref	 initiative;	/* id NULL when none */
	const struct initiative *initiative_p;	/* resolved */
	int		 chart;		/* include: the timeline chart */
	int		 forecasts;	/* include: the forecast ledger */
	struct pos	 pos;
};

struct note {
	const char	*id;		/* the directory name */
	const char	*dir;		/* content/reports/<id> */
	const char	*file;		/* .../report.yaml */
	struct date	 date;
	struct date	 as_of;		/* the date figures hold on; = date */
	const char	*title;		/* "Statusnotat" */
	const char	**to;		/* whom it is for: "Byrådet" (the
					   default), or committees */
	size_t		 nto;
	const char	*subject;	/* printed after "Vedr." */
	struct ref	 sender;
	const struct unit *sender_p;
	struct ref	*initiatives;	/* the initiatives the note covers */
	const struct initiative **initiatives_p;	/* resolved, or NULL */
	size_t		 ninitiatives;
	struct event	*events;
	size_t		 nevents;
	struct section	*sections;
	size_t		 nsections;
	struct correction *corrections;	/* oldest first */
	size_t		 ncorrections;
	struct attachment *attachments;	/* as listed */
	size_t		 nattachments;
};

struct font;

struct content {
	const char	*dir;		/* "content" */
	/*
	 * Set by the caller before loading, for check: the PDF's faces
	 * (FACE__MAX), so that every character of the text is one they
	 * can draw; NULL checks nothing.
	 */
	struct font *const *fonts;
	struct site	 site;
	struct initiative *initiatives;	/* sorted by id */
	size_t		 ninitiatives;
	struct note	*notes;		/* sorted by date, newest first */
	size_t		 nnotes;
};

#endif
