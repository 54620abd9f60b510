"""Today's API through the emulator: Responses streams, streamed speech, large uploads."""

from __future__ import annotations

import asyncio
import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, List, Tuple

import pytest

import openai_rest


def test_responses_stream_events_and_accumulation(openai_emulator: Any) -> None:
    client = openai_rest.Client(openai_emulator.config())
    plain = client.responses_create(model="gpt-4o", input="Tell me about streams")
    accumulator = openai_rest.ResponseAccumulator()
    with client.responses_create(model="gpt-4o", input="Tell me about streams", stream=True) as s:
        events = [item["event"] for item in accumulator.iterate(s)]
        pass
    assert events[0] == "response.created" and events[-1] == "response.completed"
    assert "response.output_text.delta" in events
    final = accumulator.result()
    assert final["status"] == "completed" and final["object"] == "response"
    assert accumulator.output_text == openai_rest.output_text(plain)
    folded = openai_rest.accumulate(
        client.responses_create(model="gpt-4o", input="Tell me about streams", stream=True)
    )
    assert folded["output_text"] == openai_rest.output_text(plain)


def test_responses_chain_with_previous_response_id(openai_emulator: Any) -> None:
    client = openai_rest.Client(openai_emulator.config())
    first = client.responses_create(model="gpt-4o", input="My name is Ada.")
    second = client.responses_create(
        model="gpt-4o", input="What is my name?", previous_response_id=first["id"]
    )
    assert second["previous_response_id"] == first["id"]
    assert client.responses(second["id"])["id"] == second["id"]


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ("stream-error-after=2", openai_rest.APIStatusError),
        ("stream-cut-after=2", openai_rest.APIConnectionError),
    ],
)
def test_responses_stream_faults_raise(openai_emulator: Any, fault: str, error: type) -> None:
    client = openai_rest.Client(openai_emulator.config(max_retries=0))
    stream = client.responses_create(
        model="gpt-4o", input="hi", stream=True, extra_headers={"x-emulate-fault": fault}
    )
    with pytest.raises(error):
        list(stream)


def test_streamed_speech_to_a_path(openai_emulator: Any, tmp_path: Path) -> None:
    client = openai_rest.Client(openai_emulator.config())
    whole = client.audio_speech(model="tts-1", voice="alloy", input="Hello", response_format="wav")
    target = tmp_path / "hello.wav"
    saved = client.audio_speech(
        model="tts-1", voice="alloy", input="Hello", response_format="wav", to=target
    )
    assert saved == str(target) and target.read_bytes() == whole and whole[:4] == b"RIFF"
    with client.audio_speech(model="tts-1", voice="alloy", input="Hello", stream=True) as chunks:
        assert b"".join(chunks) == client.audio_speech(model="tts-1", voice="alloy", input="Hello")


def test_large_upload_in_parts_sync_and_async(openai_emulator: Any, tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(os.urandom(2_500_000))
    seen: List[Tuple[int, int]] = []
    client = openai_rest.Client(openai_emulator.config())
    upload = client.upload_large_file(
        path, purpose="batch", part_size=1_000_000, progress=lambda d, t: seen.append((d, t))
    )
    assert upload["status"] == "completed"
    assert seen == [(1_000_000, 2_500_000), (2_000_000, 2_500_000), (2_500_000, 2_500_000)]
    assert client.files_content(upload["file"]["id"]) == path.read_bytes()

    async def main() -> Any:
        async with openai_rest.AsyncClient(openai_emulator.config()) as aclient:
            return await aclient.upload_large_file(path, purpose="batch", part_size=700_000)

    done = asyncio.run(main())
    assert client.files_content(done["file"]["id"]) == path.read_bytes()


def test_a_failed_large_upload_is_cancelled(openai_emulator: Any, tmp_path: Path) -> None:
    path = tmp_path / "data.bin"
    path.write_bytes(b"x" * 3000)
    client = openai_rest.Client(openai_emulator.config(max_retries=0))
    # the progress callback fails after two parts: the upload is cancelled, the error raised
    sent: List[int] = []

    def refuse_third(done: int, total: int) -> None:
        sent.append(done)
        if len(sent) == 2:
            raise OSError("disk went away")

    with pytest.raises(OSError, match="disk went away"):
        client.upload_large_file(path, purpose="batch", part_size=1000, progress=refuse_third)
    upload = openai_emulator.state.uploads.values()[-1]
    assert upload["status"] == "cancelled" and sent == [1000, 2000]
    with pytest.raises(FileNotFoundError, match=r"missing\.bin"):
        client.upload_large_file(tmp_path / "missing.bin", purpose="batch")


LARGE = textwrap.dedent(
    """
    import sys
    import openai_rest
    path, base_url = sys.argv[1:3]
    client = openai_rest.Client(openai_rest.Config(api_key="sk-x", api_url=base_url))
    upload = client.upload_large_file(path, purpose="batch")
    status = open("/proc/self/status").read()
    peak_mb = int(status.split("VmHWM:")[1].split()[0]) / 1024
    print(upload["file"]["id"], upload["bytes"], round(peak_mb, 1))
    """
)


def test_300_mb_upload_large_file_stays_flat(openai_emulator: Any, tmp_path: Path) -> None:
    path = tmp_path / "big.bin"
    digest = hashlib.sha256()
    block = os.urandom(1024 * 1024)
    with open(path, "wb") as handle:
        for _ in range(300):
            handle.write(block)
            digest.update(block)
    out = subprocess.run(
        [sys.executable, "-c", LARGE, str(path), openai_emulator.base_url],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    ).stdout.split()
    file_id, size, peak_mb = out[0], int(out[1]), float(out[2])
    assert size == 300 * 1024 * 1024
    assert peak_mb < 32, f"peak RSS {peak_mb} MB"
    client = openai_rest.Client(openai_emulator.config())
    copy = tmp_path / "copy.bin"
    client.files_content(file_id, to=copy)  # streamed to disk, not held in memory
    received = hashlib.sha256()
    with open(copy, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            received.update(block)
    assert received.hexdigest() == digest.hexdigest()  # the parts reassembled byte-identical
