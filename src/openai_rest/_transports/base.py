"""The transport seam: one method that sends a ``Request`` and returns a ``Response``.

A transport knows HTTP, not OpenAI: no endpoint names, no error mapping, no retries. It raises
``APIConnectionError`` (or ``APITimeoutError``) when no answer came, and returns every answer,
whatever its status. Plug your own into ``Client(transport=...)`` / ``AsyncClient(transport=...)``.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    import ssl
    from typing import (
        Any,
        AsyncIterator,
        Callable,
        Iterator,
        List,
        Mapping,
        Optional,
        Tuple,
        Type,
        Union,
    )

    from typing_extensions import Protocol

    from .._request import Request
else:
    Protocol = object


class Response:
    """An answer: status, case-insensitive headers, and the body, read or as a chunk stream.

    ``content`` holds the whole body when the request did not ask to stream; otherwise
    ``stream`` yields it in chunks (an async iterator on async transports) and ``close``
    gives the connection back.
    """

    __slots__ = ("status", "headers", "content", "stream", "close", "reason", "retries", "url")

    def __init__(
        self,
        status: int,
        headers: Mapping[str, str],
        content: Optional[bytes] = None,
        stream: Union[Iterator[bytes], AsyncIterator[bytes], None] = None,
        close: Optional[Callable[[], Any]] = None,
        reason: str = "",
    ) -> None:
        self.status = status
        self.headers = headers
        self.content = content
        self.stream = stream
        self.close: Callable[[], Any] = close or _nothing
        self.reason = reason
        self.retries = 0
        self.url = ""  # set by the send flow when a redirect led elsewhere

    def __repr__(self) -> str:
        return f"<Response {self.status}>"


def _nothing() -> None:
    return None


class Transport(Protocol):
    """What ``Client`` needs from a sync transport."""

    def handle_request(self, request: Request) -> Response: ...

    def close(self) -> None: ...


class AsyncTransport(Protocol):
    """What ``AsyncClient`` needs from an async transport."""

    async def handle_async_request(self, request: Request) -> Response: ...

    async def aclose(self) -> None: ...


READ_SIZE = 64 * 1024


def body_chunks(
    read1: Callable[[int], bytes],
    request: Request,
    errors: Tuple[Type[BaseException], ...],
    to_error: Callable[[BaseException, Request], BaseException],
    missing: Callable[[], Optional[int]],
    decoder: Optional[ContentDecoder] = None,
) -> Iterator[bytes]:
    """A body's chunks as they arrive; errors mapped, and a body short of its length raises.

    ``read1`` must not wait for a full buffer (``read1`` semantics); ``missing`` tells, at the
    end, how many bytes of a ``Content-Length`` never came (``read1`` does not check it).
    A ``decoder`` undoes the content coding chunk by chunk.
    """
    try:
        while True:
            chunk = read1(READ_SIZE)
            if not chunk:
                break
            if decoder is not None:
                chunk = decoder.feed(chunk)
                if not chunk:
                    continue
            yield chunk
    except errors as exc:
        raise to_error(exc, request) from exc
    except ValueError as exc:  # from the decoder
        raise undecodable(exc, request) from None
    short = missing()
    if short:
        from .._errors import APIConnectionError

        raise APIConnectionError(
            f"Connection closed {short} bytes before the end of the body: "
            f"{request.method} {request.url}"
        )


class ContentDecoder:
    """Undoes ``Content-Encoding: gzip`` / ``deflate`` (either framing) incrementally.

    Codings are undone last first (``gzip, deflate``); concatenated gzip members are read as
    one body. ``None`` from ``for_headers`` when there is nothing it can undo.
    """

    __slots__ = ("_codings", "_objects")

    def __init__(self, codings: List[str]) -> None:
        self._codings = codings
        self._objects: List[Any] = [None] * len(codings)

    @classmethod
    def for_headers(cls, headers: Mapping[str, str]) -> Optional[ContentDecoder]:
        value = headers.get("content-encoding")
        if not value:
            return None
        codings = [c.strip().lower() for c in value.split(",")]
        codings = [c for c in codings if c and c != "identity"]
        if not codings or any(c not in _CODINGS for c in codings):
            return None  # br, zstd, ...: handed over as they are; the reader names the coding
        return cls(codings[::-1])

    def feed(self, data: bytes) -> bytes:
        import zlib

        try:
            for index, coding in enumerate(self._codings):
                data = self._undo(index, coding, data)
        except zlib.error as exc:
            codings = "/".join(self._codings)
            raise ValueError(f"a {codings} body that does not decode: {exc}") from None
        return data

    def _undo(self, index: int, coding: str, data: bytes) -> bytes:
        import zlib

        obj = self._objects[index]
        if obj is None:
            if not data:
                return data
            if coding == "deflate":  # RFC 9110 says zlib framing; some servers send raw deflate
                zlib_header = (data[0] & 0x0F) == 8 and (
                    len(data) < 2 or (data[0] << 8 | data[1]) % 31 == 0
                )
                wbits = zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS
            else:
                wbits = 16 + zlib.MAX_WBITS
            obj = self._objects[index] = zlib.decompressobj(wbits)
        out: bytes = obj.decompress(data)
        while obj.eof and obj.unused_data and coding != "deflate":
            rest = obj.unused_data  # another gzip member follows
            obj = self._objects[index] = zlib.decompressobj(16 + zlib.MAX_WBITS)
            out += obj.decompress(rest)
        return out

    def decode(self, body: bytes) -> bytes:
        """A whole body."""
        return self.feed(body)

    def chunks(self, chunks: Iterator[bytes]) -> Iterator[bytes]:
        """A body's chunks, decoded as they come (empty results skipped)."""
        feed = self.feed
        for chunk in chunks:
            out = feed(chunk)
            if out:
                yield out


