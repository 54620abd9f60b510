"""AsyncioTransport (the AsyncClient default) against a raw TCP server scripted byte by byte.

Real sockets on loopback: what a pooled connection does when the server drops it, what a
malformed or early-ended answer raises, the pool's cap, timeouts, and the fall-back to
AiohttpTransport when a proxy applies. Both async transports run the shared cases.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from typing import Any, Callable, List, Optional, Tuple

import pytest

import openai_rest
from conftest import ASYNC_TRANSPORTS, KEY, async_client
from loopback import raw_listener, read_request
from openai_rest.transports import AiohttpTransport, AsyncioTransport

Answer = Tuple[bytes, bool]  # bytes to send, then close the connection?
Script = Callable[[int, int, bytes], Optional[Answer]]  # (connection, request) -> answer


class RawServer:
    """Answers each request with the bytes a script returns; records every request's head."""

    def __init__(self, script: Script) -> None:
        self.script = script
        self.requests: List[Tuple[int, bytes]] = []
        self.connections = 0
        self._lock = threading.Lock()
        self.listener = raw_listener(self._serve)
        self.base_url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/v1"

    def _serve(self, conn: socket.socket) -> None:
        with self._lock:
            index = self.connections
            self.connections += 1
        buffer, count = b"", 0
        with conn:
            while True:
                request = read_request(conn, buffer)
                if request is None:
                    return
                head, _, buffer = request
                self.requests.append((index, head))
                answer = self.script(index, count, head)
                count += 1
                if answer is None:
                    return  # close without a word
                data, close = answer
                try:
                    conn.sendall(data)
                except OSError:
                    return
                if close:
                    return

    def config(self, **fields: Any) -> openai_rest.Config:
        return openai_rest.Config(
            api_key=KEY, api_url=self.base_url, **{"max_retries": 0, **fields}
        )

    def close(self) -> None:
        self.listener.close()


@pytest.fixture
def raw() -> Any:
    servers: List[RawServer] = []

    def start(script: Script) -> RawServer:
        servers.append(RawServer(script))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


OK = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nx-request-id: r1\r\n"
    b'Content-Length: 11\r\n\r\n{"ok":true}'
)


def run(config: openai_rest.Config, calls: Callable[[Any], Any], transport: str = "") -> Any:
    async def main() -> Any:
        async with async_client(config, transport) as client:
            return await calls(client)

    return asyncio.run(main())


def test_the_default_async_transport_is_asyncio_without_a_proxy(raw: Any) -> None:
    server = raw(lambda c, r, head: (OK, False))

    async def calls(client: Any) -> Any:
        answers = [await client.models() for _ in range(3)]
        return answers, list(client._transports.values())

    answers, transports = run(server.config(), calls)
    assert answers == [{"ok": True}] * 3
    assert [type(t) for t in transports] == [AsyncioTransport]
    assert server.connections == 1  # one pooled connection for three calls
    assert b"Host: 127.0.0.1:" in server.requests[0][1]


@pytest.mark.parametrize("transport", ASYNC_TRANSPORTS)
def test_a_pooled_connection_the_server_dropped_is_replaced(raw: Any, transport: str) -> None:
    # the server closes each connection after one answer, without a Connection: close
    server = raw(lambda c, r, head: (OK.replace(b"r1", b"r%d" % c), True))

    async def calls(client: Any) -> Any:
        first = await client.models()
        await asyncio.sleep(0.05)
        return first, await client.models(), await client.models()

    answers = run(server.config(), calls, transport)
    assert [openai_rest.response_of(a).request_id for a in answers] == ["r0", "r1", "r2"]
    assert len(server.requests) == 3  # nothing sent twice


def test_a_request_on_a_connection_dropped_unanswered_is_sent_once_more(raw: Any) -> None:
    """The race of a keep-alive timeout: the server closes as the request arrives."""
    server = raw(lambda c, r, head: (OK, False) if r == 0 else None)

    async def calls(client: Any) -> Any:
        return [await client.models() for _ in range(3)]

    assert run(server.config(), calls) == [{"ok": True}] * 3
    # each reused connection dropped the next request: sent again, once, on a new one
    assert [c for c, _ in server.requests] == [0, 0, 1, 1, 2]


def test_a_stale_connection_is_retried_only_before_any_answer(raw: Any) -> None:
    """The server half-answers on the reused connection: not retried (it may have acted)."""

    def script(c: int, r: int, head: bytes) -> Optional[Answer]:
        if c == 0 and r == 0:
            return OK, False
        if c == 0:
            return b"HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{", True
        return OK, False  # pragma: no cover - reached only if it were retried

    server = raw(script)

    async def calls(client: Any) -> Any:
        await client.models()
        return await client.chat_completion(model="m", messages=[])

    with pytest.raises(openai_rest.APIConnectionError, match="closed the connection"):
        run(server.config(), calls)
    assert len(server.requests) == 2


