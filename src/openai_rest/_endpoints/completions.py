"""Legacy text completions, including the engine-scoped form."""

from __future__ import annotations

from .._endpoint import endpoint, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Union

    from .._endpoint import Params


class Completions:
    @endpoint(
        post("/completions", stream="chat"),
        post(
            "/engines/{engine_id}/completions",
            stream="chat",
            deprecated="engines are gone; use completions(model=...) or chat_completion",
        ),
    )
    def completions(
        self, engine_id: Union[str, Params] = None, params: Params = None, /, **options: Any
    ) -> Any:
        """Create a text completion: ``completions(model=..., prompt=...)``.

        The legacy ``completions(engine_id, prompt=...)`` posts to the engine's path.
        ``stream=True`` returns an iterator of chunk dicts.
        """
