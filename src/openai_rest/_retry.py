"""The retry policy, purely: when to retry, how long to wait, and the send flow.

``send_flow`` is a generator, as httpx's ``Auth.auth_flow``: it yields a ``Request`` to send or
a ``float`` delay to sleep, and receives the transport's ``Response`` or the connection error.
It returns the final response, or raises the final error. A five-line sync loop and a five-line
async loop drive it; no I/O happens here.
"""

from __future__ import annotations

import time

from ._errors import APIConnectionError, error_fields
from ._transports.base import Response

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Generator, Mapping, Optional, Union

    from ._request import Request

    Outcome = Union[Response, BaseException, None]
    Step = Union[Request, float]

RETRY_STATUSES = frozenset({408, 409, 429})
INITIAL_DELAY = 0.5
MAX_DELAY = 8.0
MAX_SERVER_DELAY = 60.0


def error_code(body: Optional[bytes]) -> Optional[str]:
    """The ``error.code`` of a JSON error body, if any."""
    if not body or body[:1] not in (b"{", b" ", b"\n"):
        return None
    import json

    try:
        code = error_fields(json.loads(body)).get("code")
    except ValueError:
        return None
    return str(code) if code is not None else None


def should_retry(status: int, headers: Mapping[str, str], body: Optional[bytes] = None) -> bool:
    """Whether an error answer is worth another try.

    The server's ``x-should-retry`` wins; a 429 for ``insufficient_quota`` (a billing state) is
    never retried; otherwise 408, 409, 429 and every 5xx are.
    """
    verdict = headers.get("x-should-retry")
    if verdict == "true":
        return True
    if verdict == "false":
        return False
    if status == 429 and error_code(body) == "insufficient_quota":
        return False
    return status in RETRY_STATUSES or status >= 500


def server_delay(headers: Mapping[str, str], now: Optional[float] = None) -> Optional[float]:
    """The wait the server asks for (``retry-after-ms``, then ``retry-after``), up to 60 s.

    Public as ``openai_rest.retry_after(headers)``; ``None`` when no usable hint is given.
    """
    raw_ms = headers.get("retry-after-ms")
    if raw_ms:
        try:
            seconds = float(raw_ms) / 1000
        except ValueError:
            seconds = -1.0
        if 0 <= seconds <= MAX_SERVER_DELAY:
            return seconds
    raw = headers.get("retry-after")
    if raw:
        try:
            seconds = float(raw)
        except ValueError:
            from email.utils import parsedate_to_datetime  # rare: not worth its import up front

            try:
                when = parsedate_to_datetime(raw).timestamp()
            except (TypeError, ValueError, IndexError):
                return None
            seconds = when - (time.time() if now is None else now)
        if 0 <= seconds <= MAX_SERVER_DELAY:
            return seconds
    return None


def retry_delay(
    attempt: int,
    headers: Optional[Mapping[str, str]] = None,
    rand: Optional[float] = None,
    now: Optional[float] = None,
) -> float:
    """Seconds to wait before retry number ``attempt + 1``.

    The server's hint when it gives a usable one; else 0.5 s doubling per attempt, capped at
    8 s, less up to 25 % jitter (``rand`` in [0, 1) fixes the jitter, for tests).
    """
    if headers:
        asked = server_delay(headers, now)
        if asked is not None:
            return asked
    base = min(INITIAL_DELAY * 2.0**attempt, MAX_DELAY)
    if rand is None:
        import random

        rand = random.random()
    jitter = 1 - 0.25 * rand
    return base * jitter


def _log(message: str, *args: Any) -> None:
    """Log at INFO on the ``openai_rest`` logger; ``logging`` is imported on the first retry."""
    import logging

    logging.getLogger("openai_rest").info(message, *args)


def describe_outcome(outcome: Outcome) -> str:
    if isinstance(outcome, Response):
        return f"status {outcome.status}"
    return f"{type(outcome).__name__}: {outcome}"


def settled(outcome: Outcome) -> bool:
    """Whether ``send_flow`` returns a first attempt's outcome as it is: a success (below 300) is
    neither retried nor redirected, so the loops need not start the flow for it."""
    return type(outcome) is Response and outcome.status < 300


def send_flow(request: Request, max_retries: int) -> Generator[Step, Outcome, Response]:
    """Send ``request``, retrying per the policy; returns the last response, raises the last error.

    Error responses (status >= 300) are handed back with their body read, so the policy can look
    at the error code; the caller turns a returned error response into an exception. Redirects
    are followed (``_redirects.follow``) and count as no retry.
    """
    attempt = 0
    visited = [request.url]
    while True:
        outcome = yield request
        if isinstance(outcome, Response):
            if 300 <= outcome.status < 400:
                from ._redirects import follow

                redirected = follow(request, outcome, visited)
                if redirected is not None:
                    request = redirected
                    continue
            if outcome.status < 400:
                outcome.retries = attempt
                if len(visited) > 1:
                    outcome.url = request.url
                return outcome
            retry = should_retry(outcome.status, outcome.headers, outcome.content)
            headers: Optional[Mapping[str, str]] = outcome.headers
        else:
            assert outcome is not None
            retry = isinstance(outcome, APIConnectionError)
            headers = None
        if not retry or attempt >= max_retries:
            break
        if not _replayable(request):
            _log(
                "%s %s failed (%s); not retried: the request body cannot be replayed",
                request.method,
                request.url,
                describe_outcome(outcome),
            )
            if isinstance(outcome, APIConnectionError):
                outcome.message += " (not retried: the request body cannot be replayed)"
                outcome.args = (outcome.message,)
            break
        delay = retry_delay(attempt, headers)
        _log(
            "%s %s failed (%s); retry %d of %d in %.2f s",
            request.method,
            request.url,
            describe_outcome(outcome),
            attempt + 1,
            max_retries,
            delay,
        )
        yield delay
        attempt += 1
    if isinstance(outcome, BaseException):
        if isinstance(outcome, APIConnectionError):
            outcome.retries = attempt
        raise outcome
    assert isinstance(outcome, Response)
    outcome.retries = attempt
    if len(visited) > 1:
        outcome.url = request.url
    return outcome


def _replayable(request: Request) -> bool:
    body: Any = request.body
    return body is None or isinstance(body, bytes) or getattr(body, "replayable", True)
