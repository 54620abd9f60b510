"""HTTP/1.1 on the wire, purely: a request head as bytes, and a response parser fed bytes.

No I/O here (h11 is the model): a transport writes ``request_head(...)`` and the body, feeds
what it reads to a ``ResponseParser`` and asks ``next_event()`` what it has: the head, a piece
of the body, the end, or ``NEED_DATA``. Bodies framed by ``Content-Length``, ``chunked`` or the
connection's close are read; a malformed or oversized answer raises ``ProtocolError``, and a
connection closed before its answer ended raises ``ConnectionClosed``. Sync and async
transports share it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

TYPE_CHECKING = False
if TYPE_CHECKING:  # no typing, no re at run time: the sync path's first request loads neither
    from typing import Dict, Mapping, Optional, Tuple, Union

    Origin = Tuple[str, str, int]
    _HeadersBase = Dict[str, str]
else:
    _HeadersBase = dict

MAX_HEAD_BYTES = 64 * 1024
"""The largest response head (status line and headers) accepted."""
MAX_CHUNK_LINE = 4096
"""The longest chunk-size line (with its extensions) or trailer accepted."""


class ProtocolError(Exception):
    """The peer sent something that is not HTTP/1.1 we can read; the connection is unusable."""


class ConnectionClosed(ProtocolError):
    """The peer closed the connection before the answer ended.

    ``before_response`` is True when not one byte of the answer had arrived: the request may
    have reached a connection the server had already dropped (a stale pooled connection).
    """

    def __init__(self, message: str, before_response: bool) -> None:
        super().__init__(message)
        self.before_response = before_response


class _Marker:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


NEED_DATA = _Marker("NEED_DATA")
"""``next_event()``: feed more bytes (or ``b""`` for the end of the connection) first."""
END = _Marker("END")
"""``next_event()``: the body is complete."""


class Headers(_HeadersBase):
    """Response headers: names stored lower case, looked up in any case; repeats joined by ", "."""

    __slots__ = ()

    def __getitem__(self, name: str) -> str:
        return dict.__getitem__(self, name.lower())

    def get(self, name: str, default: Optional[str] = None) -> Optional[str]:  # type: ignore[override]
        return dict.get(self, name.lower(), default)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and dict.__contains__(self, name.lower())


class ResponseHead:
    """A response's status line and headers."""

    __slots__ = ("status", "reason", "headers", "version")

    def __init__(self, status: int, reason: str, headers: Headers, version: str) -> None:
        self.status = status
        self.reason = reason
        self.headers = headers
        self.version = version

    def __repr__(self) -> str:
        return f"<ResponseHead {self.status} {self.reason}>"


if TYPE_CHECKING:
    Event = Union[ResponseHead, bytes, _Marker]

# --- the request --------------------------------------------------------------------------

