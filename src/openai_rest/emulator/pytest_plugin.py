"""pytest plugin (entry point ``pytest11``): the ``openai_emulator`` and ``openai_cassette``
fixtures.

One emulator serves the whole test session; each test gets a fresh handle whose faults
(injected faults, fail rate, latency, rate limits) are cleared when the test ends::

    def test_chat(openai_emulator):
        answer = openai_emulator.client.chat_completion(model="gpt-4o", messages=[...])
        openai_emulator.faults.inject("503; times=2")   # the next two requests fail

``openai_cassette`` replays the test's recorded exchanges (``cassettes/<module>/<test>/``
beside the test file) and records them anew with ``pytest --record-cassettes``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Optional

import pytest

from ._server import Emulator

if TYPE_CHECKING:
    from ._faults import Faults
    from ._state import State

API_KEY = "sk-emulator"


class EmulatorHandle:
    """What ``openai_emulator`` gives a test: the base URL, clients, and the server's knobs."""

    def __init__(self, emulator: Emulator) -> None:
        assert emulator.base_url is not None and emulator.state is not None
        self.emulator = emulator
        self.base_url: str = emulator.base_url
        self.api_key = API_KEY
        self._client: Optional[Any] = None
        self._async_client: Optional[Any] = None

    @property
    def state(self) -> State:
        """The emulator's stores (files, assistants, threads, runs...)."""
        assert self.emulator.state is not None
        return self.emulator.state

    @property
    def faults(self) -> Faults:
        """Run-time fault settings: ``inject(spec)``, ``fail_rate``, ``latency_ms``, ``limits``."""
        return self.emulator.faults

    def config(self, **fields: Any) -> Any:
        """An ``openai_rest.Config`` for this emulator; ``fields`` override the defaults."""
        from openai_rest import Config

        return Config(**{"api_key": API_KEY, "api_url": self.base_url, **fields})

    @property
    def client(self) -> Any:
        """An ``openai_rest.Client`` configured for this emulator (made on first use)."""
        if self._client is None:
            from openai_rest import Client

            self._client = Client(self.config())
        return self._client

    @property
    def async_client(self) -> Any:
        """An ``openai_rest.AsyncClient`` configured for this emulator (made on first use)."""
        if self._async_client is None:
            from openai_rest import AsyncClient

            self._async_client = AsyncClient(self.config())
        return self._async_client

    def close(self) -> None:
        """Close the sync client if one was made (the async one closes in its own loop)."""
        close = getattr(self._client, "close", None)
        if callable(close):
            close()
        self._client = self._async_client = None

    def __repr__(self) -> str:
        return f"<openai_emulator {self.base_url}>"


MODELS_ENV = "OPENAI_EMULATOR_MODELS"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("openai_emulator", "the OpenAI emulator (openai-rest)")
    group.addoption(
        "--openai-emulator-models",
        choices=("any", "known"),
        default=None,
        help="any (default): accept made-up model names; known: unknown models are a 404 "
        f"model_not_found, as the API (also ${MODELS_ENV})",
    )
    group.addoption(
        "--record-cassettes",
        action="store_true",
        default=False,
        help="openai_cassette records from the upstream (${UPSTREAM_ENV}, else $OPENAI_BASE_URL, "
        f"else the API) with $OPENAI_API_KEY instead of replaying (also ${RECORD_ENV}=1)",
    )


RECORD_ENV = "OPENAI_RECORD_CASSETTES"
UPSTREAM_ENV = "OPENAI_CASSETTE_UPSTREAM"
TIMING_ENV = "OPENAI_CASSETTE_TIMING"
REPLAY_KEY = "sk-cassette"


def _models(config: pytest.Config) -> str:
    chosen = config.getoption("--openai-emulator-models", default=None)
    return str(chosen or os.environ.get(MODELS_ENV) or "any")


@pytest.fixture(scope="session")
def openai_emulator_server(pytestconfig: pytest.Config) -> Iterator[Emulator]:
    """The session's emulator, started on a free port of 127.0.0.1. Request bodies are
    checked against the spec; model names are free unless ``--openai-emulator-models=known``."""
    emulator = Emulator(models=_models(pytestconfig))
    emulator.start()
    try:
        yield emulator
    finally:
        emulator.stop()


@pytest.fixture
def openai_emulator(openai_emulator_server: Emulator) -> Iterator[EmulatorHandle]:
    """The session's emulator for one test: ``.base_url``, ``.client``, ``.faults``, ``.state``."""
    handle = EmulatorHandle(openai_emulator_server)
    try:
        yield handle
    finally:
        handle.close()
        openai_emulator_server.faults.clear()


class CassetteHandle(EmulatorHandle):
    """What ``openai_cassette`` gives a test: an ``openai_emulator``-like handle whose server
    records from the upstream or replays the test's cassettes (``.recording``, ``.folder``)."""

    def __init__(self, emulator: Emulator, folder: Path, recording: bool) -> None:
        super().__init__(emulator)
        self.folder, self.recording = folder, recording
        self.api_key = os.environ.get("OPENAI_API_KEY", REPLAY_KEY) if recording else REPLAY_KEY

    def config(self, **fields: Any) -> Any:
        from openai_rest import Config

        return Config(**{"api_key": self.api_key, "api_url": self.base_url, **fields})

    def __repr__(self) -> str:
        mode = "recording" if self.recording else "replaying"
        return f"<openai_cassette {mode} {self.folder} at {self.base_url}>"


def cassette_folder(node: Any) -> Path:
    """``<the test file's folder>/cassettes/<module>/<test name>``."""
    path = Path(str(node.path))
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", node.name).strip("-")
    return path.parent / "cassettes" / path.stem / name


def _recording(config: pytest.Config) -> bool:
    if config.getoption("--record-cassettes", default=False):
        return True
    return os.environ.get(RECORD_ENV, "").lower() in ("1", "true", "yes", "on")


@pytest.fixture
def openai_cassette(request: pytest.FixtureRequest) -> Iterator[CassetteHandle]:
    """A server for this test that replays its cassettes (no network, no key), or records
    them from the upstream with ``--record-cassettes``: a suite that ran once against the API
    runs offline in CI, through any client pointed at ``.base_url``."""
    from .._config import DEFAULT_API_URL

    folder = cassette_folder(request.node)
    recording = _recording(request.config)
    if recording:
        for old in folder.glob("*.json"):
            old.unlink()
        upstream = os.environ.get(UPSTREAM_ENV) or os.environ.get("OPENAI_BASE_URL")
        emulator = Emulator(record=upstream or DEFAULT_API_URL, cassettes=str(folder))
    else:
        if not any(folder.glob("*.json")):
            pytest.fail(
                f"no cassettes in {folder}: record them once with pytest --record-cassettes "
                f"(upstream ${UPSTREAM_ENV} or the API, key $OPENAI_API_KEY)",
                pytrace=False,
            )
        timing = os.environ.get(TIMING_ENV, "").lower() in ("1", "true", "yes", "on")
        emulator = Emulator(replay=str(folder), fast=not timing)
    emulator.start()
    handle = CassetteHandle(emulator, folder, recording)
    try:
        yield handle
    finally:
        handle.close()
        emulator.stop()
