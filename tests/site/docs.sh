#!/bin/sh
# docs.sh [STATUSNOTAT]: the content format's Danish page, docs/content.md,
# and its English one, docs/content.en.md, say the same: each links to the
# other on its first line; they have the same headings (level by level),
# the same fenced code blocks byte for byte in the same order, the same
# tables row by row (as many cells; a first cell that is code or *status*
# the same), and each section holds every `code` of its English section,
# as often.
# Every link to a Markdown file in README.md and docs/*.md leads to one
# and, with an #anchor, to a heading of it (GitHub's heading ids, or an
# <a id="...">).  The binary is not used.
#
# docs.sh --compare DA EN: compare two such files only (used to try the
# test on a broken copy).
set -u
command -v python3 >/dev/null 2>&1 || { echo "docs: skipped: no python3"; exit 77; }
if [ "${1-}" = --compare ]; then
	da=$2 en=$3 roots=
else
	da=docs/content.md en=docs/content.en.md roots="README.md docs"
fi
# shellcheck disable=SC2086
python3 - "$da" "$en" $roots <<'PY'
import html, os, re, sys
from collections import Counter

da, en, roots = sys.argv[1], sys.argv[2], sys.argv[3:]
bad = []

def parse(path):
    """Headings, code blocks, tables and per-section code spans."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    doc = {"first": lines[0], "heads": [], "blocks": [], "tables": [],
           "code": [Counter()], "ids": set(), "links": []}
    fence, block, table = None, [], None
    for n, line in enumerate(lines, 1):
        if fence is not None:
            block.append(line)
            if line.startswith(fence) and line.strip("`") == "":
                doc["blocks"].append("\n".join(block))
                fence = None
            continue
        m = re.match(r"^(`{3,})", line)
        if m:
            fence, block = m.group(1), [line]
            table = None
            continue
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
            if table is None:
                table = []
                doc["tables"].append(table)
            first = cells[0]
            if not re.match(r"^(`|\*|-{3})", first):
                first = "(words)"
            table.append((n, len(cells), first))
        else:
            table = None
        m = re.match(r"^(#{1,6}) +(.*?) *#*$", line)
        if m:
            doc["heads"].append((n, len(m.group(1)), m.group(2)))
            doc["code"].append(Counter())
            text = html.unescape(re.sub(r"<[^>]*>|`", "", m.group(2)))
            slug = re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")
            k, base = 0, slug
            while slug in doc["ids"]:
                k += 1
                slug = "%s-%d" % (base, k)
            doc["ids"].add(slug)
        for m in re.finditer(r"<a (?:id|name)=\"([^\"]+)\"", line):
            doc["ids"].add(m.group(1))
        for m in re.finditer(r"(`+)(.+?)\1", line):
            doc["code"][-1][m.group(2).strip()] += 1
        for m in re.finditer(r"\]\(([^)\s#]*)(?:#([^)\s]+))?\)", line):
            doc["links"].append((n, m.group(1), m.group(2)))
    if fence is not None:
        bad.append("%s: a code block is not closed" % path)
    return doc

for f in (da, en):
    if not os.path.isfile(f):
        print("docs: %s is missing" % f)
        sys.exit(1)
d, e = parse(da), parse(en)
if not re.search(r"\]\(%s\)" % re.escape(os.path.basename(en)), d["first"]):
    bad.append("%s:1: the first line does not link to %s"
               % (da, os.path.basename(en)))
if not re.search(r"\]\(%s\)" % re.escape(os.path.basename(da)), e["first"]):
    bad.append("%s:1: the first line does not link to %s"
               % (en, os.path.basename(da)))

if [h[1] for h in d["heads"]] != [h[1] for h in e["heads"]]:
    bad.append("headings differ: %s has %s, %s has %s" % (
        da, ["%d:%s %s" % (h[0], "#" * h[1], h[2]) for h in d["heads"]],
        en, ["%d:%s %s" % (h[0], "#" * h[1], h[2]) for h in e["heads"]]))
if len(d["blocks"]) != len(e["blocks"]):
    bad.append("%s has %d code blocks, %s has %d"
               % (da, len(d["blocks"]), en, len(e["blocks"])))
for i, (x, y) in enumerate(zip(d["blocks"], e["blocks"]), 1):
    if x != y:
        bad.append("code block %d differs:\n%s\n-- against --\n%s" % (i, x, y))
if len(d["tables"]) != len(e["tables"]):
    bad.append("%s has %d tables, %s has %d"
               % (da, len(d["tables"]), en, len(e["tables"])))
for x, y in zip(d["tables"], e["tables"]):
    if len(x) != len(y):
        bad.append("%s:%d: a table of %d rows, %s:%d has %d"
                   % (da, x[0][0], len(x), en, y[0][0], len(y)))
    for r, s in zip(x, y):
        if r[1:] != s[1:]:
            bad.append("%s:%d: row of %d cells starting %s, %s:%d has %d "
                       "starting %s" % (da, r[0], r[1], r[2], en, s[0],
                                        s[1], s[2]))
if len(d["code"]) == len(e["code"]):
    for i, (x, y) in enumerate(zip(d["code"], e["code"])):
        where = "before the first heading" if i == 0 else \
            "under %s:%d" % (da, d["heads"][i - 1][0])
        for c in sorted(y - x):
            bad.append("%s lacks `%s` of %s (%s)" % (da, c, en, where))

# Links to a heading, from the given files and folders, resolve.
files = [da, en]
for r in roots:
    if os.path.isdir(r):
        files += sorted(os.path.join(r, f) for f in os.listdir(r)
                        if f.endswith(".md"))
    else:
        files.append(r)
docs, nlinks = {}, 0
for f in sorted(set(files)):
    for n, target, anchor in parse(f)["links"]:
        path = os.path.normpath(os.path.join(os.path.dirname(f), target)) \
            if target else f
        if not path.endswith(".md") or "://" in target:
            continue
        if not os.path.exists(path):
            bad.append("%s:%d: links to %s, which is not there" % (f, n, path))
            continue
        nlinks += 1
        docs.setdefault(path, parse(path))
        if anchor is not None and anchor not in docs[path]["ids"]:
            bad.append("%s:%d: links to %s#%s, which has no such heading"
                       % (f, n, target or f, anchor))

for b in bad:
    print("docs: " + b)
if not bad:
    print("docs: %s and %s alike: %d headings, %d code blocks, %d tables; "
          "%d links resolve" % (da, en, len(d["heads"]), len(d["blocks"]),
                                len(d["tables"]), nlinks))
sys.exit(1 if bad else 0)
PY
