"""Fault injection and rate limits: what lets users test their own error handling.

A fault is written as ``x-emulate-fault: <spec>``; the syntax is documented in
``docs/emulator.md`` and in :func:`parse_fault`. Pure Python (no aiohttp).
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from ._state import ApiError
from ._timing import Timing

FAULT_HEADER = "x-emulate-fault"

#: The error bodies of the statuses a fault can ask for: (type, code, message).
_ERRORS: Dict[int, Tuple[str, Optional[str], str]] = {
    400: ("invalid_request_error", None, "Emulated bad request."),
    401: (
        "invalid_request_error",
        "invalid_api_key",
        "Incorrect API key provided: sk-***. You can find your API key in your account.",
    ),
    403: (
        "invalid_request_error",
        "unsupported_country_region_territory",
        "Country, region, or territory not supported.",
    ),
    404: ("invalid_request_error", None, "Emulated not found."),
    409: ("invalid_request_error", None, "Emulated conflict."),
    422: ("invalid_request_error", None, "Emulated unprocessable entity."),
    429: (
        "requests",
        "rate_limit_exceeded",
        "Rate limit reached for requests (emulated). Please try again later.",
    ),
    500: ("server_error", None, "The server had an error while processing your request. Sorry!"),
    502: ("server_error", None, "Bad gateway."),
    503: ("server_error", None, "The engine is currently overloaded, please try again later."),
    504: ("server_error", None, "Gateway timeout."),
}
_QUOTA = (
    "insufficient_quota",
    "You exceeded your current quota, please check your plan and billing details.",
)


@dataclass
class Fault:
    """One parsed fault spec. ``status`` 0 means "no error status" (only stream/slow faults)."""

    spec: str
    status: int = 0
    html: bool = False
    reset: bool = False
    code: Optional[str] = None
    message: Optional[str] = None
    retry_after_ms: Optional[int] = None
    retry_after: Optional[str] = None
    should_retry: Optional[str] = None
    times: Optional[int] = None
    delay_ms: int = 0
    slow_ms: int = 0
    stream_error_after: Optional[int] = None
    stream_cut_after: Optional[int] = None
    stream_reset_after: Optional[int] = None
    fail_later: bool = False

    @property
    def fails_request(self) -> bool:
        """Whether the fault answers instead of the handler (status, html page or reset)."""
        return bool(self.status) or self.reset

    def error(self) -> ApiError:
        """The OpenAI-shaped error of ``status`` with the fault's options as headers."""
        kind, code, message = _ERRORS.get(
            self.status,
            (
                "server_error" if self.status >= 500 else "invalid_request_error",
                None,
                f"Emulated error {self.status}.",
            ),
        )
        if self.status == 429 and self.code == "insufficient_quota":
            kind, message = _QUOTA
        return ApiError(
            self.status,
            self.message or message,
            type=kind,
            code=self.code or code,
            headers=self.headers(),
        )

    def headers(self) -> Dict[str, str]:
        """The retry hints the fault adds to its answer."""
        out = {}
        if self.retry_after_ms is not None:
            out["retry-after-ms"] = str(self.retry_after_ms)
        if self.retry_after is not None:
            out["retry-after"] = self.retry_after
        if self.should_retry is not None:
            out["x-should-retry"] = self.should_retry
        return out


