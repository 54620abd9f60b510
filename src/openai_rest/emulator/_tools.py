"""Which tools the fake model calls, for Chat Completions, Responses and assistant runs.

Pure decisions over one normalised shape (``{"type": "function"|"custom", "name", ...}``):

- ``tool_choice`` in every form decides first: ``none``, ``auto``, ``required``, a named
  function or custom tool, ``allowed_tools`` (with its own mode), legacy ``function_call``.
- With ``auto``, the model calls the tools the last user message names, each once per user
  turn (all at once when ``parallel_tool_calls`` allows, else one per reply), or the first
  tool when the message says "call" / "use the tool". Once it holds the results it answers
  in text, so agent loops end.
- ``required`` and a named tool call a tool on every reply, as the API does.
"""

from __future__ import annotations

import json
import random
import re
from typing import Any, List, NamedTuple, Optional, Sequence, Tuple

from ._schema import regex_string, sample_value
from ._state import JSON, ApiError, new_id

_ASKS = re.compile(r"\b(call|use the tool|use a tool|use tool|use the tools|use tools)\b")
_ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef0123456789"


class Turn(NamedTuple):
    """What the model sees of the conversation since the last user message."""

    user_text: str
    called: Tuple[str, ...] = ()  # tools called since that message
    results: Tuple[str, ...] = ()  # tool outputs since the last assistant call
    parallel: bool = True

    @property
    def answered(self) -> bool:
        return bool(self.results)


# --- tools in each API's shape --------------------------------------------------------------


def _named(kind: str, spec: Any) -> Optional[JSON]:
    if isinstance(spec, dict) and isinstance(spec.get("name"), str):
        return {**spec, "type": kind}
    return None


def chat_tools(tools: Any, functions: Any = None) -> List[JSON]:
    """Chat's (and assistants') ``tools``, or the legacy ``functions``, normalised."""
    found = []
    for tool in tools or []:
        if isinstance(tool, dict) and tool.get("type") in ("function", "custom"):
            named = _named(tool["type"], tool.get(tool["type"]))
            if named is not None:
                found.append(named)
    if not found:
        found = [f for f in (_named("function", f) for f in functions or []) if f is not None]
    return found


def responses_tools(tools: Any) -> List[JSON]:
    """Responses' flat ``function`` and ``custom`` tools, normalised (hosted tools aside)."""
    found = []
    for tool in tools or []:
        if isinstance(tool, dict) and tool.get("type") in ("function", "custom"):
            named = _named(tool["type"], tool)
            if named is not None:
                found.append(named)
    return found


def _choice_name(spec: Any) -> Optional[str]:
    if not isinstance(spec, dict):
        return None
    name = spec.get("name")
    for key in ("function", "custom"):
        if name is None and isinstance(spec.get(key), dict):
            name = spec[key].get("name")
    return name if isinstance(name, str) else None


def read_choice(choice: Any) -> Tuple[str, Optional[List[str]]]:
    """``tool_choice`` (any API's form) as a mode (none, auto, required, forced) and the
    names it allows (``None``: every tool)."""
    if choice is None or choice in ("auto", "none", "required"):
        return choice or "auto", None
    if isinstance(choice, dict):
        kind = choice.get("type")
        if kind == "allowed_tools":
            spec = choice.get("allowed_tools") if "allowed_tools" in choice else choice
            spec = spec if isinstance(spec, dict) else {}
            names = [n for n in (_choice_name(t) for t in spec.get("tools") or []) if n]
            mode = spec.get("mode") or "auto"
            return (mode if mode in ("auto", "required") else "auto"), names
        if kind in ("function", "custom", None):
            name = _choice_name(choice)
            if name is not None:
                return "forced", [name]
    if isinstance(choice, str):
        raise ApiError(
            400,
            f"Invalid value for 'tool_choice': '{choice}'. Supported values are: 'none', "
            "'auto' and 'required'.",
            param="tool_choice",
        )
    return "auto", None  # hosted tools (file_search, web_search...): not emulated


def _mentions(name: str, text: str) -> int:
    """Where ``text`` names the tool ``name`` (-1: it does not)."""
    found = re.search(r"(?<![A-Za-z0-9_])" + re.escape(name.lower()) + r"(?![A-Za-z0-9_])", text)
    return found.start() if found else -1


