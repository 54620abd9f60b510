"""Running the emulator: ``Emulator`` (a background thread, for tests and scripts) and ``main``
(the ``openai-rest emulate`` command)."""

from __future__ import annotations

import sys
import threading
from types import TracebackType
from typing import TYPE_CHECKING, Any, Callable, List, Optional, Sequence, Tuple, Type

from ._faults import Faults
from ._state import State
from ._timing import Timing
from ._validate import Validator

if TYPE_CHECKING:  # asyncio, argparse and aiohttp load when a server starts
    import argparse
    import asyncio

    from aiohttp import web


def _url_host(host: str) -> str:
    if host in ("", "0.0.0.0"):
        return "127.0.0.1"
    if host == "::":
        return "[::1]"
    return f"[{host}]" if ":" in host else host


async def _start(
    state: State,
    faults: Faults,
    host: str,
    port: int,
    validator: Optional[Validator] = None,
    cassettes: Optional[CassetteMode] = None,
) -> Tuple[web.AppRunner, str]:
    """Start serving on ``host:port`` (0: a free port); the runner and the ``/v1`` base URL.
    With ``cassettes`` it records or replays instead of emulating."""
    from aiohttp import web

    from ._app import API_PREFIX, make_app

    if cassettes is not None:
        from ._record import make_cassette_app

        app = make_cassette_app(cassettes.handler())
    else:
        app = make_app(state, faults, validator)
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, host, port, reuse_address=True)
    await site.start()
    bound = runner.addresses[0][1]
    return runner, f"http://{_url_host(host)}:{bound}{API_PREFIX}"


class CassetteMode:
    """Record (``upstream`` into ``folder``) or replay (``folder``, ``upstream`` None)."""

    def __init__(
        self,
        folder: str,
        upstream: Optional[str] = None,
        key: Optional[str] = None,
        fast: bool = False,
    ) -> None:
        self.folder, self.upstream, self.key, self.fast = folder, upstream, key, fast

    @classmethod
    def of(
        cls,
        record: Optional[str],
        cassettes: Optional[str],
        replay: Optional[str],
        upstream_key: Optional[str] = None,
        fast: bool = False,
    ) -> Optional[CassetteMode]:
        """The mode the options ask for, or None (emulate); ValueError for a bad mix."""
        if record and replay:
            raise ValueError("--record and --replay exclude each other")
        if record:
            if not cassettes:
                raise ValueError("--record needs --cassettes DIR")
            return cls(cassettes, record, upstream_key)
        if replay:
            return cls(replay, fast=fast)
        return None

    def handler(self) -> Any:
        from ._record import Player, Recorder

        if self.upstream:
            return Recorder(self.upstream, self.folder, self.key)
        return Player(self.folder, self.fast)


def _state(data_dir: Optional[str], webhook_url: Optional[str], secret: Optional[str]) -> State:
    """The stores, with a webhook sender when ``webhook_url`` is given (the secret defaults to
    ``OPENAI_WEBHOOK_SECRET``)."""
    state = State(data_dir)
    if webhook_url:
        import os

        from ._webhooks import WebhookSender

        secret = secret or os.environ.get("OPENAI_WEBHOOK_SECRET")
        if not secret:
            raise ValueError("a webhook URL needs a secret: whsec_... or OPENAI_WEBHOOK_SECRET")
        state.webhooks = WebhookSender(webhook_url, secret)
    return state


class Emulator:
    """A local OpenAI API served from a background thread with its own event loop.

    ``with Emulator() as base_url:`` starts it on a free port and stops it on exit. The
    ``state`` (stores) and ``faults`` (fail rate, latency, rate limits, injected faults)
    attributes can be read and changed while it runs. ``ttft`` (ms), ``tokens_per_second`` and
    ``jitter`` pace every stream (``faults.timing``; see ``_timing``). Request bodies are checked
    against the spec unless ``validate=False``; ``models="any"`` accepts made-up model names.
    ``record=UPSTREAM, cassettes=DIR`` forwards to an upstream and records each exchange;
    ``replay=DIR`` (``fast=True``: streams without their timing) serves them (``_record``).
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        data_dir: Optional[str] = None,
        fail_rate: float = 0.0,
        rpm: Optional[int] = None,
        tpm: Optional[int] = None,
        latency: int = 0,
        seed: Optional[int] = None,
        webhook_url: Optional[str] = None,
        webhook_secret: Optional[str] = None,
        ttft: float = 0.0,
        tokens_per_second: Optional[float] = None,
        jitter: float = 0.0,
        models: str = "known",
        validate: bool = True,
        record: Optional[str] = None,
        cassettes: Optional[str] = None,
        replay: Optional[str] = None,
        upstream_key: Optional[str] = None,
        fast: bool = False,
    ) -> None:
        self.host, self.port, self.data_dir = host, port, data_dir
        self.webhook_url, self.webhook_secret = webhook_url, webhook_secret
        self.validator = Validator(models) if validate else None
        self.cassettes = CassetteMode.of(record, cassettes, replay, upstream_key, fast)
        self.faults = Faults(fail_rate, latency, rpm, tpm, seed)
        self.faults.timing = Timing(ttft, tokens_per_second, jitter, seed)
        self.state: Optional[State] = None
        self.base_url: Optional[str] = None
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._thread: Optional[threading.Thread] = None
        self._runner: Optional[web.AppRunner] = None

    def start(self) -> str:
        """Start serving (no-op when running); the base URL, ``http://HOST:PORT/v1``."""
        if self.base_url is not None:
            return self.base_url
        import asyncio

        self.state = _state(self.data_dir, self.webhook_url, self.webhook_secret)
        ready = threading.Event()
        failure: List[BaseException] = []

        def serve() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            try:
                assert self.state is not None
                self._runner, self.base_url = loop.run_until_complete(
                    _start(
                        self.state,
                        self.faults,
                        self.host,
                        self.port,
                        self.validator,
                        self.cassettes,
                    )
                )
            except BaseException as exc:  # handed to the starting thread
                failure.append(exc)
                ready.set()
                loop.close()
                return
            ready.set()
            try:
                loop.run_forever()
                loop.run_until_complete(self._runner.cleanup())
            finally:
                loop.close()

        self._thread = threading.Thread(target=serve, name="openai-rest-emulator", daemon=True)
        self._thread.start()
        ready.wait()
        if failure:
            self._thread.join()
            self.state.close()
            self.state = None
            raise failure[0]
        assert self.base_url is not None
        return self.base_url

    def stop(self) -> None:
        """Stop serving and remove the temporary file folder (no-op when stopped)."""
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
        self._loop = self._thread = self._runner = None
        self.base_url = None
        if self.state is not None:
            self.state.close()
            self.state = None

    def __enter__(self) -> str:
        return self.start()

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"<Emulator {self.base_url or 'stopped'}>"


