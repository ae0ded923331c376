/*
 * serve.c: statusnotat serve.  See serve.h.
 *
 * One thread, one poll(2) loop over three descriptors: the signals
 * that end it (signalfd), the content and templates folders (watch.c,
 * inotify) and libmicrohttpd's epoll descriptor, which it runs in its
 * "external" mode.  A build (about 20 ms for the bundled content) runs
 * in the loop; meanwhile requests wait in the kernel's queue.  Sockets
 * are non-blocking, so a client that stalls or goes away holds up no
 * other, and libmicrohttpd closes it after CONN_TIMEOUT seconds.
 *
 * A page asks PREVIEW_WAIT whether the site was built again since its
 * own build (preview.c); the request is suspended until the next
 * build, or until HEARTBEAT_MS have passed, when it is answered with
 * the same build, so that requests from closed pages do not pile up.
 *
 * What is served comes from the built site only: the path is walked
 * folder by folder with openat(2) and O_NOFOLLOW, so no "..", no
 * symbolic link and no name beginning with "." (the build's own
 * files) is followed; a folder is served as its index.html, never
 * listed.  A folder removed meanwhile (as cleaners of /tmp do) is made
 * anew, never taken over from another.  Linux only, as inotify and
 * signalfd are.
 */
#define _GNU_SOURCE

#include <sys/types.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "fsutil.h"
#include "i18n.h"
#include "preview.h"
#include "serve.h"
#include "watch.h"

#define QUIET_MS	30	/* a burst of saves has ended */
#define LOOK_MS		500	/* a folder gone is looked for again */
#define BURST_MS	1000	/* but build at least this often in one */
#define HEARTBEAT_MS	25000	/* a waiting page is answered by then */
#define CONN_TIMEOUT	10	/* seconds a client may stall */
#define CONN_MAX	256
#define WAIT_MAX	64	/* pages waiting for the next build */
#define PORT_TRIES	20
#define PAGE_MAX	(64u << 20)	/* an HTML page read to add the script */

struct server {
	const struct serve_opts *o;
	const char	*base;		/* TMPDIR, or /tmp */
	char		 tmpdir[PATH_MAX - 16];	/* mkdtemp'd under base */
	char		 site[PATH_MAX];	/* tmpdir/site */
	dev_t		 dev;		/* tmpdir's */
	ino_t		 ino;
	unsigned long	 gen;		/* builds so far */
	/*
	 * The last build's messages as a page, or NULL; malloc'd.  When it
	 * failed, every page shows it; with warnings only, PREVIEW_WARNINGS.
	 */
	char		*report;
	size_t		 replen;
	int		 failed;
	unsigned long	 nwarnings;
	struct MHD_Connection *waiting[WAIT_MAX];
	size_t		 nwaiting;
	char		 host[2][32];	/* the Host a request may name */
	char		 seen;		/* con_cls: the headers were read */
	char		 parked;	/* con_cls: suspended, to answer */
};

static int	is_own(const struct server *);
static int	make_folder(struct server *);
static void	rebuild(struct server *);

