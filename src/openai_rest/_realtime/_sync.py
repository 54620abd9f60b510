"""The sync realtime connection: the aiohttp flavour run on one background event loop.

A reader task on that loop moves each received frame into a queue as it arrives, so ``recv()``
costs one queue hand-off, not a round trip to the loop; ``send()`` runs on the loop and waits
for it, so a failed send raises where it was called. See ``docs/performance.md`` for why this
beats ``websockets``' sync client here.
"""

from __future__ import annotations

import asyncio
import os
import queue
import threading
import time
from typing import TYPE_CHECKING, Any, Coroutine, Iterator, Mapping, Optional, TypeVar

import aiohttp

from .._errors import APIConnectionError, APITimeoutError
from ._accumulate import RealtimeAccumulator
from ._async import (
    CLOSE_TIMEOUT,
    NO_HOOKS,
    AiohttpConnection,
    Frame,
    Hooks,
    Opened,
    WebSocket,
    handshake_steps,
    receive_frame,
    try_handshake,
)
from ._protocol import CLOSED, Event, Protocol, encode

if TYPE_CHECKING:
    from .._request import Request

T = TypeVar("T")


class _LoopThread:
    """One daemon thread running an event loop for every sync connection of the process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._pid = 0

    def loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None or self._pid != os.getpid():  # none yet, or forked
                loop = asyncio.new_event_loop()
                thread = threading.Thread(
                    target=loop.run_forever, name="openai-rest-realtime", daemon=True
                )
                thread.start()
                self._loop, self._pid = loop, os.getpid()
            return self._loop

    def run(self, coroutine: Coroutine[Any, Any, T], timeout: Optional[float] = None) -> T:
        """Run ``coroutine`` on the loop and wait for its result (or its exception)."""
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop()).result(timeout)


LOOP = _LoopThread()


class RealtimeConnection(AiohttpConnection):
    """An open realtime connection: ``send(event)``, ``recv()``, ``for event in connection``.

    The same behaviour as ``AsyncRealtimeConnection``, without ``await``.
    """

    def __init__(
        self,
        protocol: Protocol,
        session: aiohttp.ClientSession,
        ws: WebSocket,
    ) -> None:
        super().__init__(protocol, session, ws)
        self._frames: queue.SimpleQueue[Frame] = queue.SimpleQueue()
        LOOP.loop().call_soon_threadsafe(self._start_reader)

    def _start_reader(self) -> None:
        self._reader = asyncio.ensure_future(self._read())

    async def _read(self) -> None:
        put = self._frames.put
        while True:
            try:
                frame = await receive_frame(self._ws, None)
            except BaseException as exc:  # handed to the reading thread
                frame = (CLOSED, f"{type(exc).__name__}: {exc}", None)
            put(frame)
            if frame[0] == CLOSED:
                await self._session.close()
                return

    def send(self, event: Mapping[str, Any]) -> None:
        """Send one client event (a dict with a ``type``)."""
        text = encode(event)
        self._protocol.after_close()
        try:
            LOOP.run(self._ws.send_str(text))
        except (aiohttp.ClientError, ConnectionError, RuntimeError, OSError) as exc:
            raise APIConnectionError(f"Realtime send failed: {type(exc).__name__}: {exc}") from exc

    def recv(self, timeout: Optional[float] = None) -> Event:
        """The next server event; ``APITimeoutError`` when none comes within ``timeout`` s."""
        event = self._next(timeout)
        if event is None:
            raise self._closed_error()
        return event

    def _next(self, timeout: Optional[float] = None) -> Optional[Event]:
        self._protocol.after_close()
        try:
            kind, data, code = self._frames.get(timeout=timeout)
        except queue.Empty:
            raise APITimeoutError(f"No realtime event within {timeout} s") from None
        return self._protocol.read(kind, data, code)

    def __iter__(self) -> Iterator[Event]:
        while not self._protocol.closed:
            event = self._next()
            if event is None:
                return
            yield event

    def receive_response(self, timeout: Optional[float] = None) -> RealtimeAccumulator:
        """Read events until ``response.done``; the response folded (text, audio, calls)."""
        accumulator = RealtimeAccumulator()
        while not accumulator.done:
            accumulator.add(self.recv(timeout))
        return accumulator

    def close(self) -> None:
        """Close the connection (code 1000); iteration then ends. Closing twice is harmless."""
        if self._protocol.closed and self._session.closed:
            return
        self._protocol.closing = True
        try:
            LOOP.run(self._close(), CLOSE_TIMEOUT + 1)
        finally:
            self._protocol.closed = True

    async def _close(self) -> None:
        try:
            await self._ws.close()
        finally:
            await self._session.close()

    def __enter__(self) -> RealtimeConnection:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def open_websocket(request: Request, hooks: Hooks) -> Opened:
    """``_async.handshake_steps`` driven from the calling thread (so the hooks run there), each
    attempt on the background loop."""
    steps, answer = handshake_steps(request, hooks), None
    try:
        while True:
            step = steps.send(answer)
            if isinstance(step, float):
                time.sleep(step)
                answer = None
            else:
                answer = LOOP.run(try_handshake(step))
    except StopIteration as stop:
        return stop.value  # type: ignore[no-any-return]
    except BaseException:
        if answer and answer[0]:  # a hook raised after the connection opened
            LOOP.run(answer[0][0].close())
        raise


def connect(request: Request, raise_on_error: bool, hooks: Hooks = NO_HOOKS) -> RealtimeConnection:
    """Open a sync realtime connection."""
    session, ws = open_websocket(request, hooks)
    return RealtimeConnection(Protocol(request.url, raise_on_error), session, ws)
