#!/usr/bin/env python3
"""pdfua.py PDF DUMP: check a statusnotat PDF for what PDF/UA-1 and
PDF/A-2b need and a machine can see, since no validator (veraPDF) can be
installed here.  Reads the file through `qpdf --json` (objects, decoded
streams) and `pdfinfo -struct-text`; DUMP is `statusnotat dump` of the
note, for the text the structure tree must read in order.  Prints each
problem and exits 1 if there is one."""
import base64
import json
import re
import subprocess
import sys

problems = []


def problem(msg):
    problems.append(msg)


pdf, dump_file, note_id = sys.argv[1], sys.argv[2], sys.argv[3]
doc = json.loads(subprocess.run(
    ["qpdf", "--json", "--json-stream-data=inline",
     "--decode-level=generalized", pdf],
    check=True, capture_output=True).stdout)
objs = doc["qpdf"][1]


def obj(ref):
    """The value of an object, following a reference "N 0 R"."""
    if isinstance(ref, str) and ref.endswith(" R"):
        o = objs["obj:" + ref]
        return o.get("value", o.get("stream", {}).get("dict"))
    return ref


def stream_data(ref):
    return base64.b64decode(objs["obj:" + ref]["stream"]["data"])


# --- Content: every text showing operator inside marked content -------
TOKEN = re.compile(rb"""
    (?P<ws>\s+) | (?P<comment>%[^\r\n]*)
  | (?P<dict><<|>>) | (?P<arr>[\[\]]) | (?P<hex><[0-9A-Fa-f\s]*>)
  | (?P<name>/[^\s/\[\]()<>{}%]*) | (?P<num>[+-]?(\d+\.?\d*|\.\d+))
  | (?P<str>\() | (?P<op>[A-Za-z'"*]+)
""", re.X)


def tokens(data):
    i, n = 0, len(data)
    while i < n:
        m = TOKEN.match(data, i)
        if not m:
            raise ValueError("content: cannot read at byte %d" % i)
        kind = m.lastgroup
        if kind == "str":       # a literal string: nesting and escapes
            depth, j = 1, m.end()
            while depth:
                c = data[j:j + 1]
                if c == b"\\":
                    j += 2
                    continue
                depth += {b"(": 1, b")": -1}.get(c, 0)
                j += 1
            yield "str", data[i:j]
            i = j
            continue
        if kind not in ("ws", "comment"):
            yield kind, m.group()
        i = m.end()


page_mcids = {}                 # page object -> MCIDs in its content
text_outside = 0
hyphens = 0                     # line-end hyphens: "-" read as U+00AD
for page in doc["pages"]:
    pobj = page["object"]
    mcids = page_mcids.setdefault(pobj, [])
    stack, operands = [], []
    for ref in page["contents"]:
        for kind, tok in tokens(stream_data(ref)):
            if kind != "op":
                operands.append(tok)
                continue
            if tok in (b"BDC", b"BMC"):
                mcid = None
                if tok == b"BDC":
                    props = b" ".join(operands)
                    m = re.search(rb"/MCID\s+(\d+)", props)
                    mcid = int(m.group(1)) if m else None
                tag = operands[0] if operands else b""
                if tag == b"/Span" and b"/ActualText" in operands:
                    # A line-end hyphen: drawn "-", read U+00AD, in
                    # an element's content, with no MCID of its own
                    # (a structure item may not nest one).
                    if b"<FEFF00AD>" not in operands or mcid is not None:
                        problem("%s: a Span's ActualText is not the soft "
                                "hyphen alone" % pobj)
                    elif not any(m is not None for _, m in stack):
                        problem("%s: a hyphen's Span outside an "
                                "element's marked content" % pobj)
                    hyphens += 1
                stack.append((tag, mcid))
                if mcid is not None:
                    mcids.append(mcid)
            elif tok == b"EMC":
                if not stack:
                    problem("%s: EMC without BDC/BMC" % pobj)
                else:
                    stack.pop()
            elif tok in (b"TJ", b"Tj", b"'", b'"'):
                if not stack:
                    text_outside += 1
            operands = []
    if stack:
        problem("%s: marked content left open" % pobj)
