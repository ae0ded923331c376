/*
 * i18n.h: the language of messages.  The program speaks Danish by
 * default and English on request (--lang en, or an English LANGUAGE,
 * LC_ALL, LC_MESSAGES or LANG; a C or POSIX locale asks for nothing).
 * The messages are written in English in the source, as gettext has
 * it; the Danish ones are in the standard catalogue po/da.po, compiled
 * by msgfmt and built into the program (build/da_mo.c), so that it
 * needs no locale installed and no data files.
 *
 * Every message goes through tr() (diag_msg does it for its format);
 * N_() marks a string for the catalogue where it is translated later.
 * The catalogue is looked up by binary search: msgfmt sorts it.
 */
#ifndef I18N_H
#define I18N_H

#include <stddef.h>

#define N_(s)	s

struct lang {
	const unsigned char *mo;	/* the catalogue, or NULL: English */
	size_t		 len;
	size_t		 n;		/* its messages */
};

/*
 * The language asked for: opt (from --lang: "da" or "en"), else the
 * environment.  0, or -1 when opt is neither (then the language of
 * the environment is set, for the message that says so).
 */
int		 lang_init(struct lang *, const char *opt);

/* The message in the language: its translation, or msgid itself. */
const char	*tr(const struct lang *, const char *msgid)
		    __attribute__((format_arg(2)));

/* The same for a count: singular or plural by n. */
const char	*trn(const struct lang *, const char *msgid,
		    const char *plural, unsigned long n)
		    __attribute__((format_arg(2)))
		    __attribute__((format_arg(3)));

#endif
