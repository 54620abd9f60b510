"""What real servers and proxies send: compressed bodies, redirects, foreign bodies, errors
inside 200 streams, very large events and multipart edge cases, on every face and transport.

Each test runs against a loopback server over real sockets, on the sync client (its default
http.client transport, and urllib3's where the transport matters) and on the async client.
"""

from __future__ import annotations

import asyncio
import gzip
import io
import json
import zlib
from typing import Any, Callable, Dict, List, Optional

import pytest

import openai_rest
from conftest import KEY, Scripted, async_client
from loopback import LoopbackServer, Received, Reply

FACES = ["sync", "urllib3", "async", "async-aiohttp"]
"""The sync client on http.client and on urllib3; the async one on its default transport
(AsyncioTransport) and on AiohttpTransport."""
SSE = {"Content-Type": "text/event-stream"}
CHAT_EVENTS = b'data: {"n": 1}\n\ndata: {"n": 2}\n\ndata: [DONE]\n\n'


class Face:
    """One way of calling: ``call(name, ...)`` returns the result, ``items(name, ...)`` a
    stream's items as a list; the async face runs each call in its own event loop."""

    def __init__(self, kind: str, config: openai_rest.Config) -> None:
        self.kind = kind
        self.config = config

    def _sync_client(self) -> openai_rest.Client:
        if self.kind == "urllib3":
            pytest.importorskip("urllib3")
            from openai_rest.transports import Urllib3Transport

            return openai_rest.Client(self.config, transport=Urllib3Transport())
        return openai_rest.Client(self.config)

    def call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        return self._run(name, args, kwargs, stream=False)

    def items(self, name: str, *args: Any, **kwargs: Any) -> List[Any]:
        kwargs.setdefault("stream", True)
        return self._run(name, args, kwargs, stream=True)  # type: ignore[no-any-return]

    def _run(self, name: str, args: Any, kwargs: Any, stream: bool) -> Any:
        if not self.kind.startswith("async"):
            with self._sync_client() as client:
                result = getattr(client, name)(*args, **kwargs)
                return list(result) if stream else result

        async def main() -> Any:
            transport = "AiohttpTransport" if self.kind == "async-aiohttp" else ""
            async with async_client(self.config, transport) as client:
                result = await getattr(client, name)(*args, **kwargs)
                if stream:
                    return [item async for item in result]
                if isinstance(result, openai_rest.transports.Response):  # pragma: no cover
                    return result
                if hasattr(result, "__aiter__"):
                    return b"".join([chunk async for chunk in result])
                return result

        return asyncio.run(main())


@pytest.fixture(params=FACES)
def face(request: Any, server: Scripted) -> Face:
    return Face(request.param, server.config(max_retries=0))