static long long
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A line for the terminal: "statusnotat: ...". */
static void
say(const char *fmt, ...)
{
	va_list	 ap;

	fputs("statusnotat: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static enum MHD_Result
respond(struct MHD_Connection *c, unsigned int status,
    struct MHD_Response *r, const char *type)
{
	enum MHD_Result	 rc;

	if (r == NULL)
		return MHD_NO;
	/* A preview is never kept: every request sees the last build. */
	MHD_add_response_header(r, "Cache-Control", "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	if (type != NULL)
		MHD_add_response_header(r, "Content-Type", type);
	rc = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return rc;
}

static enum MHD_Result
respond_text(const struct server *s, struct MHD_Connection *c,
    unsigned int status, const char *text)
{
	const char	*t = tr(s->o->lang, text);

	return respond(c, status, MHD_create_response_from_buffer(strlen(t),
	    (void *)(uintptr_t)t, MHD_RESPMEM_MUST_COPY),
	    "text/plain; charset=utf-8");
}

/*
 * Whether url asks for a page: it ends in "/" or ".html", or its last
 * part has no extension (a folder).
 */
static int
is_page(const char *url)
{
	const char	*last = strrchr(url, '/');
	size_t		 len = strlen(url);

	return len == 0 || url[len - 1] == '/' || (len > 5 &&
	    strcasecmp(url + len - 5, ".html") == 0) ||
	    strchr(last != NULL ? last : url, '.') == NULL;
}

/*
 * Not found: for a page, a page that reloads once a build makes it (a
 * note's folder removed and put back), else a line of text.
 */
static enum MHD_Result
not_found(const struct server *s, struct MHD_Connection *c, const char *url)
{
	struct arena	 a;
	struct buf	 b;
	enum MHD_Result	 rc;

	if (!is_page(url))
		return respond_text(s, c, MHD_HTTP_NOT_FOUND, N_("Not found: "
		    "the preview has no such file.\n"));
	arena_init(&a);
	buf_init(&b, &a);
	preview_missing(&b, s->o->lang, s->gen);
	rc = respond(c, MHD_HTTP_NOT_FOUND, MHD_create_response_from_buffer(
	    b.len, b.data, MHD_RESPMEM_MUST_COPY), "text/html; charset=utf-8");
	arena_fini(&a);
	return rc;
}

/* The type of a file of the site, by its name. */
static const char *
type_of(const char *name)
{
	static const struct {
		const char	*ext;
		const char	*type;
	} types[] = {
		{ ".html", "text/html; charset=utf-8" },
		{ ".css", "text/css; charset=utf-8" },
		{ ".pdf", "application/pdf" },
		{ ".png", "image/png" },
		{ ".jpg", "image/jpeg" },
		{ ".jpeg", "image/jpeg" },
		{ ".svg", "image/svg+xml" },
		{ ".xml", "application/atom+xml" },
		{ ".txt", "text/plain; charset=utf-8" },
	};
	const char	*dot = strrchr(name, '.');
	size_t		 i;

	if (dot != NULL)
		for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
			if (strcasecmp(dot, types[i].ext) == 0)
				return types[i].type;
	return "application/octet-stream";
}

/* An HTML page of the site, with the reload script. */
static enum MHD_Result
send_page(const struct server *s, struct MHD_Connection *c, int fd,
    const struct stat *st)
{
	struct arena	 a;
	struct buf	 b;
	char		*html;
	size_t		 len = 0;
	ssize_t		 n;
	enum MHD_Result	 rc;

	if ((uintmax_t)st->st_size > PAGE_MAX) {
		close(fd);
		return not_found(s, c, "/");
	}
	arena_init(&a);
	html = arena_alloc(&a, (size_t)st->st_size + 1);
	while (len < (size_t)st->st_size &&
	    (n = read(fd, html + len, (size_t)st->st_size - len)) > 0)
		len += (size_t)n;
	close(fd);
	buf_init(&b, &a);
	preview_page(&b, html, len, s->gen, s->o->lang, s->nwarnings);
	rc = respond(c, MHD_HTTP_OK, MHD_create_response_from_buffer(b.len,
	    b.data, MHD_RESPMEM_MUST_COPY), type_of(".html"));
	arena_fini(&a);
	return rc;
}

/*
 * The part of a path that may name a file of the site: not empty, not
 * "." or "..", not beginning with "." and without control characters
 * or backslashes.
 */
static int
is_part(const char *p, size_t len)
{
	size_t	 i;

	if (len == 0 || p[0] == '.' || len > NAME_MAX)
		return 0;
	for (i = 0; i < len; i++)
		if ((unsigned char)p[i] < 0x20 || p[i] == 0x7f ||
		    p[i] == '\\')
			return 0;
	return 1;
}

static enum MHD_Result
send_file(const struct server *s, struct MHD_Connection *c, const char *url)
{
	struct MHD_Response *r;
	struct stat	 st;
	char		 part[NAME_MAX + 1], loc[NAME_MAX + 2];
	const char	*p, *e, *html = ".html";
	int		 dfd, fd;

	if (url[0] != '/')
		return not_found(s, c, url);
	/* While the content has errors, every page shows them. */
	if ((s->failed && is_page(url)) || (s->report != NULL &&
	    strcmp(url, PREVIEW_WARNINGS) == 0))
		return respond(c, MHD_HTTP_OK, MHD_create_response_from_buffer(
		    s->replen, s->report, MHD_RESPMEM_MUST_COPY),
		    type_of(html));
	if ((dfd = open(s->site, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return not_found(s, c, url);
	for (p = url + 1; *p != '\0'; p = *e == '/' ? e + 1 : e) {
		e = strchr(p, '/');
		if (e == NULL)
			e = p + strlen(p);
		if (!is_part(p, (size_t)(e - p))) {
			close(dfd);
			return not_found(s, c, url);
		}
		memcpy(part, p, (size_t)(e - p));
		part[e - p] = '\0';
		fd = openat(dfd, part, O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
		    O_NONBLOCK | (*e == '/' ? O_DIRECTORY : 0));
		close(dfd);
		if (fd == -1)
			return not_found(s, c, url);
		if (*e == '/') {
			dfd = fd;
			continue;
		}
		if (fstat(fd, &st) == -1 || !(S_ISREG(st.st_mode) ||
		    S_ISDIR(st.st_mode))) {
			close(fd);
			return not_found(s, c, url);
		}
		if (S_ISREG(st.st_mode))
			return strcasecmp(type_of(part), type_of(html)) == 0 ?
			    send_page(s, c, fd, &st) : respond(c,
			    MHD_HTTP_OK, MHD_create_response_from_fd(
			    (size_t)st.st_size, fd), type_of(part));
		/*
		 * A folder asked for without "/": where its page is.  The
		 * site's folders have plain names (ids), safe in a header.
		 */
		if (!fs_is_plain_name(part) || fstatat(fd, "index.html", &st,
		    AT_SYMLINK_NOFOLLOW) == -1 || !S_ISREG(st.st_mode)) {
			close(fd);
			return not_found(s, c, url);
		}
		close(fd);
		snprintf(loc, sizeof(loc), "%s/", part);
		r = MHD_create_response_from_buffer(0, NULL,
		    MHD_RESPMEM_PERSISTENT);
		if (r != NULL)
			MHD_add_response_header(r, "Location", loc);
		return respond(c, MHD_HTTP_MOVED_PERMANENTLY, r, NULL);
	}
	/* A folder: its index.html, never a listing. */
	fd = openat(dfd, "index.html", O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
	    O_NONBLOCK);
	close(dfd);
	if (fd == -1)
		return not_found(s, c, url);
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		close(fd);
		return not_found(s, c, url);
	}
	return send_page(s, c, fd, &st);
}

/*
 * Decode the request's %XX in place, as libmicrohttpd would, but keep
 * "%00": decoded, it would end the path early ("/index.html%00.png").
 */
static size_t
unescape(void *cls, struct MHD_Connection *c, char *s)
{
	static const char hex[] = "0123456789abcdef";
	const char	*hi, *lo;
	char		*r = s, *w = s;

	(void)cls;
	(void)c;
	for (; *r != '\0'; r++) {
		if (r[0] == '%' && r[1] != '\0' && r[2] != '\0' &&
		    (hi = strchr(hex, r[1] | 0x20)) != NULL &&
		    (lo = strchr(hex, r[2] | 0x20)) != NULL &&
		    (hi != hex || lo != hex)) {
			*w++ = (char)((hi - hex) << 4 | (lo - hex));
			r += 2;
		} else
			*w++ = *r;
	}
	*w = '\0';
	return (size_t)(w - s);
}

/* A waiting page that went away (its tab was closed) reads the end. */
static int
gone(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci;
	char		 ch;
	ssize_t		 n;

	ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
	if (ci == NULL)
		return 0;
	n = recv(ci->connect_fd, &ch, 1, MSG_PEEK | MSG_DONTWAIT);
	return n == 0 || (n == -1 && errno != EAGAIN && errno != EWOULDBLOCK &&
	    errno != EINTR);
}

/*
 * PREVIEW_WAIT?gen=N: answered with the build, once it is not N.  When
 * WAIT_MAX pages wait, the places of those that went away are taken
 * back; if none did, the page is told to ask again later (503), never
 * answered at once with the build it has: it would ask again at once,
 * and again, as fast as it can.
 */
static enum MHD_Result
send_gen(struct server *s, struct MHD_Connection *c, void **con_cls)
{
	struct MHD_Response *r;
	const char	*g;
	char		 text[32], *end;
	unsigned long	 gen;
	size_t		 i, n;

	g = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "gen");
	errno = 0;
	gen = g != NULL ? strtoul(g, &end, 10) : 0;
	if (*con_cls == &s->seen && g != NULL && *g != '\0' && *end == '\0' &&
	    errno == 0 && gen == s->gen) {
		if (s->nwaiting == WAIT_MAX) {
			for (i = 0, n = 0; i < s->nwaiting; i++)
				if (gone(s->waiting[i]))
					MHD_resume_connection(s->waiting[i]);
				else
					s->waiting[n++] = s->waiting[i];
			s->nwaiting = n;
		}
		if (s->nwaiting == WAIT_MAX) {
			r = MHD_create_response_from_buffer(0, NULL,
			    MHD_RESPMEM_PERSISTENT);
			if (r != NULL)
				MHD_add_response_header(r, "Retry-After", "2");
			return respond(c, MHD_HTTP_SERVICE_UNAVAILABLE, r, NULL);
		}
		s->waiting[s->nwaiting++] = c;
		*con_cls = &s->parked;
		MHD_suspend_connection(c);
		return MHD_YES;
	}
	snprintf(text, sizeof(text), "%lu", s->gen);
	return respond(c, MHD_HTTP_OK, MHD_create_response_from_buffer(
	    strlen(text), text, MHD_RESPMEM_MUST_COPY),
	    "text/plain; charset=utf-8");
}

static enum MHD_Result
answer(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	struct server	*s = cls;
	struct MHD_Response *r;
	const char	*host;

	(void)version;
	(void)upload;
	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 &&
	    strcmp(method, MHD_HTTP_METHOD_HEAD) != 0) {
		r = MHD_create_response_from_buffer(0, NULL,
		    MHD_RESPMEM_PERSISTENT);
		if (r != NULL)
			MHD_add_response_header(r, "Allow", "GET, HEAD");
		return respond(c, MHD_HTTP_METHOD_NOT_ALLOWED, r, NULL);
	}
	/*
	 * Only for pages of this address: a web page elsewhere whose name
	 * was made to point at 127.0.0.1 (DNS rebinding) gets nothing.
	 */
	host = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_HOST);
	if (host == NULL || (strcmp(host, s->host[0]) != 0 &&
	    strcmp(host, s->host[1]) != 0))
		return respond_text(s, c, MHD_HTTP_FORBIDDEN, N_("Forbidden: "
		    "the preview answers only to http://127.0.0.1 and "
		    "http://localhost with its port.\n"));
	/* The first call has the headers only; a GET's body is ignored. */
	if (*con_cls == NULL) {
		*con_cls = &s->seen;
		return MHD_YES;
	}
	if (*upload_size != 0) {
		*upload_size = 0;
		return MHD_YES;
	}
	if (strcmp(url, PREVIEW_WAIT) == 0)
		return send_gen(s, c, con_cls);
	/*
	 * Its folder removed meanwhile (cleaners of /tmp do): built again
	 * in a new one.  If none can be made, the next save says so; here
	 * a page's every request (its icon) would build and reload it.
	 */
	if (!is_own(s) && make_folder(s) == 0)
		rebuild(s);
	return send_file(s, c, url);
}

/* Answer every page waiting for a build. */
static void
wake(struct server *s)
{
	size_t	 i;

	for (i = 0; i < s->nwaiting; i++)
		MHD_resume_connection(s->waiting[i]);
	s->nwaiting = 0;
}

/*
 * The preview's folder, made under base: tmpdir and site name it from
 * now on.  Returns 0, or -1 with errno and nothing changed.
 */
static int
make_folder(struct server *s)
{
	char		 dir[sizeof(s->tmpdir)];
	struct stat	 st;
	int		 err;

	snprintf(dir, sizeof(dir), "%s/statusnotat-preview-XXXXXX", s->base);
	if (mkdtemp(dir) == NULL)
		return -1;
	if (lstat(dir, &st) == -1) {
		err = errno;
		(void)rmdir(dir);
		errno = err;
		return -1;
	}
	memcpy(s->tmpdir, dir, sizeof(dir));
	s->dev = st.st_dev;
	s->ino = st.st_ino;
	snprintf(s->site, sizeof(s->site), "%s/site", s->tmpdir);
	return 0;
}

/* The folder it made is still there, not another in its place. */
static int
is_own(const struct server *s)
{
	struct stat	 st;

	return lstat(s->tmpdir, &st) == 0 && S_ISDIR(st.st_mode) &&
	    st.st_uid == geteuid() && st.st_dev == s->dev &&
	    st.st_ino == s->ino;
}

static void
rebuild(struct server *s)
{
	struct arena	 a;
	struct diag	 d;
	struct buf	 b;
	long long	 t0 = now_ms();
	int		 rc;

	arena_init(&a);
	diag_init(&d, stderr);
	d.lang = s->o->lang;
	d.excerpts = 1;
	/*
	 * The folder removed meanwhile (cleaners of /tmp remove old ones),
	 * or another in its place: a new one, never that other.
	 */
	if (is_own(s) || make_folder(s) == 0)
		rc = s->o->build(s->o->arg, &a, &d, s->site);
	else {
		diag_msg(&d, DIAG_SYSERR, NULL, 0, 0, "cannot make the "
		    "preview's temporary folder: %s", fs_why(&d, errno));
		rc = -1;
	}
	s->gen++;
	free(s->report);
	s->report = NULL;
	s->failed = rc == -1 || diag_status(&d) != 0;
	s->nwarnings = s->failed ? 0 : (unsigned long)d.count[DIAG_WARNING];
	if (s->failed || s->nwarnings > 0) {
		buf_init(&b, &a);
		preview_messages(&b, &d, s->o->lang, s->gen);
		if ((s->report = malloc(b.len)) == NULL) {
			fputs("statusnotat: error: out of memory\n", stderr);
			exit(2);
		}
		memcpy(s->report, b.data, b.len);
		s->replen = b.len;
	}
	diag_flush(&d);
	diag_print_counts(&d, stderr, NULL);
	/* The first build is said by the address that follows it. */
	if (!s->failed && s->gen > 1) {
		char		 clock[16];
		time_t		 t = time(NULL);
		struct tm	 tm;

		strftime(clock, sizeof(clock), "%H:%M:%S",
		    localtime_r(&t, &tm));
		say(tr(s->o->lang, "%s: built in %lld ms; open pages "
		    "reload"), clock, now_ms() - t0);
	}
	arena_fini(&a);
	wake(s);
}

/* A listening socket on 127.0.0.1, from port *port on; -1 with errno. */
static int
listen_on(const struct serve_opts *o, int *port)
{
	struct sockaddr_in sa;
	socklen_t	 len = sizeof(sa);
	int		 fd, one = 1, tries, err;

	for (tries = 0; tries < PORT_TRIES; tries++) {
		if ((fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC |
		    SOCK_NONBLOCK, 0)) == -1)
			return -1;
		(void)setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one,
		    sizeof(one));
		memset(&sa, 0, sizeof(sa));
		sa.sin_family = AF_INET;
		sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		sa.sin_port = htons((uint16_t)(*port + tries));
		if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0 &&
		    listen(fd, 64) == 0 && getsockname(fd,
		    (struct sockaddr *)&sa, &len) == 0) {
			if (tries > 0)
				say(tr(o->lang, "port %d is taken; using "
				    "port %d"), *port, ntohs(sa.sin_port));
			*port = ntohs(sa.sin_port);
			return fd;
		}
		err = errno;
		close(fd);
		errno = err;
		if (err != EADDRINUSE || *port == 0 || *port + tries == 65535)
			return -1;
	}
	errno = EADDRINUSE;
	return -1;
}

