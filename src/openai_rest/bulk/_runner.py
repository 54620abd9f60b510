"""The bulk runner: every request of an input file through one ``AsyncClient``, concurrently,
under the rate limits, each result appended to the output as it comes.

Built on the public API only: ``AsyncClient.request`` sends each line's ``url`` and ``body``
with the client's configuration, retries and errors; ``response_of`` gives the status, the
request id and the rate-limit headers the pacer learns from.
"""

from __future__ import annotations

import asyncio
import signal
import threading
import time
from typing import TYPE_CHECKING, Any, Dict, Mapping, Optional, Set, Union

from ._input import BulkRequest, check_input, read_requests
from ._limits import Limiter, LimiterUnavailable, estimate_tokens
from ._output import Output, open_output, result_line
from ._progress import Progress, duration, make_progress

if TYPE_CHECKING:
    from openai_rest import AsyncClient, Config

DEFAULT_CONCURRENCY = 50
RATE_LIMIT_ROUNDS = 5
"""After the client's own retries, a request refused for rate limits waits and is sent again
this many more times (everyone pauses for the server's ``retry-after``) before its error is
written."""


class Summary:
    """What a run did: counts, time, and whether it was interrupted."""

    def __init__(self, output: str) -> None:
        self.output = output
        self.total = 0
        self.skipped = 0
        self.succeeded = 0
        self.failed = 0
        self.retries = 0
        self.rate_limited = 0
        self.tokens = 0
        self.elapsed = 0.0
        self.interrupted = False
        self.abandoned = 0
        self.torn_bytes = 0
        self.failed_before = 0
        self.resent = 0
        """Requests whose earlier results were errors, sent again by this run."""
        self.kept_failed = 0
        """Requests whose earlier error results were kept (``keep_failed``), not sent again."""
        self.compacted = 0
        """Superseded error lines removed from the output (one final line per custom_id)."""

    @property
    def done(self) -> int:
        """Results written by this run."""
        return self.succeeded + self.failed

    @property
    def remaining(self) -> int:
        """Requests of the input with no result in the output yet."""
        return self.total - self.skipped - self.done

    @property
    def all_succeeded(self) -> bool:
        """Whether every request of the input now has a successful result in the output."""
        return not (self.failed or self.kept_failed or self.remaining)

    def as_dict(self) -> Dict[str, Any]:
        names = ("output", "total", "skipped", "succeeded", "failed", "retries", "rate_limited")
        data: Dict[str, Any] = {name: getattr(self, name) for name in names}
        data.update(resent=self.resent, kept_failed=self.kept_failed, compacted=self.compacted)
        data.update(
            tokens=self.tokens,
            elapsed=round(self.elapsed, 3),
            interrupted=self.interrupted,
            remaining=self.remaining,
        )
        return data

    def __str__(self) -> str:
        rate = self.done / self.elapsed if self.elapsed > 0 else 0.0
        parts = [f"{self.succeeded} ok", f"{self.failed} failed"]
        if self.skipped:
            parts.append(f"{self.skipped} already done")
        if self.resent:
            parts.append(f"{self.resent} earlier failures sent again")
        if self.kept_failed:
            parts.append(f"{self.kept_failed} earlier failures kept")
        text = (
            f"{self.total} requests: {', '.join(parts)} in {duration(self.elapsed)} "
            f"({rate:.1f} req/s, {self.retries} retries)"
        )
        if self.torn_bytes:
            text += f"; repaired a torn last line ({self.torn_bytes} bytes)"
        if self.compacted:
            text += f"; {self.compacted} superseded error lines removed"
        if self.failed or self.kept_failed:
            text += f"; failed requests are error lines in {self.output}"
        if self.remaining:
            text += f"; {self.remaining} not done: run again with the same arguments to finish"
        return text


