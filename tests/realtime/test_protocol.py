"""The pure parts: the handshake's URL and headers, frames read into events, the accumulator."""

from __future__ import annotations

import asyncio
import base64
import subprocess
import sys
import threading
from typing import Any, Dict, Iterator, List

import pytest

import openai_rest
from openai_rest import APIConnectionError, APIResponseValidationError, Config, RealtimeError
from openai_rest._config import resolve
from openai_rest._realtime._protocol import BINARY, CLOSED, TEXT, Protocol, handshake


def target(config: Config, model: Any = "gpt-realtime", **kwargs: Any) -> Any:
    request = handshake(resolve(config), model, kwargs.pop("query", {}), **kwargs)
    assert request.method == "GET"
    return request.url, request.headers


def test_the_url_follows_api_url() -> None:
    url, _ = target(Config(api_key="sk-1", api_url="https://example.test/v1"))
    assert url == "wss://example.test/v1/realtime?model=gpt-realtime"
    url, _ = target(Config(api_key="sk-1", api_url="http://127.0.0.1:8080/proxy/v1"))
    assert url == "ws://127.0.0.1:8080/proxy/v1/realtime?model=gpt-realtime"
    url, _ = target(Config(api_key="sk-1"))
    assert url.startswith("wss://") and url.endswith("/v1/realtime?model=gpt-realtime")


def test_query_extra_query_and_default_query() -> None:
    config = Config(api_key="sk-1", api_url="http://h/v1", http_options={"query": {"a": "1"}})
    url, _ = target(config, query={"intent": "x"}, extra_query={"b": True, "model": "other"})
    assert url == "ws://h/v1/realtime?a=1&model=other&intent=x&b=true"
    url, _ = target(config, model=None, query={"call_id": "rtc_1"})
    assert url == "ws://h/v1/realtime?a=1&call_id=rtc_1"


def test_headers_carry_auth_organization_project_and_extras() -> None:
    config = Config(
        api_key="sk-1",
        organization_key="org-1",
        project="proj-1",
        http_options={"headers": {"X-Default": "d"}},
    )
    _, headers = target(config, extra_headers={"X-Extra": "e", "openai-project": None})
    assert headers["Authorization"] == "Bearer sk-1"
    assert headers["OpenAI-Organization"] == "org-1"
    assert "OpenAI-Project" not in headers  # None removes a header, as elsewhere
    assert headers["X-Default"] == "d" and headers["X-Extra"] == "e"
    assert headers["User-Agent"].startswith("openai-rest/")
    _, headers = target(Config(api_key=None), extra_headers={"api-key": "azure-key"})
    assert headers["api-key"] == "azure-key" and "Authorization" not in headers


def test_no_credentials_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(openai_rest.OpenAIError, match="no API key"):
        target(Config())


def frames(protocol: Protocol, *events: Dict[str, Any]) -> List[Any]:
    import json

    return [protocol.read(TEXT, json.dumps(e)) for e in events]


def test_reading_frames() -> None:
    protocol = Protocol("ws://h/v1/realtime")
    assert frames(protocol, {"type": "session.created", "session": {"id": "s"}})
    assert protocol.session == {"id": "s"}
    assert protocol.read(BINARY, b'{"type": "x"}') == {"type": "x"}
    assert protocol.read(TEXT, '{"type": "response.created", "response": "odd"}')
    for bad in ("not json", b"\xff\xfe", "[1, 2]", '{"no": "type"}'):
        with pytest.raises(APIResponseValidationError):
            protocol.read(TEXT, bad)


def test_an_error_event_raises_or_passes() -> None:
    error = {
        "type": "error",
        "error": {
            "type": "invalid_request_error",
            "message": "Nope",
            "code": "bad",
            "param": "x",
            "event_id": "e1",
        },
    }
    protocol = Protocol("ws://h", raise_on_error=True)
    protocol.request_id = "req_1"
    with pytest.raises(RealtimeError) as caught:
        frames(protocol, error)
    assert caught.value.message.startswith("Realtime error: Nope")
    assert (caught.value.code, caught.value.param, caught.value.event_id) == ("bad", "x", "e1")
    assert caught.value.request_id == "req_1" and "req_1" in str(caught.value)
    assert frames(Protocol("ws://h", raise_on_error=False), error) == [error]
    with pytest.raises(RealtimeError, match="no message"):
        frames(Protocol("ws://h"), {"type": "error"})