/*
 * The signals that end the preview, read from a descriptor.  They stay
 * blocked to the end: a second Ctrl-C while the folder is removed must
 * not end the program before it is gone.
 */
static int
sigfd_open(void)
{
	sigset_t	 set;

	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	if (sigprocmask(SIG_BLOCK, &set, NULL) == -1)
		return -1;
	return signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
}

/* Whether the folder dir is root or lies inside it. */
static int
is_inside(const char *dir, const char *root)
{
	char	 d[PATH_MAX], r[PATH_MAX];
	size_t	 n;

	if (realpath(dir, d) == NULL || realpath(root, r) == NULL)
		return 0;
	n = strlen(r);
	return strncmp(d, r, n) == 0 && (d[n] == '/' || d[n] == '\0' ||
	    r[n - 1] == '/');
}

static int
loop(struct server *s, struct MHD_Daemon *daemon, int sfd, struct watch *w)
{
	const union MHD_DaemonInfo *info;
	struct pollfd	 fds[3];
	struct signalfd_siginfo si;
	MHD_UNSIGNED_LONG_LONG mt;
	long long	 t, first = 0, quiet = 0, beat = now_ms() + HEARTBEAT_MS;
	long long	 look = 0;
	int		 timeout, pending = 0, found;

	if ((info = MHD_get_daemon_info(daemon,
	    MHD_DAEMON_INFO_EPOLL_FD)) == NULL)
		return -1;
	fds[0].fd = sfd;
	fds[1].fd = w->fd;
	fds[2].fd = info->epoll_fd;
	for (;;) {
		t = now_ms();
		timeout = (int)(beat - t);
		if (pending && quiet - t < timeout)
			timeout = (int)(quiet - t);
		if (w->lost && look - t < timeout)
			timeout = (int)(look - t);
		if (MHD_get_timeout(daemon, &mt) == MHD_YES &&
		    mt < (MHD_UNSIGNED_LONG_LONG)timeout)
			timeout = (int)mt;
		if (timeout < 0)
			timeout = 0;
		fds[0].events = fds[1].events = fds[2].events = POLLIN;
		if (poll(fds, 3, timeout) == -1 && errno != EINTR)
			return -1;
		/* Taken, so that it does not end us when unblocked. */
		if ((fds[0].revents & POLLIN) &&
		    read(sfd, &si, sizeof(si)) == (ssize_t)sizeof(si))
			return 0;
		if ((fds[1].revents & POLLIN) && watch_read(w)) {
			t = now_ms();
			if (!pending)
				first = t;
			pending = 1;
			quiet = t + QUIET_MS < first + BURST_MS ?
			    t + QUIET_MS : first + BURST_MS;
		}
		MHD_run(daemon);
		t = now_ms();
		/*
		 * The content folder removed (or moved away) and made again,
		 * as a copy put back does: the new one is watched, and built.
		 */
		if (w->lost && t >= look) {
			w->lost = 0;
			look = t + LOOK_MS;
			found = watch_found(w, s->o->cdir);
			if (watch_found(w, s->o->tdir) || found) {
				if (!pending)
					first = t;
				pending = 1;
				quiet = t;
			}
		}
		if (pending && t >= quiet) {
			pending = 0;
			rebuild(s);
			/* Folders made since are watched from now on. */
			(void)watch_add_tree(w, s->o->cdir);
			(void)watch_add_tree(w, s->o->tdir);
			MHD_run(daemon);	/* the pages woken */
		}
		if (t >= beat) {
			wake(s);
			MHD_run(daemon);
			beat = t + HEARTBEAT_MS;
		}
	}
}

