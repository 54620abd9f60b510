"""``Client`` and ``AsyncClient``: the faces, and the two short loops that drive the send flow.

Both inherit every endpoint from ``_endpoints.API``; an endpoint binds, on first access, to a
caller that runs ``_call`` (sync) or ``_acall`` (async). Everything except the loops is shared.
"""

from __future__ import annotations

import _thread
import os
import time

from . import _logging
from ._azure import authorize, not_awaited
from ._calls import (
    Download,
    binary_info,
    prepare,
    read_result,
    stream_reader,
)
from ._config import GLOBAL, Config, Settings, config_fields, environment_key, resolve
from ._endpoint import AsyncFaceBase, Endpoint, Route, SyncFaceBase, raw_endpoint, relative_path
from ._endpoints import API
from ._errors import APIConnectionError
from ._large_files import PART_SIZE, upload_steps
from ._retry import send_flow, settled
from ._transports.base import Response

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, Mapping, Optional, Sequence, Tuple

    from ._admin import AsyncAdmin, SyncAdmin
    from ._large_files import Progress
    from ._realtime._async import Connecting
    from ._realtime._sync import RealtimeConnection
    from ._request import Request
    from ._transports.base import AsyncTransport, Transport

_PID = [os.getpid()]
"""This process's id, refreshed in a forked child: no system call per request to notice a fork."""
if hasattr(os, "register_at_fork"):  # no fork() where it is missing (Windows)
    os.register_at_fork(after_in_child=lambda: _PID.__setitem__(0, os.getpid()))

_SYNC_CALLERS: Dict[Endpoint[Any, Any], Callable[..., Any]] = {}
_ASYNC_CALLERS: Dict[Endpoint[Any, Any], Callable[..., Any]] = {}


def _dress(caller: Callable[..., Any], endpoint: Endpoint[Any, Any], owner: str) -> None:
    """Give a face's caller the endpoint's name, docstring and signature (via ``__wrapped__``:
    ``inspect`` reads the endpoint's ``__signature__``, built on first use)."""
    caller.__name__ = endpoint.name
    caller.__qualname__ = f"{owner}.{endpoint.name}"
    caller.__doc__ = endpoint.doc
    caller.__wrapped__ = endpoint  # type: ignore[attr-defined]
    caller.__module__ = "openai_rest"


def sync_caller(endpoint: Endpoint[Any, Any]) -> Callable[..., Any]:
    caller = _SYNC_CALLERS.get(endpoint)
    if caller is None:

        def caller(self: Client, *args: Any, **kwargs: Any) -> Any:
            return self._call(endpoint, args, kwargs)

        _dress(caller, endpoint, "Client")
        _SYNC_CALLERS[endpoint] = caller
    return caller


def async_caller(endpoint: Endpoint[Any, Any]) -> Callable[..., Any]:
    caller = _ASYNC_CALLERS.get(endpoint)
    if caller is None:

        async def caller(self: AsyncClient, *args: Any, **kwargs: Any) -> Any:
            return await self._acall(endpoint, args, kwargs)

        _dress(caller, endpoint, "AsyncClient")
        _ASYNC_CALLERS[endpoint] = caller
    return caller


