"""The aiohttp application: every route under ``/v1``, and one middleware that does what all
answers share (key check, faults, rate limits, request ids, error bodies)."""

from __future__ import annotations

import asyncio
import os
import time
from typing import Dict, List, Optional

from aiohttp import web

from ._assistants import AssistantsApi
from ._azure import azure_routes, is_azure
from ._azure import check as check_azure
from ._azure import not_found as azure_not_found
from ._batches import BatchesApi
from ._conversations import ConversationsApi
from ._faults import FAULT_HEADER, Faults
from ._fine_tuning import FineTuningApi
from ._handlers import IMAGE_PATH, CoreApi
from ._http import Handler, Route, abort, bind, error_response, html_page, slow_body
from ._realtime import RealtimeApi
from ._responses import Responder, ResponsesApi
from ._state import ApiError, State
from ._timing import timing_header
from ._uploads import UploadsApi
from ._validate import Validator, route_key
from ._vector_stores import VectorStoresApi

API_PREFIX = "/v1"
_NO_KEY = (
    "You didn't provide an API key. You need to provide your API key in an Authorization header"
    " using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with"
    " blank username) if you're accessing the API from your browser and are prompted for a"
    " username and password."
)


def _has_key(request: web.Request) -> bool:
    auth = request.headers.get("Authorization", "")
    if auth[:7].lower() == "bearer " and auth[7:].strip():
        return True
    return bool(request.headers.get("api-key"))  # Azure's header


def make_app(
    state: State, faults: Faults, validator: Optional[Validator] = None
) -> web.Application:
    """The emulator's application over ``state``, with ``faults`` consulted on every request
    and ``validator`` (if any) checking the ``/v1`` request bodies."""

    def validate(request: web.Request, body: Dict[str, object], form: bool) -> None:
        route = request.match_info.route.resource
        key = route_key(route.canonical) if route is not None else None
        if validator is not None and key is not None:
            validator.check(request.method, key, body, state.models.__contains__, form=form)

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        request["started"] = time.perf_counter()
        request["request_id"] = "req_" + os.urandom(16).hex()
        extra: Dict[str, str] = {}
        request["extra_headers"] = extra
        fault = None
        try:
            azure = is_azure(request)
            if azure or request.path.startswith(API_PREFIX + "/"):
                if azure:
                    check_azure(request)
                elif not _has_key(request):
                    raise ApiError(401, _NO_KEY)
                request["timing"] = faults.timing.with_header(timing_header(request.headers))
                if validator is not None and not azure:
                    request["validate"] = validate
                fault = faults.for_request(request.headers.get(FAULT_HEADER), request.path)
                request["fault"] = fault
                if fault is not None:
                    if fault.delay_ms:
                        await asyncio.sleep(fault.delay_ms / 1000)
                    if fault.reset:
                        abort(request)
                        return web.Response(status=500)
                    extra.update(fault.headers())
                    if fault.html:
                        return html_page(fault.status)
                    if fault.status:
                        raise fault.error()
                if faults.limits.rpm or faults.limits.tpm:
                    extra.update(faults.limits.check((request.content_length or 0) // 4))
                if faults.latency_ms:
                    await asyncio.sleep(faults.latency_ms / 1000)
            response = await handler(request)
        except ApiError as error:
            return error_response(error)
        except web.HTTPException as exc:
            if exc.status == 404 and is_azure(request):
                return error_response(azure_not_found())
            if exc.status == 404:
                message = f"Invalid URL ({request.method} {request.path})"
            else:
                message = f"{exc.reason}: {request.method} {request.path}"
            return error_response(ApiError(exc.status, message))
        if fault is not None and fault.slow_ms and isinstance(response, web.Response):
            return await slow_body(request, response, fault.slow_ms)
        return response

    async def add_headers(request: web.Request, response: web.StreamResponse) -> None:
        """Headers every answer carries, streams included (set just before they are sent)."""
        started: Optional[float] = request.get("started")
        headers = response.headers
        headers["x-request-id"] = request.get("request_id", "req_unknown")
        if started is not None:
            headers["openai-processing-ms"] = str(int((time.perf_counter() - started) * 1000))
        headers["openai-version"] = "2020-10-01"
        headers.update(request.get("extra_headers") or {})

    app = web.Application(middlewares=[middleware], client_max_size=1024**3)
    app.on_response_prepare.append(add_headers)
    if state.webhooks is not None:
        sender = state.webhooks
        app.on_cleanup.append(lambda _: sender.close())
    core = CoreApi(state)
    conversations = ConversationsApi(state)
    responder = Responder(state, conversations)
    routes: List[Route] = [
        *core.routes(),
        *AssistantsApi(state).routes(),
        *ResponsesApi(responder).routes(),
        *conversations.routes(),
        *BatchesApi(state, responder).routes(),
        *UploadsApi(state).routes(),
        *VectorStoresApi(state).routes(),
        *FineTuningApi(state).routes(),
        *RealtimeApi(state).routes(),
    ]
    app.add_routes(bind(routes, API_PREFIX))
    app.add_routes(azure_routes(routes))
    app.add_routes([web.get(IMAGE_PATH + "{name}", core.image_file)])
    return app