def pieces(data: bytes, size: int) -> List[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


def raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


HEADER = {"deflate-raw": "deflate", "gzip-members": "gzip"}
CODINGS: Dict[str, Callable[[bytes], bytes]] = {
    "gzip": gzip.compress,
    "x-gzip": gzip.compress,
    "deflate": zlib.compress,
    "deflate-raw": raw_deflate,
    "gzip-members": lambda data: gzip.compress(data[:7]) + gzip.compress(data[7:]),
}


# --- 1. compressed bodies -----------------------------------------------------------------


@pytest.mark.parametrize("coding", sorted(CODINGS))
def test_compressed_json_is_decoded_even_unasked(server: Scripted, face: Face, coding: str) -> None:
    body = json.dumps({"object": "list", "data": [{"id": "m"}] * 50}).encode()
    header = HEADER.get(coding, coding)
    server.default = lambda r: Reply(
        body=CODINGS[coding](body),
        headers={"Content-Type": "application/json", "Content-Encoding": header},
    )
    assert face.call("models") == json.loads(body)


@pytest.mark.parametrize("coding", ["gzip", "deflate", "deflate-raw"])
def test_compressed_streams_are_decoded_chunk_by_chunk(
    server: Scripted, face: Face, coding: str
) -> None:
    events = b"".join(b'data: {"n": %d}\n\n' % n for n in range(200)) + b"data: [DONE]\n\n"
    header = HEADER.get(coding, coding)
    server.default = lambda r: Reply(
        body=pieces(CODINGS[coding](events), 97),
        headers={**SSE, "Content-Encoding": header},
    )
    got = face.items("chat_completion", model="m", messages=[])
    assert [item["n"] for item in got] == list(range(200))


def test_a_corrupt_compressed_body_is_our_error(server: Scripted, face: Face) -> None:
    server.default = lambda r: Reply(
        body=gzip.compress(b'{"a": 1}')[:-12] + b"garbage!",
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
    )
    with pytest.raises(openai_rest.OpenAIError):
        face.call("models")


def test_accept_encoding_asks_gzip_for_json_and_identity_for_streams(
    server: Scripted, face: Face
) -> None:
    face.call("models")
    assert "gzip" in server.received[-1].headers["accept-encoding"]
    server.default = lambda r: Reply(body=[CHAT_EVENTS], headers=SSE)
    face.items("chat_completion", model="m", messages=[])
    assert server.received[-1].headers["accept-encoding"] == "identity"


def test_a_users_accept_encoding_is_sent_as_given_and_only_once(server: Scripted) -> None:
    own = {"headers": {"accept-ENCODING": "br"}}
    with openai_rest.Client(server.config(http_options=own)) as client:
        client.models()
        assert server.received[-1].headers["accept-encoding"] == "br"
        client.models(extra_headers={"Accept-Encoding": "zstd", "ACCEPT-ENCODING": None})
        assert server.received[-1].headers["accept-encoding"] == "gzip, deflate"  # dropped: ours
    with openai_rest.Client(server.config()) as client:
        client.models(extra_headers={"Accept-encoding": "zstd"})
        assert server.received[-1].headers["accept-encoding"] == "zstd"


# --- 2. redirects --------------------------------------------------------------------------


def moved(status: int, to: str) -> Callable[[Received], Optional[Reply]]:
    """Answers ``status`` with ``Location: to`` on /old/..., a JSON echo elsewhere."""

    def answer(received: Received) -> Reply:
        if "/old/" in received.path:
            return Reply(status, body=b"<html>moved</html>", headers={"Location": to})
        echo = {"method": received.method, "path": received.path, "size": received.size}
        return Reply(json=echo)

    return answer


@pytest.mark.parametrize("status", [307, 308])
def test_307_and_308_keep_the_method_and_replay_the_body(server: Scripted, status: int) -> None:
    for kind in FACES:
        server.received.clear()
        server.default = moved(status, "/v1/chat/completions")
        config = server.config(api_url=server.base_url.replace("/v1", "/old/v1"))
        result = Face(kind, config).call("chat_completion", model="m", messages=[])
        first, second = server.received
        assert (result["method"], result["path"]) == ("POST", "/v1/chat/completions")
        assert second.body == first.body and second.size > 0
        assert second.headers["authorization"] == f"Bearer {KEY}"  # same origin keeps it


@pytest.mark.parametrize("status", [301, 302, 303])
def test_301_302_303_turn_a_post_into_a_get_without_a_body(
    server: Scripted, face: Face, status: int
) -> None:
    server.default = moved(status, "/v1/somewhere")
    result = face.call("request", "POST", "/old/thing", {"a": 1})
    assert result == {"method": "GET", "path": "/v1/somewhere", "size": 0}
    assert "content-type" not in server.received[-1].headers


def test_a_streamed_call_and_binary_bodies_follow_redirects(server: Scripted, face: Face) -> None:
    def answer(received: Received) -> Reply:
        if received.path.startswith("/old/"):
            return Reply(308, body=b"<html>moved</html>", headers={"Location": "/v1/new"})
        if b'"stream":true' in received.body:
            return Reply(body=[CHAT_EVENTS], headers=SSE)
        return Reply(body=b"ID3-audio-bytes", headers={"Content-Type": "audio/mpeg"})

    server.default = answer
    old = server.base_url.replace("/v1", "/old/v1")
    moved_face = Face(face.kind, server.config(api_url=old))
    assert [i["n"] for i in moved_face.items("chat_completion", model="m", messages=[])] == [1, 2]
    audio = moved_face.call("audio_speech", model="tts-1", input="hi", voice="alloy")
    assert bytes(audio) == b"ID3-audio-bytes"
    info = openai_rest.response_of(audio)
    assert info.url.endswith("/v1/new")


def test_client_request_against_a_307_gets_the_final_answer(server: Scripted, face: Face) -> None:
    server.default = moved(307, "/v1/final")
    assert face.call("request", "GET", "/old/x") == {
        "method": "GET",
        "path": "/v1/final",
        "size": 0,
    }


def test_a_redirect_loop_and_too_many_hops_are_typed_errors(server: Scripted, face: Face) -> None:
    server.default = lambda r: Reply(
        302, headers={"Location": "/v1/old/b" if r.path.endswith("/a") else "/v1/old/a"}
    )
    with pytest.raises(openai_rest.RedirectError, match="loop") as caught:
        face.call("request", "GET", "/old/a")
    assert caught.value.status_code == 302 and caught.value.location.endswith("/v1/old/a")
    hops = iter(range(100))
    server.default = lambda r: Reply(307, headers={"Location": f"/hop/{next(hops)}"})
    with pytest.raises(openai_rest.RedirectError, match="more than 5 redirects"):
        face.call("models")
    assert len(server.received) <= 2 + 7


def test_a_3xx_without_location_is_an_error_not_a_result(server: Scripted, face: Face) -> None:
    server.default = lambda r: Reply(302, body=b"<html>nowhere</html>")
    with pytest.raises(openai_rest.APIStatusError) as caught:
        face.call("request", "GET", "/thing")
    assert caught.value.status_code == 302


def test_a_redirect_to_another_origin_is_a_typed_error_naming_it(server: Scripted) -> None:
    with LoopbackServer(lambda r: Reply(json={"elsewhere": True})) as other:
        target = other.base_url.replace("127.0.0.1", "localhost") + "/files/x/content"
        server.default = moved(307, target)
        config = server.config(
            api_url=server.base_url.replace("/v1", "/old/v1"),
            organization_key="org-secret",
            project="proj-secret",
        )
        for kind in FACES:
            with pytest.raises(openai_rest.RedirectError, match="another origin") as caught:
                Face(kind, config).call("models")
            assert caught.value.location == target and target in str(caught.value)
            assert KEY not in str(caught.value) and caught.value.status_code == 307
        assert other.received == []


def test_a_307_replays_an_upload_from_a_path_and_from_a_file_object(
    server: Scripted, face: Face, tmp_path: Any
) -> None:
    server.default = lambda r: (
        Reply(307, headers={"Location": "/v1/files"}) if r.path.startswith("/old/") else None
    )
    upload = tmp_path / "train.jsonl"
    upload.write_bytes(b'{"a": 1}\n' * 5000)
    moved_face = Face(face.kind, server.config(api_url=server.base_url.replace("/v1", "/old/v1")))
    for source in (upload, io.BytesIO(upload.read_bytes())):
        server.received.clear()
        moved_face.call("files_upload", source, purpose="batch")
        first, second = server.received
        assert first.file_sha256 == second.file_sha256 != ""
        assert second.size == first.size == int(second.headers["content-length"])


# --- 3. nothing foreign escapes -------------------------------------------------------------


@pytest.mark.parametrize(
    "content_type, body",
    [
        ("text/html", b"<html><body><h1>502 Bad Gateway</h1></body></html>"),
        ("text/plain", b"upstream connect error"),
        ("application/json", b""),
        ("text/event-stream", b"<html>oops</html>"),
    ],
)
def test_a_2xx_non_event_answer_to_a_stream_request(
    server: Scripted, face: Face, content_type: str, body: bytes
) -> None:
    server.default = lambda r: Reply(
        body=[body] if body else b"", headers={"Content-Type": content_type}
    )
    with pytest.raises(openai_rest.OpenAIError) as caught:
        face.items("chat_completion", model="m", messages=[])
    text = str(caught.value)
    if body and content_type != "text/event-stream":
        assert isinstance(caught.value, openai_rest.APIResponseValidationError)
        assert "status 200" in text and content_type in text
        assert ("Bad Gateway" if b"Bad" in body else "upstream connect") in text


def test_media_types_are_case_insensitive_and_done_may_carry_whitespace(
    server: Scripted, face: Face
) -> None:
    server.default = lambda r: Reply(
        body=[b'data: {"n": 1}\n\n', b"data: [DONE] \n\n", b'data: {"n": "after"}\n\n'],
        headers={"Content-Type": "Text/Event-Stream; charset=utf-8"},
    )
    assert face.items("chat_completion", model="m", messages=[]) == [{"n": 1}]


def test_a_json_answer_to_a_stream_request_is_one_item(server: Scripted, face: Face) -> None:
    server.default = lambda r: Reply(json={"object": "chat.completion", "choices": []})
    assert face.items("chat_completion", model="m", messages=[]) == [
        {"object": "chat.completion", "choices": []}
    ]


def test_odd_event_shapes_and_invalid_utf8(server: Scripted, face: Face) -> None:
    server.default = lambda r: Reply(
        body=[
            b'data: {"type": ["a"]}\n\n',
            b'data: {"type": "response.output_text.delta", "delta": "caf\xc3"}\n\n',
            b'data: {"type": "response.completed", "response": {}}\n\n',
        ],
        headers=SSE,
    )
    got = face.items("responses_create", model="m", input="hi")
    assert got[0] == {"event": None, "data": {"type": ["a"]}}
    assert got[1]["data"]["delta"] == "caf\ufffd"
    assert got[2]["event"] == "response.completed"
    server.default = lambda r: Reply(
        body=[b'data: {"n": "caf\xc3"}\n\ndata: [DONE]\n\n'], headers=SSE
    )
    assert face.items("chat_completion", model="m", messages=[]) == [{"n": "caf\ufffd"}]


def test_a_non_json_chat_event_is_a_validation_error(server: Scripted, face: Face) -> None:
    server.default = lambda r: Reply(body=[b'data: {"n": 1}\n\ndata: <html>\n\n'], headers=SSE)
    with pytest.raises(openai_rest.APIResponseValidationError, match="event 2 is not"):
        face.items("chat_completion", model="m", messages=[])


def test_numpy_embeddings_of_nested_lists_say_what_is_wrong(server: Scripted, face: Face) -> None:
    pytest.importorskip("numpy")
    server.default = lambda r: Reply(json={"data": [{"embedding": [[0.1, 0.2], [0.3, 0.4]]}]})
    with pytest.raises(openai_rest.APIResponseValidationError, match="one per token"):
        face.call("embeddings", model="m", input="hi", numpy=True)
    for odd in (
        {"data": [{"embedding": 5}]},
        {"data": [1]},
        {"data": [{"embedding": [0.1]}, {"embedding": [0.1, 0.2]}]},
    ):
        server.default = lambda r, odd=odd: Reply(json=odd)  # type: ignore[misc]
        with pytest.raises(openai_rest.APIResponseValidationError, match="embeddings"):
            face.call("embeddings", model="m", input="hi", numpy=True)


@pytest.mark.parametrize(
    "status, content_type, body, error, says",
    [
        (200, "application/json", b"", openai_rest.APIResponseValidationError, "an empty body"),
        (200, "text/html", b"<html><p>Welcome to nginx!</p></html>", None, "Welcome to nginx!"),
        (
            404,
            "application/json",
            b'{"detail": "Not Found"}',
            openai_rest.NotFoundError,
            "Not Found",
        ),
        (
            422,
            "application/json",
            b'{"detail": [{"loc": ["body", "model"], "msg": "Field required", "type": "missing"}]}',
            openai_rest.UnprocessableEntityError,
            "body.model: Field required",
        ),
        (
            502,
            "text/plain",
            b"upstream timed out",
            openai_rest.InternalServerError,
            "upstream timed out",
        ),
        (200, "application/json", b'{"a": "caf\xc3"}', None, ""),
    ],
)
def test_foreign_bodies_become_our_errors(
    server: Scripted,
    face: Face,
    status: int,
    content_type: str,
    body: bytes,
    error: Any,
    says: str,
) -> None:
    server.default = lambda r: Reply(status, body=body, headers={"Content-Type": content_type})
    if error is None and not says:
        assert face.call("models") == {"a": "caf\ufffd"}
        return
    with pytest.raises(error or openai_rest.APIResponseValidationError) as caught:
        face.call("models")
    assert says in str(caught.value)
    assert f"{status}" in str(caught.value)


# --- 4. errors inside 200 streams ---------------------------------------------------------


def test_error_null_in_a_chat_chunk_is_no_error(server: Scripted, face: Face) -> None:
    server.default = lambda r: Reply(
        body=[b'data: {"n": 1, "error": null}\n\ndata: {"n": 2}\n\ndata: [DONE]\n\n'], headers=SSE
    )
    assert face.items("chat_completion", model="m", messages=[]) == [
        {"n": 1, "error": None},
        {"n": 2},
    ]


@pytest.mark.parametrize("name", ["responses_create", "chat_completion"])
def test_a_bare_error_object_in_a_200_stream_raises_with_its_message(
    server: Scripted, face: Face, name: str
) -> None:
    error = b'data: {"error": {"message": "upstream exploded", "type": "api_error", "code": "500"}}'
    server.default = lambda r: Reply(
        body=[
            b'data: {"type": "response.created", "response": {"error": null}}\n\n',
            error + b"\n\n",
        ],
        headers=SSE,
    )
    kwargs: Dict[str, Any] = (
        {"model": "m", "input": "x"}
        if name.startswith("resp")
        else {
            "model": "m",
            "messages": [],
        }
    )
    seen: List[Any] = []
    with pytest.raises(openai_rest.APIStatusError, match="upstream exploded") as caught:
        if face.kind.startswith("async"):
            seen = face.items(name, **kwargs)
        else:
            with openai_rest.Client(face.config) as client:
                for item in getattr(client, name)(stream=True, **kwargs):
                    seen.append(item)
    assert caught.value.code == "500"
    if not face.kind.startswith("async"):
        assert len(seen) == 1  # the event before the error was delivered


# --- 5. a large event ------------------------------------------------------------------------


def test_a_4mb_event_in_small_pieces(server: Scripted, face: Face) -> None:
    image = "A" * (4 * 1024 * 1024)
    event = json.dumps({"type": "response.image_generation_call.partial_image", "b64": image})
    body = b"event: response.image_generation_call.partial_image\ndata: " + event.encode()
    body += b'\n\ndata: {"type": "response.completed", "response": {}}\n\n'
    server.default = lambda r: Reply(body=pieces(body, 1400), headers=SSE)
    got = face.items("responses_create", model="m", input="draw")
    assert len(got[0]["data"]["b64"]) == len(image) and got[1]["event"] == "response.completed"


# --- 6. multipart framing and injection --------------------------------------------------------


def test_a_file_positioned_past_its_end_keeps_the_framing(server: Scripted, face: Face) -> None:
    data = io.BytesIO(b"0123456789")
    data.seek(100)
    face.call("files_upload", ("a.txt", data), purpose="batch")
    face.call("models")  # the next request on the same connection is intact
    upload, after = server.received
    assert upload.size == int(upload.headers["content-length"])
    assert after.path == "/v1/models" and after.method == "GET"


def test_filenames_are_percent_encoded_and_bytes_names_work(server: Scripted, face: Face) -> None:
    face.call("files_upload", ('evil\r\nX-Injected: 1".txt', b"x"), purpose="batch")
    assert b'filename="evil%0D%0AX-Injected: 1%22.txt"' in server.received[-1].body
    face.call("files_upload", ("caf\u00e9.txt".encode(), b"x"), purpose="batch")
    assert 'filename="caf\u00e9.txt"'.encode() in server.received[-1].body


@pytest.mark.parametrize(
    "value, says",
    [
        (("a.txt", b"x", "text/plain\r\nX-Injected: 1"), "content type"),
        ((b"\xff.txt", b"x"), "not UTF-8"),
        ((7, b"x"), "filename is a str"),
    ],
)
def test_injection_and_odd_names_fail_before_sending(
    server: Scripted, face: Face, value: Any, says: str
) -> None:
    with pytest.raises((ValueError, TypeError), match=says):
        face.call("files_upload", value, purpose="batch")
    assert server.received == []


def test_a_line_break_in_a_field_name_is_refused(server: Scripted, face: Face) -> None:
    with pytest.raises(ValueError, match="field name"):
        face.call("files_upload", b"x", purpose="batch", extra_body={"a\r\nb": "1"})
    assert server.received == []


def test_no_content_is_none_and_a_plain_text_error_event_keeps_its_text(
    server: Scripted, face: Face
) -> None:
    server.default = lambda r: Reply(204)
    assert face.call("request", "DELETE", "/things/1") is None
    server.default = lambda r: Reply(
        body=[b'data: {"type": "response.created"}\n\nevent: error\ndata: model overloaded\n\n'],
        headers=SSE,
    )
    with pytest.raises(openai_rest.APIStatusError, match="model overloaded"):
        face.items("responses_create", model="m", input="x")


def test_a_tab_in_a_content_type_is_allowed(server: Scripted, face: Face) -> None:
    face.call("files_upload", ("a.txt", b"x", "text/plain;\tcharset=utf-8"), purpose="batch")
    assert b"Content-Type: text/plain;\tcharset=utf-8\r\n" in server.received[-1].body
