"""Rate limits: one ``Limiter`` that keeps requests and tokens under rpm/tpm and the server's
rate-limit headers, in this process or shared by many processes and hosts through Redis.

    limiter = Limiter(rpm=500, tpm=200_000)                                  # this process
    limiter = Limiter(rpm=500, tpm=200_000, redis="redis://cache:6379/0")    # every process
    client = Client(config, rate_limit=limiter)        # or AsyncClient: the same object

What it honours, all at once:

- the user's ``rpm``/``tpm``: token buckets refilled continuously at the limit's rate, with
  about one second of burst, so requests go at the limit and not above it;
- the server's ``x-ratelimit-remaining-*``/``x-ratelimit-reset-*`` headers: the latest answer
  tells how much is left and how fast it refills (``(limit - remaining) / reset``); requests
  still in flight are subtracted, so the next request waits before the server would say 429;
- a ``retry-after`` on a 429: every request waits that long.

Until the first answer is in, one request goes alone: a server already at its limit would
otherwise refuse a whole first wave. With ``redis=``, the buckets, the server's view, the
pause and the requests in flight live in Redis and are changed by one atomic Lua script
(``openai_rest._ratelimit_redis``), on Redis's clock. The policy is written once as a
generator of steps (a sleep, or a Redis call); ``acquire_sync`` and ``acquire`` drive it.
"""

from __future__ import annotations

import importlib
import json
import math
import threading
import time
from typing import Any, Callable, Dict, Generator, Mapping, Optional, Union

from ._errors import OpenAIError

Number = Union[int, float, None]
MAX_SLEEP = 0.5
"""Longest single sleep while waiting: a longer wait is re-checked, so a refund, a new view of
the server or another process's pause is seen within half a second."""

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


def used_tokens(content: Optional[bytes]) -> Optional[int]:
    """``usage.total_tokens`` of a JSON answer, found without decoding it (None: not there)."""
    if not content:
        return None
    at = content.rfind(b'"total_tokens"')
    if at < 0:
        return None
    digits = content[at + 14 : at + 40].lstrip(b" :\t\r\n")
    end = 0
    while end < len(digits) and digits[end : end + 1].isdigit():
        end += 1
    return int(digits[:end]) if end else None


class LimiterUnavailable(OpenAIError):
    """The shared limiter's Redis cannot be reached and the limiter was told to stop
    (``fallback="stop"``) rather than pace locally."""


class Bucket:
    """A token bucket: ``rate`` per second, holding at most ``capacity``, starting full."""

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


class ServerView:
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


def server_views(ratelimit: Mapping[str, Number], now: float) -> Dict[str, ServerView]:
    """The limits an answer's parsed ``x-ratelimit-*`` headers announce, by kind."""
    views = {}
    for kind in ("requests", "tokens"):
        limit = ratelimit.get("limit_" + kind)
        remaining = ratelimit.get("remaining_" + kind)
        if isinstance(limit, int) and isinstance(remaining, int) and limit > 0:
            reset = ratelimit.get("reset_" + kind)
            views[kind] = ServerView(
                limit, remaining, float(reset) if reset is not None else None, now
            )
    return views


class LocalState:
    """The limits as this process alone sees them: buckets, the server's view, the pause."""

    def __init__(
        self, rpm: Optional[float], tpm: Optional[float], burst_seconds: float, now: float
    ) -> None:
        self.requests = Bucket(rpm, burst_seconds, now) if rpm else None
        self.tokens = Bucket(tpm, burst_seconds, now) if tpm else None
        self.server: Dict[str, ServerView] = {}
        self.paused_until = 0.0

    def delay(self, tokens: int, in_flight: Mapping[str, float], now: float) -> float:
        wait = self.paused_until - now
        for bucket, size in ((self.requests, 1.0), (self.tokens, float(tokens))):
            if bucket is not None:
                bucket.refill(now)
                wait = max(wait, bucket.wait_for(size))
        for kind, amount in (("requests", 1.0), ("tokens", float(tokens))):
            view = self.server.get(kind)
            if view is None:
                continue
            wanted = min(amount, float(view.limit)) + in_flight[kind]
            short = wanted - view.available(now)
            if short > 0:
                wait = max(wait, short / view.rate)
        return max(0.0, wait)

    def take(self, tokens: int) -> None:
        if self.requests is not None:
            self.requests.level -= 1
        if self.tokens is not None:
            self.tokens.level -= float(tokens)

    def refund(self, tokens: float, now: float) -> None:
        if self.tokens is not None:
            self.tokens.refill(now)
            self.tokens.level = min(self.tokens.capacity, self.tokens.level + tokens)


