/*
 * narrative.h: the merge stage for prose: a note's Markdown narrative,
 * with {{ name }} values from the data filled in, parsed by cmark and
 * turned into report blocks with Danish quotation marks.  The only file
 * on the parser side that includes <cmark.h>.  Used by layout.c.
 */
#ifndef NARRATIVE_H
#define NARRATIVE_H

#include "model.h"

struct arena;
struct block;
struct diag;
struct font;
struct names;

#define NARRATIVE_MAX_FILE	(1024 * 1024)	/* bytes in one narrative */
#define NARRATIVE_MAX_DEPTH	32	/* deeper Markdown nesting is flattened */

/*
 * The image names one note's narratives have used so far, to find two
 * that one folder cannot hold apart where upper and lower case are one
 * (as on many computers and web servers): names that differ only in
 * case, or a folder and an image of one name.  A hash table on the
 * name in lower case; zeroed, with a set, for each note.
 */
struct image_seen {
	const char	*name;		/* without "." parts: "a/b.png" */
	const char	*file;		/* the narrative using it, and where */
	int		 line;
	int		 folder;	/* a folder on the way to an image */
};
struct narrative_images {
	struct arena	*a;		/* for the table and its names */
	struct image_seen *seen;
	size_t		 n, cap;
};

/*
 * The files a note links to or lists as attachments (bilag): each once,
 * by name in the note's folder, with where it is and a title.
 */
struct narrative_file {
	const char	*name;		/* "handlingsplan.pdf" */
	const char	*path;		/* content/reports/<id>/handlingsplan.pdf */
	const char	*title;		/* NULL: the name */
};
#define NARRATIVE_MAX_ATTACHMENT	(64 * 1024 * 1024)	/* bytes */
struct narrative_files {
	struct arena	*a;		/* for the list */
	struct narrative_file *v;
	size_t		 n, cap;
};

struct narrative_opts {
	struct names	*names;		/* values for {{ }}, made as asked */
	enum quotes	 quotes;
	int		 heading_shift;	/* "#" becomes level 1 + shift */
	const char	*dir;		/* the note's folder, for images */
	const char	*root;		/* the content folder: no file outside */
	unsigned long long *pixels;	/* the note's images so far, or NULL */
	struct narrative_images *images; /* their names so far, or NULL */
	struct narrative_files *files;	/* attachments so far, or NULL */
	struct font *const *fonts;	/* for check: the PDF's faces, or NULL */
	/*
	 * The newest note's texts are checked for what is stale: a text
	 * the same as the one of that name in the note before (stale_dir,
	 * stale_id; NULL: none), a plan spoken of that was carried out.
	 */
	int		 stale;
	const char	*stale_dir;
	const char	*stale_id;
};

/*
 * Read, fill in and parse the narrative at path, which the report names
 * at from.  Every problem is reported (unknown names at their line and
 * column).  Returns the first of the blocks (NULL for an empty text)
 * and sets *ok to 0 after an error, else leaves it alone.
 */
struct block	*narrative_load(struct arena *, struct diag *,
		    const char *path, const struct pos *from,
		    const struct narrative_opts *, int *ok);

/*
 * Take the file name, which file (at line and col) links to or lists,
 * as an attachment of the note in dir (the content folder root): a file
 * of an attachment's kind in the note's folder itself, there, and not
 * named as the note's page or PDF.  Adds it to files (once; title, if
 * not NULL, names it) and returns 0, or reports why not and returns -1.
 */
/*
 * The kind of attachment a file name says, in Danish ("PDF", "Excel",
 * "billede"), or NULL for a kind a note cannot have.
 */
const char	*narrative_attach_kind(const char *name);
int		 narrative_attach(struct diag *, const char *root,
		    const char *dir, const char *name, const char *title,
		    const char *file, int line, int col,
		    struct narrative_files *files);

#endif