"""The default async transport: HTTP/1.1 (``_http11``) on asyncio's own sockets, no dependency.

One ``asyncio.Protocol`` per connection feeds the sans-I/O parser; connections are kept per
origin (last in, first out) under one cap on open connections (``pool_size``, 100), dropped the
moment the server closes them while idle, and bound to the event loop that opened them. TLS
through the ``ssl`` module with the same ``verify`` / ``ca_bundle`` settings as the other
transports. Timeouts: ``connect`` for the TCP and TLS handshake, ``pool`` for a free connection,
``read`` for each wait on the server, ``write`` for each wait to send more of a large body.
Proxies: http:// ones, with ``CONNECT`` tunnels for https (``AsyncClient`` uses
``AiohttpTransport`` for any other kind of proxy).
"""

from __future__ import annotations

import asyncio
import ssl
from collections import deque
from typing import TYPE_CHECKING, Any, AsyncIterator, Deque, Dict, List, Mapping, Optional, Tuple

from .._config import Timeout
from .._errors import APIConnectionError, APITimeoutError
from .._http11 import (
    END,
    NEED_DATA,
    ConnectionClosed,
    ProtocolError,
    ResponseHead,
    ResponseParser,
    request_head,
    split_url,
)
from .._request import Request
from .base import ContentDecoder, Response, decoded_body, proxy_for, tls_context, undecodable

if TYPE_CHECKING:
    from .._http11 import Origin

DEFAULT_POOL_SIZE = 100
_WRITE_HIGH_WATER = 256 * 1024


class _TimedOut(Exception):
    """A wait on the server outlived the read (or write) timeout."""


class _Connection(asyncio.Protocol):
    """One keep-alive connection: what arrives goes to ``parser``; ``wait`` until it does."""

    def __init__(self, loop: asyncio.AbstractEventLoop, origin: Origin) -> None:
        self.loop = loop
        self.origin = origin
        self.parser = ResponseParser()
        self.transport: Any = None
        self.closed = False
        self._waiter: Optional[asyncio.Future[None]] = None
        self._paused = False
        self._deadline = 0.0
        self._timer: Optional[asyncio.TimerHandle] = None

    # asyncio.Protocol

    def connection_made(self, transport: Any) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.parser.feed(data)
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def eof_received(self) -> bool:
        self.parser.feed(b"")
        self._wake()
        return False  # close our side too

    def connection_lost(self, exc: Optional[BaseException]) -> None:
        self.closed = True
        if exc is not None:
            self.parser.reset()
        self.parser.feed(b"")
        self._paused = False
        self._wake()
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def pause_writing(self) -> None:
        self._paused = True

    def resume_writing(self) -> None:
        self._paused = False
        self._wake()

    # waiting

    def _wake(self) -> None:
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    async def wait(self, seconds: Optional[float]) -> None:
        """Until more bytes (or the close) arrive, at most ``seconds``."""
        waiter = self._waiter = self.loop.create_future()
        if seconds is not None:
            self._arm(seconds)
        try:
            await waiter
        finally:
            self._waiter = None

    async def drain(self, seconds: Optional[float]) -> None:
        """Until the send buffer has room again (or the connection is gone)."""
        while self._paused and not self.closed:
            await self.wait(seconds)

    def _arm(self, seconds: float) -> None:
        """One lazily moved timer per connection, not one per wait: the deadline moves."""
        deadline = self._deadline = self.loop.time() + seconds
        timer = self._timer
        if timer is not None:
            if timer.when() <= deadline:
                return
            timer.cancel()
        self._timer = self.loop.call_at(deadline, self._on_timer)

    def _on_timer(self) -> None:
        self._timer = None
        waiter = self._waiter
        if waiter is None or waiter.done():
            return
        if self.loop.time() >= self._deadline:
            waiter.set_exception(_TimedOut())
        else:
            self._timer = self.loop.call_at(self._deadline, self._on_timer)

    def reusable(self) -> bool:
        return not self.closed and self.parser.idle_clean

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            if self.transport is not None:
                self.transport.close()
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


