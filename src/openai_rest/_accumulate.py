"""Folding a chat (or completions) stream into the object the non-streaming call returns.

    acc = ChatAccumulator()
    for chunk in openai_rest.chat_completion(model=..., messages=..., stream=True):
        print(acc.add(chunk), end="")          # add() returns the chunk's text delta
    completion = acc.result()                  # {"object": "chat.completion", "choices": ...}

or ``completion = accumulate(stream)``, or ``for chunk in acc.iterate(stream)`` (and
``async for chunk in acc.aiterate(stream)``) to pass the chunks on while folding them.

Merging rules: strings are concatenated (content, refusal, tool call arguments, completion
text), except the identifying ones (``id``, ``type``, ``role``), which the last value sets;
lists of objects with an ``index`` (tool calls, choices) are merged entry by entry by that
index, even when one chunk carries two entries with the same index; other lists (logprobs)
are extended; ``finish_reason`` and ``usage`` keep their last non-null value. Pure code: no
I/O, nothing imported.
"""

from __future__ import annotations

import copy
from typing import Any, AsyncIterable, AsyncIterator, Dict, Iterable, Iterator, List, Optional

_REPLACED = frozenset({"id", "type", "role", "index", "finish_reason"})
_HEAD = ("id", "object", "created", "model", "system_fingerprint", "service_tier")
_FINAL_OBJECT = {"chat.completion.chunk": "chat.completion"}


def merge_delta(into: Dict[str, Any], delta: Dict[str, Any]) -> Dict[str, Any]:
    """Merge one delta into an accumulated object, in place (see the module's rules)."""
    for key, value in delta.items():
        if value is None:
            into.setdefault(key, None)
            continue
        have = into.get(key)
        if have is None and isinstance(value, list):
            into[key] = have = []
        elif have is None and isinstance(value, dict):
            into[key] = have = {}
        if have is None or key in _REPLACED:
            into[key] = copy.deepcopy(value)
        elif isinstance(have, str) and isinstance(value, str):
            into[key] = have + value
        elif isinstance(have, dict) and isinstance(value, dict):
            merge_delta(have, value)
        elif isinstance(have, list) and isinstance(value, list):
            merge_list(have, value)
        else:
            into[key] = copy.deepcopy(value)
    return into


def merge_list(into: List[Any], items: List[Any]) -> None:
    """Entries with an ``index`` merge into the entry of the same index; others are appended."""
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("index"), int):
            for entry in into:
                if isinstance(entry, dict) and entry.get("index") == item["index"]:
                    merge_delta(entry, item)
                    break
            else:
                into.append(copy.deepcopy(item))
        else:
            into.append(copy.deepcopy(item))


def _text_of(choice: Dict[str, Any]) -> str:
    delta = choice.get("delta")
    text = delta.get("content") if isinstance(delta, dict) else choice.get("text")
    return text if isinstance(text, str) else ""


class ChatAccumulator:
    """Accumulates chat completion chunks (or completions chunks) into the final object."""

    def __init__(self) -> None:
        self._head: Dict[str, Any] = {}
        self._choices: Dict[int, Dict[str, Any]] = {}
        self._usage: Any = None
        self._has_usage = False
        self._chat: Optional[bool] = None
        self.chunks = 0

    def add(self, chunk: Dict[str, Any]) -> str:
        """Fold in one chunk; returns the text it adds to the first choice (``""`` if none)."""
        self.chunks += 1
        for key in _HEAD:
            if chunk.get(key) is not None:
                self._head[key] = chunk[key]
        if "usage" in chunk:
            self._has_usage = True
            if chunk["usage"] is not None:
                self._usage = chunk["usage"]
        text = ""
        for choice in chunk.get("choices") or ():
            index = choice.get("index", 0)
            if "delta" in choice:
                self._chat = True
            elif self._chat is None:
                self._chat = False
            merged = self._choices.setdefault(index, {})
            merge_delta(merged, choice)
            if index == 0:
                text += _text_of(choice)
        return text

    def iterate(self, stream: Iterable[Dict[str, Any]]) -> Iterator[Dict[str, Any]]:
        """Yield every chunk of ``stream`` unchanged while folding it in."""
        for chunk in stream:
            self.add(chunk)
            yield chunk

    async def aiterate(
        self, stream: AsyncIterable[Dict[str, Any]]
    ) -> AsyncIterator[Dict[str, Any]]:
        """``iterate`` for an async stream (``AsyncClient``)."""
        async for chunk in stream:
            self.add(chunk)
            yield chunk

    def result(self) -> Dict[str, Any]:
        """The object the non-streaming call would have returned, from the chunks so far."""
        out: Dict[str, Any] = copy.deepcopy(self._head)
        if "object" in out:
            out["object"] = _FINAL_OBJECT.get(out["object"], out["object"])
        elif self._chat:
            out["object"] = "chat.completion"
        choices = [self._choices[i] for i in sorted(self._choices)]
        out["choices"] = [
            self._chat_choice(c) if self._chat else self._text_choice(c) for c in choices
        ]
        if self._has_usage:
            out["usage"] = copy.deepcopy(self._usage)
        return out

    @staticmethod
    def _chat_choice(choice: Dict[str, Any]) -> Dict[str, Any]:
        message: Dict[str, Any] = {"role": "assistant", "content": None, "refusal": None}
        message.update(copy.deepcopy(choice.get("delta") or {}))
        calls = message.get("tool_calls")
        if isinstance(calls, list):
            calls.sort(key=lambda call: call.get("index", 0) if isinstance(call, dict) else 0)
            for call in calls:
                if isinstance(call, dict):
                    call.pop("index", None)
        elif "tool_calls" in message:
            del message["tool_calls"]
        return {
            "index": choice.get("index", 0),
            "message": message,
            "logprobs": copy.deepcopy(choice.get("logprobs")),
            "finish_reason": choice.get("finish_reason"),
        }

    @staticmethod
    def _text_choice(choice: Dict[str, Any]) -> Dict[str, Any]:
        out = {"text": "", "index": 0, "logprobs": None, "finish_reason": None}
        out.update(copy.deepcopy(choice))
        return out


