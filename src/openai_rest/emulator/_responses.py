"""The Responses API: ``response`` objects answered by the deterministic model, chained by
``previous_response_id`` or a ``conversation``, with function tools and the typed event
stream (``response.created`` ... ``response.completed``, no ``[DONE]``).

A ``background: true`` response starts ``queued`` and moves one step on each read
(``queued`` → ``in_progress`` → ``completed``), like the runs; it alone can be cancelled.
"""

from __future__ import annotations

import base64
import copy
import json
from typing import Any, Dict, Iterator, List, Optional, Tuple

from aiohttp import web

from . import _model, _tools
from ._conversations import ConversationsApi, item_text, to_items
from ._http import (
    Event,
    Route,
    deleted,
    fault_of,
    json_response,
    page,
    read_json,
    require,
    send_events,
)
from ._state import JSON, ApiError, State, new_id, now
from ._webhooks import follow, notify

RESTING = ("completed", "failed", "incomplete", "cancelled")
"""A background response's statuses once it stops moving."""
_FAILED = {
    "code": "server_error",
    "message": "The emulator failed this background response (x-emulate-fault: fail-later).",
}


def _last_user_text(items: List[JSON]) -> str:
    for item in reversed(items):
        if item.get("type") == "message" and item.get("role") == "user":
            return item_text(item)
    return ""


def _usage(history: List[JSON], instructions: Optional[str], output: List[JSON]) -> JSON:
    prompt = sum(3 + _model.count_tokens(item_text(i)) for i in history)
    prompt += _model.count_tokens(instructions or "")
    completion = sum(_model.count_tokens(item_text(i)) for i in output)
    return {
        "input_tokens": prompt,
        "input_tokens_details": {"cached_tokens": 0},
        "output_tokens": completion,
        "output_tokens_details": {"reasoning_tokens": 0},
        "total_tokens": prompt + completion,
    }


def _answer(body: JSON, history: List[JSON]) -> Tuple[List[JSON], Optional[str]]:
    """The output items for a context ``history``, and why it is incomplete (if it is)."""
    seed: List[Any] = [(i.get("type"), i.get("role"), item_text(i)) for i in history]
    seed.append(("instructions", None, body.get("instructions")))
    turn = _tools.responses_turn(history, _last_user_text(history), body.get("parallel_tool_calls"))
    tools = _tools.responses_tools(body.get("tools"))
    chosen = _tools.choose(tools, body.get("tool_choice"), turn)
    if chosen:
        rng = _model.seeded_rng("tool", seed)
        return [_tools.responses_call(tool, rng) for tool in chosen], None
    fmt = (body.get("text") or {}).get("format") or {}
    fmt = fmt if isinstance(fmt, dict) else {}
    if turn.user_text.startswith("echo:") and history[-1].get("role") != "user":
        turn = turn._replace(user_text="")  # echo answers the user's message only
    prompts = [body.get("instructions") or ""] + [
        item_text(i)
        for i in history
        if i.get("type") == "message" and i.get("role") in ("system", "developer", "user")
    ]
    special = _model.special_answer(turn)
    text = (
        special[1]
        if special
        else _model.answer_text(fmt.get("type"), fmt.get("schema"), turn, prompts, seed)
    )
    limit = body.get("max_output_tokens")
    text, cut = _model.truncate(text, limit if isinstance(limit, int) else None)
    reason = "max_output_tokens" if cut else (special[0] if special else None)
    reason = None if reason == "refusal" else reason
    part = {"type": "output_text", "text": text, "annotations": [], "logprobs": []}
    if special and special[0] == "refusal":
        part = {"type": "refusal", "refusal": text}
    message = {
        "id": new_id("msg_"),
        "type": "message",
        "status": "incomplete" if reason else "completed",
        "role": "assistant",
        "content": [part],
    }
    return [message], reason


def _is_user(item: JSON) -> bool:
    return item.get("type") == "message" and item.get("role") == "user"


def _conversation_id(value: Any) -> Optional[str]:
    if isinstance(value, dict):
        value = value.get("id")
    if value is None or isinstance(value, str):
        return value
    raise ApiError(400, "Invalid 'conversation': expected an id.", param="conversation")


