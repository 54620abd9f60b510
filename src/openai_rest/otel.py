"""OpenTelemetry spans and metrics for every call, by the GenAI semantic conventions.

``instrument()`` traces the module functions and every client; ``instrument(client)`` one client.
Each call of any endpoint gets one CLIENT span named ``"{gen_ai.operation.name}
{gen_ai.request.model}"``, with the request's and the answer's attributes, and records
``gen_ai.client.operation.duration`` and ``gen_ai.client.token.usage``; a stream's span ends when
the stream ends or is closed, with the usage it carried and ``time_to_first_chunk``. Message
content is recorded only when ``OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true`` (read
by ``instrument``).

The library imports nothing of OpenTelemetry and does nothing per call until ``instrument`` is
called: the tracing wraps the one method every endpoint of a face goes through (``_call`` /
``_acall``), and ``uninstrument`` puts it back. Needs the ``otel`` extra (``opentelemetry-api``).
"""

from __future__ import annotations

import json
import os
import sys
import time
from types import MethodType
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

from ._client import AsyncClient, Client
from ._endpoint import Endpoint
from ._streams import AsyncStream, Stream
from ._version import __version__

__all__ = ["instrument", "uninstrument", "is_instrumented"]

CAPTURE_ENV = "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT"
DURATION_BUCKETS = (
    0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92,
)  # fmt: skip
"""The conventions' advice for ``gen_ai.client.operation.duration`` (and time to first chunk)."""
TOKEN_BUCKETS = (
    1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864,
)  # fmt: skip
"""The conventions' advice for ``gen_ai.client.token.usage``."""

OPERATIONS = {
    "chat_completion": "chat",
    "responses_create": "chat",
    "completions": "text_completion",
    "embeddings": "embeddings",
    "vector_stores_search": "retrieval",
}
"""``gen_ai.operation.name`` of the functions the conventions name; others use their own name."""

_ORIGINAL_CALL = Client._call
_ORIGINAL_ACALL = AsyncClient._acall

_REQUEST_ATTRIBUTES = (
    ("temperature", "gen_ai.request.temperature"),
    ("top_p", "gen_ai.request.top_p"),
    ("top_k", "gen_ai.request.top_k"),
    ("seed", "gen_ai.request.seed"),
    ("frequency_penalty", "gen_ai.request.frequency_penalty"),
    ("presence_penalty", "gen_ai.request.presence_penalty"),
    ("max_tokens", "gen_ai.request.max_tokens"),
    ("max_completion_tokens", "gen_ai.request.max_tokens"),
    ("max_output_tokens", "gen_ai.request.max_tokens"),
)
_OUTPUT_TYPES = {"json_object": "json", "json_schema": "json", "text": "text"}


