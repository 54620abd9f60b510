"""The default sync transport: the standard library's ``http.client`` with a small keep-alive pool.

Chosen by measurement: per small request it costs about half the CPU of urllib3 (see
docs/performance.md), and it brings no dependency. Connections are kept per host, last in
first out, checked for a server-side close before reuse, and shared safely between threads.
Proxies (``CONNECT`` tunnels for https), TLS verification and CA bundles are supported.
Bodies in ``gzip`` or ``deflate`` are decoded, streams chunk by chunk, whether asked for or not.

Two savings over a plain ``HTTPConnection``, with the same bytes on the wire: the header lines
of a set of headers are encoded and validated once, then reused (``send_request``), and a small
body leaves in the same ``send`` as its headers (one segment and one system call, not two).
"""

from __future__ import annotations

import _thread
import http.client
import os
import select
import ssl
from base64 import b64encode
from urllib.parse import unquote, urlsplit

from .._errors import APIConnectionError, APITimeoutError
from .base import ContentDecoder, Response, body_chunks, decoded_body, proxy_for, tls_context

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Iterator, List, Mapping, Optional, Tuple

    from .._config import Timeout
    from .._request import Request

    Origin = Tuple[str, str, int]
    HeaderBlock = Tuple[bytes, bytes, bool]
    """The encoded lines before ``Content-Length`` (Host, Accept-Encoding), the request's own
    header lines after it, and whether http.client would add ``Content-Length`` itself."""

DEFAULT_POOL_SIZE = 20
ONE_SEND = 64 * 1024  # a body up to this size is copied after its headers and sent with them
_MAX_BLOCKS = 64  # sets of header lines kept per transport (all dropped when full)
_STALE = (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)


class _Connection(http.client.HTTPConnection):
    """``http.client``'s connection; what it sends, byte for byte, for less CPU per request."""

    _poller: Any = None
    _polled_fd = -1

    def dropped(self) -> bool:
        """Whether the server closed this idle connection (it reads as ready, with EOF).

        One zero-timeout ``poll`` of the socket, with a poll object kept for it: half the CPU
        of a ``select`` that builds its lists each time.
        """
        sock = self.sock
        if sock is None:
            return True
        try:
            fd = sock.fileno()
            if fd < 0:
                return True
            if fd != self._polled_fd:
                if not hasattr(select, "poll"):  # pragma: no cover - Windows
                    return bool(select.select([sock], [], [], 0)[0])
                self._poller = select.poll()
                self._poller.register(fd, select.POLLIN)
                self._polled_fd = fd
            return bool(self._poller.poll(0))
        except (OSError, ValueError):
            return True

    def send_request(
        self,
        method: str,
        target: str,
        body: Optional[bytes],
        headers: Mapping[str, Any],
        blocks: Dict[Any, HeaderBlock],
        origin: Origin,
    ) -> None:
        """``request(method, target, body, headers)``, with the header lines of these headers on
        this origin taken from ``blocks`` when seen before (http.client validated them then)."""
        try:
            key = (origin, tuple(headers.items()))
            block = blocks.get(key)
        except TypeError:  # an unhashable header value: http.client says what is wrong with it
            self.request(method, target, body, headers)
            return
        if block is None:
            block = self._header_block(method, target, headers)
            if len(blocks) >= _MAX_BLOCKS:
                blocks.clear()
            blocks[key] = block
        else:
            self.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
        head, tail, auto_length = block
        buffer = self._buffer  # type: ignore[attr-defined]
        if head:
            buffer.append(head)
        if auto_length:  # as http.client's _send_request: the length of bytes, 0 for an empty POST
            if body is not None:
                buffer.append(b"Content-Length: %d" % len(body))
            elif method.upper() in _METHODS_EXPECTING_BODY:
                buffer.append(b"Content-Length: 0")
        if tail:
            buffer.append(tail)
        self.endheaders(body)

    def _header_block(self, method: str, target: str, headers: Mapping[str, Any]) -> HeaderBlock:
        """Start the request as ``request()`` does and keep the header lines it encodes."""
        names = {name.lower() for name in headers}
        self.putrequest(
            method,
            target,
            skip_host="host" in names,
            skip_accept_encoding="accept-encoding" in names,
        )
        buffer = self._buffer  # type: ignore[attr-defined]
        head = b"\r\n".join(buffer[1:])
        del buffer[1:]
        for name, value in headers.items():
            self.putheader(name, value)
        tail = b"\r\n".join(buffer[1:])
        del buffer[1:]
        return head, tail, "content-length" not in names and "transfer-encoding" not in names

    def _send_output(self, message_body: Any = None, encode_chunked: bool = False) -> None:
        """Headers and a small bytes body in one ``send``."""
        if message_body.__class__ is bytes and len(message_body) <= ONE_SEND and not encode_chunked:
            buffer = self._buffer  # type: ignore[attr-defined]
            buffer.extend((b"", message_body))
            message = b"\r\n".join(buffer)
            del buffer[:]
            self.send(message)
            return
        super()._send_output(message_body, encode_chunked)  # type: ignore[misc]