if text_outside:
    problem("%d text runs outside marked content and artifacts"
            % text_outside)

# --- The structure tree ------------------------------------------------
catalog = obj(objs["trailer"]["value"]["/Root"])
root_ref = catalog.get("/StructTreeRoot")
if root_ref is None:
    problem("no /StructTreeRoot")
    print("\n".join(problems))
    sys.exit(1)
root = obj(root_ref)
owned = {}                      # (page, mcid) -> owners
roles, figures_no_alt, tables, headings = [], 0, [], []
figures = []                    # (element, its page)
annots_in_tree = set()


def walk(ref, page, depth):
    global figures_no_alt
    if depth > 200:
        problem("structure tree nested too deep")
        return
    e = obj(ref)
    role = e.get("/S", "")[1:]
    pg = e.get("/Pg", page)
    roles.append(role)
    if re.fullmatch(r"H[1-6]", role):
        headings.append(int(role[1]))
    if role == "Figure" and "/Alt" not in e:
        figures_no_alt += 1
    if role == "Figure":
        figures.append((e, pg))
    if role == "Table":
        tables.append(ref)
    kids = e.get("/K", [])
    if not isinstance(kids, list):
        kids = [kids]
    for k in kids:
        if isinstance(k, int):
            owned.setdefault((pg, k), []).append(ref)
        elif isinstance(k, str):
            walk(k, pg, depth + 1)
        elif isinstance(k, dict) and k.get("/Type") == "/MCR":
            owned.setdefault((k.get("/Pg", pg), k["/MCID"]), []).append(ref)
        elif isinstance(k, dict) and k.get("/Type") == "/OBJR":
            annots_in_tree.add(k["/Obj"])


def has_th(ref, depth=0):
    e = obj(ref)
    if e.get("/S") == "/TH":
        if "/A" not in e or "/Scope" not in obj(e["/A"]):
            problem("a TH cell has no /Scope")
        return True
    kids = e.get("/K", [])
    kids = kids if isinstance(kids, list) else [kids]
    return any(isinstance(k, str) and has_th(k, depth + 1) for k in kids)


top = root.get("/K")
for k in (top if isinstance(top, list) else [top]):
    walk(k, None, 0)
if roles[:1] != ["Document"]:
    problem("the structure tree does not start with Document")
for key, owners in owned.items():
    if len(owners) > 1:
        problem("MCID %s on %s owned by %d elements" % (key[1], key[0],
                                                        len(owners)))
content = {(p, m) for p, ms in page_mcids.items() for m in ms}
for key in content - set(owned):
    problem("MCID %d on %s belongs to no structure element" % (key[1],
                                                               key[0]))
for key in set(owned) - content:
    problem("the structure tree names MCID %d on %s, which no content "
            "has" % (key[1], key[0]))
prev = 0
for h in headings:
    if h > prev + 1:
        problem("headings skip a level: H%d after H%d" % (h, prev))
    prev = h
if figures_no_alt:
    problem("%d Figure elements without /Alt" % figures_no_alt)
for t in tables:
    if not has_th(t):
        problem("a Table without TH cells")


def kids_of(e):
    k = e.get("/K", [])
    return [obj(x) for x in (k if isinstance(k, list) else [k])
            if isinstance(x, str)]


def role_of(e):
    return e.get("/S", "")[1:]


