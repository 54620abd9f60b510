"""Results files that docs figures name: JSON with the commit measured and the command run.

``save`` records one run under ``runs/KEY`` of a results file (the file's top-level ``commit``
and ``command`` are its latest run's); ``update_block`` rewrites a docs block
``<!-- results: FILE start (KEY, written by COMMAND) -->`` ... ``<!-- results: end -->`` with
a table made from that run. tests/test_figures.py checks each number of such a block, and each
``<!-- figure: FILE KEY -->`` marker, against the file.
"""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def git(*args: str) -> str:
    try:
        run = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    except OSError:
        return ""
    return run.stdout.strip() if run.returncode == 0 else ""


def provenance(argv: list[str]) -> dict[str, Any]:
    """The commit measured (and whether src/ or benchmarks/ differed from it), the command,
    the date and the machine."""
    return {
        "commit": git("rev-parse", "--short", "HEAD") or "?",
        "uncommitted_changes": bool(
            git("status", "--porcelain", "--", "src", "benchmarks", ":!benchmarks/results")
        ),
        "command": " ".join(["python", *argv]),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{platform.system()}",
    }


def save(path: Path, key: str, data: dict[str, Any], measured: dict[str, Any]) -> None:
    """Record ``data`` as ``runs/KEY`` of the results file at ``path`` (other runs kept);
    ``measured`` is the ``provenance`` taken when the run started."""
    results = json.loads(path.read_text()) if path.exists() else {}
    run = {**measured, **data}
    results.setdefault("runs", {})[key] = run
    results.update({k: run[k] for k in ("commit", "command", "date")})
    path.write_text(json.dumps(results, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    print(f"wrote runs/{key} of {path.relative_to(ROOT)}", file=sys.stderr)


def update_block(doc: Path, results: Path, key: str, body: str) -> None:
    """Replace the body of the block of ``doc`` that names ``results`` and ``key``."""
    name = re.escape(results.relative_to(ROOT).as_posix())
    pattern = re.compile(
        r"(<!--\s*results:\s*" + name + r"\s+start\s+\(" + re.escape(key) + r"\b[^>]*-->\n)"
        r".*?(<!--\s*results:\s*end\s*-->)",
        re.S,
    )
    text = doc.read_text()
    new, count = pattern.subn(
        lambda m: m.group(1) + "\n" + body.strip() + "\n\n" + m.group(2), text
    )
    if not count:
        raise SystemExit(f"{doc}: no block '<!-- results: {results} start ({key}, ...) -->'")
    doc.write_text(new)
    print(f"updated {doc} ({key})", file=sys.stderr)


def record(
    path: Path,
    key: str,
    data: dict[str, Any] | None,
    measured: dict[str, Any],
    docs: str | None,
    table: Any,
) -> None:
    """Save ``data`` (when measured) as ``runs/KEY``; then, with ``docs``, rewrite that page's
    block from the saved run with ``table(run)``."""
    if data is not None:
        save(path, key, data, measured)
    if docs:
        run = json.loads(path.read_text())["runs"][key]
        update_block(Path(docs), path, key, table(run))
