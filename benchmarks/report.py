"""Turn the JSON lines of a run into a markdown report, the goal checks and a ratio chart.

Ratios are taken per repetition (openai-rest and the other client measured in the same
repetition, minutes apart at most), then summarised by their median and range: on a shared,
noisy machine only ratios from one run mean something.

Re-render a saved run: ``python benchmarks/report.py [benchmarks/results/latest.jsonl]``; with
``--docs docs/performance.md`` also replace the marked results block there. Beside the
markdown it writes ``<stem>.figures.json``: every figure the report shows (medians, ranges,
ratios, goals) with the run's commit, the file that docs figures name in their markers
(``<!-- figure: benchmarks/results/latest.figures.json KEY -->``, see tests/test_figures.py).
"""

from __future__ import annotations

import json
import statistics
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

HERE = Path(__file__).resolve().parent
Record = dict[str, Any]

NAMES = {
    "openai-rest": "openai-rest",
    "openai-rest-numpy": "openai-rest (numpy=True)",
    "openai-rest-aiohttp": "openai-rest on AiohttpTransport",
    "openai": "openai SDK",
    "openai-aiohttp": "openai SDK + DefaultAioHttpClient",
    "httpx2": "httpx2",
    "httpx": "httpx",
    "python": "bare python",
}
FLOORS = {
    "request": "http.client + json (floor)",
    "stream": "http.client read1 + split + json.loads (floor)",
    "async": "raw aiohttp (floor)",
    "embeddings": "float JSON + json.loads (floor)",
    "large_event": "one join + json.loads of the data (floor)",
}
TITLES = {
    "import": "Import",
    "first_request": "Import + client + first request, fresh interpreter",
    "request": "Small chat completion, sequential",
    "stream": "Chat stream, per chunk",
    "async": "Async chat completions",
    "embeddings": "Embeddings 512 x 1536, whole call",
    "upload_path": "Upload from a path",
    "upload_file": "Upload from a file object",
    "memory": "Memory over time, one client",
    "large_event": "One 1 MB / 4 MB event in 1400-byte pieces, best of 5",
}
COLUMNS = {
    "import": ["import_ms", "process_ms", "peak_rss_mb"],
    "first_request": ["wall_ms", "best_ms"],
    "request": ["cpu_us", "wall_us", "server_busy"],
    "stream": ["cpu_us", "wall_us", "server_busy"],
    "async": ["req_s", "cpu_us", "server_busy"],
    "embeddings": ["cpu_ms", "wall_ms"],
    "upload_path": ["peak_rss_mb", "growth_mb", "wall_s", "identical"],
    "upload_file": ["peak_rss_mb", "growth_mb", "wall_s", "identical"],
    "memory": ["rss_mb@*", "growth_mb"],
    "large_event": ["ms_1mb", "ms_4mb"],
}
UNITS = {
    "import_ms": "import ms (in-process)",
    "process_ms": "process ms (start to exit)",
    "peak_rss_mb": "peak RSS MB",
    "cpu_us": "CPU µs",
    "wall_us": "wall µs",
    "server_busy": "server CPU share",
    "req_s": "req/s",
    "cpu_ms": "CPU ms",
    "wall_ms": "wall ms",
    "best_ms": "best of 3 ms",
    "growth_mb": "growth MB",
    "wall_s": "wall s",
    "identical": "bytes identical",
    "ms_1mb": "ms, 1 MB event",
    "ms_4mb": "ms, 4 MB event",
}


@dataclass(frozen=True)
class Ratio:
    """num ÷ den of one metric, per repetition; a goal if `limit` is set."""

    bench: str
    metric: str
    num: str
    den: str
    limit: Optional[float] = None
    at_most: bool = True
    limit_text: str = ""


@dataclass(frozen=True)
class Limit:
    """An absolute goal on one client's metric, checked on its worst repetition."""

    bench: str
    client: str
    metric: str
    limit: float
    at_most: bool = True
    text: str = ""


