"""Fine-tunes (legacy: replaced by fine-tuning jobs)."""

from __future__ import annotations

from .._endpoint import endpoint, get, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from .._endpoint import Params

_GONE = "the fine-tunes API is gone; use the fine-tuning jobs API (POST /fine_tuning/jobs)"


class Finetunes:
    @endpoint(
        get("/fine-tunes", deprecated=_GONE), get("/fine-tunes/{fine_tune_id}", deprecated=_GONE)
    )
    def finetunes(self, fine_tune_id: Optional[str] = None, /, **options: Any) -> Any:
        """List your fine-tunes, or retrieve one (legacy)."""

    @endpoint(post("/fine-tunes", deprecated=_GONE))
    def finetunes_create(self, params: Params = None, /, **options: Any) -> Any:
        """Create a fine-tune (legacy)."""

    @endpoint(get("/fine-tunes/{fine_tune_id}/events", deprecated=_GONE))
    def finetunes_list_events(self, fine_tune_id: str, /, **options: Any) -> Any:
        """List a fine-tune's events (legacy)."""

    @endpoint(post("/fine-tunes/{fine_tune_id}/cancel", body="none", deprecated=_GONE))
    def finetunes_cancel(self, fine_tune_id: str, /, **options: Any) -> Any:
        """Cancel a fine-tune (legacy)."""
