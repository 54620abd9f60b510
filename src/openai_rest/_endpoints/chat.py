"""Chat completions."""

from __future__ import annotations

from typing import Any

from .._endpoint import Params, endpoint, post


class Chat:
    @endpoint(post("/chat/completions", stream="chat"))
    def chat_completion(self, params: Params = None, /, **options: Any) -> Any:
        """Create a model response for a chat conversation.

        ``chat_completion(model="gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}])``
        returns the completion as a dict; with ``stream=True``, an iterator of chunk dicts
        (fold them with ``openai_rest.accumulate``).
        """
