"""The one way a test says that a service it needs (nginx, redis-server, ...) is absent.

Every such skip starts with ``service absent:``, so a run's summary names each left-out tier,
and CI can tell a service it was supposed to have from an ordinary skip.
"""

from __future__ import annotations

from typing import Optional

import pytest

SERVICE_ABSENT = "service absent"


def skip_reason(service: str, why: str) -> str:
    """The skip message for ``service``: ``service absent: nginx: not on PATH (install ...)``."""
    return f"{SERVICE_ABSENT}: {service}: {why}"


def require(service: str, why_absent: Optional[str]) -> None:
    """Skip the calling test when ``why_absent`` says the service cannot be had."""
    if why_absent:
        pytest.skip(skip_reason(service, why_absent))
