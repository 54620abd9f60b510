"""The one way a test says that a service it needs (nginx, redis-server, Prism, ...) is absent.

Every such skip starts with ``service absent:``, so a run's summary names each left-out tier,
and CI can tell a service it was supposed to have from an ordinary skip. Under ``CI=true``
(what `.ci/run` sets) such a skip is a failure instead: CI installs every service through
``scripts/services/*.sh``, so an absent one is a broken CI, not a tier to leave out. The hooks
that turn the skips into failures are in ``tests/conftest.py``; they catch a ``service
absent:`` skip however it was raised (``require``, ``pytest.skip``, a fixture, a module).
"""

from __future__ import annotations

import os
from typing import Any, List, Optional

import pytest

SERVICE_ABSENT = "service absent"
ALLOW_ABSENT = "OPENAI_REST_ALLOW_ABSENT_SERVICES"
"""Set to 1 to keep the skips under CI=true (a CI step that runs without the services)."""


def skip_reason(service: str, why: str) -> str:
    """The skip message for ``service``: ``service absent: nginx: not on PATH (install ...)``."""
    return f"{SERVICE_ABSENT}: {service}: {why}"


def require(service: str, why_absent: Optional[str]) -> None:
    """Skip the calling test when ``why_absent`` says the service cannot be had."""
    if why_absent:
        pytest.skip(skip_reason(service, why_absent))


def services_required() -> bool:
    """True under ``CI=true`` (unless ``OPENAI_REST_ALLOW_ABSENT_SERVICES=1``)."""
    return os.environ.get("CI", "").lower() == "true" and os.environ.get(ALLOW_ABSENT) != "1"


def skip_message(report: Any) -> Optional[str]:
    """The reason of a skipped test or collector report, or None if it did not skip."""
    if not report.skipped or hasattr(report, "wasxfail"):
        return None
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2])
    return str(longrepr)


ABSENT_AT_COLLECTION: List[str] = []
"""Modules skipped whole for an absent service under CI: they stay skips, so that the rest of
the suite still runs (a failed collection would stop it), and the session fails at its end."""


def enforce(report: Any, at_collection: bool = False) -> None:
    """Under CI, turn a ``service absent:`` skip into a failure that says what is missing."""
    message = skip_message(report)
    if message is None or not services_required():
        return
    reason = message.split("Skipped: ", 1)[-1]
    if reason.startswith(SERVICE_ABSENT + ":") and at_collection:
        ABSENT_AT_COLLECTION.append(f"{report.nodeid}: {reason}")
    elif reason.startswith(SERVICE_ABSENT + ":"):
        report.outcome = "failed"
        report.longrepr = (
            f"{reason}\nCI=true: every service must be present in CI (scripts/services/*.sh "
            f"installs them; {ALLOW_ABSENT}=1 allows the skip in a step without them)"
        )
