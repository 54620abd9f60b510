"""A minimal, fast loopback HTTP/1.1 keep-alive server with canned OpenAI answers.

Built on a bare ``asyncio.Protocol`` (no framework) so that the server costs as little CPU as
possible and the clients, not the server, are what the benchmarks measure. Answers:

- ``POST /v1/chat/completions``: a small chat completion, or with ``"stream": true`` a
  ``text/event-stream`` of N chunk events then ``data: [DONE]`` (N from the ``x-bench-events``
  request header, else ``--stream-events``), one HTTP chunk per event as the real API sends.
- ``POST /v1/embeddings``: 512 x 1536 embeddings, float JSON or base64 little-endian float32
  when ``encoding_format`` is ``base64`` (bodies precomputed at start).
- ``POST /v1/files``: a multipart sink that hashes the file part in chunks without holding it
  and answers a file object with ``bytes`` and ``sha256``.
- ``GET /v1/models``: a short model list.

Run: ``python benchmarks/fake_server.py [--port 0] [--stream-events 20000]``; it prints
``PORT <n>`` on its first line once it listens. Loopback only.
"""

from __future__ import annotations

import argparse
import array
import asyncio
import base64
import hashlib
import json
import random
import re
import sys
import time
from typing import Callable, Optional

EMBED_ROWS = 512
EMBED_DIMS = 1536
MAX_HEAD = 64 * 1024
LOOPBACK = ("127.0.0.1", "::1", "localhost")

RATE_HEADERS = (
    b"openai-organization: user-bench\r\n"
    b"openai-processing-ms: 212\r\n"
    b"openai-project: proj_bench\r\n"
    b"openai-version: 2020-10-01\r\n"
    b"x-ratelimit-limit-requests: 10000\r\n"
    b"x-ratelimit-limit-tokens: 30000000\r\n"
    b"x-ratelimit-remaining-requests: 9999\r\n"
    b"x-ratelimit-remaining-tokens: 29999978\r\n"
    b"x-ratelimit-reset-requests: 6ms\r\n"
    b"x-ratelimit-reset-tokens: 0s\r\n"
)


def _dumps(obj: object) -> bytes:
    return json.dumps(obj, separators=(",", ":")).encode()


CHAT_BODY = _dumps(
    {
        "id": "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT",
        "object": "chat.completion",
        "created": 1741569952,
        "model": "gpt-4o-mini-2024-07-18",
        "choices": [
            {
                "index": 0,
                "message": {
                    "role": "assistant",
                    "content": "Hello! How can I assist you today?",
                    "refusal": None,
                    "annotations": [],
                },
                "logprobs": None,
                "finish_reason": "stop",
            }
        ],
        "usage": {
            "prompt_tokens": 19,
            "completion_tokens": 10,
            "total_tokens": 29,
            "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
            "completion_tokens_details": {
                "reasoning_tokens": 0,
                "audio_tokens": 0,
                "accepted_prediction_tokens": 0,
                "rejected_prediction_tokens": 0,
            },
        },
        "service_tier": "default",
        "system_fingerprint": "fp_06737a9306",
    }
)

MODELS_BODY = _dumps(
    {
        "object": "list",
        "data": [
            {"id": name, "object": "model", "created": 1686935002, "owned_by": "openai"}
            for name in ("gpt-4o-mini", "gpt-4o", "text-embedding-3-small", "whisper-1")
        ],
    }
)

WORDS = (" Hello", " there", ",", " how", " can", " I", " help", " you", " today", "?")


def _chunk_event(delta: dict[str, object], finish: Optional[str]) -> bytes:
    chunk = {
        "id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
        "object": "chat.completion.chunk",
        "created": 1741570283,
        "model": "gpt-4o-mini-2024-07-18",
        "service_tier": "default",
        "system_fingerprint": "fp_06737a9306",
        "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
    }
    return b"data: " + _dumps(chunk) + b"\n\n"


def _http_chunk(payload: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(payload), payload)


def build_stream_body(events: int) -> bytes:
    """N chat chunk events (the first carries the role, the last the finish reason), [DONE]."""
    parts = [_http_chunk(_chunk_event({"role": "assistant", "content": ""}, None))]
    parts += [
        _http_chunk(_chunk_event({"content": WORDS[i % len(WORDS)]}, None))
        for i in range(max(events - 2, 0))
    ]
    parts.append(_http_chunk(_chunk_event({}, "stop")))
    parts.append(_http_chunk(b"data: [DONE]\n\n"))
    parts.append(b"0\r\n\r\n")
    return b"".join(parts)


def build_embedding_bodies(rows: int = EMBED_ROWS, dims: int = EMBED_DIMS) -> tuple[bytes, bytes]:
    """(float JSON, base64 JSON) for the same deterministic float32 vectors."""
    rng = random.Random(1536)
    floats, b64 = [], []
    for i in range(rows):
        vec = array.array("f", [rng.uniform(-0.1, 0.1) for _ in range(dims)])
        if sys.byteorder != "little":
            vec.byteswap()
        b64.append({"object": "embedding", "index": i, "embedding": base64.b64encode(vec).decode()})
        floats.append({"object": "embedding", "index": i, "embedding": vec.tolist()})
    usage = {"prompt_tokens": rows * 4, "total_tokens": rows * 4}

    def wrap(data: list[dict[str, object]]) -> bytes:
        return _dumps(
            {"object": "list", "data": data, "model": "text-embedding-3-small", "usage": usage}
        )

    return wrap(floats), wrap(b64)


