"""The client tier: real OpenAI clients other than the official SDK, against the emulator.

Each client is a package ``scripts/services/clients.sh`` installs; a test whose client is
absent skips with ``service absent:`` (a failure under CI, which installs them all).
"""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from services import skip_reason


def client_module(package: str, module: str) -> Any:
    """``module`` of the ``package`` client, or a ``service absent`` skip naming the install."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        why = f"not installed ({exc}); bash scripts/services/clients.sh installs it"
        pytest.skip(skip_reason(package, why), allow_module_level=True)
