"""The progress of a bulk job on standard error: a bar on a terminal, nothing when piped.

``tqdm`` draws it when installed; otherwise one line redrawn a few times a second:
``1200/10000 12%  98.4 req/s  41.2k tok/min  3 errors  ETA 1m29s``.
"""

from __future__ import annotations

import importlib
import sys
import time
from typing import IO, Optional


def duration(seconds: float) -> str:
    """``1h02m``, ``3m05s``, ``12s``."""
    seconds = max(0, int(seconds + 0.5))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    return f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"


def _count(value: float) -> str:
    for unit, size in (("M", 1e6), ("k", 1e3)):
        if value >= size:
            return f"{value / size:.1f}{unit}"
    return f"{value:.0f}"


class Progress:
    """No display: the interface. ``update`` after each result, ``close`` at the end."""

    def update(self, done: int, errors: int, tokens: int) -> None:
        """``done`` results this run (errors included), ``tokens`` used (estimated)."""

    def note(self, text: str) -> None:
        """A message that must not be overdrawn by the bar."""
        print(text, file=sys.stderr)

    def close(self) -> None:
        """Finish the display."""


class LineProgress(Progress):
    """The one-line display, redrawn at most five times a second."""

    def __init__(self, total: int, stream: IO[str], label: str = "bulk") -> None:
        self._total, self._stream, self._label = total, stream, label
        self._start = time.monotonic()
        self._drawn = 0.0
        self._state = (0, 0, 0)

    def update(self, done: int, errors: int, tokens: int) -> None:
        self._state = (done, errors, tokens)
        now = time.monotonic()
        if now - self._drawn >= 0.2:
            self._drawn = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        done, errors, tokens = self._state
        elapsed = max(now - self._start, 1e-6)
        rate = done / elapsed
        share = f" {100 * done // self._total}%" if self._total else ""
        eta = f"  ETA {duration((self._total - done) / rate)}" if rate > 0 and self._total else ""
        line = (
            f"{self._label} {done}/{self._total}{share}  {rate:.1f} req/s  "
            f"{_count(tokens * 60 / elapsed)} tok/min  {errors} errors{eta}"
        )
        self._stream.write("\r" + line.ljust(78))
        self._stream.flush()

    def note(self, text: str) -> None:
        self._stream.write("\r" + " " * 78 + "\r" + text + "\n")
        self._draw(time.monotonic())

    def close(self) -> None:
        self._draw(time.monotonic())
        self._stream.write("\n")
        self._stream.flush()


class TqdmProgress(Progress):
    def __init__(self, total: int, label: str = "bulk") -> None:
        tqdm = importlib.import_module("tqdm").tqdm
        self._bar = tqdm(total=total, desc=label, unit="req", file=sys.stderr, dynamic_ncols=True)
        self._start = time.monotonic()

    def update(self, done: int, errors: int, tokens: int) -> None:
        self._bar.update(done - self._bar.n)
        elapsed = max(time.monotonic() - self._start, 1e-6)
        self._bar.set_postfix_str(f"{_count(tokens * 60 / elapsed)} tok/min, {errors} errors")

    def note(self, text: str) -> None:
        self._bar.write(text, file=sys.stderr)

    def close(self) -> None:
        self._bar.close()


def make_progress(total: int, show: Optional[bool] = None, label: str = "bulk") -> Progress:
    """A display for ``total`` requests: on when ``show``, or when None and stderr is a tty."""
    if show is None:
        show = sys.stderr.isatty()
    if not show:
        return Progress()
    try:
        return TqdmProgress(total, label)
    except ImportError:
        return LineProgress(total, sys.stderr, label)