def _count(key: str, value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise ApiError(
            400, f"x-emulate-fault: '{key}' needs an integer, got '{value}'.", param=FAULT_HEADER
        ) from None
    if number < 0:
        raise ApiError(400, f"x-emulate-fault: '{key}' must not be negative.", param=FAULT_HEADER)
    return number


def parse_fault(spec: str) -> Fault:
    """Parse ``x-emulate-fault``: items separated by ``;``, each a word or ``key=value``.

    Words: ``429`` / ``500`` / any status (an OpenAI-shaped error), ``html-502`` (a proxy's
    HTML page), ``reset`` (connection closed without an answer), ``fail-later`` (a background
    response created with it ends ``failed``).
    Keys: ``code``, ``message``, ``retry-after-ms``, ``retry-after``, ``x-should-retry``,
    ``times`` (only the first N requests with this exact header fail), ``delay`` (ms before the
    answer), ``slow`` (ms the body is held back), ``stream-error-after``, ``stream-cut-after``,
    ``stream-reset-after`` (N events), ``id`` (any text, to make the header unique).
    """
    fault = Fault(spec=spec.strip())
    for raw in spec.split(";"):
        item = raw.strip()
        if not item:
            continue
        key, sep, value = item.partition("=")
        key, value = key.strip().lower(), value.strip()
        if not sep:
            if key.isdigit():
                fault.status = int(key)
            elif key.startswith("html-") and key[5:].isdigit():
                fault.status, fault.html = int(key[5:]), True
            elif key == "reset":
                fault.reset = True
            elif key == "fail-later":
                fault.fail_later = True
            else:
                raise ApiError(400, f"x-emulate-fault: unknown item '{item}'.", param=FAULT_HEADER)
        elif key == "code":
            fault.code = value
        elif key == "message":
            fault.message = value
        elif key == "retry-after-ms":
            fault.retry_after_ms = _count(key, value)
        elif key == "retry-after":
            fault.retry_after = value
        elif key == "x-should-retry":
            fault.should_retry = value.lower()
        elif key == "times":
            fault.times = _count(key, value)
        elif key == "delay":
            fault.delay_ms = _count(key, value)
        elif key == "slow":
            fault.slow_ms = _count(key, value)
        elif key == "stream-error-after":
            fault.stream_error_after = _count(key, value)
        elif key == "stream-cut-after":
            fault.stream_cut_after = _count(key, value)
        elif key == "stream-reset-after":
            fault.stream_reset_after = _count(key, value)
        elif key == "id":
            pass
        else:
            raise ApiError(400, f"x-emulate-fault: unknown key '{key}'.", param=FAULT_HEADER)
    if fault.status and not 400 <= fault.status <= 599:
        raise ApiError(400, "x-emulate-fault: the status must be 4xx or 5xx.", param=FAULT_HEADER)
    return fault


def format_duration(seconds: float) -> str:
    """A reset duration as the API writes it: ``17ms``, ``1s``, ``1.5s``, ``6m0s``, ``1h2m3s``."""
    if seconds < 1:
        return f"{max(0, round(seconds * 1000))}ms"
    if seconds < 60:
        return f"{round(seconds, 3):g}s"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return (f"{hours}h" if hours else "") + f"{minutes}m{secs}s"


class _Bucket:
    """A token bucket that refills to ``limit`` over one minute, as the API's limits do."""

    def __init__(self, limit: int, at: float) -> None:
        self.limit = limit
        self.level = float(limit)
        self.stamp = at

    def refill(self, at: float) -> None:
        self.level = min(self.limit, self.level + max(0.0, at - self.stamp) * self.limit / 60.0)
        self.stamp = at

    def wait_for(self, amount: float) -> float:
        """Seconds until ``amount`` is available."""
        return max(0.0, (amount - self.level) * 60.0 / self.limit)

    def reset_in(self) -> float:
        """Seconds until the bucket is full again (``x-ratelimit-reset-*``)."""
        return (self.limit - self.level) * 60.0 / self.limit


@dataclass
class RateLimits:
    """Requests-per-minute and tokens-per-minute limits (``None``: unlimited)."""

    rpm: Optional[int] = None
    tpm: Optional[int] = None
    _buckets: Dict[str, _Bucket] = field(default_factory=dict)

    def check(self, tokens: int) -> Dict[str, str]:
        """Take one request and ``tokens``; the ``x-ratelimit-*`` headers, or a 429 ApiError."""
        at = time.monotonic()
        headers: Dict[str, str] = {}
        denied: Optional[Tuple[str, float, int]] = None
        wanted = {"requests": (self.rpm, 1), "tokens": (self.tpm, max(1, tokens))}
        for kind, (limit, amount) in wanted.items():
            if not limit:
                continue
            bucket = self._buckets.get(kind)
            if bucket is None or bucket.limit != limit:
                bucket = self._buckets[kind] = _Bucket(limit, at)
            bucket.refill(at)
            if bucket.level < amount and denied is None:
                denied = (kind, bucket.wait_for(amount), amount)
        for kind, (limit, amount) in wanted.items():
            if limit and denied is None:
                self._buckets[kind].level -= amount
        for kind, (limit, _) in wanted.items():
            if limit:
                bucket = self._buckets[kind]
                headers[f"x-ratelimit-limit-{kind}"] = str(limit)
                headers[f"x-ratelimit-remaining-{kind}"] = str(max(0, int(bucket.level)))
                headers[f"x-ratelimit-reset-{kind}"] = format_duration(bucket.reset_in())
        if denied is not None:
            kind, wait, amount = denied
            limit = self.rpm if kind == "requests" else self.tpm
            wait_ms = max(1, int(wait * 1000 + 0.999))
            headers["retry-after-ms"] = str(wait_ms)
            headers["retry-after"] = str(max(1, int(wait + 0.999)))
            raise ApiError(
                429,
                f"Rate limit reached for {kind} per min (RPM/TPM) on the emulator: Limit {limit},"
                f" Requested {amount}. Please try again in {format_duration(wait)}.",
                type=kind,
                code="rate_limit_exceeded",
                headers=headers,
            )
        return headers


class Faults:
    """The per-server fault settings, changeable at run time (``Emulator.faults``).

    ``fail_rate``: share of requests answered with a 500 (seeded random); ``latency_ms``: added
    before every answer; ``limits``: rpm/tpm; ``inject(spec)``: a fault for the next requests
    that carry no header (``times`` of them, default 1), for clients that cannot add headers;
    ``timing``: the pace of streams (``_timing.Timing``).
    """

    def __init__(
        self,
        fail_rate: float = 0.0,
        latency_ms: int = 0,
        rpm: Optional[int] = None,
        tpm: Optional[int] = None,
        seed: Optional[int] = None,
    ) -> None:
        self.fail_rate = fail_rate
        self.latency_ms = latency_ms
        self.limits = RateLimits(rpm, tpm)
        self.random = random.Random(seed)
        self.timing = Timing(seed=seed)  # stream pace: ttft, tokens per second, jitter
        self._lock = threading.Lock()
        self._seen: Dict[str, int] = {}
        self._injected: List[Tuple[Fault, Optional[str]]] = []

    def inject(self, spec: str, path: Optional[str] = None) -> None:
        """Fail the next request(s) without a fault header, optionally only under ``path``."""
        fault = parse_fault(spec)
        with self._lock:
            for _ in range(fault.times if fault.times is not None else 1):
                self._injected.append((fault, path))

    def clear(self) -> None:
        """Forget injected faults, ``times`` counters, the rate limits' state and fail rate."""
        with self._lock:
            self._injected.clear()
            self._seen.clear()
            self.fail_rate = 0.0
            self.latency_ms = 0
            self.limits = RateLimits(None, None)
            self.timing = Timing()

    def for_request(self, header: Optional[str], path: str) -> Optional[Fault]:
        """The fault that applies to one request, counting ``times``; None if it passes."""
        if header:
            fault = parse_fault(header)
            if fault.times is not None:
                with self._lock:
                    seen = self._seen.get(fault.spec, 0)
                    self._seen[fault.spec] = seen + 1
                if seen >= fault.times:
                    return None
            return fault
        with self._lock:
            for pos, (fault, only) in enumerate(self._injected):
                if only is None or path.startswith(only):
                    del self._injected[pos]
                    return fault
        if self.fail_rate and self.random.random() < self.fail_rate:
            return Fault(spec="fail-rate", status=500)
        return None
