"""``chat_completion_parse`` and ``responses_parse``: the request with a strict schema, the plain
result with its answer parsed.

Each parse call is a pure step generator (one API call, then the finishing of its result),
driven by the same short sync and async loops as ``upload_large_file``. With ``stream=True``
the stream passes its chunks (or events) through unchanged while a parsing accumulator folds
them: ``stream.partial`` is the answer's JSON so far, ``stream.result()`` the final result,
parsed. Pure code: no I/O.
"""

from __future__ import annotations

from typing import Any, Dict, Generator, Mapping, Optional, Tuple

from . import _structured, _tools
from ._accumulate import ChatAccumulator, ResponseAccumulator
from ._errors import ContentFilterFinishReasonError, LengthFinishReasonError, OutputValidationError
from ._partial_json import PartialJSON

Steps = Generator[Tuple[str, Tuple[Any, ...], Dict[str, Any]], Any, Any]


class Plan:
    """What a parse call asked for: the answer's type, and the function tools by name."""

    __slots__ = ("answer_type", "tools")

    def __init__(self, answer_type: Any, tools: Dict[str, Any]) -> None:
        self.answer_type = answer_type
        self.tools = tools

    def parse_answer(self, text: Optional[str], completion: Any) -> Any:
        if self.answer_type is None or not text:
            return None
        try:
            return _structured.parse_json(text, self.answer_type)
        except OutputValidationError as error:
            error.completion = completion
            raise

    def parse_arguments(self, name: Any, arguments: Any) -> Tuple[bool, Any]:
        """Whether the tool ``name`` is strict, and then its arguments parsed."""
        tool = self.tools.get(name)
        if tool is None or not _tools.definition_of(tool).get("strict"):
            return False, None
        if not isinstance(tool, _tools.FunctionTool):
            tool = _tools._tool(None, dict(tool))
        return True, tool.parse_arguments(arguments or "{}")


def answer_format(t: Any) -> Tuple[Dict[str, Any], Any]:
    """The ``json_schema`` format of ``t`` (name, strict schema) and the type answers parse as.

    A ready ``{"type": "json_schema", ...}`` format is sent as given, its answers parsed as
    dicts; a JSON-schema dict is made strict.
    """
    if isinstance(t, Mapping) and t.get("type") in ("json_schema", "json_object", "text"):
        spec = t.get("json_schema", t)
        schema = spec.get("schema") if isinstance(spec, Mapping) else None
        return dict(t), (dict(schema) if t["type"] == "json_schema" and schema else None)
    cached = _FORMATS.get(t) if _hashable(t) else None
    if cached is not None:
        return cached, t
    schema = _structured.strict_schema(t)
    if schema.get("type") != "object":
        raise TypeError(
            f"{_structured.schema_name(t)}: the API's strict mode needs an object at the root; "
            "wrap the type in a model or dataclass"
        )
    name = _structured.schema_name(t)
    fmt = {"type": "json_schema", "name": name, "schema": schema, "strict": True}
    if _hashable(t):
        if len(_FORMATS) >= 512:  # types made on the fly: keep the cache bounded
            _FORMATS.clear()
        _FORMATS[t] = fmt
    return fmt, t


_FORMATS: Dict[Any, Dict[str, Any]] = {}
"""The format of each type already asked for: building a schema costs more than a call."""


def _hashable(t: Any) -> bool:
    try:
        hash(t)
    except TypeError:
        return False
    return True


def chat_request(
    params: Optional[Mapping[str, Any]], response_format: Any, options: Dict[str, Any]
) -> Tuple[Dict[str, Any], Plan]:
    body: Dict[str, Any] = {**(params or {}), **options}
    answer_type = None
    if response_format is None and not isinstance(
        body.get("response_format"), (Mapping, type(None))
    ):
        response_format = body.pop("response_format")  # a type given among the parameters
    if response_format is not None:
        fmt, answer_type = answer_format(response_format)
        if fmt.get("type") == "json_schema" and "json_schema" not in fmt:
            spec = {k: v for k, v in fmt.items() if k != "type"}
            fmt = {"type": "json_schema", "json_schema": spec}
        body["response_format"] = fmt
    if body.get("tools"):
        body["tools"] = _tools.as_tools(body["tools"], "chat")
    return body, Plan(answer_type, _tools.tool_registry(body.get("tools") or ()))


