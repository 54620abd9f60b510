"""Fixtures of the emulator's tests (the ``openai_emulator`` fixture comes from our plugin)."""

from __future__ import annotations

import uuid
from typing import Iterator

import pytest

from openai_rest.emulator.pytest_plugin import EmulatorHandle

from ._helpers import Api


@pytest.fixture
def api(openai_emulator: EmulatorHandle) -> Iterator[Api]:
    yield Api(openai_emulator.base_url)


@pytest.fixture
def unique() -> str:
    """A unique fault item (``id=...``), so ``times=`` counters of different tests never meet."""
    return f"id={uuid.uuid4().hex}"
