/*
 * main.c: the statusnotat command.  Runs the pipeline (pipeline.h)
 *   load -> validate -> layout -> (dump | build: html, typeset, pdf)
 * with one arena and one diagnostics context, and turns the worst
 * diagnostic into the exit status: 0 ok, 1 bad content, 2 usage or system.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "build.h"
#include "diag.h"
#include "dump.h"
#include "font.h"
#include "fsutil.h"
#include "i18n.h"
#include "layout.h"
#include "load.h"
#include "model.h"
#include "newnote.h"
#include "pipeline.h"
#include "record.h"
#include "report.h"
#include "schema.h"
#include "serve.h"
#include "style.h"

#define VERSION	"0.1.0"

/* TEMPLATEDIR: the Makefile writes it from PREFIX. */
#include "templatedir.h"

static const char usage_text[] = N_(
"usage: statusnotat build [-C content] [-t templates] [-o output]\n"
"       statusnotat check [-C content] [-t templates]\n"
"       statusnotat dump  [-C content] [-t templates]\n"
"       statusnotat publish NOTE-ID [-C content] [-t templates]\n"
"       statusnotat new NOTE-ID [--from NOTE-ID] [--date DATE] [-C content]\n"
"       statusnotat serve [-C content] [-t templates] [-p PORT]\n"
"       statusnotat schema site|initiative|report|pdf\n"
"       statusnotat --help | --version\n"
"Every command also takes --lang da or --lang en.\n");

static const char help_text[] = N_(
"statusnotat turns a municipality's YAML data and Markdown narratives\n"
"into status notes (statusnotater) for the city council.\n"
"\n"
"Commands:\n"
"  build   check the content, then write the website into the output\n"
"          folder: index.html, style.css, and for every note\n"
"          <note-id>/index.html and the printable <note-id>/<note-id>.pdf\n"
"          (tagged PDF/UA-1 and archival PDF/A-2b; its look is set in\n"
"          the templates folder's pdf.yaml), for every initiative\n"
"          indsatser/<id>/index.html, and with site.yaml's\n"
"          base_url an Atom feed, feed.xml.  The old output is\n"
"          replaced only when everything succeeded, in one step.\n"
"  check   check the content and the templates (the pages are made\n"
"          but not written) and report every problem, writing\n"
"          nothing: also that the PDF's fonts can draw every character\n"
"          of the text (letters typed with their accents apart are\n"
"          composed first, zero width spaces removed), and that the\n"
"          content is within its bounds (docs/content.md).\n"
"          Also warns about milestones whose planned date has passed\n"
"          without an actual date, a pause with no end, a number typed\n"
"          by hand in a narrative where the data has it (naming the\n"
"          {{ }} to write), a forecast ledger with no earlier note, and\n"
"          (for an initiative in two notes or more) phases and figures\n"
"          with no date, which would reach every note.\n"
"          Each note shows what was known on its date (as_of): facts\n"
"          dated later do not reach it; a {{ }} of one is an error.\n"
"  dump    print the laid-out notes as indented text (for tests and\n"
"          for seeing what statusnotat understood), the charts as the\n"
"          templates' pdf.yaml sets the page.\n"
"  publish mark the note NOTE-ID published: write what it says (its\n"
"          text as a reader gets it) into reports/NOTE-ID/published.txt,\n"
"          to be committed with the content.  From then on check and\n"
"          build compare the note with it, and a change is an error that\n"
"          shows the changed lines.  To correct a published note, record\n"
"          the correction in its report.yaml (corrections: date, what,\n"
"          why); the note prints it, and publish adds a new edition to\n"
"          published.txt, which keeps every edition.\n"
"  new     start the next note of the yearly series: write the folder\n"
"          reports/NOTE-ID from the newest note (or --from NOTE-ID),\n"
"          dated today (or --date DATE): its report.yaml with the new\n"
"          date and the forecast ledger added where the note it starts\n"
"          from expected something, its texts copied for revision.\n"
"          Never writes into a folder that exists.  Then it says what\n"
"          to do next.\n"
"  serve   a preview while you write: build the site into a temporary\n"
"          folder (never the output folder) and show it on\n"
"          http://127.0.0.1:8000/ (or the next free port).  Every save in\n"
"          the content or templates folder builds it again, and an open\n"
"          page reloads by itself, or shows the content's errors at\n"
"          their lines until they are mended.  Ctrl-C stops it.\n"
"  schema  print the JSON Schema of site.yaml, an initiative, a\n"
"          report.yaml or pdf.yaml, for help as you type in an editor.\n");