def _whole(low: int, high: Optional[int] = None) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``, else a usage error."""
    import argparse

    def check(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < low or (high is not None and value > high):
            bounds = f"from {low} to {high}" if high is not None else f"{low} or more"
            raise argparse.ArgumentTypeError(f"must be {bounds}, not {value}")
        return value

    return check


def _parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="openai-rest emulate",
        description="Serve a local OpenAI API emulator; prints its base URL first.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    port = _whole(0, 65535)
    parser.add_argument("--port", type=port, default=0, help="port; 0 picks a free one (0)")
    parser.add_argument("--data-dir", help="keep uploaded files here (default: a temp folder)")
    parser.add_argument(
        "--fail-rate",
        type=float,
        default=0.0,
        help="share of requests answered with a random 500, 0..1 (0)",
    )
    parser.add_argument("--rpm", type=_whole(1), help="requests per minute before 429s")
    parser.add_argument("--tpm", type=_whole(1), help="tokens per minute before 429s (4 bytes = 1)")
    parser.add_argument("--latency", type=_whole(0), default=0, help="ms added to every answer (0)")
    parser.add_argument("--seed", type=int, help="seed of the --fail-rate and --jitter randomness")
    parser.add_argument(
        "--webhook-url",
        metavar="URL",
        help="POST signed webhooks here (background responses, batches, fine-tuning jobs)",
    )
    parser.add_argument(
        "--webhook-secret",
        metavar="SECRET",
        help="whsec_... signing secret of the webhooks (default: $OPENAI_WEBHOOK_SECRET)",
    )
    parser.add_argument(
        "--models",
        choices=("known", "any"),
        default="known",
        help="known: an unknown model is a 404 model_not_found, as the API; any: accept any name",
    )
    parser.add_argument(
        "--no-validate",
        action="store_true",
        help="skip checking request bodies against the spec (unknown parameters, types)",
    )
    parser.add_argument(
        "--record", metavar="UPSTREAM", help="forward to this base URL and record cassettes"
    )
    parser.add_argument("--cassettes", metavar="DIR", help="where --record writes cassettes")
    parser.add_argument(
        "--upstream-key", metavar="KEY", help="the key sent upstream (default: the caller's)"
    )
    parser.add_argument("--replay", metavar="DIR", help="serve the cassettes of DIR, no upstream")
    parser.add_argument(
        "--fast", action="store_true", help="replay streams without their recorded timing"
    )
    parser.add_argument(
        "--ttft", type=float, default=0.0, help="ms before a stream's first token (0)"
    )
    parser.add_argument(
        "--tokens-per-second", type=float, help="stream tokens at this rate after the first"
    )
    parser.add_argument(
        "--jitter", type=float, default=0.0, help="scale each stream wait by 1 ± this, 0..1 (0)"
    )
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """``openai-rest emulate [options]``: serve until SIGINT/SIGTERM; prints the base URL."""
    import asyncio
    import signal

    args = _parser().parse_args(argv)
    if not 0.0 <= args.fail_rate <= 1.0:
        print("openai-rest emulate: --fail-rate must be between 0 and 1", file=sys.stderr)
        return 2
    faults = Faults(args.fail_rate, args.latency, args.rpm, args.tpm, args.seed)
    try:
        faults.timing = Timing(args.ttft, args.tokens_per_second, args.jitter, args.seed)
        state = _state(args.data_dir, args.webhook_url, args.webhook_secret)
        cassettes = CassetteMode.of(
            args.record, args.cassettes, args.replay, args.upstream_key, args.fast
        )
    except Exception as exc:  # a bad secret or timing: one line, not a traceback
        print(f"openai-rest emulate: {exc}", file=sys.stderr)
        return 2
    validator = None if args.no_validate else Validator(args.models)

    async def serve() -> None:
        runner, base_url = await _start(state, faults, args.host, args.port, validator, cassettes)
        print(base_url, flush=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, stop.set)
            except (NotImplementedError, RuntimeError):  # Windows: Ctrl-C raises instead
                pass
        try:
            await stop.wait()
        finally:
            await runner.cleanup()

    try:
        asyncio.run(serve())
    except KeyboardInterrupt:
        pass
    except (OSError, OverflowError) as exc:  # address in use, not permitted, out of range
        print(
            f"openai-rest emulate: cannot serve on {args.host}:{args.port}: {exc}", file=sys.stderr
        )
        return 1
    finally:
        state.close()
    return 0
