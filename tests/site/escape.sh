#!/bin/sh
# escape.sh STATUSNOTAT: markup written into the content never reaches
# the site as markup.  Every text of the YAML (municipality, unit,
# initiative, phase, reason, milestone, figure, event, subject) and the
# narrative carry <script>, an onerror attribute, quotes and a
# javascript: link; every page, the chart's SVG and the Atom feed are
# then parsed: no script or iframe element, no on* attribute, no
# javascript: URL, and the hostile text shows as text.
set -u
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
x='<script>alert(1)</script><img src=x onerror=alert(2)>"'"'"'&amp;'
c=$tmp/c
mkdir -p "$c/initiatives" "$c/reports/2022-x"
q() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }	# a YAML "..." body
X=$(q "$x")
cat >"$c/site.yaml" <<YAML
municipality: "Testrup $X"
base_url: https://example.org/notater/
units:
  - id: adm
    name: "Enhed $X"
YAML
cat >"$c/initiatives/x.yaml" <<YAML
name: "Indsats $X"
origin: "Fonden $X"
owner: adm
participants:
  started: 12
phases:
  - id: p
    kind: pause
    name: "Pause $X"
    reason: "grund $X"
    start: marts 2022
    end: april 2022
milestones:
  - id: m
    label: "Milepæl $X"
    planned: juni 2022
figures:
  - id: f
    label: "Tal $X"
    value: 3
YAML
cat >"$c/reports/2022-x/report.yaml" <<YAML
date: 1. maj 2022
subject: "Emne $X"
sender: adm
initiatives: [x]
events:
  - id: e
    label: "Møde $X"
    date: 2. maj 2022
sections:
  - include: chart
  - title: "Afsnit $X"
    initiative: x
    narrative: x.md
YAML
cat >"$c/reports/2022-x/x.md" <<'MD'
Tekst <script>alert(3)</script> og <iframe src="x"></iframe>.
[et link](javascript:alert(4)) og [et andet](JaVaScRiPt:alert(5)) og
og {{ x.name }}.
MD
"$1" build -C "$c" -o "$tmp/out" 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
[ -n "${KEEP:-}" ] && cp -R "$tmp/out" "$KEEP"
python3 - "$tmp/out" <<'PY'
import os, sys, xml.etree.ElementTree as ET
from html.parser import HTMLParser
out = sys.argv[1]
problems, texts = [], []

class P(HTMLParser):
    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed"):
            problems.append("%s: a <%s> element" % (self.name, tag))
        for k, v in attrs:
            if k.startswith("on"):
                problems.append("%s: an attribute %s on <%s>" %
                                (self.name, k, tag))
            if v and v.strip().lower().startswith("javascript:"):
                problems.append("%s: %s=%r on <%s>" % (self.name, k, v, tag))
            if tag == "img" and k == "src" and v == "x":
                problems.append("%s: the injected <img>" % self.name)
    def handle_data(self, data):
        texts.append(data)

pages = 0
for d, _, files in os.walk(out):
    for f in files:
        if f.endswith(".html"):
            p = P()
            p.name = os.path.relpath(os.path.join(d, f), out)
            p.feed(open(os.path.join(d, f), encoding="utf-8").read())
            pages += 1
feed = ET.parse(os.path.join(out, "feed.xml")).getroot()  # parses: escaped
text = "".join(texts) + "".join(feed.itertext())
for want in ("Indsats <script>alert(1)</script>", "Pause <script>",
             "Milepæl <script>", "Møde <script>", "Tal <script>",
             "Emne <script>", "Testrup <script>", "onerror=alert(2)>\"'&amp;"):
    if want not in text:
        problems.append("the text %r is not shown as text" % want)
for p in problems:
    print("escape: " + p)
print("escape: %d pages and the feed, %d problems" % (pages, len(problems)))
sys.exit(1 if problems else 0)
PY
