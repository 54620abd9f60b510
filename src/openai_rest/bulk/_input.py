"""The input: the Batch API's JSONL, one request a line, read as a stream and checked first.

Each line is ``{"custom_id": "...", "method": "POST", "url": "/v1/...", "body": {...}}``. The
whole file is checked before anything is sent, and every problem is reported with its line
number; the file is never loaded whole (only a 64-bit hash per ``custom_id`` is kept).
"""

from __future__ import annotations

import json
from array import array
from typing import Any, Dict, Iterator, List, Optional, Tuple

BATCH_URLS = (
    "/v1/chat/completions",
    "/v1/embeddings",
    "/v1/responses",
    "/v1/completions",
    "/v1/moderations",
)
"""The endpoints the Batch API accepts, hence the only ones an input line may name."""

MAX_PROBLEMS = 50
"""How many problems an ``InputError`` lists before it stops looking."""


class InputError(ValueError):
    """The input file has problems: ``problems`` is a list of ``(line number, message)``."""

    def __init__(self, path: str, problems: List[Tuple[int, str]], more: bool = False) -> None:
        self.path = path
        self.problems = problems
        lines = [f"{path}:{line}: {message}" for line, message in problems]
        if more:
            lines.append(f"... (stopped after {len(problems)} problems)")
        count = f"{len(problems)}{'+' if more else ''}"
        super().__init__(f"{path}: {count} invalid input line(s)\n" + "\n".join(lines))


class IdSet:
    """A set of ``custom_id`` strings kept as 64-bit hashes in one flat array.

    About 16 bytes per id (an open-addressing table at most half full), so a million ids take
    16 MB where a Python ``set`` of the strings would take ten times that. Two different ids
    sharing a hash (odds about 1 in 10^7 for a million ids) would be taken for one.
    """

    __slots__ = ("_table", "_mask", "_count")

    def __init__(self, capacity: int = 1024) -> None:
        size = 1024
        while size < capacity * 2:
            size *= 2
        self._table = array("Q", bytes(8 * size))
        self._mask = size - 1
        self._count = 0

    @staticmethod
    def _key(custom_id: str) -> int:
        return (hash(custom_id) & 0xFFFFFFFFFFFFFFFF) or 1

    def add(self, custom_id: str) -> bool:
        """Add ``custom_id``; False when it was already there."""
        if self._insert(self._key(custom_id)):
            self._count += 1
            if self._count * 2 > self._mask:
                self._grow()
            return True
        return False

    def _insert(self, key: int) -> bool:
        table, mask = self._table, self._mask
        slot = key & mask
        while True:
            found = table[slot]
            if found == 0:
                table[slot] = key
                return True
            if found == key:
                return False
            slot = (slot + 1) & mask

    def _grow(self) -> None:
        old = self._table
        self._table = array("Q", bytes(16 * len(old)))
        self._mask = len(self._table) - 1
        for key in old:
            if key:
                self._insert(key)

    def __contains__(self, custom_id: object) -> bool:
        if not isinstance(custom_id, str):
            return False
        key = self._key(custom_id)
        table, mask = self._table, self._mask
        slot = key & mask
        while True:
            found = table[slot]
            if found == key:
                return True
            if found == 0:
                return False
            slot = (slot + 1) & mask

    def __len__(self) -> int:
        return self._count


class BulkRequest:
    """One input line: its number, ``custom_id``, ``method``, ``url``, ``body``, size in bytes."""

    __slots__ = ("line", "custom_id", "method", "url", "body", "size")

    def __init__(
        self, line: int, custom_id: str, method: str, url: str, body: Dict[str, Any], size: int
    ) -> None:
        self.line = line
        self.custom_id = custom_id
        self.method = method
        self.url = url
        self.body = body
        self.size = size

    def __repr__(self) -> str:
        return f"BulkRequest(line={self.line}, custom_id={self.custom_id!r}, url={self.url!r})"


