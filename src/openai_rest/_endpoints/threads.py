"""Threads, messages, runs and run steps of the Assistants API (shut down upstream 2026-08-26).

Runs can stream: ``stream=True`` yields ``{"event": "thread.run.created", "data": {...}}``
items until the ``done`` event; an ``error`` event raises.
"""

from __future__ import annotations

from .._endpoint import delete as delete_
from .._endpoint import endpoint, get, post
from .assistants import SHUTDOWN, v1, v2

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from .._endpoint import Params

TO_CONVERSATIONS = SHUTDOWN.format("conversations_create and the Conversations API")
TO_RESPONSES = SHUTDOWN.format("responses_create")
TO_ITEMS = SHUTDOWN.format("conversation items and response output items")

_THREAD = "/threads/{thread_id}"
_MESSAGE = _THREAD + "/messages/{message_id}"
_RUN = _THREAD + "/runs/{run_id}"


class Threads:
    @endpoint(v2(get("/threads"), TO_CONVERSATIONS), v2(get(_THREAD), TO_CONVERSATIONS))
    def threads(self, thread_id: Optional[str] = None, /, **options: Any) -> Any:
        """List threads (undocumented upstream), or retrieve one by id."""

    @endpoint(v2(post("/threads"), TO_CONVERSATIONS))
    def threads_create(self, params: Params = None, /, **options: Any) -> Any:
        """Create a thread, optionally with ``messages=[...]``."""

    @endpoint(v2(post("/threads/runs", stream="events"), TO_RESPONSES))
    def threads_create_and_run(self, params: Params = None, /, **options: Any) -> Any:
        """Create a thread and run it in one call; ``stream=True`` streams the run's events."""

    @endpoint(v2(post(_THREAD), TO_CONVERSATIONS))
    def threads_modify(self, thread_id: str, params: Params = None, /, **options: Any) -> Any:
        """Modify a thread's metadata or tool resources."""

    @endpoint(v2(delete_(_THREAD), TO_CONVERSATIONS))
    def threads_delete(self, thread_id: str, /, **options: Any) -> Any:
        """Delete a thread."""


class Messages:
    @endpoint(v2(get(_THREAD + "/messages"), TO_CONVERSATIONS))
    def thread_messages(self, thread_id: str, /, **options: Any) -> Any:
        """List a thread's messages (``limit``, ``order``, ``after``, ``before``, ``run_id``)."""

    @endpoint(v2(get(_MESSAGE), TO_CONVERSATIONS))
    def thread_message(self, thread_id: str, message_id: str, /, **options: Any) -> Any:
        """Retrieve one message."""

    @endpoint(v2(post(_THREAD + "/messages"), TO_CONVERSATIONS))
    def thread_message_create(
        self, thread_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Add a message: ``thread_message_create(thread_id, role="user", content="...")``."""

    @endpoint(v2(post(_MESSAGE), TO_CONVERSATIONS))
    def thread_message_modify(
        self, thread_id: str, message_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Modify a message's metadata."""

    @endpoint(v2(delete_(_MESSAGE), TO_CONVERSATIONS))
    def thread_message_delete(self, thread_id: str, message_id: str, /, **options: Any) -> Any:
        """Delete a message."""

    @endpoint(v1(get(_MESSAGE + "/files")))
    def thread_message_files(self, thread_id: str, message_id: str, /, **options: Any) -> Any:
        """List the files of a message (Assistants v1)."""

    @endpoint(v1(get(_MESSAGE + "/files/{file_id}")))
    def thread_message_file(
        self, thread_id: str, message_id: str, file_id: str, /, **options: Any
    ) -> Any:
        """Retrieve one file of a message (Assistants v1)."""


class Runs:
    @endpoint(v2(get(_THREAD + "/runs"), TO_RESPONSES))
    def thread_runs(self, thread_id: str, /, **options: Any) -> Any:
        """List a thread's runs."""

    @endpoint(v2(get(_RUN), TO_RESPONSES))
    def thread_run(self, thread_id: str, run_id: str, /, **options: Any) -> Any:
        """Retrieve a run (poll it until ``status`` is final)."""

    @endpoint(v2(post(_THREAD + "/runs", stream="events"), TO_RESPONSES))
    def thread_run_create(self, thread_id: str, params: Params = None, /, **options: Any) -> Any:
        """Run an assistant on a thread: ``thread_run_create(thread_id, assistant_id=...)``.

        ``stream=True`` yields ``{"event": ..., "data": ...}`` items until ``done``.
        """

    @endpoint(v2(post(_RUN), TO_RESPONSES))
    def thread_run_modify(
        self, thread_id: str, run_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Modify a run's metadata."""

    @endpoint(v2(post(_RUN + "/submit_tool_outputs", stream="events"), TO_RESPONSES))
    def thread_run_submit_tool_outputs(
        self, thread_id: str, run_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Send tool results to a run in ``requires_action``: ``tool_outputs=[...]``.

        ``stream=True`` streams the rest of the run.
        """

    @endpoint(v2(post(_RUN + "/cancel", body="none"), TO_RESPONSES))
    def thread_run_cancel(self, thread_id: str, run_id: str, /, **options: Any) -> Any:
        """Cancel a run that is in progress."""

    @endpoint(v2(get(_RUN + "/steps"), TO_ITEMS))
    def thread_run_steps(self, thread_id: str, run_id: str, /, **options: Any) -> Any:
        """List a run's steps."""

    @endpoint(v2(get(_RUN + "/steps/{step_id}"), TO_ITEMS))
    def thread_run_step(self, thread_id: str, run_id: str, step_id: str, /, **options: Any) -> Any:
        """Retrieve one run step."""
