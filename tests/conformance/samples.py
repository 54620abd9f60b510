"""Small real files for the multipart rows: a 1x1 PNG, a short WAV, a JSONL training file."""

from __future__ import annotations

import struct
import wave
import zlib
from pathlib import Path
from typing import Dict


def png_bytes(width: int = 1, height: int = 1) -> bytes:
    """A valid RGBA PNG of one colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xff\x00\x00\xff" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def write_samples(folder: Path) -> Dict[str, str]:
    """Write the sample files into ``folder``; their paths by ``Sample`` name."""
    png = folder / "image.png"
    png.write_bytes(png_bytes())
    wav = folder / "speech.wav"
    with wave.open(str(wav), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\x00\x00" * 800)  # 0.1 s of silence
    jsonl = folder / "train.jsonl"
    jsonl.write_text('{"prompt": "hi", "completion": "hello"}\n', encoding="utf-8")
    return {path.name: str(path) for path in (png, wav, jsonl)}
