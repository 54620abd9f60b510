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
    """Feed bytes with ``feed``; it returns the events completed so far, in order.

    Cost is linear in the bytes fed, whatever the split: an unfinished event is kept as its
    pieces, each scanned once, and joined once when its blank line arrives.
    """

    __slots__ = ("_parts", "_ends_with_lf", "_started", "last_event_id", "retry", "_hold_cr")

    def __init__(self) -> None:
        self._parts: List[bytes] = []
        self._ends_with_lf = False
        self._started = False
        self._hold_cr = False
        self.last_event_id: Optional[str] = None
        self.retry: Optional[int] = None  # the last ``retry:`` the server asked for, in ms

    def feed(self, chunk: bytes) -> List[ServerSentEvent]:
        if self._hold_cr:
            chunk = b"\r" + chunk
            self._hold_cr = False
        if not self._started:
            chunk = b"".join(self._parts) + chunk
            self._parts = []
            if len(chunk) < 3 and _BOM.startswith(chunk):
                if chunk:
                    self._parts.append(chunk)
                return []
            self._started = True
            if chunk.startswith(_BOM):
                chunk = chunk[3:]
        if b"\r" in chunk:
            if chunk.endswith(b"\r"):  # maybe the first half of a CRLF: decide with the next byte
                chunk = chunk[:-1]
                self._hold_cr = True
            chunk = chunk.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        if not chunk:
            return []
        parts = self._parts
        if parts:
            # An event is under way. Most of its pieces hold no LF at all: that test is a
            # memchr, so a large event costs one scan of each piece and one join at its end.
            if self._ends_with_lf and chunk[0] == 10:
                head, rest = b"".join(parts)[:-1], chunk[1:]
            else:
                cut = chunk.find(b"\n\n") if b"\n" in chunk else -1
                if cut < 0:
                    parts.append(chunk)
                    self._ends_with_lf = chunk[-1] == 10
                    return []
                parts.append(chunk[:cut])
                head, rest = b"".join(parts), chunk[cut + 2 :]
            blocks = rest.split(b"\n\n")
            blocks[0:0] = [head]
        elif b"\n\n" in chunk:
            blocks = chunk.split(b"\n\n")
        else:
            self._parts = [chunk]
            self._ends_with_lf = chunk[-1] == 10
            return []
        pending = blocks.pop()
        self._parts = [pending] if pending else []
        self._ends_with_lf = pending[-1:] == b"\n"
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

    def lone_data(self, chunk: bytes) -> bool:
        """Whether ``chunk``, fed now, is one whole event of a single ``data: `` line (the common
        case): its data is then ``chunk[6:-2]``, and feeding it would change no state."""
        return (
            not self._parts
            and self._started
            and not self._hold_cr
            and chunk[:6] == b"data: "
            and chunk.find(b"\n") == len(chunk) - 2
            and chunk[-1:] == b"\n"
            and b"\r" not in chunk
        )

    def end(self) -> List[ServerSentEvent]:
        """Call at the end of the stream: per the standard, an unterminated event is dropped."""
        events = self.feed(b"\n") if self._hold_cr else []  # a final CR still ends its line
        self._parts = []
        return events

    @property
    def has_partial_event(self) -> bool:
        """Whether bytes of an unfinished event are buffered (a truncation tell)."""
        return any(part.strip(b"\n") for part in self._parts)

    def _parse_block(self, block: bytes) -> Optional[ServerSentEvent]:
        data: List[bytes] = []
        event: Optional[str] = None
        find = block.find
        size = len(block)
        start = 0
        while start < size:  # by offsets: a 4 MB data line is scanned once and copied once
            end = find(b"\n", start)
            if end < 0:
                end = size
            if end == start or block[start] == 58:  # blank (leading newline) or ":" comment
                start = end + 1
                continue
            colon = find(b":", start, end)
            if colon < 0:
                field, value_start = block[start:end], end
            else:
                field, value_start = block[start:colon], colon + 1
                if value_start < end and block[value_start] == 32:
                    value_start += 1
            if field == b"data":
                data.append(block[value_start:end])
            elif field == b"event":
                event = block[value_start:end].decode("utf-8", "replace")
            elif field == b"id":
                value = block[value_start:end]
                if b"\0" not in value:
                    self.last_event_id = value.decode("utf-8", "replace")
            elif field == b"retry":
                value = block[value_start:end]
                if value.isdigit():
                    self.retry = int(value)
            start = end + 1
        if not data:
            return None
        return (event or None, b"\n".join(data), self.last_event_id)
