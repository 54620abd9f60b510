"""The realtime model, pure: client events checked, the session and conversation they change,
and a response as the server events that stream it (text, audio with a transcript, function
calls). The WebSocket side is ``_realtime``."""

from __future__ import annotations

import array
import base64
import binascii
import hashlib
import sys
import time
from typing import Any, Dict, Iterator, List, Mapping, Optional, Tuple

from . import _model, _tools
from ._state import JSON, ApiError, new_id

SAMPLE_RATES = {"audio/pcm": 24000, "audio/pcmu": 8000, "audio/pcma": 8000}
"""The output formats and their sample rates (``audio/pcm`` is 16-bit little-endian mono)."""
VOICES = ("alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer", "verse", "marin", "cedar")
DELTA_MS = 100  # audio per output_audio.delta
MS_PER_WORD = 60  # how long the emulator speaks a word
SILENCE = 100  # a 16-bit sample below this (in magnitude) is silence, for turn detection


class RealtimeFault(Exception):
    """A client event the server refuses: sent back as an ``error`` event."""

    def __init__(
        self, message: str, code: str = "invalid_value", param: Optional[str] = None
    ) -> None:
        super().__init__(message)
        self.message, self.code, self.param = message, code, param


def error_event(fault: RealtimeFault, client_event_id: Optional[str], kind: str) -> JSON:
    """The ``error`` event of a refused client event."""
    return {
        "type": "error",
        "error": {
            "type": kind,
            "code": fault.code,
            "message": fault.message,
            "param": fault.param,
            "event_id": client_event_id,
        },
    }


# --- checking client events -----------------------------------------------------------------

_EVENT_FIELDS: Dict[str, Dict[str, type]] = {
    "session.update": {"session": dict},
    "input_audio_buffer.append": {"audio": str},
    "input_audio_buffer.commit": {},
    "input_audio_buffer.clear": {},
    "output_audio_buffer.clear": {},
    "conversation.item.create": {"item": dict, "previous_item_id": str},
    "conversation.item.retrieve": {"item_id": str},
    "conversation.item.delete": {"item_id": str},
    "conversation.item.truncate": {"item_id": str, "content_index": int, "audio_end_ms": int},
    "response.create": {"response": dict},
    "response.cancel": {"response_id": str},
}
_REQUIRED = {
    "session.update": ("session",),
    "input_audio_buffer.append": ("audio",),
    "conversation.item.create": ("item",),
    "conversation.item.retrieve": ("item_id",),
    "conversation.item.delete": ("item_id",),
    "conversation.item.truncate": ("item_id", "content_index", "audio_end_ms"),
}
_SESSION_FIELDS: Dict[str, Any] = {
    "type": str,
    "model": str,
    "instructions": str,
    "output_modalities": list,
    "audio": dict,
    "include": list,
    "tracing": (str, dict, type(None)),
    "tools": list,
    "tool_choice": (str, dict),
    "parallel_tool_calls": bool,
    "reasoning": dict,
    "max_output_tokens": (int, str),
    "truncation": (str, dict),
    "prompt": (dict, type(None)),
}
_RESPONSE_FIELDS: Dict[str, Any] = {
    "output_modalities": list,
    "instructions": str,
    "audio": dict,
    "tools": list,
    "tool_choice": (str, dict),
    "parallel_tool_calls": bool,
    "reasoning": dict,
    "max_output_tokens": (int, str),
    "conversation": str,
    "metadata": (dict, type(None)),
    "prompt": (dict, type(None)),
    "input": list,
}
_TYPE_NAMES = {
    str: "a string",
    int: "an integer",
    bool: "a boolean",
    dict: "an object",
    list: "an array",
    type(None): "null",
    float: "a number",
}