class _Telemetry:
    """The tracer and instruments of one ``instrument`` call."""

    def __init__(self, tracer_provider: Any, meter_provider: Any) -> None:
        from opentelemetry import metrics, trace

        self.trace = trace
        self.kind = trace.SpanKind.CLIENT
        self.error_status = trace.Status(trace.StatusCode.ERROR)
        self.tracer = trace.get_tracer("openai_rest", __version__, tracer_provider)
        meter = metrics.get_meter("openai_rest", __version__, meter_provider)
        self.duration = _histogram(
            meter,
            "gen_ai.client.operation.duration",
            "s",
            "GenAI operation duration.",
            DURATION_BUCKETS,
        )
        self.tokens = _histogram(
            meter,
            "gen_ai.client.token.usage",
            "{token}",
            "Number of input and output tokens used.",
            TOKEN_BUCKETS,
        )
        self.first_chunk = _histogram(
            meter,
            "gen_ai.client.operation.time_to_first_chunk",
            "s",
            "Time to receive the first chunk of a stream, from the start of the request.",
            DURATION_BUCKETS,
        )
        self.servers: Dict[str, Tuple[str, int]] = {}
        self.no_op_tracers = (trace.ProxyTracerProvider, trace.NoOpTracerProvider)
        self.no_op_meters: Tuple[type, ...] = (metrics.NoOpMeterProvider,)
        proxy = metrics.get_meter_provider()  # also loads providers named by OTEL_PYTHON_*
        trace.get_tracer_provider()
        if type(proxy).__name__ == "_ProxyMeterProvider":  # the API's stand-in until one is set
            self.no_op_meters += (type(proxy),)
        given = (tracer_provider, meter_provider)
        self.given_real = any(p is not None and not _is_no_op(self, p) for p in given)
        self.idle = self._idle_check()
        self.capture = os.environ.get(CAPTURE_ENV, "").strip().lower() == "true"

    def _idle_check(self) -> Callable[[], bool]:
        """A check of whether nothing would be recorded: no providers but no-op ones (the
        default of opentelemetry-api until an SDK is set up); then a call is not traced at all.
        It reads the API's two globals directly (about 0.1 µs) where they are where expected,
        else asks ``get_tracer_provider`` and ``get_meter_provider`` (a few µs)."""
        if self.given_real:
            return lambda: False
        from opentelemetry import metrics, trace

        no_op_tracer, no_op_meter = trace.NoOpTracerProvider, metrics.NoOpMeterProvider
        internal = sys.modules.get("opentelemetry.metrics._internal")
        if hasattr(trace, "_TRACER_PROVIDER") and hasattr(internal, "_METER_PROVIDER"):

            def idle() -> bool:
                tracers = trace._TRACER_PROVIDER
                meters = internal._METER_PROVIDER  # type: ignore[union-attr]
                return (tracers is None or isinstance(tracers, no_op_tracer)) and (
                    meters is None or isinstance(meters, no_op_meter)
                )

            return idle
        no_op_tracers, no_op_meters = self.no_op_tracers, self.no_op_meters
        return lambda: (
            isinstance(trace.get_tracer_provider(), no_op_tracers)
            and isinstance(metrics.get_meter_provider(), no_op_meters)
        )

    def server(self, base_url: str) -> Tuple[str, int]:
        """``server.address`` and ``server.port`` of a base URL (parsed once per URL)."""
        known = self.servers.get(base_url)
        if known is None:
            from urllib.parse import urlsplit

            parts = urlsplit(base_url)
            port = parts.port or (443 if parts.scheme == "https" else 80)
            known = self.servers[base_url] = (parts.hostname or "", port)
        return known


def _is_no_op(telemetry: _Telemetry, provider: Any) -> bool:
    return isinstance(provider, telemetry.no_op_tracers + telemetry.no_op_meters)


def _histogram(
    meter: Any, name: str, unit: str, description: str, buckets: Tuple[float, ...]
) -> Any:
    try:
        return meter.create_histogram(
            name, unit=unit, description=description, explicit_bucket_boundaries_advisory=buckets
        )
    except TypeError:  # opentelemetry-api before 1.23 takes no bucket advice
        return meter.create_histogram(name, unit=unit, description=description)