/* TRANSLATORS: %s is the folder of the installed templates. */
static const char help_options[] = N_(
"Options:\n"
"  -C DIR  the content folder (default: content)\n"
"  -t DIR  the templates folder (default: templates if there is one\n"
"          here, else %s)\n"
"  --lang da|en  the language of messages: Danish (the default) or\n"
"          English.  Without it the environment decides: English when\n"
"          LANGUAGE, LC_ALL, LC_MESSAGES or LANG asks for it.\n"
"  -o DIR  the output folder (default: output).  build replaces all of\n"
"          it, so it must be new, empty (an empty .gitkeep is allowed)\n"
"          or a site statusnotat built (it holds the file .statusnotat,\n"
"          the list of its files: any other file in it stops the build);\n"
"          never the content or templates folder, a folder holding them\n"
"          or the folder you are in.  A symbolic link is followed: the\n"
"          site replaces the folder it points to, the link stays.\n"
"          Builds into one folder take turns.  Beside a folder NAME\n"
"          are, while a build runs, its lock .NAME.lock and the new\n"
"          site .NAME.new-XXXXXX, swapped in at once when all is written.\n"
"  -p PORT the first port serve tries (default: 8000; 0: any free\n"
"          port).  It listens on 127.0.0.1 only.\n"
"\n"
"Problems are printed as FILE:LINE:COLUMN: error: MESSAGE.\n"
"Exit status: 0 ok (warnings allowed), 1 the content has errors,\n"
"2 usage or system error.\n"
"\n"
"The content format is described in docs/content.md.\n");

enum cmd {
	CMD_BUILD,
	CMD_CHECK,
	CMD_DUMP,
	CMD_PUBLISH,
	CMD_NEW,
	CMD_SERVE,
	CMD__MAX
};

static int
usage(const struct lang *lang, const char *why)
{
	if (why != NULL)
		fprintf(stderr, "statusnotat: %s: %s\n", tr(lang, "error"),
		    why);
	fputs(tr(lang, usage_text), stderr);
	return 2;
}

/* The help, with the templates' folder for its "%s". */
static void
print_help(const char *text, const char *dir)
{
	const char	*p = strstr(text, "%s");

	if (p == NULL) {
		fputs(text, stdout);
		return;
	}
	fwrite(text, 1, (size_t)(p - text), stdout);
	fputs(dir, stdout);
	fputs(p + 2, stdout);
}

/*
 * Take "--lang X" (or "--lang=X") out of the arguments, wherever it is,
 * into *opt.  -1 when it has no value.
 */
static int
take_lang(int *argc, char *argv[], const char **opt)
{
	int	 i, j, n;

	for (i = 1; i < *argc; i++) {
		if (strncmp(argv[i], "--lang=", 7) == 0) {
			*opt = argv[i] + 7;
			n = 1;
		} else if (strcmp(argv[i], "--lang") == 0) {
			if (i + 1 == *argc)
				return -1;
			*opt = argv[i + 1];
			n = 2;
		} else
			continue;
		for (j = i; j + n <= *argc; j++)
			argv[j] = argv[j + n];
		*argc -= n;
		i--;
	}
	return 0;
}

/* What the command line asked for. */
struct args {
	enum cmd	 cmd;
	const char	*cdir, *tdir, *odir;
	const char	*publish;	/* the note to publish */
	const char	*new_id, *new_from, *new_date;
	const struct lang *lang;
};

/*
 * Run the pipeline for one command (the preview's build too: cmd
 * CMD_BUILD into odir), reporting through d.  Returns 0, or -1 after
 * diagnostics.
 */
