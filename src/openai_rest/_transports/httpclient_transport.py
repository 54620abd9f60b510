"""The default sync transport: the standard library's ``http.client`` with a small keep-alive pool.

Chosen by measurement: per small request it costs about half the CPU of urllib3 (see
docs/performance.md), and it brings no dependency. Connections are kept per host, last in
first out, checked for a server-side close before reuse, and shared safely between threads.
Proxies (``CONNECT`` tunnels for https), TLS verification and CA bundles are supported.
Bodies in ``gzip`` or ``deflate`` are decoded, streams chunk by chunk, whether asked for or not.
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
from .base import ContentDecoder, Response, body_chunks, ca_bundle, decoded_body, proxy_for

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Iterator, List, Mapping, Optional, Tuple

    from .._config import Timeout
    from .._request import Request

    Origin = Tuple[str, str, int]

DEFAULT_POOL_SIZE = 20
_STALE = (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)


class HTTPClientTransport:
    """Sends requests over pooled ``http.client`` connections.

    ``http_options``: ``proxy``, ``verify`` (default True), ``ca_bundle``, ``pool_size`` (idle
    connections kept per host, default 20), ``trust_env`` (read proxy and CA settings from the
    environment; default True).
    """

    def __init__(self, base_url: str = "", http_options: Optional[Mapping[str, Any]] = None):
        self._options = dict(http_options or {})
        self._max_idle = self._options.get("pool_size") or DEFAULT_POOL_SIZE
        self._idle: Dict[Origin, List[http.client.HTTPConnection]] = {}
        self._lock = _thread.allocate_lock()
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
            if self._options.get("verify") is False:
                context = ssl._create_unverified_context()
            else:
                context = ssl.create_default_context(cafile=ca_bundle(self._options))
            self._ssl = context
        return self._ssl

    def _new_connection(self, origin: Origin, timeout: Optional[Timeout]) -> Any:
        scheme, host, port = origin
        connect = timeout.connect if timeout is not None else None
        if self._proxy is not None:
            proxy_scheme, proxy_host, proxy_port, auth = self._proxy
            if scheme == "https":
                conn: Any = http.client.HTTPSConnection(
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
        if conn is not None and _dropped(conn):
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
        return http.client.HTTPSConnection(
            host, port, timeout=connect, context=transport._context()
        )
    return http.client.HTTPConnection(host, port, timeout=connect)


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


def _dropped(conn: Any) -> bool:
    """Whether the server closed an idle connection (it reads as ready, with EOF)."""
    sock = conn.sock
    if sock is None:
        return True
    try:
        return bool(select.select([sock], [], [], 0)[0])
    except (OSError, ValueError):
        return True


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