class _CallSpan:
    """One call's span and metric attributes, from its start to its result, error or stream end."""

    __slots__ = (
        "telemetry",
        "span",
        "start",
        "metric",
        "capture",
        "first",
        "usage",
        "outputs",
        "reasons",
    )

    def __init__(
        self,
        telemetry: _Telemetry,
        client: Any,
        endpoint: Endpoint[Any, Any],
        args: Any,
        kwargs: Any,
    ) -> None:
        self.telemetry = telemetry
        params: Mapping[str, Any] = kwargs
        if args and isinstance(args[-1], Mapping):
            params = {**args[-1], **kwargs}
        settings = client._settings(kwargs.get("config"))
        azure = settings.azure
        operation = OPERATIONS.get(endpoint.name, endpoint.name)
        model = params.get("model")
        if not isinstance(model, str) and azure is not None:
            model = azure.deployment
        address, port = telemetry.server(settings.base_url)
        metric: Dict[str, Any] = {
            "gen_ai.operation.name": operation,
            "gen_ai.provider.name": "openai" if azure is None else "azure.ai.openai",
            "server.address": address,
            "server.port": port,
        }
        if isinstance(model, str):
            metric["gen_ai.request.model"] = model
        self.metric = metric
        self.capture = telemetry.capture
        self.first = 0.0
        self.usage: Optional[Mapping[str, Any]] = None
        self.outputs: List[Any] = []
        self.reasons: List[str] = []
        name = f"{operation} {model}" if isinstance(model, str) else operation
        self.span = span = telemetry.tracer.start_span(name, kind=telemetry.kind)
        self.start = time.perf_counter()
        if span.is_recording():
            attributes = dict(metric)
            attributes.update(_request_attributes(endpoint.name, params, self.capture))
            span.set_attributes(attributes)

    # --- ends ---------------------------------------------------------------------------------

    def finish(self, result: Any) -> Any:
        """The call returned ``result``: end the span, or follow the stream until it ends."""
        if isinstance(result, (Stream, AsyncStream)):
            _follow(self, result)
            return result
        if isinstance(result, dict):
            self.usage = result.get("usage")
            self.record_answer(result)
        self.end(getattr(result, "_response", None), None)
        return result

    def fail(self, error: BaseException) -> None:
        self.end(getattr(error, "response", None), error)

    def record_answer(self, answer: Mapping[str, Any]) -> None:
        span = self.span
        if "model" in answer and isinstance(answer["model"], str):
            self.metric["gen_ai.response.model"] = answer["model"]
        if not span.is_recording():
            return
        attributes: Dict[str, Any] = {}
        for key, name in (
            ("id", "gen_ai.response.id"),
            ("model", "gen_ai.response.model"),
            ("service_tier", "openai.response.service_tier"),
            ("system_fingerprint", "openai.response.system_fingerprint"),
        ):
            value = answer.get(key)
            if isinstance(value, str):
                attributes[name] = value
        reasons = _finish_reasons(answer)
        if reasons:
            attributes["gen_ai.response.finish_reasons"] = reasons
        if self.capture:
            output = answer.get("choices") or answer.get("output")
            if output is not None:
                attributes["gen_ai.output.messages"] = _json(output)
        span.set_attributes(attributes)

    def end(self, info: Any, error: Optional[BaseException]) -> None:
        telemetry, span, metric = self.telemetry, self.span, self.metric
        elapsed = time.perf_counter() - self.start
        retries = getattr(info, "retries", 0)
        if error is not None:
            metric["error.type"] = type(error).__name__
            span.set_attribute("error.type", metric["error.type"])
            span.set_status(telemetry.trace.Status(telemetry.trace.StatusCode.ERROR, str(error)))
        if span.is_recording():
            if retries:
                span.set_attribute("http.request.resend_count", retries)
            if self.first:
                span.set_attribute("gen_ai.response.time_to_first_chunk", self.first)
            if self.reasons:
                span.set_attribute("gen_ai.response.finish_reasons", tuple(self.reasons))
            if self.capture and self.outputs:
                span.set_attribute("gen_ai.output.messages", _json(self.outputs))
        input_tokens, output_tokens = _token_counts(self.usage)
        if input_tokens is not None:
            span.set_attribute("gen_ai.usage.input_tokens", input_tokens)
            telemetry.tokens.record(input_tokens, {**metric, "gen_ai.token.type": "input"})
        if output_tokens is not None:
            span.set_attribute("gen_ai.usage.output_tokens", output_tokens)
            telemetry.tokens.record(output_tokens, {**metric, "gen_ai.token.type": "output"})
        telemetry.duration.record(elapsed, metric)
        if self.first:
            telemetry.first_chunk.record(self.first, metric)
        span.end()

    # --- streams ------------------------------------------------------------------------------

    def observe(self, item: Any) -> None:
        """One item of a stream: the first one's time, usage, the answer's model and id."""
        if not self.first:
            self.first = time.perf_counter() - self.start
        if not isinstance(item, dict):
            return
        if "event" in item:  # a named event: Responses and Assistants streams
            data = item.get("data")
            response = data.get("response") if isinstance(data, dict) else None
            if isinstance(response, dict) and response.get("status") in ("completed", "incomplete"):
                self.usage = response.get("usage") or self.usage
                self.record_answer(response)
            return
        if item.get("usage"):
            self.usage = item["usage"]
        if "gen_ai.response.model" not in self.metric:
            self.record_answer(item)  # id, model, fingerprint: the same in every chunk
        choices = item.get("choices")
        if choices:
            for choice in choices:
                if choice.get("finish_reason"):
                    self.reasons.append(choice["finish_reason"])
            if self.capture:
                self.outputs.extend(choices)