RATIOS = [
    Ratio("import", "import_ms", "openai-rest", "openai", 1 / 25, True, "≤ 1/25"),
    Ratio("import", "process_ms", "openai-rest", "openai"),
    Ratio("first_request", "wall_ms", "openai-rest", "openai", 1 / 10, True, "≤ 1/10"),
    Ratio("request", "cpu_us", "openai-rest", "openai", 0.25, True, "≤ 1/4"),
    Ratio("request", "cpu_us", "openai-rest", "floor", 1.15, True, "≤ 1.15"),
    Ratio("request", "wall_us", "openai-rest", "floor"),
    Ratio("stream", "cpu_us", "openai-rest", "openai", 1 / 15, True, "≤ 1/15"),
    Ratio("stream", "cpu_us", "openai-rest", "floor", 1.10, True, "≤ 1.10"),
    Ratio("async", "req_s", "openai-rest", "openai", 10, False, "≥ 10"),
    Ratio("async", "req_s", "openai-rest", "openai-aiohttp"),
    Ratio("async", "req_s", "openai-rest", "floor", 1.0, False, "≥ 1.0"),
    Ratio("async", "req_s", "openai-rest-aiohttp", "floor"),
    Ratio("embeddings", "cpu_ms", "openai-rest", "openai", 0.5, True, "≤ 1/2"),
    Ratio("embeddings", "cpu_ms", "openai-rest-numpy", "openai", 0.22, True, "≤ 0.22"),
    Ratio("embeddings", "cpu_ms", "openai-rest", "floor"),
    Ratio("large_event", "ms_4mb", "openai-rest", "floor", 2, True, "≤ 2"),
    Ratio("large_event", "ms_4mb", "openai-rest", "openai"),
    Ratio("upload_path", "peak_rss_mb", "openai-rest", "openai"),
    Ratio("upload_file", "peak_rss_mb", "openai-rest", "openai"),
]
LIMITS = [
    Limit("upload_path", "openai-rest", "peak_rss_mb", 32, True, "peak RSS ≤ 32 MB"),
    Limit("upload_path", "openai-rest", "identical", 1, False, "server got identical bytes"),
    Limit("upload_file", "openai-rest", "identical", 1, False, "server got identical bytes"),
    Limit("memory", "openai-rest", "growth_mb", 2, True, "RSS flat: growth ≤ 2 MB"),
]


QUICK_NOTE = "quick run: one repetition of small counts, a smoke check and not a measurement"
PARTIAL_NOTE = "partial run (--only or --reps): not the published full run"


def load(path: Path) -> tuple[Record, list[Record]]:
    meta: Record = {}
    records: list[Record] = []
    for line in path.read_text().splitlines():
        rec = json.loads(line)
        if rec.get("kind") == "meta":
            meta = rec
        elif rec.get("kind") == "result":
            records.append(rec)
    return meta, records


def flat(metrics: dict[str, Any]) -> dict[str, float]:
    """Numbers only; nested {"rss_mb": {"10000": x}} becomes {"rss_mb@10000": x}."""
    out: dict[str, float] = {}
    for key, value in metrics.items():
        if isinstance(value, dict):
            out.update({f"{key}@{k}": float(v) for k, v in value.items()})
        elif isinstance(value, (bool, int, float)):
            out[key] = float(value)
    return out


class Results:
    """Metric values indexed by (bench, client) and by repetition."""

    def __init__(self, records: list[Record]) -> None:
        self.values: dict[tuple[str, str], dict[int, dict[str, float]]] = defaultdict(dict)
        self.notes: dict[tuple[str, str], str] = {}
        self.order: dict[str, list[str]] = defaultdict(list)
        for rec in records:
            key = (rec["bench"], rec["client"])
            if rec["client"] not in self.order[rec["bench"]]:
                self.order[rec["bench"]].append(rec["client"])
            if rec["status"] == "ok":
                self.values[key][rec["rep"]] = flat(rec["metrics"])
            else:
                self.notes[key] = f"{rec['status']}: {rec.get('reason', '')}".strip()

    def series(self, bench: str, client: str, metric: str) -> list[float]:
        reps = self.values.get((bench, client), {})
        return [m[metric] for _, m in sorted(reps.items()) if metric in m]

    def ratios(self, r: Ratio) -> list[float]:
        num = self.values.get((r.bench, r.num), {})
        den = self.values.get((r.bench, r.den), {})
        return [
            num[rep][r.metric] / den[rep][r.metric]
            for rep in sorted(set(num) & set(den))
            if r.metric in num[rep] and den[rep].get(r.metric)
        ]


