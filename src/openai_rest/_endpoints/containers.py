"""Containers for the code interpreter tool, and their files."""

from __future__ import annotations

from .._endpoint import delete, endpoint, get, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from .._endpoint import Params


class Containers:
    @endpoint(get("/containers"), get("/containers/{container_id}"))
    def containers(self, container_id: Optional[str] = None, /, **options: Any) -> Any:
        """List Containers; ``containers(container_id)`` retrieves one."""

    @endpoint(post("/containers"))
    def containers_create(self, params: Params = None, /, **options: Any) -> Any:
        """Create Container."""

    @endpoint(delete("/containers/{container_id}", result="auto"))
    def containers_delete(self, container_id: str, /, **options: Any) -> Any:
        """Delete Container."""

    @endpoint(get("/containers/{container_id}/files"))
    def container_files(self, container_id: str, /, **options: Any) -> Any:
        """List Container files."""

    @endpoint(post("/containers/{container_id}/files", files=("file",)))
    def container_file_create(
        self, container_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Create a Container File You can send either a multipart/form-data request with the raw
        file content, or a JSON request with a file ID.
        """

    @endpoint(get("/containers/{container_id}/files/{file_id}"))
    def container_file(self, container_id: str, file_id: str, /, **options: Any) -> Any:
        """Retrieve Container File."""

    @endpoint(delete("/containers/{container_id}/files/{file_id}", result="auto"))
    def container_file_delete(self, container_id: str, file_id: str, /, **options: Any) -> Any:
        """Delete Container File."""

    @endpoint(get("/containers/{container_id}/files/{file_id}/content", result="bytes"))
    def container_file_content(self, container_id: str, file_id: str, /, **options: Any) -> Any:
        """Retrieve Container File Content."""
