"""Files: upload (streamed from disk), list, retrieve, delete, download."""

# Typed stubs are never called: their bodies are their docstrings.
# mypy: disable-error-code="empty-body"

from __future__ import annotations

from .._endpoint import delete, endpoint, get, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from .._multipart import FileInput
    from ..types import FileObject


class Files:
    @endpoint(get("/files"), get("/files/{file_id}"))
    def files(self, file_id: Optional[str] = None, /, **options: Any) -> Any:
        """List your files (``files(purpose="fine-tune")``), or retrieve one: ``files(file_id)``."""

    @endpoint(post("/files", files=("file",), positional=("file",), required_files=("file",)))
    def files_upload(self, file: FileInput, /, **options: Any) -> FileObject:
        """Upload a file: ``files_upload("data.jsonl", purpose="fine-tune")``.

        ``file`` is a path, bytes, a binary file object or a ``(filename, data)`` tuple; it is
        streamed in chunks with an exact Content-Length, never read whole.
        """

    @endpoint(delete("/files/{file_id}"))
    def files_delete(self, file_id: str, /, **options: Any) -> Any:
        """Delete a file."""

    @endpoint(get("/files/{file_id}/content", result="bytes"))
    def files_content(self, file_id: str, /, **options: Any) -> Any:
        """Download a file's content as ``bytes``, or stream it to disk: ``to="out.jsonl"``."""
