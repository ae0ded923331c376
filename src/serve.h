/*
 * serve.h: statusnotat serve, the live preview.  The site is built into
 * a private temporary folder (never the output folder) and served on
 * 127.0.0.1 with libmicrohttpd; every save in the content or templates
 * folder builds it again, and an open page reloads by itself.  While
 * the content has errors, its pages show them instead.
 */
#ifndef SERVE_H
#define SERVE_H

struct arena;
struct diag;
struct lang;

/*
 * The build the preview runs on every change: the content into the
 * folder outdir, reporting through d.  Returns 0, or -1 after
 * diagnostics.
 */
typedef int	(*serve_build_fn)(void *arg, struct arena *, struct diag *,
		    const char *outdir);

struct serve_opts {
	const char	 *cdir;		/* the folders watched */
	const char	 *tdir;
	int		  port;		/* the first port tried; 0: any */
	const struct lang *lang;
	serve_build_fn	  build;
	void		 *arg;
};

/*
 * Serve until SIGINT, SIGTERM or SIGHUP, then remove the temporary
 * folder.  Returns the exit status: 0, or 2 when it could not start.
 */
int	serve_main(const struct serve_opts *);

#endif