Step = Any  # a float (seconds to sleep) or a shared state's call (``.call()`` / ``.acall()``)


class Limiter:
    """Paces requests under ``rpm``/``tpm``, the server's rate-limit headers and its
    ``retry-after``: ``acquire`` (async) or ``acquire_sync`` before sending, ``release`` when
    the answer is in. One object serves both faces, threads and tasks alike.

    ``redis``: a ``redis://host:port/db`` URL (the ``redis`` extra): every process naming the
    same Redis and ``key`` shares one budget. ``key``: the budget's name in Redis (default:
    derived from the base URL and a hash of the API key, never the key itself). ``fallback``:
    when Redis cannot be reached, ``"local"`` paces this process alone at its share of the
    limits (with a warning, trying Redis again every second) and ``"stop"`` raises
    ``LimiterUnavailable``. ``refund``: give back the difference between a request's estimated
    tokens and the usage its answer reports.
    """

    def __init__(
        self,
        rpm: Optional[int] = None,
        tpm: Optional[int] = None,
        *,
        redis: Optional[str] = None,
        key: Optional[str] = None,
        fallback: str = "local",
        refund: bool = True,
        burst_seconds: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        for name, value in (("rpm", rpm), ("tpm", tpm)):
            if value is not None and value < 1:
                raise ValueError(f"{name} must be 1 or more, not {value}")
        if fallback not in ("local", "stop"):
            raise ValueError(f"fallback must be 'local' or 'stop', not {fallback!r}")
        self.rpm, self.tpm = rpm, tpm
        self.burst_seconds = burst_seconds
        self.refund = refund
        self._clock = clock
        self._local = LocalState(rpm, tpm, burst_seconds, clock())
        self._in_flight = {"requests": 0.0, "tokens": 0.0}
        self._probing = True  # one request alone first: its answer tells the server's limits
        self._lock = threading.Lock()
        self.waited = 0.0
        self.shared: Any = None
        if redis is not None:
            from ._ratelimit_redis import SharedState

            self.shared = SharedState(self, redis, key, fallback)
        elif key is not None:
            raise ValueError("key= names a budget in Redis: give redis= too")

    def __repr__(self) -> str:
        where = f", redis={self.shared.where!r}" if self.shared is not None else ""
        return f"Limiter(rpm={self.rpm}, tpm={self.tpm}{where})"

    # -- the policy, once ---------------------------------------------------------------------

    def delay(self, tokens: int) -> float:
        """Seconds this process alone would wait before a request of ``tokens`` (0: now)."""
        wait = self._local.delay(tokens, self._in_flight, self._clock())
        if self._probe_waits():
            wait = max(wait, 0.005)
        return wait

    def _probe_waits(self) -> bool:
        return self._probing and self._in_flight["requests"] >= 1

    def _take_locally(self, tokens: int) -> float:
        with self._lock:
            wait = self.delay(tokens)
            if wait <= 0:
                self._local.take(tokens)
                self._count(tokens)
        return wait

    def _count(self, tokens: int) -> None:
        self._in_flight["requests"] += 1
        self._in_flight["tokens"] += tokens

    def _steps(self, tokens: int) -> Generator[Step, Any, None]:
        """Wait until one request of ``tokens`` fits under every limit, then count it sent."""
        while True:
            wait: Optional[float] = None
            if self.shared is not None and not self._probe_waits():
                wait = yield from self.shared.take(tokens)
            if wait is None:  # no Redis, or it is away and we pace alone
                wait = self._take_locally(tokens)
            if wait <= 0:
                return
            wait = min(wait, MAX_SLEEP)
            self.waited += wait
            yield wait

    def acquire_sync(self, tokens: int) -> None:
        """Block until a request of ``tokens`` may go (threads, ``Client``)."""
        flow, reply = self._steps(tokens), None
        while True:
            try:
                step = flow.send(reply)
            except StopIteration:
                return
            if isinstance(step, float):
                time.sleep(step)
                reply = None
            else:
                reply = step.call()

    async def acquire(self, tokens: int) -> None:
        """Wait, without blocking the event loop, until a request of ``tokens`` may go."""
        import asyncio

        flow, reply = self._steps(tokens), None
        while True:
            try:
                step = flow.send(reply)
            except StopIteration:
                return
            if isinstance(step, float):
                await asyncio.sleep(step)
                reply = None
            else:
                reply = await step.acall()

    # -- what the answers tell ----------------------------------------------------------------

    def release(
        self,
        tokens: int,
        ratelimit: Optional[Mapping[str, Number]] = None,
        *,
        used: Optional[int] = None,
    ) -> None:
        """A request of ``tokens`` is answered: no longer in flight; learn from its rate-limit
        headers; with ``used`` (the answer's usage), refund the estimate's difference."""
        refund = float(tokens - used) if self.refund and used is not None else 0.0
        with self._lock:
            self._in_flight["requests"] = max(0.0, self._in_flight["requests"] - 1)
            self._in_flight["tokens"] = max(0.0, self._in_flight["tokens"] - tokens)
            self._probing = False
            if refund:
                self._local.refund(refund, self._clock())
        if self.shared is not None:
            self.shared.released(tokens, refund)
        if ratelimit:
            self.observe(ratelimit)

    def observe(self, ratelimit: Mapping[str, Number]) -> None:
        """Take in the parsed ``x-ratelimit-*`` headers of an answer."""
        views = server_views(ratelimit, self._clock())
        if views:
            self._local.server.update(views)
            if self.shared is not None:
                self.shared.observed(ratelimit)

    def pause(self, seconds: float) -> None:
        """Hold every request for ``seconds`` (a rate-limit error's ``retry-after``)."""
        self._local.paused_until = max(self._local.paused_until, self._clock() + seconds)
        if self.shared is not None:
            self.shared.paused(seconds)

    @property
    def server_limits(self) -> Dict[str, int]:
        """The limits the server announced: ``{"requests": 500, "tokens": 200000}``."""
        return {kind: view.limit for kind, view in self._local.server.items()}

    # -- the seam ``Client(rate_limit=...)`` uses ---------------------------------------------

    def bind(self, config: Any) -> None:
        """Name the Redis budget after a ``Config``'s (resolved like a client's) base URL and
        API key, unless ``key=`` named it or it is already bound; no-op for a local limiter."""
        if self.shared is None or self.shared.key is not None:
            return
        from ._config import GLOBAL, Config, resolve

        settings = resolve(GLOBAL.config, config) if isinstance(config, Config) else config
        self.shared.bind(settings)

    def cost(self, request: Any) -> int:
        """The tokens a request counts (0 for a body that is not JSON); binds the Redis key to
        the request's base URL and API key on first use."""
        self.bind(request.settings)
        body = request.body
        if not isinstance(body, bytes) or not body.startswith(b"{"):
            return 0
        try:
            return estimate_tokens(request.url, json.loads(body))
        except ValueError:
            return math.ceil(len(body) / 4)

    def settle(self, tokens: int, response: Any) -> None:
        """An attempt is over: ``response`` (or None after a connection error) releases it."""
        if response is None:
            self.release(tokens)
            return
        from ._results import parse_ratelimit
        from ._retry import server_delay

        content = response.content if isinstance(response.content, bytes) else None
        if response.status == 429 and not (content and b"insufficient_quota" in content):
            self.pause(server_delay(response.headers) or 1.0)
        used = used_tokens(content) if response.status < 300 else None
        self.release(tokens, parse_ratelimit(response.headers), used=used)

    def close(self) -> None:
        """Send what this process still owes the shared budget (releases, refunds)."""
        if self.shared is not None:
            self.shared.flush_sync()

    async def aclose(self) -> None:
        """The async twin of ``close``."""
        if self.shared is not None:
            await self.shared.flush_async()
