"""Engines (legacy: replaced by models)."""

from __future__ import annotations

from .._endpoint import endpoint, get

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

_GONE = "engines are gone; use models()"


class Engines:
    @endpoint(get("/engines", deprecated=_GONE), get("/engines/{engine_id}", deprecated=_GONE))
    def engines(self, engine_id: Optional[str] = None, /, **options: Any) -> Any:
        """List the engines, or retrieve one (legacy)."""
