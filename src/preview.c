/*
 * preview.c: the HTML only the preview serves.  See preview.h.  Text
 * goes into the page through escape_html, as everywhere else.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "diag.h"
#include "escape.h"
#include "i18n.h"
#include "preview.h"

/*
 * Ask the server whether the site was built again since gen; it
 * answers when it was (or after a while, with the same gen).  A new
 * gen reloads the page.  Without a server (a page saved from the
 * preview) it asks again every few seconds, and does nothing else.
 * One page of the browser asks, the one that holds the lock, and tells
 * the others of a new gen (BroadcastChannel): a waiting request holds a
 * connection, and a browser opens no more than six to one address, so
 * with one each the seventh page would not load.  A page that does not
 * hold the lock asks once, without waiting, when it starts.
 */
static const char script[] =
"<script>/* statusnotat serve: reload when the content changes */\n"
"(function(){var g=\"%lu\",u=\"" PREVIEW_WAIT "\",c,l=navigator.locks;"
"function n(t){if(t===g)return 0;if(c)c.postMessage(t);location.reload();"
"return 1}"
"function w(){return fetch(u+\"?gen=\"+g,{cache:\"no-store\"}).then("
"function(r){if(!r.ok)throw 0;return r.text()}).then(function(t){"
"return n(t)?new Promise(function(){}):w()},function(){return new "
"Promise(function(r){setTimeout(r,2000)}).then(w)})}"
"if(!l||!window.BroadcastChannel)return void w();"
"c=new BroadcastChannel(\"statusnotat-serve\");c.onmessage=function(e){"
"if(e.data!==g)location.reload()};"
"fetch(u,{cache:\"no-store\"}).then(function(r){return r.ok&&r.text()})"
".then(function(t){if(t&&t!==g)location.reload()},function(){});"
"l.request(\"statusnotat-serve\",w)})();\n</script>\n";

void
preview_page(struct buf *b, const char *html, size_t len, unsigned long gen,
    const struct lang *lang, unsigned long nwarnings)
{
	size_t	 at = len, i;

	for (i = len; i >= 7; i--)
		if (strncasecmp(html + i - 7, "</body>", 7) == 0) {
			at = i - 7;
			break;
		}
	buf_put(b, html, at);
	if (nwarnings > 0) {
		buf_puts(b, "<aside style=\"position:fixed;right:1rem;"
		    "bottom:1rem;z-index:9;background:#fff;color:#1a1a1a;"
		    "border:2px solid #6b4500;padding:.25rem .75rem;"
		    "font:1rem/1.5 sans-serif\"><a href=\"" PREVIEW_WARNINGS
		    "\" style=\"color:#6b4500\">");
		buf_printf(b, trn(lang, "%lu warning", "%lu warnings",
		    nwarnings), nwarnings);
		buf_puts(b, "</a></aside>\n");
	}
	buf_printf(b, script, gen);
	buf_put(b, html + at, len - at);
}

struct page {
	struct buf	*b;
	int		 open;		/* an <li> is open */
};

static void
one(void *arg, const struct diag_shown *s)
{
	struct page	*p = arg;
	char		 line[1024];
	int		 m;

	if (s->level != DIAG_NOTE || !p->open) {
		if (p->open)
			buf_puts(p->b, "</li>\n");
		buf_printf(p->b, "<li class=\"%s\">", s->level ==
		    DIAG_WARNING ? "warning" : "error");
		p->open = 1;
	}
	buf_puts(p->b, s->level == DIAG_NOTE ? "<p class=\"note\"><code>" :
	    "<p><code>");
	escape_html(p->b, s->text, (size_t)(s->message - s->text));
	buf_puts(p->b, "</code> ");
	escape_html(p->b, s->message, strlen(s->message));
	buf_puts(p->b, "</p>\n");
	if (s->level == DIAG_NOTE || diag_excerpt(s->file, s->line, s->col,
	    line, sizeof(line), &m) == -1)
		return;
	buf_printf(p->b, "<pre>%5d | ", s->line);
	escape_html(p->b, line, strlen(line));
	if (m >= 0)
		buf_printf(p->b, "\n      | %*s<span class=\"marker\">^</span>",
		    m, "");
	buf_puts(p->b, "</pre>\n");
}

