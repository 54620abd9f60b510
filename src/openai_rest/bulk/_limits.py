"""Rate limits: token estimates, and a pacer that keeps requests and tokens under the limits.

Two sources of limits, both honoured at once:

- the user's ``rpm``/``tpm``: local token buckets refilled continuously at the limit's rate,
  with about one second of burst, so the runner sends at the limit and not above it;
- the server's ``x-ratelimit-remaining-*``/``x-ratelimit-reset-*`` headers: the latest answer
  tells how much is left and how fast it refills (``(limit - remaining) / reset``); requests
  still in flight are subtracted, so the runner waits before the server would say 429.

Until the first answer is in, one request goes alone: a server already at its limit would
otherwise refuse a whole first wave. A ``retry-after`` on a rate-limit error that outlived the
client's retries pauses everyone, not just the one request.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import math
import time
from typing import Any, Callable, Dict, Mapping, Optional, Union

_encoder: Any = None
_encoder_loaded = False


def _tiktoken() -> Any:
    """tiktoken's ``o200k_base``/``cl100k_base`` encoder when installed, else None."""
    global _encoder, _encoder_loaded
    if not _encoder_loaded:
        _encoder_loaded = True
        try:
            tiktoken = importlib.import_module("tiktoken")
            try:
                _encoder = tiktoken.get_encoding("o200k_base")
            except Exception:
                _encoder = tiktoken.get_encoding("cl100k_base")
        except Exception:  # not installed, or its encodings cannot be fetched offline
            _encoder = None
    return _encoder


def _texts(value: Any) -> Any:
    """Every string inside a JSON value (message contents, inputs, prompts)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("role", "type", "model"):
                yield from _texts(item)


def _completion_budget(body: Mapping[str, Any]) -> int:
    """The output tokens a request may use, as the API counts them against the limit."""
    most = body.get("max_completion_tokens") or body.get("max_output_tokens")
    most = most or body.get("max_tokens")
    if not isinstance(most, int):
        return 0
    n = body.get("n")
    return most * (n if isinstance(n, int) and n > 0 else 1)


def estimate_tokens(url: str, body: Mapping[str, Any], *, use_tiktoken: bool = True) -> int:
    """Tokens one request counts against a tokens-per-minute limit, estimated before sending.

    With tiktoken: the tokens of the prompt's text (messages, input, prompt) plus 4 per message;
    without: a quarter of the body's JSON length (an over-estimate that never counts less than
    the text). Both add the completion budget (``max_tokens`` times ``n``) for generating
    endpoints, as the API reserves it.
    """
    encoder = _tiktoken() if use_tiktoken else None
    if encoder is not None:
        prompt = {k: v for k, v in body.items() if k in ("messages", "input", "prompt")}
        tokens = sum(len(encoder.encode(text)) for text in _texts(prompt))
        messages = body.get("messages")
        tokens += 4 * len(messages) if isinstance(messages, list) else 0
    else:
        size = len(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode())
        tokens = math.ceil(size / 4)
    if not url.endswith(("/embeddings", "/moderations")):
        tokens += _completion_budget(body)
    return max(1, tokens)


class _Bucket:
    """A local token bucket: ``rate`` per second, holding at most ``capacity``."""

    def __init__(self, per_minute: float, burst_seconds: float, now: float) -> None:
        self.rate = per_minute / 60.0
        self.capacity = max(1.0, self.rate * burst_seconds)
        self.level = self.capacity
        self.stamp = now

    def refill(self, now: float) -> None:
        self.level = min(self.capacity, self.level + (now - self.stamp) * self.rate)
        self.stamp = now

    def wait_for(self, amount: float) -> float:
        """Seconds until ``amount`` may be taken (a request bigger than the bucket waits for a
        full bucket, then drives it below zero)."""
        needed = min(amount, self.capacity)
        return max(0.0, (needed - self.level) / self.rate)


class _ServerView:
    """What the server's headers said about one limit (requests or tokens), and when."""

    __slots__ = ("limit", "remaining", "rate", "stamp")

    def __init__(self, limit: int, remaining: int, reset: Optional[float], now: float) -> None:
        self.limit = limit
        self.remaining = remaining
        used = limit - remaining
        if reset and reset > 0 and used > 0:
            self.rate = used / reset  # refill speed, per second
        else:
            self.rate = limit / 60.0
        self.stamp = now

    def available(self, now: float) -> float:
        return min(float(self.limit), self.remaining + (now - self.stamp) * self.rate)