int
serve_main(const struct serve_opts *o)
{
	struct server	 s;
	struct watch	 w;
	struct MHD_Daemon *daemon = NULL;
	struct arena	 a;
	struct diag	 d;
	const char	*tmp = getenv("TMPDIR"), *what, *stuck;
	int		 lfd = -1, sfd = -1, port = o->port, err, rc = 2;
	int		 watching = 0;	/* what failed was watching */
	int		 removed = 1;

	memset(&s, 0, sizeof(s));
	s.o = o;
	memset(&w, 0, sizeof(w));
	w.fd = -1;
	/* Before the folder is made, so that a Ctrl-C removes it. */
	if ((sfd = sigfd_open()) == -1) {
		what = tr(o->lang, "cannot wait for Ctrl-C");
		goto fail;
	}
	if (watch_init(&w) == -1 || watch_add_tree(&w, o->cdir) == -1 ||
	    watch_add_tree(&w, o->tdir) == -1) {
		watching = 1;
		what = tr(o->lang, "cannot watch the content folder for "
		    "changes");
		goto fail;
	}
	/*
	 * Not in the content or templates folder, which the build would
	 * refuse to write into (and each build would start another).
	 */
	if (tmp == NULL || *tmp != '/' || strlen(tmp) + 32 >
	    sizeof(s.tmpdir) || is_inside(tmp, o->cdir) ||
	    is_inside(tmp, o->tdir))
		tmp = "/tmp";
	s.base = tmp;
	if (make_folder(&s) == -1) {
		what = tr(o->lang, "cannot make a temporary folder");
		goto fail;
	}
	if ((lfd = listen_on(o, &port)) == -1) {
		what = tr(o->lang, "cannot listen on 127.0.0.1");
		goto fail;
	}
	daemon = MHD_start_daemon(MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME,
	    0, NULL, NULL, answer, &s,
	    MHD_OPTION_LISTEN_SOCKET, lfd,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)CONN_TIMEOUT,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned int)CONN_MAX,
	    MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
	    MHD_OPTION_END);
	if (daemon == NULL) {
		what = tr(o->lang, "cannot start the web server");
		goto fail;
	}
	lfd = -1;	/* libmicrohttpd's now */
	snprintf(s.host[0], sizeof(s.host[0]), "127.0.0.1:%d", port);
	snprintf(s.host[1], sizeof(s.host[1]), "localhost:%d", port);
	rebuild(&s);
	say(tr(o->lang, "the preview is at http://127.0.0.1:%d/ "
	    "(Ctrl-C stops it)"), port);
	if (loop(&s, daemon, sfd, &w) == 0)
		rc = 0;
	else {
		what = tr(o->lang, "the preview stopped");
		goto fail;
	}
	goto done;
