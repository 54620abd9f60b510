"""Azure OpenAI: where a request goes and how it authenticates (pure; used by request building).

Azure is on when a configuration sets ``azure_endpoint``, or when ``AZURE_OPENAI_ENDPOINT`` is
set and no ``api_url`` is configured (in a ``Config`` or ``OPENAI_BASE_URL``);
``azure_endpoint=None`` turns it off. Then:

- ``api_version="v1"`` (or an endpoint ending in ``/openai/v1``) uses the v1 API: every path goes
  to ``{endpoint}/openai/v1/...`` with no ``api-version``; ``"preview"`` and ``"latest"`` also use
  the v1 API, with ``?api-version=preview|latest`` (Azure's v1 preview channel).
- Any other version (a date such as ``2024-10-21``) uses the deployment API:
  ``DEPLOYMENT_PATHS`` go to ``{endpoint}/openai/deployments/{deployment}/...``, where the
  deployment is ``azure_deployment`` or else the call's ``model``; every other path goes to
  ``{endpoint}/openai/...``; all with ``?api-version=...``.
- Authentication: ``azure_ad_token_provider`` (called per request), else ``azure_ad_token``
  (``AZURE_OPENAI_AD_TOKEN``), both sent as ``Authorization: Bearer``; else the key, ``api_key``
  or ``AZURE_OPENAI_API_KEY``, sent as ``api-key``. A token set in a configuration beats a key
  from the environment; in the environment the token beats the key (as the official SDK).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import (
        Any,
        Awaitable,
        Callable,
        Dict,
        Generator,
        Mapping,
        Optional,
        Tuple,
        Union,
    )

    from ._config import Config
    from ._endpoint import Route
    from ._request import Request

    TokenProvider = Callable[[], Union[str, Awaitable[str]]]

ENDPOINT_ENV = "AZURE_OPENAI_ENDPOINT"
KEY_ENV = "AZURE_OPENAI_API_KEY"
TOKEN_ENV = "AZURE_OPENAI_AD_TOKEN"
VERSION_ENV = "OPENAI_API_VERSION"
AZURE_ENV_VARS = (ENDPOINT_ENV, KEY_ENV, TOKEN_ENV, VERSION_ENV)
"""Read at request time like ``_config.ENV_VARS``: the settings cache watches them too."""

DEPLOYMENT_PATHS = frozenset(
    {
        "/completions",
        "/chat/completions",
        "/embeddings",
        "/audio/transcriptions",
        "/audio/translations",
        "/audio/speech",
        "/images/generations",
        "/images/edits",
    }
)
"""The operations Azure serves per deployment: the official SDK's list."""

V1_VERSIONS = frozenset({"v1", "preview", "latest"})
"""``api_version`` values that select the v1 API (``{endpoint}/openai/v1/...``)."""


class Azure:
    """The resolved Azure settings of a configuration: base URL, version, deployment, auth."""

    __slots__ = (
        "endpoint",
        "deployment",
        "api_version",
        "v1",
        "base_url",
        "query",
        "key",
        "token",
        "token_provider",
        "bearer",
    )

    def __init__(
        self,
        endpoint: str,
        deployment: Optional[str],
        api_version: str,
        key: Optional[str],
        token: Optional[str],
        token_provider: Optional[TokenProvider],
    ) -> None:
        self.endpoint = endpoint
        self.deployment = deployment
        self.api_version = api_version
        self.v1 = api_version in V1_VERSIONS
        self.base_url = endpoint + ("/openai/v1" if self.v1 else "/openai")
        self.query: Dict[str, str] = {} if api_version == "v1" else {"api-version": api_version}
        self.key = key
        self.token = token
        self.token_provider = token_provider
        self.bearer: Tuple[str, str] = ("", "")  # the provider's last token and its header

    def url(self, route: Route, path: str, params: Mapping[str, Any]) -> str:
        """The URL (without query) of ``route`` at ``path`` for a call with ``params``; raises
        without a deployment for a deployment-scoped operation (a POST to ``DEPLOYMENT_PATHS``)."""
        if self.v1 or route.method != "POST" or path not in DEPLOYMENT_PATHS:
            return self.base_url + path
        from urllib.parse import quote

        deployment = self.deployment or params.get("model")
        if not isinstance(deployment, str) or not deployment:
            from ._errors import OpenAIError

            raise OpenAIError(
                f"{route.name}: Azure OpenAI needs a deployment for {path}: set "
                "azure_deployment=... in the Config, or pass model=<deployment name>"
            )
        return f"{self.base_url}/deployments/{quote(deployment, safe='')}{path}"

    def auth_headers(self) -> Dict[str, str]:
        """The authentication headers known without calling a token provider."""
        if self.token_provider is not None:
            return {}
        if self.token:
            return {"Authorization": f"Bearer {self.token}"}
        if self.key:
            return {"api-key": self.key}
        return {}

    def __repr__(self) -> str:
        return f"Azure(base_url={self.base_url!r}, api_version={self.api_version!r})"