# Tables: header rows in THead, the rest in TBody (pdf.js reads a TH as
# a row header only there), and regular (veraPDF's PDF/UA-1 7.2-42/43):
# every row as many cells as the first.
for t in tables:
    parts = kids_of(obj(t))
    groups = [role_of(k) for k in parts if role_of(k) != "Caption"]
    if "TR" in groups:
        problem("a Table has rows outside THead and TBody")
    if groups.count("TBody") != 1 or groups.count("THead") > 1 or \
            groups not in (["TBody"], ["THead", "TBody"]):
        problem("a Table is not [Caption] [THead] TBody: %s" % groups)
    rows = []
    for g in parts:
        if role_of(g) == "TR":
            trs = [g]           # misplaced (said above), counted still
        elif role_of(g) in ("THead", "TBody"):
            trs = kids_of(g)
        else:
            continue
        for tr in trs:
            if role_of(tr) != "TR":
                problem("a %s holds a %s" % (role_of(g), role_of(tr)))
                continue
            cells = [role_of(c) for c in kids_of(tr)]
            rows.append(len(cells))
            if role_of(g) == "THead" and set(cells) != {"TH"}:
                problem("a THead row has cells other than TH: %s" % cells)
    if rows and any(n != rows[0] for n in rows):
        problem("a Table's rows have %s cells, not all %d" % (rows, rows[0]))

# A Figure is placed (pdf.js exposes it as an image only then): /A with
# /O /Layout and a /BBox on its page.
for e, pg in figures:
    a = obj(e.get("/A", {}))
    a = a if isinstance(a, dict) else {}
    bb = [obj(x) for x in a.get("/BBox", [])]
    mb = [obj(x) for x in obj(obj(pg).get("/MediaBox", [])) or []] \
        if pg else []
    if a.get("/O") != "/Layout" or len(bb) != 4:
        problem("a Figure without /A << /O /Layout /BBox [...] >>")
    elif not (bb[0] < bb[2] and bb[1] < bb[3] and len(mb) == 4 and
              mb[0] <= bb[0] and bb[2] <= mb[2] and mb[1] <= bb[1] and
              bb[3] <= mb[3]):
        problem("a Figure's /BBox %s is not a box on its page %s" % (bb, mb))
pt = obj(root.get("/ParentTree"))
if pt is None or "/Nums" not in pt:
    problem("no ParentTree with /Nums")

for page in doc["pages"]:
    p = obj(page["object"])
    if p.get("/Tabs") != "/S":
        problem("%s: /Tabs is not /S" % page["object"])
    if "/StructParents" not in p:
        problem("%s: no /StructParents" % page["object"])
    for a in p.get("/Annots", []):
        an = obj(a)
        if an.get("/Subtype") == "/Link":
            if "/Contents" not in an:
                problem("a link annotation without /Contents")
            if "/StructParent" not in an or a not in annots_in_tree:
                problem("a link annotation not in the structure tree")

# --- Bookmarks: nested as the headings are, keeping the reader's zoom --
marks = []


def outline(items, depth):
    for it in items:
        marks.append(depth)
        d = obj(it["object"]).get("/Dest")
        if not isinstance(d, list):
            problem("bookmark \"%s\": its destination is not written "
                    "inline" % it["title"])
        dest = it["dest"]
        if len(dest) != 5 or dest[1] != "/XYZ" or dest[4] is not None:
            problem("bookmark \"%s\": destination %s, not [page /XYZ left "
                    "top null] (which keeps the reader's zoom)"
                    % (it["title"], dest[1:]))
        outline(it["kids"], depth + 1)


outline(doc.get("outlines", []), 1)
if marks != headings:
    problem("bookmarks at depths %s, headings at levels %s"
            % (marks, headings))

# --- Document level: language, title, marks, metadata ---------------
if not str(catalog.get("/Lang", "")).startswith("u:"):
    problem("no /Lang")
if obj(catalog.get("/MarkInfo", {})).get("/Marked") is not True:
    problem("no /MarkInfo << /Marked true >>")
if obj(catalog.get("/ViewerPreferences", {})).get("/DisplayDocTitle") \
        is not True:
    problem("no /ViewerPreferences << /DisplayDocTitle true >>")
info = obj(objs["trailer"]["value"].get("/Info"))
if not info or "/Title" not in info:
    problem("no document title")
