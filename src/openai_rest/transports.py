"""The transport seam, public: plug your own, or pick another of ours.

    client = openai_rest.Client(config, transport=MyTransport())

A sync transport has ``handle_request(request) -> Response`` and ``close()``; an async one
``async handle_async_request(request) -> Response`` and ``async aclose()`` (see ``Transport``
and ``AsyncTransport``). Ours:

- ``HTTPClientTransport``: the default for ``Client`` (standard library, pooled);
- ``Urllib3Transport``: urllib3's pool (``pip install openai-rest[urllib3]``);
- ``AsyncioTransport``: the default for ``AsyncClient`` (asyncio's sockets and our HTTP/1.1);
- ``AiohttpTransport``: aiohttp's client; ``AsyncClient`` uses it when a proxy applies.

Each is imported only when named here, so ``import openai_rest`` stays free of them.
"""

from __future__ import annotations

from ._request import Request
from ._transports.base import AsyncTransport, Response, Transport

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_LAZY = {
    "HTTPClientTransport": "._transports.httpclient_transport",
    "Urllib3Transport": "._transports.urllib3_transport",
    "AsyncioTransport": "._transports.asyncio_transport",
    "AiohttpTransport": "._transports.aiohttp_transport",
}

__all__ = ["AsyncTransport", "Request", "Response", "Transport", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'openai_rest.transports' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module, __package__), name)