_CODINGS = frozenset({"gzip", "x-gzip", "deflate"})


def undecodable(exc: BaseException, request: Request) -> BaseException:
    """The connection error for a compressed body that does not decompress."""
    from .._errors import APIConnectionError

    return APIConnectionError(f"Connection error: {request.method} {request.url}: {exc}")


def decoded_body(content: bytes, headers: Mapping[str, str], request: Request) -> bytes:
    """A whole body with its content coding undone (gzip, deflate)."""
    decoder = ContentDecoder.for_headers(headers)
    if decoder is None:
        return content
    try:
        return decoder.decode(content)
    except ValueError as exc:
        raise undecodable(exc, request) from None


def proxy_for(url: str, options: Mapping[str, Any]) -> Optional[str]:
    """The proxy URL for ``url``: ``http_options['proxy']``, else the environment's.

    The environment (``HTTPS_PROXY``, ``HTTP_PROXY``, ``ALL_PROXY``, ``NO_PROXY``) is read as
    requests and httpx read it, unless ``http_options['trust_env']`` is False.
    """
    explicit = options.get("proxy")
    if explicit:
        return str(explicit)
    if options.get("trust_env") is False:
        return None
    if not _proxy_settings_possible():
        return None  # what getproxies() would find, without importing urllib.request
    import urllib.request
    from urllib.parse import urlsplit

    proxies = urllib.request.getproxies()
    if not proxies:
        return None
    parts = urlsplit(url)
    host = parts.hostname or ""
    bypass = urllib.request.proxy_bypass_environment  # type: ignore[attr-defined]
    if "no" in proxies and bypass(host, proxies):
        return None
    return proxies.get(parts.scheme) or proxies.get("all")


def _proxy_settings_possible() -> bool:
    """Whether ``urllib.request.getproxies()`` can find a proxy: on macOS and Windows it also reads
    the system's settings; elsewhere only a non-empty ``*_proxy`` variable (any case)."""
    import os
    import sys

    if sys.platform in ("darwin", "win32"):
        return True
    return any(value and name[-6:].lower() == "_proxy" for name, value in os.environ.items())


def ca_bundle(options: Mapping[str, Any]) -> Optional[str]:
    """The CA bundle file: ``http_options['ca_bundle']``, else ``SSL_CERT_FILE``."""
    import os

    bundle = options.get("ca_bundle")
    if bundle:
        return str(bundle)
    if options.get("trust_env") is False:
        return None
    return os.environ.get("SSL_CERT_FILE") or None


def tls_context(options: Mapping[str, Any]) -> ssl.SSLContext:
    """The ``ssl.SSLContext`` for ``verify`` and ``ca_bundle`` (every transport honours both)."""
    import ssl

    if options.get("verify") is False:
        return ssl._create_unverified_context()
    return ssl.create_default_context(cafile=ca_bundle(options))
