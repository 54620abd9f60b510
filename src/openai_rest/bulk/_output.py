"""The output: the Batch API's output JSONL, appended one flushed line per result.

A line is ``{"id", "custom_id", "response": {"status_code", "request_id", "body"}, "error"}``.
Each result is written with one ``write`` of the whole line and flushed, so a process killed
at any moment (``kill -9`` included) leaves at most one torn last line; ``open_output`` cuts it
off and returns the ids already there, which a rerun skips.
"""

from __future__ import annotations

import json
import os
from typing import IO, Any, Dict, Optional, Tuple

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


def scan(path: str) -> Tuple[IdSet, int, int]:
    """The ids in output ``path`` and its count of lines and of failures; repair it first."""
    done = IdSet()
    lines = failed = 0
    if not os.path.exists(path):
        return done, 0, 0
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
            done.add(custom_id)
            lines += 1
            failed += line_failed(item)
    return done, lines, failed


class Output:
    """An output file opened for appending: ``write(line)`` writes and flushes one line."""

    def __init__(self, path: str, *, fsync: bool = False) -> None:
        self.path = path
        self._fsync = fsync
        self._handle: IO[bytes] = open(path, "ab", buffering=0)  # noqa: SIM115

    def write(self, line: bytes) -> None:
        # unbuffered: one write system call per line, so a kill cannot leave half a line in
        # a user-space buffer; the kernel keeps what was written even if the process dies
        view = memoryview(line)
        while view:
            written = self._handle.write(view)
            view = view[written or 0 :]
        if self._fsync:
            os.fsync(self._handle.fileno())

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> Output:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def open_output(path: str, *, fsync: bool = False) -> Tuple[Output, IdSet, int, int, int]:
    """Repair ``path``, read the ids already done, open it for appending.

    Returns the output, the done ids, the lines and failures already there, and the bytes of
    a torn last line that were cut off.
    """
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    cut = repair(path)
    done, lines, failed = scan(path)
    return Output(path, fsync=fsync), done, lines, failed, cut
