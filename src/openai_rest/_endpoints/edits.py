"""Edits (legacy: removed from the API)."""

from __future__ import annotations

from .._endpoint import endpoint, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .._endpoint import Params


class Edits:
    @endpoint(post("/edits", deprecated="the edits endpoint is gone; use chat_completion"))
    def edits(self, params: Params = None, /, **options: Any) -> Any:
        """Create an edit of the input given an instruction (legacy)."""