def output_text(response: Dict[str, Any]) -> str:
    """The text of a Responses API response: every ``output_text`` part of its messages."""
    texts = []
    for item in response.get("output") or ():
        if isinstance(item, dict) and item.get("type") == "message":
            for part in item.get("content") or ():
                if isinstance(part, dict) and part.get("type") == "output_text":
                    texts.append(part.get("text") or "")
    return "".join(texts)


_FINAL_EVENTS = frozenset({"response.completed", "response.incomplete"})


class ResponseAccumulator:
    """Accumulates a Responses API event stream into the final response object.

    ``add(item)`` takes the ``{"event": ..., "data": ...}`` items of
    ``responses_create(stream=True)`` and returns the text each adds (for live printing);
    ``result()`` is the final response (the one ``response.completed`` carries, or the last
    snapshot with the output items seen so far); ``output_text`` its text.
    """

    def __init__(self) -> None:
        self._response: Dict[str, Any] = {}
        self._items: Dict[int, Any] = {}
        self._final = False
        self._text: List[str] = []
        self.events = 0

    def add(self, item: Dict[str, Any]) -> str:
        """Fold in one event; returns its ``output_text`` delta (``""`` for other events)."""
        self.events += 1
        event, data = item.get("event"), item.get("data")
        if not isinstance(data, dict):
            return ""
        if event == "response.output_text.delta":
            delta = data.get("delta") or ""
            self._text.append(delta)
            return str(delta)
        snapshot = data.get("response")
        if isinstance(snapshot, dict) and not self._final:
            self._response = copy.deepcopy(snapshot)
            self._final = event in _FINAL_EVENTS
        elif event == "response.output_item.done" and isinstance(data.get("item"), dict):
            self._items[data.get("output_index", len(self._items))] = copy.deepcopy(data["item"])
        return ""

    def iterate(self, stream: Iterable[Dict[str, Any]]) -> Iterator[Dict[str, Any]]:
        """Yield every event of ``stream`` unchanged while folding it in."""
        for item in stream:
            self.add(item)
            yield item

    async def aiterate(
        self, stream: AsyncIterable[Dict[str, Any]]
    ) -> AsyncIterator[Dict[str, Any]]:
        """``iterate`` for an async stream."""
        async for item in stream:
            self.add(item)
            yield item

    def result(self) -> Dict[str, Any]:
        """The final response object (with what is known so far, if the stream is not over)."""
        out = copy.deepcopy(self._response)
        if self._items and not (self._final and out.get("output")):
            out["output"] = [self._items[i] for i in sorted(self._items)]
        return out

    @property
    def output_text(self) -> str:
        """The response's text: from the final object when there is one, else the deltas."""
        text = output_text(self.result())
        return text or "".join(self._text)


def accumulate(stream: Iterable[Dict[str, Any]]) -> Dict[str, Any]:
    """Read a stream to its end; the object the plain (non-streaming) call returns.

    Chat and completions chunks fold into the completion; the ``{"event", "data"}`` items of
    ``responses_create(stream=True)`` into the final response, with its ``output_text``
    added under that key, as the official SDK's convenience property.
    """
    chat: Optional[ChatAccumulator] = None
    responses: Optional[ResponseAccumulator] = None
    for item in stream:
        if responses is None and chat is None:
            if "event" in item and "data" in item:
                responses = ResponseAccumulator()
            else:
                chat = ChatAccumulator()
        (responses or chat).add(item)  # type: ignore[union-attr]
    if responses is not None:
        final = responses.result()
        final["output_text"] = responses.output_text
        return final
    return (chat or ChatAccumulator()).result()