static int
run(const struct args *g, struct arena *arena, struct diag *diag,
    const char *odir)
{
	struct content	 content;
	struct report	 report;
	struct style	 style;
	struct font	*faces[FACE__MAX];
	struct chart_opts co;
	struct buf	 out;
	int		 i, fonts_ok = 1;

	memset(faces, 0, sizeof(faces));
	memset(&content, 0, sizeof(content));
	/* A wrong output folder is reported with the content's problems. */
	if (g->cmd == CMD_BUILD)
		(void)build_check_output(arena, diag, odir, g->cdir, g->tdir);

	/*
	 * The print style and the PDF's fonts, for every command: the
	 * chart's text is measured with them, so dump shows what build
	 * draws, and check and build make sure they can draw every
	 * character.
	 */
	style_defaults(&style);
	(void)load_style(arena, diag, arena_printf(arena, "%s/pdf.yaml",
	    g->tdir), &style);
	for (i = 0; i < FACE__MAX; i++)
		if ((faces[i] = font_open(diag, style.fonts[i])) == NULL)
			fonts_ok = 0;
	pipeline_chart_opts(&style, faces, &co);
	/* Only a system error stops the pipeline: one run, every problem. */
	/* dump shows what was understood, even what the fonts cannot draw. */
	if (pipeline_run(arena, diag, g->cdir, fonts_ok &&
	    g->cmd != CMD_DUMP ? faces : NULL, fonts_ok ? &co : NULL,
	    g->publish, &content, &report) == -1 || !fonts_ok ||
	    diag_status(diag) != 0)
		goto out;

	switch (g->cmd) {
	case CMD_DUMP:
		buf_init(&out, arena);
		dump_report(&out, &report);
		if (fwrite(out.data, 1, out.len, stdout) != out.len ||
		    fflush(stdout) != 0)
			diag_msg(diag, DIAG_SYSERR, NULL, 0, 0,
			    "cannot write the dump");
		break;
	case CMD_BUILD:
		if (build_site(arena, diag, &report, g->cdir, g->tdir, &style,
		    odir) == -1 && diag_status(diag) == 0)
			diag_msg(diag, DIAG_SYSERR, NULL, 0, 0, "internal "
			    "error: the build failed without a message; please "
			    "report this");
		break;
	case CMD_CHECK:
		(void)build_check_pages(arena, diag, &report, g->tdir);
		break;
	case CMD_PUBLISH:
		(void)record_publish(arena, diag, &content, &report,
		    g->publish);
		break;
	case CMD_NEW:
		(void)newnote(arena, diag, &content, g->new_id, g->new_from,
		    g->new_date);
		break;
	default:
		break;
	}
out:
	for (i = 0; i < FACE__MAX; i++)
		if (faces[i] != NULL)
			font_close(faces[i]);
	return diag_status(diag) == 0 ? 0 : -1;
}

/* The preview's build: the site into its own folder. */
static int
serve_build(void *arg, struct arena *arena, struct diag *diag,
    const char *odir)
{
	return run(arg, arena, diag, odir);
}

