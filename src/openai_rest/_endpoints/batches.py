"""Batches: run a JSONL file of requests asynchronously, at half price."""

# Typed stubs are never called: their bodies are their docstrings.
# mypy: disable-error-code="empty-body"

from __future__ import annotations

from .._endpoint import endpoint, get, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from .._endpoint import Params
    from ..types import Batch


class Batches:
    @endpoint(get("/batches"), get("/batches/{batch_id}"))
    def batches(self, batch_id: Optional[str] = None, /, **options: Any) -> Any:
        """List your organization's batches; ``batches(batch_id)`` retrieves one."""

    @endpoint(post("/batches"))
    def batches_create(self, params: Params = None, /, **options: Any) -> Batch:
        """Creates and executes a batch from an uploaded file of requests."""

    @endpoint(post("/batches/{batch_id}/cancel", body="none"))
    def batches_cancel(self, batch_id: str, /, **options: Any) -> Batch:
        """Cancels an in-progress batch."""
