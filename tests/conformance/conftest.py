"""Fixtures of the conformance run: the Prism pool, one Prism per spec, and the three faces."""

from __future__ import annotations

from typing import Iterator

import pytest

from openai_rest._config import GLOBAL

from .prism import Prism, PrismPool, why_unavailable
from .specs import OPENAPI

MISSING_SPECS = (
    f"conformance tests skipped: OpenAI's specs are not at {OPENAPI} "
    "(the project's shared/ folder beside the checkout; see CONTRIBUTING.md)"
)

# Without the specs the test modules cannot even build their tables: leave them out, and say so.
collect_ignore_glob = [] if OPENAPI.is_dir() else ["test_*.py"]


def pytest_report_header(config: pytest.Config) -> str:
    return "" if OPENAPI.is_dir() else MISSING_SPECS


@pytest.fixture(scope="session")
def prism_pool() -> Iterator[PrismPool]:
    """Every Prism of the run, each started when a test first needs its spec."""
    reason = why_unavailable()
    if reason:
        pytest.skip(f"conformance tests need Prism: {reason}")
    pool = PrismPool()
    try:
        yield pool
    finally:
        pool.close()


@pytest.fixture
def prism(prism_pool: PrismPool, request: pytest.FixtureRequest) -> Prism:
    """The running Prism for the test's ``spec`` parameter; fails clearly if it died."""
    spec = request.node.callspec.params["spec"]
    try:
        return prism_pool.get(spec)
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture
def global_config() -> Iterator[None]:
    """Leave the global configuration (``openai_rest.configure``) as the test found it."""
    saved = GLOBAL.config
    try:
        yield
    finally:
        with GLOBAL._lock:
            GLOBAL.config = saved
            GLOBAL.version += 1
