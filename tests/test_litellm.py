"""The client against LiteLLM's proxy (PyPI ``litellm[proxy]``) with ``mock_response`` models:
chat, streamed chat, embeddings, and the errors the proxy makes (mock exceptions, an upstream
that fails inside its stream, an error body sent as an event stream).

LiteLLM lives in its own virtual environment so its pins never touch ours:
``bash scripts/services/litellm.sh`` makes ``~/.cache/openai-rest/litellm-venv``. The tests
find the ``litellm`` binary there, at ``$OPENAI_REST_LITELLM``, or on PATH, and skip with
``service absent: litellm-proxy`` otherwise. One proxy serves the module (~12 s to start).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
from pathlib import Path
from typing import Any, Iterator, List, Optional

import pytest

import openai_rest
from conftest import ASYNC_TRANSPORTS, async_client
from daemons import free_port, running
from loopback import LoopbackServer, Received, Reply
from services import require

MASTER_KEY = "sk-litellm-master-0123456789"
MOCK_TEXT = "Hello from LiteLLM's mock"
UPSTREAM_ERROR = "upstream overloaded mid-stream"

CONFIG = """
model_list:
  - model_name: mock-chat
    litellm_params:
      model: openai/gpt-4o-mini
      api_key: sk-upstream-unused
      mock_response: "{text}"
  - model_name: mock-rate-limited
    litellm_params:
      model: openai/gpt-4o-mini
      api_key: sk-upstream-unused
      mock_response: "litellm.RateLimitError"
  - model_name: mock-stream-error
    litellm_params:
      model: openai/gpt-4o-mini
      api_key: sk-upstream-unused
      mock_response: "Exception: mock_streaming_error"
  - model_name: mock-embed
    litellm_params:
      model: openai/text-embedding-3-small
      api_key: sk-upstream-unused
      mock_response: [0.25, 0.5, 0.75]
  - model_name: flaky-upstream
    litellm_params:
      model: openai/gpt-4o-mini
      api_key: sk-upstream-unused
      api_base: {upstream}
general_settings:
  master_key: {key}
litellm_settings:
  num_retries: 0
  request_timeout: 20
"""


def litellm_binary() -> Optional[str]:
    candidates = [
        os.environ.get("OPENAI_REST_LITELLM") or "",
        str(Path.home() / ".cache/openai-rest/litellm-venv/bin/litellm"),
        shutil.which("litellm") or "",
    ]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


def flaky_upstream(received: Received) -> Reply:
    """An OpenAI-compatible upstream whose streams break with an error event after one chunk."""
    chunk = (
        b'data: {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "m", '
        b'"choices": [{"index": 0, "delta": {"role": "assistant", "content": "Hel"}, '
        b'"finish_reason": null}]}\n\n'
    )
    error = b'data: {"error": {"message": "' + UPSTREAM_ERROR.encode() + b'", "code": "503"}}\n\n'
    return Reply(body=[chunk, error], headers={"Content-Type": "text/event-stream"})


def answers_health(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"GET /health/liveliness HTTP/1.1\r\nHost: x\r\n\r\n")
            return sock.recv(64).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


@pytest.fixture(scope="module")
def litellm(tmp_path_factory: Any) -> Iterator[str]:
    """The proxy's base URL (``http://127.0.0.1:PORT/v1``)."""
    binary = litellm_binary()
    require("litellm-proxy", None if binary else "not installed (bash scripts/services/litellm.sh)")
    assert binary is not None
    tmp = tmp_path_factory.mktemp("litellm")
    with LoopbackServer(flaky_upstream) as upstream:
        config = tmp / "config.yaml"
        config.write_text(CONFIG.format(text=MOCK_TEXT, upstream=upstream.base_url, key=MASTER_KEY))
        port = free_port()
        env = {
            "LITELLM_LOCAL_MODEL_COST_MAP": "True",  # no download of the price list at start
            "LITELLM_TELEMETRY": "False",
            "NO_PROXY": "*",
        }
        command = [binary, "--config", str(config), "--host", "127.0.0.1", "--port", str(port)]
        with running(command, lambda: answers_health(port), tmp / "litellm.log", env):
            yield f"http://127.0.0.1:{port}/v1"


