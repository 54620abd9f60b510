"""Chat completions, and the stored ones (``store=True``): list, retrieve, update, delete."""

from __future__ import annotations

from .._endpoint import delete, endpoint, get, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from .._endpoint import Params


class Chat:
    @endpoint(post("/chat/completions", stream="chat"))
    def chat_completion(self, params: Params = None, /, **options: Any) -> Any:
        """Create a model response for a chat conversation.

        ``chat_completion(model="gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}])``
        returns the completion as a dict; with ``stream=True``, an iterator of chunk dicts
        (fold them with ``openai_rest.accumulate``).
        """


class StoredChat:
    @endpoint(get("/chat/completions"), get("/chat/completions/{completion_id}"))
    def chat_completions(self, completion_id: Optional[str] = None, /, **options: Any) -> Any:
        """List stored Chat Completions; ``chat_completions(completion_id)`` retrieves one."""

    @endpoint(post("/chat/completions/{completion_id}"))
    def chat_completions_update(
        self, completion_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Modify a stored chat completion."""

    @endpoint(delete("/chat/completions/{completion_id}"))
    def chat_completions_delete(self, completion_id: str, /, **options: Any) -> Any:
        """Delete a stored chat completion."""

    @endpoint(get("/chat/completions/{completion_id}/messages"))
    def chat_completion_messages(self, completion_id: str, /, **options: Any) -> Any:
        """Get the messages in a stored chat completion."""