class Responder:
    """Creates, stores and advances responses; shared by the routes and the batches."""

    def __init__(self, state: State, conversations: ConversationsApi) -> None:
        self.state = state
        self.conversations = conversations
        self._pending: Dict[str, JSON] = {}  # background responses: their final form

    def _chain(self, previous_id: str) -> List[JSON]:
        """Every input and output item of the chain ending with ``previous_id``, oldest first."""
        chain: List[JSON] = []
        next_id: Optional[str] = previous_id
        while next_id:
            found = self.state.responses.find(next_id)
            if found is None:
                raise ApiError(
                    404,
                    f"Previous response with id '{next_id}' not found.",
                    param="previous_response_id",
                )
            inputs = self.state.response_inputs.get(found["id"], [])
            chain = inputs + found["output"] + chain
            next_id = found.get("previous_response_id")
        return chain

    def context(self, body: JSON) -> Tuple[List[JSON], List[JSON]]:
        """The request's new input items, and the model's whole context (chain or
        conversation first)."""
        inputs = to_items(body.get("input"))
        previous = body.get("previous_response_id")
        conversation_id = _conversation_id(body.get("conversation"))
        if previous and conversation_id:
            raise ApiError(
                400,
                "Mutually exclusive parameters: 'previous_response_id' and 'conversation'.",
                param="conversation",
            )
        history: List[JSON] = []
        if previous:
            history = self._chain(previous)
        elif conversation_id:
            history = self.conversations.items(conversation_id, "conversation").values()
        history = history + inputs
        if not history:
            raise ApiError(400, "Missing required parameter: 'input'.", param="input")
        return inputs, history

    def input_tokens(self, body: JSON) -> JSON:
        """``/responses/input_tokens``: what the context of ``body`` would count."""
        _, history = self.context(body)
        usage = _usage(history, body.get("instructions"), [])
        return {"object": "response.input_tokens", "input_tokens": usage["input_tokens"]}

    def compact(self, body: JSON) -> JSON:
        """``/responses/compact``: the user messages kept, the rest folded into one
        ``compaction`` item (its ``encrypted_content`` carries the text it stands for)."""
        require(body, "model")
        _, history = self.context(body)
        kept = [
            {"type": "message", "role": "user", "content": i["content"]}
            for i in history
            if _is_user(i)
        ]
        folded = [item_text(i) for i in history if not _is_user(i)]
        summary = base64.b64encode(json.dumps(folded).encode()).decode()
        compaction = {"type": "compaction", "id": new_id("cmp_"), "encrypted_content": summary}
        usage = _usage(history, body.get("instructions"), [])
        usage.update(output_tokens=len(folded), total_tokens=usage["input_tokens"] + len(folded))
        return {
            "id": new_id("resp_"),
            "object": "response.compaction",
            "created_at": now(),
            "output": [*kept, compaction],
            "usage": usage,
        }

    def create(self, body: JSON, fail: bool = False) -> JSON:
        """A complete response for a request ``body`` (stored unless ``store: false``)."""
        require(body, "model")
        inputs, history = self.context(body)
        previous = body.get("previous_response_id")
        conversation_id = _conversation_id(body.get("conversation"))
        output, incomplete = _answer(body, history)
        created = now()
        response = {
            "id": new_id("resp_"),
            "object": "response",
            "created_at": created,
            "status": "incomplete" if incomplete else "completed",
            "background": bool(body.get("background")),
            "completed_at": created,
            "conversation": {"id": conversation_id} if conversation_id else None,
            "error": None,
            "incomplete_details": {"reason": incomplete} if incomplete else None,
            "instructions": body.get("instructions"),
            "max_output_tokens": body.get("max_output_tokens"),
            "max_tool_calls": body.get("max_tool_calls"),
            "model": body["model"],
            "output": output,
            "parallel_tool_calls": body.get("parallel_tool_calls", True),
            "previous_response_id": previous,
            "reasoning": body.get("reasoning") or {"effort": None, "summary": None},
            "service_tier": body.get("service_tier") or "default",
            "store": body.get("store", True) is not False,
            "temperature": body.get("temperature", 1.0),
            "text": body.get("text") or {"format": {"type": "text"}, "verbosity": "medium"},
            "tool_choice": body.get("tool_choice") or "auto",
            "tools": body.get("tools") or [],
            "top_p": body.get("top_p", 1.0),
            "truncation": body.get("truncation") or "disabled",
            "usage": _usage(history, body.get("instructions"), output),
            "user": body.get("user"),
            "metadata": body.get("metadata") or {},
        }
        if response["store"]:
            self.state.responses.add(response)
            self.state.response_inputs[response["id"]] = inputs
        if response["background"]:
            final = self._pending[response["id"]] = dict(response)
            if fail:
                final.update(status="failed", output=[], usage=None, error=_FAILED)
            response.update(status="queued", output=[], usage=None, completed_at=None)
            follow(self.state.webhooks, response, self.advance, RESTING)
        elif conversation_id:
            self.conversations.append(conversation_id, inputs + output)
        if conversation_id and response["background"]:
            self._pending[response["id"]]["_conversation_items"] = inputs + output
        return response

    def advance(self, response: JSON) -> JSON:
        """One step of a background response on each read: queued → in_progress → completed."""
        final = self._pending.get(response["id"])
        if final is None:
            return response
        if response["status"] == "queued":
            response["status"] = "in_progress"
        elif response["status"] == "in_progress":
            items = final.pop("_conversation_items", None)
            response.update(final)
            response["completed_at"] = now()
            del self._pending[response["id"]]
            if items and response["conversation"]:
                self.conversations.append(response["conversation"]["id"], items)
            notify(self.state.webhooks, f"response.{response['status']}", response["id"])
        return response

    def cancel(self, response: JSON) -> JSON:
        if not response["background"]:
            raise ApiError(400, "Only responses created with background=true can be cancelled.")
        if response["id"] in self._pending:
            del self._pending[response["id"]]
            response["status"] = "cancelled"
            notify(self.state.webhooks, "response.cancelled", response["id"])
        elif response["status"] != "cancelled":
            raise ApiError(400, f"Cannot cancel a response with status '{response['status']}'.")
        return response