def responses_request(
    params: Optional[Mapping[str, Any]], text_format: Any, options: Dict[str, Any]
) -> Tuple[Dict[str, Any], Plan]:
    body: Dict[str, Any] = {**(params or {}), **options}
    answer_type = None
    if text_format is None and "text_format" in body:
        text_format = body.pop("text_format")
    if text_format is not None:
        fmt, answer_type = answer_format(text_format)
        if "json_schema" in fmt:  # the Chat shape: Responses takes the spec flat
            fmt = {"type": "json_schema", **fmt["json_schema"]}
        body["text"] = {**(body.get("text") or {}), "format": fmt}
    if body.get("tools"):
        body["tools"] = _tools.as_tools(body["tools"], "responses")
    return body, Plan(answer_type, _tools.tool_registry(body.get("tools") or ()))


def finish_chat(result: Any, plan: Plan) -> Any:
    """``result`` (a chat completion) with ``parsed`` on each message, or the finish error."""
    for choice in result.get("choices") or ():
        reason = choice.get("finish_reason")
        if reason == "length":
            raise LengthFinishReasonError(result)
        if reason == "content_filter":
            raise ContentFilterFinishReasonError(result)
    for choice in result.get("choices") or ():
        message = choice.get("message") or {}
        for call in message.get("tool_calls") or ():
            function = call.get("function") or {}
            strict, parsed = plan.parse_arguments(function.get("name"), function.get("arguments"))
            if strict:
                function["parsed_arguments"] = parsed
        refused = message.get("refusal")
        message["parsed"] = None if refused else plan.parse_answer(message.get("content"), result)
    return result


def finish_responses(result: Any, plan: Plan) -> Any:
    """``result`` (a response) with ``output_parsed`` (and ``parsed`` on each text part)."""
    details = result.get("incomplete_details") or {}
    if result.get("status") == "incomplete":
        if details.get("reason") == "max_output_tokens":
            raise LengthFinishReasonError(result)
        if details.get("reason") == "content_filter":
            raise ContentFilterFinishReasonError(result)
    parsed: Any = None
    for item in result.get("output") or ():
        kind = item.get("type")
        if kind == "function_call":
            strict, arguments = plan.parse_arguments(item.get("name"), item.get("arguments"))
            if strict:
                item["parsed_arguments"] = arguments
        elif kind == "message":
            for part in item.get("content") or ():
                if part.get("type") == "output_text":
                    part["parsed"] = plan.parse_answer(part.get("text"), result)
                    if parsed is None:
                        parsed = part["parsed"]
    result["output_parsed"] = parsed
    return result


class ParsingChatAccumulator(ChatAccumulator):
    """A ``ChatAccumulator`` that also follows each choice's JSON answer as it grows."""

    def __init__(self, plan: Optional[Plan] = None) -> None:
        super().__init__()
        self.plan = plan or Plan(None, {})
        self._partials: Dict[int, PartialJSON] = {}
        self._parsed: Optional[Tuple[int, Any]] = None

    def add(self, chunk: Dict[str, Any]) -> str:
        text = super().add(chunk)
        for choice in chunk.get("choices") or ():
            content = (choice.get("delta") or {}).get("content")
            if content:
                index = choice.get("index", 0)
                parser = self._partials.get(index)
                if parser is None:
                    parser = self._partials[index] = PartialJSON()
                parser.feed(content)
        return text

    def partial_of(self, index: int = 0) -> Any:
        """Choice ``index``'s answer so far, as plain JSON (``None`` before any)."""
        parser = self._partials.get(index)
        return parser.value() if parser is not None else None

    @property
    def partial(self) -> Any:
        """The first choice's answer so far, as plain JSON (a dict as the object grows)."""
        return self.partial_of(0)

    @property
    def done(self) -> bool:
        """Whether every choice has finished (its ``finish_reason`` came)."""
        choices = self._choices.values()
        return bool(choices) and all(c.get("finish_reason") for c in choices)

    @property
    def parsed(self) -> Any:
        """The answer so far (``partial``), then, once done, the final parsed object."""
        if not self.done:
            return self.partial
        return self.parsed_result()["choices"][0]["message"]["parsed"]

    def parsed_result(self) -> Dict[str, Any]:
        """The final completion, parsed as ``chat_completion_parse`` returns it."""
        if self._parsed is None or self._parsed[0] != self.chunks:
            self._parsed = (self.chunks, finish_chat(self.result(), self.plan))
        return self._parsed[1]  # type: ignore[no-any-return]


