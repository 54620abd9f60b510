"""Event streams: SSE events turned into items, errors raised, truncation never silent.

``EventReader`` is pure (bytes in, items out). ``Stream`` and ``AsyncStream`` are the thin
iterators around a transport's chunk stream; both are context managers that give the
connection back when left early.

Two shapes of stream:
- ``"chat"`` (chat completions, completions): each ``data:`` is a JSON chunk, yielded as a dict;
  ``data: [DONE]`` ends it; a ``{"error": ...}`` chunk raises.
- ``"events"`` (Assistants runs, Responses): yielded as ``{"event": name, "data": decoded}``;
  ``event: done`` / ``data: [DONE]`` or a terminal Responses event ends it; ``event: error``
  and ``response.failed`` raise.
"""

from __future__ import annotations

import json
from typing import Any, AsyncIterator, Callable, Dict, Iterator, List, Optional

from ._errors import (
    EXCERPT_BYTES,
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    OpenAIError,
    describe,
    error_fields,
    unexpected_body,
)
from ._results import ResponseInfo, media_type
from ._sse import ServerSentEvent, SSEDecoder

_DONE = b"[DONE]"
_json_decode = json.JSONDecoder().decode  # SSE is UTF-8: skip json.loads' encoding sniffing
_raw_decode = json.JSONDecoder().raw_decode
NOT_ONE: Any = object()
"""What ``EventReader.item`` returns for a chunk that is not exactly one plain chat event."""
TERMINAL_EVENTS = frozenset({"done", "response.completed", "response.incomplete"})
ERROR_EVENTS = frozenset({"error", "response.failed"})
_SSE_STARTS = (b"data", b"event", b"id", b"retry", b":")
_LEADING = b" \t\r\n"
_BOM = b"\xef\xbb\xbf"
_KEPT_FOR_EXCERPT = 8 * 1024


def body_kind(head: bytes) -> Optional[str]:
    """What a streamed body is, from its first bytes: ``"sse"``, ``"json"``, ``"other"``.

    ``None`` while too few bytes came to tell. Judged by the bytes, not the content type, so a
    server that labels its event stream ``text/plain`` (or ``Text/Event-Stream``) still works,
    and one that answers a stream request with JSON (or an HTML page) is recognised.
    """
    text = head[3:] if head.startswith(_BOM) else head
    text = text.lstrip(_LEADING)
    if not text:
        return None
    if text[:1] in (b"{", b"["):
        return "json"
    for start in _SSE_STARTS:
        if text.startswith(start):
            return "sse"
        if start.startswith(text):
            return None  # "dat": wait for the next byte
    return "other"


def is_done(data: bytes) -> bool:
    """``data: [DONE]``, with any whitespace around it."""
    return data == _DONE or (len(data) < 16 and data.strip() == _DONE)


