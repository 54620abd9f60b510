"""``RealtimeAccumulator``: a realtime response's events folded into its text, audio, transcript
and function calls (pure)."""

from __future__ import annotations

import binascii
from typing import Any, Dict, List, Mapping, Optional

_BETA_NAMES = {
    "response.text.delta": "response.output_text.delta",
    "response.audio.delta": "response.output_audio.delta",
    "response.audio_transcript.delta": "response.output_audio_transcript.delta",
}
"""The beta API's names of the deltas (still sent by older servers and previews)."""


def _decode_audio(delta: str, event: Mapping[str, Any]) -> bytes:
    """Base64 decoded; a length check (not a regex) catches what is not base64, cheaply."""
    try:
        audio = binascii.a2b_base64(delta)
    except (binascii.Error, ValueError):
        audio = b""
    if len(audio) != len(delta) // 4 * 3 - delta[-2:].count("=") or len(delta) % 4:
        from .._errors import APIResponseValidationError

        raise APIResponseValidationError(
            f"an audio delta that is not base64: {delta[:60]!r}", body=dict(event)
        )
    return audio


class RealtimeAccumulator:
    """Folds the server events of one response; ``add(event)`` returns the text it adds.

    ``text`` (``response.output_text.delta``), ``audio`` (``response.output_audio.delta``,
    base64-decoded and concatenated), ``transcript`` (``response.output_audio_transcript.delta``),
    ``function_calls`` (``[{"call_id", "name", "arguments", "item_id"}]``), ``response`` (what
    ``response.done`` carries), ``usage``, ``status`` and ``done``. The first event with a
    ``response_id`` binds the accumulator to that response; other responses' events are skipped.
    Events of other kinds (session, input audio) pass through untouched. The beta API's names
    (``response.text.delta``, ``response.audio.delta``, ...) are read too.
    """

    def __init__(self) -> None:
        self.response_id: Optional[str] = None
        self.response: Optional[Dict[str, Any]] = None
        self.done = False
        self.events = 0
        self._text: List[str] = []
        self._transcript: List[str] = []
        self._audio = bytearray()
        self._calls: List[Dict[str, Any]] = []
        self._call_keys: Dict[str, Dict[str, Any]] = {}  # item ids and call ids to their call

    def _mine(self, event: Mapping[str, Any]) -> bool:
        response = event.get("response")
        rid = event.get("response_id") or (
            response.get("id") if isinstance(response, dict) else None
        )
        if rid is None:
            return True
        if self.response_id is None:
            self.response_id = str(rid)
        return bool(rid == self.response_id)

    def add(self, event: Mapping[str, Any]) -> str:
        """Fold in one event; returns its text or transcript delta (``""`` for the others)."""
        kind = event.get("type")
        if not isinstance(kind, str) or not kind.startswith("response.") or not self._mine(event):
            return ""
        self.events += 1
        kind = _BETA_NAMES.get(kind, kind)
        delta = event.get("delta")
        if kind == "response.output_text.delta" and isinstance(delta, str):
            self._text.append(delta)
            return delta
        if kind == "response.output_audio_transcript.delta" and isinstance(delta, str):
            self._transcript.append(delta)
            return delta
        if kind == "response.output_audio.delta" and isinstance(delta, str):
            self._audio += _decode_audio(delta, event)
        elif kind == "response.output_item.added" or kind == "response.output_item.done":
            item = event.get("item")
            if isinstance(item, dict) and item.get("type") == "function_call":
                call = self._call(item)
                if kind.endswith("done") and isinstance(item.get("arguments"), str):
                    call["arguments"] = item["arguments"]
        elif kind == "response.function_call_arguments.delta" and isinstance(delta, str):
            self._call(event)["arguments"] += delta
        elif kind == "response.function_call_arguments.done":
            call = self._call(event)
            if isinstance(event.get("arguments"), str):
                call["arguments"] = event["arguments"]
        elif kind == "response.done":
            response = event.get("response")
            self.response = response if isinstance(response, dict) else {}
            self.done = True
        return ""

    def _call(self, source: Mapping[str, Any]) -> Dict[str, Any]:
        """The call an item or an arguments event is about, found by item id or call id."""
        item_id = source.get("id") if "item_id" not in source else source["item_id"]
        keys = [f"item:{item_id}" if item_id else None, f"call:{source.get('call_id')}"]
        found = [self._call_keys[k] for k in keys if k in self._call_keys]
        if found:
            call = found[0]
        else:
            call = {"call_id": None, "name": None, "arguments": "", "item_id": item_id}
            self._calls.append(call)
        for name in ("call_id", "name", "item_id"):
            value = item_id if name == "item_id" else source.get(name)
            if value and not call[name]:
                call[name] = value
        for key in (f"item:{call['item_id']}", f"call:{call['call_id']}"):
            if not key.endswith(":None"):
                self._call_keys.setdefault(key, call)
        return call

    @property
    def text(self) -> str:
        """The response's text output (from ``response.done`` when no delta came)."""
        return "".join(self._text) or self._from_done("output_text", "text")

    @property
    def transcript(self) -> str:
        """The transcript of the response's audio output."""
        return "".join(self._transcript) or self._from_done("output_audio", "transcript")

    def _from_done(self, part_type: str, field: str) -> str:
        """A field of the output parts ``response.done`` carries (servers that skip deltas)."""
        found = []
        for item in (self.response or {}).get("output") or ():
            for part in (item.get("content") or ()) if isinstance(item, dict) else ():
                if isinstance(part, dict) and part.get("type") == part_type:
                    found.append(part.get(field) or "")
        return "".join(found)

    @property
    def audio(self) -> bytes:
        """The response's audio output, decoded, in the session's output format."""
        return bytes(self._audio)

    @property
    def function_calls(self) -> List[Dict[str, Any]]:
        """The function calls, in order: ``call_id``, ``name``, ``arguments`` (JSON text)."""
        if not self._calls:  # a server that skipped the call events: what response.done says
            for item in (self.response or {}).get("output") or ():
                if isinstance(item, dict) and item.get("type") == "function_call":
                    self._call(item)["arguments"] = str(item.get("arguments") or "")
        return [dict(call) for call in self._calls]

    @property
    def usage(self) -> Optional[Dict[str, Any]]:
        """``response.done``'s token usage, once it came."""
        usage = (self.response or {}).get("usage")
        return usage if isinstance(usage, dict) else None

    @property
    def status(self) -> Optional[str]:
        """``completed``, ``cancelled``, ``incomplete`` or ``failed`` once done; else ``None``."""
        return (self.response or {}).get("status") if self.done else None

    def __repr__(self) -> str:
        return (
            f"<RealtimeAccumulator {self.response_id} done={self.done} text={len(self.text)} chars"
            f" audio={len(self._audio)} bytes calls={len(self._calls)}>"
        )