class ParsingResponseAccumulator(ResponseAccumulator):
    """A ``ResponseAccumulator`` that also follows the JSON answer as it grows."""

    def __init__(self, plan: Optional[Plan] = None) -> None:
        super().__init__()
        self.plan = plan or Plan(None, {})
        self._partial = PartialJSON()
        self._parsed: Optional[Tuple[int, Any]] = None

    def add(self, item: Dict[str, Any]) -> str:
        text = super().add(item)
        if text:
            self._partial.feed(text)
        return text

    @property
    def partial(self) -> Any:
        """The answer so far, as plain JSON (a dict as the object grows)."""
        return self._partial.value()

    @property
    def done(self) -> bool:
        """Whether the final response came (``response.completed`` or ``.incomplete``)."""
        return self._final

    @property
    def parsed(self) -> Any:
        """The answer so far (``partial``), then, once done, the final parsed object."""
        return self.parsed_result()["output_parsed"] if self.done else self.partial

    def parsed_result(self) -> Dict[str, Any]:
        """The final response, parsed as ``responses_parse`` returns it."""
        if self._parsed is None or self._parsed[0] != self.events:
            self._parsed = (self.events, finish_responses(self.result(), self.plan))
        return self._parsed[1]  # type: ignore[no-any-return]


class ParsedStream:
    """A parse call's stream: its chunks (or events) unchanged, folded as they pass.

    ``partial`` is the answer so far (plain JSON); ``result()`` reads the rest of the stream
    and returns the final parsed result. Iterate it with ``for`` (``Client``) or ``async for``
    (``AsyncClient``); it is a context manager of either kind, closing the connection.
    """

    def __init__(self, stream: Any, accumulator: Any) -> None:
        self.stream = stream
        self.accumulator = accumulator
        self._final: Any = None

    @property
    def partial(self) -> Any:
        """The answer so far, as plain JSON (a dict as the object grows)."""
        return self.accumulator.partial

    @property
    def parsed(self) -> Any:
        """``partial`` while the answer streams, then the final parsed object."""
        return self.accumulator.parsed

    def __iter__(self) -> Any:
        add = self.accumulator.add
        for item in self.stream:
            add(item)
            yield item

    async def __aiter__(self) -> Any:
        add = self.accumulator.add
        async for item in self.stream:
            add(item)
            yield item

    def result(self) -> Dict[str, Any]:
        """The final parsed result (reads what is left of a sync stream first)."""
        if self._final is None:
            if not hasattr(self.stream, "__iter__"):
                raise TypeError("an AsyncClient stream: use await stream.aresult()")
            for _ in self:
                pass
            self._final = self.accumulator.parsed_result()
        return self._final  # type: ignore[no-any-return]

    async def aresult(self) -> Dict[str, Any]:
        """``result()`` for an async stream."""
        if self._final is None:
            async for _ in self:
                pass
            self._final = self.accumulator.parsed_result()
        return self._final  # type: ignore[no-any-return]

    def close(self) -> None:
        self.stream.close()

    async def aclose(self) -> None:
        await self.stream.aclose()

    def __enter__(self) -> ParsedStream:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stream.close()

    async def __aenter__(self) -> ParsedStream:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.stream.__aexit__(*exc)

    @property
    def _response(self) -> Any:
        return getattr(self.stream, "_response", None)


def chat_parse_steps(
    params: Optional[Mapping[str, Any]], response_format: Any, options: Dict[str, Any]
) -> Steps:
    body, plan = chat_request(params, response_format, options)
    result = yield ("chat_completion", (), body)
    if body.get("stream"):
        return ParsedStream(result, ParsingChatAccumulator(plan))
    return finish_chat(result, plan)


def responses_parse_steps(
    params: Optional[Mapping[str, Any]], text_format: Any, options: Dict[str, Any]
) -> Steps:
    body, plan = responses_request(params, text_format, options)
    result = yield ("responses_create", (), body)
    if body.get("stream"):
        return ParsedStream(result, ParsingResponseAccumulator(plan))
    return finish_responses(result, plan)