class _Watch:
    """Between a stream and its reader: sees each item, ends the span once, however it ends."""

    __slots__ = ("call", "stream", "close", "reading", "ended")

    def __init__(self, call: _CallSpan, stream: Any) -> None:
        self.call, self.stream = call, stream
        self.close = stream._close
        self.reading = self.ended = False
        stream._close = self.closed

    def end(self, error: Optional[BaseException]) -> None:
        if not self.ended:
            self.ended = True
            self.call.end(self.stream.response, error)

    def closed(self) -> None:
        """The stream gave its connection back: the end, unless an item is being read (then
        the reading loop sees how it ended)."""
        if self.close is not None:
            self.close()
        if not self.reading:
            self.end(None)

    def seen(self, item: Any) -> Any:
        self.reading = False
        self.call.observe(item)
        return item

    def stopped(self, error: BaseException) -> None:
        self.reading = False
        self.end(
            None if isinstance(error, (GeneratorExit, StopIteration, StopAsyncIteration)) else error
        )


def _follow(call: _CallSpan, stream: Any) -> None:
    """Make ``stream`` report its items and end the span when it ends, fails or is closed."""
    watch = _Watch(call, stream)
    inner = stream._iterator

    def sync_items() -> Any:
        try:
            while True:
                watch.reading = True
                item = next(inner)
                yield watch.seen(item)
        except BaseException as error:
            watch.stopped(error)
            inner.close()
            if not isinstance(error, StopIteration):
                raise

    async def async_items() -> Any:
        try:
            while True:
                watch.reading = True
                item = await inner.__anext__()
                yield watch.seen(item)
        except BaseException as error:
            watch.stopped(error)
            await inner.aclose()
            if not isinstance(error, StopAsyncIteration):
                raise

    stream._iterator = async_items() if isinstance(stream, AsyncStream) else sync_items()


# --- what goes on a span ----------------------------------------------------------------------


def _request_attributes(name: str, params: Mapping[str, Any], capture: bool) -> Dict[str, Any]:
    attributes: Dict[str, Any] = {}
    for key, attribute in _REQUEST_ATTRIBUTES:
        value = params.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            attributes[attribute] = value
    count = params.get("n")
    if isinstance(count, int) and count != 1:
        attributes["gen_ai.request.choice.count"] = count
    stop = params.get("stop")
    if isinstance(stop, str):
        attributes["gen_ai.request.stop_sequences"] = (stop,)
    elif isinstance(stop, (list, tuple)):
        attributes["gen_ai.request.stop_sequences"] = tuple(str(s) for s in stop)
    if params.get("stream") is True:
        attributes["gen_ai.request.stream"] = True
    tier = params.get("service_tier")
    if isinstance(tier, str) and tier != "auto":
        attributes["openai.request.service_tier"] = tier
    output_type = _output_type(name, params)
    if output_type:
        attributes["gen_ai.output.type"] = output_type
    encoding = params.get("encoding_format")
    if name == "embeddings" and isinstance(encoding, str):
        attributes["gen_ai.request.encoding_formats"] = (encoding,)
    if capture:
        for key in ("messages", "input", "prompt"):
            if key in params:
                attributes["gen_ai.input.messages"] = _json(params[key])
                break
        instructions = params.get("instructions")
        if instructions is not None:
            attributes["gen_ai.system_instructions"] = _json(instructions)
    return attributes


def _output_type(name: str, params: Mapping[str, Any]) -> Optional[str]:
    if name == "audio_speech":
        return "speech"
    if name.startswith(("image_", "images_")):
        return "image"
    shape = params.get("response_format")
    text = params.get("text")
    if shape is None and isinstance(text, Mapping):
        shape = text.get("format")
    if isinstance(shape, Mapping):
        return _OUTPUT_TYPES.get(shape.get("type"))  # type: ignore[arg-type]
    if name in ("chat_completion", "responses_create", "completions"):
        return "text"
    return None


