"""Moderations."""

from __future__ import annotations

from .._endpoint import endpoint, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .._endpoint import Params


class Moderations:
    @endpoint(post("/moderations"))
    def moderations(self, params: Params = None, /, **options: Any) -> Any:
        """Classify whether the input is potentially harmful: ``moderations(input="...")``."""
