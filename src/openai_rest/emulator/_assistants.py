"""Routes of the Assistants API (v2, plus the v1 file links): assistants, threads, messages,
runs and run steps."""

from __future__ import annotations

from typing import Any, Iterable, List, Mapping

from aiohttp import web

from ._http import Route, deleted, json_response, page, read_json, send_events, wants_stream
from ._runs import RunEvents, Runner, new_message
from ._state import JSON, ApiError, Collection, State, new_id, not_found, now

_ASSISTANT_FIELDS = (
    "model",
    "name",
    "description",
    "instructions",
    "tools",
    "tool_resources",
    "metadata",
    "temperature",
    "top_p",
    "response_format",
    "file_ids",
)


def _update(obj: JSON, body: Mapping[str, Any], fields: Iterable[str]) -> JSON:
    """Copy the modifiable ``fields`` present in ``body`` onto ``obj`` (the modify routes)."""
    for name in fields:
        if name in body:
            obj[name] = body[name]
    return obj


def _owned(collection: Collection, object_id: str, **owner: str) -> JSON:
    """An object of ``collection`` that belongs to ``owner`` (e.g. a thread), else 404."""
    obj = collection.get(object_id)
    if any(obj.get(k) != v for k, v in owner.items()):
        raise not_found(collection.kind, object_id)
    return obj


