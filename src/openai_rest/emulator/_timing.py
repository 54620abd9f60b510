"""Realistic stream timing: a time to first token and a token rate, with seeded jitter.

Set for the whole emulator (``--ttft MS``, ``--tokens-per-second N``, ``--jitter F``, or the
``Emulator(...)`` arguments), or per request with ``x-emulate-timing: ttft=200; tps=50;
jitter=0.1`` (or ``x-emulate-ttft``, ``x-emulate-tokens-per-second``, ``x-emulate-jitter``).
The stream's headers and its token-less events (a role chunk, ``response.created``) go out
at once; the first event carrying text waits until ``ttft`` ms after the stream began, and
each later one for its tokens at ``tps`` tokens a second. Pure Python (no aiohttp).
"""

from __future__ import annotations

import random
import threading
import time
from typing import Any, Iterable, Mapping, Optional

from ._model import count_tokens
from ._state import ApiError

TIMING_HEADER = "x-emulate-timing"
_NAMES = {"ttft": "ttft", "tps": "tps", "tokens-per-second": "tps", "jitter": "jitter"}
_ONE_SETTING = {  # one setting a header, for clients that find that simpler
    "x-emulate-ttft": "ttft",
    "x-emulate-tokens-per-second": "tps",
    "x-emulate-jitter": "jitter",
}


def timing_header(headers: Mapping[str, str]) -> Optional[str]:
    """A request's timing settings as one ``x-emulate-timing`` value: that header and the
    ``x-emulate-ttft`` / ``-tokens-per-second`` / ``-jitter`` ones, or None."""
    parts = [headers[TIMING_HEADER]] if headers.get(TIMING_HEADER) else []
    parts += [f"{key}={headers[name]}" for name, key in _ONE_SETTING.items() if headers.get(name)]
    return "; ".join(parts) or None


class Timing:
    """A stream's pace: ``ttft`` ms to the first token, ``tps`` tokens a second after it,
    each wait scaled by a random factor in ``1 ± jitter`` (drawn from ``seed``)."""

    def __init__(
        self, ttft: float = 0.0, tps: Optional[float] = None, jitter: float = 0.0, seed: Any = None
    ) -> None:
        if ttft < 0 or (tps is not None and tps <= 0) or not 0 <= jitter < 1:
            raise ValueError("ttft must be >= 0, tokens per second > 0 and jitter in [0, 1)")
        self.ttft, self.tps, self.jitter = ttft, tps, jitter
        self._random = random.Random(seed)
        self._lock = threading.Lock()

    @property
    def active(self) -> bool:
        return self.ttft > 0 or self.tps is not None

    def with_header(self, header: Optional[str]) -> Timing:
        """This timing with a request's ``x-emulate-timing`` settings over it."""
        if not header:
            return self
        fields = {"ttft": self.ttft, "tps": self.tps, "jitter": self.jitter}
        for part in header.replace(",", ";").split(";"):
            name, _, value = part.partition("=")
            key = _NAMES.get(name.strip().lower())
            try:
                if key is None:
                    raise ValueError(name)
                fields[key] = float(value)
            except ValueError:
                raise ApiError(
                    400, f"Invalid {TIMING_HEADER} header: {header!r} (ttft=MS; tps=N; jitter=F)."
                ) from None
        try:
            return Timing(
                fields["ttft"] or 0.0, fields["tps"], fields["jitter"] or 0.0, self._draw()
            )
        except ValueError as exc:
            raise ApiError(400, f"Invalid {TIMING_HEADER} header: {exc}.") from None

    def _draw(self) -> float:
        with self._lock:
            return self._random.random()

    def _scale(self) -> float:
        if not self.jitter:
            return 1.0
        return 1.0 + self.jitter * (2 * self._draw() - 1)

    def pacer(self) -> Pacer:
        return Pacer(self)


class Pacer:
    """The waits of one stream, event by event (``wait(event)`` before sending it)."""

    def __init__(self, timing: Timing) -> None:
        self.timing = timing
        self.started = time.perf_counter()
        self.first_sent = False

    def wait(self, event: Any) -> float:
        """Seconds to wait before sending ``event`` (0 for an event with no text)."""
        tokens = count_tokens(event_text(event))
        if not tokens:
            return 0.0
        if not self.first_sent:
            self.first_sent = True
            due = self.started + self.timing.ttft * self.timing._scale() / 1000
            return max(0.0, due - time.perf_counter())
        if self.timing.tps is None:
            return 0.0
        return tokens / self.timing.tps * self.timing._scale()


def event_text(event: Any) -> str:
    """The text a stream event carries: chat and completion deltas, Responses' and
    transcriptions' ``delta``, assistants' message deltas."""
    if not isinstance(event, dict):
        return ""
    if isinstance(event.get("delta"), str):
        return str(event["delta"])
    texts = []
    for choice in event.get("choices") or []:
        delta = choice.get("delta") or {}
        texts.append(choice.get("text") or "")
        texts.append(delta.get("content") or "")
        texts.append(delta.get("refusal") or "")
        texts.append((delta.get("function_call") or {}).get("arguments") or "")
        texts.extend(_calls_text(delta.get("tool_calls") or []))
    delta = event.get("delta")
    if isinstance(delta, dict):
        for part in delta.get("content") or []:
            texts.append(((part or {}).get("text") or {}).get("value") or "")
    return " ".join(t for t in texts if isinstance(t, str) and t)


def _calls_text(calls: Iterable[Any]) -> Iterable[str]:
    for call in calls:
        yield ((call or {}).get("function") or {}).get("arguments") or ""
        yield ((call or {}).get("custom") or {}).get("input") or ""
