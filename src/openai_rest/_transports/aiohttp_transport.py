"""The default async transport, on aiohttp: one session and connection pool per event loop."""

from __future__ import annotations

import asyncio
from typing import Any, AsyncIterator, Dict, Mapping, Optional

import aiohttp

from .._config import Timeout
from .._errors import APIConnectionError, APITimeoutError
from .._request import Request
from .base import ContentDecoder, Response, decoded_body, proxy_for, tls_context, undecodable

DEFAULT_POOL_SIZE = 100


class AiohttpTransport:
    """Sends requests through an ``aiohttp.ClientSession`` created on first use in the running loop.

    ``http_options`` as for the sync transport; ``pool_size`` caps open connections (100).
    """

    def __init__(self, base_url: str = "", http_options: Optional[Mapping[str, Any]] = None):
        self._options = dict(http_options or {})
        self.proxy = proxy_for(base_url, self._options) if base_url else self._options.get("proxy")
        self._session: Optional[aiohttp.ClientSession] = None
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._timeouts: Dict[Optional[Timeout], aiohttp.ClientTimeout] = {}

    def _ssl(self) -> Any:
        return tls_context(self._options)  # the one rule for verify and ca_bundle

    def _session_for_loop(self) -> aiohttp.ClientSession:
        loop = asyncio.get_running_loop()
        if self._session is None or self._loop is not loop or self._session.closed:
            connector = aiohttp.TCPConnector(
                limit=self._options.get("pool_size") or DEFAULT_POOL_SIZE,
                limit_per_host=0,
                ssl=self._ssl(),
            )
            self._session = aiohttp.ClientSession(
                connector=connector,
                skip_auto_headers=("User-Agent",),
                auto_decompress=False,  # ours: the same rules in every transport
                trust_env=False,
            )
            self._loop = loop
        return self._session

    def _timeout(self, timeout: Optional[Timeout]) -> aiohttp.ClientTimeout:
        cached = self._timeouts.get(timeout)
        if cached is None:
            if timeout is None:
                cached = aiohttp.ClientTimeout(total=None)
            else:
                cached = aiohttp.ClientTimeout(
                    total=None,
                    connect=timeout.pool,
                    sock_connect=timeout.connect,
                    sock_read=timeout.read,
                )
            self._timeouts[timeout] = cached
        return cached

    async def handle_async_request(self, request: Request) -> Response:
        session = self._session_for_loop()
        body: Any = request.body
        headers = request.headers
        if body is not None and not isinstance(body, bytes):
            headers = {**headers, "Content-Length": str(body.length)}
            body = _aiter(body)
        try:
            raw = await session.request(
                request.method,
                request.url,
                data=body,
                headers=headers,
                timeout=self._timeout(request.timeout),
                proxy=self.proxy,
                allow_redirects=False,
            )
            if not request.stream:
                try:
                    content = await raw.read()
                finally:
                    raw.release()
                content = decoded_body(content, raw.headers, request)
                return Response(raw.status, raw.headers, content, reason=raw.reason or "")
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as exc:
            raise connection_error(exc, request) from exc
        return Response(
            raw.status, raw.headers, None, _chunks(raw, request), raw.release, raw.reason or ""
        )

    async def aclose(self) -> None:
        if self._session is not None and not self._session.closed:
            try:
                await self._session.close()
            except RuntimeError:  # the session's loop is gone; nothing left to close
                pass
        self._session = None


async def _aiter(body: Any) -> AsyncIterator[bytes]:
    for chunk in body:
        yield chunk


async def _chunks(raw: aiohttp.ClientResponse, request: Request) -> AsyncIterator[bytes]:
    read = raw.content.readany
    decoder = ContentDecoder.for_headers(raw.headers)
    try:
        while True:
            chunk = await read()
            if not chunk:
                return
            if decoder is not None:
                chunk = decoder.feed(chunk)
                if not chunk:
                    continue
            yield chunk
    except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as exc:
        raise connection_error(exc, request) from exc
    except ValueError as exc:  # from the decoder
        raise undecodable(exc, request) from None


def connection_error(exc: BaseException, request: Request) -> APIConnectionError:
    """Our connection error for an aiohttp failure, naming what was attempted."""
    where = f"{request.method} {request.url}"
    if isinstance(exc, asyncio.TimeoutError):
        return APITimeoutError(f"Request timed out: {where}")
    said = str(exc)
    if "@" in said:  # aiohttp names the proxy URL, credentials included: not ours to show
        import re

        said = re.sub(r"://[^/@\s]*@", "://***@", said)
    return APIConnectionError(f"Connection error: {where}: {type(exc).__name__}: {said}")