def _problem(item: Any) -> Optional[str]:
    """What is wrong with one decoded line, or None."""
    if not isinstance(item, dict):
        return f"expected a JSON object, got {type(item).__name__}"
    custom_id = item.get("custom_id")
    if not isinstance(custom_id, str) or not custom_id:
        return "custom_id must be a non-empty string"
    if item.get("method") != "POST":
        return f'method must be "POST", not {json.dumps(item.get("method"))}'
    url = item.get("url")
    if url not in BATCH_URLS:
        return f"url {json.dumps(url)} is not one of {', '.join(BATCH_URLS)}"
    body = item.get("body")
    if not isinstance(body, dict):
        return "body must be a JSON object"
    if not isinstance(body.get("model"), str):
        return "body.model must be a string"
    extra = set(item) - {"custom_id", "method", "url", "body"}
    if extra:
        return f"unknown field(s): {', '.join(sorted(extra))}"
    return None


def _lines(path: str) -> Iterator[Tuple[int, bytes]]:
    """Numbered non-blank lines of ``path``, streamed."""
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, 1):
            if raw.strip():
                yield number, raw


def read_requests(path: str) -> Iterator[BulkRequest]:
    """The requests of a file already checked by ``check_input``, streamed, in file order."""
    for number, raw in _lines(path):
        item = json.loads(raw)
        yield BulkRequest(
            number, item["custom_id"], item["method"], item["url"], item["body"], len(raw)
        )


class InputSummary:
    """What ``check_input`` learned: request count, bytes, and how many are already done."""

    __slots__ = ("requests", "bytes", "done", "urls")

    def __init__(self) -> None:
        self.requests = 0
        self.bytes = 0
        self.done = 0
        self.urls: Dict[str, int] = {}


def check_input(
    path: str, done: Optional[IdSet] = None, max_problems: int = MAX_PROBLEMS
) -> InputSummary:
    """Check every line of ``path``; raise ``InputError`` listing the problems by line number.

    ``done``: ids already in an output; the summary counts how many of the input's are there.
    """
    summary = InputSummary()
    seen = IdSet()
    problems: List[Tuple[int, str]] = []
    duplicates: Dict[str, List[int]] = {}
    more = False
    for number, raw in _lines(path):
        try:
            item = json.loads(raw)
        except ValueError as error:
            message: Optional[str] = f"not valid JSON ({error})"
        else:
            message = _problem(item)
        if message is None:
            custom_id: str = item["custom_id"]
            if not seen.add(custom_id):
                duplicates.setdefault(custom_id, []).append(number)
                message = f"duplicate custom_id {json.dumps(custom_id)}"
            else:
                summary.requests += 1
                summary.bytes += len(raw)
                summary.urls[item["url"]] = summary.urls.get(item["url"], 0) + 1
                if done is not None and custom_id in done:
                    summary.done += 1
        if message is not None:
            if len(problems) >= max_problems:
                more = True
                break
            problems.append((number, message))
    if not problems and summary.requests == 0:
        problems.append((1, "no requests: the file is empty"))
    if problems:
        if duplicates:  # name the line each duplicate repeats: a second pass over the few
            first = _first_lines(path, duplicates)
            problems = [
                (n, f"{m} (first on line {first[_quoted_id(m)]})" if _quoted_id(m) in first else m)
                for n, m in problems
            ]
        raise InputError(path, problems, more)
    return summary


def _quoted_id(message: str) -> str:
    prefix = "duplicate custom_id "
    return json.loads(message[len(prefix) :]) if message.startswith(prefix) else ""


def _first_lines(path: str, ids: Dict[str, List[int]]) -> Dict[str, int]:
    first: Dict[str, int] = {}
    for number, raw in _lines(path):
        try:
            custom_id = json.loads(raw).get("custom_id")
        except (ValueError, AttributeError):
            continue
        if custom_id in ids and custom_id not in first:
            first[custom_id] = number
            if len(first) == len(ids):
                break
    return first
