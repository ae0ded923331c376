#!/bin/sh
# feed.sh STATUSNOTAT: with a base_url, the site has an Atom feed that an
# XML parser reads: the site's title and id, one entry per note with its
# page and its PDF under the base URL, each a file the site has; every
# page names it and its canonical URL; each initiative's page has a feed
# of its own that it names.  Without a base_url, no feed.
set -u
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
"$1" build -o "$tmp/out" || exit 1
python3 - "$tmp/out" <<'PY' || exit 1
import os, sys, xml.etree.ElementTree as ET
out = sys.argv[1]
A = "{http://www.w3.org/2005/Atom}"
base = "https://www.ishoj.dk/statusnotater/"
root = ET.parse(os.path.join(out, "feed.xml")).getroot()
problems = []
if root.tag != A + "feed":
    problems.append("not an Atom feed: " + root.tag)
if root.findtext(A + "id") != base:
    problems.append("feed id is not the base URL")
if root.findtext(A + "title") != "Statusnotater – Ishøj Kommune":
    problems.append("feed title: %r" % root.findtext(A + "title"))
notes = sorted(d for d in os.listdir(out)
               if os.path.isfile(os.path.join(out, d, "index.html")))
entries = root.findall(A + "entry")
if len(entries) != len(notes):
    problems.append("%d entries for %d notes" % (len(entries), len(notes)))
for e in entries:
    for link in e.findall(A + "link"):
        href = link.get("href")
        if not href.startswith(base):
            problems.append("link outside the base URL: " + href)
            continue
        path = href[len(base):]
        path = os.path.join(out, path + ("index.html" if path.endswith("/")
                                         else ""))
        if not os.path.isfile(path):
            problems.append("the feed links to %s, which the site lacks"
                            % href)
    if not (e.findtext(A + "updated") or "").endswith("T00:00:00Z"):
        problems.append("an entry without a date")
for page in ["index.html"] + [n + "/index.html" for n in notes]:
    html = open(os.path.join(out, page), encoding="utf-8").read()
    want = base + (page[:-len("index.html")])
    if '<link rel="canonical" href="%s">' % want not in html:
        problems.append("%s: no canonical link to %s" % (page, want))
    if 'type="application/atom+xml"' not in html:
        problems.append("%s: does not name the feed" % page)
# Each initiative's page has a feed of the notes on it, which the page
# names, under its own canonical address.
ini = os.path.join(out, "indsatser")
ids = sorted(os.listdir(ini)) if os.path.isdir(ini) else []
if not ids:
    problems.append("no initiative's page")
for i in ids:
    page = "indsatser/%s/" % i
    f = ET.parse(os.path.join(out, page, "feed.xml")).getroot()
    if f.findtext(A + "id") != base + page:
        problems.append("%sfeed.xml: id is not the page's address" % page)
    if not f.findall(A + "entry"):
        problems.append("%sfeed.xml: no entry" % page)
    for link in f.iter(A + "link"):
        href = link.get("href")
        path = href[len(base):] if href.startswith(base) else None
        if path is None or not os.path.isfile(os.path.join(out, path + (
                "index.html" if path.endswith("/") else ""))):
            problems.append("%sfeed.xml links to %s, which the site lacks"
                            % (page, href))
    html = open(os.path.join(out, page, "index.html"), encoding="utf-8").read()
    if '<link rel="canonical" href="%s">' % (base + page) not in html:
        problems.append("%sindex.html: no canonical link" % page)
    if 'type="application/atom+xml" title="Statusnotater om ' not in html \
            or 'href="feed.xml"' not in html:
        problems.append("%sindex.html: does not name its feed" % page)
for p in problems:
    print("feed: " + p)
print("feed: %d entries, %d problems" % (len(entries), len(problems)))
sys.exit(1 if problems else 0)
PY
# No base_url: no feed, no canonical links.
cp -R content "$tmp/content"
sed -i '/^base_url:/d' "$tmp/content/site.yaml"
"$1" build -C "$tmp/content" -o "$tmp/nobase" || exit 1
if [ -e "$tmp/nobase/feed.xml" ] ||
    [ -n "$(find "$tmp/nobase/indsatser" -name feed.xml)" ] ||
    grep -q 'rel="canonical"\|atom+xml' "$tmp/nobase/index.html"; then
	echo "feed: a feed or canonical link without a base_url"
	exit 1
fi
