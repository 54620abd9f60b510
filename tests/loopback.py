"""A scriptable HTTP/1.1 server on 127.0.0.1 for the core's tests, before and beside the emulator.

Each test hands it a handler ``(request) -> Reply | None``; it records every request it got.
Real sockets, real HTTP: no mocks of the library's internals.
"""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Dict, Iterable, List, Optional, Tuple, Union


class Received:
    """What the server got: method, path, headers (lower-case keys), body or its digest."""

    def __init__(
        self,
        method: str,
        path: str,
        headers: Dict[str, str],
        body: bytes,
        size: int,
        sha256: str,
        file_sha256: str = "",
    ) -> None:
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
        self.size = size
        self.sha256 = sha256
        self.file_sha256 = file_sha256  # of the (last) multipart file part, hashed as it came
        self.peer: tuple = ()  # the client's (host, port): the same port means the same connection
        self.aborted = threading.Event()  # set when the client closed a streamed answer early


class Reply:
    """An answer: status, headers, and a body as bytes or as chunks sent one by one."""

    def __init__(
        self,
        status: int = 200,
        body: Union[bytes, Iterable[bytes], str] = b"",
        headers: Optional[Dict[str, str]] = None,
        json: object = None,
        reset: bool = False,
        chunk_delay: float = 0.0,
    ) -> None:
        import json as _json

        self.status = status
        self.headers = dict(headers or {})
        if json is not None:
            body = _json.dumps(json).encode()
            self.headers.setdefault("Content-Type", "application/json")
        self.body = body.encode() if isinstance(body, str) else body
        self.reset = reset
        self.chunk_delay = chunk_delay


class _FilePartDigest:
    """Hashes the content of the last file part of a multipart body as it streams in."""

    def __init__(self, content_type: str) -> None:
        boundary = content_type.partition("boundary=")[2]
        self.active = bool(boundary)
        self.tail = len(f"\r\n--{boundary}--\r\n")
        self.pending = b""
        self.in_file = False
        self.digest = hashlib.sha256()

    def feed(self, chunk: bytes) -> None:
        if not self.active:
            return
        data = self.pending + chunk
        if not self.in_file:
            name = data.rfind(b'filename="')
            end = data.find(b"\r\n\r\n", name) if name >= 0 else -1
            if end < 0:
                self.pending = data
                return
            data, self.in_file = data[end + 4 :], True
        cut = max(len(data) - self.tail, 0)
        self.digest.update(data[:cut])
        self.pending = data[cut:]

    def hexdigest(self) -> str:
        return self.digest.hexdigest() if self.in_file else ""


Handler = Callable[[Received], Optional[Reply]]


class LoopbackServer:
    """Start with ``with LoopbackServer(handler) as server:``; ``server.base_url`` ends in /v1."""

    def __init__(self, handler: Handler, keep_body_up_to: int = 16 * 1024 * 1024) -> None:
        self.handler = handler
        self.received: List[Received] = []
        self.keep_body_up_to = keep_body_up_to
        outer = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                digest = hashlib.sha256()
                part = _FilePartDigest(self.headers.get("Content-Type") or "")
                kept = []
                remaining = length
                while remaining:
                    chunk = self.rfile.read(min(remaining, 1 << 20))
                    if not chunk:
                        break
                    digest.update(chunk)
                    part.feed(chunk)
                    if length <= outer.keep_body_up_to:
                        kept.append(chunk)
                    remaining -= len(chunk)
                got = Received(
                    self.command,
                    self.path,
                    {k.lower(): v for k, v in self.headers.items()},
                    b"".join(kept),
                    length - remaining,
                    digest.hexdigest(),
                    part.hexdigest(),
                )
                got.peer = tuple(self.client_address)
                outer.received.append(got)
                reply = outer.handler(got) or Reply(json={"ok": True})
                if reply.reset:
                    self.connection.setsockopt(
                        socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
                    )
                    self.close_connection = True
                    self.connection.close()
                    return
                self.send_response(reply.status)
                headers = {"x-request-id": f"req_{len(outer.received)}", **reply.headers}
                if isinstance(reply.body, bytes):
                    headers["Content-Length"] = str(len(reply.body))
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(reply.body)
                    return
                headers["Connection"] = "close"
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.close_connection = True
                try:
                    for chunk in reply.body:
                        self.wfile.write(chunk)
                        self.wfile.flush()
                        if reply.chunk_delay:
                            time.sleep(reply.chunk_delay)
                except (BrokenPipeError, ConnectionResetError):
                    got.aborted.set()  # the client hung up before the end: it closed early

            do_GET = do_POST = do_DELETE = do_PUT = do_PATCH = _handle

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}/v1"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> LoopbackServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def raw_listener(handle: Callable[[socket.socket], None]) -> socket.socket:
    """A TCP listener on 127.0.0.1 that runs ``handle(connection)`` in a thread per connection
    it accepts (for servers that speak raw bytes); closing it stops the accepting."""
    listener = socket.create_server(("127.0.0.1", 0))

    def accept() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    return listener


def read_request(conn: socket.socket, buffer: bytes = b"") -> Optional[Tuple[bytes, bytes, bytes]]:
    """One HTTP/1.1 request off a raw connection, framed by its Content-Length: (head, body,
    the bytes after it), or None when the client hung up first. ``buffer``: bytes already read."""
    while b"\r\n\r\n" not in buffer:
        data = conn.recv(65536)
        if not data:
            return None
        buffer += data
    head, _, buffer = buffer.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(buffer) < length:
        data = conn.recv(65536)
        if not data:
            return None
        buffer += data
    return head, buffer[:length], buffer[length:]
