"""OpenTelemetry: spans and metrics from opentelemetry-sdk's in-memory exporters, against the
emulator, on both faces, streams and errors included."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from typing import Any, Iterator, List, Tuple

import pytest

import openai_rest
from openai_rest import Config

pytest.importorskip("opentelemetry.sdk")
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from openai_rest import otel

MESSAGES = [{"role": "user", "content": "Say something short"}]


class Telemetry:
    def __init__(self) -> None:
        self.spans = InMemorySpanExporter()
        self.tracer_provider = TracerProvider()
        self.tracer_provider.add_span_processor(SimpleSpanProcessor(self.spans))
        self.metrics = InMemoryMetricReader()
        self.meter_provider = MeterProvider(metric_readers=[self.metrics])

    def instrument(self, client: Any = None) -> None:
        otel.instrument(
            client, tracer_provider=self.tracer_provider, meter_provider=self.meter_provider
        )

    def finished(self) -> List[Any]:
        return list(self.spans.get_finished_spans())

    def points(self, name: str) -> List[Any]:
        data = self.metrics.get_metrics_data()
        found = []
        for resource in data.resource_metrics if data else ():
            for scope in resource.scope_metrics:
                for metric in scope.metrics:
                    if metric.name == name:
                        found.extend(metric.data.data_points)
        return found


@pytest.fixture
def telemetry() -> Iterator[Telemetry]:
    t = Telemetry()
    yield t
    otel.uninstrument()


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    pytest.importorskip("aiohttp")
    from openai_rest.emulator import Emulator

    with Emulator() as url:
        yield url


def config(base_url: str, **fields: Any) -> Config:
    return Config(api_key="sk-otel-secret-0123456789", api_url=base_url, **fields)


def test_chat_span_follows_the_conventions(telemetry: Telemetry, base_url: str) -> None:
    telemetry.instrument()
    client = openai_rest.Client(config(base_url))
    reply = client.chat_completion(
        model="gpt-4o-mini", messages=MESSAGES, temperature=0.5, top_p=0.9, max_tokens=50, seed=7
    )
    (span,) = telemetry.finished()
    assert span.name == "chat gpt-4o-mini" and span.kind == SpanKind.CLIENT
    attrs = dict(span.attributes)
    port = int(base_url.split(":")[2].split("/")[0])
    assert attrs["gen_ai.operation.name"] == "chat"
    assert attrs["gen_ai.provider.name"] == "openai"
    assert attrs["gen_ai.request.model"] == "gpt-4o-mini"
    assert attrs["gen_ai.request.temperature"] == 0.5 and attrs["gen_ai.request.top_p"] == 0.9
    assert attrs["gen_ai.request.max_tokens"] == 50 and attrs["gen_ai.request.seed"] == 7
    assert attrs["gen_ai.output.type"] == "text"
    assert attrs["gen_ai.response.id"] == reply["id"]
    assert attrs["gen_ai.response.model"] == reply["model"]
    assert attrs["gen_ai.response.finish_reasons"] == ("stop",)
    assert attrs["gen_ai.usage.input_tokens"] == reply["usage"]["prompt_tokens"]
    assert attrs["gen_ai.usage.output_tokens"] == reply["usage"]["completion_tokens"]
    assert attrs["server.address"] == "127.0.0.1" and attrs["server.port"] == port
    if reply.get("system_fingerprint"):
        assert attrs["openai.response.system_fingerprint"] == reply["system_fingerprint"]
    assert "gen_ai.input.messages" not in attrs and "gen_ai.output.messages" not in attrs
    (duration,) = telemetry.points("gen_ai.client.operation.duration")
    assert duration.count == 1 and duration.attributes["gen_ai.operation.name"] == "chat"
    assert list(duration.explicit_bounds) == list(otel.DURATION_BUCKETS)
    tokens = {
        p.attributes["gen_ai.token.type"]: p for p in telemetry.points("gen_ai.client.token.usage")
    }
    assert tokens["input"].sum == reply["usage"]["prompt_tokens"]
    assert tokens["output"].sum == reply["usage"]["completion_tokens"]
    assert list(tokens["input"].explicit_bounds) == list(otel.TOKEN_BUCKETS)


def test_every_operation_gets_a_span_with_its_name_and_model(
    telemetry: Telemetry, base_url: str, tmp_path: Any
) -> None:
    telemetry.instrument()
    openai_rest.configure(api_key="sk-otel-module-0123456789", api_url=base_url)
    openai_rest.embeddings(model="text-embedding-3-small", input="hello")  # the module face
    client = openai_rest.Client(config(base_url))
    client.models()
    client.completions(model="gpt-3.5-turbo-instruct", prompt="hi")
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    uploaded = client.files_upload(str(path), purpose="assistants")
    client.files(uploaded["id"])
    client.request("GET", "/models")
    client.audio_speech(model="tts-1", input="hi", voice="alloy")
    names = [s.name for s in telemetry.finished()]
    assert names == [
        "embeddings text-embedding-3-small",
        "models",
        "text_completion gpt-3.5-turbo-instruct",
        "files_upload",
        "files",
        names[5],
        "audio_speech tts-1",
    ]
    assert names[5].startswith("request")
    speech = telemetry.finished()[-1]
    assert speech.attributes["gen_ai.output.type"] == "speech"
    assert all(s.attributes["gen_ai.operation.name"] for s in telemetry.finished())


def test_stream_span_ends_with_the_stream_and_its_usage(
    telemetry: Telemetry, base_url: str
) -> None:
    telemetry.instrument()
    client = openai_rest.Client(config(base_url))
    stream = client.chat_completion(
        model="gpt-4o-mini",
        messages=MESSAGES,
        stream=True,
        stream_options={"include_usage": True},
    )
    chunks = []
    for chunk in stream:
        assert telemetry.finished() == []  # open while the stream is
        chunks.append(chunk)
    (span,) = telemetry.finished()
    usage = next(c["usage"] for c in chunks if c.get("usage"))
    assert span.attributes["gen_ai.usage.output_tokens"] == usage["completion_tokens"]
    assert span.attributes["gen_ai.response.finish_reasons"] == ("stop",)
    assert span.attributes["gen_ai.request.stream"] is True
    assert span.attributes["gen_ai.response.time_to_first_chunk"] > 0
    (first,) = telemetry.points("gen_ai.client.operation.time_to_first_chunk")
    assert first.count == 1

    # closed early: the span ends at the close, without an error
    with client.chat_completion(model="gpt-4o-mini", messages=MESSAGES, stream=True) as early:
        next(iter(early))
    assert len(telemetry.finished()) == 2
    assert telemetry.finished()[1].status.status_code != StatusCode.ERROR
    # closed without reading: the span ends too
    client.chat_completion(model="gpt-4o-mini", messages=MESSAGES, stream=True).close()
    assert len(telemetry.finished()) == 3


def test_responses_stream_and_async_face(telemetry: Telemetry, base_url: str) -> None:
    telemetry.instrument()

    async def main() -> Tuple[Any, List[Any]]:
        async with openai_rest.AsyncClient(config(base_url)) as client:
            reply = await client.chat_completion(model="gpt-4o", messages=MESSAGES)
            stream = await client.responses_create(model="gpt-4o", input="hi", stream=True)
            events = [event async for event in stream]
            return reply, events

    reply, events = asyncio.run(main())
    chat, responses = telemetry.finished()
    assert chat.name == "chat gpt-4o" and chat.attributes["gen_ai.response.id"] == reply["id"]
    final = events[-1]["data"]["response"]
    assert responses.name == "chat gpt-4o"
    assert responses.attributes["gen_ai.response.id"] == final["id"]
    assert responses.attributes["gen_ai.usage.input_tokens"] == final["usage"]["input_tokens"]
    assert responses.attributes["gen_ai.usage.output_tokens"] == final["usage"]["output_tokens"]
    assert responses.attributes["gen_ai.response.finish_reasons"] == ("completed",)


def test_async_stream_closed_early_ends_its_span(telemetry: Telemetry, base_url: str) -> None:
    telemetry.instrument()

    async def main() -> None:
        async with openai_rest.AsyncClient(config(base_url)) as client:
            stream = await client.chat_completion(
                model="gpt-4o-mini", messages=MESSAGES, stream=True
            )
            async for _ in stream:
                break
            assert telemetry.finished() == []
            await stream.aclose()
            assert len(telemetry.finished()) == 1
            unread = await client.chat_completion(
                model="gpt-4o-mini", messages=MESSAGES, stream=True
            )
            async with unread:
                pass

    asyncio.run(main())
    early, unread = telemetry.finished()
    assert early.status.status_code != StatusCode.ERROR
    assert early.attributes["gen_ai.response.time_to_first_chunk"] > 0
    assert "gen_ai.response.time_to_first_chunk" not in unread.attributes


def test_errors_and_retries(telemetry: Telemetry, base_url: str) -> None:
    telemetry.instrument()
    client = openai_rest.Client(config(base_url, max_retries=2))
    reply = client.chat_completion(
        model="gpt-4o-mini",
        messages=MESSAGES,
        extra_headers={"x-emulate-fault": "503;times=1;retry-after-ms=1;id=otel-retry"},
    )
    assert openai_rest.response_of(reply).retries == 1
    with pytest.raises(openai_rest.BadRequestError):
        client.chat_completion(
            model="gpt-4o-mini", messages=MESSAGES, extra_headers={"x-emulate-fault": "400"}
        )
    with pytest.raises(openai_rest.APIStatusError):
        stream = client.chat_completion(
            model="gpt-4o-mini",
            messages=MESSAGES,
            stream=True,
            extra_headers={"x-emulate-fault": "stream-error-after=1"},
        )
        list(stream)
    retried, failed, broken = telemetry.finished()
    assert retried.attributes["http.request.resend_count"] == 1
    assert "error.type" not in retried.attributes
    assert failed.attributes["error.type"] == "BadRequestError"
    assert failed.status.status_code == StatusCode.ERROR
    assert broken.attributes["error.type"] == "APIStatusError"
    errors = [
        p
        for p in telemetry.points("gen_ai.client.operation.duration")
        if "error.type" in p.attributes
    ]
    assert {p.attributes["error.type"] for p in errors} == {"BadRequestError", "APIStatusError"}

    async def main() -> None:
        async with openai_rest.AsyncClient(config(base_url, max_retries=0)) as aclient:
            with pytest.raises(openai_rest.InternalServerError):
                await aclient.embeddings(
                    model="text-embedding-3-small",
                    input="x",
                    extra_headers={"x-emulate-fault": "500"},
                )

    asyncio.run(main())
    assert telemetry.finished()[-1].attributes["error.type"] == "InternalServerError"


def test_content_only_when_asked(
    telemetry: Telemetry, base_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = openai_rest.Client(config(base_url))
    monkeypatch.setenv(otel.CAPTURE_ENV, "true")
    telemetry.instrument()
    client.chat_completion(model="gpt-4o-mini", messages=MESSAGES)
    for _ in client.chat_completion(model="gpt-4o-mini", messages=MESSAGES, stream=True):
        pass
    monkeypatch.setenv(otel.CAPTURE_ENV, "false")
    telemetry.instrument()
    client.chat_completion(model="gpt-4o-mini", messages=MESSAGES)
    captured, streamed, plain = telemetry.finished()
    assert json.loads(captured.attributes["gen_ai.input.messages"]) == MESSAGES
    assert json.loads(captured.attributes["gen_ai.output.messages"])[0]["message"]["content"]
    assert json.loads(streamed.attributes["gen_ai.output.messages"])
    assert "gen_ai.input.messages" not in plain.attributes
    assert all("sk-otel" not in str(v) for s in telemetry.finished() for v in s.attributes.values())


def test_azure_provider_name(telemetry: Telemetry, base_url: str) -> None:
    telemetry.instrument()
    azure = Config(
        azure_endpoint=base_url[: -len("/v1")],
        api_version="2024-10-21",
        api_key="azure-key-0123456789",
        azure_deployment="my-deployment",
    )
    openai_rest.Client(azure).chat_completion(messages=MESSAGES)
    (span,) = telemetry.finished()
    assert span.attributes["gen_ai.provider.name"] == "azure.ai.openai"
    assert span.name == "chat my-deployment"


def test_one_client_only_and_uninstrument(telemetry: Telemetry, base_url: str) -> None:
    traced = openai_rest.Client(config(base_url))
    other = openai_rest.Client(config(base_url))
    telemetry.instrument(traced)
    assert otel.is_instrumented(traced) and not otel.is_instrumented(other)
    traced.models()
    other.models()
    assert len(telemetry.finished()) == 1
    otel.uninstrument(traced)
    traced.models()
    assert len(telemetry.finished()) == 1
    telemetry.instrument()
    other.models()
    otel.uninstrument()
    other.models()
    assert len(telemetry.finished()) == 2
    assert not otel.is_instrumented()
    with pytest.raises(TypeError):
        otel.instrument(object())


def test_nothing_of_opentelemetry_is_loaded_until_instrument() -> None:
    code = (
        "import sys, openai_rest\n"
        "c = openai_rest.Client()\n"
        "assert not [m for m in sys.modules if m.startswith('opentelemetry')], 'loaded'\n"
        "assert 'openai_rest.otel' not in sys.modules\n"
        "assert '_call' not in vars(c)\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


def test_no_op_provider_works(base_url: str) -> None:
    """With only opentelemetry-api's defaults (no SDK set up), calls work and nothing breaks."""
    otel.instrument()
    try:
        client = openai_rest.Client(config(base_url))
        assert client.models()["object"] == "list"
        assert list(client.chat_completion(model="gpt-4o-mini", messages=MESSAGES, stream=True))
    finally:
        otel.uninstrument()


