"""Every measured figure in the README and docs/ comes from a results file in the repository.

The rule (also in CONTRIBUTING.md):

- A figure in prose carries a marker right after it (and its unit) naming the results file
  and the key of its value: ``27.3 MB<!-- figure: benchmarks/results/latest.figures.json
  measurements/upload_path/openai-rest/peak_rss_mb/median -->``. The key is a ``/`` path into
  the JSON file. The quoted figure must be the value rounded to the digits shown (``0.054``,
  ``207``; an integer's trailing zeros are rounding: ``11,600`` stands for 11,550 to 11,649).
  ``<= -->`` or ``>= -->`` before the end make the figure a bound the value meets ("peaks
  under 32 MB": ``32 MB<!-- figure: FILE KEY <= -->``).
- A generated table sits between ``<!-- results: FILE start (written by COMMAND) -->`` and
  ``<!-- results: end -->``; each number in it must be one of FILE's values (numbers, or
  numbers inside its strings) at the precision shown.
- A results file is JSON with the ``commit`` it measured and the ``command`` that wrote it.
- A number with a unit of time, speed, size or ratio that is not a measurement says what it is
  right after it: ``60 s<!-- not measured: default -->``, one of the kinds in NOT_MEASURED.

Fenced and inline code is not prose: numbers there are settings and examples.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, List, Optional, Set, Tuple

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
NOT_MEASURED = ("goal", "limit", "default", "input", "arithmetic")
"""What a number with a unit may be instead of a measurement: a goal to meet, a limit of the
API or of a server, a default or setting of ours, an input of a benchmark or example (its
size), or arithmetic (a property computed, not measured: base64 is 4/3 of the bytes)."""

NUMBER = r"\d[\d,]*(?:\.\d+)?"
UNITS = r"ns|µs|us|ms|req/s|req/min|requests/s|tok/min|tokens/min|KB|kB|KiB|MB|MiB|GB|GiB|%"
UNIT = r"(?:[ \u00a0](?:s|min|times|" + UNITS + r")|(?:x|×|" + UNITS + r"))"  # noqa: RUF001
MARKER = re.compile(
    r"(?P<number>" + NUMBER + r")(?P<unit>" + UNIT + r")?[ \u00a0]*"
    r"<!--\s*figure:\s*(?P<file>\S+)\s+(?P<key>\S+?)(?:\s+(?P<relation><=|>=))?\s*-->"
)
EXEMPT = re.compile(r"(?:" + UNIT + r")?[ \u00a0]*<!--\s*not measured:\s*(?P<kind>[\w-]+)[^>]*-->")
MEASURED = re.compile(
    r"(?<![\w.,/=@-])(?P<number>" + NUMBER + r")(?:(?P<unit>" + UNIT + r")|"
    r"(?P<range>[ \u00a0](?:to|-|–)[ \u00a0]" + NUMBER + r"(?:" + UNIT + r")))(?![\w/])"  # noqa: RUF001
)
BLOCK = re.compile(
    r"<!--\s*results:\s*(?P<file>\S+)\s+start\b[^>]*-->(?P<body>.*?)<!--\s*results:\s*end\s*-->",
    re.S,
)
FENCE = re.compile(r"^```.*?^```[^\n]*$", re.S | re.M)
INLINE_CODE = re.compile(r"`[^`\n]*`")
NOT_FIGURES = re.compile(
    r"\d{4}-\d{2}-\d{2}|\b\d{1,2}:\d{2}\b|\b\d+(?:\.\d+){2,}\b|\b[0-9a-f]*[a-f][0-9a-f]*\b"
)
TOKEN = re.compile(r"(?<![\w.])" + NUMBER + r"(?![\d]|[A-Za-wyz_])")  # "429s" is a status


def blank(match: re.Match[str]) -> str:
    """The match replaced by spaces, newlines kept: line numbers stay true."""
    return re.sub(r"[^\n]", " ", match.group(0))


def prose(text: str) -> str:
    """The page without its fenced and inline code."""
    return INLINE_CODE.sub(blank, FENCE.sub(blank, text))


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def load(file: str) -> Any:
    path = ROOT / file
    assert path.is_file(), f"results file {file} is not in the repository"
    return json.loads(path.read_text(encoding="utf-8"))


def lookup(data: Any, key: str) -> Any:
    for part in key.split("/"):
        if isinstance(data, list):
            data = data[int(part)]
        else:
            assert isinstance(data, dict) and part in data, f"no key {part!r} (of {key})"
            data = data[part]
    return data


def matches(quoted: str, value: float, relation: Optional[str] = None) -> bool:
    """True when ``quoted`` is ``value`` rounded to the digits shown (or a bound it meets)."""
    number = float(quoted.replace(",", ""))
    if relation == "<=":
        return value <= number
    if relation == ">=":
        return value >= number
    digits = quoted.replace(",", "")
    if "." in digits:
        half = 0.5 * 10 ** -len(digits.split(".")[1])
    else:
        zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
        half = 0.5 * 10**zeros
    return abs(value - number) <= half * (1 + 1e-9)


def numbers_in(data: Any) -> Iterator[float]:
    """Every number of a results file: its numeric values and the numbers in its strings."""
    if isinstance(data, bool):
        return
    if isinstance(data, (int, float)):
        yield float(data)
    elif isinstance(data, str):
        for token in TOKEN.findall(NOT_FIGURES.sub(" ", data)):
            yield float(token.replace(",", ""))
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from numbers_in(key)
            yield from numbers_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from numbers_in(value)


@dataclass
class Figure:
    where: str
    number: str
    file: str
    key: str
    relation: Optional[str]


def pages_text() -> Iterator[Tuple[str, str]]:
    for path in PAGES:
        yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")


def figures() -> List[Figure]:
    found = []
    for name, text in pages_text():
        clean = prose(text)
        for m in MARKER.finditer(clean):
            where = f"{name}:{line_of(clean, m.start())}"
            found.append(Figure(where, m["number"], m["file"], m["key"], m["relation"]))
    return found


def results_files() -> Set[str]:
    files = {f.file for f in figures()}
    for _, text in pages_text():
        files |= {m["file"] for m in BLOCK.finditer(prose(text))}
    return files


def unmarked(text: str) -> Iterator[Tuple[int, str]]:
    """Numbers with a measurement's unit that are neither marked nor exempt, outside blocks."""
    clean = BLOCK.sub(blank, prose(text))
    for m in MEASURED.finditer(clean):
        after = clean[m.end() : m.end() + 400]
        if re.match(r"[ \u00a0]*<!--\s*(figure|not measured):", after):
            continue
        if m["range"]:  # "505 to 606 req/s": the first number is unmarked unless marked
            first_marked = re.match(NUMBER + r"[ \u00a0]*<!--\s*(figure|not measured):", m[0])
            if first_marked:
                continue
        yield line_of(clean, m.start()), m.group(0)


