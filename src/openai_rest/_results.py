"""Results: plain JSON data (dicts, lists), ``bytes`` or ``str``, with the HTTP metadata attached.

A JSON object comes back as a ``JSONObject``, a ``dict`` subclass with one hidden slot, so
``json.dumps(result)`` and ``result == {...}`` behave as for any dict, and
``response_of(result)`` reaches the status, headers, request id and rate limits at no cost to
those who never look.
"""

from __future__ import annotations

from ._errors import unexpected_body

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, Mapping, Optional, Tuple, Union


class ResponseInfo:
    """The HTTP side of one answer: status, headers, request id, rate limits, timing."""

    __slots__ = ("status_code", "headers", "method", "url", "elapsed", "retries", "reason")

    def __init__(
        self,
        status_code: int,
        headers: Mapping[str, str],
        method: str = "",
        url: str = "",
        elapsed: float = 0.0,
        retries: int = 0,
        reason: str = "",
    ) -> None:
        self.status_code = status_code
        self.headers = headers
        self.method = method
        self.url = url
        self.elapsed = elapsed
        self.retries = retries
        self.reason = reason

    @property
    def request_id(self) -> Optional[str]:
        """The server's ``x-request-id``: quote it when you ask OpenAI for help."""
        return self.headers.get("x-request-id")

    @property
    def processing_ms(self) -> Optional[int]:
        value = self.headers.get("openai-processing-ms")
        return int(value) if value and value.isdigit() else None

    @property
    def ratelimit(self) -> Dict[str, Union[int, float, None]]:
        """The ``x-ratelimit-*`` headers parsed: limits and remaining as ints, resets as seconds."""
        return parse_ratelimit(self.headers)

    def __repr__(self) -> str:
        return (
            f"ResponseInfo(status_code={self.status_code}, request_id={self.request_id!r}, "
            f"method={self.method!r}, url={self.url!r}, elapsed={self.elapsed:.3f})"
        )


_RATELIMIT_FIELDS = (
    "limit-requests",
    "limit-tokens",
    "remaining-requests",
    "remaining-tokens",
    "reset-requests",
    "reset-tokens",
)
_UNIT_SECONDS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}


def parse_duration(text: str) -> Optional[float]:
    """``6m0s`` -> 360.0, ``17ms`` -> 0.017, ``1.5s`` -> 1.5; ``None`` when unreadable."""
    import re

    text = text.strip()
    parts = re.findall(r"(\d+(?:\.\d+)?)(ms|h|m|s)", text)
    if not parts or "".join(n + u for n, u in parts) != text:
        try:
            return float(text)
        except ValueError:
            return None
    return sum(float(number) * _UNIT_SECONDS[unit] for number, unit in parts)


def parse_ratelimit(headers: Mapping[str, str]) -> Dict[str, Union[int, float, None]]:
    """``{"limit_requests": 500, ..., "reset_tokens": 0.017}`` from the rate-limit headers."""
    parsed: Dict[str, Union[int, float, None]] = {}
    for field in _RATELIMIT_FIELDS:
        raw = headers.get("x-ratelimit-" + field)
        if raw is None:
            continue
        name = field.replace("-", "_")
        if field.startswith("reset"):
            parsed[name] = parse_duration(raw)
        else:
            parsed[name] = int(raw) if raw.isdigit() else None
    return parsed


class JSONObject(dict):  # type: ignore[type-arg]
    """A decoded JSON object: a plain ``dict`` that also knows its HTTP response."""

    __slots__ = ("_response",)

    def __reduce__(self) -> Tuple[Any, ...]:
        return (dict, (dict(self),))


class JSONArray(list):  # type: ignore[type-arg]
    """A decoded top-level JSON array, with its HTTP response."""

    __slots__ = ("_response",)

    def __reduce__(self) -> Tuple[Any, ...]:
        return (list, (list(self),))


class BinaryResult(bytes):
    """Binary content (audio, file content) with its HTTP response."""

    _response: ResponseInfo

    def __reduce__(self) -> Tuple[Any, ...]:
        return (bytes, (bytes(self),))


class TextResult(str):
    """Plain-text content (e.g. ``srt`` transcriptions) with its HTTP response."""

    _response: ResponseInfo

    def __reduce__(self) -> Tuple[Any, ...]:
        return (str, (str(self),))


_WRAPPERS: Dict[type, type] = {
    dict: JSONObject,
    list: JSONArray,
    bytes: BinaryResult,
    str: TextResult,
}


def response_of(result: Any) -> ResponseInfo:
    """The HTTP metadata of any result or stream: status, headers, request id, rate limits."""
    info = getattr(result, "_response", None)
    if isinstance(info, ResponseInfo):
        return info
    raise TypeError(
        f"{type(result).__name__} did not come from an openai-rest call "
        "(copies made with dict(), json.loads or pickle drop the response)"
    )


def attach(value: Any, info: ResponseInfo) -> Any:
    """Wrap a decoded value so ``response_of`` finds ``info``; scalars are returned as they are."""
    wrapper = _WRAPPERS.get(value.__class__)
    if wrapper is None:
        return value
    wrapped = wrapper(value)
    wrapped._response = info
    return wrapped


def _first_decode(text: str) -> Any:
    """Build the decoder on first use (``json`` loads ``re``: not at import)."""
    global _json_decode
    import json

    decoder = json.JSONDecoder()
    whole, value_at_start = decoder.decode, decoder.raw_decode

    def decode(text: str) -> Any:
        """``JSONDecoder().decode``, without its two whitespace scans when there is none."""
        try:
            value, end = value_at_start(text)
        except ValueError:  # leading whitespace, or no JSON: the whole decoder tells which
            return whole(text)
        if end != len(text) and text[end:].strip(" \t\n\r"):
            return whole(text)  # raises: extra data after the value
        return value

    _json_decode = decode
    return _json_decode(text)


_json_decode: Callable[[str], Any] = _first_decode


def media_type(headers: Mapping[str, str]) -> str:
    """The content type without parameters, lower case (RFC 9110: case-insensitive)."""
    value = headers.get("content-type") or ""
    return value.partition(";")[0].strip().lower()


def decode_json(body: bytes, info: ResponseInfo) -> Any:
    """The decoded JSON body of a 2xx answer, or ``APIResponseValidationError`` naming the issue.

    JSON on the wire is UTF-8 (RFC 8259); invalid sequences are replaced, not fatal.
    """
    try:
        try:
            text = body.decode()  # the C codec; "utf-8-sig" is a Python one, a BOM is rare
        except UnicodeDecodeError:
            text = body.decode("utf-8", "replace")
        return _json_decode(text[1:] if text.startswith("\ufeff") else text)
    except ValueError:
        raise unexpected_body(info, body, "a JSON body") from None
