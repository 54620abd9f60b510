"""Uploads in parts: create, add parts (the API caps their size), complete (or cancel)."""

from __future__ import annotations

from .._endpoint import endpoint, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .._endpoint import Params


class Uploads:
    @endpoint(post("/uploads"))
    def uploads_create(self, params: Params = None, /, **options: Any) -> Any:
        """Creates an intermediate Upload object that you can add Parts to."""

    @endpoint(post("/uploads/{upload_id}/cancel", body="none"))
    def uploads_cancel(self, upload_id: str, /, **options: Any) -> Any:
        """Cancels the Upload."""

    @endpoint(post("/uploads/{upload_id}/complete"))
    def uploads_complete(self, upload_id: str, params: Params = None, /, **options: Any) -> Any:
        """Completes the Upload."""

    @endpoint(post("/uploads/{upload_id}/parts", files=("data",), required_files=("data",)))
    def upload_part_create(self, upload_id: str, params: Params = None, /, **options: Any) -> Any:
        """Adds a Part to an Upload object."""
