"""The output: the Batch API's output JSONL, appended one flushed line per result.

A line is ``{"id", "custom_id", "response": {"status_code", "request_id", "body"}, "error"}``.
Each result is written with one ``write`` of the whole line and flushed, so a process killed
at any moment (``kill -9`` included) leaves at most one torn last line; ``open_output`` cuts it
off and returns the ids that already succeeded, which a rerun skips. Ids whose lines are all
errors are sent again (unless kept); when they get a new line, ``close`` compacts the file so
that it ends with exactly one line per ``custom_id``: its success, else its latest error.
"""

from __future__ import annotations

import json
import os
from typing import IO, Any, Dict, Iterator, Optional, Set, Tuple

from ._input import IdSet


class OutputError(ValueError):
    """The output file has a line that is not a result (not written by this runner?)."""


def result_line(
    custom_id: str,
    *,
    status_code: Optional[int] = None,
    request_id: Optional[str] = None,
    body: Any = None,
    error: Optional[Dict[str, Any]] = None,
) -> bytes:
    """One output line, as the Batch API writes it, newline included."""
    response = None
    if status_code is not None:
        response = {"status_code": status_code, "request_id": request_id, "body": body}
    line = {
        "id": "batch_req_" + os.urandom(12).hex(),
        "custom_id": custom_id,
        "response": response,
        "error": error,
    }
    return json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def line_failed(line: Dict[str, Any]) -> bool:
    """Whether an output line is a failure: an ``error``, or a response with status >= 400."""
    if line.get("error"):
        return True
    response = line.get("response") or {}
    return not isinstance(response, dict) or int(response.get("status_code") or 0) >= 400


def repair(path: str) -> int:
    """Cut a torn last line (no final newline) off ``path``; the bytes removed (0: none)."""
    if not os.path.exists(path):
        return 0
    with open(path, "rb+") as handle:
        size = handle.seek(0, os.SEEK_END)
        if size == 0:
            return 0
        handle.seek(size - 1)
        if handle.read(1) == b"\n":
            return 0
        end = size
        block = 65536
        keep = 0
        while end > 0:  # find the last newline, reading backwards
            start = max(0, end - block)
            handle.seek(start)
            chunk = handle.read(end - start)
            at = chunk.rfind(b"\n")
            if at >= 0:
                keep = start + at + 1
                break
            end = start
        handle.truncate(keep)
        return size - keep


def _results(path: str) -> Iterator[Tuple[int, bytes, str, bool]]:
    """Each line of output ``path``: its number, bytes, ``custom_id`` and whether it failed."""
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                item = json.loads(raw)
                custom_id = item["custom_id"]
            except (ValueError, KeyError, TypeError):
                raise OutputError(
                    f"{path}:{number}: not a result line; is this the right output file?"
                ) from None
            yield number, raw, custom_id, line_failed(item)


class Scan:
    """What an output file holds: ids that succeeded, ids with only errors, ids on several
    lines (to compact), and its count of lines and of failed lines."""

    def __init__(self) -> None:
        self.succeeded = IdSet()
        self.failed_ids: Set[str] = set()
        self.duplicates: Set[str] = set()
        self.lines = 0
        self.failed = 0


def scan_output(path: str) -> Scan:
    """Read output ``path`` (repaired first by ``open_output``); a ``Scan``."""
    found = Scan()
    if not os.path.exists(path):
        return found
    seen = IdSet()
    for _, _, custom_id, failed in _results(path):
        found.lines += 1
        found.failed += failed
        if not seen.add(custom_id):
            found.duplicates.add(custom_id)
        if not failed:
            found.succeeded.add(custom_id)
        else:
            found.failed_ids.add(custom_id)
    found.failed_ids = {i for i in found.failed_ids if i not in found.succeeded}
    return found


def scan(path: str) -> Tuple[IdSet, int, int]:
    """The ids in output ``path`` and its count of lines and of failures; repair it first."""
    found = scan_output(path)
    done = found.succeeded
    for custom_id in found.failed_ids:
        done.add(custom_id)
    return done, found.lines, found.failed


def compact(path: str, ids: Set[str]) -> int:
    """Keep one line for each of ``ids`` in ``path`` (its success, else its last error), the
    other lines untouched and in order; the number of lines dropped. Written to a temporary
    file then renamed over ``path``, so a crash leaves the old file or the new one, whole."""
    if not ids:
        return 0
    keep: Dict[str, Tuple[int, bool]] = {}
    for number, _, custom_id, failed in _results(path):
        if custom_id in ids:
            chosen = keep.get(custom_id)
            if chosen is None or chosen[1]:  # a later line replaces an error, not a success
                keep[custom_id] = (number, failed)
    dropped = 0
    temporary = path + ".compacting"
    with open(temporary, "wb") as out:
        for number, raw, custom_id, _ in _results(path):
            if custom_id in keep and keep[custom_id][0] != number:
                dropped += 1
                continue
            out.write(raw if raw.endswith(b"\n") else raw + b"\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)
    return dropped


class Output:
    """An output file opened for appending: ``write(line)`` writes and flushes one line.

    The file is created at the first write, so a run that writes nothing leaves no empty file.
    ``close`` compacts it when a line was written for an id that already had one.
    """

    def __init__(self, path: str, *, fsync: bool = False, found: Optional[Scan] = None) -> None:
        self.path = path
        self._fsync = fsync
        self._handle: Optional[IO[bytes]] = None
        self.found = found or Scan()
        self._rewritten: Set[str] = set()
        self.compacted = 0
        """Superseded lines dropped by ``close``."""

    def write(self, line: bytes, custom_id: Optional[str] = None) -> None:
        if self._handle is None:
            os.makedirs(os.path.dirname(os.path.abspath(self.path)), exist_ok=True)
            self._handle = open(self.path, "ab", buffering=0)  # noqa: SIM115
        if custom_id is not None and custom_id in self.found.failed_ids:
            self._rewritten.add(custom_id)
        # unbuffered: one write system call per line, so a kill cannot leave half a line in
        # a user-space buffer; the kernel keeps what was written even if the process dies
        view = memoryview(line)
        while view:
            written = self._handle.write(view)
            view = view[written or 0 :]
        if self._fsync:
            os.fsync(self._handle.fileno())

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        again = self._rewritten | self.found.duplicates
        if again and os.path.exists(self.path):
            self.compacted += compact(self.path, again)
        self._rewritten = set()
        self.found.duplicates = set()

    def __enter__(self) -> Output:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def open_output(
    path: str, *, fsync: bool = False, keep_failed: bool = False
) -> Tuple[Output, IdSet, int, int, int]:
    """Repair ``path``, read the ids already done, open it for appending.

    Returns the output, the done ids (those that succeeded, and with ``keep_failed`` those
    that failed too), the lines and failures already there, and the bytes of a torn last line
    that were cut off. ``output.found`` says more (``Scan``).
    """
    cut = repair(path)
    found = scan_output(path)
    done = found.succeeded
    if keep_failed:
        done = IdSet(len(found.succeeded) + len(found.failed_ids))
        for custom_id in _ids(path):
            done.add(custom_id)
    output = Output(path, fsync=fsync, found=found)
    return output, done, found.lines, found.failed, cut


def _ids(path: str) -> Iterator[str]:
    if os.path.exists(path):
        for _, _, custom_id, _ in _results(path):
            yield custom_id