class _TLSConnection(_Connection, http.client.HTTPSConnection):
    """``_Connection`` over TLS."""


_METHODS_EXPECTING_BODY = frozenset({"PATCH", "POST", "PUT"})


class HTTPClientTransport:
    """Sends requests over pooled ``http.client`` connections.

    ``http_options``: ``proxy``, ``verify`` (default True), ``ca_bundle``, ``pool_size`` (idle
    connections kept per host, default 20), ``trust_env`` (read proxy and CA settings from the
    environment; default True).
    """

    def __init__(self, base_url: str = "", http_options: Optional[Mapping[str, Any]] = None):
        self._options = dict(http_options or {})
        self._max_idle = self._options.get("pool_size") or DEFAULT_POOL_SIZE
        self._idle: Dict[Origin, List[_Connection]] = {}
        self._lock = _thread.allocate_lock()
        self._blocks: Dict[Any, HeaderBlock] = {}
        self._ssl: Optional[ssl.SSLContext] = None
        proxy = proxy_for(base_url, self._options) if base_url else self._options.get("proxy")
        self.proxy = proxy
        self._proxy: Optional[Tuple[str, str, int, Dict[str, str]]] = None
        if proxy:
            parts = urlsplit(proxy if "://" in proxy else "http://" + proxy)
            auth: Dict[str, str] = {}
            if parts.username:
                secret = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
                auth["Proxy-Authorization"] = "Basic " + b64encode(secret.encode()).decode()
            default = 443 if parts.scheme == "https" else 80
            self._proxy = (parts.scheme, parts.hostname or "", parts.port or default, auth)
        self.pid = os.getpid()

    def _context(self) -> ssl.SSLContext:
        if self._ssl is None:
            self._ssl = tls_context(self._options)
        return self._ssl

    def _new_connection(self, origin: Origin, timeout: Optional[Timeout]) -> Any:
        scheme, host, port = origin
        connect = timeout.connect if timeout is not None else None
        if self._proxy is not None:
            proxy_scheme, proxy_host, proxy_port, auth = self._proxy
            if scheme == "https":
                conn: Any = _TLSConnection(
                    proxy_host, proxy_port, timeout=connect, context=self._context()
                )
                conn.set_tunnel(host, port, headers=auth)
            else:
                conn = _http_connection(proxy_scheme, proxy_host, proxy_port, connect, self)
            return conn
        return _http_connection(scheme, host, port, connect, self)

    def _checkout(self, origin: Origin) -> Optional[Any]:
        with self._lock:
            idle = self._idle.get(origin)
            conn = idle.pop() if idle else None
        if conn is not None and conn.dropped():
            conn.close()
            return None
        return conn

    def _checkin(self, origin: Origin, conn: Any) -> None:
        with self._lock:
            idle = self._idle.setdefault(origin, [])
            if len(idle) < self._max_idle:
                idle.append(conn)
                return
        conn.close()

    def handle_request(self, request: Request) -> Response:
        origin, target = _split(request.url)
        if self._proxy is not None and origin[0] == "http":
            target = request.url  # a plain-http proxy wants the absolute URL
        body: Any = request.body
        headers = request.headers
        if body is not None and not isinstance(body, bytes):
            headers = {**headers, "Content-Length": str(body.length)}
        conn = self._checkout(origin)
        reused = conn is not None
        while True:
            if conn is None:
                conn = self._new_connection(origin, request.timeout)
            try:
                if conn.sock is None:
                    conn.connect()
                read = request.timeout.read if request.timeout is not None else None
                if conn.sock.gettimeout() != read:  # each settimeout costs two fcntl calls
                    conn.sock.settimeout(read)
                if target[:1] == "/" and (body is None or body.__class__ is bytes):
                    conn.send_request(request.method, target, body, headers, self._blocks, origin)
                else:  # a streamed body, an absolute URL for a proxy: http.client's own way
                    conn.request(request.method, target, body, headers)
                raw = conn.getresponse()
                break
            except _STALE as exc:
                conn.close()
                if reused:  # the server closed the idle connection: once more on a new one
                    conn, reused = None, False
                    continue
                raise connection_error(exc, request) from exc
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                raise connection_error(exc, request) from exc
        reason = raw.reason or ""
        if not request.stream:
            try:
                content = raw.read()
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                raise connection_error(exc, request) from exc
            self._release(origin, conn, raw)
            content = decoded_body(content, raw.headers, request)
            return Response(raw.status, raw.headers, content, reason=reason)
        return Response(
            raw.status,
            raw.headers,
            None,
            _chunks(raw, request),
            lambda: self._release(origin, conn, raw),
            reason,
        )

    def _release(self, origin: Origin, conn: Any, raw: http.client.HTTPResponse) -> None:
        """Pool a connection whose answer was read to the end; close any other."""
        if raw.isclosed() and not raw.will_close and conn.sock is not None:
            self._checkin(origin, conn)
        else:
            raw.close()
            conn.close()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, {}
        for connections in idle.values():
            for conn in connections:
                conn.close()


