"""Rewrite every marked figure in the README and docs/ to its results file's current value.

    python scripts/refresh_figures.py [--check]

A figure is a number followed by ``<!-- figure: FILE KEY -->`` (the rule is in
tests/test_figures.py and CONTRIBUTING.md). Each one is replaced by the value at KEY, shown
with the digits the page already shows (decimals kept; an integer keeps its thousands
separators and its rounding to tens or hundreds). Bounds (``<=``/``>=``) are left as written:
they are claims, and the test says when one stops holding. ``--check`` writes nothing and
exits 1 when a page would change. The words around a figure are the writer's: read the diff.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_figures import MARKER, PAGES, load, lookup, prose  # noqa: E402


def shown_like(quoted: str, value: float) -> str:
    """``value`` written with the precision and separators of ``quoted``."""
    digits = quoted.replace(",", "")
    if "." in digits:
        places = len(digits.split(".")[1])
        return f"{value:,.{places}f}" if "," in quoted else f"{value:.{places}f}"
    if "," not in quoted:
        return str(round(value))
    zeros = len(digits) - len(digits.rstrip("0"))  # "11,600": rounded to hundreds
    return f"{int(round(value, -zeros)):,}"


def refreshed(text: str, cache: dict[str, Any]) -> str:
    """The page with every exact (non-bound) figure set to its current value."""
    out, last = [], 0
    for m in MARKER.finditer(prose(text)):
        if m["relation"]:
            continue
        if m["file"] not in cache:
            cache[m["file"]] = load(m["file"])
        value = lookup(cache[m["file"]], m["key"])
        out.append(text[last : m.start("number")])
        out.append(shown_like(m["number"], float(value)))
        last = m.end("number")
    out.append(text[last:])
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 on a change")
    args = parser.parse_args(argv)
    cache: dict[str, Any] = {}
    changed = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        new = refreshed(text, cache)
        if new != text:
            changed.append(str(page.relative_to(ROOT)))
            if not args.check:
                page.write_text(new, encoding="utf-8")
    verb = "would change" if args.check else "rewrote"
    print(f"{verb}: {', '.join(changed)}" if changed else "every figure is current")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