def resolve_azure(config: Config, environ: Mapping[str, str]) -> Optional[Azure]:
    """The Azure settings of ``config`` (every layer merged) over ``environ``; ``None`` when the
    configuration is not for Azure. Raises ``OpenAIError`` naming a missing endpoint or version."""
    from ._config import UNSET
    from ._errors import OpenAIError

    endpoint = config.azure_endpoint
    if endpoint is UNSET:  # from the environment, unless an OpenAI base URL is configured
        configured = config.api_url is not UNSET or environ.get("OPENAI_BASE_URL")
        endpoint = None if configured else environ.get(ENDPOINT_ENV) or None
    if not endpoint:
        wanted = [
            name
            for name in ("azure_deployment", "azure_ad_token", "azure_ad_token_provider")
            if getattr(config, name) not in (UNSET, None)
        ]
        if wanted and config.azure_endpoint is UNSET:
            raise OpenAIError(
                f"{wanted[0]} is set but no Azure endpoint: set azure_endpoint="
                f"'https://<resource>.openai.azure.com' or the {ENDPOINT_ENV} environment variable"
            )
        return None
    endpoint, v1_path = _split_endpoint(endpoint)
    version = config.api_version
    if version is UNSET:
        version = environ.get(VERSION_ENV) or None
    if not version:
        if not v1_path:
            raise OpenAIError(
                "Azure OpenAI needs an API version: set api_version='2024-10-21' (or 'v1' for "
                f"the v1 API) in the Config, or the {VERSION_ENV} environment variable"
            )
        version = "v1"
    elif v1_path and version not in V1_VERSIONS:
        version = "v1"
    token_provider = _unset_to_none(config.azure_ad_token_provider)
    token = _unset_to_none(config.azure_ad_token)
    key = _unset_to_none(config.api_key)
    if token_provider is None and token is None and config.api_key is UNSET:
        token = environ.get(TOKEN_ENV) or None
        if token is None:
            key = environ.get(KEY_ENV) or None
    deployment = _unset_to_none(config.azure_deployment)
    return Azure(endpoint, deployment, version, key, token, token_provider)


def _unset_to_none(value: Any) -> Any:
    from ._config import UNSET

    return None if value is UNSET else value


def _split_endpoint(endpoint: str) -> Tuple[str, bool]:
    """The resource endpoint without a trailing ``/openai`` or ``/openai/v1``; whether it had
    ``/openai/v1`` (which selects the v1 API)."""
    from ._config import check_api_url

    base = check_api_url(endpoint, "azure_endpoint")
    if base.endswith("/openai/v1"):
        return base[: -len("/openai/v1")], True
    if base.endswith("/openai"):
        return base[: -len("/openai")], False
    return base, False


def authorize(request: Request) -> Optional[Awaitable[None]]:
    """Call the request's token provider, if any, and set its bearer header.

    Returns ``None`` when done, or an awaitable to await when the provider is async (only the
    async face can). A provider that raises or returns no token is an ``OpenAIError`` saying so.
    """
    settings = request.settings
    azure = settings.azure if settings is not None else None
    if azure is None or azure.token_provider is None:
        return None
    if any(name.lower() == "authorization" for name in request.headers):
        return None  # extra_headers gave one for this call
    token = _call_provider(azure.token_provider)
    if hasattr(token, "__await__"):
        return _PendingToken(request, token)
    _set_token(request, azure, token)
    return None


def _call_provider(provider: TokenProvider) -> Any:
    from ._errors import OpenAIError

    try:
        return provider()
    except Exception as error:
        raise OpenAIError(
            f"azure_ad_token_provider raised {type(error).__name__}: {error}"
        ) from error


class _PendingToken:
    """An async provider's token, awaited by the async face (or closed by the sync one)."""

    def __init__(self, request: Request, token: Awaitable[str]) -> None:
        self.request = request
        self.token = token

    def __await__(self) -> Generator[Any, None, None]:
        return self._apply().__await__()

    async def _apply(self) -> None:
        from ._errors import OpenAIError

        try:
            token = await self.token
        except Exception as error:
            raise OpenAIError(
                f"azure_ad_token_provider raised {type(error).__name__}: {error}"
            ) from error
        _set_token(self.request, self.request.settings.azure, token)  # type: ignore[union-attr,arg-type]

    def close(self) -> None:
        close = getattr(self.token, "close", None)
        if close is not None:
            close()


def _set_token(request: Request, azure: Azure, token: Any) -> None:
    from ._errors import OpenAIError

    if not isinstance(token, str) or not token:
        raise OpenAIError(
            f"azure_ad_token_provider must return a non-empty string, not {type(token).__name__}"
        )
    last = azure.bearer
    if last[0] != token:  # the header is rebuilt only when the token changes
        last = azure.bearer = (token, "Bearer " + token)
    request.headers["Authorization"] = last[1]
    request.headers.pop("api-key", None)


def not_awaited(request: Request, pending: Awaitable[None]) -> None:
    """The sync face's answer to an async token provider: close it and say why."""
    from ._errors import OpenAIError

    if isinstance(pending, _PendingToken):
        pending.close()
    raise OpenAIError(
        "azure_ad_token_provider returned an awaitable: an async provider needs AsyncClient "
        "(the sync Client needs a provider that returns a string)"
    )


def realtime_query(azure: Azure, model: Optional[str]) -> Dict[str, str]:
    """What names the model in a realtime URL: ``model`` on the v1 API, else ``deployment``
    (``azure_deployment``, or the model given)."""
    if azure.v1:
        return {"model": model} if model else {}
    deployment = azure.deployment or model
    return {"deployment": deployment} if deployment else {}


def realtime_target(
    config: Config, environ: Mapping[str, str], model: Optional[str] = None
) -> Optional[Tuple[str, Dict[str, str]]]:
    """For the realtime WebSocket: the ``wss://`` URL and the static auth headers of Azure, or
    ``None`` when ``config`` is not for Azure. With a token provider the headers are empty:
    call ``resolve_azure(...).token_provider`` and send ``Authorization: Bearer <token>``."""
    from urllib.parse import urlencode

    azure = resolve_azure(config, environ)
    if azure is None:
        return None
    scheme, rest = azure.base_url.split("://", 1)
    base = ("wss" if scheme.lower() == "https" else "ws") + "://" + rest
    query = {**azure.query, **realtime_query(azure, model)}
    suffix = "?" + urlencode(query) if query else ""
    return f"{base}/realtime{suffix}", azure.auth_headers()
