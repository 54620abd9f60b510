"""``client.admin``: the administration endpoints (``/organization/...``) of a client.

Loaded on the first ``client.admin``, so ``import openai_rest`` does not define the admin
endpoints; they are sent through the client they belong to.
"""

from __future__ import annotations

from types import MethodType
from typing import Any, Callable

from ._client import async_caller, sync_caller
from ._endpoint import AsyncFaceBase, Endpoint, SyncFaceBase
from ._endpoints.admin import AdminAPI


class _AdminFace(AdminAPI):
    """The admin namespace of a client: its endpoints are sent through that client."""

    _unbound: Callable[[Endpoint[Any, Any]], Callable[..., Any]]

    def __init__(self, client: Any) -> None:
        self._client = client

    def _bind(self, endpoint: Endpoint[Any, Any]) -> Any:
        return MethodType(type(self)._unbound(endpoint), self._client)

    def __repr__(self) -> str:
        return f"<admin of {self._client!r}>"


class SyncAdmin(_AdminFace, SyncFaceBase):
    """``client.admin``: the administration endpoints (``/organization/...``)."""

    _unbound = staticmethod(sync_caller)


class AsyncAdmin(_AdminFace, AsyncFaceBase):
    """``async_client.admin``: the administration endpoints, as coroutines."""

    _unbound = staticmethod(async_caller)
