"""The transport seam: every transport of ours passes the same calls; a user's plugs in."""

from __future__ import annotations

import json
from typing import Any, List

import pytest

import openai_rest
from conftest import Scripted
from loopback import Reply
from openai_rest.transports import Request, Response


@pytest.mark.parametrize("name", ["HTTPClientTransport", "Urllib3Transport"])
def test_our_sync_transports(server: Scripted, name: str, tmp_path: Any) -> None:
    pytest.importorskip("urllib3") if name == "Urllib3Transport" else None
    transport = getattr(openai_rest.transports, name)(server.base_url)
    client = openai_rest.Client(server.config(max_retries=1), transport=transport)
    server.replies = [Reply(reset=True)]
    assert client.models() == {"ok": True}  # a reset, retried
    upload = tmp_path / "a.jsonl"
    upload.write_bytes(b"{}\n" * 1000)
    assert client.files_upload(upload, purpose="batch") == {"ok": True}
    assert server.received[-1].size == int(server.received[-1].headers["content-length"])
    server.default = lambda r: Reply(
        body=[b'data: {"n": 1}\n\n', b'data: {"n": 2}\n\ndata: [DONE]\n\n'],
        headers={"Content-Type": "text/event-stream"},
    )
    assert [c["n"] for c in client.chat_completion(model="m", stream=True)] == [1, 2]
    client.close()


class Recording:
    """A user's own transport: answers from memory, records what the client sent."""

    def __init__(self) -> None:
        self.sent: List[Request] = []

    def handle_request(self, request: Request) -> Response:
        self.sent.append(request)
        body = json.dumps({"echo": json.loads(request.body or b"{}")}).encode()
        return Response(200, {"content-type": "application/json", "x-request-id": "r1"}, body)

    def close(self) -> None:
        pass


def test_a_users_transport_plugs_in() -> None:
    transport = Recording()
    config = openai_rest.Config(api_key="sk-plug", api_url="http://example.invalid/v1")
    client = openai_rest.Client(config, transport=transport)
    result = client.chat_completion(model="m", messages=[])
    assert result == {"echo": {"model": "m", "messages": []}}
    assert openai_rest.response_of(result).request_id == "r1"
    (sent,) = transport.sent
    assert sent.method == "POST" and sent.url == "http://example.invalid/v1/chat/completions"
    assert sent.headers["Authorization"] == "Bearer sk-plug"


def test_event_hooks_see_every_attempt(server: Scripted) -> None:
    import asyncio

    seen: List[Any] = []
    hooks = {
        "request": [lambda request: seen.append(("request", request.method))],
        "response": [lambda request, response: seen.append(("response", response.status))],
    }
    limited = Reply(429, json={"error": {"message": "slow"}}, headers={"retry-after-ms": "1"})
    server.replies = [limited]
    client = openai_rest.Client(server.config(max_retries=1), event_hooks=hooks)
    assert client.models() == {"ok": True}
    assert seen == [("request", "GET"), ("response", 429), ("request", "GET"), ("response", 200)]

    seen.clear()
    server.replies = [limited]

    async def main() -> Any:
        async with openai_rest.AsyncClient(server.config(), event_hooks=hooks) as aclient:
            return await aclient.models()

    assert asyncio.run(main()) == {"ok": True}
    assert [s for s in seen if s[0] == "response"] == [("response", 429), ("response", 200)]
    with pytest.raises(TypeError, match="event_hooks"):
        openai_rest.Client(event_hooks={"responce": []})