class EventReader:
    """Feed it the body's chunks; it returns the decoded items and knows when the stream is done.

    Nothing foreign escapes: an event that is not JSON, invalid UTF-8 (replaced, as WHATWG
    says), a JSON answer, an HTML page or an empty body all end as items or as an
    ``OpenAIError`` naming the status, the content type and an excerpt.
    """

    __slots__ = (
        "kind",
        "info",
        "decoder",
        "done",
        "count",
        "failure",
        "_redact",
        "_items",
        "_head",
        "_body",
        "_event_stream",
        "_plain",
    )

    def __init__(self, kind: str, info: ResponseInfo, redact: Optional[str] = None) -> None:
        self.kind = kind
        self.info = info
        self.decoder = SSEDecoder()
        self.done = False
        self.count = 0
        self.failure: Optional[OpenAIError] = None
        self._redact = redact
        self._items = self._chat_items if kind == "chat" else self._named_items
        self._head: Optional[List[bytes]] = []  # the first bytes, until the body's kind is known
        self._body: Optional[str] = None  # "json" or "other" once known not to be SSE
        self._event_stream = media_type(info.headers) == "text/event-stream"
        self._plain = False  # a chat event stream, known to be one: ``item`` may take a chunk

    def item(self, chunk: bytes) -> Any:
        """The item of a chunk that is exactly one ``data: {...}`` chat event (the common case:
        one event per read), else ``NOT_ONE``, and ``feed`` reads it: errors, splits, anything odd.
        """
        if self._plain and chunk[:7] == b"data: {" and self.decoder.lone_data(chunk):
            try:
                text = chunk.decode()
                item, end = _raw_decode(text, 6)
            except ValueError:  # UnicodeDecodeError included
                return NOT_ONE
            if end == len(text) - 2 and not item.get("error"):
                self.count += 1
                return item
        return NOT_ONE

    def feed(self, chunk: bytes) -> List[Any]:
        if self._head is not None:
            return self._sniff(chunk)
        events = self.decoder.feed(chunk)
        return self._items(events) if events else events

    def _sniff(self, chunk: bytes) -> List[Any]:
        head = self._head
        assert head is not None
        head.append(chunk)
        if self._body is None:
            kind = body_kind(b"".join(head))
            if kind is None:
                return []
            if kind == "sse" or (kind == "other" and self._event_stream):
                self._head = None
                self._plain = self.kind == "chat"
                return self.feed(b"".join(head))
            self._body = kind
        if self._body == "other" and sum(map(len, head)) > _KEPT_FOR_EXCERPT:
            self._head = [b"".join(head)[:_KEPT_FOR_EXCERPT]]  # an error page: keep its start
        return []

    def _chat_items(self, events: List[ServerSentEvent]) -> List[Any]:
        items: List[Any] = []
        decode = _json_decode
        for name, data, _ in events:
            if data[:1] != b"{" and is_done(data):
                self.done = True
                break
            if name == "error":
                self._fail(len(items), self._error, self._decode(data), "error event")
                break
            try:
                item = decode(data.decode())
            except ValueError:  # UnicodeDecodeError included
                if not data.strip():
                    continue  # an empty keep-alive event
                item = self._json_or_fail(data, len(items))
                if self.done:
                    break
            if item.__class__ is dict and item.get("error"):
                self._fail(len(items), self._error, item, "error in stream")
                break
            items.append(item)
        self.count += len(items)
        return items

    def _named_items(self, events: List[ServerSentEvent]) -> List[Any]:
        items: List[Any] = []
        for name, data, _ in events:
            if data[:1] != b"{" and is_done(data):
                self.done = True
                break
            decoded = self._decode(data)
            if name is None or name == "message":  # "message" is SSE's default type
                kind = decoded.get("type") if isinstance(decoded, dict) else None
                name = kind if isinstance(kind, str) else None
                if name is None and isinstance(decoded, dict) and decoded.get("error"):
                    name = "error"  # a bare {"error": {...}} (LiteLLM's proxy sends it)
            if name in ERROR_EVENTS:
                self._fail(len(items), self._error, decoded, name or "error")
                break
            if name == "done":
                self.done = True
                break
            items.append({"event": name, "data": decoded})
            if name in TERMINAL_EVENTS:
                self.done = True
                break
        self.count += len(items)
        return items

    @staticmethod
    def _decode(data: bytes) -> Any:
        """JSON when it is JSON (invalid UTF-8 replaced), else the text."""
        text = data.decode("utf-8", "replace")
        try:
            return _json_decode(text)
        except ValueError:
            return text

    def _json_or_fail(self, data: bytes, before: int) -> Any:
        """A chat event that did not decode strictly: JSON with bad UTF-8 replaced, or a failure."""
        try:
            return _json_decode(data.decode("utf-8", "replace"))
        except ValueError:
            where = f"JSON in every event (event {self.count + before + 1} is not)"
            self._fail(before, self._unexpected, data, where)
            return None

    def _fail(self, before: int, failure: Callable[..., OpenAIError], *args: Any) -> None:
        """End the stream with an error, raised once the items before it are delivered."""
        self.count += before  # the error message counts the items of this chunk too
        try:
            self.failure = failure(*args)
        finally:
            self.count -= before  # the caller adds this chunk's items itself
        self.done = True

    def _unexpected(self, body: bytes, expected: str) -> APIResponseValidationError:
        return unexpected_body(self.info, body, expected, self._redact)

    def _error(self, payload: Any, where: str) -> APIStatusError:
        source = payload
        nested = payload.get("response") if isinstance(payload, dict) else None
        if isinstance(nested, dict) and nested.get("error"):
            source = nested  # response.failed carries the error inside its response
        fields: Dict[str, Any] = dict(error_fields(source))
        if not fields and isinstance(source, str) and source.strip():
            fields = {"message": source.strip()[:EXCERPT_BYTES]}  # a plain-text error event
        message = describe(fields, f"{where} without a message")
        message = f"Stream error after {self.count} events: {message}"
        if self.info.request_id:
            message += f" [request id {self.info.request_id}]"
        if self._redact:
            message = message.replace(self._redact, "sk-***")
        return APIStatusError(
            message,
            response=self.info,
            body=payload,
            code=_opt(fields.get("code")),
            param=_opt(fields.get("param")),
            type=_opt(fields.get("type")),
        )

    def finish(self) -> List[Any]:
        """At the end of the body: any last items; raises unless the stream ended properly."""
        if self._head is not None:
            if self._body is not None or not self._event_stream:
                return self._finish_unstreamed(b"".join(self._head))
            self._head = None  # blank so far, labelled an event stream: it ended early
        cut = self.decoder.has_partial_event
        items = [] if self.done else self._items(self.decoder.end())
        if not self.done:
            partial = " (the last event was cut)" if cut else ""
            info = self.info
            kind = info.headers.get("content-type") or "no content type"
            raise APIConnectionError(
                f"Stream ended early after {self.count} events without its end marker{partial}: "
                f"{info.method} {info.url} (status {info.status_code}, {kind})"
            )
        return items

    def _finish_unstreamed(self, body: bytes) -> List[Any]:
        """A body that was not an event stream: one JSON answer is one item; else an error."""
        self._head = None
        self.done = True
        if self._body == "json":
            try:
                value = _json_decode(body.decode("utf-8-sig", "replace"))
            except ValueError:
                raise self._unexpected(body, "an event stream or a JSON answer") from None
            if value.__class__ is dict or value.__class__ is list:
                data = body[3:] if body.startswith(_BOM) else body
                self.done = False
                items = self._items([(None, data, None)])
                self.done = True
                if self.failure is not None:
                    raise self.failure
                return items
        raise self._unexpected(body, "an event stream")