@pytest.mark.parametrize(
    "wire, message",
    [
        (b"HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n{}", "before the end"),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n", "chunked"),
        (b"NOT HTTP AT ALL\r\n\r\n", "status line"),
        (b"HTTP/1.1 200 OK\r\nbroken header line\r\n\r\n", "malformed header"),
        (b"", "before any answer"),
    ],
)
@pytest.mark.parametrize("stream", [False, True])
def test_malformed_or_early_ended_answers_are_connection_errors(
    raw: Any, wire: bytes, message: str, stream: bool
) -> None:
    server = raw(lambda c, r, head: (wire, True))

    async def calls(client: Any) -> Any:
        if not stream:
            return await client.models()
        events = await client.chat_completion(model="m", messages=[], stream=True)
        return [event async for event in events]

    with pytest.raises(openai_rest.APIConnectionError, match=message) as caught:
        run(server.config(), calls)
    assert "/v1/" in str(caught.value) and KEY not in str(caught.value)


@pytest.mark.parametrize("transport", ASYNC_TRANSPORTS)
def test_an_event_stream_that_ends_early_raises(raw: Any, transport: str) -> None:
    events = b'data: {"n": 1}\n\n'
    wire = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"%x\r\n%s\r\n" % (len(events), events)
    )
    server = raw(lambda c, r, head: (wire, True))

    async def calls(client: Any) -> Any:
        got = []
        events = await client.chat_completion(model="m", messages=[], stream=True)
        async for event in events:
            got.append(event)
        return got

    with pytest.raises(openai_rest.APIConnectionError):
        run(server.config(), calls, transport)


def test_chunked_until_close_and_interim_answers_are_read(raw: Any) -> None:
    answers = [
        b"HTTP/1.1 100 Continue\r\n\r\n" + OK,
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        b'3\r\n{"o\r\n8;x=y\r\nk":true}\r\n0\r\n\r\n',
        b'HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{"ok":true}',
    ]

    def script(c: int, r: int, head: bytes) -> Answer:
        index = len(server.requests) - 1
        return answers[index], index == 2  # the last one's body ends with the connection

    server = raw(script)

    async def calls(client: Any) -> Any:
        results = []
        for _ in range(3):
            results.append(await client.models())
            await asyncio.sleep(0.02)
        return results

    assert run(server.config(http_options={"pool_size": 1}), calls) == [{"ok": True}] * 3
    assert [c for c, _ in server.requests] == [0, 0, 0]  # until close: the last on it


def test_the_pool_cap_holds_and_waiters_get_connections(raw: Any) -> None:
    def slow(c: int, r: int, head: bytes) -> Answer:
        time.sleep(0.02)
        return OK, False

    server = raw(slow)
    config = server.config(http_options={"pool_size": 3})

    async def calls(client: Any) -> Any:
        return await asyncio.gather(*[client.models() for _ in range(12)])

    assert run(config, calls) == [{"ok": True}] * 12
    assert server.connections == 3


def test_timeouts_are_our_timeout_errors(raw: Any) -> None:
    server = raw(lambda c, r, head: (time.sleep(1.0), (OK, False))[1])
    timeout = openai_rest.Timeout(connect=5, read=0.2)
    started = time.perf_counter()
    with pytest.raises(openai_rest.APITimeoutError, match="timed out"):
        run(server.config(timeout=timeout), lambda client: client.models())
    assert time.perf_counter() - started < 0.9

    pool = openai_rest.Timeout(connect=5, read=5, pool=0.1)
    config = server.config(timeout=pool, http_options={"pool_size": 1})

    async def two(client: Any) -> Any:
        return await asyncio.gather(client.models(), client.models())

    with pytest.raises(openai_rest.APITimeoutError):
        run(config, two)


def test_a_refused_connection_is_a_connection_error() -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    listener.close()
    config = openai_rest.Config(api_key=KEY, api_url=f"http://127.0.0.1:{port}/v1", max_retries=0)
    with pytest.raises(openai_rest.APIConnectionError, match="refused"):
        run(config, lambda client: client.models())


def test_a_stream_left_early_closes_its_connection_and_frees_its_slot(raw: Any) -> None:
    events = b"".join(b'data: {"n": %d}\n\n' % n for n in range(50))
    stream = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: %d\r\n\r\n%s"
        % (len(events), events)
    )
    server = raw(lambda c, r, head: (stream if b"chat" in head else OK, False))
    config = server.config(http_options={"pool_size": 1})

    async def calls(client: Any) -> Any:
        events = await client.chat_completion(model="m", messages=[], stream=True)
        async for _event in events:
            break
        await events.aclose()
        return await client.models()  # the one slot is free again

    assert run(config, calls) == {"ok": True}
    assert server.connections == 2  # the stream's connection was not reused half-read


def test_an_http_proxy_is_spoken_to_and_another_kind_means_aiohttp(raw: Any) -> None:
    server = raw(lambda c, r, head: (OK, False))
    proxied = server.config(http_options={"proxy": "http://user:secret@127.0.0.1:9"})
    client = openai_rest.AsyncClient(proxied)
    assert isinstance(client._transport_for(client._settings(None)), AsyncioTransport)
    socks = server.config(http_options={"proxy": "socks5://user:secret@127.0.0.1:9"})
    client = openai_rest.AsyncClient(socks)
    assert isinstance(client._transport_for(client._settings(None)), AiohttpTransport)
    with pytest.raises(openai_rest.APIConnectionError, match="AiohttpTransport") as caught:
        AsyncioTransport(server.base_url, {"proxy": "https://user:secret@127.0.0.1:9"})
    assert "secret" not in str(caught.value) and "http:// proxies only" in str(caught.value)
