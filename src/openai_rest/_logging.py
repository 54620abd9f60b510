"""``OPENAI_LOG=info|debug``: the library's logging on standard error, as the official SDK reads it.

``info`` shows retries; ``debug`` also shows every request (method, URL, headers) and answer
(status, request id). Secret headers are shortened like keys, and a filter masks anything that
looks like a key or a bearer token in every record. Read once, when ``openai_rest`` is imported;
without ``OPENAI_LOG`` nothing is set up and ``logging`` is not imported.
"""

from __future__ import annotations

import os

from ._config import SECRET_HEADERS, redact_key

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Tuple

LOG_ENV = "OPENAI_LOG"
LOGGER = "openai_rest"

request_hooks: Tuple[Callable[..., Any], ...] = ()
"""Hooks every new client runs before each attempt (the debug log when ``OPENAI_LOG=debug``)."""
response_hooks: Tuple[Callable[..., Any], ...] = ()
"""Hooks every new client runs after each answer."""


def scrubbed_headers(headers: Any) -> dict:  # type: ignore[type-arg]
    """Headers for a log line: the values of secret ones shortened to their last four chars."""
    return {
        name: redact_key(value) if name.lower() in SECRET_HEADERS and value else value
        for name, value in headers.items()
    }


def log_request(request: Any) -> None:
    import logging

    logging.getLogger(LOGGER).debug(
        "request: %s %s headers=%s", request.method, request.url, scrubbed_headers(request.headers)
    )


def log_response(request: Any, response: Any) -> None:
    import logging

    logging.getLogger(LOGGER).debug(
        "response: %s %s -> %s (request id %s)",
        request.method,
        request.url,
        response.status,
        response.headers.get("x-request-id") or "-",
    )


def setup_from_env() -> None:
    """Turn on the library's logging when ``OPENAI_LOG`` is ``info`` or ``debug``."""
    global request_hooks, response_hooks
    level = os.environ.get(LOG_ENV, "").strip().lower()
    if level not in ("info", "debug"):
        return
    import logging
    import re

    secret = re.compile(r"(sk-|Bearer\s+)[A-Za-z0-9._\-]{8,}")

    class Scrub(logging.Filter):
        """Masks key-like strings, whatever logged them."""

        def filter(self, record: logging.LogRecord) -> bool:
            message = record.getMessage()
            masked = secret.sub(lambda m: m.group(1) + "***", message)
            if masked != message:
                record.msg, record.args = masked, None
            return True

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("[%(asctime)s - %(name)s - %(levelname)s] %(message)s"))
    handler.addFilter(Scrub())
    logger = logging.getLogger(LOGGER)
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if level == "debug" else logging.INFO)
    if level == "debug":
        request_hooks, response_hooks = (log_request,), (log_response,)
