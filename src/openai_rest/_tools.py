"""Function tools on plain data: ``function_tool`` and the ``run_tools`` loop as pure steps.

``function_tool(f)`` makes the tool definition of a Python function (its typed parameters, its
docstring) or of a model type. The result is a plain dict in the Chat form
(``{"type": "function", "function": {...}}``) that also remembers ``f``; Responses calls made
by ``responses_parse`` and ``run_tools`` adapt it (and any Chat-form function tool) to the flat
Responses form, and ``function_tool(f, api="responses")`` makes that form directly.

``run_steps`` is the agent loop as a generator, as the retry policy is: it yields an API call
``(name, args, kwargs)`` or a ``_steps.ToolRun`` (the functions the model asked for) and
receives the result; a short sync loop and a short async loop in ``_steps`` drive it.
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable, Dict, Generator, List, Mapping, Optional, Sequence, Tuple, Union

from . import _structured
from ._steps import ToolRun

FunctionLike = Callable[..., Any]


class FunctionTool(dict):  # type: ignore[type-arg]
    """A tool definition (a plain dict) that remembers its Python function or arguments type.

    ``tool.function`` is the callable (``None`` for a model type), ``tool.arguments_type`` the
    type the arguments parse into (a model type) or ``None`` (keyword arguments of a function).
    """

    function: Optional[FunctionLike]
    arguments_type: Any
    hints: Dict[str, Any]

    @property
    def name(self) -> str:
        return str(definition_of(self)["name"])

    @property
    def strict(self) -> bool:
        return bool(definition_of(self).get("strict"))

    def for_chat(self) -> FunctionTool:
        """This tool in the Chat Completions form."""
        definition = {k: v for k, v in definition_of(self).items() if k != "type"}
        return _tool(self, {"type": "function", "function": definition})

    def for_responses(self) -> FunctionTool:
        """This tool in the flat Responses form."""
        return _tool(self, {"type": "function", **definition_of(self)})

    def parse_arguments(self, arguments: str) -> Any:
        """The model's ``arguments`` JSON as the arguments type, or a dict of typed keywords."""
        if self.arguments_type is not None:
            return _structured.parse_json(arguments, self.arguments_type)
        try:
            values = json.loads(arguments)
            if not isinstance(values, dict):
                raise ValueError(f"arguments should be an object, not {values!r}")
            return {
                key: _structured.convert(value, self.hints[key], key)
                if key in self.hints
                else value
                for key, value in values.items()
            }
        except Exception as error:
            from ._errors import OutputValidationError

            raise OutputValidationError(
                f"The arguments of {self.name} do not parse: {error}", raw=arguments
            ) from error

    def __reduce__(self) -> Any:
        return (dict, (dict(self),))


def _tool(source: Any, body: Dict[str, Any]) -> FunctionTool:
    tool = FunctionTool(body)
    tool.function = getattr(source, "function", None)
    tool.arguments_type = getattr(source, "arguments_type", None)
    tool.hints = getattr(source, "hints", {})
    return tool


def definition_of(tool: Mapping[str, Any]) -> Mapping[str, Any]:
    """The ``{name, description, parameters, strict}`` part of a function tool, in either form."""
    inner = tool.get("function")
    return inner if isinstance(inner, Mapping) else tool


