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
from typing import Any, AsyncIterator, Dict, Iterator, List, Optional

from ._errors import APIConnectionError, APIStatusError, describe, error_fields
from ._results import ResponseInfo
from ._sse import ServerSentEvent, SSEDecoder

_DONE = b"[DONE]"
_json_decode = json.JSONDecoder().decode  # SSE is UTF-8: skip json.loads' encoding sniffing
TERMINAL_EVENTS = frozenset({"done", "response.completed", "response.incomplete"})
ERROR_EVENTS = frozenset({"error", "response.failed"})


class EventReader:
    """Feed it the body's chunks; it returns the decoded items and knows when the stream is done."""

    __slots__ = ("kind", "info", "decoder", "done", "count", "failure", "_redact", "_items")

    def __init__(self, kind: str, info: ResponseInfo, redact: Optional[str] = None) -> None:
        self.kind = kind
        self.info = info
        self.decoder = SSEDecoder()
        self.done = False
        self.count = 0
        self.failure: Optional[APIStatusError] = None
        self._redact = redact
        self._items = self._chat_items if kind == "chat" else self._named_items

    def feed(self, chunk: bytes) -> List[Any]:
        events = self.decoder.feed(chunk)
        return self._items(events) if events else events

    def _chat_items(self, events: List[ServerSentEvent]) -> List[Any]:
        items: List[Any] = []
        decode = _json_decode
        for name, data, _ in events:
            if data == _DONE:
                self.done = True
                break
            if name == "error":
                self._fail(self._decode(data), "error event", len(items))
                break
            item = decode(data.decode())
            if item.__class__ is dict and "error" in item:
                self._fail(item, "error in stream", len(items))
                break
            items.append(item)
        self.count += len(items)
        return items

    def _named_items(self, events: List[ServerSentEvent]) -> List[Any]:
        items: List[Any] = []
        for name, data, _ in events:
            if data == _DONE:
                self.done = True
                break
            decoded = self._decode(data)
            if name is None and isinstance(decoded, dict):
                name = decoded.get("type")
            if name in ERROR_EVENTS:
                self._fail(decoded, name or "error", len(items))
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
        try:
            return json.loads(data)
        except ValueError:
            return data.decode("utf-8", "replace")

    def _fail(self, payload: Any, where: str, before: int) -> None:
        """End the stream with an error, raised once the items before it are delivered."""
        self.count += before
        self.failure = self._error(payload, where)
        self.count -= before  # the caller adds this chunk's items itself
        self.done = True

    def _error(self, payload: Any, where: str) -> APIStatusError:
        source = payload
        nested = payload.get("response") if isinstance(payload, dict) else None
        if isinstance(nested, dict) and nested.get("error"):
            source = nested  # response.failed carries the error inside its response
        fields: Dict[str, Any] = dict(error_fields(source))
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
        cut = self.decoder.has_partial_event
        items = [] if self.done else self._items(self.decoder.end())
        if not self.done:
            partial = " (the last event was cut)" if cut else ""
            raise APIConnectionError(
                f"Stream ended early after {self.count} events without its end marker{partial}: "
                f"{self.info.method} {self.info.url}"
            )
        return items


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
        try:
            for chunk in self._chunks:
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
        try:
            async for chunk in self._chunks:
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
