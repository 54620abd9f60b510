"""Multipart bodies that stream files from disk with an exact ``Content-Length``.

A ``file`` argument may be a path (``str`` or ``os.PathLike``), ``bytes``, a binary file object,
or a ``(filename, data[, content_type])`` tuple whose ``data`` is any of the others. Nothing is
read whole: paths are opened on each send (so a retry can replay them), seekable file objects are
rewound to where they started, and non-seekable streams (pipes, sockets) are spooled once to a
temporary file so their length is known and a retry can replay them too.
"""

from __future__ import annotations

import io
import os
from typing import IO, Any, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

CHUNK_SIZE = 256 * 1024
SPOOL_IN_MEMORY = 1024 * 1024

FileData = Union[str, os.PathLike[str], bytes, bytearray, memoryview, IO[bytes]]
FileInput = Union[
    FileData, Tuple[Optional[str], FileData], Tuple[Optional[str], FileData, Optional[str]]
]


def guess_content_type(filename: Optional[str]) -> str:
    """The MIME type for a file name, ``application/octet-stream`` when unknown."""
    if filename:
        extension = os.path.splitext(filename)[1].lower()
        known = _COMMON_TYPES.get(extension)
        if known:
            return known
        import mimetypes  # the full table costs ~2 ms at first use, so only when needed

        guessed = mimetypes.guess_type(filename)[0]
        if guessed:
            return guessed
    return "application/octet-stream"


_COMMON_TYPES = {
    ".jsonl": "application/jsonl",
    ".json": "application/json",
    ".txt": "text/plain",
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".gif": "image/gif",
    ".mp3": "audio/mpeg",
    ".mpga": "audio/mpeg",
    ".mpeg": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".mp4": "audio/mp4",
    ".wav": "audio/wav",
    ".webm": "audio/webm",
    ".ogg": "audio/ogg",
    ".flac": "audio/flac",
    ".csv": "text/csv",
    ".md": "text/markdown",
}


class FilePart:
    """One file field: its name, content type, size, and a way to read it in chunks again."""

    __slots__ = ("field", "filename", "content_type", "size", "_path", "_data", "_file", "_start")

    def __init__(self, field: str, value: Any) -> None:
        filename: Optional[str] = None
        content_type: Optional[str] = None
        data = value
        if isinstance(value, tuple):
            if not 2 <= len(value) <= 3:
                raise TypeError(
                    f"{field}: a file tuple is (filename, data) or (filename, data, content_type),"
                    f" not a tuple of {len(value)}"
                )
            filename = _filename(field, value[0])
            data = value[1]
            content_type = _content_type(field, value[2]) if len(value) == 3 else None
        self.field = field
        self._path: Optional[str] = None
        self._data: Optional[bytes] = None
        self._file: Optional[IO[bytes]] = None
        self._start = 0
        if isinstance(data, (str, os.PathLike)):
            path = os.fspath(data)
            if not isinstance(path, str):
                path = os.fsdecode(path)
            try:
                self.size = os.stat(path).st_size
            except FileNotFoundError:
                raise FileNotFoundError(f"{field}: no such file: {path!r}") from None
            if os.path.isdir(path):
                raise IsADirectoryError(f"{field}: {path!r} is a directory, not a file")
            self._path = path
            filename = filename or os.path.basename(path)
        elif isinstance(data, (bytes, bytearray, memoryview)):
            self._data = bytes(data)
            self.size = len(self._data)
        elif hasattr(data, "read"):
            if isinstance(data, io.TextIOBase):
                raise TypeError(f"{field}: the file object is open in text mode; open it with 'rb'")
            filename = filename or _name_of(data)
            self._file, self._start, self.size = _sized_file(data)
        else:
            raise TypeError(
                f"{field}: expected a path, bytes, a binary file object or a "
                f"(filename, data[, content_type]) tuple, not {type(data).__name__}"
            )
        self.filename = _text(filename) if filename else field
        self.content_type = content_type or guess_content_type(self.filename)

    def chunks(self) -> Iterator[bytes]:
        """The content in chunks of at most ``CHUNK_SIZE``, from the start, every time."""
        if self._data is not None:
            yield self._data
            return
        if self._path is not None:
            with open(self._path, "rb") as handle:
                yield from _read_exactly(handle, self.size, self.filename)
            return
        assert self._file is not None
        self._file.seek(self._start)
        yield from _read_exactly(self._file, self.size, self.filename)


def _read_exactly(handle: IO[bytes], size: int, name: str) -> Iterator[bytes]:
    remaining = size
    while remaining > 0:
        chunk = handle.read(min(CHUNK_SIZE, remaining))
        if not chunk:
            raise OSError(f"{name} shrank while being sent: {remaining} of {size} bytes missing")
        remaining -= len(chunk)
        yield chunk


def _name_of(file: Any) -> Optional[str]:
    name = getattr(file, "name", None)
    if isinstance(name, (str, bytes, os.PathLike)) and not isinstance(name, int):
        text = os.fsdecode(name)
        if not (text.startswith("<") and text.endswith(">")):  # <stdin>, <fdopen>
            return os.path.basename(text)
    return None


