"""Conversations and their items: the state that the Responses API keeps between turns.

They replace the threads and messages of the Assistants API.
"""

from __future__ import annotations

from .._endpoint import delete, endpoint, get, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .._endpoint import Params


class Conversations:
    @endpoint(get("/conversations/{conversation_id}/items"))
    def conversation_items(self, conversation_id: str, /, **options: Any) -> Any:
        """List all items for a conversation with the given ID."""

    @endpoint(post("/conversations/{conversation_id}/items"))
    def conversation_item_create(
        self, conversation_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Create items in a conversation with the given ID."""

    @endpoint(get("/conversations/{conversation_id}/items/{item_id}"))
    def conversation_item(self, conversation_id: str, item_id: str, /, **options: Any) -> Any:
        """Get a single item from a conversation with the given IDs."""

    @endpoint(delete("/conversations/{conversation_id}/items/{item_id}"))
    def conversation_item_delete(
        self, conversation_id: str, item_id: str, /, **options: Any
    ) -> Any:
        """Delete an item from a conversation with the given IDs."""

    @endpoint(post("/conversations"))
    def conversations_create(self, params: Params = None, /, **options: Any) -> Any:
        """Create a conversation."""

    @endpoint(get("/conversations/{conversation_id}"))
    def conversations(self, conversation_id: str, /, **options: Any) -> Any:
        """Get a conversation."""

    @endpoint(post("/conversations/{conversation_id}"))
    def conversations_update(
        self, conversation_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Update a conversation."""

    @endpoint(delete("/conversations/{conversation_id}"))
    def conversations_delete(self, conversation_id: str, /, **options: Any) -> Any:
        """Delete a conversation."""
