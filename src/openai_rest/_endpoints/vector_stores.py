"""Vector stores, their files and file batches, and search."""

# Typed stubs are never called: their bodies are their docstrings.
# mypy: disable-error-code="empty-body"

from __future__ import annotations

from .._endpoint import delete, endpoint, get, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from .._endpoint import Params
    from ..types import VectorStore, VectorStoreDeleted, VectorStoreSearchResultsPage


class VectorStores:
    @endpoint(get("/vector_stores"), get("/vector_stores/{vector_store_id}"))
    def vector_stores(self, vector_store_id: Optional[str] = None, /, **options: Any) -> Any:
        """Returns a list of vector stores; ``vector_stores(vector_store_id)`` retrieves one."""

    @endpoint(post("/vector_stores"))
    def vector_stores_create(self, params: Params = None, /, **options: Any) -> VectorStore:
        """Create a vector store."""

    @endpoint(post("/vector_stores/{vector_store_id}"))
    def vector_stores_modify(
        self, vector_store_id: str, params: Params = None, /, **options: Any
    ) -> VectorStore:
        """Modifies a vector store."""

    @endpoint(delete("/vector_stores/{vector_store_id}"))
    def vector_stores_delete(self, vector_store_id: str, /, **options: Any) -> VectorStoreDeleted:
        """Delete a vector store."""

    @endpoint(post("/vector_stores/{vector_store_id}/file_batches"))
    def vector_store_file_batch_create(
        self, vector_store_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Create a vector store file batch."""

    @endpoint(get("/vector_stores/{vector_store_id}/file_batches/{batch_id}"))
    def vector_store_file_batch(
        self, vector_store_id: str, batch_id: str, /, **options: Any
    ) -> Any:
        """Retrieves a vector store file batch."""

    @endpoint(post("/vector_stores/{vector_store_id}/file_batches/{batch_id}/cancel", body="none"))
    def vector_store_file_batch_cancel(
        self, vector_store_id: str, batch_id: str, /, **options: Any
    ) -> Any:
        """Cancel a vector store file batch."""

    @endpoint(get("/vector_stores/{vector_store_id}/file_batches/{batch_id}/files"))
    def vector_store_file_batch_files(
        self, vector_store_id: str, batch_id: str, /, **options: Any
    ) -> Any:
        """Returns a list of vector store files in a batch."""

    @endpoint(get("/vector_stores/{vector_store_id}/files"))
    def vector_store_files(self, vector_store_id: str, /, **options: Any) -> Any:
        """Returns a list of vector store files."""

    @endpoint(post("/vector_stores/{vector_store_id}/files"))
    def vector_store_file_create(
        self, vector_store_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Create a vector store file by attaching a File to a vector store."""

    @endpoint(get("/vector_stores/{vector_store_id}/files/{file_id}"))
    def vector_store_file(self, vector_store_id: str, file_id: str, /, **options: Any) -> Any:
        """Retrieves a vector store file."""

    @endpoint(post("/vector_stores/{vector_store_id}/files/{file_id}"))
    def vector_store_file_update(
        self, vector_store_id: str, file_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Update attributes on a vector store file."""

    @endpoint(delete("/vector_stores/{vector_store_id}/files/{file_id}"))
    def vector_store_file_delete(
        self, vector_store_id: str, file_id: str, /, **options: Any
    ) -> Any:
        """Delete a vector store file."""

    @endpoint(get("/vector_stores/{vector_store_id}/files/{file_id}/content"))
    def vector_store_file_content(
        self, vector_store_id: str, file_id: str, /, **options: Any
    ) -> Any:
        """Retrieve the parsed contents of a vector store file."""

    @endpoint(post("/vector_stores/{vector_store_id}/search"))
    def vector_stores_search(
        self, vector_store_id: str, params: Params = None, /, **options: Any
    ) -> VectorStoreSearchResultsPage:
        """Search a vector store for relevant chunks based on a query and file attributes filter."""