def _type_name(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _check_fields(body: Mapping[str, Any], fields: Mapping[str, Any], where: str) -> None:
    for name, value in body.items():
        param = f"{where}.{name}" if where else name
        kinds = fields.get(name)
        if kinds is None:
            raise RealtimeFault(f"Unknown parameter: '{param}'.", "unknown_parameter", param)
        kinds = kinds if isinstance(kinds, tuple) else (kinds,)
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            wanted = " or ".join(_TYPE_NAMES.get(k, k.__name__) for k in kinds)
            raise RealtimeFault(
                f"Invalid type for '{param}': expected {wanted}, but got {_type_name(value)}"
                " instead.",
                "invalid_type",
                param,
            )


def _one_of(value: Any, allowed: Tuple[str, ...], param: str) -> None:
    if value not in allowed:
        shown = ", ".join(f"'{a}'" for a in allowed)
        raise RealtimeFault(
            f"Invalid value: '{value}'. Supported values are: {shown}.", "invalid_value", param
        )


def check_event(event: Any) -> JSON:
    """A client event, checked: its type known, its fields known and of the right type."""
    if not isinstance(event, dict):
        raise RealtimeFault("The client event must be a JSON object.", "invalid_json")
    kind = event.get("type")
    if kind is None:
        raise RealtimeFault("Missing required parameter: 'type'.", "missing_required_parameter")
    if kind not in _EVENT_FIELDS:
        _one_of(kind, tuple(_EVENT_FIELDS), "type")
    _check_fields(event, {"type": str, "event_id": str, **_EVENT_FIELDS[kind]}, "")
    for name in _REQUIRED.get(kind, ()):
        if name not in event:
            raise RealtimeFault(
                f"Missing required parameter: '{name}'.", "missing_required_parameter", name
            )
    return event


def _check_modalities(value: Any, param: str) -> None:
    if not value or len(value) > 1 or value[0] not in ("text", "audio"):
        raise RealtimeFault(
            f"Invalid '{param}': expected ['text'] or ['audio'], got {value!r}.",
            "invalid_value",
            param,
        )


def _check_tools(tools: List[Any], param: str) -> None:
    for index, tool in enumerate(tools):
        where = f"{param}[{index}]"
        if not isinstance(tool, dict):
            raise RealtimeFault(f"Invalid type for '{where}': expected an object.", "invalid_type")
        _one_of(tool.get("type"), ("function", "mcp"), where + ".type")
        if tool["type"] == "function" and not isinstance(tool.get("name"), str):
            raise RealtimeFault(
                f"Missing required parameter: '{where}.name'.",
                "missing_required_parameter",
                where + ".name",
            )


def _check_audio(audio: Mapping[str, Any], param: str) -> None:
    _check_fields(audio, {"input": dict, "output": dict}, param)
    for side in ("input", "output"):
        settings = audio.get(side) or {}
        fields: Dict[str, Any] = {"format": dict}
        if side == "input":
            fields.update(transcription=(dict, type(None)), noise_reduction=(dict, type(None)))
            fields["turn_detection"] = (dict, type(None))
        else:
            fields.update(voice=str, speed=(int, float))
        _check_fields(settings, fields, f"{param}.{side}")
        fmt = settings.get("format")
        if fmt is not None:
            _one_of(fmt.get("type"), tuple(SAMPLE_RATES), f"{param}.{side}.format.type")
        if settings.get("voice") is not None:
            _one_of(settings["voice"], VOICES, f"{param}.output.voice")
        turn = settings.get("turn_detection")
        if turn is not None:
            _one_of(turn.get("type"), ("server_vad", "semantic_vad"), f"{param}.turn_detection")


def check_session(update: Mapping[str, Any]) -> None:
    """The ``session`` of a ``session.update``, checked."""
    _check_fields(update, _SESSION_FIELDS, "session")
    if "type" in update:
        _one_of(update["type"], ("realtime",), "session.type")
    _check_common(update, "session")


def _check_common(fields: Mapping[str, Any], where: str) -> None:
    if "output_modalities" in fields:
        _check_modalities(fields["output_modalities"], f"{where}.output_modalities")
    if "tools" in fields:
        _check_tools(fields["tools"], f"{where}.tools")
    if "audio" in fields:
        _check_audio(fields["audio"], f"{where}.audio")
    choice = fields.get("tool_choice")
    if isinstance(choice, str):
        _one_of(choice, ("auto", "none", "required"), f"{where}.tool_choice")
    limit = fields.get("max_output_tokens")
    if isinstance(limit, str):
        _one_of(limit, ("inf",), f"{where}.max_output_tokens")
    elif isinstance(limit, int) and not 1 <= limit <= 4096:
        raise RealtimeFault(
            f"Invalid '{where}.max_output_tokens': integer below minimum value or above 4096.",
            "integer_out_of_range",
            f"{where}.max_output_tokens",
        )


def check_response(params: Mapping[str, Any]) -> None:
    """The ``response`` of a ``response.create``, checked."""
    _check_fields(params, _RESPONSE_FIELDS, "response")
    if "conversation" in params:
        _one_of(params["conversation"], ("auto", "none"), "response.conversation")
    _check_common(params, "response")


_CONTENT_TYPES = {
    "user": ("input_text", "input_audio", "input_image"),
    "system": ("input_text",),
    "assistant": ("output_text", "output_audio"),
}


_ITEM_FIELDS: Dict[str, Dict[str, Any]] = {
    "message": {"role": str, "content": list},
    "function_call": {"call_id": str, "name": str, "arguments": str},
    "function_call_output": {"call_id": str, "output": str},
}
_PART_FIELDS: Dict[str, Dict[str, Any]] = {
    "input_text": {"text": str},
    "output_text": {"text": str},
    "input_audio": {"audio": str, "transcript": (str, type(None))},
    "output_audio": {"audio": str, "transcript": (str, type(None))},
    "input_image": {"image_url": str, "detail": str},
}
_ITEM_COMMON = {"id": str, "type": str, "object": str, "status": str}


def check_item(item: Mapping[str, Any]) -> None:
    """The ``item`` of a ``conversation.item.create``, checked: its type, role, fields and parts."""
    _one_of(item.get("type"), tuple(_ITEM_FIELDS), "item.type")
    kind = item["type"]
    if kind == "message":
        _one_of(item.get("role"), tuple(_CONTENT_TYPES), "item.role")
    _check_fields(item, {**_ITEM_COMMON, **_ITEM_FIELDS[kind]}, "item")
    needed = ("role", "content") if kind == "message" else tuple(_ITEM_FIELDS[kind])
    for name in needed:
        if name not in item:
            raise RealtimeFault(
                f"Missing required parameter: 'item.{name}'.",
                "missing_required_parameter",
                f"item.{name}",
            )
    for index, part in enumerate(item.get("content") or ()):
        where = f"item.content[{index}]"
        if not isinstance(part, dict):
            raise RealtimeFault(f"Invalid type for '{where}': expected an object.", "invalid_type")
        _one_of(part.get("type"), _CONTENT_TYPES[item["role"]], where + ".type")
        _check_fields(part, {"type": str, **_PART_FIELDS[part["type"]]}, where)
        if part["type"] == "input_audio" and "audio" in part:
            decode_audio(part["audio"], where + ".audio")


def decode_audio(data: str, param: str = "audio") -> bytes:
    """The bytes of a base64 ``audio`` field (``input_audio_buffer.append``, an audio part)."""
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise RealtimeFault(
            f"Invalid '{param}'. Expected base64-encoded audio bytes.", "invalid_value", param
        ) from None


# --- the session ----------------------------------------------------------------------------


def new_session(model: str) -> JSON:
    """The session a connection starts with (as the API's defaults; see ``docs/emulator.md``)."""
    return {
        "type": "realtime",
        "object": "realtime.session",
        "id": new_id("sess_"),
        "model": model,
        "output_modalities": ["audio"],
        "instructions": "",
        "tools": [],
        "tool_choice": "auto",
        "max_output_tokens": "inf",
        "tracing": None,
        "truncation": "auto",
        "prompt": None,
        "expires_at": int(time.time()) + 3600,
        "audio": {
            "input": {
                "format": {"type": "audio/pcm", "rate": 24000},
                "transcription": None,
                "noise_reduction": None,
                "turn_detection": {
                    "type": "server_vad",
                    "threshold": 0.5,
                    "prefix_padding_ms": 300,
                    "silence_duration_ms": 200,
                    "idle_timeout_ms": None,
                    "create_response": True,
                    "interrupt_response": True,
                },
            },
            "output": {
                "format": {"type": "audio/pcm", "rate": 24000},
                "voice": "alloy",
                "speed": 1,
            },
        },
    }


def merge(base: JSON, update: Mapping[str, Any]) -> JSON:
    """``update`` merged into ``base`` (objects key by key, everything else replaced)."""
    out = dict(base)
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict) and key != "format":
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def session_view(session: JSON) -> JSON:
    """The session as events carry it: fields the API leaves out when unset are left out."""
    view = {k: v for k, v in session.items() if v is not None}
    audio_in = {k: v for k, v in session["audio"]["input"].items() if v is not None}
    audio_in.setdefault("turn_detection", None)
    view["audio"] = {**session["audio"], "input": audio_in}
    return view


