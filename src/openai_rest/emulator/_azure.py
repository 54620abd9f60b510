"""Azure OpenAI's paths over the same handlers: ``/openai/deployments/{deployment}/...``,
``/openai/...`` (both with ``?api-version=``) and the v1 API ``/openai/v1/...``.

Azure checks ``api-version`` (400 when missing, except on the v1 API), wants an ``api-key``
header or a bearer token, and answers its own errors as ``{"error": {"code", "message"}}``.
A deployment-scoped call without ``model`` uses the deployment's name as the model.
"""

from __future__ import annotations

from typing import List, Optional

from aiohttp import web

from .._azure import DEPLOYMENT_PATHS
from ._http import Handler, Route
from ._state import JSON, ApiError

AZURE_PREFIX = "/openai"
_ACCESS_DENIED = (
    "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a"
    " valid key for an active subscription and use a correct regional API endpoint for your"
    " resource."
)


class AzureError(ApiError):
    """An error Azure itself answers (not the model's): ``{"error": {"code", "message"}}``."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(status, message, code=code)

    def body(self) -> JSON:
        return {"error": {"code": self.code, "message": self.message}}


def is_azure(request: web.Request) -> bool:
    return request.path.startswith(AZURE_PREFIX + "/")


def check(request: web.Request) -> None:
    """Azure's checks before any handler: the API version, then the credentials."""
    if not request.path.startswith(AZURE_PREFIX + "/v1/") and not request.query.get("api-version"):
        raise AzureError(
            400,
            "MissingApiVersionParameter",
            "The api-version query parameter (?api-version=) is required for all requests.",
        )
    auth = request.headers.get("Authorization", "")
    has_bearer = auth[:7].lower() == "bearer " and bool(auth[7:].strip())
    if not has_bearer and not request.headers.get("api-key"):
        raise AzureError(401, "401", _ACCESS_DENIED)


def not_found() -> AzureError:
    return AzureError(404, "404", "Resource not found")


def deployment_of(request: web.Request) -> Optional[str]:
    """The deployment named by the path, which is the model of a call that names none."""
    deployment: Optional[str] = request.get("azure_deployment")
    return deployment


def _scoped(handler: Handler) -> Handler:
    async def with_deployment(request: web.Request) -> web.StreamResponse:
        request["azure_deployment"] = request.match_info["deployment"]
        return await handler(request)

    return with_deployment


def azure_routes(routes: List[Route]) -> List[web.RouteDef]:
    """Every route under ``/openai`` and ``/openai/v1``; deployment-scoped ones also under
    ``/openai/deployments/{deployment}``."""
    defs = []
    for method, path, handler in routes:
        defs.append(web.route(method, AZURE_PREFIX + path, handler))
        defs.append(web.route(method, AZURE_PREFIX + "/v1" + path, handler))
        if method == "POST" and path in DEPLOYMENT_PATHS:
            scoped = AZURE_PREFIX + "/deployments/{deployment}" + path
            defs.append(web.route(method, scoped, _scoped(handler)))
    return defs
