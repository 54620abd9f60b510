"""The async realtime connection, on aiohttp's WebSocket client (already our async dependency)."""

from __future__ import annotations

import asyncio
import functools
from typing import Any, AsyncIterator, Callable, Generator, Mapping, Optional, Tuple

import aiohttp

from .._errors import APIConnectionError, APITimeoutError
from .._request import Request
from .._retry import send_flow
from .._transports.base import Response
from ._accumulate import RealtimeAccumulator
from ._protocol import BINARY, CLOSED, TEXT, Connection, Event, Protocol, encode

WebSocket = Any
"""``aiohttp.ClientWebSocketResponse``: generic from aiohttp 3.14 on, not before (Python 3.9's)."""
Frame = Tuple[str, Any, Optional[int]]
"""What was received: (``TEXT`` / ``BINARY`` / ``CLOSED``, data or close reason, close code)."""

MAX_MESSAGE_BYTES = 0  # no limit: audio and image events can be megabytes of base64
CLOSE_TIMEOUT = 10.0


Opened = Tuple[aiohttp.ClientSession, WebSocket]


Hooks = Tuple[Callable[[Request], None], Callable[[Request, Response], None]]
"""The client's ``request`` and ``response`` event hooks, run around each handshake attempt."""
NO_HOOKS: Hooks = (lambda request: None, lambda request, response: None)


def handshake_steps(request: Request, hooks: Hooks) -> Generator[Any, Any, Opened]:
    """The opening of a connection as pure steps: the retry flow's delays (``float``) and
    attempts (``Request``), retried as every request is (``send_flow``: 429, 5xx, no answer;
    ``max_retries``; the server's delays), the hooks around each attempt. The driver answers
    an attempt with ``try_handshake``'s ``(connection or None, outcome)``."""
    flow = send_flow(request, request.settings.max_retries)  # type: ignore[union-attr]
    outcome: Any = None
    opened: Optional[Opened] = None
    while True:
        try:
            step = flow.send(outcome)
        except StopIteration as stop:
            return opened_or_refused(opened, stop.value, request.url)
        if isinstance(step, float):
            yield step
            outcome = None
            continue
        hooks[0](step)
        opened, outcome = yield step
        if isinstance(outcome, Response):
            hooks[1](step, outcome)


async def open_websocket(request: Request, hooks: Hooks = NO_HOOKS) -> Opened:
    """A session and a WebSocket opened by ``request``: ``handshake_steps`` driven here."""
    steps, answer = handshake_steps(request, hooks), None
    try:
        while True:
            step = steps.send(answer)
            answer = await (asyncio.sleep(step) if isinstance(step, float) else try_handshake(step))
    except StopIteration as stop:
        return stop.value  # type: ignore[no-any-return]
    except BaseException:
        if answer and answer[0]:  # a hook raised after the connection opened
            await answer[0][0].close()
        raise


async def try_handshake(request: Request) -> Tuple[Optional[Opened], Any]:
    """One attempt: the connection (or ``None``) and the outcome the retry flow reads."""
    try:
        opened = await _attempt(request)
    except aiohttp.WSServerHandshakeError as exc:
        return None, Response(exc.status, exc.headers or {}, b"", reason=exc.message)
    except APIConnectionError as error:
        return None, error
    return opened, Response(101, _handshake_headers(opened[1]), b"", reason="Switching Protocols")


def opened_or_refused(opened: Optional[Opened], last: Response, url: str) -> Opened:
    """The end of the retry flow: the connection, or the error of the last refusal."""
    if opened is None:
        raise refused(last, url)
    return opened


async def _attempt(request: Request) -> Opened:
    """One handshake: the WebSocket, a ``WSServerHandshakeError`` or an ``APIConnectionError``."""
    from .._transports.base import ca_bundle, proxy_for

    url, headers, options = request.url, request.headers, request.settings.http_options  # type: ignore[union-attr]
    timeout = request.timeout
    ssl: Any = True
    if options.get("verify") is False:
        ssl = False
    elif url.startswith("wss:") and ca_bundle(options):
        ssl = _ssl_context(str(ca_bundle(options)))
    session = aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(ssl=ssl),
        skip_auto_headers=("User-Agent",),
        trust_env=False,
        timeout=aiohttp.ClientTimeout(
            total=None,
            connect=timeout.connect if timeout else None,
            sock_read=timeout.read if timeout else None,
        ),
    )
    http_url = "http" + url[2:]  # ws:// or wss:// back to http(s):// for the proxy rules
    try:
        ws = await session.ws_connect(
            url,
            headers=headers,
            proxy=proxy_for(http_url, options),
            max_msg_size=MAX_MESSAGE_BYTES,
            autoping=True,
        )
    except BaseException as exc:
        await session.close()
        error = connection_error(exc, url)
        if error is exc:  # a refused upgrade (for the retry flow), a cancellation...
            raise
        raise error from exc
    return session, ws


def _handshake_headers(ws: Any) -> Mapping[str, str]:
    return getattr(getattr(ws, "_response", None), "headers", None) or {}


@functools.lru_cache(maxsize=8)
def _ssl_context(bundle: str) -> Any:
    """A TLS context trusting ``bundle``, made once (loading a bundle takes tens of ms)."""
    import ssl

    return ssl.create_default_context(cafile=bundle)