def fmt(x: float) -> str:
    if x == 0:
        return "0"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    if abs(x) >= 10:
        return f"{x:.1f}"
    if abs(x) >= 0.1:
        return f"{x:.2f}"
    return f"{x:.3f}"


def summary(values: list[float]) -> str:
    if not values:
        return "-"
    med = fmt(statistics.median(values))
    if len(values) == 1:
        return med
    return f"{med} [{fmt(min(values))}, {fmt(max(values))}]"


def cell(values: list[float], metric: str) -> str:
    if metric == "identical" and values:
        return "yes" if min(values) >= 1 else "NO"
    return summary(values)


WORST_SLACK = 0.10
"""A goal is met only when its median meets it and its worst repetition is within 10 % of it."""


def verdict(value: float, limit: float, at_most: bool) -> str:
    return "PASS" if (value <= limit if at_most else value >= limit) else "MISS"


def worst(values: list[float], at_most: bool) -> float:
    return max(values) if at_most else min(values)


def steady_verdict(values: list[float], limit: float, at_most: bool) -> str:
    """PASS when the median meets the goal and the worst repetition is within ``WORST_SLACK``
    of it: a goal met by a lucky median over a spread of misses is not met."""
    bound = limit * (1 + WORST_SLACK) if at_most else limit * (1 - WORST_SLACK)
    median_ok = verdict(statistics.median(values), limit, at_most) == "PASS"
    return (
        "PASS"
        if median_ok and verdict(worst(values, at_most), bound, at_most) == "PASS"
        else "MISS"
    )


@dataclass(frozen=True)
class Goal:
    text: str
    value: Optional[float]
    status: str  # PASS | MISS | n/a
    low: Optional[float] = None  # the spread over repetitions
    high: Optional[float] = None
    worst: Optional[float] = None
    reps: int = 0

    def line(self) -> str:
        """The goal as the report prints it: median, spread and worst repetition."""
        if self.value is None:
            return f"{self.text}: -"
        if self.reps <= 1 or self.low is None or self.high is None:
            return f"{self.text}: {fmt(self.value)}"
        return (
            f"{self.text}: {fmt(self.value)} [{fmt(self.low)}, {fmt(self.high)}] over "
            f"{self.reps} reps, worst {fmt(self.worst or 0)}"
        )


def check_goals(res: Results) -> list[Goal]:
    goals = []
    for r in RATIOS:
        if r.limit is None or r.bench not in res.order:
            continue
        values = res.ratios(r)
        text = (
            f"{r.bench} {r.metric}: {r.num} ÷ {r.den} {r.limit_text} "
            "(median of per-rep ratios; worst within 10 %)"
        )
        if not values:
            goals.append(Goal(text, None, "n/a"))
            continue
        med = statistics.median(values)
        status = steady_verdict(values, r.limit, r.at_most)
        low, high, bad = min(values), max(values), worst(values, r.at_most)
        goals.append(Goal(text, med, status, low, high, bad, len(values)))
    for lim in LIMITS:
        if lim.bench not in res.order:
            continue
        values = res.series(lim.bench, lim.client, lim.metric)
        text = f"{lim.bench} {lim.client}: {lim.text} (worst repetition)"
        if not values:
            goals.append(Goal(text, None, "n/a"))
            continue
        bad = worst(values, lim.at_most)
        status = verdict(bad, lim.limit, lim.at_most)
        goals.append(Goal(text, bad, status, min(values), max(values), bad, len(values)))
    return goals


def _columns(res: Results, bench: str) -> list[str]:
    cols: list[str] = []
    for col in COLUMNS.get(bench, []):
        if col.endswith("*"):
            found = {
                m for reps in _bench_values(res, bench) for m in reps if m.startswith(col[:-1])
            }
            cols += sorted(found, key=lambda m: float(m.split("@")[1]))
        else:
            cols.append(col)
    return cols


def _bench_values(res: Results, bench: str) -> list[dict[str, float]]:
    return [m for (b, _), reps in res.values.items() if b == bench for m in reps.values()]


def _label(col: str) -> str:
    if "@" in col:
        at = col.split("@")[1]
        return f"RSS MB after {int(at):,} req"
    return UNITS.get(col, col)


