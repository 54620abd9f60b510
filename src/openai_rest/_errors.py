"""One exception hierarchy, with the official SDK's names so that migrating is easy.

OpenAIError
  APIError
    APIStatusError            (status_code, request_id, headers, body)
      BadRequestError 400, AuthenticationError 401, PermissionDeniedError 403,
      NotFoundError 404, ConflictError 409, UnprocessableEntityError 422,
      RateLimitError 429, InternalServerError 5xx
      RedirectError           (a redirect loop, too many hops, a body that cannot be resent)
    APIConnectionError
      APITimeoutError
    APIResponseValidationError
      OutputValidationError     (a structured answer that does not fit its type)
    RealtimeError             (an ``error`` event of a realtime connection)
  LengthFinishReasonError, ContentFilterFinishReasonError   (a parse call's answer was cut)
  InvalidWebhookSignatureError  (also a ValueError, as in the official SDK)
"""

from __future__ import annotations

from _collections_abc import Mapping  # what collections.abc re-exports, without importing it

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from ._results import ResponseInfo


class OpenAIError(Exception):
    """The base of every error this library raises on purpose."""


class APIError(OpenAIError):
    """An error about one API call; ``message`` is the server's when it gave one."""

    def __init__(
        self,
        message: str,
        *,
        body: Any = None,
        code: Optional[str] = None,
        param: Optional[str] = None,
        type: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.body = body
        self.code = code
        self.param = param
        self.type = type


class APIStatusError(APIError):
    """The server answered with a 4xx or 5xx status (or an error inside a 200 stream)."""

    def __init__(
        self,
        message: str,
        *,
        response: Optional[ResponseInfo] = None,
        body: Any = None,
        code: Optional[str] = None,
        param: Optional[str] = None,
        type: Optional[str] = None,
    ) -> None:
        super().__init__(message, body=body, code=code, param=param, type=type)
        self.response = response

    @property
    def status_code(self) -> int:
        return self.response.status_code if self.response is not None else 0

    @property
    def request_id(self) -> Optional[str]:
        return self.response.request_id if self.response is not None else None

    @property
    def headers(self) -> Mapping[str, str]:
        return self.response.headers if self.response is not None else {}


class BadRequestError(APIStatusError):
    """400: the request is malformed or a parameter is invalid (see ``param``)."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing, wrong or revoked."""


class PermissionDeniedError(APIStatusError):
    """403: the key may not use this resource, model or region."""


class NotFoundError(APIStatusError):
    """404: no such resource (an id, a model, or a path the server does not have)."""


class ConflictError(APIStatusError):
    """409: the resource is in a state that does not allow this call."""


class UnprocessableEntityError(APIStatusError):
    """422: the request is well-formed but cannot be processed."""


class RateLimitError(APIStatusError):
    """429: too many requests or tokens; or ``code == 'insufficient_quota'`` (billing)."""


class InternalServerError(APIStatusError):
    """5xx: the server (or a proxy in front of it) failed."""


class RedirectError(APIStatusError):
    """A 3xx answer not followed: a loop, too many hops, or a body that cannot be sent again.

    ``location`` is where it pointed; ``status_code`` the redirect's status.
    """

    def __init__(
        self, message: str, *, response: Optional[ResponseInfo] = None, location: str = ""
    ) -> None:
        super().__init__(message, response=response)
        self.location = location


class APIConnectionError(APIError):
    """The server could not be reached, the connection broke, or a stream ended early."""

    retries = 0
    """How many times the request was retried before this error was raised."""


class APITimeoutError(APIConnectionError):
    """A connect, read, write or pool timeout expired."""


class APIResponseValidationError(APIError):
    """A 2xx answer whose body is not what the endpoint returns (e.g. not valid JSON)."""

    def __init__(self, message: str, *, response: Optional[ResponseInfo] = None, body: Any = None):
        super().__init__(message, body=body)
        self.response = response


class RealtimeError(APIError):
    """An ``error`` event on a realtime connection: the server's message, ``code``, ``param``,
    ``type``, and ``event_id`` (the client event it answers). The connection stays open."""

    def __init__(
        self,
        message: str,
        *,
        body: Any = None,
        code: Optional[str] = None,
        param: Optional[str] = None,
        type: Optional[str] = None,
        event_id: Optional[str] = None,
        request_id: Optional[str] = None,
    ) -> None:
        super().__init__(message, body=body, code=code, param=param, type=type)
        self.event_id = event_id
        self.request_id = request_id


class InvalidWebhookSignatureError(OpenAIError, ValueError):
    """A webhook whose signature, timestamp or headers do not verify (``openai_rest.webhooks``)."""


STATUS_ERRORS = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}

EXCERPT_BYTES = 300


def excerpt(body: bytes, limit: int = EXCERPT_BYTES) -> str:
    """A short, one-line, tag-free excerpt of a non-JSON body, for error messages."""
    import re  # error pages are rare: not worth compiling patterns at import

    sample = body[:limit]
    binary = sum(1 for byte in sample if byte < 9 or 13 < byte < 32 or byte == 127)
    if binary * 10 > len(sample):
        return f"<{len(body)} bytes of binary data>"
    tags = re.sub(rb"<(script|style)\b.*?</\1>|<[^>]*>", b" ", body[: limit * 8], flags=re.S | re.I)
    text = re.sub(rb"\s+", b" ", tags).strip()
    cut = text[:limit].decode("utf-8", "replace")
    return cut + ("..." if len(text) > limit else "")