class AsyncioTransport:
    """Sends requests over pooled asyncio connections speaking HTTP/1.1 (``_http11``).

    ``http_options``: ``verify`` (default True), ``ca_bundle``, ``pool_size`` (open connections
    at most, default 100), ``trust_env``, ``proxy`` (http:// only: another kind is refused with
    a clear error; ``AsyncClient`` uses ``AiohttpTransport`` for one by itself).
    """

    def __init__(self, base_url: str = "", http_options: Optional[Mapping[str, Any]] = None):
        self._options = dict(http_options or {})
        self._limit: int = self._options.get("pool_size") or DEFAULT_POOL_SIZE
        self._idle: Dict[Origin, List[_Connection]] = {}
        self._open = 0
        self._waiters: Deque[asyncio.Future[None]] = deque()
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._ssl: Optional[ssl.SSLContext] = None
        self._proxies: Dict[Origin, Optional[_Proxy]] = {}
        if base_url:
            self._proxy_for(split_url(base_url)[0])

    def _proxy_for(self, origin: Origin) -> Optional[_Proxy]:
        """The proxy that requests to ``origin`` go through (``None``: straight there)."""
        try:
            return self._proxies[origin]
        except KeyError:
            pass
        scheme, host, port = origin
        url = f"{scheme}://{host}:{port}/"
        why = unsupported(url, self._options)
        if why is not None:
            raise APIConnectionError(f"{why}: use openai_rest.transports.AiohttpTransport")
        found = proxy_for(url, self._options)
        proxy = self._proxies[origin] = _Proxy(found) if found else None
        return proxy

    # the pool

    def _own_loop(self) -> asyncio.AbstractEventLoop:
        loop = asyncio.get_running_loop()
        if loop is not self._loop:  # connections belong to the loop that opened them
            self._forget()
            self._loop = loop
        return loop

    def _forget(self) -> None:
        for connections in self._idle.values():
            for conn in connections:
                try:
                    conn.close()
                except RuntimeError:  # its loop is closed: the socket goes with it
                    pass
        self._idle = {}
        self._open = 0
        self._waiters.clear()

    async def _acquire(
        self, loop: asyncio.AbstractEventLoop, origin: Origin, timeout: Optional[Timeout]
    ) -> Tuple[_Connection, bool]:
        """A pooled connection to ``origin`` (``True``: reused) or a new one."""
        while True:
            idle = self._idle.get(origin)
            while idle:
                conn = idle.pop()
                if conn.reusable():
                    return conn, True
                self._discard(conn)
            if self._open < self._limit:
                break
            if not self._evict_idle():
                await self._wait_for_slot(loop, timeout.pool if timeout is not None else None)
        self._open += 1
        try:
            return await self._connect(loop, origin, timeout), False
        except BaseException:
            self._open -= 1
            self._wake_one()
            raise

    def _evict_idle(self) -> bool:
        """Close one idle connection to another origin, to make room; False if none."""
        for connections in self._idle.values():
            if connections:
                self._discard(connections.pop(0))
                return True
        return False

    async def _wait_for_slot(
        self, loop: asyncio.AbstractEventLoop, seconds: Optional[float]
    ) -> None:
        waiter: asyncio.Future[None] = loop.create_future()
        self._waiters.append(waiter)
        try:
            await asyncio.wait_for(waiter, seconds)
        except BaseException as exc:
            if waiter in self._waiters:
                self._waiters.remove(waiter)
            elif waiter.done() and not waiter.cancelled():
                self._wake_one()  # woken, but leaving: the slot goes to the next in line
            if isinstance(exc, asyncio.TimeoutError):
                raise _TimedOut() from None
            raise

    def _wake_one(self) -> None:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return

    def _discard(self, conn: _Connection) -> None:
        conn.close()
        if conn.loop is self._loop:  # else counted by a pool since forgotten
            self._open -= 1
            self._wake_one()

    def _release(self, conn: _Connection) -> None:
        """Pool a connection whose answer was read to its end; close any other."""
        if conn.loop is not self._loop:
            conn.close()  # opened on a loop since forgotten: not counted any more
            return
        if conn.parser.keep_alive and conn.reusable():
            self._idle.setdefault(conn.origin, []).append(conn)
            self._wake_one()
        else:
            self._discard(conn)

    async def _connect(
        self, loop: asyncio.AbstractEventLoop, origin: Origin, timeout: Optional[Timeout]
    ) -> _Connection:
        scheme, host, port = origin
        proxy = self._proxy_for(origin)
        context = self._context() if scheme == "https" else None
        seconds = timeout.connect if timeout is not None else None
        if proxy is None:
            opening = loop.create_connection(
                lambda: _Connection(loop, origin),
                host,
                port,
                ssl=context,
                server_hostname=host if context is not None else None,
            )
        else:
            opening = loop.create_connection(lambda: _Connection(loop, origin), *proxy.address)
        try:
            _, conn = await asyncio.wait_for(opening, seconds)
            if proxy is not None and context is not None:
                try:
                    await asyncio.wait_for(self._tunnel(loop, conn, proxy, context), seconds)
                except BaseException:
                    conn.close()
                    raise
        except asyncio.TimeoutError:
            raise _TimedOut() from None
        return conn

    async def _tunnel(
        self,
        loop: asyncio.AbstractEventLoop,
        conn: _Connection,
        proxy: _Proxy,
        context: ssl.SSLContext,
    ) -> None:
        """``CONNECT`` through the proxy to the origin, then TLS inside the tunnel."""
        _, host, port = conn.origin
        authority = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        conn.parser.start("CONNECT")
        conn.transport.write(request_head("CONNECT", authority, authority, proxy.headers, None))
        while True:
            event = conn.parser.next_event()
            if event is not NEED_DATA:
                break
            await conn.wait(None)  # bounded by the connect timeout around the whole tunnel
        assert isinstance(event, ResponseHead)
        if not 200 <= event.status < 300:
            raise ProtocolError(
                f"the proxy refused a tunnel to {authority}: {event.status} {event.reason}"
            )
        while conn.parser.next_event() is not END:  # a 2xx to CONNECT has no body
            pass  # pragma: no cover
        conn.transport = await loop.start_tls(conn.transport, conn, context, server_hostname=host)

    def _context(self) -> ssl.SSLContext:
        if self._ssl is None:
            self._ssl = tls_context(self._options)
        return self._ssl

    # one exchange

    async def handle_async_request(self, request: Request) -> Response:
        loop = self._own_loop()
        origin, host, target = split_url(request.url)
        body: Any = request.body
        length = None if body is None else (len(body) if isinstance(body, bytes) else body.length)
        headers = request.headers
        proxy = self._proxies[origin] if origin in self._proxies else self._proxy_for(origin)
        if proxy is not None and origin[0] == "http":  # a plain-http proxy takes the whole URL
            target = request.url
            headers = {**headers, **proxy.headers}
        head = request_head(request.method, target, host, headers, length)
        timeout = request.timeout
        read = timeout.read if timeout is not None else None
        try:
            conn, reused = await self._acquire(loop, origin, timeout)
            while True:
                try:
                    answer = await self._exchange(conn, request, head, body, read)
                    break
                except ConnectionClosed as exc:
                    self._discard(conn)
                    if not (reused and exc.before_response and _replayable(body)):
                        raise
                    conn, reused = await self._acquire(loop, origin, timeout)  # stale: once more
                except BaseException:
                    self._discard(conn)
                    raise
        except (OSError, ProtocolError, _TimedOut) as exc:
            raise connection_error(exc, request) from exc
        if not request.stream:
            try:
                content = await _read_all(conn, read)
            except BaseException as exc:
                self._discard(conn)
                if isinstance(exc, (OSError, ProtocolError, _TimedOut)):
                    raise connection_error(exc, request) from exc
                raise
            self._release(conn)
            content = decoded_body(content, answer.headers, request)
            return Response(answer.status, answer.headers, content, reason=answer.reason)
        exchange = _Streaming(self, conn)
        chunks = _chunks(exchange, request, answer, read)
        return Response(answer.status, answer.headers, None, chunks, exchange.close, answer.reason)

    async def _exchange(
        self, conn: _Connection, request: Request, head: bytes, body: Any, read: Optional[float]
    ) -> ResponseHead:
        """Send the request on ``conn``; the answer's head."""
        parser = conn.parser
        parser.start(request.method)
        write = conn.transport.write
        if body is None or not body:
            write(head)
        elif isinstance(body, bytes):
            write(head + body if len(body) < _WRITE_HIGH_WATER else head)
            if len(body) >= _WRITE_HIGH_WATER:
                write(body)
        else:
            write(head)
            seconds = request.timeout.write if request.timeout is not None else None
            for chunk in body:
                if conn.closed:
                    break  # the server answered (or left) early: its answer tells
                write(chunk)
                await conn.drain(seconds)
        while True:
            event = parser.next_event()
            if event is NEED_DATA:
                await conn.wait(read)
                continue
            assert isinstance(event, ResponseHead)
            return event

    async def aclose(self) -> None:
        self._forget()