Number = Union[int, float, None]


class Limiter:
    """Paces requests under ``rpm``/``tpm`` and the server's rate-limit headers (asyncio).

    ``await acquire(tokens)`` before sending, ``release(tokens, ratelimit)`` when the answer
    (or the error) is in, ``pause(seconds)`` when the server asked everyone to wait.
    """

    def __init__(
        self,
        rpm: Optional[int] = None,
        tpm: Optional[int] = None,
        *,
        burst_seconds: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._clock = clock
        now = clock()
        self.rpm, self.tpm = rpm, tpm
        self._requests = _Bucket(rpm, burst_seconds, now) if rpm else None
        self._tokens = _Bucket(tpm, burst_seconds, now) if tpm else None
        self._server: Dict[str, _ServerView] = {}
        self._in_flight = {"requests": 0.0, "tokens": 0.0}
        self._paused_until = 0.0
        self._probing = True  # one request alone first: its answer tells the server's limits
        self._lock: Optional[asyncio.Lock] = None
        self.waited = 0.0

    def delay(self, tokens: int) -> float:
        """Seconds to wait before a request of ``tokens`` may go (0: now)."""
        now = self._clock()
        wait = self._paused_until - now
        if self._probing and self._in_flight["requests"] >= 1:
            wait = max(wait, 0.005)
        for bucket, size in ((self._requests, 1.0), (self._tokens, float(tokens))):
            if bucket is not None:
                bucket.refill(now)
                wait = max(wait, bucket.wait_for(size))
        for kind, amount in (("requests", 1.0), ("tokens", float(tokens))):
            view = self._server.get(kind)
            if view is None:
                continue
            wanted = min(amount, float(view.limit)) + self._in_flight[kind]
            short = wanted - view.available(now)
            if short > 0:
                wait = max(wait, short / view.rate)
        return max(0.0, wait)

    def _take(self, tokens: int) -> None:
        if self._requests is not None:
            self._requests.level -= 1
        if self._tokens is not None:
            self._tokens.level -= float(tokens)
        self._in_flight["requests"] += 1
        self._in_flight["tokens"] += tokens

    async def acquire(self, tokens: int) -> None:
        """Wait until one request of ``tokens`` fits under every limit, then count it sent."""
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:  # first come, first served
            while True:
                wait = self.delay(tokens)
                if wait <= 0:
                    break
                self.waited += wait
                await asyncio.sleep(wait)
            self._take(tokens)

    def release(self, tokens: int, ratelimit: Optional[Mapping[str, Number]] = None) -> None:
        """A request is answered: no longer in flight; learn from its rate-limit headers."""
        self._in_flight["requests"] = max(0.0, self._in_flight["requests"] - 1)
        self._in_flight["tokens"] = max(0.0, self._in_flight["tokens"] - tokens)
        self._probing = False
        if ratelimit:
            self.observe(ratelimit)

    def observe(self, ratelimit: Mapping[str, Number]) -> None:
        """Take in the parsed ``x-ratelimit-*`` headers of an answer."""
        now = self._clock()
        for kind in ("requests", "tokens"):
            limit = ratelimit.get("limit_" + kind)
            remaining = ratelimit.get("remaining_" + kind)
            if isinstance(limit, int) and isinstance(remaining, int) and limit > 0:
                reset = ratelimit.get("reset_" + kind)
                self._server[kind] = _ServerView(
                    limit, remaining, float(reset) if reset is not None else None, now
                )

    def pause(self, seconds: float) -> None:
        """Hold every request for ``seconds`` (a rate-limit error's ``retry-after``)."""
        self._paused_until = max(self._paused_until, self._clock() + seconds)

    @property
    def server_limits(self) -> Dict[str, int]:
        """The limits the server announced: ``{"requests": 500, "tokens": 200000}``."""
        return {kind: view.limit for kind, view in self._server.items()}