def output_format(session: Mapping[str, Any], params: Mapping[str, Any]) -> JSON:
    fmt = ((params.get("audio") or {}).get("output") or {}).get("format")
    return dict(fmt or session["audio"]["output"]["format"])


def is_silence(audio: bytes, fmt: str) -> bool:
    """Whether appended audio is silence (ends a turn under server turn detection)."""
    if not audio:
        return True
    if fmt == "audio/pcmu":
        return all(b in (0xFF, 0x7F, 0xFE, 0x7E) for b in audio)
    if fmt == "audio/pcma":
        return all(b in (0xD5, 0x55, 0xD4, 0x54) for b in audio)
    samples = array.array("h", audio[: len(audio) // 2 * 2])
    if sys.byteorder == "big":
        samples.byteswap()
    return max(samples, default=0) < SILENCE and -min(samples, default=0) < SILENCE


def heard(audio: bytes) -> str:
    """What the model hears in audio: a transcript chosen by the audio's bytes."""
    return _model.reply_text("audio", "transcribe", hashlib.sha256(audio).hexdigest(), words=8)


def audio_ms(audio: bytes, fmt: Mapping[str, Any]) -> int:
    kind = fmt.get("type", "audio/pcm")
    width = 2 if kind == "audio/pcm" else 1
    return len(audio) * 1000 // (SAMPLE_RATES.get(kind, 24000) * width)


# --- audio synthesis ------------------------------------------------------------------------


def _mulaw(sample: int) -> int:
    sign = 0x80 if sample < 0 else 0
    magnitude = min(abs(sample), 32635) + 132
    exponent = max(0, magnitude.bit_length() - 8)
    mantissa = (magnitude >> (exponent + 3)) & 0x0F
    return ~(sign | (exponent << 4) | mantissa) & 0xFF


def _alaw(sample: int) -> int:
    sign = 0x80 if sample >= 0 else 0
    magnitude = min(abs(sample), 32767) >> 3
    if magnitude < 32:
        code = magnitude >> 1
    else:
        exponent = magnitude.bit_length() - 5
        code = (exponent << 4) | ((magnitude >> exponent) & 0x0F)
    return (sign | code) ^ 0x55


def speech(text: str, voice: str, fmt: Mapping[str, Any]) -> bytes:
    """The spoken ``text``: a tone in ``voice``'s pitch, long enough for its words, in ``fmt``."""
    kind = fmt.get("type", "audio/pcm")
    rate = SAMPLE_RATES.get(kind, 24000)
    seconds = max(1, len(text.split())) * MS_PER_WORD / 1000
    pcm = _model._pcm(f"{voice}:{text}", rate, seconds)
    if kind == "audio/pcm":
        return pcm
    samples = array.array("h", pcm)
    if sys.byteorder == "big":
        samples.byteswap()
    encode = _mulaw if kind == "audio/pcmu" else _alaw
    return bytes(encode(s) for s in samples)


# --- responses ------------------------------------------------------------------------------


def item_text(item: Mapping[str, Any]) -> str:
    """The words of a conversation item (its text parts and transcripts)."""
    if item.get("type") == "function_call_output":
        return str(item.get("output") or "")
    words = []
    for part in item.get("content") or ():
        for key in ("text", "transcript"):
            if isinstance(part.get(key), str):
                words.append(part[key])
    return " ".join(words)


class ResponseRun:
    """One response: ``events()`` streams it; ``cancel()`` ends it early with ``response.done``.

    What the model says depends only on the conversation and the instructions: text (or a
    transcript) from ``_model.reply_text`` (a last user text ``echo: ...`` is said verbatim),
    a function call when tools are configured and the user names one or says "call".
    """

    def __init__(self, session: JSON, conversation: List[JSON], params: Mapping[str, Any]):
        self.params = params
        self.session = session
        self.input = params.get("input", conversation)
        self.modality = (params.get("output_modalities") or session["output_modalities"])[0]
        self.format = output_format(session, params)
        self.voice = ((params.get("audio") or {}).get("output") or {}).get("voice") or session[
            "audio"
        ]["output"]["voice"]
        self.instructions = params.get("instructions", session["instructions"])
        self.response: JSON = {
            "object": "realtime.response",
            "id": new_id("resp_"),
            "status": "in_progress",
            "status_details": None,
            "output": [],
            "conversation_id": None if params.get("conversation") == "none" else "conv_emulator",
            "output_modalities": [self.modality],
            "max_output_tokens": params.get("max_output_tokens", session["max_output_tokens"]),
            "audio": {"output": {"format": self.format, "voice": self.voice}},
            "usage": None,
            "metadata": params.get("metadata"),
        }
        self.output_tokens = 0

    def _head(self, index: int, item: JSON) -> JSON:
        return {"response_id": self.response["id"], "item_id": item["id"], "output_index": index}

    def events(self) -> Iterator[JSON]:
        """The server events of the response, ``response.created`` to ``response.done``."""
        yield {"type": "response.created", "response": self._snapshot()}
        users = [i for i in self.input if i.get("type") == "message" and i.get("role") == "user"]
        parallel = self.params.get("parallel_tool_calls", self.session.get("parallel_tool_calls"))
        turn = _tools.responses_turn(self.input, item_text(users[-1]) if users else "", parallel)
        tools = _tools.responses_tools(self.params.get("tools", self.session["tools"]))
        choice = self.params.get("tool_choice", self.session["tool_choice"])
        try:
            chosen = _tools.choose(tools, choice, turn)
        except ApiError as error:
            raise RealtimeFault(error.message, "invalid_value", "tool_choice") from None
        if chosen:
            rng = _model.seeded_rng("realtime-tool", [item_text(i) for i in self.input])
            for tool in chosen:
                yield from self._function_call(tool, rng)
        else:
            yield from self._message(turn)
        yield self.finish("completed" if self.response["status"] == "in_progress" else None)

    def _reply(self, turn: _tools.Turn) -> Tuple[str, bool]:
        seed = ("realtime", self.instructions, [item_text(i) for i in self.input])
        prompts = [self.instructions, turn.user_text]
        text = _model.answer_text("text", None, turn, prompts, *seed)
        limit = self.response["max_output_tokens"]
        return _model.truncate(text, limit if isinstance(limit, int) else None)

    def _message(self, turn: _tools.Turn) -> Iterator[JSON]:
        text, cut = self._reply(turn)
        audio = self.modality == "audio"
        item: JSON = {
            "id": new_id("item_"),
            "object": "realtime.item",
            "type": "message",
            "status": "in_progress",
            "role": "assistant",
            "content": [],
        }
        index = len(self.response["output"])
        self.response["output"].append(item)
        head = self._head(index, item)
        yield {"type": "response.output_item.added", **head, "item": dict(item, content=[])}
        part: JSON = {"type": "audio", "transcript": ""} if audio else {"type": "text", "text": ""}
        yield {"type": "response.content_part.added", **head, "content_index": 0, "part": part}
        head = {**head, "content_index": 0}
        pieces = _model.split_words(text)
        if audio:
            item["content"].append({"type": "output_audio", "transcript": ""})
            sound = speech(text, self.voice, self.format)
            step = max(1, len(sound) * DELTA_MS // max(1, audio_ms(sound, self.format)))
            chunks = [sound[i : i + step] for i in range(0, len(sound), step)]
            for position in range(max(len(chunks), len(pieces))):
                if position < len(chunks):
                    delta = base64.b64encode(chunks[position]).decode("ascii")
                    yield {"type": "response.output_audio.delta", **head, "delta": delta}
                if position < len(pieces):
                    item["content"][0]["transcript"] += pieces[position]
                    yield {
                        "type": "response.output_audio_transcript.delta",
                        **head,
                        "delta": pieces[position],
                    }
            yield {"type": "response.output_audio.done", **head}
            yield {"type": "response.output_audio_transcript.done", **head, "transcript": text}
            part = {"type": "audio", "transcript": text}
        else:
            item["content"].append({"type": "output_text", "text": ""})
            for piece in pieces:
                item["content"][0]["text"] += piece
                yield {"type": "response.output_text.delta", **head, "delta": piece}
            yield {"type": "response.output_text.done", **head, "text": text}
            part = {"type": "text", "text": text}
        self.output_tokens += _model.count_tokens(text)
        yield {"type": "response.content_part.done", **head, "part": part}
        item["status"] = "incomplete" if cut else "completed"
        if cut:
            self.response["status"] = "incomplete"
            self.response["status_details"] = {"type": "incomplete", "reason": "max_output_tokens"}
        del head["content_index"]
        yield {"type": "response.output_item.done", **head, "item": dict(item)}

    def _function_call(self, fn: JSON, rng: Any) -> Iterator[JSON]:
        arguments = _tools.call_input(fn, rng)
        call = {"id": _tools.call_id(rng)}
        item: JSON = {
            "id": new_id("item_"),
            "object": "realtime.item",
            "type": "function_call",
            "status": "in_progress",
            "name": fn["name"],
            "call_id": call["id"],
            "arguments": "",
        }
        index = len(self.response["output"])
        self.response["output"].append(item)
        head = self._head(index, item)
        yield {"type": "response.output_item.added", **head, "item": dict(item)}
        for piece in _model.split_fragments(arguments):
            item["arguments"] += piece
            yield {
                "type": "response.function_call_arguments.delta",
                **head,
                "call_id": call["id"],
                "delta": piece,
            }
        yield {
            "type": "response.function_call_arguments.done",
            **head,
            "call_id": call["id"],
            "name": fn["name"],
            "arguments": arguments,
        }
        item["status"] = "completed"
        self.output_tokens += _model.count_tokens(fn["name"] + arguments) + 3
        del head["item_id"]
        yield {"type": "response.output_item.done", **head, "item": dict(item)}

    def finish(self, status: Optional[str]) -> JSON:
        """``response.done``, with ``status`` (``cancelled`` when cut short) and the usage."""
        if status is not None:
            self.response["status"] = status
        if status == "cancelled":
            self.response["status_details"] = {"type": "cancelled", "reason": "client_cancelled"}
            for item in self.response["output"]:
                if item["status"] == "in_progress":
                    item["status"] = "incomplete"
        text_in = _model.count_tokens(self.instructions + " ".join(map(item_text, self.input)))
        audio_out = self.output_tokens if self.modality == "audio" else 0
        self.response["usage"] = {
            "total_tokens": text_in + self.output_tokens,
            "input_tokens": text_in,
            "output_tokens": self.output_tokens,
            "input_token_details": {
                "cached_tokens": 0,
                "text_tokens": text_in,
                "audio_tokens": 0,
                "image_tokens": 0,
            },
            "output_token_details": {
                "text_tokens": self.output_tokens - audio_out,
                "audio_tokens": audio_out,
            },
        }
        return {"type": "response.done", "response": self._snapshot()}

    def _snapshot(self) -> JSON:
        return {k: v for k, v in self.response.items() if v is not None}
