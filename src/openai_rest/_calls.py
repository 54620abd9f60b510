"""A call's two pure halves: arguments to a ``Request``, and a ``Response`` to a result or error."""

from __future__ import annotations

import os

from ._config import Config
from ._endpoint import CONFIG_OPTIONS, deprecation_once, split_call
from ._errors import status_error, unexpected_body
from ._request import build_request
from ._results import ResponseInfo, attach, decode_json, media_type

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Optional, Tuple

    from ._endpoint import Endpoint, Route
    from ._request import Request
    from ._transports.base import Response


def prepare(
    endpoint: Endpoint[Any, Any],
    args: Tuple[Any, ...],
    kwargs: Dict[str, Any],
    settings_for: Any,
) -> Tuple[Route, Request, Dict[str, Any]]:
    """Pick the route, resolve the configuration and build the request; raises on bad input."""
    route, ids, params, options = split_call(endpoint, args, kwargs)
    if not options:  # the common call: no per-call configuration or extras to look up
        request = build_request(route, ids, params, settings_for(None))
    else:
        override = options.get("config")
        if "timeout" in options or "max_retries" in options:
            override = call_config(override, options)
        request = build_request(
            route,
            ids,
            params,
            settings_for(override),
            options.get("extra_headers"),
            options.get("extra_query"),
            options.get("extra_body"),
        )
        if route.result == "bytes" and (options.get("to") is not None or options.get("stream")):
            request.stream = True  # read the body as it comes, never whole
        params = {**params, **options}
    if route.deprecated:
        deprecation_once(route)
    return route, request, params


def call_config(config: Any, options: Dict[str, Any]) -> Config:
    """``config=`` with the call's ``timeout=`` and ``max_retries=`` over it (they win)."""
    if config is not None and not isinstance(config, Config):
        raise TypeError(f"config= must be a Config, not {type(config).__name__}")
    fields = {name: options[name] for name in CONFIG_OPTIONS if name in options}
    return (config or Config()).merged(Config(**fields))


def response_info(request: Request, response: Response, elapsed: float) -> ResponseInfo:
    return ResponseInfo(
        response.status,
        response.headers,
        request.method,
        response.url or request.url,
        elapsed,
        response.retries,
        response.reason,
    )


def raise_for_status(request: Request, response: Response, info: ResponseInfo) -> None:
    if response.status >= 300:  # a redirect that could not be followed is an error too
        settings = request.settings
        raise status_error(
            response.status, response.content or b"", info, settings.api_key if settings else None
        )


def read_result(
    route: Route, request: Request, response: Response, params: Dict[str, Any], elapsed: float
) -> Any:
    """The decoded result of a complete (non-stream) answer, or the error it carries."""
    info = response_info(request, response, elapsed)
    if response.status >= 300:
        raise_for_status(request, response, info)
    content = response.content or b""
    if not content and response.status in (204, 205):
        return None  # "No Content": nothing to decode, and nothing wrong
    kind = route.result
    if kind == "auto":
        kind = _kind_by_content_type(response)
    if kind == "json":
        if route.read is not None:
            value = _read(route, content, params)
            if value is not None:
                return attach(value, info)
        value = decode_json(content, info)
    elif kind == "text":
        value = content.decode("utf-8", "replace")
    else:
        value = content
    if route.finish is not None:
        value = _finish(route, value, params, info, content)
    return attach(value, info)


def binary_info(request: Request, response: Response, elapsed: float) -> ResponseInfo:
    """The metadata of a binary body read in chunks; raises on an error status."""
    info = response_info(request, response, elapsed)
    raise_for_status(request, response, info)
    return info


class Download:
    """Where a binary answer goes with ``to=``: a path, or a binary file object.

    A path is written through ``<path>.part`` and renamed when the body is complete, so a
    failed download never leaves a truncated file under the real name. Used as a context
    manager around the chunk loop; ``result`` is then the path (with its response) or, for a
    file object, the number of bytes written.
    """

    def __init__(self, to: Any, info: ResponseInfo) -> None:
        self.info = info
        self.written = 0
        self.path: Optional[str] = None
        if isinstance(to, (str, os.PathLike)):
            self.path = str(os.fspath(to))
            self.handle: Any = open(self.path + ".part", "wb")  # noqa: SIM115 - closed at exit
        elif hasattr(to, "write"):
            self.handle = to
        else:
            raise TypeError(f"to= must be a path or a binary file object, not {type(to).__name__}")
        self.result: Any = None

    def write(self, chunk: bytes) -> None:
        self.handle.write(chunk)
        self.written += len(chunk)

    def __enter__(self) -> Download:
        return self

    def __exit__(self, kind: Any, error: Any, trace: Any) -> None:
        path = self.path
        if path is None:
            self.result = self.written
            return
        self.handle.close()
        if kind is None:
            os.replace(path + ".part", path)
            self.result = attach(path, self.info)
        else:
            try:
                os.remove(path + ".part")
            except OSError:
                pass


def stream_reader(route: Route, request: Request, response: Response, elapsed: float) -> Any:
    """For a streamed answer: an ``EventReader``, or the whole result when the server sent JSON."""
    from ._streams import EventReader  # with the first stream

    info = response_info(request, response, elapsed)
    raise_for_status(request, response, info)
    settings = request.settings
    return EventReader(route.stream or "chat", info, settings.api_key if settings else None)


def _kind_by_content_type(response: Response) -> str:
    content_type = media_type(response.headers)
    if content_type.endswith("json") or content_type.endswith("+json"):
        return "json" if response.content else "text"
    return "text" if content_type.startswith("text/") else "bytes"


_ODD_SHAPES = (TypeError, ValueError, KeyError, IndexError, AttributeError)


def _read(route: Route, body: bytes, params: Dict[str, Any]) -> Any:
    """The endpoint's own faster reading of a JSON body; None (also when it trips): the usual."""
    assert route.read is not None
    try:
        return route.read(body, params)
    except _ODD_SHAPES:
        return None


def _finish(
    route: Route, value: Any, params: Dict[str, Any], info: ResponseInfo, body: bytes
) -> Any:
    """The endpoint's own last step (decode vectors, ...); an odd shape is a typed error."""
    assert route.finish is not None
    try:
        return route.finish(value, params)
    except _ODD_SHAPES as exc:
        raise unexpected_body(info, body, f"{route.name}'s answer ({exc})") from None
