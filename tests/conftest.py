"""Shared fixtures: a loopback HTTP server per test and clients configured for it."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Any, AsyncIterator, Callable, Iterator, List, Optional

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import openai_rest
import services
from loopback import LoopbackServer, Received, Reply
from redisd import redis_server  # noqa: F401 - a real redis-server, for the tests that need one

KEY = "sk-test-secret-key-0123456789abcdef"


class Scripted:
    """A loopback server whose answers a test scripts: a list of replies, then a default."""

    def __init__(self) -> None:
        self.replies: List[Reply] = []
        self.default: Callable[[Received], Optional[Reply]] = lambda r: Reply(json={"ok": True})
        self.server = LoopbackServer(self._answer)

    def _answer(self, received: Received) -> Optional[Reply]:
        if self.replies:
            return self.replies.pop(0)
        return self.default(received)

    @property
    def base_url(self) -> str:
        return self.server.base_url

    @property
    def received(self) -> List[Received]:
        return self.server.received

    def config(self, **fields: Any) -> openai_rest.Config:
        fields.setdefault("api_key", KEY)
        fields.setdefault("api_url", self.base_url)
        return openai_rest.Config(**fields)


@pytest.fixture
def server() -> Iterator[Scripted]:
    scripted = Scripted()
    with scripted.server:
        yield scripted


@pytest.fixture
def client(server: Scripted) -> Iterator[openai_rest.Client]:
    with openai_rest.Client(server.config(max_retries=2)) as c:
        yield c


@pytest.fixture(autouse=True)
def _clean_global_config(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts with an empty global configuration and no OPENAI_* (or Azure) variables."""
    for name in openai_rest._config.CONFIG_ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    openai_rest._config.GLOBAL.reset()
    yield
    openai_rest._config.GLOBAL.reset()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say how many docs examples ran (tests/test_docs.py), even under ``-q``."""
    docs = sys.modules.get("test_docs")
    if docs is not None and docs.COUNTS.pages:
        terminalreporter.write_line(docs.COUNTS.line())
    for absent in services.ABSENT_AT_COLLECTION:
        terminalreporter.write_line(f"CI=true, FAILED (a service CI must have): {absent}")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: Any) -> Iterator[None]:
    """Under CI=true a test skipped for an absent service fails (tests/services.py)."""
    outcome = yield
    services.enforce(outcome.get_result())  # type: ignore[attr-defined]


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Iterator[None]:
    """The same for a whole module or class skipped at collection (failed at the session's end)."""
    outcome = yield
    services.enforce(outcome.get_result(), at_collection=True)  # type: ignore[attr-defined]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if services.ABSENT_AT_COLLECTION and session.exitstatus == 0:
        session.exitstatus = 1


ASYNC_TRANSPORTS = ["AsyncioTransport", "AiohttpTransport"]


@contextlib.asynccontextmanager
async def async_client(
    config: openai_rest.Config, transport: str = ""
) -> AsyncIterator[openai_rest.AsyncClient]:
    """An ``AsyncClient`` on its default transport, or on the named one of
    ``openai_rest.transports`` (a plugged transport is the caller's to close: closed here)."""
    plugged = None
    if transport:
        plugged = getattr(openai_rest.transports, transport)(config.api_url, config.http_options)
    try:
        async with openai_rest.AsyncClient(config, transport=plugged) as client:
            yield client
    finally:
        if plugged is not None:
            await plugged.aclose()