class _ClientBase:
    """Configuration, settings cache and transports, shared by both faces."""

    _transport_factory: Callable[[str, Any], Any]

    def __init__(
        self,
        config: Optional[Config] = None,
        *,
        transport: Any = None,
        event_hooks: Optional[Mapping[str, Sequence[Callable[..., Any]]]] = None,
        rate_limit: Any = None,
        **fields: Any,
    ) -> None:
        """``Client(Config(...))``, or ``Client(api_key=..., base_url=...)`` with ``Config``'s
        fields as keywords (``base_url`` is ``api_url``); given both, the keywords win."""
        if config is not None and not isinstance(config, Config):
            raise TypeError(
                f"{type(self).__name__}() takes a Config or its fields by name, not a "
                f"{type(config).__name__}: {type(self).__name__}(api_key=..., base_url=...)"
            )
        if fields:
            where = f"{type(self).__name__}()"
            override = Config(**config_fields(fields, where, ("transport", "event_hooks")))
            config = config.merged(override) if config is not None else override
        hooks = dict(event_hooks or {})
        unknown = set(hooks) - {"request", "response"}
        if unknown:
            raise TypeError(f"event_hooks takes 'request' and 'response', not {sorted(unknown)}")
        self._config = config if config is not None else Config()
        self._user_transport = transport
        self._event_hooks = hooks
        self._request_hooks = tuple(hooks.get("request", ())) + _logging.request_hooks
        self._response_hooks = tuple(hooks.get("response", ())) + _logging.response_hooks
        self._rate_limit = rate_limit  # an openai_rest.Limiter: paces every attempt
        self._transports: Dict[Tuple[Any, ...], Any] = {}
        self._cached: Optional[Tuple[Tuple[Any, ...], Settings]] = None
        self._lock = _thread.allocate_lock()
        self._pid = _PID[0]

    @property
    def config(self) -> Config:
        """This client's own configuration (unset fields fall back to the global one)."""
        return self._config

    def with_config(self, config: Optional[Config] = None, **fields: Any) -> Any:
        """A new client of the same kind whose configuration is this one's, overridden."""
        update = Config(**config_fields(fields, "with_config()"))
        override = config.merged(update) if config else update
        return type(self)(
            self._config.merged(override),
            transport=self._user_transport,
            event_hooks=self._event_hooks,
            rate_limit=self._rate_limit,
        )

    def _settings(self, override: Optional[Config]) -> Settings:
        if override is None:  # cached until configure() or the environment changes
            key = (GLOBAL.version, environment_key())
            cached = self._cached
            if cached is not None and cached[0] == key:
                return cached[1]
            settings = resolve(GLOBAL.config, self._config)
            self._cached = (key, settings)
            return settings
        if not isinstance(override, Config):
            raise TypeError(f"config= must be a Config, not {type(override).__name__}")
        return resolve(GLOBAL.config, self._config, override)

    def _raw(
        self,
        method: str,
        path: str,
        params: Optional[Mapping[str, Any]],
        files: Sequence[str],
        result: str,
        stream: Optional[str],
        options: Dict[str, Any],
    ) -> Tuple[Endpoint[Any, Any], Dict[str, Any]]:
        """The one-off endpoint and keyword arguments of a ``request`` call."""
        settings = self._settings(options.get("config"))
        base_url = settings.base_url if settings.azure is None else "/v1"  # /v1/x means /x
        endpoint = raw_endpoint(method, relative_path(path, base_url), files, result, stream)
        return endpoint, {**(params or {}), **options}

    _unbound: Callable[[Endpoint[Any, Any]], Callable[..., Any]]

    def _bind(self, endpoint: Endpoint[Any, Any]) -> Any:
        """This face's caller of ``endpoint``, bound to this client (``Endpoint.__get__``)."""
        return type(self)._unbound(endpoint).__get__(self)

    def _begin(
        self, endpoint: Endpoint[Any, Any], args: Any, kwargs: Dict[str, Any]
    ) -> Tuple[Route, Request, Dict[str, Any], Any, float]:
        """The pure half of a call, then the transport to send it with and the start time."""
        route, request, params = prepare(endpoint, args, kwargs, self._settings)
        transport = self._transport_for(request.settings)  # type: ignore[arg-type]
        return route, request, params, transport, time.perf_counter()

    def _before(self, request: Request) -> None:
        """Run the ``request`` hooks: before every attempt, retries included."""
        for hook in self._request_hooks:
            hook(request)

    def _after(self, request: Request, response: Response) -> None:
        """Run the ``response`` hooks: after every answer, error statuses and retries included.

        A hook sees the status and headers before the body of a streamed answer is read.
        """
        for hook in self._response_hooks:
            hook(request, response)

    def _settle(self, cost: int, outcome: Any) -> None:
        """The attempt is over: the rate limiter learns from its answer (None: no answer)."""
        if self._rate_limit is not None:
            self._rate_limit.settle(cost, outcome if isinstance(outcome, Response) else None)

    def _realtime_target(
        self,
        model: Optional[str],
        query: Mapping[str, Any],
        extra_headers: Optional[Mapping[str, Optional[str]]],
        extra_query: Optional[Mapping[str, Any]],
        config: Optional[Config],
    ) -> Request:
        """The handshake of a realtime connection (pure: no I/O yet)."""
        from ._realtime._protocol import handshake

        return handshake(self._settings(config), model, query, extra_headers, extra_query)

    def _admin_face(self, face: type) -> Any:
        admin = self.__dict__.get("_admin")
        if admin is None:
            admin = self.__dict__["_admin"] = face(self)
        return admin

    def _transport_for(self, settings: Settings) -> Any:
        if self._user_transport is not None:
            return self._user_transport
        if self._pid != _PID[0]:  # forked: the parent's pooled sockets are not ours
            self._transports = {}
            self._pid = _PID[0]
        key = (settings.base_url, settings.transport_key)
        transport = self._transports.get(key)
        if transport is None:
            with self._lock:
                transport = self._transports.get(key)
                if transport is None:
                    transport = type(self)._transport_factory(
                        settings.base_url, settings.http_options
                    )
                    self._transports[key] = transport
        return transport

    def __getstate__(self) -> Dict[str, Any]:
        return {"config": self._config}  # no pool, no hooks: they belong to this process

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.__init__(state["config"])  # type: ignore[misc]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._config!r})"


