"""Stored chat completions: ``store: true`` keeps a completion and its request messages for
``GET /chat/completions`` (filters by ``model`` and ``metadata[KEY]``, paged), retrieve,
update (``metadata`` only), delete and ``/messages``, as the API does."""

from __future__ import annotations

from typing import Any, Dict, List, Mapping

from aiohttp import web

from . import _model
from ._http import Route, json_response, page, read_json
from ._state import JSON, ApiError, Collection, State

_META_KEYS, _META_KEY_LENGTH, _META_VALUE_LENGTH = 16, 64, 512
_LISTED = ("seed", "temperature", "top_p", "presence_penalty", "frequency_penalty", "tool_choice")


def check_metadata(value: Any) -> Dict[str, str]:
    """``metadata`` as the API accepts it: up to 16 string pairs (64 / 512 characters)."""
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise ApiError(400, "Invalid 'metadata': expected an object of strings.", param="metadata")
    if len(value) > _META_KEYS:
        raise ApiError(
            400,
            f"Invalid 'metadata': at most {_META_KEYS} keys (got {len(value)}).",
            param="metadata",
        )
    for key, item in value.items():
        if len(key) > _META_KEY_LENGTH or len(item) > _META_VALUE_LENGTH:
            raise ApiError(
                400,
                f"Invalid 'metadata': keys up to {_META_KEY_LENGTH} and values up to "
                f"{_META_VALUE_LENGTH} characters.",
                param="metadata",
            )
    return dict(value)


def _stored_message(completion_id: str, index: int, message: Any) -> JSON:
    message = message if isinstance(message, dict) else {"role": "user", "content": message}
    content = message.get("content")
    parts = content if isinstance(content, list) else None
    return {
        "id": f"{completion_id}-{index}",
        "role": message.get("role"),
        "content": _model.text_of(content) if parts is not None else content,
        "name": message.get("name"),
        "content_parts": parts,
    }


def _metadata_filters(query: Mapping[str, str]) -> Dict[str, str]:
    return {k[9:-1]: v for k, v in query.items() if k.startswith("metadata[") and k.endswith("]")}


class ChatStoreApi:
    """The stored chat completions of one emulator (``State.chat_completions``)."""

    def __init__(self, state: State) -> None:
        self.completions: Collection = state.chat_completions
        self.messages: Dict[str, List[JSON]] = state.chat_messages

    def keep(self, body: JSON, completion: JSON) -> None:
        """Store ``completion`` when its request asked for ``store: true``."""
        if body.get("store") is not True:
            return
        stored = {
            **completion,
            "metadata": check_metadata(body.get("metadata")),
            "service_tier": body.get("service_tier") or "default",
        }
        stored.update({k: body.get(k) for k in _LISTED})
        self.completions.add(stored)
        self.messages[stored["id"]] = [
            _stored_message(stored["id"], i, m) for i, m in enumerate(body["messages"])
        ]

    def routes(self) -> List[Route]:
        one = "/chat/completions/{completion_id}"
        return [
            ("GET", "/chat/completions", self.list),
            ("GET", one, self.get),
            ("POST", one, self.update),
            ("DELETE", one, self.delete),
            ("GET", one + "/messages", self.list_messages),
        ]

    def _get(self, request: web.Request) -> JSON:
        return self.completions.get(request.match_info["completion_id"], "completion_id")

    async def list(self, request: web.Request) -> web.Response:
        model = request.query.get("model")
        wanted = _metadata_filters(request.query)
        found = [
            c
            for c in self.completions.values()
            if (not model or c["model"] == model)
            and all(c["metadata"].get(k) == v for k, v in wanted.items())
        ]
        return page(found, request, default_order="asc")

    async def get(self, request: web.Request) -> web.Response:
        return json_response(self._get(request))

    async def update(self, request: web.Request) -> web.Response:
        body = await read_json(request, "metadata")
        extra = sorted(set(body) - {"metadata"})
        if extra:
            raise ApiError(
                400,
                f"Only 'metadata' can be updated on a stored chat completion, not {extra[0]!r}.",
                param=extra[0],
            )
        completion = self._get(request)
        completion["metadata"] = check_metadata(body["metadata"])
        return json_response(completion)

    async def delete(self, request: web.Request) -> web.Response:
        completion = self.completions.pop(request.match_info["completion_id"])
        self.messages.pop(completion["id"], None)
        return json_response(
            {"object": "chat.completion.deleted", "id": completion["id"], "deleted": True}
        )

    async def list_messages(self, request: web.Request) -> web.Response:
        completion = self._get(request)
        return page(self.messages.get(completion["id"], []), request, default_order="asc")
