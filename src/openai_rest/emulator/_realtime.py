"""``GET /v1/realtime``: the Realtime API over a WebSocket, one session per connection.

Client events are read as they come; a response streams from its own task so that
``response.cancel`` can stop it. Faults (``x-emulate-fault`` on the handshake, or
``faults.inject(..., path="/v1/realtime")``): ``stream-error-after=N`` sends an ``error`` event
after N server events (the session goes on), ``stream-reset-after=N`` drops the connection,
``stream-cut-after=N`` closes it cleanly (code 1000), ``slow=MS`` holds back each event; a
status (``401``, ``429``...) refuses the handshake. Azure's ``/openai/realtime?deployment=...``
is the same endpoint, the deployment naming the model.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any, Dict, List, Optional

from aiohttp import WSMsgType, web

from ._http import Route, abort, dumps, fault_of
from ._realtime_model import (
    RealtimeFault,
    ResponseRun,
    audio_ms,
    check_event,
    check_item,
    check_response,
    check_session,
    decode_audio,
    error_event,
    heard,
    is_silence,
    merge,
    new_session,
    session_view,
)
from ._state import JSON, ApiError, State, new_id

MAX_MESSAGE_BYTES = 64 * 1024 * 1024


def hear(part: JSON) -> JSON:
    """An ``input_audio`` part with the transcript of what the model heard in it."""
    if part.get("type") != "input_audio" or part.get("transcript") or "audio" not in part:
        return part
    return {**part, "transcript": heard(decode_audio(part["audio"]))}


def without_audio(item: JSON) -> JSON:
    """An item as events announce it: its audio data left out (``conversation.item.retrieve``
    gives it)."""
    if not any("audio" in part for part in item.get("content") or ()):
        return item
    parts = [{k: v for k, v in part.items() if k != "audio"} for part in item["content"]]
    return {**item, "content": parts}


class _Dropped(Exception):
    """The fault dropped or closed the connection: stop serving it."""


class RealtimeApi:
    """The realtime WebSocket route."""

    def __init__(self, state: State) -> None:
        self.state = state

    def routes(self) -> List[Route]:
        return [("GET", "/realtime", self.connect)]

    async def connect(self, request: web.Request) -> web.StreamResponse:
        model = request.query.get("model") or request.query.get("deployment")  # Azure: deployment
        if not model:
            raise ApiError(
                400,
                "Missing required parameter: 'model'.",
                param="model",
                code="missing_required_parameter",
            )
        ws = web.WebSocketResponse(max_msg_size=MAX_MESSAGE_BYTES, autoping=True)
        if not ws.can_prepare(request).ok:
            raise ApiError(
                400, "The realtime endpoint expects a WebSocket upgrade (GET with Upgrade)."
            )
        await ws.prepare(request)
        await Session(request, ws, model).serve()
        return ws


class Session:
    """One connection's session, conversation, input audio buffer and response in progress."""

    def __init__(self, request: web.Request, ws: web.WebSocketResponse, model: str) -> None:
        self.request = request
        self.ws = ws
        self.fault = fault_of(request)
        self.session = new_session(model)
        self.items: List[JSON] = []
        self.audio = bytearray()
        self.speech_item: Optional[str] = None  # the item id of speech in progress (VAD)
        self.active: Optional[ResponseRun] = None
        self.task: Optional[asyncio.Task[None]] = None
        self.cancelled = False
        self.sent = 0
        self.errored = False
        self.lock = asyncio.Lock()

    async def serve(self) -> None:
        try:
            if self.fault is not None:
                await self._fault(self.fault)  # a fault after 0 events
            await self.emit({"type": "session.created", "session": session_view(self.session)})
            async for message in self.ws:
                if message.type == WSMsgType.TEXT:
                    await self.handle(message.data)
                elif message.type == WSMsgType.BINARY:
                    await self.refuse(RealtimeFault("Send events as text frames.", "invalid_json"))
                else:
                    break
        except (_Dropped, ConnectionError, RuntimeError):
            pass  # the fault ended the connection, or the client went away mid-answer
        finally:
            if self.task is not None:
                self.task.cancel()

    async def emit(self, event: JSON) -> None:
        """Send one server event, with a fresh ``event_id``; the fault may intervene."""
        fault = self.fault
        async with self.lock:
            if fault is not None and fault.slow_ms:
                await asyncio.sleep(fault.slow_ms / 1000)
            await self.ws.send_str(dumps({"event_id": new_id("event_"), **event}))
            self.sent += 1
            if fault is not None:
                await self._fault(fault)

    async def _fault(self, fault: Any) -> None:
        """After N events: drop the connection, close it, or send one ``error`` event."""
        if fault.stream_reset_after is not None and self.sent >= fault.stream_reset_after:
            abort(self.request)
            raise _Dropped()
        if fault.stream_cut_after is not None and self.sent >= fault.stream_cut_after:
            await self.ws.close()
            raise _Dropped()
        if (
            fault.stream_error_after is not None
            and self.sent >= fault.stream_error_after
            and not self.errored
        ):
            self.errored = True
            error = {
                "type": "error",
                "error": {
                    "type": "server_error",
                    "code": fault.code or "server_error",
                    "message": fault.message
                    or "The server had an error while processing your request. Sorry!",
                    "param": None,
                    "event_id": None,
                },
            }
            await self.ws.send_str(dumps({"event_id": new_id("event_"), **error}))
            self.sent += 1

    async def refuse(self, fault: RealtimeFault, event_id: Optional[str] = None) -> None:
        await self.emit(error_event(fault, event_id, "invalid_request_error"))

    async def handle(self, text: str) -> None:
        try:
            raw = json.loads(text)
        except ValueError:
            await self.refuse(
                RealtimeFault(
                    f"The server failed to parse the client event: {text[:100]!r}.", "invalid_json"
                )
            )
            return
        event_id = raw.get("event_id") if isinstance(raw, dict) else None
        try:
            event = check_event(raw)
            handler = getattr(self, "on_" + event["type"].replace(".", "_"))
            await handler(event)
        except RealtimeFault as fault:
            await self.refuse(fault, event_id if isinstance(event_id, str) else None)

    # --- session and conversation ------------------------------------------------------------

    async def on_session_update(self, event: JSON) -> None:
        update = event["session"]
        check_session(update)
        self.session = merge(self.session, update)
        await self.emit({"type": "session.updated", "session": session_view(self.session)})

    def _find(self, item_id: str) -> int:
        for index, item in enumerate(self.items):
            if item["id"] == item_id:
                return index
        raise RealtimeFault(
            f"Item with item_id '{item_id}' not found.", "item_not_found", "item_id"
        )

    async def add_item(self, item: JSON, previous_item_id: Optional[str] = None) -> JSON:
        """Put ``item`` in the conversation (after ``previous_item_id``) and announce it."""
        item = {"id": item.get("id") or new_id("item_"), "object": "realtime.item", **item}
        item.setdefault("status", "completed")
        if previous_item_id is None:
            previous = self.items[-1]["id"] if self.items else None
            self.items.append(item)
        else:
            position = self._find(previous_item_id) + 1 if previous_item_id != "root" else 0
            previous = previous_item_id if previous_item_id != "root" else None
            self.items.insert(position, item)
        shown = without_audio(item)
        await self.emit(
            {"type": "conversation.item.created", "previous_item_id": previous, "item": shown}
        )
        return item

    async def on_conversation_item_create(self, event: JSON) -> None:
        item = event["item"]
        check_item(item)
        if item.get("content"):  # the model hears the audio of an audio part
            item = dict(item, content=[hear(part) for part in item["content"]])
        await self.add_item(item, event.get("previous_item_id"))

    async def on_conversation_item_retrieve(self, event: JSON) -> None:
        item = self.items[self._find(event["item_id"])]
        await self.emit({"type": "conversation.item.retrieved", "item": item})

    async def on_conversation_item_delete(self, event: JSON) -> None:
        del self.items[self._find(event["item_id"])]
        await self.emit({"type": "conversation.item.deleted", "item_id": event["item_id"]})

    async def on_conversation_item_truncate(self, event: JSON) -> None:
        self._find(event["item_id"])
        await self.emit(
            {
                "type": "conversation.item.truncated",
                "item_id": event["item_id"],
                "content_index": event["content_index"],
                "audio_end_ms": event["audio_end_ms"],
            }
        )

    # --- input audio ---------------------------------------------------------------------------

    def _input_format(self) -> JSON:
        fmt: JSON = self.session["audio"]["input"]["format"]
        return fmt

    async def on_input_audio_buffer_append(self, event: JSON) -> None:
        chunk = decode_audio(event["audio"])
        turn = self.session["audio"]["input"].get("turn_detection")
        fmt = self._input_format()
        silent = is_silence(chunk, fmt.get("type", "audio/pcm"))
        if turn and not silent and self.speech_item is None:
            self.speech_item = new_id("item_")
            await self.emit(
                {
                    "type": "input_audio_buffer.speech_started",
                    "audio_start_ms": audio_ms(bytes(self.audio), fmt),
                    "item_id": self.speech_item,
                }
            )
        self.audio += chunk
        if turn and silent and self.speech_item is not None:  # silence ends the turn
            await self.emit(
                {
                    "type": "input_audio_buffer.speech_stopped",
                    "audio_end_ms": audio_ms(bytes(self.audio), fmt),
                    "item_id": self.speech_item,
                }
            )
            await self.commit()
            if turn.get("create_response", True):
                await self.on_response_create({"type": "response.create"})

    async def on_input_audio_buffer_commit(self, event: JSON) -> None:
        if audio_ms(bytes(self.audio), self._input_format()) < 100:
            shown = audio_ms(bytes(self.audio), self._input_format())
            raise RealtimeFault(
                "Error committing input audio buffer: buffer too small. Expected at least 100ms"
                f" of audio, but buffer only has {shown:.2f}ms of audio.",
                "input_audio_buffer_commit_empty",
            )
        await self.commit()

    async def commit(self) -> None:
        """The buffered audio becomes a user message item (with what the model heard)."""
        audio, self.audio = bytes(self.audio), bytearray()
        item_id, self.speech_item = self.speech_item or new_id("item_"), None
        previous = self.items[-1]["id"] if self.items else None
        await self.emit(
            {
                "type": "input_audio_buffer.committed",
                "previous_item_id": previous,
                "item_id": item_id,
            }
        )
        transcript = heard(audio)
        content = {"type": "input_audio", "transcript": transcript}
        await self.add_item(
            {"id": item_id, "type": "message", "role": "user", "content": [content]}
        )
        if self.session["audio"]["input"].get("transcription"):
            await self.emit(
                {
                    "type": "conversation.item.input_audio_transcription.completed",
                    "item_id": item_id,
                    "content_index": 0,
                    "transcript": transcript,
                    "usage": {
                        "type": "duration",
                        "seconds": audio_ms(audio, self._input_format()) / 1000,
                    },
                }
            )

    async def on_input_audio_buffer_clear(self, event: JSON) -> None:
        self.audio = bytearray()
        self.speech_item = None
        await self.emit({"type": "input_audio_buffer.cleared"})

    async def on_output_audio_buffer_clear(self, event: JSON) -> None:
        raise RealtimeFault(
            "output_audio_buffer.clear is only supported for WebRTC connections.",
            "invalid_value",
            "type",
        )

    # --- responses -----------------------------------------------------------------------------

    async def on_response_create(self, event: JSON) -> None:
        params: Dict[str, Any] = event.get("response") or {}
        check_response(params)
        if self.active is not None:
            raise RealtimeFault(
                "Conversation already has an active response in progress: "
                f"{self.active.response['id']}. Wait until the response is finished before "
                "creating a new one.",
                "conversation_already_has_active_response",
            )
        run = ResponseRun(self.session, list(self.items), params)
        self.active, self.cancelled = run, False
        self.task = asyncio.ensure_future(self.stream(run))

    async def stream(self, run: ResponseRun) -> None:
        try:
            for event in run.events():
                if self.cancelled:
                    await self.emit(run.finish("cancelled"))
                    break
                await self.emit(event)
                await asyncio.sleep(0)  # let a response.cancel in
            if run.params.get("conversation") != "none":
                self.items.extend(run.response["output"])
        except (_Dropped, ConnectionError, RuntimeError):  # the client went away mid-response
            pass  # the fault closed the connection, or the client went away mid-response
        finally:
            self.active = None

    async def on_response_cancel(self, event: JSON) -> None:
        wanted = event.get("response_id")
        if self.active is None or (wanted and wanted != self.active.response["id"]):
            raise RealtimeFault(
                "Cancellation failed: no active response found.", "response_cancel_not_active"
            )
        self.cancelled = True
