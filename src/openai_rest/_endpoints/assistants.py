"""Assistants (v2, and the v1-only assistant files): shut down upstream on 2026-08-26.

They stay for servers that still implement the API (the emulator, self-hosted compatible
servers). Each warns once; see docs/migration-assistants.md for the Responses equivalents.
"""

from __future__ import annotations

from .._endpoint import delete, endpoint, get, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from .._endpoint import Params, RouteSpec

SHUTDOWN = "the Assistants API was shut down on 2026-08-26; use {}"
TO_PROMPTS = SHUTDOWN.format("prompts with responses_create")
TO_VECTOR_STORES = SHUTDOWN.format("tool_resources with vector stores")


def v2(route: RouteSpec, replacement: str = TO_PROMPTS) -> RouteSpec:
    """An Assistants v2 route: its beta header and its shutdown warning."""
    method, path, options = route
    return method, path, {**options, "beta": "assistants=v2", "deprecated": replacement}


def v1(route: RouteSpec) -> RouteSpec:
    """An Assistants v1-only route (files attached to assistants and messages)."""
    method, path, options = route
    return method, path, {**options, "beta": "assistants=v1", "deprecated": TO_VECTOR_STORES}


class Assistants:
    @endpoint(v2(get("/assistants")), v2(get("/assistants/{assistant_id}")))
    def assistants(self, assistant_id: Optional[str] = None, /, **options: Any) -> Any:
        """List assistants (``assistants(limit=20)``), or retrieve one by id."""

    @endpoint(v2(post("/assistants")))
    def assistants_create(self, params: Params = None, /, **options: Any) -> Any:
        """Create an assistant: ``assistants_create(model=..., instructions=..., tools=[...])``."""

    @endpoint(v2(post("/assistants/{assistant_id}")))
    def assistants_modify(self, assistant_id: str, params: Params = None, /, **options: Any) -> Any:
        """Modify an assistant."""

    @endpoint(v2(delete("/assistants/{assistant_id}")))
    def assistants_delete(self, assistant_id: str, /, **options: Any) -> Any:
        """Delete an assistant."""

    @endpoint(v1(get("/assistants/{assistant_id}/files")))
    def assistant_files(self, assistant_id: str, /, **options: Any) -> Any:
        """List the files attached to an assistant (Assistants v1)."""

    @endpoint(v1(get("/assistants/{assistant_id}/files/{file_id}")))
    def assistant_file(self, assistant_id: str, file_id: str, /, **options: Any) -> Any:
        """Retrieve a file attached to an assistant (Assistants v1)."""

    @endpoint(v1(post("/assistants/{assistant_id}/files")))
    def assistant_file_create(
        self, assistant_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Attach a file to an assistant: ``assistant_file_create(assistant_id, file_id=...)``."""

    @endpoint(v1(delete("/assistants/{assistant_id}/files/{file_id}")))
    def assistant_file_delete(self, assistant_id: str, file_id: str, /, **options: Any) -> Any:
        """Detach a file from an assistant (Assistants v1)."""