meta_ref = catalog.get("/Metadata")
xmp = stream_data(meta_ref).decode("utf-8") if meta_ref else ""
for need in ("<pdfuaid:part>1</pdfuaid:part>", "<pdfaid:part>2</pdfaid:part>",
             "<pdfaid:conformance>B</pdfaid:conformance>"):
    if need not in xmp:
        problem("XMP metadata lacks %s" % need)
if not catalog.get("/OutputIntents"):
    problem("no output intent")
if "/ID" not in objs["trailer"]["value"]:
    problem("no /ID")

# --- The tree's text, in order, is the note's text, in order --------
struct_text = subprocess.run(["pdfinfo", "-struct-text", pdf], check=True,
                             capture_output=True, text=True).stdout
# List labels (bullets, numbers) are the PDF's own, not the note's text.
got_parts, skip_below = [], None
for line in struct_text.splitlines():
    depth = len(line) - len(line.lstrip(" "))
    if skip_below is not None and depth > skip_below:
        continue
    skip_below = None
    # A Figure is read by its /Alt (checked above), not by its marks:
    # the timeline chart's labels are the chart's, not the note's text.
    if line.strip().startswith("Lbl") or \
            re.fullmatch(r"Figure:?", line.strip()):
        skip_below = depth
        continue
    m = re.match(r'^\s*"(.*)"\s*$', line)
    if m:
        got_parts.append(m.group(1))
got = "".join(got_parts)


def squeeze(s):
    return re.sub(r"[\s\u00ad]+", "", s)


def undump(text):
    """A value as the dump quotes it: \\n, \\", \\\\, \\U+XXXX, \\xXX."""
    out = bytearray()
    for m in re.finditer(r'\\(?:U\+([0-9A-F]{4})|x([0-9A-F]{2})|(.))|([^\\]+)',
                         text):
        if m.group(1):
            out += chr(int(m.group(1), 16)).encode()
        elif m.group(2):
            out.append(int(m.group(2), 16))
        elif m.group(3):
            out += ("\n" if m.group(3) == "n" else m.group(3)).encode()
        else:
            out += m.group(4).encode()
    return out.decode("utf-8", "replace")


want, skip_deeper, in_note = [], None, False
for line in open(dump_file, encoding="utf-8"):
    depth = (len(line) - len(line.lstrip(" "))) // 2
    body = line.strip()
    if line.startswith("note "):
        in_note = line.split()[1] == note_id
        continue
    if not in_note:
        continue
    if skip_deeper is not None:
        if depth > skip_deeper:
            continue
        skip_deeper = None
    if body.startswith("image ") or body.startswith("chart "):
        skip_deeper = depth    # alt text: an attribute, not content
        continue
    m = re.match(r'(date|title|regarding|text|code(?: info="(?:[^"\\]|\\.)*")?) '
                 r'"(.*)"$', body) or re.search(r'caption="(.*)"$', body)
    if m:
        text = m.group(m.lastindex)
        want.append(undump(text))
def align(w, g, extra):
    """Where w and g part, g having up to extra "-" more (pdfinfo reads
    a line-end hyphen's glyph, not its ActualText); None if they agree."""
    i = j = 0
    while i < len(w) and j < len(g):
        if w[i] == g[j]:
            i, j = i + 1, j + 1
        elif g[j] == "-" and extra > 0:
            j, extra = j + 1, extra - 1
        else:
            return i, j
    if i == len(w) and j == len(g):
        return None
    return i, j


w, g = squeeze("".join(want)), squeeze(got)
parted = align(w, g, hyphens)
if parted is not None:
    i, j = parted
    problem("the structure tree's text differs from the note's at "
            "character %d: note ...%s... tree ...%s..."
            % (i, w[max(0, i - 30):i + 30], g[max(0, j - 30):j + 30]))

for p in problems:
    print("pdfua: " + p)
print("pdfua: %s: %d structure elements, %d marked-content items, "
      "%d problems" % (pdf.rsplit("/", 1)[-1], len(roles), len(content),
                       len(problems)))
sys.exit(1 if problems else 0)
