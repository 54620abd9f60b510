"""Fixtures of the conformance run: the Prism pool, one Prism per spec, and the three faces."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator, Optional

import pytest

from openai_rest._config import GLOBAL
from services import require, skip_reason

from .prism import Prism, PrismPool, why_unavailable
from .specs import OPENAPI

MISSING_SPECS = (
    f"not at {OPENAPI} (the project's shared/ folder beside the checkout; see CONTRIBUTING.md)"
)


class LeftOut(pytest.File):
    """A conformance module that cannot be collected without the specs: one visible skip."""

    def collect(self) -> Iterator[pytest.Item]:
        yield SpecsAbsent.from_parent(self, name="specs")


class SpecsAbsent(pytest.Item):
    def runtest(self) -> None:
        pytest.skip(
            skip_reason(
                "OpenAI's specs",
                f"{MISSING_SPECS}: every test of {self.path.name} is left out "
                "(its cases are built from the specs)",
            )
        )

    def reportinfo(self) -> tuple[Path, Optional[int], str]:
        return self.path, None, f"{self.path.name}: left out, the specs are absent"


def pytest_pycollect_makemodule(module_path: Path, parent: pytest.Collector) -> Optional[LeftOut]:
    """Without the specs the test modules cannot even build their tables: skip each, visibly."""
    if OPENAPI.is_dir():
        return None
    return LeftOut.from_parent(parent, path=module_path)


def pytest_report_header(config: pytest.Config) -> str:
    return (
        "" if OPENAPI.is_dir() else f"conformance tests skipped: OpenAI's specs are {MISSING_SPECS}"
    )


@pytest.fixture(scope="session")
def prism_pool() -> Iterator[PrismPool]:
    """Every Prism of the run, each started when a test first needs its spec."""
    require("Prism", why_unavailable())
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