@pytest.mark.parametrize("level", ["info", "debug"])
def test_openai_log_turns_on_logging_with_the_key_scrubbed(level: str, base_url: str) -> None:
    key = "sk-log-secret-abcdefghijklmnop"
    code = (
        "import openai_rest\n"
        f"c = openai_rest.Client(openai_rest.Config(api_url={base_url!r}))\n"
        "c.models(extra_headers={'x-emulate-fault': '500;times=1;retry-after-ms=1;id=log-"
        f"{level}'" + "})\n"
        "c.models(extra_headers={'X-Debug': 'Bearer ' + c._settings(None).api_key})\n"
    )
    env = {**__import__("os").environ, "OPENAI_LOG": level, "OPENAI_API_KEY": key}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    log = out.stderr
    assert "retry 1 of 2" in log and "openai_rest - INFO" in log
    assert ("request: GET" in log) == (level == "debug")
    assert ("-> 200" in log) == (level == "debug")
    assert key not in log and key[3:] not in log
    if level == "debug":
        assert "'Authorization': '...mnop'" in log and "Bearer ***" in log


def test_without_openai_log_the_library_is_silent(base_url: str) -> None:
    code = (
        "import sys, openai_rest\n"
        "assert 'logging' not in sys.modules or not __import__('logging')"
        ".getLogger('openai_rest').handlers\n"
        "assert openai_rest.Client()._request_hooks == ()\n"
    )
    env = {k: v for k, v in __import__("os").environ.items() if k != "OPENAI_LOG"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def test_a_global_provider_set_after_instrument_is_used(base_url: str) -> None:
    """Idle under the API's no-op defaults; traced as soon as an SDK provider is set."""
    code = f"""
import openai_rest
from openai_rest import otel
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

otel.instrument()
client = openai_rest.Client(openai_rest.Config(api_key="sk-x", api_url={base_url!r}))
client.models()
spans = InMemorySpanExporter()
provider = TracerProvider()
provider.add_span_processor(SimpleSpanProcessor(spans))
trace.set_tracer_provider(provider)
client.chat_completion(model="gpt-4o-mini", messages=[{{"role": "user", "content": "hi"}}])
print([s.name for s in spans.get_finished_spans()])
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['chat gpt-4o-mini']"


def test_parse_and_tool_loops_are_traced_without_listing_them(
    telemetry: Telemetry, base_url: str
) -> None:
    """Helpers built on the endpoints (sentry-python #5401: ``.parse`` went untraced) need no
    instrumentation of their own: each request they make is a span."""
    from typing import TypedDict

    class Movie(TypedDict):
        title: str

    def add(a: int, b: int) -> int:
        """Add two numbers."""
        return a + b

    telemetry.instrument()
    client = openai_rest.Client(config(base_url))
    parsed = client.chat_completion_parse(
        model="gpt-4o-mini", messages=MESSAGES, response_format=Movie
    )
    assert parsed["choices"][0]["message"]["parsed"]["title"]
    client.run_tools(
        model="gpt-4o-mini", messages=[{"role": "user", "content": "add 1 and 2"}], tools=[add]
    )
    spans = telemetry.finished()
    assert len(spans) >= 3 and {s.name for s in spans} == {"chat gpt-4o-mini"}
    assert spans[0].attributes["gen_ai.output.type"] == "json"