def _default_sync_transport(base_url: str, options: Any) -> Transport:
    from ._transports.httpclient_transport import HTTPClientTransport

    return HTTPClientTransport(base_url, options)


def _default_async_transport(base_url: str, options: Any) -> AsyncTransport:
    """``AsyncioTransport``; ``AiohttpTransport`` for a proxy it does not speak (not http://)."""
    from ._transports.asyncio_transport import AsyncioTransport, unsupported

    if base_url and unsupported(base_url, options or {}) is not None:
        from ._transports.aiohttp_transport import AiohttpTransport

        return AiohttpTransport(base_url, options)
    return AsyncioTransport(base_url, options)


class Client(_ClientBase, API, SyncFaceBase):
    """A synchronous client: ``Client(Config(api_key=...)).chat_completion(model=..., ...)``.

    One connection pool, shared safely between threads and rebuilt after ``fork()``. Close it
    with ``close()`` or use it as a context manager. ``transport=`` plugs in another transport
    (see ``openai_rest.transports``); ``event_hooks={"request": [f], "response": [g]}`` calls
    ``f(request)`` before every attempt and ``g(request, response)`` after every answer,
    retried ones included (for logging, metrics, rate-limit tracking).
    """

    _transport_factory = staticmethod(_default_sync_transport)
    _unbound = staticmethod(sync_caller)

    @property
    def admin(self) -> SyncAdmin:
        """The administration API (``/organization/...``): ``client.admin.projects()``."""
        from ._admin import SyncAdmin

        return self._admin_face(SyncAdmin)  # type: ignore[no-any-return]

    def _call(self, endpoint: Endpoint[Any, Any], args: Any, kwargs: Dict[str, Any]) -> Any:
        route, request, params, transport, start = self._begin(endpoint, args, kwargs)
        pending = authorize(request)
        if pending is not None:
            not_awaited(request, pending)
        response = self._send(transport, request)
        elapsed = time.perf_counter() - start
        if not request.stream:
            return read_result(route, request, response, params, elapsed)
        return self._stream(route, request, response, params, elapsed)

    def _stream(
        self, route: Route, request: Request, response: Response, params: Any, elapsed: float
    ) -> Any:
        from ._streams import ByteStream, Stream

        if route.result in ("bytes", "stream"):
            info = binary_info(request, response, elapsed)
            body = ByteStream(response.stream, info, response.close)
            to = params.get("to")
            if to is None:
                return body
            with Download(to, info) as download:
                for chunk in body:
                    download.write(chunk)
            return download.result
        reader = stream_reader(route, request, response, elapsed)
        return Stream(response.stream, reader, response.close)

    def request(
        self,
        method: str,
        path: str,
        params: Optional[Mapping[str, Any]] = None,
        *,
        files: Sequence[str] = (),
        result: str = "auto",
        stream: Optional[str] = None,
        **options: Any,
    ) -> Any:
        """Call any endpoint: ``request("POST", "/chat/completions", {"model": ...})``.

        ``params`` go in the query of a GET or DELETE, in a JSON body otherwise, or in a
        multipart form when ``files`` names the fields that hold files. ``result``: ``"auto"``
        (JSON, text or bytes by content type), ``"json"``, ``"text"`` or ``"bytes"``.
        ``stream``: ``"chat"`` or ``"events"`` for server-sent events, ``"bytes"`` for the body
        in chunks. The path is relative to the base URL (a leading ``/v1`` is accepted).
        Configuration, retries and errors work as for every endpoint.
        """
        endpoint, kwargs = self._raw(method, path, params, files, result, stream, options)
        return self._call(endpoint, (), kwargs)

    def upload_large_file(
        self,
        path: Any,
        purpose: str,
        *,
        mime_type: Optional[str] = None,
        part_size: int = PART_SIZE,
        progress: Optional[Progress] = None,
    ) -> Any:
        """Upload a file of any size with the Uploads API; returns the completed Upload.

        Parts of at most ``part_size`` (64 MB) are read from disk as they are sent, so memory
        stays flat; ``progress(bytes_sent, total)`` is called after each part. On any error the
        upload is cancelled and the error raised. The file is ``result["file"]``.
        """
        from ._steps import drive

        return drive(upload_steps(path, purpose, mime_type, part_size, progress), self)

    def chat_completion_parse(
        self,
        params: Optional[Mapping[str, Any]] = None,
        /,
        *,
        response_format: Any = None,
        **options: Any,
    ) -> Any:
        """A chat completion whose answer is parsed: ``message["parsed"]`` is a ``response_format``.

        ``response_format``: a pydantic model, dataclass, TypedDict, ... or a JSON-schema dict,
        sent as a strict schema. Strict function tools get ``function["parsed_arguments"]``.
        A refusal leaves ``parsed`` ``None``; a cut answer raises ``LengthFinishReasonError`` or
        ``ContentFilterFinishReasonError``; an answer that does not fit raises
        ``OutputValidationError`` (with ``raw``). ``stream=True`` gives a stream whose
        ``partial`` is the answer so far and ``result()`` the parsed completion.
        """
        from ._parsing import chat_parse_steps
        from ._steps import drive

        return drive(chat_parse_steps(params, response_format, options), self)

    def responses_parse(
        self,
        params: Optional[Mapping[str, Any]] = None,
        /,
        *,
        text_format: Any = None,
        **options: Any,
    ) -> Any:
        """A Responses API response whose answer is parsed: ``result["output_parsed"]``.

        As ``chat_completion_parse``, for ``responses_create``: ``text_format`` is the type.
        """
        from ._parsing import responses_parse_steps
        from ._steps import drive

        return drive(responses_parse_steps(params, text_format, options), self)

    def run_tools(
        self,
        params: Optional[Mapping[str, Any]] = None,
        /,
        *,
        tools: Sequence[Any] = (),
        api: str = "chat",
        max_turns: int = 10,
        **options: Any,
    ) -> Any:
        """Call the model with ``tools``, run the functions it asks for, until it answers.

        ``tools``: functions or ``function_tool`` definitions; ``api``: ``"chat"`` or
        ``"responses"``. Several calls in one turn run in parallel (threads). A function that
        raises is told to the model as the tool's output and recorded. Returns the final plain
        result with ``transcript`` (every call), ``errors``, ``turns`` and ``stopped``
        (``"answered"`` or ``"max_turns"``).
        """
        from ._steps import drive
        from ._tools import run_steps

        return drive(run_steps(api, params, tools, max_turns, options), self)

    def realtime_connect(
        self,
        model: Optional[str] = None,
        *,
        raise_on_error: bool = True,
        extra_headers: Optional[Mapping[str, Optional[str]]] = None,
        extra_query: Optional[Mapping[str, Any]] = None,
        config: Optional[Config] = None,
        **query: Any,
    ) -> RealtimeConnection:
        """Open a Realtime API WebSocket: ``with client.realtime_connect(model=...) as rt:``.

        ``wss://{api_url}/realtime?model=...&{query}`` with this client's credentials. Events
        are dicts: ``rt.send({...})``, ``rt.recv()``, ``for event in rt``. An ``error`` event
        raises ``RealtimeError`` (``raise_on_error=False`` yields it instead); a dropped
        connection raises ``APIConnectionError``. See ``docs/realtime.md``.
        """
        from ._realtime._sync import connect

        request = self._realtime_target(model, query, extra_headers, extra_query, config)
        pending = authorize(request)
        if pending is not None:
            not_awaited(request, pending)
        return connect(request, raise_on_error, (self._before, self._after))

    def _send(self, transport: Transport, request: Request) -> Response:
        outcome = self._attempt(transport, request)
        if settled(outcome):
            return outcome  # type: ignore[no-any-return]
        flow = send_flow(request, request.settings.max_retries)  # type: ignore[union-attr]
        next(flow)  # the request just sent
        while True:
            try:
                step = flow.send(outcome)
            except StopIteration as stop:
                response: Response = stop.value
                return response
            if isinstance(step, float):
                time.sleep(step)
                outcome = None
                continue
            outcome = self._attempt(transport, step)

    def _attempt(self, transport: Transport, step: Request) -> Any:
        """One attempt, rate limit and hooks included: the answer, or the connection error."""
        limiter, cost = self._rate_limit, 0
        outcome: Any = None
        if limiter is not None:
            cost = limiter.cost(step)
            limiter.acquire_sync(cost)
        try:
            if self._request_hooks:
                self._before(step)
            outcome = transport.handle_request(step)
            if outcome.status >= 300 and outcome.content is None:
                try:
                    outcome.content = b"".join(outcome.stream)
                finally:
                    outcome.close()
            if self._response_hooks:
                self._after(step, outcome)
        except APIConnectionError as error:
            outcome = error
        finally:
            if limiter is not None:
                self._settle(cost, outcome)
        return outcome

    def close(self) -> None:
        """Close the connection pools; the client opens new ones if used again."""
        transports, self._transports = self._transports, {}
        for transport in transports.values():
            transport.close()

    def close_at_exit(self) -> None:
        """Close the pools at interpreter exit (``atexit``), so no socket is left unclosed.

        Fork-safe: in a child, closing the inherited connections closes only the child's copies
        of their file descriptors (no TLS shutdown is sent), as the garbage collector would;
        the parent's connections stay open and usable.
        """
        self.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class AsyncClient(_ClientBase, API, AsyncFaceBase):
    """An asyncio client: ``await AsyncClient(config).chat_completion(model=..., ...)``.

    The same functions as ``Client``, each a coroutine; ``stream=True`` gives an async iterator.
    Close it with ``await aclose()`` or use ``async with``.
    """

    _transport_factory = staticmethod(_default_async_transport)
    _unbound = staticmethod(async_caller)

    @property
    def admin(self) -> AsyncAdmin:
        """The administration API, as coroutines: ``await client.admin.projects()``."""
        from ._admin import AsyncAdmin

        return self._admin_face(AsyncAdmin)  # type: ignore[no-any-return]

    async def _acall(self, endpoint: Endpoint[Any, Any], args: Any, kwargs: Dict[str, Any]) -> Any:
        route, request, params, transport, start = self._begin(endpoint, args, kwargs)
        pending = authorize(request)
        if pending is not None:
            await pending
        response = await self._asend(transport, request)
        elapsed = time.perf_counter() - start
        if not request.stream:
            return read_result(route, request, response, params, elapsed)
        from ._streams import AsyncByteStream, AsyncStream

        if route.result in ("bytes", "stream"):
            info = binary_info(request, response, elapsed)
            abody = AsyncByteStream(response.stream, info, response.close)
            to = params.get("to")
            if to is None:
                return abody
            with Download(to, info) as download:
                async for chunk in abody:
                    download.write(chunk)
            return download.result
        reader = stream_reader(route, request, response, elapsed)
        return AsyncStream(response.stream, reader, response.close)

    async def request(
        self,
        method: str,
        path: str,
        params: Optional[Mapping[str, Any]] = None,
        *,
        files: Sequence[str] = (),
        result: str = "auto",
        stream: Optional[str] = None,
        **options: Any,
    ) -> Any:
        """The async twin of ``Client.request``."""
        endpoint, kwargs = self._raw(method, path, params, files, result, stream, options)
        return await self._acall(endpoint, (), kwargs)

    async def upload_large_file(
        self,
        path: Any,
        purpose: str,
        *,
        mime_type: Optional[str] = None,
        part_size: int = PART_SIZE,
        progress: Optional[Progress] = None,
    ) -> Any:
        """The async twin of ``Client.upload_large_file``."""
        from ._steps import adrive

        return await adrive(upload_steps(path, purpose, mime_type, part_size, progress), self)

    async def chat_completion_parse(
        self,
        params: Optional[Mapping[str, Any]] = None,
        /,
        *,
        response_format: Any = None,
        **options: Any,
    ) -> Any:
        """The async twin of ``Client.chat_completion_parse``."""
        from ._parsing import chat_parse_steps
        from ._steps import adrive

        return await adrive(chat_parse_steps(params, response_format, options), self)

    async def responses_parse(
        self,
        params: Optional[Mapping[str, Any]] = None,
        /,
        *,
        text_format: Any = None,
        **options: Any,
    ) -> Any:
        """The async twin of ``Client.responses_parse``."""
        from ._parsing import responses_parse_steps
        from ._steps import adrive

        return await adrive(responses_parse_steps(params, text_format, options), self)

    async def run_tools(
        self,
        params: Optional[Mapping[str, Any]] = None,
        /,
        *,
        tools: Sequence[Any] = (),
        api: str = "chat",
        max_turns: int = 10,
        **options: Any,
    ) -> Any:
        """The async twin of ``Client.run_tools``: ``async`` functions run concurrently, sync
        ones in threads."""
        from ._steps import adrive
        from ._tools import run_steps

        return await adrive(run_steps(api, params, tools, max_turns, options), self)

    def realtime_connect(
        self,
        model: Optional[str] = None,
        *,
        raise_on_error: bool = True,
        extra_headers: Optional[Mapping[str, Optional[str]]] = None,
        extra_query: Optional[Mapping[str, Any]] = None,
        config: Optional[Config] = None,
        **query: Any,
    ) -> Connecting:
        """The async twin of ``Client.realtime_connect``: ``async with`` it, or ``await`` it."""
        from ._realtime._async import Connecting

        request = self._realtime_target(model, query, extra_headers, extra_query, config)
        return Connecting(request, raise_on_error, (self._before, self._after))

    async def _asend(self, transport: AsyncTransport, request: Request) -> Response:
        outcome = await self._aattempt(transport, request)
        if settled(outcome):
            return outcome  # type: ignore[no-any-return]
        import asyncio

        flow = send_flow(request, request.settings.max_retries)  # type: ignore[union-attr]
        next(flow)  # the request just sent
        while True:
            try:
                step = flow.send(outcome)
            except StopIteration as stop:
                response: Response = stop.value
                return response
            if isinstance(step, float):
                await asyncio.sleep(step)
                outcome = None
                continue
            outcome = await self._aattempt(transport, step)

    async def _aattempt(self, transport: AsyncTransport, step: Request) -> Any:
        """The async twin of ``Client._attempt``."""
        limiter, cost = self._rate_limit, 0
        outcome: Any = None
        if limiter is not None:
            cost = limiter.cost(step)
            await limiter.acquire(cost)
        try:
            if self._request_hooks:
                self._before(step)
            outcome = await transport.handle_async_request(step)
            if outcome.status >= 300 and outcome.content is None:
                try:
                    outcome.content = b"".join([c async for c in outcome.stream])
                finally:
                    outcome.close()
            if self._response_hooks:
                self._after(step, outcome)
        except APIConnectionError as error:
            outcome = error
        finally:
            if limiter is not None:
                self._settle(cost, outcome)
        return outcome

    async def aclose(self) -> None:
        """Close the connection pools."""
        transports, self._transports = self._transports, {}
        for transport in transports.values():
            await transport.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.aclose()