def bench_table(res: Results, bench: str) -> str:
    cols = _columns(res, bench)
    lines = [
        f"### {TITLES.get(bench, bench)}",
        "",
        "| client | " + " | ".join(_label(c) for c in cols) + " |",
        "|---|" + "---:|" * len(cols),
    ]
    for client in res.order[bench]:
        name = FLOORS.get(bench, "floor") if client == "floor" else NAMES.get(client, client)
        note = res.notes.get((bench, client))
        if note and not res.values.get((bench, client)):
            lines.append(f"| {name} | {note} |" + " |" * (len(cols) - 1))
            continue
        cells = [cell(res.series(bench, client, c), c) for c in cols]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def ratio_table(res: Results) -> str:
    lines = [
        "| benchmark | metric | ratio | median [min, max] of per-rep ratios | goal | result |",
        "|---|---|---|---:|---|---|",
    ]
    for r in RATIOS:
        values = res.ratios(r)
        if not values and r.limit is None:
            continue
        status = "-"
        if r.limit is not None:
            status = steady_verdict(values, r.limit, r.at_most) if values else "n/a"
        ratio = f"{r.num} ÷ {r.den}"
        goal = r.limit_text or "-"
        lines.append(
            f"| {r.bench} | {r.metric} | {ratio} | {summary(values)} | {goal} | {status} |"
        )
    return "\n".join(lines)


def markdown(meta: Record, records: list[Record]) -> str:
    res = Results(records)
    goals = check_goals(res)
    settings = meta.get("settings", {})
    parts = [
        f"# Benchmark results ({meta.get('mode', '?')} run, {meta.get('date', '?')})",
        "",
        f"Machine: {meta.get('machine', '?')}. Commit {meta.get('commit', '?')}. "
        f"{settings.get('reps', '?')} repetition(s); each (benchmark, client) in its own "
        "process, clients rotated each repetition. Cells: median [min, max] over repetitions.",
        "",
        *([QUICK_NOTE, ""] if meta.get("mode") == "quick" else []),
        *([PARTIAL_NOTE, ""] if meta.get("mode") == "partial" else []),
        "## Ratios (per repetition) and goals",
        "",
        ratio_table(res),
        "",
        "## Goals",
        "",
        *[f"- **{g.status}** {g.line()}" for g in goals],
        "",
        "## Measurements",
        "",
    ]
    for bench in res.order:
        parts += [bench_table(res, bench), ""]
    versions = ", ".join(f"{k} {v}" for k, v in meta.get("versions", {}).items())
    parts += [
        "## Settings",
        "",
        f"Versions: {versions}. Pinning: {meta.get('pinning', '?')}.",
        "",
        f"`{json.dumps(settings)}`",
        "",
    ]
    return "\n".join(parts)