class AssistantsApi:
    """Handlers of the Assistants API, bound to one emulator's ``State``."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.runner = Runner(state)

    def routes(self) -> List[Route]:
        a, t = "/assistants/{assistant_id}", "/threads/{thread_id}"
        m, r = t + "/messages/{message_id}", t + "/runs/{run_id}"
        return [
            ("GET", "/assistants", self.list_assistants),
            ("POST", "/assistants", self.create_assistant),
            ("GET", a, self.get_assistant),
            ("POST", a, self.modify_assistant),
            ("DELETE", a, self.delete_assistant),
            ("GET", a + "/files", self.list_assistant_files),
            ("POST", a + "/files", self.create_assistant_file),
            ("GET", a + "/files/{file_id}", self.get_assistant_file),
            ("DELETE", a + "/files/{file_id}", self.delete_assistant_file),
            ("GET", "/threads", self.list_threads),
            ("POST", "/threads", self.create_thread),
            ("POST", "/threads/runs", self.create_thread_and_run),
            ("GET", t, self.get_thread),
            ("POST", t, self.modify_thread),
            ("DELETE", t, self.delete_thread),
            ("GET", t + "/messages", self.list_messages),
            ("POST", t + "/messages", self.create_message),
            ("GET", m, self.get_message),
            ("POST", m, self.modify_message),
            ("DELETE", m, self.delete_message),
            ("GET", m + "/files", self.list_message_files),
            ("GET", m + "/files/{file_id}", self.get_message_file),
            ("GET", t + "/runs", self.list_runs),
            ("POST", t + "/runs", self.create_run),
            ("GET", r, self.get_run),
            ("POST", r, self.modify_run),
            ("POST", r + "/cancel", self.cancel_run),
            ("POST", r + "/submit_tool_outputs", self.submit_tool_outputs),
            ("GET", r + "/steps", self.list_steps),
            ("GET", r + "/steps/{step_id}", self.get_step),
        ]

    # --- assistants and their v1 files ------------------------------------------------------

    def _assistant(self, request: web.Request) -> JSON:
        return self.state.assistants.get(request.match_info["assistant_id"])

    async def list_assistants(self, request: web.Request) -> web.Response:
        return page(self.state.assistants.values(), request)

    async def create_assistant(self, request: web.Request) -> web.Response:
        body = await read_json(request, "model")
        for file_id in body.get("file_ids") or []:
            self.state.files.get(file_id, "file_ids")
        assistant: JSON = {
            "id": new_id("asst_"),
            "object": "assistant",
            "created_at": now(),
            "name": None,
            "description": None,
            "instructions": None,
            "tools": [],
            "tool_resources": {},
            "metadata": {},
            "temperature": 1.0,
            "top_p": 1.0,
            "response_format": "auto",
        }
        if "assistants=v1" in request.headers.get("OpenAI-Beta", ""):
            assistant["file_ids"] = []
        _update(assistant, body, _ASSISTANT_FIELDS)
        self.state.assistants.add(assistant)
        for file_id in body.get("file_ids") or []:
            self._link_file(assistant, file_id)
        return json_response(assistant)

    async def get_assistant(self, request: web.Request) -> web.Response:
        return json_response(self._assistant(request))

    async def modify_assistant(self, request: web.Request) -> web.Response:
        body = await read_json(request)
        return json_response(_update(self._assistant(request), body, _ASSISTANT_FIELDS))

    async def delete_assistant(self, request: web.Request) -> web.Response:
        assistant = self.state.assistants.pop(request.match_info["assistant_id"])
        return deleted(assistant["id"], "assistant.deleted")

    def _link_file(self, assistant: JSON, file_id: str) -> JSON:
        self.state.files.get(file_id, "file_id")
        link = {
            "id": file_id,
            "object": "assistant.file",
            "created_at": now(),
            "assistant_id": assistant["id"],
        }
        if file_id not in assistant.setdefault("file_ids", []):
            assistant["file_ids"].append(file_id)
        return self.state.assistant_files.add(link, key=f"{assistant['id']}/{file_id}")

    async def list_assistant_files(self, request: web.Request) -> web.Response:
        assistant = self._assistant(request)
        return page(self.state.assistant_files.where(assistant_id=assistant["id"]), request)

    async def create_assistant_file(self, request: web.Request) -> web.Response:
        body = await read_json(request, "file_id")
        return json_response(self._link_file(self._assistant(request), body["file_id"]))

    async def get_assistant_file(self, request: web.Request) -> web.Response:
        assistant, file_id = self._assistant(request), request.match_info["file_id"]
        return json_response(
            self.state.assistant_files.get(file_id, key=f"{assistant['id']}/{file_id}")
        )

    async def delete_assistant_file(self, request: web.Request) -> web.Response:
        assistant, file_id = self._assistant(request), request.match_info["file_id"]
        self.state.assistant_files.pop(file_id, key=f"{assistant['id']}/{file_id}")
        if file_id in assistant.get("file_ids", []):
            assistant["file_ids"].remove(file_id)
        return deleted(file_id, "assistant.file.deleted")

    # --- threads ----------------------------------------------------------------------------

    def _thread(self, request: web.Request) -> JSON:
        return self.state.threads.get(request.match_info["thread_id"])

    def _new_thread(self, body: Mapping[str, Any]) -> JSON:
        messages = body.get("messages") or []
        if not isinstance(messages, list):
            raise ApiError(400, "'messages' must be an array.", param="messages")
        thread = self.state.threads.add(
            {
                "id": new_id("thread_"),
                "object": "thread",
                "created_at": now(),
                "metadata": body.get("metadata") or {},
                "tool_resources": body.get("tool_resources") or {},
            }
        )
        for message in messages:
            new_message(self.state, thread["id"], message)
        return thread

    async def list_threads(self, request: web.Request) -> web.Response:
        return page(self.state.threads.values(), request)

    async def create_thread(self, request: web.Request) -> web.Response:
        return json_response(self._new_thread(await read_json(request)))

    async def get_thread(self, request: web.Request) -> web.Response:
        return json_response(self._thread(request))

    async def modify_thread(self, request: web.Request) -> web.Response:
        body = await read_json(request)
        return json_response(_update(self._thread(request), body, ("metadata", "tool_resources")))

    async def delete_thread(self, request: web.Request) -> web.Response:
        thread = self.state.threads.pop(request.match_info["thread_id"])
        for message in self.state.messages.where(thread_id=thread["id"]):
            self.state.messages.pop(message["id"])
        return deleted(thread["id"], "thread.deleted")

    # --- messages ---------------------------------------------------------------------------

    def _message(self, request: web.Request) -> JSON:
        thread = self._thread(request)
        return _owned(self.state.messages, request.match_info["message_id"], thread_id=thread["id"])

    async def list_messages(self, request: web.Request) -> web.Response:
        thread = self._thread(request)
        found = self.state.messages.where(thread_id=thread["id"])
        run_id = request.query.get("run_id")
        if run_id:
            found = [m for m in found if m["run_id"] == run_id]
        return page(found, request)

    async def create_message(self, request: web.Request) -> web.Response:
        body = await read_json(request, "role", "content")
        return json_response(new_message(self.state, self._thread(request)["id"], body))

    async def get_message(self, request: web.Request) -> web.Response:
        return json_response(self._message(request))

    async def modify_message(self, request: web.Request) -> web.Response:
        body = await read_json(request)
        return json_response(_update(self._message(request), body, ("metadata",)))

    async def delete_message(self, request: web.Request) -> web.Response:
        message = self._message(request)
        self.state.messages.pop(message["id"])
        return deleted(message["id"], "thread.message.deleted")

    async def list_message_files(self, request: web.Request) -> web.Response:
        message = self._message(request)
        return page(self.state.message_files.where(message_id=message["id"]), request)

    async def get_message_file(self, request: web.Request) -> web.Response:
        message, file_id = self._message(request), request.match_info["file_id"]
        return json_response(
            self.state.message_files.get(file_id, key=f"{message['id']}/{file_id}")
        )

    # --- runs and steps ---------------------------------------------------------------------

    def _run(self, request: web.Request) -> JSON:
        thread = self._thread(request)
        return _owned(self.state.runs, request.match_info["run_id"], thread_id=thread["id"])

    async def _answer_run(
        self, request: web.Request, body: Mapping[str, Any], run: JSON, events: RunEvents
    ) -> web.StreamResponse:
        """The run as JSON, or (``stream``) its events until it rests, as the API streams."""
        if wants_stream(body):
            events = events + self.runner.run_to_rest(run)
            return await send_events(request, events, named=True)
        return json_response(run)

    async def create_run(self, request: web.Request) -> web.StreamResponse:
        body = await read_json(request, "assistant_id")
        events = self.runner.create(self._thread(request)["id"], body)
        return await self._answer_run(
            request, body, self.state.runs.get(events[0][1]["id"]), events
        )

    async def create_thread_and_run(self, request: web.Request) -> web.StreamResponse:
        body = await read_json(request, "assistant_id")
        self.state.assistants.get(body["assistant_id"], "assistant_id")
        thread = self._new_thread(body.get("thread") or {})
        events = self.runner.create(thread["id"], body)
        return await self._answer_run(
            request, body, self.state.runs.get(events[0][1]["id"]), events
        )

    async def list_runs(self, request: web.Request) -> web.Response:
        thread = self._thread(request)
        return page(self.state.runs.where(thread_id=thread["id"]), request)

    async def get_run(self, request: web.Request) -> web.Response:
        run = self._run(request)
        self.runner.advance(run)
        return json_response(run)

    async def modify_run(self, request: web.Request) -> web.Response:
        body = await read_json(request)
        return json_response(_update(self._run(request), body, ("metadata",)))

    async def cancel_run(self, request: web.Request) -> web.Response:
        run = self._run(request)
        self.runner.cancel(run)
        return json_response(run)

    async def submit_tool_outputs(self, request: web.Request) -> web.StreamResponse:
        body = await read_json(request, "tool_outputs")
        run = self._run(request)
        events = self.runner.submit(run, body["tool_outputs"])
        return await self._answer_run(request, body, run, events)

    async def list_steps(self, request: web.Request) -> web.Response:
        run = self._run(request)
        return page(self.state.steps.where(run_id=run["id"]), request)

    async def get_step(self, request: web.Request) -> web.Response:
        run = self._run(request)
        return json_response(
            _owned(self.state.steps, request.match_info["step_id"], run_id=run["id"])
        )