def _opt(value: Any) -> Optional[str]:
    return None if value is None else str(value)


class _StreamBase:
    """What both stream faces share: the reader, the response, closing, the repr."""

    def __init__(self, chunks: Any, reader: EventReader, close: Any) -> None:
        self._chunks = chunks
        self._reader = reader
        self._close = close
        self._response = reader.info
        self._iterator: Any = self._iterate()

    def _iterate(self) -> Any:
        raise NotImplementedError

    @property
    def response(self) -> ResponseInfo:
        """The HTTP metadata of the stream's answer (also ``response_of(stream)``)."""
        return self._response

    def close(self) -> None:
        """Give the connection back; safe to call more than once."""
        close, self._close = self._close, None
        if close is not None:
            close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._response.method} {self._response.url}>"


class Stream(_StreamBase):
    """A lazy iterator of stream items; a context manager that closes the connection early."""

    def _iterate(self) -> Iterator[Any]:
        reader = self._reader
        item_of = reader.item
        try:
            for chunk in self._chunks:
                item = item_of(chunk)
                if item is not NOT_ONE:
                    yield item
                    continue
                items = reader.feed(chunk)
                if items:
                    yield from items
                if reader.done:
                    break
            else:
                yield from reader.finish()
            if reader.failure is not None:
                raise reader.failure
        finally:
            self.close()

    def __iter__(self) -> Iterator[Any]:
        iterator: Iterator[Any] = self._iterator
        return iterator

    def __next__(self) -> Any:
        return next(self._iterator)

    def __enter__(self) -> Stream:
        return self

    def __exit__(self, *exc: Any) -> None:
        self._iterator.close()
        self.close()


class AsyncStream(_StreamBase):
    """The async twin of ``Stream``: ``async for item in stream``, ``async with stream``."""

    async def _iterate(self) -> AsyncIterator[Any]:
        reader = self._reader
        item_of = reader.item
        try:
            async for chunk in self._chunks:
                item = item_of(chunk)
                if item is not NOT_ONE:
                    yield item
                    continue
                items = reader.feed(chunk)
                for item in items:
                    yield item
                if reader.done:
                    break
            else:
                for item in reader.finish():
                    yield item
            if reader.failure is not None:
                raise reader.failure
        finally:
            self.close()

    def __aiter__(self) -> AsyncIterator[Any]:
        iterator: AsyncIterator[Any] = self._iterator
        return iterator

    async def __anext__(self) -> Any:
        return await self._iterator.__anext__()

    async def aclose(self) -> None:
        """Give the connection back; safe to call more than once."""
        await self._iterator.aclose()
        self.close()

    async def __aenter__(self) -> AsyncStream:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.aclose()


class ByteStream:
    """A binary body in chunks as they arrive (``audio_speech(stream=True)``, downloads).

    Iterate it once; it is a context manager that closes the connection when left early.
    """

    def __init__(self, chunks: Any, info: ResponseInfo, close: Any) -> None:
        self._chunks = chunks
        self._response = info
        self._close = close

    @property
    def response(self) -> ResponseInfo:
        return self._response

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._chunks
        finally:
            self.close()

    def close(self) -> None:
        close, self._close = self._close, None
        if close is not None:
            close()

    def __enter__(self) -> ByteStream:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class AsyncByteStream(ByteStream):
    """The async twin of ``ByteStream``: ``async for chunk in stream``."""

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._chunks:
                yield chunk
        finally:
            self.close()

    async def aclose(self) -> None:
        self.close()

    async def __aenter__(self) -> AsyncByteStream:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        self.close()