def chart(records: list[Record], path: Path) -> Optional[str]:
    """A PNG of the per-rep ratios (median, range, goal); returns a message if skipped."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return "matplotlib is not installed (pip install -r benchmarks/requirements.txt): no chart"
    res = Results(records)
    rows = [(r, res.ratios(r)) for r in RATIOS if res.ratios(r)]
    if not rows:
        return "no ratios to chart"
    fig, ax = plt.subplots(figsize=(9, 0.42 * len(rows) + 1.3))
    for i, (r, values) in enumerate(rows):
        med = statistics.median(values)
        ok = r.limit is None or steady_verdict(values, r.limit, r.at_most) == "PASS"
        color = "#777777" if r.limit is None else ("#2a9d4b" if ok else "#d1495b")
        ax.plot([min(values), max(values)], [i, i], color=color, linewidth=2, alpha=0.5)
        ax.scatter([med], [i], color=color, s=50, zorder=3)
        ax.annotate(fmt(med), (med, i), textcoords="offset points", xytext=(6, 4), fontsize=7)
        if r.limit is not None:
            ax.plot([r.limit, r.limit], [i - 0.35, i + 0.35], color="black", linewidth=2)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([f"{r.bench} {r.metric}: {r.num} ÷ {r.den}" for r, _ in rows], fontsize=8)
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.axvline(1, color="#444444", linewidth=0.8, linestyle=":")
    ax.set_xlabel(
        "ratio, log scale: dot = median of per-repetition ratios, line = range, bar = goal"
    )
    title = "openai-rest ÷ official SDK and ÷ raw floor (green PASS, red MISS, grey: no goal)"
    ax.set_title(title, fontsize=10)
    ax.grid(axis="x", which="both", color="#eeeeee")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return None


def stats(values: list[float]) -> dict[str, float]:
    """The median, min and max of a series, as the report shows them."""
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def figures(meta: Record, records: list[Record], source: str) -> Record:
    """Every figure of the report, keyed for docs markers: ``measurements/BENCH/CLIENT/METRIC/
    median``, ``ratios/BENCH/METRIC/NUM/DEN/median``, ``goals/...``, with the run's commit."""
    res = Results(records)
    measurements: Record = defaultdict(dict)
    for (bench, client), reps in sorted(res.values.items()):
        metrics = sorted({m for rep in reps.values() for m in rep})
        measurements[bench][client] = {m: stats(res.series(bench, client, m)) for m in metrics}
    ratios: Record = defaultdict(lambda: defaultdict(dict))
    for r in RATIOS:
        values = res.ratios(r)
        if values:
            entry: Record = {"goal": r.limit_text or "-", **stats(values)}
            if r.limit is not None:
                entry["result"] = steady_verdict(values, r.limit, r.at_most)
                entry["worst"] = worst(values, r.at_most)
            ratios[r.bench][r.metric].setdefault(r.num, {})[r.den] = entry
    return {
        "source": source,
        "command": meta.get("command", "python benchmarks/run.py"),
        **{k: meta.get(k) for k in ("mode", "date", "commit", "machine", "pinning", "versions")},
        "settings": meta.get("settings", {}),
        "measurements": measurements,
        "ratios": ratios,
        "goals": [
            {
                "text": g.text,
                "value": g.value,
                "status": g.status,
                "min": g.low,
                "max": g.high,
                "worst": g.worst,
                "reps": g.reps,
            }
            for g in check_goals(res)
        ],
        "notes": {f"{b}/{c}": note for (b, c), note in sorted(res.notes.items())},
        "labels": {"titles": TITLES, "units": UNITS, "names": NAMES, "floors": FLOORS},
    }


def write_figures(jsonl: Path) -> Path:
    meta, records = load(jsonl)
    path = jsonl.with_suffix(".figures.json")
    source = jsonl.resolve().relative_to(HERE.parent).as_posix()
    path.write_text(json.dumps(figures(meta, records, source), indent=1, sort_keys=True) + "\n")
    return path


def write(jsonl: Path) -> list[Goal]:
    """Write <stem>.md and the chart next to the JSON lines; print the goals; return them."""
    meta, records = load(jsonl)
    md_path = jsonl.with_suffix(".md")
    md_path.write_text(markdown(meta, records))
    png = jsonl.parent / ("ratios.png" if jsonl.stem == "latest" else f"{jsonl.stem}-ratios.png")
    message = chart(records, png)
    goals = check_goals(Results(records))
    print("\nGoals" + (f" ({QUICK_NOTE})" if meta.get("mode") == "quick" else "") + ":")
    for g in goals:
        print(f"  {g.status:4}  {g.line()}")
    print(
        f"\nwrote {md_path}, {write_figures(jsonl)}"
        + (f"; {message}" if message else f" and {png}")
    )
    return goals


DOCS_START = (
    "<!-- results: benchmarks/results/latest.figures.json start "
    "(written by benchmarks/report.py --docs docs/performance.md) -->"
)
DOCS_END = "<!-- results: end -->"


def update_docs(jsonl: Path, docs: Path) -> None:
    """Replace the marked block of docs with this run's report, headings two levels down."""
    meta, records = load(jsonl)
    body = "\n".join(
        "##" + line if line.startswith("#") else line
        for line in markdown(meta, records).splitlines()
    )
    text = docs.read_text()
    start, end = text.index(DOCS_START) + len(DOCS_START), text.index(DOCS_END)
    docs.write_text(text[:start] + "\n\n" + body.strip() + "\n\n" + text[end:])
    print(f"updated {docs}")


def main(argv: list[str]) -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Re-render the report of a saved run.")
    parser.add_argument("jsonl", nargs="?", default="benchmarks/results/latest.jsonl")
    parser.add_argument("--docs", help="also update the marked results block of this file")
    args = parser.parse_args(argv)
    write(Path(args.jsonl))
    if args.docs:
        update_docs(Path(args.jsonl), Path(args.docs))


if __name__ == "__main__":
    main(sys.argv[1:])
