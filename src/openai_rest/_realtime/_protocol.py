"""The realtime protocol, with no I/O: the handshake's URL and headers, frames read into events,
the events people send most, and what a connection knows about its own state.

Both I/O flavours (``_async``, ``_sync``) feed what they receive to ``Protocol.read`` and send
what the senders of ``Senders`` build, so the two faces behave alike by construction.
"""

from __future__ import annotations

import base64
import json
from typing import TYPE_CHECKING, Any, Dict, Mapping, Optional, Set

from .._errors import APIConnectionError, APIResponseValidationError, RealtimeError

if TYPE_CHECKING:
    from .._config import Settings
    from .._request import Request

Event = Dict[str, Any]

TEXT, BINARY, CLOSED = "text", "binary", "closed"
"""The kinds of frame an I/O flavour hands to ``Protocol.read`` (pings are its own business)."""

NORMAL_CLOSURE = 1000
ABNORMAL_CLOSURE = 1006  # no close frame: the connection dropped

_dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


def websocket_url(http_url: str) -> str:
    """``ws://`` for an ``http://`` URL, ``wss://`` for ``https://``."""
    scheme, sep, rest = http_url.partition("://")
    return ("wss" if scheme.lower() == "https" else "ws") + sep + rest


def handshake(
    settings: Settings,
    model: Optional[str],
    query: Mapping[str, Any],
    extra_headers: Optional[Mapping[str, Optional[str]]] = None,
    extra_query: Optional[Mapping[str, Any]] = None,
) -> Request:
    """The request that opens a realtime connection for ``settings`` (a ``GET`` to upgrade).

    ``{base_url}/realtime?model=...`` with the client's auth, organization, project, beta and
    default headers; ``extra_headers`` (``None`` removes one) and ``extra_query`` last. For
    Azure OpenAI the base URL, ``api-version`` and ``api-key`` come from the settings, and the
    model is named ``deployment=`` on the deployment API (``_azure.realtime_query``). This is
    the one place that knows where a realtime connection goes. Raises ``OpenAIError`` before
    any I/O when no credentials would be sent; an Azure token provider is called by the face
    (``_azure.authorize``), which may have to await it.
    """
    from .._request import Request, _require_key, query_string

    params: Dict[str, Any] = {**settings.query}
    azure = settings.azure
    if azure is not None:
        from .._azure import realtime_query

        params.update(realtime_query(azure, model))
    elif model is not None:
        params["model"] = model
    params.update(query)
    params.update(extra_query or {})
    url = websocket_url(settings.base_url + "/realtime")
    encoded = query_string(params)
    if encoded:
        url += "?" + encoded
    headers = {k: v for k, v in settings.headers.items() if k.lower() != "accept"}
    for name, value in (extra_headers or {}).items():
        for existing in [k for k in headers if k.lower() == name.lower()]:
            del headers[existing]
        if value is not None:
            headers[name] = value
    if not headers.get("Authorization") and not settings.api_key and not settings.keyless:
        _require_key("realtime_connect", headers, settings)
    return Request("GET", url, headers, timeout=settings.timeout, settings=settings)


def encode(event: Mapping[str, Any]) -> str:
    """A client event as the JSON text of one frame; a ``TypeError`` for what is not one."""
    if not isinstance(event, Mapping):
        raise TypeError(f"a realtime event is a dict, not {type(event).__name__}")
    if not isinstance(event.get("type"), str):
        raise TypeError("a realtime event needs a 'type', such as 'response.create'")
    return _dumps(event)


def decode(data: Any) -> Event:
    """One frame's JSON text (or UTF-8 bytes) as a server event; never a bare decode error."""
    try:
        if isinstance(data, (bytes, bytearray, memoryview)):
            data = bytes(data).decode("utf-8")
        event = json.loads(data)
    except (UnicodeDecodeError, ValueError) as exc:
        raise APIResponseValidationError(
            f"the realtime server sent a frame that is not JSON: {str(data)[:200]!r}", body=data
        ) from exc
    if not isinstance(event, dict) or not isinstance(event.get("type"), str):
        raise APIResponseValidationError(
            f"the realtime server sent a frame that is not an event: {str(data)[:200]!r}",
            body=event,
        )
    return event


def error_of(event: Event, request_id: Optional[str] = None) -> RealtimeError:
    """The ``RealtimeError`` of an ``error`` event, with the server's message."""
    from .._errors import describe

    fields = event.get("error")
    if not isinstance(fields, dict):
        fields = {"message": str(fields) if fields else "(no message)"}
    message = "Realtime error: " + describe(fields, "(no message)")
    if request_id:
        message += f" [request id {request_id}]"

    def text(name: str) -> Optional[str]:
        value = fields.get(name)
        return None if value is None else str(value)

    return RealtimeError(
        message,
        body=event,
        code=text("code"),
        param=text("param"),
        type=text("type"),
        event_id=text("event_id"),
        request_id=request_id,
    )


def _response_id(event: Event) -> str:
    response = event.get("response")
    return str(response.get("id") if isinstance(response, dict) else None)


