"""Any endpoint, raw: a method and a path, sent through the client's own request flow.

The public ``Client`` has one function per endpoint and no generic request yet, so this builds
a one-off endpoint from the core's route and endpoint types and sends it the way every endpoint
is sent (configuration, headers, retries, errors). Replace with a public ``Client.request``
when the core grows one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterator, Optional, Sequence

from ._common import log_response

if TYPE_CHECKING:
    from openai_rest import Client

BETA_PREFIXES = ("/assistants", "/threads", "/vector_stores")


def normalize_path(path: str, base_url: str) -> str:
    """``models``, ``/models`` and ``/v1/models`` all mean ``/models`` under a ``/v1`` base."""
    path = "/" + path.lstrip("/")
    if base_url.rstrip("/").endswith("/v1") and (path == "/v1" or path.startswith("/v1/")):
        path = path[3:] or "/"
    return path


def request(
    client: Client,
    method: str,
    path: str,
    params: Optional[Dict[str, Any]] = None,
    *,
    files: Sequence[str] = (),
    stream: bool = False,
) -> Any:
    """Send ``method path``; the answer as ``bytes`` (or an iterator of chunks with ``stream``).

    ``params`` go in the query of a GET or DELETE and in a JSON body otherwise, or a multipart
    form when ``files`` names fields holding files.
    """
    from openai_rest._endpoint import Endpoint, Route

    method = method.upper()
    body = "multipart" if files else ("json" if method in ("POST", "PUT", "PATCH") else "query")
    beta = "assistants=v2" if path.startswith(BETA_PREFIXES) else None
    route = Route(
        method,
        path.replace("{", "%7B").replace("}", "%7D"),
        body=body,
        files=files,
        result="stream" if stream else "bytes",
        beta=beta,
    )

    def api(self: Any, **options: Any) -> Any:
        """A raw request."""

    real: Any = getattr(client, "_client", client)  # unwrap the -v logging client
    result = real._call(Endpoint(api, [route]), (), dict(params or {}))
    log_response(result)
    return result


def chunks(client: Client, path: str) -> Iterator[bytes]:
    """A GET answer's body in chunks, as they arrive."""
    stream: Iterator[bytes] = request(client, "GET", path, stream=True)
    return stream