def test_every_marked_figure_is_in_the_results_it_names() -> None:
    wrong = []
    for f in figures():
        try:
            value = lookup(load(f.file), f.key)
        except (AssertionError, IndexError, ValueError) as error:
            wrong.append(f"{f.where}: {f.number}: {f.file} {f.key}: {error}")
            continue
        if not isinstance(value, (int, float)) or not matches(f.number, float(value), f.relation):
            wrong.append(f"{f.where}: quotes {f.number}, {f.file} {f.key} is {value!r}")
    assert not wrong, "figures that are not their results:\n" + "\n".join(wrong)


def test_every_number_of_a_generated_block_is_in_its_results() -> None:
    wrong = []
    for name, text in pages_text():
        clean = prose(text)
        for block in BLOCK.finditer(text):
            data = load(block["file"])
            known = sorted(set(numbers_in(data)))
            body = NOT_FIGURES.sub(" ", block["body"])
            for token in TOKEN.finditer(body):
                quoted = token.group(0).rstrip(",")
                if not any(matches(quoted, value) for value in known):
                    at = line_of(clean, block.start("body") + token.start())
                    wrong.append(f"{name}:{at}: {quoted} is not in {block['file']}")
    assert not wrong, "generated blocks with numbers their results lack:\n" + "\n".join(wrong)


