"""Conversations: stored lists of items (messages, function calls and their outputs) that
Responses read as context and append to. Also the item shapes both APIs share."""

from __future__ import annotations

import base64
import json
from typing import Any, List

from aiohttp import web

from . import _model
from ._http import Route, json_response, page, read_json
from ._state import JSON, ApiError, Collection, State, new_id, now

_ITEM_PREFIX = {"message": "msg_", "function_call": "fc_", "function_call_output": "fco_"}


def _parts(role: str, content: Any) -> List[JSON]:
    """Message ``content`` as the API stores it: a list of typed parts."""
    if isinstance(content, str):
        if role == "assistant":
            return [{"type": "output_text", "text": content, "annotations": [], "logprobs": []}]
        return [{"type": "input_text", "text": content}]
    if isinstance(content, list):
        return [p for p in content if isinstance(p, dict)]
    raise ApiError(400, "Invalid 'content': expected a string or an array.", param="input")


def to_item(raw: Any) -> JSON:
    """An input item in its stored shape, with an id: a string is a user message."""
    if isinstance(raw, str):
        raw = {"type": "message", "role": "user", "content": raw}
    if not isinstance(raw, dict):
        raise ApiError(400, "Invalid input item: expected a string or an object.", param="input")
    kind = raw.get("type") or ("message" if "role" in raw else None)
    if kind is None:
        raise ApiError(400, "Invalid input item: missing 'type'.", param="input")
    item = {**raw, "type": kind}
    item.setdefault("id", new_id(_ITEM_PREFIX.get(kind, "item_")))
    if kind == "message":
        role = raw.get("role")
        if role not in ("user", "assistant", "system", "developer"):
            raise ApiError(400, f"Invalid 'role': {role!r}.", param="input")
        item["content"] = _parts(role, raw.get("content"))
        item.setdefault("status", "completed")
    elif kind in ("function_call_output", "function_call"):
        if not isinstance(raw.get("call_id"), str):
            raise ApiError(
                400, f"Missing required parameter: 'call_id' of a {kind} item.", param="input"
            )
        if kind == "function_call_output" and not isinstance(raw.get("output"), str):
            item["output"] = json.dumps(raw.get("output"))
        item.setdefault("status", "completed")
    return item


def to_items(value: Any, param: str = "input") -> List[JSON]:
    """``input`` (a string or a list of items) as stored items."""
    if value is None:
        return []
    if isinstance(value, str):
        return [to_item(value)]
    if not isinstance(value, list):
        raise ApiError(400, f"Invalid '{param}': expected a string or an array.", param=param)
    return [to_item(v) for v in value]


def item_text(item: JSON) -> str:
    """The text an item contributes to the model's context."""
    kind = item.get("type")
    if kind == "message":
        return _model.text_of(item.get("content"))
    if kind == "function_call_output":
        return str(item.get("output"))
    if kind == "function_call":
        return f"{item.get('name')}({item.get('arguments')})"
    if kind == "compaction":  # what /responses/compact folded into it
        try:
            return " ".join(json.loads(base64.b64decode(item.get("encrypted_content") or "")))
        except (ValueError, TypeError):
            return ""
    return ""


class ConversationsApi:
    """Handlers of ``/conversations`` and their items, bound to one emulator's ``State``."""

    def __init__(self, state: State) -> None:
        self.state = state

    def routes(self) -> List[Route]:
        c = "/conversations/{conversation_id}"
        return [
            ("POST", "/conversations", self.create),
            ("GET", c, self.get),
            ("POST", c, self.update),
            ("DELETE", c, self.delete),
            ("POST", c + "/items", self.add_items),
            ("GET", c + "/items", self.list_items),
            ("GET", c + "/items/{item_id}", self.get_item),
            ("DELETE", c + "/items/{item_id}", self.delete_item),
        ]

    def items(self, conversation_id: str, param: str = "conversation_id") -> Collection:
        """The items of a conversation (404 for an unknown one)."""
        self.state.conversations.get(conversation_id, param)
        return self.state.conversation_items[conversation_id]

    def append(self, conversation_id: str, items: List[JSON]) -> None:
        store = self.items(conversation_id)
        for item in items:
            store.add(item)

    async def create(self, request: web.Request) -> web.Response:
        body = await read_json(request)
        items = to_items(body.get("items"), "items")
        if len(items) > 20:
            raise ApiError(400, "A conversation starts with at most 20 items.", param="items")
        conversation: JSON = {
            "id": new_id("conv_"),
            "object": "conversation",
            "created_at": now(),
            "metadata": body.get("metadata") or {},
        }
        self.state.conversation_items[conversation["id"]] = Collection("item")
        self.state.conversations.add(conversation)
        self.append(conversation["id"], items)
        return json_response(conversation)

    async def get(self, request: web.Request) -> web.Response:
        return json_response(self.state.conversations.get(request.match_info["conversation_id"]))

    async def update(self, request: web.Request) -> web.Response:
        conversation = self.state.conversations.get(request.match_info["conversation_id"])
        body = await read_json(request, "metadata")
        conversation["metadata"] = body["metadata"]
        return json_response(conversation)

    async def delete(self, request: web.Request) -> web.Response:
        conversation = self.state.conversations.pop(request.match_info["conversation_id"])
        self.state.conversation_items.pop(conversation["id"], None)
        return json_response(
            {"id": conversation["id"], "object": "conversation.deleted", "deleted": True}
        )

    async def add_items(self, request: web.Request) -> web.Response:
        conversation_id = request.match_info["conversation_id"]
        self.items(conversation_id)
        body = await read_json(request, "items")
        items = to_items(body["items"], "items")
        if len(items) > 20:
            raise ApiError(400, "At most 20 items can be added at a time.", param="items")
        self.append(conversation_id, items)
        return json_response(
            {
                "object": "list",
                "data": items,
                "first_id": items[0]["id"] if items else None,
                "last_id": items[-1]["id"] if items else None,
                "has_more": False,
            }
        )

    async def list_items(self, request: web.Request) -> web.Response:
        return page(self.items(request.match_info["conversation_id"]).values(), request)

    async def get_item(self, request: web.Request) -> web.Response:
        items = self.items(request.match_info["conversation_id"])
        return json_response(items.get(request.match_info["item_id"]))

    async def delete_item(self, request: web.Request) -> web.Response:
        conversation_id = request.match_info["conversation_id"]
        self.items(conversation_id).pop(request.match_info["item_id"])
        return json_response(self.state.conversations.get(conversation_id))
