"""ChatKit sessions and threads."""

from __future__ import annotations

from .._endpoint import delete, endpoint, get, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from .._endpoint import Params


class ChatKit:
    @endpoint(post("/chatkit/sessions/{session_id}/cancel", body="none"))
    def chatkit_sessions_cancel(self, session_id: str, /, **options: Any) -> Any:
        """Cancel an active ChatKit session and return its most recent metadata."""

    @endpoint(post("/chatkit/sessions"))
    def chatkit_sessions_create(self, params: Params = None, /, **options: Any) -> Any:
        """Create a ChatKit session."""

    @endpoint(get("/chatkit/threads/{thread_id}/items"))
    def chatkit_thread_items(self, thread_id: str, /, **options: Any) -> Any:
        """List items that belong to a ChatKit thread."""

    @endpoint(get("/chatkit/threads"), get("/chatkit/threads/{thread_id}"))
    def chatkit_threads(self, thread_id: Optional[str] = None, /, **options: Any) -> Any:
        """List ChatKit threads with optional pagination and user filters;
        ``chatkit_threads(thread_id)`` retrieves one.
        """

    @endpoint(delete("/chatkit/threads/{thread_id}"))
    def chatkit_threads_delete(self, thread_id: str, /, **options: Any) -> Any:
        """Delete a ChatKit thread along with its items and stored attachments."""
