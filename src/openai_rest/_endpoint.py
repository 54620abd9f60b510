"""How an endpoint is defined once and served on every face.

An endpoint is a stub method whose signature and docstring are the public ones, decorated with
its HTTP route(s)::

    @endpoint(post("/chat/completions", stream="chat"))
    def chat_completion(self, params: Params = None, /, **options: Any) -> Any:
        \"\"\"Create a model response for a chat conversation.\"\"\"

The decorator returns an ``Endpoint`` descriptor. ``Client`` and ``AsyncClient`` inherit the
same descriptors; on access each face binds its own caller (sync or async), so a definition
knows nothing of either. Several routes under one name are told apart by the number of
positional ids: ``models()`` lists, ``models("gpt-4o")`` retrieves.
"""

from __future__ import annotations

import sys
from _collections_abc import Mapping  # what collections.abc re-exports, without importing it

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is for type checkers only: ``import openai_rest`` does not load it
    from typing import (
        Any,
        Awaitable,
        Callable,
        Dict,
        FrozenSet,
        Generic,
        Optional,
        Sequence,
        Set,
        Tuple,
        TypeVar,
        Union,
        overload,
    )

    from typing_extensions import Concatenate, ParamSpec

    from ._multipart import FilePart

    P = ParamSpec("P")
    R = TypeVar("R")

    Params = Optional[Mapping[str, Any]]
    """The optional positional mapping of API parameters, merged with the keyword ones."""

    RouteSpec = Tuple[str, str, Dict[str, Any]]
    """A route as written in a definition (method, path, options): a ``Route`` on first use."""
else:

    class Generic:
        """Stands in for ``typing.Generic`` at run time: ``Endpoint[P, R]`` is for type checkers."""

        def __class_getitem__(cls, params: object) -> type:
            return cls

    P = R = None

CALL_OPTIONS = ("config", "extra_headers", "extra_query", "extra_body", "timeout", "max_retries")
"""Keywords every endpoint takes that are not API parameters (the official SDK's, and more)."""
CONFIG_OPTIONS = ("timeout", "max_retries")
"""Call options that override a ``Config`` field for one call, as ``config=`` does."""


class Route:
    """One HTTP call: method, path, how the body is sent, what the answer is."""

    __slots__ = (
        "name",
        "method",
        "path",
        "path_params",
        "body",
        "result",
        "stream",
        "beta",
        "deprecated",
        "positional",
        "files",
        "required_files",
        "prepare",
        "read",
        "finish",
        "check_file",
        "options",
    )

    def __init__(
        self,
        method: str,
        path: str,
        *,
        body: Optional[str] = None,
        result: str = "json",
        stream: Optional[str] = None,
        beta: Optional[str] = None,
        deprecated: Optional[str] = None,
        positional: Sequence[str] = (),
        files: Sequence[str] = (),
        required_files: Sequence[str] = (),
        prepare: Optional[Callable[[Dict[str, Any]], Dict[str, Any]]] = None,
        read: Optional[Callable[[bytes, Dict[str, Any]], Any]] = None,
        finish: Optional[Callable[[Any, Dict[str, Any]], Any]] = None,
        check_file: Optional[Callable[[Route, FilePart], None]] = None,
        options: Sequence[str] = (),
    ) -> None:
        self.name = ""
        self.method = method
        self.path = path
        self.path_params = tuple(p.split("}")[0] for p in path.split("{")[1:])
        if body is None:
            has_body = method in ("POST", "PUT", "PATCH")
            body = "multipart" if files else ("json" if has_body else "query")
        self.body = body
        self.result = result
        self.stream = stream
        self.beta = beta
        self.deprecated = deprecated
        self.positional = tuple(positional)
        self.files = frozenset(files)
        self.required_files = tuple(required_files)
        self.prepare = prepare
        self.read = read  # reads a JSON body itself (faster); None from it: json, then finish
        self.finish = finish
        self.check_file = check_file
        # a binary answer can be read in chunks (stream=True) or written to a file (to=...);
        # neither is an API parameter
        local: Tuple[str, ...] = ("to", "stream") if result == "bytes" else ()
        self.options = tuple(options) + local

    @property
    def arity(self) -> int:
        """How many positional arguments (ids, then positional fields) select this route."""
        return len(self.path_params) + len(self.positional)

    def __repr__(self) -> str:
        return f"<Route {self.name}: {self.method} {self.path}>"


def get(path: str, **options: Any) -> RouteSpec:
    return ("GET", path, options)


def post(path: str, **options: Any) -> RouteSpec:
    return ("POST", path, options)


def delete(path: str, **options: Any) -> RouteSpec:
    return ("DELETE", path, options)


