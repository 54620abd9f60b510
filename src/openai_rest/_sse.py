"""An incremental server-sent events decoder, to the WHATWG rules, fed bytes in any split.

Lines end with CR, LF or CRLF; ``data:`` lines are joined with LF; ``event:``, ``id:`` and
``retry:`` are honoured; lines starting with ``:`` are comments; one space after the colon is
dropped; a leading UTF-8 BOM is skipped; an event is dispatched at a blank line, and an
unterminated event at the end of the stream is discarded, as the standard says.

Data stays ``bytes`` (``json.loads`` takes bytes), which keeps the common case cheap.
"""

from __future__ import annotations

from typing import List, Optional

_BOM = b"\xef\xbb\xbf"


class ServerSentEvent:
    """One dispatched event: its type (``None`` when unnamed), data bytes, last id and retry."""

    __slots__ = ("event", "data", "id", "retry")

    def __init__(
        self,
        data: bytes,
        event: Optional[str] = None,
        id: Optional[str] = None,
        retry: Optional[int] = None,
    ) -> None:
        self.data = data
        self.event = event
        self.id = id
        self.retry = retry

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ServerSentEvent) and (
            (self.event, self.data, self.id, self.retry)
            == (other.event, other.data, other.id, other.retry)
        )

    def __repr__(self) -> str:
        return (
            f"ServerSentEvent(event={self.event!r}, data={self.data!r}, "
            f"id={self.id!r}, retry={self.retry!r})"
        )


class SSEDecoder:
    """Feed bytes with ``feed``; it returns the events completed so far, in order."""

    __slots__ = ("_pending", "_started", "last_event_id", "_hold_cr")

    def __init__(self) -> None:
        self._pending = b""
        self._started = False
        self._hold_cr = False
        self.last_event_id: Optional[str] = None

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
        events = []
        for block in blocks:
            if block.startswith(b"data: ") and b"\n" not in block:
                events.append(ServerSentEvent(block[6:], None, self.last_event_id))
            elif block:
                event = self._parse_block(block)
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
        retry: Optional[int] = None
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
                retry = int(value)
        if not data:
            return None
        return ServerSentEvent(b"\n".join(data), event or None, self.last_event_id, retry)