int
main(int argc, char *argv[])
{
	struct arena	 arena;
	struct diag	 diag;
	struct lang	 lang;
	struct args	 g;
	struct serve_opts so;
	const char	*lang_opt = NULL, *port = NULL;
	char		 safe[256] = "", *end;	/* an argument fit to print */
	long		 n;
	int		 i, rc, tdir_default = 1;

	memset(&g, 0, sizeof(g));
	g.cdir = "content";
	g.tdir = "templates";
	g.odir = "output";
	g.lang = &lang;
	rc = take_lang(&argc, argv, &lang_opt);
	if (lang_init(&lang, lang_opt) == -1 || rc == -1) {
		fprintf(stderr, "statusnotat: %s: %s\n", tr(&lang, "error"),
		    tr(&lang, "--lang takes \"da\" (Danish) or \"en\" "
		    "(English)"));
		return usage(&lang, NULL);
	}
	if (argc < 2)
		return usage(&lang, NULL);
	/* "statusnotat new --help" asks for help too, not for a note. */
	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			break;
	if (i < argc) {
		fputs(tr(&lang, usage_text), stdout);
		fputs("\n", stdout);
		fputs(tr(&lang, help_text), stdout);
		fputs("\n", stdout);
		print_help(tr(&lang, help_options), TEMPLATEDIR);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		puts("statusnotat " VERSION);
		return 0;
	}
	if (strcmp(argv[1], "schema") == 0) {
		if (argc != 3 || (rc = schema_main(argv[2])) == -1)
			return usage(&lang, tr(&lang, "schema needs one kind "
			    "of file: site, initiative, report or pdf"));
		if (rc != 0)
			fprintf(stderr, "statusnotat: %s: %s\n", tr(&lang,
			    "error"), tr(&lang, "cannot write the schema"));
		return rc;
	}
	if (strcmp(argv[1], "build") == 0)
		g.cmd = CMD_BUILD;
	else if (strcmp(argv[1], "check") == 0)
		g.cmd = CMD_CHECK;
	else if (strcmp(argv[1], "dump") == 0)
		g.cmd = CMD_DUMP;
	else if (strcmp(argv[1], "publish") == 0)
		g.cmd = CMD_PUBLISH;
	else if (strcmp(argv[1], "new") == 0)
		g.cmd = CMD_NEW;
	else if (strcmp(argv[1], "serve") == 0)
		g.cmd = CMD_SERVE;
	else {
		fprintf(stderr, "statusnotat: %s: ", tr(&lang, "error"));
		fprintf(stderr, tr(&lang, "unknown command \"%s\""),
		    diag_escape(safe, sizeof(safe), argv[1]));
		fputs("\n", stderr);
		return usage(&lang, NULL);
	}
	i = 2;
	if (g.cmd == CMD_PUBLISH) {
		if (argc < 3 || argv[2][0] == '-' || argv[2][0] == '\0')
			return usage(&lang, tr(&lang, "publish needs the id "
			    "of a note (its folder's name under reports)"));
		g.publish = argv[i++];
	}
	if (g.cmd == CMD_NEW) {
		if (argc < 3 || argv[2][0] == '-' || argv[2][0] == '\0')
			return usage(&lang, tr(&lang, "new needs the id of the "
			    "new note (its folder's name under reports)"));
		g.new_id = argv[i++];
	}
	for (; i < argc; i++) {
		const char **dst = NULL;

		if (strcmp(argv[i], "-t") == 0)
			tdir_default = 0;
		if (strcmp(argv[i], "-C") == 0)
			dst = &g.cdir;
		else if (strcmp(argv[i], "-t") == 0)
			dst = &g.tdir;
		else if (strcmp(argv[i], "-o") == 0 && g.cmd == CMD_BUILD)
			dst = &g.odir;
		else if (strcmp(argv[i], "-p") == 0 && g.cmd == CMD_SERVE)
			dst = &port;
		else if (strcmp(argv[i], "--from") == 0 && g.cmd == CMD_NEW)
			dst = &g.new_from;
		else if (strcmp(argv[i], "--date") == 0 && g.cmd == CMD_NEW)
			dst = &g.new_date;
		if (dst == NULL) {
			fprintf(stderr, "statusnotat: %s: ", tr(&lang,
			    "error"));
			fprintf(stderr, tr(&lang, "unknown option \"%s\""),
			    diag_escape(safe, sizeof(safe), argv[i]));
			fputs("\n", stderr);
			return usage(&lang, NULL);
		}
		if (i + 1 == argc || argv[i + 1][0] == '\0') {
			fprintf(stderr, "statusnotat: %s: ", tr(&lang,
			    "error"));
			fprintf(stderr, tr(&lang, "%s needs a value"),
			    argv[i]);
			fputs("\n", stderr);
			return usage(&lang, NULL);
		}
		*dst = argv[++i];
	}

	/* Installed, the program brings its own templates. */
	if (tdir_default && !fs_is_dir(g.tdir))
		g.tdir = TEMPLATEDIR;

	if (g.cmd == CMD_SERVE) {
		n = 8000;
		if (port != NULL) {
			n = strtol(port, &end, 10);
			if (*end != '\0' || n < 0 || n > 65535)
				return usage(&lang, tr(&lang, "-p takes a port "
				    "number from 0 to 65535 (0: any free port)"));
		}
		/* Folders that come later are not watched: none, no start. */
		if (!fs_is_dir(g.cdir) || !fs_is_dir(g.tdir)) {
			diag_init(&diag, stderr);
			diag.lang = &lang;
			if (!fs_is_dir(g.cdir))
				diag_msg(&diag, DIAG_SYSERR, g.cdir, 0, 0,
				    "no such content directory");
			else
				diag_msg(&diag, DIAG_SYSERR, g.tdir, 0, 0,
				    "no such templates directory");
			diag_flush(&diag);
			return 2;
		}
		memset(&so, 0, sizeof(so));
		so.cdir = g.cdir;
		so.tdir = g.tdir;
		so.port = (int)n;
		so.lang = &lang;
		so.build = serve_build;
		so.arg = &g;
		g.cmd = CMD_BUILD;
		return serve_main(&so);
	}

	arena_init(&arena);
	diag_init(&diag, stderr);
	diag.lang = &lang;
	/* Starting a note is no check: what check warns about waits for it. */
	diag.no_warnings = g.cmd == CMD_NEW;
	(void)run(&g, &arena, &diag, g.odir);
	diag_flush(&diag);
	rc = diag_status(&diag);
	diag_print_counts(&diag, stderr, g.cmd == CMD_BUILD && rc != 0 ?
	    N_("; output not changed") : NULL);
	arena_fini(&arena);
	return rc;
}