class BodyReader:
    """Feeds a request body (Content-Length or chunked) to a sink; knows when it is complete."""

    def __init__(self, length: Optional[int], sink: Callable[[bytes], None]) -> None:
        self.remaining = length if length is not None else 0
        self.chunked = length is None
        self.sink = sink
        self.done = length == 0
        self._chunk_state = "size"  # size | data | crlf | trailer

    def feed(self, buf: bytearray) -> None:
        """Consume what it can from buf (in place)."""
        if not self.chunked:
            take = min(len(buf), self.remaining)
            if take:
                self.sink(bytes(buf[:take]))
                del buf[:take]
                self.remaining -= take
            self.done = self.remaining == 0
            return
        while buf and not self.done:
            if self._chunk_state == "data":
                take = min(len(buf), self.remaining)
                self.sink(bytes(buf[:take]))
                del buf[:take]
                self.remaining -= take
                if self.remaining:
                    return
                self._chunk_state = "crlf"
                continue
            end = buf.find(b"\r\n")
            if end < 0:
                return
            line = bytes(buf[:end])
            del buf[: end + 2]
            if self._chunk_state == "size":
                self.remaining = int(line.split(b";", 1)[0], 16)
                self._chunk_state = "data" if self.remaining else "trailer"
            elif self._chunk_state == "crlf":
                self._chunk_state = "size"
            elif not line:  # end of trailer section
                self.done = True


class MultipartSink:
    """Hashes the file part of a streamed multipart body while holding only a small tail."""

    def __init__(self, boundary: bytes) -> None:
        self.delim = b"\r\n--" + boundary
        self.buf = bytearray(b"\r\n")  # so the first delimiter looks like the others
        self.state = "preamble"  # preamble | headers | file | field | end
        self.hasher = hashlib.sha256()
        self.size = 0
        self.filename = ""
        self.fields: dict[str, str] = {}
        self._field_name = ""
        self._field_value = bytearray()

    def write(self, data: bytes) -> None:
        self.buf += data
        while self.state != "end":
            if self.state == "headers":
                end = self.buf.find(b"\r\n\r\n")
                if end < 0:
                    return
                self._start_part(bytes(self.buf[:end]).decode("latin-1"))
                del self.buf[: end + 4]
                continue
            at = self.buf.find(self.delim)
            if at < 0:
                keep = len(self.delim) + 1
                if len(self.buf) > keep:
                    self._content(bytes(self.buf[:-keep]))
                    del self.buf[:-keep]
                return
            if len(self.buf) < at + len(self.delim) + 2:
                return  # need the two bytes after the delimiter
            self._content(bytes(self.buf[:at]))
            if self.state == "field":
                self.fields[self._field_name] = self._field_value.decode()
            after = bytes(self.buf[at + len(self.delim) : at + len(self.delim) + 2])
            del self.buf[: at + len(self.delim) + 2]
            self.state = "end" if after == b"--" else "headers"

    def _start_part(self, head: str) -> None:
        disposition = re.search(r'name="([^"]*)"(?:; filename="([^"]*)")?', head)
        name = disposition.group(1) if disposition else ""
        if disposition and disposition.group(2) is not None:
            self.state, self.filename = "file", disposition.group(2)
        else:
            self.state, self._field_name, self._field_value = "field", name, bytearray()

    def _content(self, data: bytes) -> None:
        if self.state == "file":
            self.hasher.update(data)
            self.size += len(data)
        elif self.state == "field":
            self._field_value += data

    def answer(self) -> bytes:
        return _dumps(
            {
                "id": f"file-bench{self.size % 10**8:08d}",
                "object": "file",
                "bytes": self.size,
                "created_at": int(time.time()),
                "filename": self.filename,
                "purpose": self.fields.get("purpose", ""),
                "status": "processed",
                "status_details": None,
                "sha256": self.hasher.hexdigest(),
            }
        )


class Server:
    """Canned answers shared by all connections."""

    def __init__(self, stream_events: int) -> None:
        self.stream_events = stream_events
        self.streams: dict[int, bytes] = {stream_events: build_stream_body(stream_events)}
        self.embed_float, self.embed_b64 = build_embedding_bodies()
        self.counter = 0
        self._date_second = 0
        self._date_line = b""

    def head(self, status: bytes, content_type: bytes, length: Optional[int]) -> bytes:
        now = int(time.time())
        if now != self._date_second:
            self._date_second = now
            stamp = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(now))
            self._date_line = b"date: " + stamp.encode() + b"\r\n"
        self.counter += 1
        framing = (
            b"transfer-encoding: chunked\r\n"
            if length is None
            else b"content-length: %d\r\n" % length
        )
        return b"".join(
            (
                b"HTTP/1.1 " + status + b"\r\n",
                self._date_line,
                b"content-type: " + content_type + b"\r\n",
                framing,
                b"connection: keep-alive\r\n",
                RATE_HEADERS,
                b"x-request-id: req_%032x\r\n\r\n" % self.counter,
            )
        )

    def stream(self, events: int) -> bytes:
        body = self.streams.get(events)
        if body is None:
            if len(self.streams) > 8:
                self.streams.clear()
            body = self.streams[events] = build_stream_body(events)
        return body


