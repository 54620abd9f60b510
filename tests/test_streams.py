"""Streams over real HTTP: items, early close, errors inside a 200 stream, truncation."""

from __future__ import annotations

import asyncio
import json
from typing import Any, List

import pytest

import openai_rest
from conftest import KEY, Scripted
from loopback import Reply

SSE = {"Content-Type": "text/event-stream"}


def chunk(text: str) -> bytes:
    return (
        b"data: "
        + json.dumps({"choices": [{"index": 0, "delta": {"content": text}}]}).encode()
        + b"\n\n"
    )


def both_faces(server: Scripted, **params: Any) -> List[List[Any]]:
    """The items of one streamed call on the sync face and on the async face."""
    params.setdefault("model", "m")
    params.setdefault("messages", [])
    sync_items = list(
        openai_rest.Client(server.config(max_retries=0)).chat_completion(stream=True, **params)
    )

    async def main() -> List[Any]:
        async with openai_rest.AsyncClient(server.config(max_retries=0)) as client:
            stream = await client.chat_completion(stream=True, **params)
            return [item async for item in stream]

    return [sync_items, asyncio.run(main())]


def test_items_until_done_split_anywhere(server: Scripted) -> None:
    body = b": keep-alive\n\n" + chunk("Hel") + chunk("lo") + b"data: [DONE]\n\n" + chunk("after")
    # one byte per network write: events split everywhere
    server.default = lambda r: Reply(body=[body[i : i + 1] for i in range(len(body))], headers=SSE)
    for items in both_faces(server):
        assert [i["choices"][0]["delta"]["content"] for i in items] == ["Hel", "lo"]


def test_error_inside_a_200_stream_raises(server: Scripted) -> None:
    error = b'data: {"error": {"message": "overloaded mid-stream", "type": "server_error"}}\n\n'
    server.default = lambda r: Reply(body=[chunk("a"), error], headers=SSE)
    with pytest.raises(openai_rest.APIError, match="overloaded mid-stream"):
        both_faces(server)


def test_truncated_stream_raises_not_silently(server: Scripted) -> None:
    server.default = lambda r: Reply(body=[chunk("a"), chunk("b"), b'data: {"cho'], headers=SSE)
    with pytest.raises(openai_rest.APIConnectionError, match="after 2 events"):
        list(
            openai_rest.Client(server.config()).chat_completion(model="m", messages=[], stream=True)
        )


def test_error_status_before_the_stream_reads_the_whole_json_body(server: Scripted) -> None:
    server.default = lambda r: Reply(
        400, json={"error": {"message": "bad model", "param": "model"}}
    )
    with pytest.raises(openai_rest.BadRequestError, match="bad model") as caught:
        openai_rest.Client(server.config()).chat_completion(model="m", messages=[], stream=True)
    assert caught.value.param == "model"


def endless_stream(server: Scripted) -> None:
    """Every answer an SSE stream that would take minutes to send: only a close ends it."""
    endless = (chunk(str(i)) for i in range(100000))
    server.default = lambda r: Reply(body=endless, headers=SSE, chunk_delay=0.001)


def test_leaving_early_closes_the_connection(server: Scripted) -> None:
    """The server sees the connection close when the ``with`` block is left after one chunk."""
    endless_stream(server)
    client = openai_rest.Client(server.config())
    with client.chat_completion(model="m", messages=[], stream=True) as stream:
        first = next(iter(stream))
        assert not server.received[0].aborted.is_set()
    assert first["choices"][0]["delta"]["content"] == "0"
    assert openai_rest.response_of(stream).status_code == 200
    assert server.received[0].aborted.wait(5), "the server kept streaming: nothing was closed"
    server.default = lambda r: Reply(json={"ok": True})
    assert client.models() == {"ok": True}  # the client still works after the early exit
    assert server.received[1].peer != server.received[0].peer  # on a new connection


def test_leaving_early_closes_the_connection_async(server: Scripted) -> None:
    endless_stream(server)

    async def main() -> Any:
        async with openai_rest.AsyncClient(server.config()) as client:
            stream = await client.chat_completion(model="m", messages=[], stream=True)
            async with stream:
                async for item in stream:
                    first = item
                    break
            closed = await asyncio.get_running_loop().run_in_executor(
                None, server.received[0].aborted.wait, 5
            )
            server.default = lambda r: Reply(json={"ok": True})
            return first, closed, await client.models()

    first, closed, models = asyncio.run(main())
    assert first["choices"][0]["delta"]["content"] == "0"
    assert closed, "the server kept streaming: nothing was closed"
    assert models == {"ok": True}
    assert server.received[1].peer != server.received[0].peer


