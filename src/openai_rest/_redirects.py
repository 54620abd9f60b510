"""Following redirects, purely: which answers to follow, and the request to send next.

RFC 9110 section 15.4: a 307 or 308 repeats the request as it was, body included; a 303 (and a
301 or 302 to a POST, as every client does) becomes a GET without a body. At most
``MAX_REDIRECTS`` hops; a loop or one hop too many is a ``RedirectError``. A redirect to
another origin is a ``RedirectError`` naming the target, not followed: the request carries the
key (``Authorization``, ``api-key``) and ``OpenAI-Organization`` / ``OpenAI-Project``, and
nothing of it may reach a server the user did not configure (only http -> https on the same
host is followed). The send flow (``_retry.send_flow``) calls ``follow``, so every transport
and both faces share this one rule.
"""

from __future__ import annotations

from typing import List, Optional, Tuple

from ._errors import RedirectError
from ._request import Request
from ._results import ResponseInfo
from ._transports.base import Response

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5
_BODY_HEADERS = frozenset({"content-type", "content-length", "transfer-encoding"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"

Origin = Tuple[str, str, Optional[int]]


def origin(url: str) -> Origin:
    """``(scheme, host, port)`` of an absolute URL, the port filled in for http and https."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower(), port or _DEFAULT_PORTS.get(scheme)


def keeps_credentials(source: str, target: str) -> bool:
    """Whether a request (and its credentials) may follow a redirect from ``source`` to ``target``.

    Only to the same origin, or from http to https on the same host and default ports (an
    upgrade to TLS, as requests allows).
    """
    old, new = origin(source), origin(target)
    if old == new:
        return True
    return old == ("http", new[1], 80) and new[0] == "https" and new[2] == 443


def follow(request: Request, response: Response, visited: List[str]) -> Optional[Request]:
    """The request that follows a redirect answer, or ``None`` when there is none to follow.

    ``visited`` holds the URLs sent so far in this call (the first included); it grows by one.
    Raises ``RedirectError`` on a loop, too many hops, a scheme other than http(s), or a body
    that cannot be sent again.
    """
    if response.status not in REDIRECT_STATUSES:
        return None
    location = (response.headers.get("location") or "").strip()
    if not location:
        return None  # nowhere to go: the caller reports the 3xx as an error
    from urllib.parse import quote, urldefrag, urljoin

    target = quote(urldefrag(urljoin(request.url, location))[0], safe=_URL_SAFE)

    def refuse(why: str) -> RedirectError:
        info = ResponseInfo(response.status, response.headers, request.method, request.url)
        return RedirectError(
            f"Redirect not followed: {request.method} {request.url} answered "
            f"{response.status} to {target}: {why}",
            response=info,
            location=target,
        )

    if origin(target)[0] not in _DEFAULT_PORTS:
        raise refuse("only http and https URLs are followed")
    if not keeps_credentials(request.url, target):
        raise refuse(
            "another origin: not followed, so that the API key and the organization and project"
            " headers go nowhere but the configured server (point api_url there if you trust it)"
        )
    if target in visited:
        raise refuse("a redirect loop (" + " -> ".join([*visited, target]) + ")")
    if len(visited) > MAX_REDIRECTS:
        raise refuse(f"more than {MAX_REDIRECTS} redirects")
    method, body, headers = request.method, request.body, dict(request.headers)
    status = response.status
    if (status == 303 and method != "HEAD") or (status in (301, 302) and method == "POST"):
        method, body = "GET", None
        headers = {k: v for k, v in headers.items() if k.lower() not in _BODY_HEADERS}
    elif body is not None and not isinstance(body, bytes) and not getattr(body, "replayable", True):
        raise refuse("the request body cannot be sent again")
    visited.append(target)
    return Request(method, target, headers, body, request.timeout, request.stream, request.settings)