fail:
	err = errno;
	diag_init(&d, NULL);
	d.lang = o->lang;
	fprintf(stderr, "statusnotat: %s: %s: %s\n", tr(o->lang, "error"),
	    what, err == ENOSPC && watching ? tr(o->lang, "the system "
	    "watches no more folders (raise fs.inotify.max_user_watches)") :
	    err == EADDRINUSE ? tr(o->lang, "the port and the next ones are "
	    "taken: choose another with -p") : fs_why(&d, err));
done:
	if (daemon != NULL) {
		wake(&s);
		MHD_stop_daemon(daemon);
	}
	if (lfd != -1)
		close(lfd);
	if (sfd != -1)
		close(sfd);
	watch_fini(&w);
	free(s.report);
	/* Its own folder only: not another made in its place since. */
	if (s.tmpdir[0] != '\0' && is_own(&s)) {
		arena_init(&a);
		diag_init(&d, NULL);
		d.lang = o->lang;
		if (fs_remove_tree(&a, s.tmpdir, &stuck, &err) == -1) {
			fprintf(stderr, "statusnotat: %s: %s: %s\n",
			    tr(o->lang, "error"), stuck, fs_why(&d, err));
			removed = 0;
		}
		arena_fini(&a);
	}
	if (removed && daemon != NULL)
		say(tr(o->lang, "stopped; the preview's folder is removed"));
	return rc;
}
