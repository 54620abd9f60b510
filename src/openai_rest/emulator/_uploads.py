"""Uploads in parts: create an Upload, add parts (each streamed to disk, at most 64 MB), then
complete it with the part ids in order: the parts are joined on disk into a File."""

from __future__ import annotations

import asyncio
import hashlib
import os
from typing import List, Optional

from aiohttp import web

from ._http import Route, json_response, read_form, read_json
from ._state import JSON, ApiError, State, new_id, now

PART_LIMIT = 64 * 1024 * 1024
UPLOAD_LIMIT = 8 * 1024**3
PURPOSES = ("assistants", "batch", "fine-tune", "vision", "user_data", "evals")
_COPY_CHUNK = 1024 * 1024


def _join(paths: List[str], target: str, want_md5: bool) -> Optional[str]:
    """Concatenate ``paths`` into ``target`` in constant memory; the MD5 when asked."""
    digest = hashlib.md5(usedforsecurity=False) if want_md5 else None
    with open(target, "wb") as out:
        for path in paths:
            with open(path, "rb") as part:
                while True:
                    chunk = part.read(_COPY_CHUNK)
                    if not chunk:
                        break
                    out.write(chunk)
                    if digest is not None:
                        digest.update(chunk)
    return digest.hexdigest() if digest is not None else None


class UploadsApi:
    """Handlers of ``/uploads``, bound to one emulator's ``State``; parts live on disk."""

    def __init__(self, state: State) -> None:
        self.state = state

    def routes(self) -> List[Route]:
        u = "/uploads/{upload_id}"
        return [
            ("POST", "/uploads", self.create),
            ("POST", u + "/parts", self.add_part),
            ("POST", u + "/complete", self.complete),
            ("POST", u + "/cancel", self.cancel),
        ]

    def _part_path(self, part_id: str) -> str:
        return self.state.file_store.path(part_id)

    def _pending(self, upload_id: str) -> JSON:
        upload = self.state.uploads.get(upload_id)
        if upload["status"] != "pending":
            raise ApiError(
                400, f"Upload {upload_id} is {upload['status']}; it no longer accepts changes."
            )
        return upload

    def _drop_parts(self, upload_id: str) -> None:
        for part in self.state.upload_parts.where(upload_id=upload_id):
            self.state.upload_parts.pop(part["id"])
            self.state.file_store.delete(part["id"])

    async def create(self, request: web.Request) -> web.Response:
        body = await read_json(request, "filename", "purpose", "bytes", "mime_type")
        if body["purpose"] not in PURPOSES:
            raise ApiError(
                400,
                f"Invalid 'purpose': {body['purpose']!r}. Expected one of {list(PURPOSES)}.",
                param="purpose",
            )
        size = body["bytes"]
        if not isinstance(size, int) or not 0 <= size <= UPLOAD_LIMIT:
            raise ApiError(
                400, f"Invalid 'bytes': expected 0 to {UPLOAD_LIMIT} (got {size!r}).", param="bytes"
            )
        created = now()
        upload = {
            "id": new_id("upload_"),
            "object": "upload",
            "bytes": size,
            "created_at": created,
            "filename": body["filename"],
            "purpose": body["purpose"],
            "mime_type": body["mime_type"],
            "status": "pending",
            "expires_at": created + 3600,
            "file": None,
        }
        return json_response(self.state.uploads.add(upload))

    async def add_part(self, request: web.Request) -> web.Response:
        upload = self._pending(request.match_info["upload_id"])
        part_id = new_id("part_")
        path = self._part_path(part_id)
        try:
            await read_form(request, "data", save=lambda name: path, file_fields=("data",))
            if os.path.getsize(path) > PART_LIMIT:
                raise ApiError(400, "A part can be at most 64 MB.", param="data")
        except BaseException:
            self.state.file_store.delete(part_id)
            raise
        part = {
            "id": part_id,
            "object": "upload.part",
            "created_at": now(),
            "upload_id": upload["id"],
        }
        return json_response(self.state.upload_parts.add(part))

    async def complete(self, request: web.Request) -> web.Response:
        upload = self._pending(request.match_info["upload_id"])
        body = await read_json(request, "part_ids")
        part_ids = body["part_ids"]
        if not isinstance(part_ids, list) or not part_ids:
            raise ApiError(400, "'part_ids' must be a non-empty array.", param="part_ids")
        for part_id in part_ids:
            part = self.state.upload_parts.find(part_id) if isinstance(part_id, str) else None
            if part is None or part["upload_id"] != upload["id"]:
                raise ApiError(
                    400, f"Part {part_id!r} is not a part of this upload.", param="part_ids"
                )
        if len(set(part_ids)) != len(part_ids):
            raise ApiError(400, "'part_ids' lists a part twice.", param="part_ids")
        paths = [self._part_path(p) for p in part_ids]
        total = sum(os.path.getsize(p) for p in paths)
        if total != upload["bytes"]:
            raise ApiError(
                400,
                f"File size mismatch: the parts hold {total} bytes, the upload expects"
                f" {upload['bytes']}.",
                param="part_ids",
            )
        file_id = new_id("file-")
        target = self.state.file_store.path(file_id)
        md5 = body.get("md5")
        loop = asyncio.get_running_loop()
        digest = await loop.run_in_executor(None, _join, paths, target, bool(md5))
        if md5 and digest != str(md5).lower():
            self.state.file_store.delete(file_id)
            raise ApiError(400, f"MD5 mismatch: the parts hash to {digest}.", param="md5")
        self._drop_parts(upload["id"])
        upload["status"] = "completed"
        upload["file"] = self.state.add_file(file_id, upload["filename"], upload["purpose"])
        return json_response(upload)

    async def cancel(self, request: web.Request) -> web.Response:
        upload = self._pending(request.match_info["upload_id"])
        self._drop_parts(upload["id"])
        upload["status"] = "cancelled"
        return json_response(upload)
