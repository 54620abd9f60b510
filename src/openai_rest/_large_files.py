"""``upload_large_file``: the Uploads API (create, parts of at most 64 MB, complete), in order.

The steps are a pure generator, as the retry policy is: it yields ``(function, args, kwargs)``
calls and receives their results (or has their errors thrown in); the short sync and async
loops of ``_steps`` drive it. Each part is read from disk as it is sent (a ``FileSlice``), so
memory stays flat whatever the file's size. On any error the upload is cancelled, then the
error is raised: nothing is resumed or left behind silently.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, Generator, List, Optional, Tuple

    Call = Tuple[str, Tuple[Any, ...], Dict[str, Any]]
    Progress = Callable[[int, int], Any]

PART_SIZE = 64 * 1024 * 1024
"""The API's largest part: 64 MB."""


class FileSlice:
    """A read-only binary file object over ``length`` bytes of ``path`` from ``start``."""

    def __init__(self, path: str, start: int, length: int) -> None:
        self._file = open(path, "rb")  # noqa: SIM115 - closed by close(), after the send
        self._start = start
        self._length = length
        self._position = 0
        self._file.seek(start)
        self.name = os.path.basename(path)

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._position, os.SEEK_END: self._length}[whence]
        self._position = max(0, min(self._length, base + offset))
        self._file.seek(self._start + self._position)
        return self._position

    def read(self, size: int = -1) -> bytes:
        left = self._length - self._position
        size = left if size is None or size < 0 else min(size, left)
        data = self._file.read(size)
        self._position += len(data)
        return data

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> FileSlice:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def upload_steps(
    path: Any,
    purpose: str,
    mime_type: Optional[str] = None,
    part_size: int = PART_SIZE,
    progress: Optional[Progress] = None,
) -> Generator[Call, Any, Any]:
    """The calls of one large upload; returns the completed Upload object (with its ``file``)."""
    from ._multipart import guess_content_type

    path = os.fspath(path)
    if not 0 < part_size <= PART_SIZE:
        raise ValueError(f"part_size must be between 1 byte and 64 MB, not {part_size}")
    size = os.stat(path).st_size  # FileNotFoundError names the path, before any request
    filename = os.path.basename(path)
    upload = yield (
        "uploads_create",
        (),
        {
            "filename": filename,
            "purpose": purpose,
            "bytes": size,
            "mime_type": mime_type or guess_content_type(filename),
        },
    )
    try:
        part_ids: List[str] = []
        for start in range(0, max(size, 1), part_size):
            length = min(part_size, size - start)
            with FileSlice(path, start, length) as part:
                data = (filename, part, "application/octet-stream")
                added = yield ("upload_part_create", (upload["id"],), {"data": data})
            part_ids.append(added["id"])
            if progress is not None:
                progress(start + length, size)
        completed = yield ("uploads_complete", (upload["id"],), {"part_ids": part_ids})
    except GeneratorExit:
        raise
    except BaseException:
        try:
            yield ("uploads_cancel", (upload["id"],), {})
        except Exception:  # the original error matters more than a failed clean-up
            pass
        raise
    return completed