class Connection(asyncio.Protocol):
    def __init__(self, server: Server) -> None:
        self.server = server
        self.buf = bytearray()
        self.transport: Optional[asyncio.Transport] = None
        self._reset()

    def _reset(self) -> None:
        self.method = b""
        self.path = b""
        self.headers: dict[bytes, bytes] = {}
        self.body: Optional[BodyReader] = None
        self.collected = bytearray()
        self.upload: Optional[MultipartSink] = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buf += data
        while self.transport is not None:
            if self.body is None:
                end = self.buf.find(b"\r\n\r\n")
                if end < 0:
                    if len(self.buf) > MAX_HEAD:
                        self._reply(b"431 Request Header Fields Too Large", b"text/plain", b"")
                        self.transport.close()
                    return
                self._start(bytes(self.buf[:end]))
                del self.buf[: end + 4]
            assert self.body is not None
            self.body.feed(self.buf)
            if not self.body.done:
                return
            self._respond()
            self._reset()
            if not self.buf:
                return

    def _start(self, head: bytes) -> None:
        lines = head.split(b"\r\n")
        self.method, self.path, _ = lines[0].split(b" ", 2)
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            self.headers[name.strip().lower()] = value.strip()
        sink: Callable[[bytes], None] = self.collected.extend
        ctype = self.headers.get(b"content-type", b"")
        if self.path.startswith(b"/v1/files") and ctype.startswith(b"multipart/form-data"):
            boundary = ctype.split(b"boundary=", 1)[1].split(b";", 1)[0].strip(b'"')
            self.upload = MultipartSink(boundary)
            sink = self.upload.write
        length = self.headers.get(b"content-length")
        chunked = b"chunked" in self.headers.get(b"transfer-encoding", b"").lower()
        self.body = BodyReader(None if chunked else int(length or 0), sink)
        if self.headers.get(b"expect", b"").lower() == b"100-continue" and self.transport:
            self.transport.write(b"HTTP/1.1 100 Continue\r\n\r\n")

    def _respond(self) -> None:
        method, path = self.method, self.path.split(b"?", 1)[0]
        if method == b"POST" and path == b"/v1/chat/completions":
            body = bytes(self.collected)
            if b'"stream"' in body and json.loads(body).get("stream") is True:
                events = int(self.headers.get(b"x-bench-events", self.server.stream_events))
                self._reply(
                    b"200 OK",
                    b"text/event-stream; charset=utf-8",
                    self.server.stream(events),
                    chunked=True,
                )
            else:
                self._reply(b"200 OK", b"application/json", CHAT_BODY)
        elif method == b"POST" and path == b"/v1/embeddings":
            b64 = json.loads(bytes(self.collected)).get("encoding_format") == "base64"
            self._reply(
                b"200 OK",
                b"application/json",
                self.server.embed_b64 if b64 else self.server.embed_float,
            )
        elif method == b"POST" and path == b"/v1/files" and self.upload is not None:
            self._reply(b"200 OK", b"application/json", self.upload.answer())
        elif method == b"GET" and path == b"/v1/models":
            self._reply(b"200 OK", b"application/json", MODELS_BODY)
        else:
            error = {
                "error": {
                    "message": "Unknown route",
                    "type": "invalid_request_error",
                    "param": None,
                    "code": None,
                }
            }
            self._reply(b"404 Not Found", b"application/json", _dumps(error))

    def _reply(self, status: bytes, ctype: bytes, body: bytes, chunked: bool = False) -> None:
        assert self.transport is not None
        self.transport.write(self.server.head(status, ctype, None if chunked else len(body)))
        self.transport.write(body)
        if self.headers.get(b"connection", b"").lower() == b"close":
            self.transport.close()

    def connection_lost(self, exc: Optional[Exception]) -> None:
        self.transport = None


async def serve(host: str, port: int, stream_events: int) -> None:
    server = Server(stream_events)
    loop = asyncio.get_running_loop()
    listener = await loop.create_server(lambda: Connection(server), host, port, backlog=1024)
    bound = listener.sockets[0].getsockname()[1]
    print(f"PORT {bound}", flush=True)
    async with listener:
        await listener.serve_forever()


def main(argv: Optional[list[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--host", default="127.0.0.1", choices=LOOPBACK)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--stream-events", type=int, default=20_000)
    args = parser.parse_args(argv)
    try:
        asyncio.run(serve(args.host, args.port, args.stream_events))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
