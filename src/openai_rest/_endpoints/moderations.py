"""Moderations."""

from __future__ import annotations

from typing import Any

from .._endpoint import Params, endpoint, post


class Moderations:
    @endpoint(post("/moderations"))
    def moderations(self, params: Params = None, /, **options: Any) -> Any:
        """Classify whether the input is potentially harmful: ``moderations(input="...")``."""
