"""Import time as a user's environment has it, and as a development checkout has it.

``import openai_rest`` and ``import openai``, in-process time of the import statement, the
median of ``--runs`` fresh interpreters each, in four set-ups:

- ``user``: a non-editable install (``pip install .``) into a fresh venv, as a user gets it:
  pip compiles every module to ``.pyc`` at install;
- ``user_before``: the same for ``--before REV`` (default: the commit before issue 17's import
  work), so the change is measured side by side;
- ``checkout_pyc``: this checkout on ``PYTHONPATH`` with ``.pyc`` written and reused;
- ``checkout_no_pyc``: this checkout with ``PYTHONDONTWRITEBYTECODE=1`` and no ``__pycache__``
  (every module compiled at every import: what an editable install in an environment that
  sets that variable pays, and why 0.054 did not reproduce there).

    python benchmarks/bench_import.py [--runs 9] [--before REV] [--save] [--docs PAGE]

``--save`` records the run in ``benchmarks/results/import.json``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Dict, List, Optional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import results_file  # noqa: E402

RESULTS = HERE / "results" / "import.json"
BEFORE = "84645c9"
"""main just before the lazy module face and endpoints (issue 17)."""

TIMED = "import time; t = time.perf_counter(); import {m}; print((time.perf_counter() - t) * 1e3)"


def import_ms(python: str, module: str, runs: int, env: Dict[str, str]) -> Dict[str, float]:
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [python, "-c", TIMED.format(m=module)], capture_output=True, text=True, env=env
        )
        if out.returncode:
            raise RuntimeError(out.stderr)
        times.append(float(out.stdout.strip()))
    return {"median_ms": round(statistics.median(times), 1), "best_ms": round(min(times), 1)}


def pair(python: str, runs: int, env: Dict[str, str]) -> Dict[str, Any]:
    rest = import_ms(python, "openai_rest", runs, env)
    sdk = import_ms(python, "openai", runs, env)
    return {
        "openai_rest": rest,
        "openai": sdk,
        "ratio": round(rest["median_ms"] / sdk["median_ms"], 3),
    }


def importtime(python: str, runs: int, env: Dict[str, str], top: int = 8) -> Dict[str, Any]:
    """``python -X importtime -c "import openai_rest"``: the least cumulative microseconds over
    ``runs`` of the whole import and of its heaviest direct parts (``openai_rest.*``)."""
    best: Dict[str, int] = {}
    for _ in range(runs):
        err = subprocess.run(
            [python, "-X", "importtime", "-c", "import openai_rest"],
            capture_output=True,
            text=True,
            env=env,
        ).stderr
        for line in err.splitlines():
            found = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\s*)(\S+)", line)
            if found and found.group(3).startswith("openai_rest"):
                name, us = found.group(3), int(found.group(1))
                best[name] = min(us, best.get(name, us))
    whole = best.pop("openai_rest", 0)
    heaviest = sorted(best.items(), key=lambda kv: -kv[1])[:top]
    return {
        "whole_ms": round(whole / 1e3, 1),
        "parts_ms": {k: round(v / 1e3, 2) for k, v in heaviest},
    }


def fresh_venv(directory: Path, source: Path) -> str:
    """A venv with ``source`` installed (not editable) and the official SDK beside it."""
    subprocess.run([sys.executable, "-m", "venv", str(directory)], check=True)
    python = str(directory / "bin" / "python")
    subprocess.run(
        [
            python,
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            str(source),
            "openai",
        ],
        check=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    )
    return python


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--before", default=BEFORE, help="the commit to compare with")
    parser.add_argument("--save", action="store_true", help=f"record in {RESULTS.name}")
    parser.add_argument("--docs", help="rewrite the import block of this page from the run")
    args = parser.parse_args(argv)
    measured = results_file.provenance(["benchmarks/bench_import.py", *(argv or sys.argv[1:])])
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    run: Dict[str, Any] = {"runs": args.runs, "before": args.before}
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        base = Path(tmp)
        before_src = base / "before-src"
        before_src.mkdir()
        archive = subprocess.run(
            ["git", "archive", args.before], cwd=ROOT, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(before_src)], input=archive, check=True)
        now, before = fresh_venv(base / "now", ROOT), fresh_venv(base / "before", before_src)
        run["user"] = pair(now, args.runs, clean)
        print("user", run["user"], flush=True)
        run["user_before"] = pair(before, args.runs, clean)
        print("user_before", run["user_before"], flush=True)
        run["importtime"] = importtime(now, args.runs, clean)
        run["importtime_before"] = importtime(before, args.runs, clean)
        print("importtime", run["importtime"], run["importtime_before"], flush=True)
        copy = base / "checkout"
        shutil.copytree(ROOT / "src", copy, ignore=shutil.ignore_patterns("__pycache__"))
        dev = {**clean, "PYTHONPATH": str(copy)}
        import_ms(sys.executable, "openai_rest", 1, dev)  # writes the .pyc
        run["checkout_pyc"] = pair(sys.executable, args.runs, dev)
        print("checkout_pyc", run["checkout_pyc"], flush=True)
        shutil.rmtree(copy)
        shutil.copytree(ROOT / "src", copy, ignore=shutil.ignore_patterns("__pycache__"))
        no_pyc = {**dev, "PYTHONDONTWRITEBYTECODE": "1"}
        run["checkout_no_pyc"] = pair(sys.executable, args.runs, no_pyc)
        print("checkout_no_pyc", run["checkout_no_pyc"], flush=True)
    results_file.record(RESULTS, "import", run if args.save else None, measured, args.docs, table)
    return 0


def table(run: Dict[str, Any]) -> str:
    """The import figures as the docs show them: the four set-ups, then -X importtime."""
    rows = [
        ("fresh venv, `pip install .` (.pyc compiled at install)", "user"),
        (f"the same at {run['before']}, before the lazy face", "user_before"),
        ("this checkout on PYTHONPATH, .pyc written", "checkout_pyc"),
        ("this checkout, PYTHONDONTWRITEBYTECODE set: no .pyc", "checkout_no_pyc"),
    ]
    lines = [
        "| set-up | import openai_rest ms | import openai ms | ratio |",
        "|---|---:|---:|---:|",
    ]
    for label, key in rows:
        r = run[key]
        lines.append(
            f"| {label} | {r['openai_rest']['median_ms']} | {r['openai']['median_ms']} "
            f"| {r['ratio']} |"
        )
    after, before = run["importtime"], run["importtime_before"]
    lines += [
        "",
        "| `python -X importtime`, fresh venv | before ms | after ms |",
        "|---|---:|---:|",
    ]
    lines.append(f"| openai_rest (whole) | {before['whole_ms']} | {after['whole_ms']} |")
    for name in sorted(set(before["parts_ms"]) | set(after["parts_ms"])):
        was = before["parts_ms"].get(name, "-")
        now = after["parts_ms"].get(name, "-")
        lines.append(f"| {name} | {was} | {now} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
