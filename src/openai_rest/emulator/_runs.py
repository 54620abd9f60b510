"""Assistant runs: the state machine and the events it emits.

A run moves ``queued`` → ``in_progress`` → (``requires_action`` when it has function tools,
until tool outputs are submitted → ``queued`` → ``in_progress``) → ``completed``. Each read of
the run (``GET .../runs/{id}``) advances it one step, so polling clients see progress without
timers; a streamed run advances until it rests and sends every event on the way.
"""

from __future__ import annotations

import copy
import json
from typing import Any, Dict, List, Optional, Tuple

from . import _model, _tools
from ._state import JSON, ApiError, State, new_id, now

#: Assistant stream events: (event name, a snapshot of the object).
RunEvents = List[Tuple[str, JSON]]
RESTING = ("requires_action", "completed", "cancelled", "failed", "expired", "incomplete")
ACTIVE = ("queued", "in_progress", "requires_action")


def message_content(content: Any) -> List[JSON]:
    """Message ``content`` in the API's stored shape: a list of typed parts."""
    if isinstance(content, str):
        return [{"type": "text", "text": {"value": content, "annotations": []}}]
    if not isinstance(content, list):
        raise ApiError(
            400, "'content' must be a string or an array of content parts.", param="content"
        )
    parts = []
    for part in content:
        if (
            isinstance(part, dict)
            and part.get("type") == "text"
            and isinstance(part.get("text"), str)
        ):
            parts.append({"type": "text", "text": {"value": part["text"], "annotations": []}})
        elif isinstance(part, dict):
            parts.append(part)
    return parts


def new_message(
    state: State,
    thread_id: str,
    body: JSON,
    *,
    assistant_id: Optional[str] = None,
    run_id: Optional[str] = None,
) -> JSON:
    """Create and store a ``thread.message`` (and its v1 message files)."""
    role = body.get("role")
    if role not in ("user", "assistant"):
        raise ApiError(
            400, f"Invalid 'role': '{role}'. Expected 'user' or 'assistant'.", param="role"
        )
    created = now()
    message = {
        "id": new_id("msg_"),
        "object": "thread.message",
        "created_at": created,
        "thread_id": thread_id,
        "status": "completed",
        "incomplete_details": None,
        "completed_at": created,
        "incomplete_at": None,
        "role": role,
        "content": message_content(body.get("content")),
        "assistant_id": assistant_id,
        "run_id": run_id,
        "attachments": body.get("attachments") or [],
        "metadata": body.get("metadata") or {},
    }
    file_ids = list(body.get("file_ids") or [])
    file_ids += [
        a["file_id"] for a in message["attachments"] if isinstance(a, dict) and "file_id" in a
    ]
    if body.get("file_ids") is not None:
        message["file_ids"] = body["file_ids"]
    for file_id in file_ids:
        state.files.get(file_id, "file_ids")
        state.message_files.add(
            {
                "id": file_id,
                "object": "thread.message.file",
                "created_at": created,
                "message_id": message["id"],
            },
            key=f"{message['id']}/{file_id}",
        )
    return state.messages.add(message)