def _finish_reasons(answer: Mapping[str, Any]) -> Tuple[str, ...]:
    choices = answer.get("choices")
    if isinstance(choices, list):
        return tuple(
            c["finish_reason"] for c in choices if isinstance(c, dict) and c.get("finish_reason")
        )
    status = answer.get("status")
    if answer.get("object") == "response" and isinstance(status, str):
        return (status,)
    return ()


def _token_counts(usage: Any) -> Tuple[Optional[int], Optional[int]]:
    if not isinstance(usage, Mapping):
        return None, None
    input_tokens = usage.get("input_tokens", usage.get("prompt_tokens"))
    output_tokens = usage.get("output_tokens", usage.get("completion_tokens"))
    return (
        input_tokens if isinstance(input_tokens, int) else None,
        output_tokens if isinstance(output_tokens, int) else None,
    )


def _json(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, default=repr)
    except (TypeError, ValueError):
        return repr(value)


# --- instrument / uninstrument ----------------------------------------------------------------


def _sync_tracing(telemetry: _Telemetry) -> Callable[..., Any]:
    def _call(self: Client, endpoint: Endpoint[Any, Any], args: Any, kwargs: Dict[str, Any]) -> Any:
        if telemetry.idle():
            return _ORIGINAL_CALL(self, endpoint, args, kwargs)
        call = _CallSpan(telemetry, self, endpoint, args, kwargs)
        try:
            result = _ORIGINAL_CALL(self, endpoint, args, kwargs)
        except BaseException as error:
            call.fail(error)
            raise
        return call.finish(result)

    return _call


def _async_tracing(telemetry: _Telemetry) -> Callable[..., Any]:
    async def _acall(
        self: AsyncClient, endpoint: Endpoint[Any, Any], args: Any, kwargs: Dict[str, Any]
    ) -> Any:
        if telemetry.idle():
            return await _ORIGINAL_ACALL(self, endpoint, args, kwargs)
        call = _CallSpan(telemetry, self, endpoint, args, kwargs)
        try:
            result = await _ORIGINAL_ACALL(self, endpoint, args, kwargs)
        except BaseException as error:
            call.fail(error)
            raise
        return call.finish(result)

    return _acall


def instrument(
    client: Any = None, *, tracer_provider: Any = None, meter_provider: Any = None
) -> None:
    """Trace every call: of ``client`` only, or (``None``) of the module functions and every
    ``Client`` and ``AsyncClient``. Providers default to OpenTelemetry's global ones."""
    telemetry = _Telemetry(tracer_provider, meter_provider)
    if client is None:
        Client._call = _sync_tracing(telemetry)  # type: ignore[method-assign]
        AsyncClient._acall = _async_tracing(telemetry)  # type: ignore[method-assign]
    elif isinstance(client, AsyncClient):
        client.__dict__["_acall"] = MethodType(_async_tracing(telemetry), client)
    elif isinstance(client, Client):
        client.__dict__["_call"] = MethodType(_sync_tracing(telemetry), client)
    else:
        raise TypeError(f"instrument() takes a Client or AsyncClient, not {type(client).__name__}")


def uninstrument(client: Any = None) -> None:
    """Stop tracing ``client``, or (``None``) the module functions and every client."""
    if client is None:
        Client._call = _ORIGINAL_CALL  # type: ignore[method-assign]
        AsyncClient._acall = _ORIGINAL_ACALL  # type: ignore[method-assign]
    else:
        client.__dict__.pop("_acall" if isinstance(client, AsyncClient) else "_call", None)


def is_instrumented(client: Any = None) -> bool:
    """Whether calls of ``client`` (or, with ``None``, of every client) are traced."""
    if client is None:
        return Client._call is not _ORIGINAL_CALL or AsyncClient._acall is not _ORIGINAL_ACALL
    name = "_acall" if isinstance(client, AsyncClient) else "_call"
    return name in client.__dict__ or getattr(type(client), name) is not (
        _ORIGINAL_ACALL if isinstance(client, AsyncClient) else _ORIGINAL_CALL
    )
