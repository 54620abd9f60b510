"""The default sync transport, on urllib3: one thread-safe connection pool per client."""

from __future__ import annotations

import os
from http.client import HTTPException
from typing import Any, Dict, Iterator, Mapping, Optional

import urllib3
from urllib3.exceptions import HTTPError, NewConnectionError, ProtocolError, ProxyError, SSLError
from urllib3.exceptions import TimeoutError as Urllib3Timeout

from .._config import Timeout
from .._errors import APIConnectionError, APITimeoutError
from .._request import Request
from .base import Response, body_chunks, ca_bundle, proxy_for

DEFAULT_POOL_SIZE = 20


class Urllib3Transport:
    """Sends requests through a ``urllib3.PoolManager`` (or ``ProxyManager``).

    ``http_options``: ``proxy``, ``verify`` (default True), ``ca_bundle``, ``pool_size``,
    ``trust_env`` (read proxy and CA settings from the environment; default True).
    """

    def __init__(self, base_url: str = "", http_options: Optional[Mapping[str, Any]] = None):
        options = dict(http_options or {})
        pool_kw: Dict[str, Any] = {
            "maxsize": options.get("pool_size") or DEFAULT_POOL_SIZE,
            "block": False,
            "retries": False,
        }
        if options.get("verify") is False:
            pool_kw["cert_reqs"] = "CERT_NONE"
            urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
        else:
            bundle = ca_bundle(options)
            if bundle:
                pool_kw["ca_certs"] = bundle
        proxy = proxy_for(base_url, options) if base_url else options.get("proxy")
        self.proxy = proxy
        self._pool: urllib3.PoolManager = (
            urllib3.ProxyManager(proxy, **pool_kw) if proxy else urllib3.PoolManager(**pool_kw)
        )
        self._timeouts: Dict[Optional[Timeout], urllib3.Timeout] = {}
        self.pid = os.getpid()

    def _timeout(self, timeout: Optional[Timeout]) -> urllib3.Timeout:
        cached = self._timeouts.get(timeout)
        if cached is None:
            if timeout is None:
                cached = urllib3.Timeout(connect=None, read=None)
            else:
                cached = urllib3.Timeout(connect=timeout.connect, read=timeout.read)
            self._timeouts[timeout] = cached
        return cached

    def handle_request(self, request: Request) -> Response:
        body: Any = request.body
        headers = request.headers
        if body is not None and not isinstance(body, bytes):
            headers = {**headers, "Content-Length": str(body.length)}
        stream = request.stream
        try:
            raw = self._pool.urlopen(
                request.method,
                request.url,
                body=body,
                headers=headers,
                timeout=self._timeout(request.timeout),
                preload_content=not stream,
                redirect=False,
                retries=False,
            )
        except (HTTPError, OSError) as exc:
            raise connection_error(exc, request) from exc
        if not stream:
            return Response(raw.status, raw.headers, raw.data, reason=raw.reason or "")
        return Response(raw.status, raw.headers, None, _chunks(raw, request), _closer(raw))

    def close(self) -> None:
        self._pool.clear()


def _closer(raw: Any) -> Any:
    """Give a fully read connection back to the pool; drop one left mid-body."""

    def close() -> None:
        fp = getattr(raw, "_fp", None)
        if fp is not None and not fp.isclosed():
            raw.close()  # unread data left: the connection cannot be reused
        raw.release_conn()

    return close


def _chunks(raw: Any, request: Request) -> Iterator[bytes]:
    fp = getattr(raw, "_fp", None)
    if fp is not None and hasattr(fp, "read1") and not raw.headers.get("content-encoding"):
        read1 = fp.read1  # an uncompressed body: http.client's read1, without urllib3's layers
    else:
        read1 = raw.read1
    errors = (HTTPError, HTTPException, OSError)
    return body_chunks(read1, request, errors, connection_error, lambda: getattr(fp, "length", 0))


def connection_error(exc: BaseException, request: Request) -> APIConnectionError:
    """Our connection error for a urllib3 (or socket) failure, naming what was attempted."""
    where = f"{request.method} {request.url}"
    if isinstance(exc, NewConnectionError) and "timed out" not in str(exc):
        return APIConnectionError(f"Connection error: {where}: cannot connect: {exc}")
    if isinstance(exc, (Urllib3Timeout, TimeoutError)):
        return APITimeoutError(f"Request timed out: {where} ({exc})")
    if isinstance(exc, SSLError):
        return APIConnectionError(f"TLS error: {where}: {exc}")
    if isinstance(exc, ProxyError):
        return APIConnectionError(f"Proxy error: {where}: {exc}")
    if isinstance(exc, (HTTPError, ProtocolError, OSError, HTTPException)):
        return APIConnectionError(f"Connection error: {where}: {exc}")
    return APIConnectionError(f"Connection error: {where}: {type(exc).__name__}: {exc}")
