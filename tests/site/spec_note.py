#!/usr/bin/env python3
"""spec_note.py SPEC.txt FIXTURE OUT [U+XXXX ...]: a content tree at OUT,
copied from the FIXTURE content, whose one note has a section for each
example of the CommonMark spec: every construct Markdown has, in one
PDF.  Examples with images (files that do not exist) are left out, and
so are those with any of the characters given (ones no font has, which
an archival PDF cannot show)."""
import html
import os
import re
import shutil
import sys

spec, fixture, out = sys.argv[1:4]
avoid = {chr(int(u[2:], 16)) for u in sys.argv[4:]}
text = open(spec, encoding="utf-8").read()
examples = re.findall(r"^`{32} example\n(.*?)^\.\n", text, re.M | re.S)
shutil.copytree(fixture, out)
note = os.path.join(out, "reports", "2030-commonmark")
os.makedirs(note)
sections = []
for n, md in enumerate(examples, 1):
    md = md.replace("\u2192", "\t")
    # Entity references become characters too: look at them decoded.
    # Above U+FFFF the PDF draws U+FFFD (libharu's plane): avoid those
    # with it.
    chars = md + html.unescape(md)
    if "![" in md or any(c in avoid or ("\ufffd" in avoid and
                                        ord(c) > 0xffff) for c in chars):
        continue
    with open(os.path.join(note, "eksempel-%d.md" % n), "w",
              encoding="utf-8") as f:
        f.write(md)
    sections.append("  - title: Eksempel %d\n    narrative: eksempel-%d.md\n"
                    % (n, n))
with open(os.path.join(note, "report.yaml"), "w", encoding="utf-8") as f:
    f.write("date: 1. januar 2030\nsubject: CommonMark-eksemplerne\n"
            "sender: adm\nsections:\n" + "".join(sections))
print("spec_note: %d of %d examples" % (len(sections), len(examples)))