def _sized_file(file: Any) -> Tuple[IO[bytes], int, int]:
    """A seekable handle on ``file``, where its data starts, and how many bytes it holds."""
    seekable = getattr(file, "seekable", None)
    if seekable is not None and seekable():
        start = file.tell()
        end = file.seek(0, os.SEEK_END)
        file.seek(start)
        return file, start, max(end - start, 0)  # positioned past its end: nothing to send
    import tempfile  # a pipe or socket: spool once, in memory up to 1 MB, then on disk

    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115 (kept open)
    while True:
        chunk = file.read(CHUNK_SIZE)
        if not chunk:
            break
        spool.write(chunk)
    size = spool.tell()
    spool.seek(0)
    return spool, 0, size


_FORM_ESCAPES = {'"': "%22", "\\": "\\\\"}
_FORM_ESCAPES.update({chr(c): f"%{c:02X}" for c in range(0x20) if c != 0x1B})
_FORM_TABLE = str.maketrans(_FORM_ESCAPES)


def _header_value(text: str) -> str:
    """A name or filename inside quotes: ``"`` and control characters percent-encoded as
    browsers do (WHATWG, also the official SDK), so no value can end the header or the part."""
    return text.translate(_FORM_TABLE)


def _text(value: str) -> str:
    """Text that encodes as UTF-8: lone surrogates (``os.fsdecode`` of odd bytes) replaced."""
    try:
        value.encode()
    except UnicodeEncodeError:
        value = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return value


def _filename(field: str, value: Any) -> Optional[str]:
    """A tuple's filename as text: ``str``, UTF-8 ``bytes``, a path, or ``None``."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, os.PathLike):
        return os.fsdecode(value)
    if isinstance(value, (bytes, bytearray)):
        try:
            return bytes(value).decode()
        except UnicodeDecodeError:
            raise ValueError(
                f"{field}: the filename {bytes(value)!r} is not UTF-8; pass it as a str"
            ) from None
    raise TypeError(f"{field}: a filename is a str, not {type(value).__name__}")


def _content_type(field: str, value: Any) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    if not isinstance(value, str):
        raise TypeError(f"{field}: a content type is a str, not {type(value).__name__}")
    return _no_line_breaks(value, f"{field}: the content type")


def _no_line_breaks(value: str, what: str) -> str:
    """``value``, unless it holds CR, LF or another control character (header injection)."""
    if not value.isprintable() and any((c < " " and c != "\t") or c == "\x7f" for c in value):
        raise ValueError(f"{what} {value!r} contains a line break or control character")
    return value


def _field_name(name: str) -> str:
    return _header_value(_no_line_breaks(_text(name), "the form field name"))


def _field_value(name: str, value: str) -> bytes:
    try:
        return value.encode()
    except UnicodeEncodeError as exc:
        raise ValueError(f"the form field {name!r} is not valid text: {exc}") from None


class MultipartBody:
    """A ``multipart/form-data`` body: fields and file parts, iterable in chunks, replayable."""

    __slots__ = ("boundary", "content_type", "length", "_segments")

    def __init__(
        self, fields: Sequence[Tuple[str, str]], files: Sequence[FilePart], boundary: str = ""
    ) -> None:
        self.boundary = boundary or os.urandom(16).hex()
        self.content_type = f"multipart/form-data; boundary={self.boundary}"
        dash = f"--{self.boundary}\r\n".encode()
        segments: List[Union[bytes, FilePart]] = []
        for name, value in fields:
            segments.append(
                dash
                + f'Content-Disposition: form-data; name="{_field_name(name)}"\r\n\r\n'.encode()
                + _field_value(name, value)
                + b"\r\n"
            )
        for part in files:
            segments.append(
                dash
                + (
                    f'Content-Disposition: form-data; name="{_field_name(part.field)}"; '
                    f'filename="{_header_value(part.filename)}"\r\n'
                    f"Content-Type: {part.content_type}\r\n\r\n"
                ).encode()
            )
            segments.append(part)
            segments.append(b"\r\n")
        segments.append(f"--{self.boundary}--\r\n".encode())
        self._segments = segments
        self.length = sum(s.size if isinstance(s, FilePart) else len(s) for s in segments)

    def __iter__(self) -> Iterator[bytes]:
        for segment in self._segments:
            if isinstance(segment, FilePart):
                yield from segment.chunks()
            else:
                yield segment

    def read_all(self) -> bytes:
        """The whole body in memory: for tests and small bodies only."""
        return b"".join(self)


def form_value(value: Any) -> str:
    """A scalar parameter as a form field: JSON spelling for booleans and ``None``."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, (dict, list)):
        import json

        return json.dumps(value, separators=(",", ":"))
    return str(value)


def form_fields(params: Iterable[Tuple[str, Any]]) -> List[Tuple[str, str]]:
    """Scalars as fields; lists as repeated ``name[]`` fields, as the API expects."""
    fields: List[Tuple[str, str]] = []
    for name, value in params:
        if isinstance(value, (list, tuple)):
            key = name if name.endswith("[]") else name + "[]"
            fields.extend((key, form_value(item)) for item in value)
        else:
            fields.append((name, form_value(value)))
    return fields