@pytest.mark.parametrize(
    ("code", "open_response", "closing", "raises"),
    [
        (1000, False, False, None),
        (1000, True, False, "before response.done of resp_1"),
        (1011, False, False, "code 1011"),
        (1006, False, False, "dropped"),
        (None, False, False, "dropped"),
        (1006, True, True, None),  # we closed it: whatever the server says, a clean end
    ],
)
def test_how_a_connection_ends(code: Any, open_response: bool, closing: bool, raises: Any) -> None:
    protocol = Protocol("ws://h")
    if open_response:
        frames(protocol, {"type": "response.created", "response": {"id": "resp_1"}})
    protocol.closing = closing
    if raises is None:
        assert protocol.read(CLOSED, None, code) is None
    else:
        with pytest.raises(APIConnectionError, match=raises):
            protocol.read(CLOSED, "why", code)
    assert protocol.closed
    with pytest.raises(APIConnectionError, match="closed"):
        protocol.after_close()


def test_a_done_response_is_no_longer_open() -> None:
    protocol = Protocol("ws://h")
    frames(
        protocol,
        {"type": "response.created", "response": {"id": "r"}},
        {"type": "response.done", "response": {"id": "r"}},
    )
    assert protocol.read(CLOSED, None, 1000) is None


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def response_events(rid: str = "resp_1") -> Iterator[Dict[str, Any]]:
    head = {"response_id": rid, "output_index": 0, "content_index": 0, "item_id": "item_1"}
    yield {"type": "response.created", "response": {"id": rid, "status": "in_progress"}}
    yield {"type": "response.output_text.delta", **head, "delta": "Hel"}
    yield {"type": "response.output_text.delta", **head, "delta": "lo"}
    yield {"type": "response.output_audio.delta", **head, "delta": b64(b"\x01\x02")}
    yield {"type": "response.output_audio_transcript.delta", **head, "delta": "Hi "}
    yield {"type": "response.output_audio.delta", **head, "delta": b64(b"\x03")}
    yield {"type": "response.output_audio_transcript.delta", **head, "delta": "there"}
    call = {
        "type": "function_call",
        "id": "item_2",
        "call_id": "call_1",
        "name": "f",
        "arguments": "",
    }
    yield {
        "type": "response.output_item.added",
        "response_id": rid,
        "output_index": 1,
        "item": call,
    }
    for piece in ('{"a"', ": 1}"):
        yield {
            "type": "response.function_call_arguments.delta",
            "response_id": rid,
            "item_id": "item_2",
            "output_index": 1,
            "call_id": "call_1",
            "delta": piece,
        }
    yield {
        "type": "response.done",
        "response": {"id": rid, "status": "completed", "usage": {"total_tokens": 9}},
    }


def test_accumulator_folds_text_audio_transcript_and_calls() -> None:
    from openai_rest import RealtimeAccumulator

    accumulator = RealtimeAccumulator()
    printed = [accumulator.add(e) for e in response_events()]
    assert "".join(printed) == "HelloHi there"
    assert accumulator.text == "Hello" and accumulator.transcript == "Hi there"
    assert accumulator.audio == b"\x01\x02\x03"
    assert accumulator.function_calls == [
        {"call_id": "call_1", "name": "f", "arguments": '{"a": 1}', "item_id": "item_2"}
    ]
    assert accumulator.done and accumulator.status == "completed"
    assert accumulator.usage == {"total_tokens": 9}
    assert "done=True" in repr(accumulator)


def test_accumulator_keeps_to_its_response_and_prefers_done_arguments() -> None:
    from openai_rest import RealtimeAccumulator

    accumulator = RealtimeAccumulator()
    accumulator.add({"type": "session.updated", "session": {}})
    other = list(response_events("resp_other"))
    for mine, theirs in zip(response_events(), other):
        accumulator.add(mine)
        accumulator.add(theirs)
    assert accumulator.response_id == "resp_1" and accumulator.text == "Hello"
    late = RealtimeAccumulator()
    late.add(
        {
            "type": "response.function_call_arguments.done",
            "response_id": "r",
            "item_id": "i",
            "call_id": "c",
            "name": "g",
            "arguments": "{}",
        }
    )
    assert late.function_calls == [{"call_id": "c", "name": "g", "arguments": "{}", "item_id": "i"}]
    assert late.status is None and not late.done