/* The head of a page of the preview's own, up to its <main>. */
static void
head(struct buf *b, const struct lang *lang, const char *title)
{
	buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n<title>",
	    lang->mo != NULL ? "da" : "en");
	escape_html(b, title, strlen(title));
	buf_puts(b, " – statusnotat</title>\n<style>\n"
	    "body{font-family:sans-serif;line-height:1.5;color:#1a1a1a;"
	    "max-width:52rem;margin:0 auto;padding:1rem}\n"
	    "ol{padding-left:1.5rem}li{margin-bottom:1.5rem}\n"
	    "code{font-weight:bold;overflow-wrap:anywhere}"
	    ".error>p>code{color:#a40000}"
	    ".warning>p>code{color:#6b4500}\n"
	    ".note{font-family:monospace;white-space:pre-wrap}"
	    ".note code{font-weight:normal}\n"
	    "pre{background:#f3f3f3;padding:.5rem;overflow-x:auto}"
	    ".marker{color:#a40000;font-weight:bold}\n"
	    "</style>\n</head>\n<body>\n<main>\n");
}

/* Its end, with the reload script for build gen. */
static void
foot(struct buf *b, unsigned long gen)
{
	buf_puts(b, "</main>\n");
	buf_printf(b, script, gen);
	buf_puts(b, "</body>\n</html>\n");
}

/* A paragraph of text. */
static void
para(struct buf *b, const char *text)
{
	buf_puts(b, "<p>");
	escape_html(b, text, strlen(text));
	buf_puts(b, "</p>\n");
}

/* A link to the preview's front page. */
static void
front(struct buf *b, const struct lang *lang)
{
	const char	*text = tr(lang, "The preview's front page");

	buf_puts(b, "<p><a href=\"/\">");
	escape_html(b, text, strlen(text));
	buf_puts(b, "</a></p>\n");
}

void
preview_missing(struct buf *b, const struct lang *lang, unsigned long gen)
{
	const char	*title = tr(lang, "Not found");

	head(b, lang, title);
	buf_puts(b, "<h1>");
	escape_html(b, title, strlen(title));
	buf_puts(b, "</h1>\n");
	para(b, tr(lang, "The preview has no such page. It shows here by "
	    "itself once a build makes it."));
	front(b, lang);
	foot(b, gen);
}

void
preview_messages(struct buf *b, struct diag *d, const struct lang *lang,
    unsigned long gen)
{
	struct page	 p = { b, 0 };
	unsigned long	 n = (unsigned long)(d->count[DIAG_ERROR] +
			    d->count[DIAG_SYSERR]);
	unsigned long	 w = (unsigned long)d->count[DIAG_WARNING];

	if (n > 0) {
		head(b, lang, tr(lang, "The content has errors"));
		buf_puts(b, "<h1>");
		buf_printf(b, trn(lang, "The content has %lu error",
		    "The content has %lu errors", n), n);
		buf_puts(b, "</h1>\n");
		para(b, tr(lang, "The page comes back as soon as the mistakes "
		    "are mended and the file is saved."));
	} else {
		head(b, lang, tr(lang, "Warnings"));
		buf_puts(b, "<h1>");
		buf_printf(b, trn(lang, "%lu warning", "%lu warnings", w), w);
		buf_puts(b, "</h1>\n");
		para(b, tr(lang, "The site is built; these are worth a look "
		    "before the note goes to the council. statusnotat check "
		    "lists them too."));
		front(b, lang);
	}
	buf_puts(b, "<ol>\n");
	diag_each(d, one, &p);
	if (p.open)
		buf_puts(b, "</li>\n");
	buf_puts(b, "</ol>\n");
	foot(b, gen);
}