def unsupported(url: str, options: Mapping[str, Any]) -> Optional[str]:
    """Why this transport cannot send to ``url`` with these options, or ``None``.

    A proxy is spoken to over plain HTTP (``CONNECT`` for https): an ``https://`` or
    ``socks5://`` proxy is not.
    """
    proxy = proxy_for(url, options)
    if not proxy or "://" not in proxy or proxy.startswith("http://"):
        return None
    scheme, host, port = split_url(proxy)[0]
    return f"AsyncioTransport speaks to http:// proxies only, not {scheme}://{host}:{port}"


class _Proxy:
    """An http:// proxy: where it listens, and its ``Proxy-Authorization`` if it has one."""

    __slots__ = ("address", "headers")

    def __init__(self, url: str) -> None:
        from base64 import b64encode
        from urllib.parse import unquote, urlsplit

        parts = urlsplit(url if "://" in url else "http://" + url)
        self.address = (parts.hostname or "", parts.port or 80)
        self.headers: Dict[str, str] = {}
        if parts.username:
            secret = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
            self.headers["Proxy-Authorization"] = "Basic " + b64encode(secret.encode()).decode()

    def __repr__(self) -> str:  # no credentials
        return f"<proxy {self.address[0]}:{self.address[1]}>"


class _Streaming:
    """A streamed answer's connection: back to the pool at the end, closed if left early."""

    __slots__ = ("transport", "conn", "done")

    def __init__(self, transport: AsyncioTransport, conn: _Connection) -> None:
        self.transport = transport
        self.conn: Optional[_Connection] = conn
        self.done = False

    def close(self) -> None:
        conn, self.conn = self.conn, None
        if conn is not None:
            if self.done:
                self.transport._release(conn)
            else:
                self.transport._discard(conn)

    def __del__(self) -> None:  # a stream dropped unread still gives its slot back
        try:
            self.close()
        except Exception:  # pragma: no cover - at interpreter exit
            pass