def function_tool(
    f: Any,
    *,
    name: Optional[str] = None,
    description: Optional[str] = None,
    strict: bool = True,
    api: str = "chat",
) -> FunctionTool:
    """The tool definition of a function (typed parameters, docstring) or of a model type.

    Strict (the default) tools get a strict schema: every parameter required, optional ones
    nullable. ``api="responses"`` gives the flat Responses form; ``responses_parse`` and
    ``run_tools`` adapt a Chat-form tool themselves.
    """
    if api not in ("chat", "responses"):
        raise ValueError(f"api must be 'chat' or 'responses', not {api!r}")
    hints: Dict[str, Any] = {}
    if isinstance(f, (type, dict)) or _structured._is_pydantic_like(f):
        arguments_type: Any = f
        parameters = _structured.strict_schema(f) if strict else _loose_schema(f)
        doc = None if isinstance(f, dict) else _structured._doc(f)
        default_name = _structured.schema_name(f)
        function = None
    elif callable(f):
        arguments_type = None
        parameters, hints = _function_schema(f, strict)
        doc = _summary(f.__doc__)
        default_name = getattr(f, "__name__", None) or type(f).__name__
        function = f
    else:
        raise TypeError(f"function_tool takes a function or a model type, not {f!r}")
    tool_name = name or default_name
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", tool_name):
        raise ValueError(f"tool name {tool_name!r}: use 1 to 64 letters, digits, _ or -")
    definition: Dict[str, Any] = {"name": tool_name}
    if description or doc:
        definition["description"] = description or doc
    definition["parameters"] = parameters
    definition["strict"] = strict
    body = (
        {"type": "function", **definition}
        if api == "responses"
        else {"type": "function", "function": definition}
    )
    tool = FunctionTool(body)
    tool.function, tool.arguments_type, tool.hints = function, arguments_type, hints
    return tool


def _loose_schema(t: Any) -> Dict[str, Any]:
    """A non-strict schema: the type's own, optional fields left optional."""
    if isinstance(t, dict):
        return dict(t)
    if _structured._is_pydantic_like(t):
        return _structured._pydantic_schema(t)
    return _structured._Builder(strict=False).root(t)


def _summary(doc: Optional[str]) -> Optional[str]:
    """A docstring's description: the text before an ``Args:``/``:param`` section."""
    if not doc:
        return None
    import inspect

    text = inspect.cleandoc(doc)
    cut = re.search(
        r"^\s*(Args|Arguments|Parameters|Returns|Raises)\s*:?\s*$|^\s*:param", text, re.M
    )
    return (text[: cut.start()] if cut else text).strip() or None


def _param_docs(doc: Optional[str]) -> Dict[str, str]:
    """Per-parameter descriptions from a Google-style ``Args:`` or Sphinx ``:param x:`` doc."""
    if not doc:
        return {}
    import inspect

    text = inspect.cleandoc(doc)
    found = {m.group(1): m.group(2).strip() for m in re.finditer(r":param\s+(\w+):\s*(.+)", text)}
    section = re.search(r"^(?:Args|Arguments|Parameters)\s*:?\s*\n((?:[ \t]+.*\n?)+)", text, re.M)
    if section:
        for m in re.finditer(r"^[ \t]+(\w+)\s*(?:\([^)]*\))?\s*:\s*(.+)$", section.group(1), re.M):
            found.setdefault(m.group(1), m.group(2).strip())
    return found


def _function_schema(f: FunctionLike, strict: bool) -> Tuple[Dict[str, Any], Dict[str, Any]]:
    """The parameters schema of ``f`` (descriptions from its docstring), and their types."""
    import inspect
    import typing

    where = getattr(f, "__name__", repr(f))
    try:
        signature = inspect.signature(f)
        hints = typing.get_type_hints(f, include_extras=True)
    except Exception as error:
        raise TypeError(f"function_tool: cannot read the parameters of {where}: {error}") from error
    docs = _param_docs(f.__doc__)
    builder = _structured._Builder(strict)
    properties: Dict[str, Any] = {}
    required: List[str] = []
    types: Dict[str, Any] = {}
    for param in signature.parameters.values():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            raise TypeError(f"function_tool: {where}(*{param.name}) cannot be a tool parameter")
        if param.name not in hints:
            raise TypeError(
                f"function_tool: {where}({param.name}) has no type annotation; the model needs "
                "one to know what to send"
            )
        hint = hints[param.name]
        types[param.name] = hint
        prop = builder.schema(hint, f"{where}({param.name})")
        if param.name in docs and "$ref" not in prop:
            prop.setdefault("description", docs[param.name])
        if param.default is not param.empty:
            default = _structured._json_default(param.default)
            if default is not _structured._MISSING and default is not None:
                prop["default"] = default
        else:
            required.append(param.name)
        properties[param.name] = prop
    schema: Dict[str, Any] = {"type": "object", "properties": properties, "required": required}
    if builder.defs:
        schema["$defs"] = builder.defs
    if strict:
        schema = _structured._strict(schema, "", schema, nullable_optional=False)
    else:
        schema["additionalProperties"] = False
    return schema, types


