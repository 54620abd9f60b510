"""Batches: run a JSONL file of requests asynchronously, at half price."""

from __future__ import annotations

from typing import Any, Optional

from .._endpoint import Params, endpoint, get, post


class Batches:
    @endpoint(get("/batches"), get("/batches/{batch_id}"))
    def batches(self, batch_id: Optional[str] = None, /, **options: Any) -> Any:
        """List your organization's batches; ``batches(batch_id)`` retrieves one."""

    @endpoint(post("/batches"))
    def batches_create(self, params: Params = None, /, **options: Any) -> Any:
        """Creates and executes a batch from an uploaded file of requests."""

    @endpoint(post("/batches/{batch_id}/cancel", body="none"))
    def batches_cancel(self, batch_id: str, /, **options: Any) -> Any:
        """Cancels an in-progress batch."""
