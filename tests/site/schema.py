#!/usr/bin/env python3
"""schema.py STATUSNOTAT: the JSON Schemas of `statusnotat schema KIND`,
checked with an independent validator (python3-jsonschema):

- each is a valid draft-07 schema;
- what the loader accepts, the schema accepts: the bundled content and
  templates/pdf.yaml, and every YAML file of a golden case that
  `statusnotat check` reports nothing at (expected/check.err);
- the unknown keys and wrong types the loader refuses, the schema refuses
  (REFUSED, and each bad-* file of tests/golden/schema-errors);
- the date pattern takes every date tests/unit/test_date.c parses.

The YAML is read as VS Code's YAML extension reads it (YAML 1.2: no
timestamps, only true and false are booleans; keys are text).
Exits 0 when all holds, 77 when python3-jsonschema or python3-yaml is
missing.
"""
import glob
import json
import os
import re
import subprocess
import sys

try:
    import jsonschema
    import yaml
except ImportError as e:
    print("schema: skipped: %s (install python3-jsonschema and "
          "python3-yaml)" % e)
    sys.exit(77)

KINDS = ("site", "initiative", "report", "pdf")

# Golden files the loader refuses for an unknown key or a wrong type.
REFUSED = [
    "unknown-key/content/site.yaml",
    "unknown-key/content/initiatives/kaffe.yaml",
    "wrong-type/content/initiatives/kaffe.yaml",
    "wrong-type/content/reports/2022-kaffe/report.yaml",
    "schema-errors/templates/pdf.yaml",
]


class Loader(yaml.SafeLoader):
    """YAML 1.2's core schema, as yaml-language-server reads it."""


Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v
        if tag not in ("tag:yaml.org,2002:timestamp",
                       "tag:yaml.org,2002:bool")]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
for first in "tTfF":
    Loader.yaml_implicit_resolvers.setdefault(first, []).append(
        ("tag:yaml.org,2002:bool",
         re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")))


def as_json(v):
    """Keys as JSON has them: text."""
    if isinstance(v, dict):
        return {str(k): as_json(x) for k, x in v.items()}
    if isinstance(v, list):
        return [as_json(x) for x in v]
    return v


def kind_of(path):
    base = os.path.basename(path)
    if base.startswith("pdf."):
        return "pdf"
    if base.startswith("site."):
        return "site"
    if base.startswith("report.") or "/reports/" in path:
        return "report"
    return "initiative"


def yaml_files(top):
    """The YAML files the loader reads under top (a content folder or a
    golden case) and the print style."""
    pats = ["content/site.y*ml", "content/initiatives/*.y*ml",
            "content/reports/*/report.y*ml", "templates/pdf.yaml"]
    out = []
    for p in pats:
        out += sorted(glob.glob(os.path.join(top, p)))
    return out


def errors(validators, path):
    """The schema's objections to path (a list of text)."""
    with open(path, encoding="utf-8") as f:
        data = as_json(yaml.load(f, Loader=Loader))
    v = validators[kind_of(path)]
    return ["%s: %s" % ("/".join(map(str, e.absolute_path)) or "(top)",
                        e.message[:200]) for e in v.iter_errors(data)]


def c_strings(src, funcs):
    """The first string argument of each call to funcs in C source."""
    call = re.compile(r"\b(?:%s)\(\s*(?:b,\s*)?((?:\"(?:[^\"\\]|\\.)*\"\s*)+)"
                      % "|".join(funcs))
    lit = re.compile(r"\"((?:[^\"\\]|\\.)*)\"")
    for m in call.finditer(src):
        raw = b""
        for part in lit.findall(m.group(1)):
            raw += re.sub(rb"\\(x[0-9a-fA-F]{2}|.)", lambda e: (
                bytes([int(e.group(1)[1:], 16)])
                if e.group(1)[:1] == b"x" else
                {b"n": b"\n", b"t": b"\t"}.get(e.group(1), e.group(1))),
                part.encode("utf-8"))
        yield raw.decode("utf-8")


def main():
    binary = sys.argv[1]
    failed = []
    validators = {}
    for k in KINDS:
        out = subprocess.run([binary, "schema", k], capture_output=True,
                             check=False)
        if out.returncode != 0:
            print("schema: `statusnotat schema %s` failed: %s"
                  % (k, out.stderr.decode(errors="replace")))
            return 1
        schema = json.loads(out.stdout)
        jsonschema.Draft7Validator.check_schema(schema)
        validators[k] = jsonschema.Draft7Validator(schema)

    # What the loader accepts.
    accepted = yaml_files(".")
    for case in sorted(glob.glob("tests/golden/*/")):
        err = os.path.join(case, "expected/check.err")
        if not os.path.exists(err):
            continue
        said = open(err, encoding="utf-8", errors="replace").read()
        for path in yaml_files(case):
            rel = os.path.relpath(path, case)
            # Not when check names the file or a folder above it.
            parts = rel.split("/")
            if any(("\n" + "/".join(parts[:i]) + ":") in "\n" + said
                   for i in range(1, len(parts) + 1)):
                continue
            accepted.append(path)
    for path in accepted:
        try:
            why = errors(validators, path)
        except yaml.YAMLError as e:
            why = ["not read as YAML: %s" % e]
        if why:
            failed.append("%s: the loader accepts it, the schema does "
                          "not: %s" % (path, "; ".join(why[:3])))

    # What the loader refuses for an unknown key or a wrong type.
    refused = ["tests/golden/" + p for p in REFUSED]
    refused += [p for p in yaml_files("tests/golden/schema-errors")
                if "/bad-" in p]
    if len(refused) < len(REFUSED) + 8:
        failed.append("tests/golden/schema-errors has too few bad-* files")
    for path in refused:
        if not errors(validators, path):
            failed.append("%s: the loader refuses it, the schema does not"
                          % path)

    # The date forms: all that date.c parses, none of a few it does not.
    props = validators["initiative"].schema["definitions"]["dato"]
    pattern = re.compile(props["anyOf"][0]["pattern"])
    src = open("tests/unit/test_date.c", encoding="utf-8").read()
    dates = list(c_strings(src, ["roundtrip", "formats", "iso", "kind",
                                 "span"]))
    if len(dates) < 50:
        failed.append("only %d dates found in test_date.c" % len(dates))
    for d in dates:
        if not pattern.search(d):
            failed.append("the date pattern refuses %r, which date.c "
                          "parses" % d)
    for d in ("juni 21", "3. juny 2021", "næste uge", "2021 juni",
              "sommer 2020", "uge 2021"):
        if pattern.search(d):
            failed.append("the date pattern takes %r" % d)

    for f in failed:
        print("schema: FAIL: " + f)
    print("schema: %d files the loader accepts, %d it refuses, %d dates" %
          (len(accepted), len(refused), len(dates)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