def _http_connection(
    scheme: str, host: str, port: int, connect: Optional[float], transport: HTTPClientTransport
) -> Any:
    if scheme == "https":
        return _TLSConnection(host, port, timeout=connect, context=transport._context())
    return _Connection(host, port, timeout=connect)


_ORIGINS: Dict[str, Origin] = {}


def _split(url: str) -> Tuple[Origin, str]:
    """``(scheme, host, port)`` and the request target of an absolute URL (origins cached)."""
    scheme, _, rest = url.partition("://")
    netloc, slash, target = rest.partition("/")
    origin = _ORIGINS.get(netloc + scheme)
    if origin is None:
        parts = urlsplit(url)
        default = 443 if scheme == "https" else 80
        origin = (scheme, parts.hostname or "", parts.port or default)
        if len(_ORIGINS) < 256:
            _ORIGINS[netloc + scheme] = origin
    return origin, slash + target if slash else "/"


def _chunks(raw: http.client.HTTPResponse, request: Request) -> Iterator[bytes]:
    errors = (OSError, http.client.HTTPException)
    decoder = ContentDecoder.for_headers(raw.headers)  # type: ignore[arg-type]
    return body_chunks(raw.read1, request, errors, connection_error, lambda: raw.length, decoder)


def connection_error(exc: BaseException, request: Request) -> APIConnectionError:
    """Our connection error for a socket or HTTP failure, naming what was attempted."""
    where = f"{request.method} {request.url}"
    if isinstance(exc, TimeoutError):  # socket.timeout is TimeoutError since Python 3.10
        return APITimeoutError(f"Request timed out: {where}")
    if exc.__class__.__name__ == "timeout":  # pragma: no cover - socket.timeout on 3.9
        return APITimeoutError(f"Request timed out: {where}")
    if isinstance(exc, ssl.SSLError):
        return APIConnectionError(f"TLS error: {where}: {exc}")
    if isinstance(exc, ConnectionRefusedError):
        return APIConnectionError(f"Connection error: {where}: connection refused")
    return APIConnectionError(f"Connection error: {where}: {type(exc).__name__}: {exc}")