def config(base_url: str) -> openai_rest.Config:
    return openai_rest.Config(api_key=MASTER_KEY, api_url=base_url, max_retries=0)


MESSAGES = [{"role": "user", "content": "hi"}]


@pytest.mark.parametrize("async_transport", ASYNC_TRANSPORTS)
def test_chat_and_streamed_chat(litellm: str, async_transport: str) -> None:
    with openai_rest.Client(config(litellm)) as client:
        answer = client.chat_completion(model="mock-chat", messages=MESSAGES)
        assert answer["choices"][0]["message"]["content"] == MOCK_TEXT
        chunks = list(client.chat_completion(model="mock-chat", messages=MESSAGES, stream=True))
    text = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c["choices"])
    assert text == MOCK_TEXT

    async def main() -> List[Any]:
        async with async_client(config(litellm), async_transport) as client:
            stream = await client.chat_completion(model="mock-chat", messages=MESSAGES, stream=True)
            return [chunk async for chunk in stream]

    chunks = asyncio.run(main())
    text = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c["choices"])
    assert text == MOCK_TEXT


def test_embeddings_as_floats_and_numpy(litellm: str) -> None:
    with openai_rest.Client(config(litellm)) as client:
        floats = client.embeddings(model="mock-embed", input="hi")  # asks base64, gets floats
        assert floats["data"][0]["embedding"] == [0.25, 0.5, 0.75]
        numpy = pytest.importorskip("numpy")
        matrix = client.embeddings(model="mock-embed", input=["a"], numpy=True)
        row = matrix["data"][0]["embedding"]
        assert isinstance(row, numpy.ndarray) and row.tolist() == [0.25, 0.5, 0.75]


def test_mock_exceptions_are_typed_errors(litellm: str) -> None:
    with openai_rest.Client(config(litellm)) as client:
        with pytest.raises(openai_rest.RateLimitError, match="mock rate limit error") as caught:
            client.chat_completion(model="mock-rate-limited", messages=MESSAGES)
        assert caught.value.status_code == 429 and caught.value.code == "429"
        with pytest.raises(openai_rest.InternalServerError, match="mock error raised mid-stream"):
            list(client.chat_completion(model="mock-stream-error", messages=MESSAGES, stream=True))
        with pytest.raises(openai_rest.APIStatusError) as refused:  # 400 "No connected db"
            client.with_config(api_key="sk-wrong").models()
        assert refused.value.status_code in (400, 401) and "sk-wrong" not in str(refused.value)


def test_an_error_inside_a_200_stream_raises_with_the_servers_message(litellm: str) -> None:
    seen: List[Any] = []
    client = openai_rest.Client(config(litellm))
    with client, pytest.raises(openai_rest.APIStatusError, match=UPSTREAM_ERROR) as caught:
        for chunk in client.chat_completion(model="flaky-upstream", messages=MESSAGES, stream=True):
            seen.append(chunk)
    assert caught.value.status_code == 200  # the error came inside the stream


def test_an_error_body_sent_as_an_event_stream(litellm: str) -> None:
    """LiteLLM answers a failed Responses stream with 500 and ``data: {"error": ...}``."""
    with openai_rest.Client(config(litellm)) as client:
        try:
            events = list(client.responses_create(model="flaky-upstream", input="hi", stream=True))
        except openai_rest.APIStatusError as error:
            assert "data: {" not in str(error)  # the message, not the raw event stream
            assert error.message and error.status_code >= 400
        else:  # a LiteLLM that bridges Responses to chat streams: the upstream's error
            pytest.fail(f"no error from a failing upstream: {events[-1:]}")
