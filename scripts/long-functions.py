#!/usr/bin/env python3
"""Lists the functions longer than a limit (80 lines by default) under the given folders.

A function runs from the line of its `fn` to the line of the brace that closes its body,
found by counting braces outside strings, characters and comments. Exit 1 if any is longer.

    scripts/long-functions.py [--limit N] src/check [more folders or files]
"""
import re
import sys
from pathlib import Path

FN = re.compile(r"^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?(extern\s+\"[^\"]*\"\s+)?fn\s+(\w+)")


def code_only(line, state):
    """The line with strings, chars and comments blanked; state carries block comments and
    raw strings across lines."""
    out = []
    i = 0
    while i < len(line):
        if state["block"]:
            end = line.find("*/", i)
            if end < 0:
                return "".join(out)
            state["block"] = False
            i = end + 2
            continue
        if state["raw"]:
            end = line.find(state["raw"], i)
            if end < 0:
                return "".join(out)
            i = end + len(state["raw"])
            state["raw"] = None
            continue
        if state["str"]:
            if line[i] == "\\":
                i += 2
                continue
            if line[i] == '"':
                state["str"] = False
            i += 1
            continue
        c = line[i]
        if line.startswith("//", i):
            break
        if line.startswith("/*", i):
            state["block"] = True
            i += 2
            continue
        m = re.match(r'b?r(#*)"', line[i:])
        if m:
            state["raw"] = '"' + m.group(1)
            i += m.end()
            continue
        if c == '"':
            state["str"] = True
            i += 1
            continue
        m = re.match(r"b?'(\\.|[^\\'])'", line[i:])
        if m:
            i += m.end()
            continue
        out.append(c)
        i += 1
    return "".join(out)


def functions(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    state = {"block": False, "raw": None, "str": False}
    stack = []  # (name, start line, depth at which its body opened)
    depth = 0
    pending = None
    for n, line in enumerate(lines, 1):
        m = FN.match(line)
        code = code_only(line, state)
        if m and not state["block"]:
            pending = (m.group(7), n)
        for c in code:
            if c == "{":
                depth += 1
                if pending:
                    stack.append((pending[0], pending[1], depth))
                    pending = None
            elif c == "}":
                if stack and stack[-1][2] == depth:
                    name, start, _ = stack.pop()
                    yield name, start, n - start + 1
                depth -= 1
            elif c == ";" and pending and depth >= 0:
                pending = None  # a declaration without a body (trait item)


def main(argv):
    limit = 80
    if argv[:1] == ["--limit"]:
        limit = int(argv[1])
        argv = argv[2:]
    long = []
    for root in argv or ["src/check"]:
        p = Path(root)
        for f in sorted([p] if p.is_file() else p.rglob("*.rs")):
            for name, start, length in functions(f):
                if length > limit:
                    long.append((length, f"{f}:{start}", name))
    for length, where, name in sorted(long, reverse=True):
        print(f"{length:5} {where} {name}")
    return 1 if long else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