# --- the agent loop -------------------------------------------------------------------------


Step = Union[Tuple[str, Tuple[Any, ...], Dict[str, Any]], ToolRun]
"""An API call ``(function name, args, kwargs)``, or the functions to run."""
Outcome = Any
"""The call's plain result, or the ``(output, error)`` pairs of a ``ToolRun``."""


def tool_registry(tools: Sequence[Any]) -> Dict[str, Any]:
    """The function tools by name (``FunctionTool`` or plain Chat/Responses dicts)."""
    found: Dict[str, Any] = {}
    for tool in tools:
        if isinstance(tool, Mapping) and tool.get("type") == "function":
            found[str(definition_of(tool)["name"])] = tool
    return found


def as_tools(tools: Sequence[Any], api: str) -> List[Any]:
    """``tools`` as definitions for ``api``: functions become tools, function tools adapt."""
    out = []
    for tool in tools:
        if not isinstance(tool, Mapping):
            tool = function_tool(tool)
        elif tool.get("type") == "function" and not isinstance(tool, FunctionTool):
            tool = _tool(None, dict(tool))
        if isinstance(tool, FunctionTool):
            tool = tool.for_responses() if api == "responses" else tool.for_chat()
        out.append(tool)
    return out


def output_text_of(output: Any) -> str:
    """A tool function's return value as the text the model reads (JSON unless a string)."""
    if isinstance(output, str):
        return output
    if hasattr(output, "model_dump_json"):
        return str(output.model_dump_json())
    import dataclasses

    if dataclasses.is_dataclass(output) and not isinstance(output, type):
        output = dataclasses.asdict(output)
    return json.dumps(output, default=str)


def error_text(error: BaseException) -> str:
    return f"Error: {type(error).__name__}: {error}"