_BUILT_ON_USE = frozenset(
    {"routes", "by_arity", "option_order", "options", "positional_names", "checked", "doc"}
)


class Endpoint(Generic[P, R]):
    """A public function: its routes, its stub (signature and docstring), and face binding.

    Only the stub and the route specs are kept at definition (import) time; the routes, the
    lookup tables and the docstring are built on first use (``__getattr__``), so importing
    the ~330 definitions costs little more than defining their functions.
    """

    routes: Tuple[Route, ...]
    by_arity: Dict[int, Route]
    option_order: Tuple[str, ...]
    options: FrozenSet[str]
    positional_names: FrozenSet[str]
    checked: Set[str]
    """Keywords already found not to be typos of a call option (see ``_arguments``)."""
    doc: str

    def __init__(self, stub: Callable[..., Any], routes: Sequence[Union[Route, RouteSpec]]) -> None:
        self.stub = stub
        self.name: str = stub.__name__
        self._specs = routes
        self.__wrapped__ = stub  # for inspect.getsource; the signature is ``__signature__``
        self._signature: Any = None

    def __getattr__(self, name: str) -> Any:
        """Build the routes and tables (or the docstring) the first time one is asked for."""
        if name not in _BUILT_ON_USE:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        if name == "doc":
            self.doc = _document(self.stub, self.routes)
            return self.doc
        self._build()
        return self.__dict__[name]

    def _build(self) -> None:
        built = [
            spec if isinstance(spec, Route) else Route(spec[0], spec[1], **spec[2])
            for spec in self._specs
        ]
        self.routes = routes = tuple(sorted(built, key=lambda r: r.arity))
        for route in routes:
            route.name = self.name
        self.by_arity = {route.arity: route for route in routes}
        self.option_order = tuple(
            dict.fromkeys(CALL_OPTIONS + tuple(o for r in routes for o in r.options))
        )
        self.options = frozenset(self.option_order)
        self.positional_names = frozenset(
            name for route in routes for name in route.path_params + route.positional
        )
        self.checked = set()

    @property
    def __signature__(self) -> Any:
        """The public signature, with the request schema's parameter names, built on first use."""
        if self._signature is None:
            from ._arguments import signature

            self._signature = signature(self)
        return self._signature

    if TYPE_CHECKING:

        @overload
        def __get__(self, obj: None, owner: Any) -> Callable[Concatenate[Any, P], R]: ...

        @overload
        def __get__(self, obj: AsyncFaceBase, owner: Any) -> Callable[P, Awaitable[R]]: ...

        @overload
        def __get__(self, obj: SyncFaceBase, owner: Any) -> Callable[P, R]: ...

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            unbound = getattr(owner, "_unbound", None)
            return unbound(self) if unbound is not None else self
        bound = obj._bind(self)
        obj.__dict__[self.name] = bound
        return bound

    def route_for(
        self, args: Tuple[Any, ...], kwargs: Optional[Dict[str, Any]] = None
    ) -> Tuple[Route, Tuple[Any, ...], Optional[Any]]:
        """Pick the route by its positional arguments, some of which may come by name (ids,
        ``file``); split off a trailing mapping of parameters. Named ones move into ``args``."""
        mapping = None
        if args and isinstance(args[-1], Mapping):
            mapping = args[-1]
            args = args[:-1]
        if kwargs is None:
            kwargs = {}
        if self.positional_names.isdisjoint(kwargs):
            route = self.by_arity.get(len(args))
            if route is not None:
                return route, args, mapping
        for route in reversed(self.routes):  # the most specific route that the call fills
            names = route.path_params + route.positional
            unnamed = [name for name in names if name not in kwargs]
            if len(unnamed) == len(args) and len(names) >= len(args):
                given = iter(args)
                args = tuple(kwargs.pop(n) if n in kwargs else next(given) for n in names)
                return route, args, mapping
        from ._arguments import route_error

        raise route_error(self, args, kwargs)

    def __repr__(self) -> str:
        return f"<Endpoint {self.name}: {', '.join(f'{r.method} {r.path}' for r in self.routes)}>"


class SyncFaceBase:
    """Marker base of the synchronous faces (for the type of ``Endpoint.__get__``)."""

    def _bind(self, endpoint: Endpoint[Any, Any]) -> Any:
        raise NotImplementedError


class AsyncFaceBase:
    """Marker base of the asynchronous face."""

    def _bind(self, endpoint: Endpoint[Any, Any]) -> Any:
        raise NotImplementedError


_OPTIONS_DOC = """
Common keyword options: ``config=Config(...)`` overrides the configuration for this call,
and so do ``timeout=`` (seconds) and ``max_retries=``; ``extra_headers=``, ``extra_query=``,
``extra_body=`` add to the request. Every other keyword is an API parameter."""


