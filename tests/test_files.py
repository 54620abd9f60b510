"""File arguments of every kind, streamed with an exact Content-Length, never read whole."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import openai_rest
from conftest import Scripted
from loopback import Reply
from openai_rest._multipart import FilePart, MultipartBody

CONTENT = b'{"prompt": "x"}\n' * 500


def part_of(body: bytes, name: str) -> bytes:
    marker = f'name="{name}"'.encode()
    start = body.index(marker)
    head_end = body.index(b"\r\n\r\n", start) + 4
    return body[head_end : body.index(b"\r\n--", head_end)]


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "train.jsonl"
    path.write_bytes(CONTENT)
    return path


def read_pipe() -> io.BufferedReader:
    read_fd, write_fd = os.pipe()
    os.write(write_fd, CONTENT)
    os.close(write_fd)
    return os.fdopen(read_fd, "rb")


@pytest.mark.parametrize(
    ("make", "filename", "content_type"),
    [
        (lambda p: str(p), "train.jsonl", "application/jsonl"),
        (lambda p: p, "train.jsonl", "application/jsonl"),
        (lambda p: CONTENT, "file", "application/octet-stream"),
        (lambda p: open(p, "rb"), "train.jsonl", "application/jsonl"),
        (lambda p: io.BytesIO(CONTENT), "file", "application/octet-stream"),
        (lambda p: ("data.txt", CONTENT), "data.txt", "text/plain"),
        (
            lambda p: ("x.bin", open(p, "rb"), "application/x-custom"),
            "x.bin",
            "application/x-custom",
        ),
        (lambda p: ("piped.jsonl", read_pipe()), "piped.jsonl", "application/jsonl"),
    ],
    ids=["str", "pathlike", "bytes", "file", "bytesio", "tuple", "tuple-type", "pipe"],
)
def test_every_kind_of_file_argument(
    server: Scripted, client: openai_rest.Client, data_file: Path, make, filename, content_type
) -> None:
    result = client.files_upload(make(data_file), purpose="fine-tune")
    assert result == {"ok": True}
    got = server.received[0]
    assert int(got.headers["content-length"]) == got.size == len(got.body)
    assert "transfer-encoding" not in got.headers
    assert part_of(got.body, "file") == CONTENT
    assert part_of(got.body, "purpose") == b"fine-tune"
    assert f'filename="{filename}"'.encode() in got.body
    assert f"Content-Type: {content_type}".encode() in got.body


def test_missing_path_fails_before_any_request(
    server: Scripted, client: openai_rest.Client
) -> None:
    with pytest.raises(FileNotFoundError, match=r"nope\.jsonl"):
        client.files_upload("nope.jsonl", purpose="batch")
    with pytest.raises(TypeError, match="text mode"):
        client.files_upload(io.StringIO("text"), purpose="batch")
    assert server.received == []


def test_scalars_and_lists_become_form_fields(server: Scripted, client: openai_rest.Client) -> None:
    client.audio_transcription(
        ("talk.mp3", b"ID3fake"),
        model="whisper-1",
        temperature=0.5,
        timestamp_granularities=["word", "segment"],
    )
    body = server.received[0].body
    assert body.count(b'name="timestamp_granularities[]"') == 2
    assert part_of(body, "temperature") == b"0.5"


def test_audio_needs_a_name_with_an_extension(server: Scripted, client: openai_rest.Client) -> None:
    client.audio_transcription(b"RIFF....WAVEfmt ", model="whisper-1")  # sniffed: a WAV
    assert b'filename="audio.wav"' in server.received[0].body
    with pytest.raises(ValueError, match="audio extension"):
        client.audio_transcription(b"no idea what this is", model="whisper-1")
    assert len(server.received) == 1


def test_multipart_length_is_exact() -> None:
    body = MultipartBody([("purpose", "x")], [FilePart("file", ("a.txt", b"abc"))])
    assert body.length == len(body.read_all())
    assert body.read_all() == body.read_all()  # replayable


UPLOAD_SCRIPT = textwrap.dedent(
    """
    import sys
    import openai_rest
    path, base_url, mode = sys.argv[1:4]
    client = openai_rest.Client(openai_rest.Config(api_key="sk-x", api_url=base_url))
    source = path if mode == "path" else open(path, "rb")
    result = client.files_upload(source, purpose="batch")
    # VmHWM, not ru_maxrss: after fork+exec, ru_maxrss may report the parent's peak
    status = open("/proc/self/status").read()
    peak_mb = int(status.split("VmHWM:")[1].split()[0]) / 1024
    print(result["sha256"], result["size"], round(peak_mb, 1))
    """
)


@pytest.mark.parametrize("mode", ["path", "fileobj"])
def test_300_mb_upload_keeps_memory_flat(server: Scripted, tmp_path: Path, mode: str) -> None:
    size = 300 * 1024 * 1024
    path = tmp_path / "big.bin"
    digest = hashlib.sha256()
    block = os.urandom(1024 * 1024)
    with open(path, "wb") as handle:
        for _ in range(size // len(block)):
            handle.write(block)
            digest.update(block)
    server.server.keep_body_up_to = 0  # the server hashes the file part as it streams in
    server.default = lambda got: Reply(json={"sha256": got.file_sha256, "size": got.size})
    out = subprocess.run(
        [sys.executable, "-c", UPLOAD_SCRIPT, str(path), server.base_url, mode],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout.split()
    file_sha, body_size, peak_mb = out[0], int(out[1]), float(out[2])
    assert body_size > size  # the multipart body: the file plus its framing
    assert file_sha == digest.hexdigest()  # the server got identical bytes
    assert peak_mb < 32, f"peak RSS {peak_mb} MB for a 300 MB upload"
