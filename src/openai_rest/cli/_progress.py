"""Progress of uploads and downloads on standard error: shown on a terminal only.

``tqdm`` draws the bar when installed (the ``progress`` extra); otherwise a one-line indicator
does: bytes done, total, rate.
"""

from __future__ import annotations

import importlib
import os
import sys
import time
from contextlib import contextmanager
from typing import IO, Any, Iterator, Optional, cast

from ._common import human_size


class Progress:
    """No progress shown: the interface, and what a pipe gets."""

    def advance_to(self, done: int) -> None:
        """``done`` bytes of the total have passed (may go back when a request is retried)."""

    def close(self) -> None:
        """Finish the display."""

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class _TqdmProgress(Progress):
    def __init__(self, bar: Any) -> None:
        self._bar = bar

    def advance_to(self, done: int) -> None:
        self._bar.update(done - self._bar.n)

    def close(self) -> None:
        self._bar.close()


class _LineProgress(Progress):
    """``label  1.2 MB / 4.0 MB  3.1 MB/s``, redrawn at most ten times a second."""

    def __init__(self, total: Optional[int], label: str, stream: IO[str]) -> None:
        self._total, self._label, self._stream = total, label, stream
        self._start = self._drawn = time.monotonic()
        self._done = 0

    def advance_to(self, done: int) -> None:
        self._done = done
        now = time.monotonic()
        if now - self._drawn >= 0.1:
            self._drawn = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self._done / max(now - self._start, 1e-6)
        total = f" / {human_size(self._total)}" if self._total else ""
        line = f"{self._label}  {human_size(self._done)}{total}  {human_size(rate)}/s"
        self._stream.write("\r" + line.ljust(60))
        self._stream.flush()

    def close(self) -> None:
        self._draw(time.monotonic())
        self._stream.write("\n")
        self._stream.flush()


def progress(total: Optional[int], label: str) -> Progress:
    """A progress display for ``total`` bytes: a bar on a terminal, nothing when piped."""
    stream = sys.stderr
    if not stream.isatty():
        return Progress()
    try:
        tqdm = importlib.import_module("tqdm").tqdm
    except ImportError:
        return _LineProgress(total, label, stream)
    bar = tqdm(total=total, desc=label, unit="B", unit_scale=True, unit_divisor=1000, file=stream)
    return _TqdmProgress(bar)


class ProgressFile:
    """A binary file whose reads move a progress display (the core reads uploads in chunks)."""

    def __init__(self, handle: IO[bytes], bar: Progress) -> None:
        self._handle = handle
        self._bar = bar
        self.name = getattr(handle, "name", None)

    def read(self, size: int = -1) -> bytes:
        data = self._handle.read(size)
        self._bar.advance_to(self._handle.tell())
        return data

    def seekable(self) -> bool:
        return self._handle.seekable()

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._handle.seek(offset, whence)

    def tell(self) -> int:
        return self._handle.tell()


@contextmanager
def reading(path: str) -> Iterator[IO[bytes]]:
    """Open ``path`` for upload, with a progress display while the core reads it."""
    size = os.path.getsize(path)
    with open(path, "rb") as handle, progress(size, os.path.basename(path)) as bar:
        yield cast(IO[bytes], ProgressFile(handle, bar))