def _cleandoc(doc: str) -> str:
    """``inspect.cleandoc`` without importing ``inspect``: strip the indentation of a docstring."""
    lines = doc.expandtabs().splitlines()
    indents = [len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()]
    margin = min(indents) if indents else 0
    return "\n".join([lines[0].strip()] + [line[margin:] for line in lines[1:]]).strip()


def _document(stub: Callable[..., Any], routes: Sequence[Route]) -> str:
    calls = "\n".join(f"    {r.method} {r.path}" for r in routes)
    text = _cleandoc(stub.__doc__ or "")
    notes = [r.deprecated for r in routes if r.deprecated]
    warn = f"\n\nDeprecated: {notes[0]}" if notes else ""
    return f"{text}\n\nHTTP:\n{calls}{warn}\n{_OPTIONS_DOC}"


def endpoint(
    *routes: RouteSpec,
) -> Callable[[Callable[Concatenate[Any, P], R]], Endpoint[P, R]]:
    """Turn a stub method into an endpoint served by every face."""

    def decorate(stub: Callable[Concatenate[Any, P], R]) -> Endpoint[P, R]:
        return Endpoint(stub, routes)

    return decorate


def split_call(
    endpoint: Endpoint[Any, Any], args: Tuple[Any, ...], kwargs: Dict[str, Any]
) -> Tuple[Route, Tuple[Any, ...], Dict[str, Any], Dict[str, Any]]:
    """A call's arguments as (route, path ids, API parameters, call options)."""
    route, positional, mapping = endpoint.route_for(args, kwargs)
    options = {}
    for name in endpoint.options.intersection(kwargs):
        options[name] = kwargs.pop(name)
    if kwargs and not endpoint.checked.issuperset(kwargs):
        from ._arguments import check_keywords

        check_keywords(endpoint, list(kwargs))
    if mapping:
        kwargs = {**mapping, **kwargs}
    n_ids = len(route.path_params)
    if route.positional:
        for name, value in zip(route.positional, positional[n_ids:]):
            if name in kwargs:
                raise TypeError(f"{endpoint.name}() got {name!r} both positionally and by name")
            kwargs[name] = value
        positional = positional[:n_ids]
    return route, positional, kwargs, options


def deprecation_once(route: Route, _warned: set = set()) -> None:  # type: ignore[type-arg]  # noqa: B006
    """Warn once per function and route that it is deprecated, naming the replacement."""
    key = (route.name, route.path)
    if route.deprecated and key not in _warned:
        _warned.add(key)
        import warnings

        message = f"{route.name}: {route.deprecated}"
        warnings.warn(message, DeprecationWarning, stacklevel=_caller_level())


def _caller_level() -> int:
    """The ``stacklevel`` that points a warning at the first frame outside this library."""
    frame = sys._getframe(2)
    level = 2
    while frame is not None and frame.f_globals.get("__name__", "").startswith("openai_rest"):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    return level


_RAW_ENDPOINTS: Dict[Tuple[Any, ...], Endpoint[Any, Any]] = {}


def _raw_stub(self: Any, *args: Any, **options: Any) -> Any:
    """A request to any path (``Client.request``)."""


def raw_endpoint(
    method: str,
    path: str,
    files: Sequence[str] = (),
    result: str = "auto",
    stream: Optional[str] = None,
) -> Endpoint[Any, Any]:
    """A one-off endpoint for ``Client.request``: any method and path (query allowed).

    Parameters go in the query of GET and DELETE, in a JSON body otherwise, or in a multipart
    form when ``files`` names fields that hold files.
    """
    method = method.upper()
    key = (method, path, tuple(files), result, stream)
    endpoint = _RAW_ENDPOINTS.get(key)
    if endpoint is None:
        kind = "stream" if stream == "bytes" else ("events" if stream else result)
        events = None if stream == "bytes" else stream
        route = Route(method, path, files=files, result=kind, stream=events)
        route.path_params = ()  # the path is sent as given
        endpoint = Endpoint(_raw_stub, [route])
        endpoint.name = route.name = f"request({method} {path})"
        if len(_RAW_ENDPOINTS) < 512:
            _RAW_ENDPOINTS[key] = endpoint
    return endpoint


def relative_path(path: str, base_url: str) -> str:
    """``models``, ``/models`` and ``/v1/models`` all mean ``/models`` under a ``.../v1`` base."""
    path = "/" + path.lstrip("/")
    if base_url.endswith("/v1") and (path == "/v1" or path.startswith(("/v1/", "/v1?"))):
        path = path[3:] or "/"
    return path