def _observer(limiter: Limiter) -> Any:
    """A response hook: every answer's rate-limit headers, and a 429's wait, to the limiter."""
    from openai_rest import ResponseInfo, retry_after

    def observe(request: Any, response: Any) -> None:
        limiter.observe(ResponseInfo(response.status, response.headers).ratelimit)
        if response.status == 429:
            limiter.pause(retry_after(response.headers) or 1.0)

    return observe


def _error_body(error: Any) -> Any:
    body = getattr(error, "body", None)
    if isinstance(body, (dict, list)):
        return body
    fields = {"message": str(error), "type": getattr(error, "type", None)}
    fields.update(code=getattr(error, "code", None), param=getattr(error, "param", None))
    return {"error": fields}


class _Run:
    """One run's moving parts: client, limiter, output, counters, display."""

    def __init__(
        self,
        client: AsyncClient,
        limiter: Limiter,
        output: Output,
        summary: Summary,
        bar: Progress,
        rate_limit_rounds: int,
    ) -> None:
        self.client = client
        self.limiter = limiter
        self.output = output
        self.summary = summary
        self.bar = bar
        self.rounds = rate_limit_rounds
        self.unavailable: Optional[LimiterUnavailable] = None

    def limiter_gone(self, error: LimiterUnavailable) -> None:
        """The shared limiter stopped (``fallback="stop"``): send nothing more."""
        if self.unavailable is None:
            self.unavailable = error
            self.bar.note(f"{error}; the requests in flight finish, then run again to go on")

    async def send(self, request: BulkRequest, tokens: int) -> None:
        """Send one request (the limiter already let it go) and write its result line."""
        from openai_rest import (
            APIConnectionError,
            APIStatusError,
            RateLimitError,
            response_of,
            retry_after,
        )

        summary = self.summary
        rounds = 0
        while True:
            ratelimit: Optional[Mapping[str, Any]] = None
            used: Optional[int] = None
            try:
                result = await self.client.request(
                    request.method, request.url, request.body, result="json"
                )
                info = response_of(result)
                ratelimit = info.ratelimit
                summary.retries += info.retries + rounds
                line = result_line(
                    request.custom_id,
                    status_code=info.status_code,
                    request_id=info.request_id,
                    body=result,
                )
                usage = result.get("usage") if isinstance(result, dict) else None
                total = usage.get("total_tokens") if isinstance(usage, dict) else None
                used = total if isinstance(total, int) else None
                summary.tokens += used if used is not None else tokens
                ok = True
            except RateLimitError as error:
                if error.response is not None:
                    ratelimit = error.response.ratelimit
                    summary.retries += error.response.retries
                if error.code != "insufficient_quota" and rounds < self.rounds:
                    rounds += 1
                    summary.rate_limited += 1
                    self.limiter.pause(retry_after(error.headers) or 2.0**rounds)
                    self.limiter.release(tokens, ratelimit)
                    try:
                        await self.limiter.acquire(tokens)
                    except LimiterUnavailable as gone:  # no line: the next run sends it
                        self.limiter_gone(gone)
                        return
                    continue
                line, ok = self._status_line(request, error), False
                summary.retries += rounds
            except APIStatusError as error:
                if error.response is not None:
                    ratelimit = error.response.ratelimit
                    summary.retries += error.response.retries
                line, ok = self._status_line(request, error), False
                summary.retries += rounds
            except APIConnectionError as error:
                summary.retries += error.retries + rounds
                timeout = "timeout" in type(error).__name__.lower()
                code = "timeout" if timeout else "connection_error"
                error_fields = {"code": code, "message": str(error)}
                line, ok = result_line(request.custom_id, error=error_fields), False
            except (ValueError, TypeError) as error:  # an answer that is not JSON, a bad body
                error_fields = {"code": type(error).__name__, "message": str(error)}
                line, ok = result_line(request.custom_id, error=error_fields), False
            except BaseException:
                self.limiter.release(tokens)
                raise
            break
        self.limiter.release(tokens, ratelimit, used=used)
        self.output.write(line, request.custom_id)
        if ok:
            summary.succeeded += 1
        else:
            summary.failed += 1
        self.bar.update(summary.done, summary.failed, summary.tokens)

    @staticmethod
    def _status_line(request: BulkRequest, error: Any) -> bytes:
        return result_line(
            request.custom_id,
            status_code=error.status_code or None,
            request_id=error.request_id,
            body=_error_body(error),
            error=None if error.status_code else {"code": "api_error", "message": str(error)},
        )