async def _read_all(conn: _Connection, read: Optional[float]) -> bytes:
    parser = conn.parser
    pieces: List[bytes] = []
    while True:
        event = parser.next_event()
        if isinstance(event, bytes):
            pieces.append(event)
        elif event is END:
            break
        else:
            await conn.wait(read)
    return pieces[0] if len(pieces) == 1 else b"".join(pieces)


async def _chunks(
    exchange: _Streaming, request: Request, answer: ResponseHead, read: Optional[float]
) -> AsyncIterator[bytes]:
    conn = exchange.conn
    assert conn is not None
    parser = conn.parser
    decoder = ContentDecoder.for_headers(answer.headers)
    try:
        while True:
            event = parser.next_event()
            if event is NEED_DATA:
                await conn.wait(read)
                continue
            if event is END:
                exchange.done = True
                exchange.close()
                return
            chunk: bytes = event  # type: ignore[assignment]
            if decoder is not None:
                chunk = decoder.feed(chunk)
                if not chunk:
                    continue
            yield chunk
    except (OSError, ProtocolError, _TimedOut) as exc:
        exchange.close()
        raise connection_error(exc, request) from exc
    except ValueError as exc:  # from the decoder
        exchange.close()
        raise undecodable(exc, request) from None


def _replayable(body: Any) -> bool:
    return body is None or isinstance(body, bytes) or bool(getattr(body, "replayable", True))


def connection_error(exc: BaseException, request: Request) -> APIConnectionError:
    """Our connection error for a socket, TLS, timeout or protocol failure."""
    where = f"{request.method} {request.url}"
    if isinstance(exc, _TimedOut):
        return APITimeoutError(f"Request timed out: {where}")
    if isinstance(exc, ssl.SSLError):
        return APIConnectionError(f"TLS error: {where}: {exc}")
    if isinstance(exc, ConnectionRefusedError):
        return APIConnectionError(f"Connection error: {where}: connection refused")
    if isinstance(exc, ProtocolError):
        return APIConnectionError(f"Connection error: {where}: {exc}")
    return APIConnectionError(f"Connection error: {where}: {type(exc).__name__}: {exc}")