_CALL_EVENTS = {  # output item type: (its streamed field, the prefix of its events)
    "function_call": ("arguments", "response.function_call_arguments"),
    "custom_tool_call": ("input", "response.custom_tool_call_input"),
}


def stream_events(response: JSON) -> Iterator[Event]:
    """The typed events of a streamed ``response``, each with its ``sequence_number``."""
    counter = iter(range(1_000_000))

    def event(kind: str, **fields: Any) -> Event:
        return kind, {"type": kind, "sequence_number": next(counter), **fields}

    opening = {**response, "status": "in_progress", "output": [], "usage": None}
    opening["completed_at"] = None
    yield event("response.created", response=opening)
    yield event("response.in_progress", response=opening)
    for index, item in enumerate(response["output"]):
        head = {"output_index": index}
        if item["type"] in _CALL_EVENTS:
            field, prefix = _CALL_EVENTS[item["type"]]
            yield event(
                "response.output_item.added",
                item={**item, field: "", "status": "in_progress"},
                **head,
            )
            for piece in _model.split_fragments(item[field]):
                yield event(prefix + ".delta", item_id=item["id"], delta=piece, **head)
            done = {"item_id": item["id"], field: item[field], **head}
            if item["type"] == "function_call":
                done["name"] = item["name"]
            yield event(prefix + ".done", **done)
        else:
            yield event(
                "response.output_item.added",
                item={**item, "content": [], "status": "in_progress"},
                **head,
            )
            for part_index, part in enumerate(item["content"]):
                where = {**head, "item_id": item["id"], "content_index": part_index}
                field = "refusal" if part["type"] == "refusal" else "text"
                kind = "response.refusal" if field == "refusal" else "response.output_text"
                extra: JSON = {} if field == "refusal" else {"logprobs": []}
                yield event("response.content_part.added", part={**part, field: ""}, **where)
                for piece in _model.split_words(part[field]):
                    yield event(kind + ".delta", delta=piece, **extra, **where)
                yield event(kind + ".done", **{field: part[field]}, **extra, **where)
                yield event("response.content_part.done", part=copy.deepcopy(part), **where)
        yield event("response.output_item.done", item=copy.deepcopy(item), **head)
    final = "response.incomplete" if response["status"] == "incomplete" else "response.completed"
    yield event(final, response=copy.deepcopy(response))


class ResponsesApi:
    """Handlers of ``/responses``, bound to one emulator's ``State``."""

    def __init__(self, responder: Responder) -> None:
        self.responder = responder
        self.state = responder.state

    def routes(self) -> List[Route]:
        r = "/responses/{response_id}"
        return [
            ("POST", "/responses", self.create),
            ("POST", "/responses/input_tokens", self.input_tokens),
            ("POST", "/responses/compact", self.compact),
            ("GET", r, self.get),
            ("DELETE", r, self.delete),
            ("POST", r + "/cancel", self.cancel),
            ("GET", r + "/input_items", self.input_items),
        ]

    async def create(self, request: web.Request) -> web.StreamResponse:
        body = await read_json(request, "model")
        stream = body.get("stream") is True
        if stream:
            body["background"] = False
        fault = fault_of(request)
        response = self.responder.create(body, fail=fault is not None and fault.fail_later)
        if stream:
            return await send_events(request, stream_events(response), named=True, typed=True)
        return json_response(response)

    async def input_tokens(self, request: web.Request) -> web.Response:
        return json_response(self.responder.input_tokens(await read_json(request)))

    async def compact(self, request: web.Request) -> web.Response:
        return json_response(self.responder.compact(await read_json(request)))

    async def get(self, request: web.Request) -> web.Response:
        response = self.state.responses.get(request.match_info["response_id"])
        return json_response(self.responder.advance(response))

    async def delete(self, request: web.Request) -> web.Response:
        response = self.state.responses.pop(request.match_info["response_id"])
        self.state.response_inputs.pop(response["id"], None)
        return deleted(response["id"], "response")

    async def cancel(self, request: web.Request) -> web.Response:
        response = self.state.responses.get(request.match_info["response_id"])
        return json_response(self.responder.cancel(response))

    async def input_items(self, request: web.Request) -> web.Response:
        response = self.state.responses.get(request.match_info["response_id"])
        return page(self.state.response_inputs.get(response["id"], []), request)
