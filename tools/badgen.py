#!/usr/bin/env python3
"""tools/badgen.py — writes the generated bad scenarios of tests/data/bad/gen/.

Each is scenarios/example.cfg with one mistake, named in its first line:

    # gen: line L: KEY given VALUE; the error says: TEXT

(L: the line of the mistake in the generated file; TEXT: what the
message at that line must hold).  The mistakes:

  num-*   every number and every quantity ("4h", "1.1/y", "20TB", "95%")
          of the file given 0, -1, 1e308, "nan", "inf", "text" and
          [1, 2] in turn: the message names 'KEY';
  ref-*   every reference to an id (site, crew, storage, requires,
          depends, data, reach) naming an unknown one, "nosuch": the
          message names it;
  dup-*   an id or a name given twice in its list: it says "duplicate";
  empty-* an element of a list given as an empty group: it says
          "missing required key".

For each it runs `BUILD/drsim check FILE`: a file drsim rejects (exit 2)
is kept with its message as NAME.err; one it accepts is not kept, and is
listed in ACCEPTED (with the exit status of a two-replication run of it,
which must not crash).  Read the diff of the .err files before
committing them: they are what `make check` then holds drsim to
(tests/test_scenario.c, "gen": the exact message, and a line of it
starting FILE:L: that holds TEXT).

    tools/badgen.py [BUILD]        # BUILD: build (default)
"""
import os
import re
import subprocess
import sys

BASE = "scenarios/example.cfg"
OUT = "tests/data/bad/gen"

VALUES = [("zero", "0"), ("minus1", "-1"), ("huge", "1e308"),
          ("nan", '"nan"'), ("inf", '"inf"'), ("text", '"text"'),
          ("list", "[1, 2]")]

# key = number, or key = "quantity" (a string starting with a digit)
NUMERIC = re.compile(r'\b([a-z_]+)\s*=\s*("[0-9][^"]*"|-?[0-9][0-9.eE+-]*)')
# key = "id" or key = ["id", ...] for the keys that name another element
REFERENCE = re.compile(
    r'\b(site|crew|storage|requires|depends|data|reach)\s*=\s*\[?\s*"([^"]+)"')

DUPLICATES = [  # (what, text, replacement)
    ("site", 'id = "roomB"', 'id = "roomA"'),
    ("component", 'id = "app"', 'id = "san"'),
    ("failure", 'name = "corruption"', 'name = "controller"'),
    ("hazard", 'name = "fire"', 'name = "power"'),
    ("dataset", 'id = "directory"', 'id = "dpi-db"'),
    ("copy", 'id = "nightly"', 'id = "snap"'),
    ("offsite", 'id = "tape"', 'id = "snap"'),
    ("service", 'id = "ad"', 'id = "dpi"'),
]

EMPTIES = [  # (what, regexp of the element on its line)
    ("site", r'\{ id = "roomB";[^}]*\}'),
    ("crew", r'\{ id = "it";[^}]*\}'),
    ("hazard", r'\{ name = "fire";[^}]*\}'),
    ("failure", r'\{ name = "hw"; rate = "0.2/y";[^}]*\}'),
    ("strategy", r'\{ kind = "restore";[^}]*\}'),
]

HEADER_LINES = 1


def write_case(name, lines, line, key, value, says, build, accepted):
    path = os.path.join(OUT, name + ".cfg")
    header = "# gen: line %d: %s given %s; the error says: %s\n" % (
        line + HEADER_LINES, key, value, says)
    with open(path, "w") as f:
        f.write(header + "".join(lines))
    check = subprocess.run([os.path.join(build, "drsim"), "check", path],
                           capture_output=True, text=True)
    if check.returncode == 2:
        with open(os.path.join(OUT, name + ".err"), "w") as f:
            f.write(check.stderr)
        return
    run = subprocess.run([os.path.join(build, "drsim"), "run", path, "-r",
                          "2", "-q"], capture_output=True, text=True,
                         timeout=600)
    accepted.append("%s.cfg: %s (check %d, run -r 2 exit %d%s)" % (
        name, header[2:].strip(), check.returncode, run.returncode,
        ": " + run.stderr.strip().splitlines()[-1] if run.stderr.strip()
        else ""))
    os.unlink(path)


def numeric_cases(lines, build, accepted):
    for i, text in enumerate(lines):
        if text.lstrip().startswith("#"):
            continue
        for m in NUMERIC.finditer(text):
            key = m.group(1)
            for tag, value in VALUES:
                changed = list(lines)
                changed[i] = text[:m.start(2)] + value + text[m.end(2):]
                write_case("num-%03d-%s-%s-%s" % (i + 1, m.start(2), key,
                                                  tag),
                           changed, i + 1, key, value, "'%s'" % key, build,
                           accepted)


def reference_cases(lines, build, accepted):
    for i, text in enumerate(lines):
        if text.lstrip().startswith("#"):
            continue
        for m in REFERENCE.finditer(text):
            key = m.group(1)
            changed = list(lines)
            changed[i] = text[:m.start(2)] + "nosuch" + text[m.end(2):]
            write_case("ref-%03d-%s" % (i + 1, key), changed, i + 1, key,
                       '"nosuch"', "nosuch", build, accepted)


def duplicate_cases(lines, build, accepted):
    for what, old, new in DUPLICATES:
        i = next(k for k, t in enumerate(lines) if old in t)
        changed = list(lines)
        changed[i] = lines[i].replace(old, new, 1)
        key = new.split(" ")[0]
        write_case("dup-%s" % what, changed, i + 1, key, new.split("= ")[1],
                   "duplicate", build, accepted)


def empty_cases(lines, build, accepted):
    for what, pattern in EMPTIES:
        i = next(k for k, t in enumerate(lines) if re.search(pattern, t))
        changed = list(lines)
        changed[i] = re.sub(pattern, "{ }", lines[i], count=1)
        write_case("empty-%s" % what, changed, i + 1, what, "{ }",
                   "missing required key", build, accepted)


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        os.unlink(os.path.join(OUT, f))
    with open(BASE) as f:
        lines = f.readlines()
    accepted = []
    numeric_cases(lines, build, accepted)
    reference_cases(lines, build, accepted)
    duplicate_cases(lines, build, accepted)
    empty_cases(lines, build, accepted)
    with open(os.path.join(OUT, "ACCEPTED"), "w") as f:
        f.write("# tools/badgen.py: the mistakes drsim check accepts "
                "(no file kept)\n")
        f.writelines(a + "\n" for a in accepted)
    kept = len([f for f in os.listdir(OUT) if f.endswith(".err")])
    print("badgen: %d bad files kept, %d accepted (%s/ACCEPTED)" % (
        kept, len(accepted), OUT))


if __name__ == "__main__":
    main()
