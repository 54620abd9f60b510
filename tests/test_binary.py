"""Binary answers: bytes, chunk streams, and downloads written to disk in constant memory."""

from __future__ import annotations

import asyncio
import io
import os
from pathlib import Path
from typing import Any

import pytest

import openai_rest
from conftest import Scripted
from loopback import Reply

AUDIO = os.urandom(300_000)


def audio(got: Any) -> Reply:
    pieces = [AUDIO[i : i + 65536] for i in range(0, len(AUDIO), 65536)]
    return Reply(body=pieces, headers={"Content-Type": "audio/mpeg"})


def test_speech_as_bytes_chunks_and_file(server: Scripted, tmp_path: Path) -> None:
    server.default = audio
    client = openai_rest.Client(server.config())
    params: Any = {"model": "tts-1", "voice": "alloy", "input": "hello"}
    assert client.audio_speech(**params) == AUDIO
    with client.audio_speech(**params, stream=True) as chunks:
        received = list(chunks)
    assert b"".join(received) == AUDIO and len(received) > 1
    assert openai_rest.response_of(chunks).status_code == 200
    target = tmp_path / "speech.mp3"
    saved = client.audio_speech(**params, to=target)
    assert saved == str(target) and target.read_bytes() == AUDIO
    assert openai_rest.response_of(saved).headers["content-type"] == "audio/mpeg"
    buffer = io.BytesIO()
    assert client.audio_speech(**params, to=buffer) == len(AUDIO)
    assert buffer.getvalue() == AUDIO
    for got in server.received:  # the local options never reach the API
        assert b'"stream"' not in got.body and b'"to"' not in got.body


def test_async_download_to_path(server: Scripted, tmp_path: Path) -> None:
    server.default = audio
    target = tmp_path / "content.bin"

    async def main() -> Any:
        async with openai_rest.AsyncClient(server.config()) as client:
            chunks = await client.audio_speech(model="m", voice="v", input="x", stream=True)
            streamed = b"".join([c async for c in chunks])
            saved = await client.files_content("file-1", to=target)
            return streamed, saved

    streamed, saved = asyncio.run(main())
    assert streamed == AUDIO and saved == str(target) and target.read_bytes() == AUDIO


def test_a_failed_download_leaves_no_file(server: Scripted, tmp_path: Path) -> None:
    server.default = lambda got: Reply(404, json={"error": {"message": "no such file"}})
    target = tmp_path / "out.jsonl"
    with pytest.raises(openai_rest.NotFoundError, match="no such file"):
        openai_rest.Client(server.config()).files_content("file-x", to=target)
    assert list(tmp_path.iterdir()) == []
    cut = [AUDIO[:1000]]  # the server promises more than it sends
    server.default = lambda got: Reply(body=cut, headers={"Content-Length": str(len(AUDIO))})
    with pytest.raises(openai_rest.APIConnectionError):
        openai_rest.Client(server.config(max_retries=0)).files_content("file-x", to=target)
    assert list(tmp_path.iterdir()) == []


def test_async_truncated_download_raises(server: Scripted, tmp_path: Path) -> None:
    cut = [AUDIO[:1000]]
    server.default = lambda got: Reply(body=cut, headers={"Content-Length": str(len(AUDIO))})
    target = tmp_path / "out.bin"

    async def main() -> Any:
        async with openai_rest.AsyncClient(server.config(max_retries=0)) as client:
            return await client.files_content("file-x", to=target)

    with pytest.raises(openai_rest.APIConnectionError):
        asyncio.run(main())
    assert list(tmp_path.iterdir()) == []


def test_stream_and_to_are_local_options_on_every_binary_endpoint(server: Scripted) -> None:
    server.default = audio
    client = openai_rest.Client(server.config())
    with client.files_content("file-1", stream=True) as chunks:
        assert b"".join(chunks) == AUDIO
    assert server.received[-1].path == "/v1/files/file-1/content"  # no ?stream=true