async def run_async(
    input: str,
    output: str,
    *,
    rpm: Optional[int] = None,
    tpm: Optional[int] = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    client: Optional[AsyncClient] = None,
    config: Optional[Config] = None,
    progress: Optional[bool] = None,
    stop: Optional[asyncio.Event] = None,
    handle_signals: bool = False,
    drain_timeout: float = 60.0,
    rate_limit_rounds: int = RATE_LIMIT_ROUNDS,
    fsync: bool = False,
    limiter: Union[str, Limiter, None] = None,
    keep_failed: bool = False,
) -> Summary:
    """Run every request of ``input`` (Batch API JSONL), appending results to ``output``.

    See ``openai_rest.bulk.run``; this is its coroutine. ``stop``: set it to stop sending; the
    requests in flight finish (or are abandoned after ``drain_timeout`` seconds, to be sent by
    the next run). ``handle_signals``: Ctrl-C sets ``stop`` (a second Ctrl-C abandons at once).
    """
    from openai_rest import AsyncClient

    if concurrency < 1:
        raise ValueError(f"concurrency must be 1 or more, not {concurrency}")
    pacer = _limiter(limiter, rpm, tpm)
    summary = Summary(output)
    sink, done, _, summary.failed_before, summary.torn_bytes = open_output(
        output, fsync=fsync, keep_failed=keep_failed
    )
    try:
        checked = check_input(input, done)
    except BaseException:
        sink.close()
        raise
    summary.total, summary.skipped = checked.requests, checked.done
    bar = make_progress(summary.total - summary.skipped, progress)
    own_client = client is None
    if client is None:  # our own client tells the limiter of every answer, retried ones too
        client = AsyncClient(config, event_hooks={"response": [_observer(pacer)]})
    pacer.bind(client.config)
    stop = stop if stop is not None else asyncio.Event()
    run = _Run(client, pacer, sink, summary, bar, rate_limit_rounds)
    tasks: Set[asyncio.Task[None]] = set()
    loop = asyncio.get_running_loop()
    producer = asyncio.ensure_future(_produce(run, input, done, concurrency, tasks))
    stopper = asyncio.ensure_future(stop.wait())
    interrupts = 0

    def on_interrupt() -> None:
        nonlocal interrupts
        interrupts += 1
        if interrupts == 1:
            bar.note(f"stopping: waiting for {len(tasks)} requests in flight (Ctrl-C: abandon)")
            stop.set()
        else:
            for task in list(tasks):
                task.cancel()

    signals = handle_signals and threading.current_thread() is threading.main_thread()
    if signals:
        try:
            loop.add_signal_handler(signal.SIGINT, on_interrupt)
        except (NotImplementedError, RuntimeError):  # Windows event loops
            signals = False
    start = time.monotonic()
    try:
        await asyncio.wait({producer, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if not producer.done():
            summary.interrupted = True
            producer.cancel()
            await asyncio.gather(producer, return_exceptions=True)
        elif producer.exception() is not None:
            for task in list(tasks):
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            producer.result()  # raise it
        if tasks:
            finished, pending = await asyncio.wait(set(tasks), timeout=drain_timeout)
            for task in pending:
                task.cancel()
            summary.abandoned = len(pending)
            await asyncio.gather(*finished, *pending, return_exceptions=True)
    finally:
        summary.elapsed = time.monotonic() - start
        stopper.cancel()
        if signals:
            loop.remove_signal_handler(signal.SIGINT)
        bar.close()
        sink.close()
        summary.compacted = sink.compacted
        if own_client:
            await client.aclose()
        await pacer.aclose()
    summary.interrupted = summary.interrupted or stop.is_set() or run.unavailable is not None
    return summary


def _limiter(limiter: Union[str, Limiter, None], rpm: Optional[int], tpm: Optional[int]) -> Limiter:
    """The run's pacer: one of this process (None), shared through Redis (a ``redis://`` URL),
    or the caller's own ``Limiter`` (then ``rpm``/``tpm`` are its own, not given here)."""
    if isinstance(limiter, Limiter):
        if rpm is not None or tpm is not None:
            raise ValueError("give rpm/tpm to the Limiter, not beside it")
        return limiter
    if limiter is not None and not isinstance(limiter, str):
        raise TypeError(f"limiter= takes a redis:// URL or a Limiter, not {type(limiter).__name__}")
    return Limiter(rpm, tpm, redis=limiter)


async def _produce(
    run: _Run, input: str, done: Any, concurrency: int, tasks: Set[asyncio.Task[None]]
) -> None:
    """Start one task per request not done yet, at most ``concurrency`` at once, when the
    limiter lets it go."""
    slots = asyncio.Semaphore(concurrency)

    def finished(task: asyncio.Task[None]) -> None:
        tasks.discard(task)
        slots.release()

    failed_before = run.output.found.failed_ids
    for request in read_requests(input):
        if request.custom_id in done:
            if request.custom_id in failed_before:
                run.summary.kept_failed += 1
            continue
        if request.custom_id in failed_before:
            run.summary.resent += 1
        tokens = estimate_tokens(request.url, request.body)
        await slots.acquire()
        try:
            await run.limiter.acquire(tokens)
        except LimiterUnavailable as gone:
            slots.release()
            run.limiter_gone(gone)
            break
        except BaseException:
            slots.release()
            raise
        task = asyncio.ensure_future(run.send(request, tokens))
        tasks.add(task)
        task.add_done_callback(finished)
    while tasks:
        await asyncio.wait(set(tasks))
        for task in list(tasks):
            if task.done() and not task.cancelled() and task.exception() is not None:
                raise task.exception()  # type: ignore[misc]


def run(
    input: str,
    output: str,
    *,
    rpm: Optional[int] = None,
    tpm: Optional[int] = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    config: Optional[Config] = None,
    progress: Optional[bool] = None,
    handle_signals: bool = True,
    drain_timeout: float = 60.0,
    rate_limit_rounds: int = RATE_LIMIT_ROUNDS,
    fsync: bool = False,
    limiter: Union[str, Limiter, None] = None,
    keep_failed: bool = False,
) -> Summary:
    """Send every request of ``input`` and append each result to ``output``; a ``Summary``.

    ``input``: the Batch API's JSONL (``custom_id``, ``method``, ``url``, ``body``), checked
    whole first (``InputError`` lists every bad line). ``output``: the Batch API's output JSONL,
    one flushed line per result, in completion order; ids that already succeeded are skipped,
    so run it again after a crash or Ctrl-C to finish. Ids whose results are errors are sent
    again (``keep_failed=True`` keeps those errors); the output then ends with exactly one line
    per ``custom_id``, superseded error lines removed. ``rpm``/``tpm``: stay under these
    limits (else follow the server's rate-limit headers). ``concurrency``: requests in flight
    at most. ``config``: the ``AsyncClient``'s configuration (key, base URL, retries, timeouts).
    ``progress``: a display on standard error (None: when it is a terminal).
    ``limiter``: ``"redis://host:port/db"`` shares ``rpm``/``tpm`` (and what the server's
    headers say) with every process naming the same Redis and key; or a ``Limiter``.
    """
    return asyncio.run(
        run_async(
            input,
            output,
            rpm=rpm,
            tpm=tpm,
            concurrency=concurrency,
            config=config,
            progress=progress,
            handle_signals=handle_signals,
            drain_timeout=drain_timeout,
            rate_limit_rounds=rate_limit_rounds,
            fsync=fsync,
            limiter=limiter,
            keep_failed=keep_failed,
        )
    )