_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
_TOKEN = frozenset("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_checked_names: Dict[str, bool] = {}
_ORIGINS: Dict[str, Tuple[Origin, str]] = {}


def split_url(url: str) -> Tuple[Origin, str, str]:
    """``(scheme, host, port)``, the ``Host`` header value and the request target of a URL."""
    scheme, _, rest = url.partition("://")
    netloc, slash, target = rest.partition("/")
    netloc, query_mark, query = netloc.partition("?")  # "http://host?x" has no slash
    if query_mark:
        target, slash = "?" + query, "/"
    cached = _ORIGINS.get(scheme + "://" + netloc)
    if cached is None:
        parts = urlsplit(scheme + "://" + netloc)
        default = 443 if scheme == "https" else 80
        host = netloc.rpartition("@")[2]  # no user info in the Host header
        cached = ((scheme, parts.hostname or "", parts.port or default), host)
        if len(_ORIGINS) < 256:
            _ORIGINS[scheme + "://" + netloc] = cached
    origin, host = cached
    return origin, host, (slash + target if slash else "/")


def request_head(
    method: str, target: str, host: str, headers: Mapping[str, str], body_length: Optional[int]
) -> bytes:
    """The bytes of a request line and headers; ``Host`` and ``Content-Length`` added.

    ``body_length`` is the body's size, ``None`` for no body (``Content-Length: 0`` is still
    sent for POST, PUT and PATCH). A header name that is not a token, or a name or value with
    a line break (header injection), raises ``ValueError`` naming the header, never its value.
    """
    lines = [f"{method} {target} HTTP/1.1"]
    if "Host" not in headers and "host" not in headers:
        lines.append("Host: " + host)
    lines += [f"{name}: {value}" for name, value in headers.items()]
    if body_length is not None:
        lines.append(f"Content-Length: {body_length}")
    elif method in _BODY_METHODS:
        lines.append("Content-Length: 0")
    text = "\r\n".join(lines)
    if text.count("\n") != len(lines) - 1 or text.count("\r") != len(lines) - 1:
        _refuse_line_breaks(method, target, headers)
    for name in headers:
        if name not in _checked_names:
            _check_name(name)
    text += "\r\n\r\n"
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return text.encode()  # as aiohttp does: UTF-8 where latin-1 cannot say it


def _refuse_line_breaks(method: str, target: str, headers: Mapping[str, str]) -> None:
    if "\r" in method + target or "\n" in method + target:
        raise ValueError("the request line contains a line break")
    for name, value in headers.items():
        if "\r" in name + value or "\n" in name + value:
            raise ValueError(f"header {name.strip()!r} contains a line break")
    raise ValueError("the host contains a line break")


def _check_name(name: str) -> None:
    if not name or not _TOKEN.issuperset(name):
        raise ValueError(f"{name!r} is not a valid header name")
    if len(_checked_names) < 1024:
        _checked_names[name] = True


# --- the response -------------------------------------------------------------------------

_HEAD_END = b"\r\n\r\n"
_NO_BODY_STATUSES = frozenset({204, 304})

_HEAD, _LENGTH, _CHUNK_SIZE, _CHUNK_DATA, _CHUNK_END, _TRAILERS, _UNTIL_CLOSE, _DONE = range(8)


class ResponseParser:
    """Reads the answers on one connection, one after another, from the bytes fed to it.

    ``start(method)`` before each answer (a HEAD answer has no body), ``feed(data)`` with what
    arrived (``b""`` when the peer closed), then ``next_event()`` until ``END``:
    a ``ResponseHead`` first (interim 1xx answers are skipped), then body ``bytes``.
    ``keep_alive`` says, after ``END``, whether the connection may carry another request.
    """

    __slots__ = (
        "_buffer",
        "_state",
        "_remaining",
        "_method",
        "_eof",
        "_reset",
        "_received",
        "keep_alive",
        "head",
        "max_head",
    )

    def __init__(self, max_head: int = MAX_HEAD_BYTES) -> None:
        self.max_head = max_head
        self._buffer = b""
        self._state = _DONE
        self._remaining = 0
        self._method = "GET"
        self._eof = False
        self._reset = False
        self._received = False
        self.keep_alive = False
        self.head: Optional[ResponseHead] = None

    def start(self, method: str) -> None:
        """Expect the answer to a request sent with ``method``."""
        self._method = method
        self._state = _HEAD
        self._received = bool(self._buffer)
        self.keep_alive = False
        self.head = None

    @property
    def idle_clean(self) -> bool:
        """Whether nothing arrived since the last answer ended and the peer has not closed."""
        return not self._buffer and not self._eof and self._state == _DONE

    def feed(self, data: bytes) -> None:
        """Bytes read from the connection; ``b""`` means the peer closed it."""
        if not data:
            self._eof = True
            return
        self._received = True
        self._buffer = self._buffer + data if self._buffer else data

    def reset(self) -> None:
        """The connection failed (a reset, a TLS error) rather than closed cleanly."""
        self._eof = self._reset = True

    @property
    def received(self) -> bool:
        """Whether any byte of the current answer has arrived."""
        return self._received

    def next_event(self) -> Event:
        """The next thing the bytes fed so far hold, or ``NEED_DATA``."""
        state = self._state
        if state == _LENGTH:
            return self._length_body()
        if state == _HEAD:
            return self._head()
        if state == _UNTIL_CLOSE:
            data = self._buffer
            if data:
                self._buffer = b""
                return data
            if self._reset:
                raise self._closed("before the end of the body (reset)")
            if self._eof:
                self._state = _DONE
                return END
            return NEED_DATA
        if state == _DONE:
            return END
        return self._chunked()

    def _head(self) -> Event:
        while True:
            buffer = self._buffer
            if buffer[:2] == b"\r\n":  # a stray empty line before the status line is allowed
                buffer = self._buffer = buffer.lstrip(b"\r\n")
            end = buffer.find(_HEAD_END)
            if end < 0:
                if len(buffer) > self.max_head:
                    raise ProtocolError(f"response head larger than {self.max_head} bytes")
                if self._eof:
                    raise self._closed("before the end of the response head")
                return NEED_DATA
            if end > self.max_head:
                raise ProtocolError(f"response head larger than {self.max_head} bytes")
            head = buffer[:end].decode("latin-1")
            self._buffer = buffer[end + 4 :]
            status_line, _, fields = head.partition("\r\n")
            version, status, reason = _status(status_line)
            if 100 <= status < 200:
                if status == 101:
                    raise ProtocolError("101 Switching Protocols, which was not asked for")
                continue  # 100 Continue, 103 Early Hints: the real answer follows
            headers = _parse_fields(fields) if fields else Headers()
            self.head = ResponseHead(status, reason or "", headers, version)
            self._frame(status, headers, version)
            return self.head

    def _frame(self, status: int, headers: Headers, version: str) -> None:
        """How the body is delimited (RFC 9112 section 6.3), and whether the connection stays."""
        get = dict.get  # the names are lower case already
        connection = get(headers, "connection")
        keep = version == "1.1"
        if connection is not None:
            tokens = connection.lower()
            if "close" in tokens:
                keep = False
            elif "keep-alive" in tokens:
                keep = True
        self.keep_alive = keep
        if self._method == "HEAD" or status in _NO_BODY_STATUSES:
            self._state = _DONE
            return
        if self._method == "CONNECT" and 200 <= status < 300:  # the tunnel is open
            self._state = _DONE
            return
        coding = get(headers, "transfer-encoding")
        if coding is not None:
            if dict.__contains__(headers, "content-length"):
                self.keep_alive = False  # both framings: read by the coding, then hang up
            if coding.lower().rsplit(",", 1)[-1].strip() == "chunked":
                self._state = _CHUNK_SIZE
            else:  # a coding without chunked: the body ends when the connection does
                self._state, self.keep_alive = _UNTIL_CLOSE, False
            return
        length = get(headers, "content-length")
        if length is None:
            self._state, self.keep_alive = _UNTIL_CLOSE, False
            return
        if not (length.isascii() and length.isdigit()):
            values = {v.strip() for v in length.split(",")}  # "5, 5" is 5; "5, 6" is an error
            value = values.pop() if len(values) == 1 else ""
            if not (value.isascii() and value.isdigit()):
                raise ProtocolError(f"invalid Content-Length: {length[:40]!r}")
            length = value
        self._remaining = int(length)
        self._state = _LENGTH if self._remaining else _DONE

    def _length_body(self) -> Event:
        buffer = self._buffer
        if not buffer:
            if self._eof:
                raise self._closed(f"{self._remaining} bytes before the end of the body")
            return NEED_DATA
        remaining = self._remaining
        if len(buffer) <= remaining:
            self._buffer = b""
            self._remaining = remaining = remaining - len(buffer)
            if not remaining:
                self._state = _DONE
            return buffer
        self._buffer = buffer[remaining:]
        self._remaining = 0
        self._state = _DONE
        self.keep_alive = False  # more than the length said: nothing on it can be trusted
        return buffer[:remaining]

    def _chunked(self) -> Event:
        while True:
            state = self._state
            buffer = self._buffer
            if state == _CHUNK_DATA:
                if not buffer:
                    break
                remaining = self._remaining
                if len(buffer) <= remaining:
                    self._buffer = b""
                    data = buffer
                else:
                    self._buffer = buffer[remaining:]
                    data = buffer[:remaining]
                self._remaining = remaining - len(data)
                if not self._remaining:
                    self._state = _CHUNK_END
                return data
            line_end = buffer.find(b"\r\n")
            if line_end < 0:
                if len(buffer) > MAX_CHUNK_LINE:
                    raise ProtocolError(f"chunk framing line longer than {MAX_CHUNK_LINE} bytes")
                break
            line = buffer[:line_end]
            self._buffer = buffer[line_end + 2 :]
            if state == _CHUNK_SIZE:
                size = line.split(b";", 1)[0].strip(b" \t")
                try:
                    if not size.isalnum():  # no sign, no "_" (which int() would take)
                        raise ValueError
                    self._remaining = int(size, 16)
                except ValueError:
                    raise ProtocolError(f"invalid chunk size: {line[:40]!r}") from None
                self._state = _CHUNK_DATA if self._remaining else _TRAILERS
            elif state == _CHUNK_END:
                if line:
                    raise ProtocolError("chunk data longer than its size")
                self._state = _CHUNK_SIZE
            elif not line:  # the empty line after the trailers
                self._state = _DONE
                return END
        if self._eof:
            raise self._closed("before the end of the chunked body")
        return NEED_DATA

    def _closed(self, where: str) -> ConnectionClosed:
        before = not self._received
        what = "before any answer" if before else where
        return ConnectionClosed(f"the server closed the connection {what}", before)


def _status(line: str) -> Tuple[str, int, str]:
    """``(version, status, reason)`` of a status line."""
    code = line[9:12]
    fast = line[:5] == "HTTP/" and line[5:8] in ("1.1", "1.0") and line[8:9] == " "
    if fast and code.isascii() and code.isdigit() and line[12:13] in ("", " "):
        return line[5:8], int(code), line[13:]
    import re

    match = re.fullmatch(r"HTTP/(1\.[01]) ([0-9]{3})(?: (.*))?", line)
    if match is None:
        raise ProtocolError(f"not an HTTP/1.x status line: {line[:80]!r}")
    version, code, reason = match.groups()
    return version, int(code), reason or ""


_names: Dict[str, str] = {}
"""Header names as received -> lower case, for names already checked to be tokens."""


def _parse_fields(fields: str) -> Headers:
    headers = Headers()
    if "\r\n " in fields or "\r\n\t" in fields:  # obsolete line folding: one value
        import re

        fields = re.sub(r"\r\n[ \t]+", " ", fields)
    names = _names
    add = headers.setdefault
    for line in fields.split("\r\n"):
        name, colon, value = line.partition(":")
        lowered = names.get(name)
        if lowered is None:
            if not colon or not name or not _TOKEN.issuperset(name):
                raise ProtocolError(f"malformed header line: {line[:80]!r}")
            lowered = name.lower()
            if len(names) < 1024:
                names[name] = lowered
        value = value.strip(" \t")
        if add(lowered, value) is not value:  # a repeated field: one value, comma-separated
            dict.__setitem__(headers, lowered, dict.__getitem__(headers, lowered) + ", " + value)
    return headers