def test_a_stream_read_to_the_end_leaves_its_connection_for_the_next_call(
    server: Scripted,
) -> None:
    """The pool's other half: answers read to the end keep one connection for every call."""
    client = openai_rest.Client(server.config())
    for _ in range(3):
        assert client.models() == {"ok": True}
    assert len({r.peer for r in server.received}) == 1


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # tested in test_legacy_and_beta
def test_named_event_streams(server: Scripted) -> None:
    body = (
        b'event: thread.run.created\ndata: {"id": "run_1", "status": "queued"}\n\n'
        b"event: thread.message.delta\n"
        b'data: {"delta": {"content": [{"text": {"value": "Hi"}}]}}\n\n'
        b"event: done\ndata: [DONE]\n\n"
    )
    server.default = lambda r: Reply(body=[body], headers=SSE)
    client = openai_rest.Client(server.config())
    items = list(client.thread_run_create("thread_1", assistant_id="asst_1", stream=True))
    assert [i["event"] for i in items] == ["thread.run.created", "thread.message.delta"]
    assert items[0]["data"]["id"] == "run_1"
    assert server.received[0].headers["openai-beta"] == "assistants=v2"


def test_an_error_event_that_echoes_the_key_never_shows_it(server: Scripted) -> None:
    """A proxy's in-stream error quoting the Authorization header: the key stays hidden."""
    echo = json.dumps({"error": {"message": f"bad key {KEY}", "code": "invalid_api_key"}})
    server.default = lambda r: Reply(body=[chunk("a"), f"data: {echo}\n\n".encode()], headers=SSE)
    for face in both_faces_errors(server):
        assert KEY not in str(face) and KEY not in repr(face)
        assert "sk-***" in str(face)


def both_faces_errors(server: Scripted) -> List[BaseException]:
    """The error each face raises for one streamed chat call."""
    params: Any = {"model": "m", "messages": [], "stream": True}
    errors: List[BaseException] = []
    try:
        list(openai_rest.Client(server.config()).chat_completion(**params))
    except openai_rest.APIError as error:
        errors.append(error)

    async def run() -> None:
        async with openai_rest.AsyncClient(server.config()) as client:
            try:
                async for _ in await client.chat_completion(**params):
                    pass
            except openai_rest.APIError as error:
                errors.append(error)

    asyncio.run(run())
    assert len(errors) == 2, "each face must raise"
    return errors


@pytest.mark.parametrize(
    "body",
    [
        b'event: error\ndata: {"error": {"message": "run exploded", "code": "server_error"}}\n\n',
        b'event: response.failed\ndata: {"type": "response.failed", "response": '
        b'{"error": {"message": "run exploded", "code": "server_error"}}}\n\n',
        b'data: {"type": "error", "message": "run exploded", "code": "server_error"}\n\n',
    ],
)
def test_error_events_raise(server: Scripted, body: bytes) -> None:
    server.default = lambda r: Reply(body=[body], headers=SSE)
    with pytest.raises(openai_rest.APIError, match="run exploded") as caught:
        list(
            openai_rest.Client(server.config()).threads_create_and_run(
                assistant_id="a", stream=True
            )
        )
    assert caught.value.code == "server_error"
    assert KEY not in str(caught.value)


def test_a_json_answer_to_a_stream_request_is_one_item(server: Scripted) -> None:
    server.default = lambda r: Reply(json={"id": "chatcmpl-1", "object": "chat.completion"})
    for items in both_faces(server):
        assert items == [{"id": "chatcmpl-1", "object": "chat.completion"}]


def test_breaking_out_without_closing_leaves_the_pool_healthy(server: Scripted) -> None:
    import gc

    body = b"".join(chunk(str(i)) for i in range(50)) + b"data: [DONE]\n\n"
    server.default = lambda r: Reply(body=[body[:40], body[40:]], headers=SSE, chunk_delay=0.05)
    client = openai_rest.Client(server.config())
    for _ in client.chat_completion(model="m", messages=[], stream=True):
        break  # no close, no with: the generator is left suspended
    gc.collect()
    server.default = lambda r: Reply(json={"ok": True})
    for _ in range(3):
        assert client.models() == {"ok": True}
        assert client.files_upload(b"x", purpose="batch") == {"ok": True}
