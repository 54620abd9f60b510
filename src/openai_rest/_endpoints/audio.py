"""Audio: speech (bytes), transcriptions and translations (dicts, or text for text formats)."""

from __future__ import annotations

import os

from .._endpoint import endpoint, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .._endpoint import Params, Route, RouteSpec
    from .._multipart import FileInput, FilePart

AUDIO_EXTENSIONS = frozenset(
    [".flac", ".m4a", ".mp3", ".mp4", ".mpeg", ".mpga", ".oga", ".ogg", ".wav", ".webm"]
)
_MAGIC = (
    (b"RIFF", ".wav"),
    (b"ID3", ".mp3"),
    (b"\xff\xfb", ".mp3"),
    (b"\xff\xf3", ".mp3"),
    (b"fLaC", ".flac"),
    (b"OggS", ".ogg"),
    (b"\x1aE\xdf\xa3", ".webm"),
)


def sniff_extension(head: bytes) -> str:
    """The audio file extension that the first bytes reveal, or ``""``."""
    for magic, extension in _MAGIC:
        if head.startswith(magic):
            return extension
    if head[4:8] == b"ftyp":
        return ".m4a"
    return ""


def check_audio_name(route: Route, part: FilePart) -> None:
    """The API needs an audio extension on the file name: derive one, or say how to give it."""
    if os.path.splitext(part.filename)[1].lower() in AUDIO_EXTENSIONS:
        return
    head = next(part.chunks(), b"")[:16]
    extension = sniff_extension(head)
    if not extension:
        raise ValueError(
            f"{route.name}: the API needs a file name with an audio extension "
            f"({', '.join(sorted(AUDIO_EXTENSIONS))}), and {part.filename!r} has none that the "
            "content reveals; pass a (filename, data) tuple such as ('speech.mp3', data)"
        )
    from .._multipart import guess_content_type  # loaded with the first upload

    part.filename = (part.filename if part.filename != part.field else "audio") + extension
    part.content_type = guess_content_type(part.filename)


def _audio_upload(path: str) -> RouteSpec:
    return post(
        path,
        files=("file",),
        positional=("file",),
        required_files=("file",),
        result="auto",
        check_file=check_audio_name,
    )


class Audio:
    @endpoint(post("/audio/speech", result="bytes"))
    def audio_speech(self, params: Params = None, /, **options: Any) -> Any:
        """Turn text into speech: ``audio_speech(model="tts-1", voice="alloy", input="Hi")``.

        Returns the audio as ``bytes`` (mp3 unless ``response_format`` says otherwise);
        ``stream=True`` returns an iterator of chunks as they arrive, and ``to="speech.mp3"``
        writes it to a file (or a binary file object) without holding it in memory.
        """

    @endpoint(_audio_upload("/audio/transcriptions"))
    def audio_transcription(self, file: FileInput, params: Params = None, /, **options: Any) -> Any:
        """Transcribe audio: ``audio_transcription("talk.mp3", model="whisper-1")``.

        A dict for JSON formats; a ``str`` for ``response_format`` text, srt or vtt.
        """

    @endpoint(_audio_upload("/audio/translations"))
    def audio_translation(self, file: FileInput, params: Params = None, /, **options: Any) -> Any:
        """Translate audio into English text; results as for ``audio_transcription``."""
