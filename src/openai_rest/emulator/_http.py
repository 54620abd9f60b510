"""HTTP helpers shared by every route: JSON in and out, validation, multipart, SSE."""

from __future__ import annotations

import asyncio
import json
from typing import (
    Any,
    Awaitable,
    Callable,
    Dict,
    Iterable,
    List,
    Mapping,
    NamedTuple,
    Optional,
    Tuple,
    Union,
)

from aiohttp import BodyPartReader, web

from ._faults import Fault
from ._state import JSON, ApiError, paginate

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
Route = Tuple[str, str, Handler]
#: One server-sent event: (event name or None, data as a dict or a raw string).
Event = Tuple[Optional[str], Union[JSON, str]]

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def dumps(obj: Any) -> str:
    """Compact JSON, as the emulator sends it."""
    return _dumps(obj)


def json_response(obj: Any, status: int = 200) -> web.Response:
    """A JSON answer."""
    return web.Response(body=dumps(obj).encode(), status=status, content_type="application/json")


def error_response(error: ApiError) -> web.Response:
    """The API's JSON error body with the error's status and headers."""
    response = json_response(error.body(), error.status)
    response.headers.update(error.headers)
    return response


def fault_of(request: web.Request) -> Optional[Fault]:
    """The fault chosen for this request by the middleware, if any."""
    fault: Optional[Fault] = request.get("fault")
    return fault


async def read_json(request: web.Request, *required: str) -> JSON:
    """The JSON object body, with a 400 naming the first missing ``required`` parameter."""
    raw = await request.read()
    if not raw:
        body: Any = {}
    else:
        try:
            body = json.loads(raw)
        except ValueError:
            raise ApiError(
                400,
                "We could not parse the JSON body of your request. (HINT: This likely means you"
                " aren't using your HTTP library correctly.)",
            ) from None
    if not isinstance(body, dict):
        raise ApiError(400, "The request body must be a JSON object.")
    _model_from_deployment(request, body)
    _validate(request, body)
    require(body, *required)
    return body


def _validate(request: web.Request, body: Dict[str, Any], form: bool = False) -> None:
    """The spec's checks of a body (``_validate``; of a multipart ``form``, its model only),
    when the emulator validates."""
    validate = request.get("validate")
    if validate is not None:
        validate(request, body, form)


def _model_from_deployment(request: web.Request, body: Dict[str, Any]) -> None:
    """On Azure, a call to a deployment's path needs no ``model``: the deployment is it."""
    deployment = request.get("azure_deployment")
    if deployment and not body.get("model"):
        body["model"] = deployment


def require(body: Mapping[str, Any], *names: str) -> None:
    """A 400 with ``param`` set when a required parameter is missing or null."""
    for name in names:
        if body.get(name) is None:
            raise ApiError(
                400,
                f"Missing required parameter: '{name}'.",
                param=name,
                code="missing_required_parameter",
            )


class Upload(NamedTuple):
    """A file part of a multipart body, read into memory (images, audio)."""

    filename: str
    content_type: str
    data: bytes


async def read_form(
    request: web.Request,
    *required: str,
    save: Optional[Callable[[str], str]] = None,
    file_fields: Tuple[str, ...] = (),
) -> Tuple[Dict[str, str], Dict[str, Upload]]:
    """A multipart body as (text fields, file parts), with a 400 for missing ``required``.

    With ``save``, file parts are streamed to the path ``save(field name)`` returns instead of
    memory, and their ``data`` holds nothing (the size is the file's size on disk). Parts named
    in ``file_fields`` are file parts even without a file name.
    """
    if not request.content_type.startswith("multipart/"):
        raise ApiError(400, "This endpoint expects a multipart/form-data body.")
    fields: Dict[str, str] = {}
    files: Dict[str, Upload] = {}
    reader = await request.multipart()
    while True:
        part = await reader.next()
        if part is None:
            break
        if not isinstance(part, BodyPartReader) or part.name is None:
            continue
        if part.filename is None and part.name not in file_fields:
            fields[part.name] = (await part.read()).decode("utf-8", "replace")
            continue
        content_type = part.headers.get("Content-Type", "application/octet-stream")
        filename = part.filename or part.name
        if save is None:
            files[part.name] = Upload(filename, content_type, bytes(await part.read()))
        else:
            with open(save(part.name), "wb") as out:
                while True:
                    chunk = await part.read_chunk(256 * 1024)
                    if not chunk:
                        break
                    out.write(chunk)
            files[part.name] = Upload(filename, content_type, b"")
    _model_from_deployment(request, fields)
    _validate(request, fields, form=True)
    merged: Dict[str, Any] = {**fields, **files}
    require(merged, *required)
    return fields, files