def unexpected_body(
    info: ResponseInfo, body: bytes, expected: str, redact: Optional[str] = None
) -> APIResponseValidationError:
    """The error for a 2xx answer that is not what was asked: status, content type, excerpt."""
    kind = info.headers.get("content-type") or "no content type"
    encoding = info.headers.get("content-encoding")
    if encoding and encoding.lower() != "identity":
        kind += f", content-encoding {encoding}"
    message = (
        f"Expected {expected} from {info.method} {info.url} (status {info.status_code}), "
        f"got {kind}: {excerpt(body) if body else 'an empty body'}"
    )
    if info.request_id:
        message += f" [request id {info.request_id}]"
    if redact:
        message = message.replace(redact, "sk-***")
    return APIResponseValidationError(message, response=info, body=body)


def error_fields(payload: Any) -> Mapping[str, Any]:
    """The ``error`` object of an OpenAI error body, flat or nested; empty when absent."""
    if isinstance(payload, Mapping):
        if "error" not in payload and ("detail" in payload or "validation" in payload):
            return _problem_fields(payload)
        inner = payload.get("error", payload)
        if isinstance(inner, Mapping):
            return inner
        if isinstance(inner, str):
            return {"message": inner}
    return {}


def _problem_fields(problem: Mapping[str, Any]) -> Mapping[str, Any]:
    """An RFC 7807 ``application/problem+json`` body (validating proxies, Prism) as error fields."""
    detail = problem.get("detail") or problem.get("title") or ""
    validation = problem.get("validation")
    issues = validation if isinstance(validation, list) else []
    if isinstance(detail, list):  # FastAPI's 422: [{"loc": [...], "msg": ..., "type": ...}]
        issues, detail = detail, ""
    parts = [str(detail)]
    for issue in issues:
        if isinstance(issue, Mapping) and "msg" in issue and "message" not in issue:
            issue = {"location": issue.get("loc"), "message": issue["msg"]}
        if isinstance(issue, Mapping):
            location = issue.get("location") or ()
            if not isinstance(location, (list, tuple)):
                location = [location]
            where = ".".join(str(p) for p in location)
            parts.append(f"{where}: {issue.get('message')}" if where else str(issue.get("message")))
    return {"message": "; ".join(p for p in parts if p), "type": problem.get("type")}


def describe(fields: Mapping[str, Any], fallback: str) -> str:
    """``message (type=..., code=..., param=...)`` from an error object."""
    message = fields.get("message") or fallback
    extras = [f"{name}={fields[name]}" for name in ("type", "code", "param") if fields.get(name)]
    return f"{message} ({', '.join(extras)})" if extras else str(message)


def status_error(
    status: int, body: bytes, info: ResponseInfo, redact: Optional[str] = None
) -> APIStatusError:
    """The exception for an error answer: its class by status, its message from the body."""
    import json

    cls = STATUS_ERRORS.get(status) or (InternalServerError if status >= 500 else APIStatusError)
    payload: Any = None
    fields: Mapping[str, Any] = {}
    try:
        payload = json.loads(body) if body else None
    except ValueError:
        payload = _event_payload(body)
    fields = error_fields(payload)
    if fields:
        text = describe(fields, "(no message)")
    elif payload is not None:
        text = excerpt(json.dumps(payload).encode())
    else:
        kind = info.headers.get("content-type", "no content type") or "no content type"
        text = f"non-JSON error body ({kind}): {excerpt(body)}" if body else "empty error body"
    reason = info.reason
    message = f"Error code: {status}{' ' + reason if reason else ''} - {text}"
    if info.request_id:
        message += f" [request id {info.request_id}]"
    if redact:
        message = message.replace(redact, "sk-***")
    return cls(
        message,
        response=info,
        body=payload if payload is not None else body.decode("utf-8", "replace"),
        code=_opt_str(fields.get("code")),
        param=_opt_str(fields.get("param")),
        type=_opt_str(fields.get("type")),
    )


def _event_payload(body: bytes) -> Any:
    """The error object inside an event-stream error body (LiteLLM's proxy sends one), if any."""
    if body.lstrip()[:5] not in (b"data:", b"event"):
        return None
    import json

    from ._sse import SSEDecoder

    for _, data, _ in SSEDecoder().feed(body + b"\n\n"):
        try:
            value = json.loads(data)
        except ValueError:
            continue
        if error_fields(value):
            return value
    return None


def _opt_str(value: Any) -> Optional[str]:
    return None if value is None else str(value)


class LengthFinishReasonError(OpenAIError):
    """The answer was cut at the token limit (``finish_reason: "length"``), so it cannot parse.

    ``completion`` is the partial plain result (the chat completion or the response).
    """

    def __init__(self, completion: Any) -> None:
        usage = completion.get("usage") if isinstance(completion, dict) else None
        super().__init__(
            "Could not parse the answer: the token limit was reached"
            + (f" ({usage})" if usage else "")
        )
        self.completion = completion


class ContentFilterFinishReasonError(OpenAIError):
    """The content filter stopped the answer (``finish_reason: "content_filter"``).

    ``completion`` is the partial plain result.
    """

    def __init__(self, completion: Any) -> None:
        super().__init__("Could not parse the answer: the content filter stopped it")
        self.completion = completion


class OutputValidationError(APIResponseValidationError):
    """An answer that does not parse into the requested type; ``raw`` keeps its text.

    The validation error is the ``__cause__``; ``completion`` is the plain result.
    """

    def __init__(self, message: str, raw: str, completion: Any = None) -> None:
        super().__init__(message, body=raw)
        self.raw = raw
        self.completion = completion