class Protocol:
    """What one connection knows: its open responses, whether it is closing, its request id.

    ``read(kind, data)`` turns a received frame into the event to hand to the user, ``None``
    when the connection ended cleanly (iteration stops), or raises: ``RealtimeError`` for an
    ``error`` event (unless ``raise_on_error`` is false), ``APIConnectionError`` when the
    connection dropped or closed while a response was still coming.
    """

    def __init__(self, url: str, raise_on_error: bool = True) -> None:
        self.url = url
        self.raise_on_error = raise_on_error
        self.request_id: Optional[str] = None
        self.session: Optional[Event] = None
        self.open_responses: Set[str] = set()
        self.closing = False
        self.closed = False

    def read(self, kind: str, data: Any, close_code: Optional[int] = None) -> Optional[Event]:
        if kind == CLOSED:
            self._ended(close_code, data)
            return None
        event = decode(data)
        kind = event["type"]
        if kind == "response.created":
            self.open_responses.add(_response_id(event))
        elif kind == "response.done":
            self.open_responses.discard(_response_id(event))
        elif kind in ("session.created", "session.updated"):
            session = event.get("session")
            self.session = session if isinstance(session, dict) else self.session
        elif kind == "error" and self.raise_on_error:
            raise error_of(event, self.request_id)
        return event

    def _ended(self, code: Optional[int], reason: Any) -> None:
        """Nothing for a clean end; the ``APIConnectionError`` of an early one."""
        was_closing, self.closed = self.closing, True
        if was_closing:
            return
        why = f" ({reason})" if reason else ""
        if code is None or code == ABNORMAL_CLOSURE:
            raise APIConnectionError(f"Realtime connection dropped: {self.url}{why}")
        if code != NORMAL_CLOSURE:
            raise APIConnectionError(f"Realtime connection closed by the server: code {code}{why}")
        if self.open_responses:
            raise APIConnectionError(
                "Realtime connection closed by the server before response.done of "
                + ", ".join(sorted(self.open_responses))
            )

    def after_close(self) -> None:
        """Raise when the connection is used after it ended."""
        if self.closed:
            raise APIConnectionError(f"Realtime connection is closed: {self.url}")


def audio_event(audio: bytes) -> Event:
    """``input_audio_buffer.append`` of raw audio bytes (sent base64-encoded)."""
    if not isinstance(audio, (bytes, bytearray, memoryview)):
        raise TypeError(f"append_audio takes bytes, not {type(audio).__name__}")
    return {"type": "input_audio_buffer.append", "audio": base64.b64encode(audio).decode("ascii")}


def _with(kind: str, fields: Mapping[str, Any]) -> Event:
    return {"type": kind, **{k: v for k, v in fields.items() if v is not None}}


def text_item(text: str, role: str = "user") -> Event:
    """A message item of one text part: what ``create_item("Hello")`` sends."""
    part = "output_text" if role == "assistant" else "input_text"
    return {"type": "message", "role": role, "content": [{"type": part, "text": text}]}


class Senders:
    """The convenience senders, written once: each builds an event and hands it to ``send``.

    On the async face ``send`` is a coroutine function, so each sender returns what must be
    awaited; on the sync face it sends at once.
    """

    def send(self, event: Mapping[str, Any]) -> Any:
        raise NotImplementedError

    def session_update(self, **session: Any) -> Any:
        """``session.update``: ``session_update(instructions=..., output_modalities=["text"])``."""
        return self.send({"type": "session.update", "session": {"type": "realtime", **session}})

    def append_audio(self, audio: bytes) -> Any:
        """``input_audio_buffer.append``: raw audio in the session's input format."""
        return self.send(audio_event(audio))

    def commit_audio(self) -> Any:
        """``input_audio_buffer.commit``: the appended audio becomes a user message."""
        return self.send({"type": "input_audio_buffer.commit"})

    def clear_audio(self) -> Any:
        """``input_audio_buffer.clear``: forget the audio appended since the last commit."""
        return self.send({"type": "input_audio_buffer.clear"})

    def create_item(
        self, item: Any, *, role: str = "user", previous_item_id: Optional[str] = None
    ) -> Any:
        """``conversation.item.create``: an item dict, or a text sent as a message of ``role``."""
        if isinstance(item, str):
            item = text_item(item, role)
        return self.send(
            _with("conversation.item.create", {"item": item, "previous_item_id": previous_item_id})
        )

    def create_response(self, **response: Any) -> Any:
        """``response.create``: ``create_response(instructions=..., output_modalities=[...])``."""
        return self.send(_with("response.create", {"response": response or None}))

    def cancel_response(self, response_id: Optional[str] = None) -> Any:
        """``response.cancel``: stop the response in progress (or the one named)."""
        return self.send(_with("response.cancel", {"response_id": response_id}))

    def function_output(self, call_id: str, output: Any) -> Any:
        """A ``function_call_output`` item: a tool's result (a non-string is sent as JSON)."""
        text = output if isinstance(output, str) else _dumps(output)
        item = {"type": "function_call_output", "call_id": call_id, "output": text}
        return self.send({"type": "conversation.item.create", "item": item})


class Connection(Senders):
    """What both faces' connections share: the protocol state and what it tells."""

    def __init__(self, protocol: Protocol, handshake_headers: Optional[Mapping[str, str]]) -> None:
        self._protocol = protocol
        protocol.request_id = (handshake_headers or {}).get("x-request-id")

    @property
    def request_id(self) -> Optional[str]:
        """The ``x-request-id`` of the handshake: quote it when you ask for help."""
        return self._protocol.request_id

    @property
    def session(self) -> Optional[Event]:
        """The session as the server last described it (``session.created`` / ``.updated``)."""
        return self._protocol.session

    @property
    def closed(self) -> bool:
        """Whether the connection has ended (closed by either side, or dropped)."""
        return self._protocol.closed

    def _closed_error(self) -> APIConnectionError:
        return APIConnectionError(f"Realtime connection is closed: {self._protocol.url}")

    def __repr__(self) -> str:
        state = "closed" if self._protocol.closed else "open"
        return f"<{type(self).__name__} {state} {self._protocol.url}>"