def refused(response: Response, url: str) -> BaseException:
    """The error of a refused upgrade: the status's class, with its request id.

    aiohttp does not keep the body of a refused WebSocket handshake, so the message says so.
    """
    from http import HTTPStatus

    from .._errors import status_error
    from .._results import ResponseInfo

    try:
        reason = HTTPStatus(response.status).phrase
    except ValueError:
        reason = ""
    info = ResponseInfo(response.status, response.headers, "GET", url, reason=reason)
    info.retries = response.retries
    body = b'{"error": {"message": "the realtime WebSocket handshake was refused"}}'
    return status_error(response.status, body, info)


def connection_error(exc: BaseException, url: str) -> BaseException:
    """Our error for a handshake that got no answer (or a broken one)."""
    if isinstance(exc, asyncio.TimeoutError):
        return APITimeoutError(f"Realtime connection timed out: {url}")
    if isinstance(exc, aiohttp.WSServerHandshakeError):
        if exc.status != 101:
            return exc  # refused: the retry flow reads its status
        return APIConnectionError(f"Realtime handshake failed: {url}: {exc.message}")
    if isinstance(exc, (aiohttp.ClientError, OSError)):
        return APIConnectionError(f"Realtime connection error: {url}: {type(exc).__name__}: {exc}")
    return exc


async def receive_frame(ws: WebSocket, timeout: Optional[float]) -> Frame:
    """The next frame, as the protocol reads it; pings and pongs are answered by aiohttp."""
    try:
        message = await ws.receive(timeout)
    except asyncio.TimeoutError:
        raise APITimeoutError(f"No realtime event within {timeout} s") from None
    kind = message.type
    if kind is aiohttp.WSMsgType.TEXT:
        return TEXT, message.data, None
    if kind is aiohttp.WSMsgType.BINARY:
        return BINARY, message.data, None
    reason: Any = message.extra if kind is aiohttp.WSMsgType.CLOSE else None
    if kind is aiohttp.WSMsgType.ERROR:
        reason = f"{type(message.data).__name__}: {message.data}"
    return CLOSED, reason, ws.close_code


class AiohttpConnection(Connection):
    """A connection on an aiohttp WebSocket and the session that owns it (both faces)."""

    def __init__(
        self,
        protocol: Protocol,
        session: aiohttp.ClientSession,
        ws: WebSocket,
    ) -> None:
        super().__init__(protocol, _handshake_headers(ws))
        self._session = session
        self._ws = ws


class AsyncRealtimeConnection(AiohttpConnection):
    """An open realtime connection: ``await send(event)``, ``await recv()``, ``async for``.

    ``recv()`` and iteration give server events as dicts; an ``error`` event raises
    ``RealtimeError`` unless the connection was opened with ``raise_on_error=False``; a dropped
    connection raises ``APIConnectionError``. Iteration ends when the connection is closed.
    """

    async def send(self, event: Mapping[str, Any]) -> None:
        """Send one client event (a dict with a ``type``)."""
        text = encode(event)
        self._protocol.after_close()
        try:
            await self._ws.send_str(text)
        except (aiohttp.ClientError, ConnectionError, RuntimeError) as exc:
            raise APIConnectionError(f"Realtime send failed: {type(exc).__name__}: {exc}") from exc

    async def recv(self, timeout: Optional[float] = None) -> Event:
        """The next server event; ``APITimeoutError`` when none comes within ``timeout`` s."""
        event = await self._next(timeout)
        if event is None:
            raise self._closed_error()
        return event

    async def _next(self, timeout: Optional[float] = None) -> Optional[Event]:
        self._protocol.after_close()
        kind, data, code = await receive_frame(self._ws, timeout)
        if kind == CLOSED:
            await self._session.close()
        return self._protocol.read(kind, data, code)

    def __aiter__(self) -> AsyncIterator[Event]:
        return self._events()

    async def _events(self) -> AsyncIterator[Event]:
        while not self._protocol.closed:
            event = await self._next()
            if event is None:
                return
            yield event

    async def receive_response(self, timeout: Optional[float] = None) -> RealtimeAccumulator:
        """Read events until ``response.done``; the response folded (text, audio, calls)."""
        accumulator = RealtimeAccumulator()
        while not accumulator.done:
            accumulator.add(await self.recv(timeout))
        return accumulator

    async def close(self) -> None:
        """Close the connection (code 1000); iteration then ends. Closing twice is harmless."""
        self._protocol.closing = True
        try:
            await self._ws.close()
        finally:
            self._protocol.closed = True
            await self._session.close()

    async def __aenter__(self) -> AsyncRealtimeConnection:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.close()


async def connect(
    request: Request, raise_on_error: bool, hooks: Hooks = NO_HOOKS
) -> AsyncRealtimeConnection:
    """Open an async realtime connection (after awaiting an async Azure token provider)."""
    from .._azure import authorize

    pending = authorize(request)
    if pending is not None:
        await pending
    session, ws = await open_websocket(request, hooks)
    return AsyncRealtimeConnection(Protocol(request.url, raise_on_error), session, ws)


class Connecting:
    """What ``AsyncClient.realtime_connect`` returns: ``await`` it, or ``async with`` it."""

    def __init__(self, request: Request, raise_on_error: bool, hooks: Hooks = NO_HOOKS) -> None:
        self._args = (request, raise_on_error, hooks)
        self._connection: Optional[AsyncRealtimeConnection] = None

    def __await__(self) -> Generator[Any, None, AsyncRealtimeConnection]:
        return connect(*self._args).__await__()

    async def __aenter__(self) -> AsyncRealtimeConnection:
        self._connection = await connect(*self._args)
        return self._connection

    async def __aexit__(self, *exc: Any) -> None:
        if self._connection is not None:
            await self._connection.close()