def page(items: Iterable[JSON], request: web.Request, **options: Any) -> web.Response:
    """A cursor-paged list answer of ``items`` (oldest first); see ``_state.paginate``."""
    return json_response(paginate(items, request.query, **options))


def deleted(object_id: str, kind: str) -> web.Response:
    """The API's deletion answer: ``{"id", "object", "deleted": true}``."""
    return json_response({"id": object_id, "object": kind, "deleted": True})


def wants_stream(body: Mapping[str, Any]) -> bool:
    return body.get("stream") is True


async def send_events(
    request: web.Request, events: Iterable[Event], *, named: bool, typed: bool = False
) -> web.StreamResponse:
    """Answer with a server-sent event stream of ``events``, ending with ``[DONE]``.

    ``named`` streams (assistants) end with ``event: done`` and report a mid-stream error as
    ``event: error`` with a flat error; the others as ``data: {"error": {...}}``. ``typed``
    streams (Responses) send no ``[DONE]`` and their error is ``event: error`` with
    ``{"type": "error", "code", "message", "param", "sequence_number"}``. The request's
    fault may hold each event back (``slow``), or after N events send an error, end without
    ``[DONE]`` (``stream-cut-after``) or drop the connection (``stream-reset-after``).
    """
    fault = fault_of(request)
    timing = request.get("timing")
    pacer = timing.pacer() if timing is not None and timing.active else None
    response = web.StreamResponse(
        headers={"Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache"}
    )
    await response.prepare(request)
    for sent, (event, data) in enumerate(events):
        if pacer is not None:
            await asyncio.sleep(pacer.wait(data))
        if fault is not None:
            if fault.stream_error_after is not None and sent >= fault.stream_error_after:
                error = ApiError(
                    500,
                    fault.message
                    or "The server had an error while processing your request. Sorry!",
                    type="server_error",
                    code=fault.code or "server_error",
                ).body()
                if typed:
                    inner = error["error"]
                    typed_error = {
                        "type": "error",
                        "code": inner["code"],
                        "message": inner["message"],
                        "param": inner["param"],
                        "sequence_number": sent,
                    }
                    await response.write(_event("error", typed_error))
                elif named:
                    await response.write(_event("error", error["error"]))
                else:
                    await response.write(_event(None, error))
                await response.write_eof()
                return response
            if fault.stream_cut_after is not None and sent >= fault.stream_cut_after:
                await response.write_eof()
                return response
            if fault.stream_reset_after is not None and sent >= fault.stream_reset_after:
                abort(request)
                return response
            if fault.slow_ms:
                await asyncio.sleep(fault.slow_ms / 1000)
        await response.write(_event(event, data))
    if not typed:
        await response.write(_event("done" if named else None, "[DONE]"))
    await response.write_eof()
    return response


def _event(event: Optional[str], data: Union[JSON, str]) -> bytes:
    text = data if isinstance(data, str) else dumps(data)
    head = f"event: {event}\n" if event else ""
    return f"{head}data: {text}\n\n".encode()


def abort(request: web.Request) -> None:
    """Drop the connection at once (a reset), so the client sees no (further) answer."""
    transport = request.transport
    if transport is not None:
        transport.abort()


def html_page(status: int) -> web.Response:
    """The HTML error page a proxy or CDN in front of the API would answer."""
    reason = {502: "Bad gateway", 503: "Service Unavailable", 504: "Gateway time-out"}.get(
        status, "Error"
    )
    body = (
        f"<!DOCTYPE html>\n<html>\n<head><title>{status} {reason}</title></head>\n<body>\n"
        f"<center><h1>{status} {reason}</h1></center>\n<hr><center>cloudflare</center>\n"
        "</body>\n</html>\n"
    )
    return web.Response(text=body, status=status, content_type="text/html")


async def slow_body(
    request: web.Request, response: web.Response, delay_ms: int
) -> web.StreamResponse:
    """Send ``response`` with its headers at once and the second half of its body late."""
    body = response.body
    data = bytes(body) if isinstance(body, (bytes, bytearray)) else b""
    slow = web.StreamResponse(status=response.status, headers=response.headers)
    slow.content_length = len(data)
    await slow.prepare(request)
    half = len(data) // 2
    await slow.write(data[:half])
    await asyncio.sleep(delay_ms / 1000)
    await slow.write(data[half:])
    await slow.write_eof()
    return slow


def bind(routes: List[Route], prefix: str = "/v1") -> List[web.RouteDef]:
    """aiohttp route definitions for (method, path, handler) triples under ``prefix``."""
    return [web.route(method, prefix + path, handler) for method, path, handler in routes]
