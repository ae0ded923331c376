/*
 * load.h: the first stage: read content/ (site.yaml, initiatives/<id>.yaml,
 * reports/<id>/report.yaml) into the model, checking types, required and
 * unknown keys.  The only user of libyaml.  Included by main and tests.
 */
#ifndef LOAD_H
#define LOAD_H

#include <stddef.h>

struct arena;
struct content;
struct diag;
struct style;

/* Bounds on what the loader accepts. */
#define LOAD_MAX_FILE	(1024 * 1024)	/* bytes in one YAML file */
#define LOAD_MAX_DEPTH	16		/* nesting of YAML collections */
#define LOAD_MAX_STRING	(16 * 1024)	/* bytes in one YAML scalar */
#define LOAD_MAX_KEYS	1000		/* keys in one YAML mapping */
#define LOAD_MAX_TOTAL	(16 * 1024 * 1024)	/* bytes of all content YAML */

/*
 * Load the content directory dir into *c (zeroed by the caller).  Every
 * problem is reported; returns 0 when none was an error, else -1 (and
 * *c holds what could be loaded).
 */
int	 load_content(struct arena *, struct diag *, const char *dir,
	    struct content *c);

/*
 * Read the print style at path (templates/pdf.yaml) over *s, which
 * holds the defaults (style_defaults).  A missing file leaves them.
 * Font paths are relative to the style file's folder.  Returns 0, or
 * -1 after diagnostics.
 */
int	 load_style(struct arena *, struct diag *, const char *path,
	    struct style *s);

/*
 * The YAML reader on its own, for tests: a document as a tree with
 * positions, anchors, aliases, tags and duplicate keys refused.
 */
enum ynode_type {
	YNODE_SCALAR,
	YNODE_SEQ,
	YNODE_MAP,
	YNODE__MAX
};

struct ynode {
	enum ynode_type	  type;
	const char	 *str;		/* YNODE_SCALAR, NUL-terminated */
	size_t		  len;
	int		  plain;	/* an unquoted scalar */
	int		  line, col;	/* from 1 */
	struct ynode	**kids;		/* SEQ items; MAP key, value, key, ... */
	size_t		  nkids;
};

/*
 * Parse len bytes of text (named file in diagnostics).  Returns the root
 * (an empty map for an empty document) or NULL after diagnostics.
 */
struct ynode	*load_yaml(struct arena *, struct diag *, const char *file,
		    const char *text, size_t len);

#endif
