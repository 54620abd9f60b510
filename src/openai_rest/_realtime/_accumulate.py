"""``RealtimeAccumulator``: a realtime response's events folded into its text, audio, transcript
and function calls (pure)."""

from __future__ import annotations

import binascii
from typing import Any, Dict, List, Mapping, Optional


class RealtimeAccumulator:
    """Folds the server events of one response; ``add(event)`` returns the text it adds.

    ``text`` (``response.output_text.delta``), ``audio`` (``response.output_audio.delta``,
    base64-decoded and concatenated), ``transcript`` (``response.output_audio_transcript.delta``),
    ``function_calls`` (``[{"call_id", "name", "arguments", "item_id"}]``), ``response`` (what
    ``response.done`` carries), ``usage``, ``status`` and ``done``. The first event with a
    ``response_id`` binds the accumulator to that response; other responses' events are skipped.
    Events of other kinds (session, input audio) pass through untouched.
    """

    def __init__(self) -> None:
        self.response_id: Optional[str] = None
        self.response: Optional[Dict[str, Any]] = None
        self.done = False
        self.events = 0
        self._text: List[str] = []
        self._transcript: List[str] = []
        self._audio = bytearray()
        self._calls: Dict[str, Dict[str, Any]] = {}

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
        delta = event.get("delta")
        if kind == "response.output_text.delta" and isinstance(delta, str):
            self._text.append(delta)
            return delta
        if kind == "response.output_audio_transcript.delta" and isinstance(delta, str):
            self._transcript.append(delta)
            return delta
        if kind == "response.output_audio.delta" and isinstance(delta, str):
            self._audio += binascii.a2b_base64(delta)
        elif kind == "response.output_item.added" or kind == "response.output_item.done":
            item = event.get("item")
            if isinstance(item, dict) and item.get("type") == "function_call":
                call = self._call(item.get("id"), item)
                if kind.endswith("done") and isinstance(item.get("arguments"), str):
                    call["arguments"] = item["arguments"]
        elif kind == "response.function_call_arguments.delta" and isinstance(delta, str):
            self._call(event.get("item_id"), event)["arguments"] += delta
        elif kind == "response.function_call_arguments.done":
            call = self._call(event.get("item_id"), event)
            if isinstance(event.get("arguments"), str):
                call["arguments"] = event["arguments"]
        elif kind == "response.done":
            response = event.get("response")
            self.response = response if isinstance(response, dict) else {}
            self.done = True
        return ""

    def _call(self, item_id: Any, source: Mapping[str, Any]) -> Dict[str, Any]:
        key = str(item_id)
        call = self._calls.get(key)
        if call is None:
            call = self._calls[key] = {
                "call_id": None,
                "name": None,
                "arguments": "",
                "item_id": item_id,
            }
        for name in ("call_id", "name"):
            if source.get(name):
                call[name] = source[name]
        return call

    @property
    def text(self) -> str:
        """The response's text output."""
        return "".join(self._text)

    @property
    def transcript(self) -> str:
        """The transcript of the response's audio output."""
        return "".join(self._transcript)

    @property
    def audio(self) -> bytes:
        """The response's audio output, decoded, in the session's output format."""
        return bytes(self._audio)

    @property
    def function_calls(self) -> List[Dict[str, Any]]:
        """The function calls, in order: ``call_id``, ``name``, ``arguments`` (JSON text)."""
        return list(self._calls.values())

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
