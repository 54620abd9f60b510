"""Building requests, purely: an endpoint's route and a call's arguments in, a ``Request`` out."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple, Union

    from ._config import Settings, Timeout
    from ._endpoint import Route
    from ._multipart import FilePart, MultipartBody

    Body = Union[bytes, MultipartBody, None]


def _first_dumps(value: Any) -> str:
    """Build the compact encoder on first use (``json`` loads ``re``: not at import)."""
    global _dumps
    import json

    _dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
    return _dumps(value)


_dumps: Callable[[Any], str] = _first_dumps


class Request:
    """One HTTP request, ready for a transport: no I/O has happened yet."""

    __slots__ = ("method", "url", "headers", "body", "timeout", "stream", "settings")

    def __init__(
        self,
        method: str,
        url: str,
        headers: Dict[str, str],
        body: Body = None,
        timeout: Optional[Timeout] = None,
        stream: bool = False,
        settings: Optional[Settings] = None,
    ) -> None:
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.stream = stream
        self.settings = settings

    def __repr__(self) -> str:
        return f"<Request {self.method} {self.url}>"


_NO_QUERY: Mapping[str, Any] = {}  # never changed: a call's query is a new mapping


def encode_json(value: Any) -> bytes:
    """Compact JSON, UTF-8, encoded once."""
    return _dumps(value).encode()


def _query_value(value: Any) -> Any:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (list, tuple)):
        return [_query_value(v) for v in value]
    return value


def query_string(params: Mapping[str, Any]) -> str:
    """``a=1&b=true&c[]=x`` from a mapping; ``None`` values are left out."""
    from urllib.parse import urlencode

    pairs: List[Tuple[str, Any]] = []
    for key, value in params.items():
        if value is None:
            continue
        value = _query_value(value)
        if isinstance(value, list):
            pairs.extend((key if key.endswith("[]") else key + "[]", v) for v in value)
        else:
            pairs.append((key, value))
    return urlencode(pairs)


def fill_path(route: Route, ids: Tuple[Any, ...]) -> str:
    """The route's path with each id URL-quoted; an empty or non-string id names its parameter."""
    if not ids:
        return route.path
    from urllib.parse import quote

    values = {}
    for name, value in zip(route.path_params, ids):
        if not isinstance(value, str) or not value:
            raise (TypeError if not isinstance(value, str) else ValueError)(
                f"{route.name}: {name} must be a non-empty string, not {value!r}"
            )
        values[name] = quote(value, safe="")
    return route.path.format(**values)


def build_request(
    route: Route,
    ids: Tuple[Any, ...],
    params: Dict[str, Any],
    settings: Settings,
    extra_headers: Optional[Mapping[str, Optional[str]]] = None,
    extra_query: Optional[Mapping[str, Any]] = None,
    extra_body: Optional[Mapping[str, Any]] = None,
) -> Request:
    """The request for one call of ``route``; raises before any I/O when the input is wrong."""
    path = fill_path(route, ids)
    headers = settings.headers.copy()
    if route.result != "json":  # bytes (speech, file content) or text formats: not only JSON
        headers["Accept"] = "*/*"
    if route.beta and not settings.beta:
        headers["OpenAI-Beta"] = route.beta
    if extra_body:
        params.update(extra_body)
    if route.prepare is not None:
        params = route.prepare(params)
    azure = settings.azure
    url = settings.base_url + path if azure is None else azure.url(route, path, params)
    body: Body = None
    query: Mapping[str, Any] = _NO_QUERY
    kind = route.body
    if kind == "json":
        body = _dumps(params).encode()
        headers["Content-Type"] = "application/json"
    elif kind == "query":
        query = params
    elif kind == "multipart":
        body = multipart_body(route, params)
        headers["Content-Type"] = body.content_type
    elif params:
        raise TypeError(f"{route.name} takes no parameters, got {', '.join(sorted(params))}")
    if kind != "json" and kind != "multipart" and route.method == "POST":
        body = b""
    if settings.query:
        query = {**settings.query, **query}
    if extra_query:
        query = {**query, **extra_query}
    if query:
        url += ("&" if "?" in url else "?") + query_string(query)
    if extra_headers:
        for name, value in extra_headers.items():
            if value is None:
                _drop_header(headers, name)
            else:
                headers[name] = value
    if not settings.api_key and not settings.keyless and not headers.get("Authorization"):
        _require_key(route.name, headers, settings)
    result = route.result
    events = result == "events" or (route.stream is not None and params.get("stream") is True)
    given = extra_headers or settings.http_options.get("headers")  # only those can name one
    if not given or "accept-encoding" not in map(str.lower, headers):
        headers["Accept-Encoding"] = "identity" if events else "gzip, deflate"
    stream = events or result == "stream"
    return Request(route.method, url, headers, body, settings.timeout, stream, settings)


def _drop_header(headers: Dict[str, str], name: str) -> None:
    for key in [k for k in headers if k.lower() == name.lower()]:
        del headers[key]


def _require_key(name: str, headers: Mapping[str, str], settings: Settings) -> None:
    from ._errors import OpenAIError

    if any(k.lower() in ("authorization", "api-key") for k in headers):
        return
    if settings.azure is not None:
        if settings.azure.token_provider is not None:
            return
        raise OpenAIError(
            f"{name}: no Azure OpenAI credentials. Set AZURE_OPENAI_API_KEY (sent as "
            "api-key) or AZURE_OPENAI_AD_TOKEN, or pass Config(api_key=...), "
            "Config(azure_ad_token=...) or Config(azure_ad_token_provider=...)."
        )
    raise OpenAIError(
        f"{name}: no API key. Set the OPENAI_API_KEY environment variable, call "
        "openai_rest.configure(api_key=...), or pass config=Config(api_key=...). "
        "(A local server that needs no key still wants one: any string will do.)"
    )


def multipart_body(route: Route, params: Dict[str, Any]) -> MultipartBody:
    """Split parameters into file parts (the route's file fields) and form fields."""
    from ._multipart import FilePart, MultipartBody, form_fields  # with the first upload

    files: List[FilePart] = []
    fields: List[Tuple[str, Any]] = []
    for name, value in params.items():
        if name in route.files:
            if isinstance(value, list):
                files.extend(FilePart(name + "[]", item) for item in value)
            elif value is not None:
                files.append(FilePart(name, value))
        elif value is not None:
            fields.append((name, value))
    missing = [name for name in route.required_files if name not in params]
    if missing:
        raise TypeError(f"{route.name}: missing the file argument {missing[0]!r}")
    if route.check_file is not None:
        for part in files:
            route.check_file(route, part)
    return MultipartBody(form_fields(fields), files)