def choose(tools: Sequence[JSON], choice: Any, turn: Turn, *, eager: bool = False) -> List[JSON]:
    """The tools the model calls now, in order (empty: it answers in text).

    ``eager``: call a tool whenever one is allowed and none was called yet (assistant runs).
    """
    mode, names = read_choice(choice)
    if mode == "none" or not tools:
        return []
    if names is not None:
        allowed = [t for t in tools if t["name"] in names]
        if not allowed:
            raise ApiError(
                400,
                f"Invalid value for 'tool_choice': none of {names} is in 'tools'.",
                param="tool_choice",
            )
    else:
        allowed = list(tools)
    if mode == "forced":
        return allowed[:1]
    lowered = turn.user_text.lower()
    named = sorted(
        (t for t in allowed if _mentions(t["name"], lowered) >= 0),
        key=lambda t: _mentions(t["name"], lowered),
    )
    pending = [t for t in named if t["name"] not in turn.called]
    fresh = not pending and not turn.called and not turn.answered
    if fresh and (eager or _ASKS.search(lowered)):
        pending = allowed[:1]
    if not pending and mode == "required":
        pending = named[:1] or allowed[:1]
    return pending if turn.parallel else pending[:1]


# --- the calls --------------------------------------------------------------------------------


def call_id(rng: random.Random) -> str:
    return "call_" + "".join(rng.choice(_ID_CHARS) for _ in range(24))


def call_input(tool: JSON, rng: random.Random) -> str:
    """A tool call's payload: JSON arguments for a function, free text for a custom tool
    (drawn from its regex grammar when it has one)."""
    if tool["type"] == "function":
        schema = tool.get("parameters") or {"type": "object", "properties": {}}
        return json.dumps(sample_value(schema, tool["name"], rng))
    fmt: JSON = tool.get("format") or {}
    nested = fmt.get("grammar")  # chat nests the grammar, Responses does not
    grammar: JSON = nested if isinstance(nested, dict) else fmt
    if fmt.get("type") == "grammar" and grammar.get("syntax") == "regex":
        drawn = regex_string(str(grammar.get("definition") or ""), rng)
        if drawn is not None:
            return drawn
    return f"{tool['name']} input {rng.randint(1, 999)}"


def chat_call(tool: JSON, rng: random.Random) -> JSON:
    """A ``tool_calls`` entry of a chat message."""
    payload = call_input(tool, rng)
    if tool["type"] == "custom":
        return {
            "id": call_id(rng),
            "type": "custom",
            "custom": {"name": tool["name"], "input": payload},
        }
    return {
        "id": call_id(rng),
        "type": "function",
        "function": {"name": tool["name"], "arguments": payload},
    }


def chat_turn(messages: Sequence[Any], parallel: Any) -> Turn:
    """The ``Turn`` of chat ``messages`` (calls in assistant messages, ``tool`` results)."""
    start = 0
    for index, message in enumerate(messages):
        if isinstance(message, dict) and message.get("role") == "user":
            start = index + 1
    user = messages[start - 1] if start else {}
    called: List[str] = []
    results: List[str] = []
    for message in messages[start:]:
        if not isinstance(message, dict):
            continue
        if message.get("role") == "assistant":
            results = []
            for call in message.get("tool_calls") or []:
                name = _choice_name(call)
                if name:
                    called.append(name)
            legacy = _choice_name({"function": message.get("function_call")})
            if legacy:
                called.append(legacy)
        elif message.get("role") in ("tool", "function"):
            results.append(_text(message.get("content")))
    return Turn(_text(user.get("content")), tuple(called), tuple(results), parallel is not False)


_CALLS = ("function_call", "custom_tool_call")
_OUTPUTS = ("function_call_output", "custom_tool_call_output")


def responses_turn(items: Sequence[JSON], user_text: str, parallel: Any) -> Turn:
    """The ``Turn`` of Responses input ``items`` (``function_call`` and their outputs)."""
    start = 0
    for index, item in enumerate(items):
        if item.get("type") == "message" and item.get("role") == "user":
            start = index + 1
    called: List[str] = []
    results: List[str] = []
    for item in items[start:]:
        if item.get("type") in _CALLS and isinstance(item.get("name"), str):
            if results:
                results = []
            called.append(item["name"])
        elif item.get("type") in _OUTPUTS:
            results.append(_text(item.get("output")))
    return Turn(user_text, tuple(called), tuple(results), parallel is not False)


def responses_call(tool: JSON, rng: random.Random) -> JSON:
    """A ``function_call`` or ``custom_tool_call`` output item."""
    payload = call_input(tool, rng)
    head = {"call_id": call_id(rng), "name": tool["name"], "status": "completed"}
    if tool["type"] == "custom":
        return {"id": new_id("ctc_"), "type": "custom_tool_call", "input": payload, **head}
    return {"id": new_id("fc_"), "type": "function_call", "arguments": payload, **head}


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return " ".join(
            p["text"] for p in content if isinstance(p, dict) and isinstance(p.get("text"), str)
        )
    return "" if content is None else json.dumps(content)


def results_text(turn: Turn) -> str:
    """How the model opens its answer once it has tool results."""
    if len(turn.results) == 1:
        return f"The function answered: {turn.results[0]}."
    return "The functions answered: " + "; ".join(turn.results) + "."
