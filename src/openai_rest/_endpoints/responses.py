"""The Responses API: create a model response, stream its events, retrieve, cancel, compact.

``responses_create(stream=True)`` yields ``{"event": "response.output_text.delta", "data": ...}``
items. The ``*_beta`` functions call the ``?beta=true`` variants of the same paths.
"""

from __future__ import annotations

from .._endpoint import delete, endpoint, get, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .._endpoint import Params


class Responses:
    @endpoint(post("/responses", stream="events"))
    def responses_create(self, params: Params = None, /, **options: Any) -> Any:
        """Creates a model response.

        ``stream=True`` yields ``{"event": ..., "data": ...}`` items.
        """

    @endpoint(get("/responses/{response_id}"))
    def responses(self, response_id: str, /, **options: Any) -> Any:
        """Retrieves a model response with the given ID."""

    @endpoint(delete("/responses/{response_id}", result="auto"))
    def responses_delete(self, response_id: str, /, **options: Any) -> Any:
        """Deletes a model response with the given ID."""

    @endpoint(post("/responses/{response_id}/cancel", body="none"))
    def responses_cancel(self, response_id: str, /, **options: Any) -> Any:
        """Cancels a model response with the given ID."""

    @endpoint(get("/responses/{response_id}/input_items"))
    def response_input_items(self, response_id: str, /, **options: Any) -> Any:
        """Returns a list of input items for a given response."""

    @endpoint(post("/responses/input_tokens"))
    def responses_input_tokens(self, params: Params = None, /, **options: Any) -> Any:
        """Returns input token counts of the request."""

    @endpoint(post("/responses/compact"))
    def responses_compact(self, params: Params = None, /, **options: Any) -> Any:
        """Compact a conversation."""

    @endpoint(post("/responses?beta=true", stream="events"))
    def responses_create_beta(self, params: Params = None, /, **options: Any) -> Any:
        """Creates a model response (beta variant, ``?beta=true``).

        ``stream=True`` yields ``{"event": ..., "data": ...}`` items.
        """

    @endpoint(get("/responses/{response_id}?beta=true"))
    def responses_beta(self, response_id: str, /, **options: Any) -> Any:
        """Retrieves a model response with the given ID (beta variant, ``?beta=true``)."""

    @endpoint(delete("/responses/{response_id}?beta=true", result="auto"))
    def responses_delete_beta(self, response_id: str, /, **options: Any) -> Any:
        """Deletes a model response with the given ID (beta variant, ``?beta=true``)."""

    @endpoint(post("/responses/{response_id}/cancel?beta=true", body="none"))
    def responses_cancel_beta(self, response_id: str, /, **options: Any) -> Any:
        """Cancels a model response with the given ID (beta variant, ``?beta=true``)."""

    @endpoint(post("/responses/compact?beta=true"))
    def responses_compact_beta(self, params: Params = None, /, **options: Any) -> Any:
        """Compact a conversation (beta variant, ``?beta=true``)."""

    @endpoint(get("/responses/{response_id}/input_items?beta=true"))
    def response_input_items_beta(self, response_id: str, /, **options: Any) -> Any:
        """Returns a list of input items for a given response (beta variant, ``?beta=true``)."""

    @endpoint(post("/responses/input_tokens?beta=true"))
    def responses_input_tokens_beta(self, params: Params = None, /, **options: Any) -> Any:
        """Returns input token counts of the request (beta variant, ``?beta=true``)."""
