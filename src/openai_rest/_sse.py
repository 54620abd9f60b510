"""An incremental server-sent events decoder, to the WHATWG rules, fed bytes in any split.

Lines end with CR, LF or CRLF; ``data:`` lines are joined with LF; ``event:``, ``id:`` and
``retry:`` are honoured; lines starting with ``:`` are comments; one space after the colon is
dropped; a leading UTF-8 BOM is skipped; an event is dispatched at a blank line, and an
unterminated event at the end of the stream is discarded, as the standard says.

Data stays ``bytes`` (``json.loads`` takes bytes), which keeps the common case cheap.
"""

from __future__ import annotations

from typing import List, Optional, Tuple

_BOM = b"\xef\xbb\xbf"


ServerSentEvent = Tuple[Optional[str], bytes, Optional[str]]
"""One dispatched event: ``(type, data, last_event_id)``; the type is ``None`` when unnamed.

A plain tuple: streams dispatch thousands of events a second, and a tuple costs the least.
"""


class SSEDecoder:
    """Feed bytes with ``feed``; it returns the events completed so far, in order."""

    __slots__ = ("_pending", "_started", "last_event_id", "retry", "_hold_cr")

    def __init__(self) -> None:
        self._pending = b""
        self._started = False
        self._hold_cr = False
        self.last_event_id: Optional[str] = None
        self.retry: Optional[int] = None  # the last ``retry:`` the server asked for, in ms

    def feed(self, chunk: bytes) -> List[ServerSentEvent]:
        if self._hold_cr:
            chunk = b"\r" + chunk
            self._hold_cr = False
        if not self._started:
            chunk = self._pending + chunk
            self._pending = b""
            if len(chunk) < 3 and _BOM.startswith(chunk):
                self._pending = chunk
                return []
            self._started = True
            if chunk.startswith(_BOM):
                chunk = chunk[3:]
        if b"\r" in chunk:
            if chunk.endswith(b"\r"):  # maybe the first half of a CRLF: decide with the next byte
                chunk = chunk[:-1]
                self._hold_cr = True
            chunk = chunk.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        buffer = self._pending + chunk if self._pending else chunk
        if b"\n\n" not in buffer:
            self._pending = buffer
            return []
        blocks = buffer.split(b"\n\n")
        self._pending = blocks.pop()
        events: List[ServerSentEvent] = []
        last_id = self.last_event_id
        for block in blocks:
            if block[:6] == b"data: " and b"\n" not in block:
                events.append((None, block[6:], last_id))
            elif block:
                event = self._parse_block(block)
                last_id = self.last_event_id  # an ``id:`` line may have changed it
                if event is not None:
                    events.append(event)
        return events

    def end(self) -> List[ServerSentEvent]:
        """Call at the end of the stream: per the standard, an unterminated event is dropped."""
        events = self.feed(b"\n") if self._hold_cr else []  # a final CR still ends its line
        self._pending = b""
        return events

    @property
    def has_partial_event(self) -> bool:
        """Whether bytes of an unfinished event are buffered (a truncation tell)."""
        return bool(self._pending.strip(b"\n"))

    def _parse_block(self, block: bytes) -> Optional[ServerSentEvent]:
        data: List[bytes] = []
        event: Optional[str] = None
        for line in block.split(b"\n"):
            if not line or line[0] == 58:  # blank (leading newline) or ":" comment
                continue
            field, colon, value = line.partition(b":")
            if colon and value[:1] == b" ":
                value = value[1:]
            if field == b"data":
                data.append(value)
            elif field == b"event":
                event = value.decode("utf-8", "replace")
            elif field == b"id" and b"\0" not in value:
                self.last_event_id = value.decode("utf-8", "replace")
            elif field == b"retry" and value.isdigit():
                self.retry = int(value)
        if not data:
            return None
        return (event or None, b"\n".join(data), self.last_event_id)