def test_accumulator_reads_beta_names_and_calls_by_call_id() -> None:
    from openai_rest import RealtimeAccumulator

    accumulator = RealtimeAccumulator()
    head = {"response_id": "r", "item_id": "i", "output_index": 0, "content_index": 0}
    accumulator.add({"type": "response.text.delta", **head, "delta": "beta "})
    accumulator.add({"type": "response.audio.delta", **head, "delta": b64(b"\x09")})
    accumulator.add({"type": "response.audio_transcript.delta", **head, "delta": "said"})
    for piece in ("{", "}"):  # arguments events that name only the call
        accumulator.add(
            {
                "type": "response.function_call_arguments.delta",
                "response_id": "r",
                "call_id": "c1",
                "delta": piece,
            }
        )
    accumulator.add(
        {
            "type": "response.output_item.done",
            "response_id": "r",
            "item": {
                "type": "function_call",
                "id": "fc_1",
                "call_id": "c1",
                "name": "f",
                "arguments": "{}",
            },
        }
    )
    assert (accumulator.text, accumulator.audio, accumulator.transcript) == ("beta ", b"\t", "said")
    assert accumulator.function_calls == [
        {"call_id": "c1", "name": "f", "arguments": "{}", "item_id": "fc_1"}
    ]


def test_accumulator_falls_back_on_response_done() -> None:
    from openai_rest import RealtimeAccumulator

    accumulator = RealtimeAccumulator()
    output = [
        {"type": "message", "content": [{"type": "output_text", "text": "only done"}]},
        {"type": "function_call", "id": "fc", "call_id": "c", "name": "g", "arguments": "[]"},
    ]
    accumulator.add({"type": "response.done", "response": {"id": "r", "output": output}})
    assert accumulator.text == "only done"
    assert accumulator.function_calls == [
        {"call_id": "c", "name": "g", "arguments": "[]", "item_id": "fc"}
    ]


def test_accumulator_refuses_audio_that_is_not_base64() -> None:
    from openai_rest import RealtimeAccumulator

    with pytest.raises(APIResponseValidationError, match="not base64"):
        RealtimeAccumulator().add({"type": "response.output_audio.delta", "delta": "@@@"})


def test_import_loads_no_realtime_module_and_no_websocket_library() -> None:
    code = (
        "import sys, openai_rest\n"
        "openai_rest.realtime_connect; openai_rest.RealtimeError\n"
        "bad = [m for m in sys.modules if m.startswith(('openai_rest._realtime', 'aiohttp',"
        " 'websockets', 'websocket', 'wsproto'))]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


class Recording:
    """A WebSocket server on loopback that records the handshake and sends one event."""

    def __init__(self) -> None:
        self.seen: List[Any] = []
        self.ready = threading.Event()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    async def _start(self) -> str:
        from aiohttp import web

        async def handler(request: web.Request) -> web.WebSocketResponse:
            self.seen.append((dict(request.headers), request.path_qs))
            ws = web.WebSocketResponse()
            await ws.prepare(request)
            await ws.send_str('{"type": "session.created", "session": {}}')
            async for _ in ws:
                pass
            return ws

        app = web.Application()
        app.router.add_get("/{path:.*}", handler)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        return f"http://127.0.0.1:{self.runner.addresses[0][1]}/v1"

    def __enter__(self) -> str:
        self.thread.start()
        return asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(10)

    def __exit__(self, *exc: Any) -> None:
        asyncio.run_coroutine_threadsafe(self.runner.cleanup(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


def test_the_handshake_on_the_wire_both_faces() -> None:
    recording = Recording()
    with recording as url:
        config = Config(api_key="sk-wire", api_url=url, organization_key="org-w", project="p-w")
        with openai_rest.Client(config).realtime_connect(
            model="m1", extra_headers={"X-Trace": "t1"}, extra_query={"q": "1"}
        ) as rt:
            assert rt.recv(timeout=10)["type"] == "session.created"

        async def main() -> None:
            client = openai_rest.AsyncClient(config)
            async with client.realtime_connect(model="m2", intent="transcription") as art:
                assert (await art.recv(timeout=10))["type"] == "session.created"

        asyncio.run(main())
    (sync_headers, sync_path), (async_headers, async_path) = recording.seen
    assert sync_path == "/v1/realtime?model=m1&q=1"
    assert async_path == "/v1/realtime?model=m2&intent=transcription"
    for headers in (sync_headers, async_headers):
        assert headers["Authorization"] == "Bearer sk-wire"
        assert headers["OpenAI-Organization"] == "org-w" and headers["OpenAI-Project"] == "p-w"
        assert headers["Upgrade"].lower() == "websocket"
    assert sync_headers["X-Trace"] == "t1"


def test_the_connection_classes_are_public_for_annotations(openai_emulator: Any) -> None:
    with openai_emulator.client.realtime_connect(model="gpt-realtime") as rt:
        assert isinstance(rt, openai_rest.RealtimeConnection)
    assert openai_rest.AsyncRealtimeConnection.__name__ == "AsyncRealtimeConnection"