def test_no_unmarked_measurement_in_the_docs() -> None:
    found = [
        f"{name}:{line}: {number!r}"
        for name, text in pages_text()
        for line, number in unmarked(text)
    ]
    assert not found, (
        "figures with no results behind them: mark each '<!-- figure: FILE KEY -->', or say "
        f"'<!-- not measured: KIND -->' ({', '.join(NOT_MEASURED)}); see tests/test_figures.py:\n"
        + "\n".join(found)
    )


def test_exemptions_name_a_known_kind() -> None:
    wrong = [
        f"{name}:{line_of(text, m.start())}: not measured: {m['kind']}"
        for name, text in pages_text()
        for m in EXEMPT.finditer(prose(text))
        if m["kind"] not in NOT_MEASURED
    ]
    assert not wrong, f"'not measured:' takes one of {NOT_MEASURED}:\n" + "\n".join(wrong)


def in_history(commit: str) -> Optional[bool]:
    """Whether ``commit`` is HEAD or an ancestor of it; None outside a git checkout."""
    if not (ROOT / ".git").exists():
        return None
    try:
        run = subprocess.run(
            ["git", "merge-base", "--is-ancestor", commit, "HEAD"], cwd=ROOT, capture_output=True
        )
    except OSError:
        return None
    return run.returncode == 0


@pytest.mark.parametrize("file", sorted(results_files()))
def test_results_files_say_what_they_measured(file: str) -> None:
    data = load(file)
    assert isinstance(data, dict), f"{file}: a results file is a JSON object"
    commit, command = data.get("commit"), data.get("command")
    assert command, f"{file}: no 'command' (what wrote these results)"
    assert commit and re.fullmatch(r"[0-9a-f]{7,40}", str(commit)), f"{file}: commit {commit!r}"
    assert in_history(str(commit)) is not False, (
        f"{file}: commit {commit} is not in this branch's history (a run on a branch that was "
        "rebased since: benchmark a commit that is on main, then commit the results on top)"
    )


def test_the_rule_itself() -> None:
    assert matches("0.054", 0.0541) and not matches("0.054", 0.0556)
    assert matches("207", 207.4) and not matches("207", 208)
    assert matches("11,600", 11584) and not matches("11,584", 11600)
    assert matches("32", 27.3, "<=") and not matches("32", 33, "<=")
    assert [n for _, n in unmarked("costs 7 ms, then 2.5x.\n")] == ["7 ms", "2.5x"]
    assert [n for _, n in unmarked("from 505 to 606 req/s")] == ["505 to 606 req/s"]
    marked = "7 ms<!-- figure: f k -->; 60 s <!-- not measured: default -->; `30 s`; 429s"
    assert list(unmarked(marked)) == []
    block = "<!-- results: f start (written by x) -->\n9 ms\n<!-- results: end -->"
    assert list(unmarked(block)) == []
    assert sorted(numbers_in({"a": 1.5, "b": "≤ 1/15 on 2026-11-27 07:38, 3.11.7"})) == [
        1.0,
        1.5,
        15.0,
    ]


def test_partial_benchmark_runs_never_publish() -> None:
    """``run.py --only``/``--reps`` write partial.*, never the published latest.*."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    assert spec and spec.loader
    run = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = run
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        spec.loader.exec_module(run)
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    assert run.run_kind(False, False, False, False, "") == ("full", "latest")
    assert run.run_kind(False, True, False, False, "") == ("partial", "partial")
    assert run.run_kind(False, False, True, False, "") == ("partial", "partial")
    assert run.run_kind(True, False, False, False, "") == ("quick", "quick")
    with pytest.raises(SystemExit):
        run.main(["--only", "import", "--out", "latest"])