class Runner:
    """Creates runs and moves them along; remembers each run's pending tool calls."""

    def __init__(self, state: State) -> None:
        self.state = state
        self._tool_step: Dict[str, str] = {}
        self._outputs: Dict[str, List[JSON]] = {}

    # --- building objects -------------------------------------------------------------------

    def create(self, thread_id: str, body: JSON) -> RunEvents:
        """Create a run on ``thread_id`` from a request body; its opening events."""
        assistant = self.state.assistants.get(body["assistant_id"], "assistant_id")
        for extra in body.get("additional_messages") or []:
            new_message(self.state, thread_id, extra)
        instructions = body.get("instructions") or assistant.get("instructions") or ""
        if body.get("additional_instructions"):
            instructions = (instructions + "\n" + body["additional_instructions"]).strip()
        created = now()
        run = {
            "id": new_id("run_"),
            "object": "thread.run",
            "created_at": created,
            "assistant_id": assistant["id"],
            "thread_id": thread_id,
            "status": "queued",
            "started_at": None,
            "expires_at": created + 600,
            "cancelled_at": None,
            "failed_at": None,
            "completed_at": None,
            "required_action": None,
            "last_error": None,
            "model": body.get("model") or assistant["model"],
            "instructions": instructions,
            "tools": body["tools"] if body.get("tools") is not None else assistant["tools"],
            "tool_resources": assistant.get("tool_resources") or {},
            "metadata": body.get("metadata") or {},
            "incomplete_details": None,
            "usage": None,
            "temperature": body.get("temperature", assistant.get("temperature", 1.0)),
            "top_p": body.get("top_p", assistant.get("top_p", 1.0)),
            "max_prompt_tokens": body.get("max_prompt_tokens"),
            "max_completion_tokens": body.get("max_completion_tokens"),
            "truncation_strategy": body.get("truncation_strategy")
            or {"type": "auto", "last_messages": None},
            "response_format": body.get("response_format") or "auto",
            "tool_choice": body.get("tool_choice") or "auto",
            "parallel_tool_calls": body.get("parallel_tool_calls", True),
        }
        self.state.runs.add(run)
        return [self._event("thread.run.created", run), self._event("thread.run.queued", run)]

    def _step(self, run: JSON, kind: str, details: JSON) -> JSON:
        step = {
            "id": new_id("step_"),
            "object": "thread.run.step",
            "created_at": now(),
            "run_id": run["id"],
            "assistant_id": run["assistant_id"],
            "thread_id": run["thread_id"],
            "type": kind,
            "status": "in_progress",
            "cancelled_at": None,
            "completed_at": None,
            "expired_at": None,
            "failed_at": None,
            "last_error": None,
            "step_details": details,
            "usage": None,
            "metadata": {},
        }
        return self.state.steps.add(step)

    @staticmethod
    def _event(name: str, obj: JSON) -> Tuple[str, JSON]:
        return name, copy.deepcopy(obj)

    def _thread_texts(self, thread_id: str) -> List[JSON]:
        return [
            {"role": m["role"], "content": _model.text_of(m["content"])}
            for m in self.state.messages.where(thread_id=thread_id)
        ]

    # --- moving along -----------------------------------------------------------------------

    def advance(self, run: JSON) -> RunEvents:
        """Move ``run`` one step forward; the events of that step (none when resting)."""
        status = run["status"]
        if status == "queued":
            run["status"] = "in_progress"
            run["started_at"] = run["started_at"] or now()
            return [self._event("thread.run.in_progress", run)]
        if status == "cancelling":
            run["status"], run["cancelled_at"] = "cancelled", now()
            events = []
            for step in self.state.steps.where(run_id=run["id"], status="in_progress"):
                step["status"], step["cancelled_at"] = "cancelled", now()
            events.append(self._event("thread.run.cancelled", run))
            return events
        if status != "in_progress":
            return []
        if run["id"] not in self._outputs:
            texts = self._thread_texts(run["thread_id"])
            last = next((t["content"] for t in reversed(texts) if t["role"] == "user"), "")
            tools = [t for t in _tools.chat_tools(run["tools"]) if t["type"] == "function"]
            turn = _tools.Turn(last, parallel=False)
            chosen = _tools.choose(tools, run["tool_choice"], turn, eager=True)
            if chosen:
                return self._require_action(run, chosen[0], texts)
        return self._complete(run)

    def _require_action(self, run: JSON, fn: JSON, texts: List[JSON]) -> RunEvents:
        call = _tools.chat_call(fn, _model.seeded_rng("tool", fn["name"], texts, run["id"]))
        stored = {**call, "function": {**call["function"], "output": None}}
        step = self._step(run, "tool_calls", {"type": "tool_calls", "tool_calls": [stored]})
        self._tool_step[run["id"]] = step["id"]
        run["status"] = "requires_action"
        run["required_action"] = {
            "type": "submit_tool_outputs",
            "submit_tool_outputs": {"tool_calls": [call]},
        }
        events = [
            self._event("thread.run.step.created", step),
            self._event("thread.run.step.in_progress", step),
        ]
        for pos, piece in enumerate(_model.split_fragments(call["function"]["arguments"], 16)):
            fn_delta: JSON = {"arguments": piece}
            entry: JSON = {"index": 0, "type": "function", "function": fn_delta}
            if pos == 0:
                entry["id"] = call["id"]
                fn_delta.update(name=call["function"]["name"], output=None)
            events.append(
                (
                    "thread.run.step.delta",
                    {
                        "id": step["id"],
                        "object": "thread.run.step.delta",
                        "delta": {"step_details": {"type": "tool_calls", "tool_calls": [entry]}},
                    },
                )
            )
        events.append(self._event("thread.run.requires_action", run))
        return events

    def _complete(self, run: JSON) -> RunEvents:
        texts = self._thread_texts(run["thread_id"])
        last = next((t["content"] for t in reversed(texts) if t["role"] == "user"), "")
        outputs = self._outputs.get(run["id"]) or []
        if last.startswith("echo:"):
            text = last[5:].strip()
        else:
            text = _model.reply_text(texts, run["instructions"], outputs)
        if outputs:
            shown = "; ".join(str(o.get("output")) for o in outputs)
            text = f"The tool returned {shown}. {text}"
        message = new_message(
            self.state,
            run["thread_id"],
            {"role": "assistant", "content": ""},
            assistant_id=run["assistant_id"],
            run_id=run["id"],
        )
        message.update(status="in_progress", completed_at=None)
        step = self._step(
            run,
            "message_creation",
            {"type": "message_creation", "message_creation": {"message_id": message["id"]}},
        )
        events = [
            self._event("thread.run.step.created", step),
            self._event("thread.run.step.in_progress", step),
            self._event("thread.message.created", message),
            self._event("thread.message.in_progress", message),
        ]
        for piece in _model.split_words(text):
            events.append(
                (
                    "thread.message.delta",
                    {
                        "id": message["id"],
                        "object": "thread.message.delta",
                        "delta": {
                            "content": [
                                {
                                    "index": 0,
                                    "type": "text",
                                    "text": {"value": piece, "annotations": []},
                                }
                            ]
                        },
                    },
                )
            )
        finished = now()
        message.update(status="completed", completed_at=finished, content=_messages_text(text))
        prompt = _model.prompt_tokens(texts) + _model.count_tokens(run["instructions"])
        completion = _model.count_tokens(text)
        usage = {
            "prompt_tokens": prompt,
            "completion_tokens": completion,
            "total_tokens": prompt + completion,
        }
        step.update(status="completed", completed_at=finished, usage=usage)
        run.update(status="completed", completed_at=finished, usage=usage)
        events += [
            self._event("thread.message.completed", message),
            self._event("thread.run.step.completed", step),
            self._event("thread.run.completed", run),
        ]
        return events

    def run_to_rest(self, run: JSON) -> RunEvents:
        """Advance until the run rests (requires_action, completed, cancelled...)."""
        events: RunEvents = []
        while run["status"] not in RESTING:
            events += self.advance(run)
        return events

    def submit(self, run: JSON, tool_outputs: Any) -> RunEvents:
        """Take the tool outputs of a ``requires_action`` run; it is queued again."""
        if run["status"] != "requires_action":
            raise ApiError(400, f'Runs in status "{run["status"]}" do not accept tool outputs.')
        calls = run["required_action"]["submit_tool_outputs"]["tool_calls"]
        if not isinstance(tool_outputs, list):
            raise ApiError(400, "'tool_outputs' must be an array.", param="tool_outputs")
        given = {o.get("tool_call_id"): o for o in tool_outputs if isinstance(o, dict)}
        for call in calls:
            if call["id"] not in given:
                raise ApiError(
                    400,
                    f"Expected tool outputs for call_ids {[c['id'] for c in calls]}"
                    f", got {sorted(str(k) for k in given)}",
                    param="tool_outputs",
                )
        step = self.state.steps.get(self._tool_step[run["id"]])
        for stored in step["step_details"]["tool_calls"]:
            output = given[stored["id"]].get("output")
            stored["function"]["output"] = output if isinstance(output, str) else json.dumps(output)
        step.update(status="completed", completed_at=now())
        self._outputs[run["id"]] = [given[c["id"]] for c in calls]
        run.update(status="queued", required_action=None)
        return [
            self._event("thread.run.step.completed", step),
            self._event("thread.run.queued", run),
        ]

    def cancel(self, run: JSON) -> RunEvents:
        """Ask an active run to stop: ``cancelling`` now, ``cancelled`` on its next read."""
        if run["status"] not in ACTIVE:
            raise ApiError(400, f"Cannot cancel run with status '{run['status']}'.")
        run["status"] = "cancelling"
        run["required_action"] = None
        return [self._event("thread.run.cancelling", run)]


def _messages_text(text: str) -> List[JSON]:
    return [{"type": "text", "text": {"value": text, "annotations": []}}]