def run_steps(
    api: str,
    params: Optional[Mapping[str, Any]],
    tools: Sequence[Any],
    max_turns: int,
    options: Dict[str, Any],
) -> Generator[Step, Outcome, Dict[str, Any]]:
    """The agent loop: call the model, run the functions it asks for, feed the outputs back.

    Returns the final plain result with ``"transcript"`` (every tool call: name, arguments,
    output, error) and ``"turns"``; errors raised by functions are told to the model as the
    tool's output and recorded in the transcript, never swallowed.
    """
    if api not in ("chat", "responses"):
        raise ValueError(f"api must be 'chat' or 'responses', not {api!r}")
    if max_turns < 1:
        raise ValueError("max_turns must be at least 1")
    body: Dict[str, Any] = {**(params or {}), **options}
    if body.get("stream"):
        raise ValueError("run_tools does not stream; call it without stream=True")
    definitions = as_tools(list(tools) + list(body.pop("tools", None) or ()), api)
    registry = tool_registry(definitions)
    body["tools"] = definitions
    transcript: List[Dict[str, Any]] = []
    turns = 0
    endpoint = "chat_completion" if api == "chat" else "responses_create"
    while True:
        result = yield (endpoint, (), dict(body))
        turns += 1
        calls = _chat_calls(result) if api == "chat" else _response_calls(result)
        if not calls or turns >= max_turns:
            final: Dict[str, Any] = result
            final["transcript"] = transcript
            final["turns"] = turns
            final["errors"] = [entry for entry in transcript if entry["error"] is not None]
            final["stopped"] = "max_turns" if calls else "answered"
            if api == "chat" and choices_of(result):
                final["messages"] = [*body["messages"], _assistant_message(choices_of(result))]
            return final
        runnable: List[Tuple[FunctionLike, Dict[str, Any]]] = []
        entries: List[Dict[str, Any]] = []
        for call_id, name, arguments in calls:
            entry: Dict[str, Any] = {
                "turn": turns,
                "call_id": call_id,
                "name": name,
                "arguments": arguments,
                "output": None,
                "error": None,
            }
            entries.append(entry)
            runnable.append(_prepare_call(registry.get(name), name, arguments))
        outcomes = yield ToolRun(runnable)
        for entry, (output, error) in zip(entries, outcomes):
            if error is not None:
                entry["error"] = error
                entry["output"] = error_text(error)
            else:
                entry["output"] = output_text_of(output)
                entry["result"] = output
        transcript.extend(entries)
        if api == "chat":
            history = list(body["messages"])
            history.append(_assistant_message(choices_of(result)))
            for entry in entries:
                history.append(
                    {"role": "tool", "tool_call_id": entry["call_id"], "content": entry["output"]}
                )
            body["messages"] = history
        else:
            outputs = [
                {"type": "function_call_output", "call_id": e["call_id"], "output": e["output"]}
                for e in entries
            ]
            if body.get("conversation"):  # the conversation keeps the turns itself
                body["input"] = outputs
            elif result.get("id") and body.get("store", True) is not False:
                body["previous_response_id"] = result["id"]
                body["input"] = outputs
            else:
                previous = body.get("input")
                start = (
                    [{"role": "user", "content": previous}]
                    if isinstance(previous, str)
                    else list(previous or [])
                )
                body["input"] = start + list(result.get("output") or []) + outputs


def _prepare_call(tool: Any, name: str, arguments: str) -> Tuple[FunctionLike, Dict[str, Any]]:
    """The function to call and its keyword arguments; a function that raises when it cannot."""
    function = getattr(tool, "function", None)
    if tool is None or function is None:
        return _fail(LookupError(f"no Python function for the tool {name!r}")), {}
    try:
        parsed = tool.parse_arguments(arguments)
    except Exception as error:
        return _fail(error), {}
    return function, parsed


def _fail(error: BaseException) -> FunctionLike:
    def fail() -> Any:
        raise error

    return fail


def choices_of(result: Mapping[str, Any]) -> Dict[str, Any]:
    """The first choice's message of a chat completion (empty when there is none)."""
    choices = result.get("choices") or [{}]
    return choices[0].get("message") or {}


def _assistant_message(message: Mapping[str, Any]) -> Dict[str, Any]:
    """The model's message as it goes back in ``messages`` (nothing parsed)."""
    out: Dict[str, Any] = {"role": "assistant", "content": message.get("content")}
    if not message.get("tool_calls"):
        return out
    calls = []
    for call in message.get("tool_calls") or ():
        function = call.get("function") or {}
        calls.append(
            {
                "id": call["id"],
                "type": call.get("type", "function"),
                "function": {"name": function.get("name"), "arguments": function.get("arguments")},
            }
        )
    out["tool_calls"] = calls
    return out


def _chat_calls(result: Mapping[str, Any]) -> List[Tuple[str, str, str]]:
    message = choices_of(result)
    return [
        (c["id"], c["function"]["name"], c["function"].get("arguments") or "{}")
        for c in message.get("tool_calls") or ()
        if c.get("type", "function") == "function"
    ]


def _response_calls(result: Mapping[str, Any]) -> List[Tuple[str, str, str]]:
    return [
        (item["call_id"], item["name"], item.get("arguments") or "{}")
        for item in result.get("output") or ()
        if isinstance(item, Mapping) and item.get("type") == "function_call"
    ]
