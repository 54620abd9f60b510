"""The emulator's memory: object stores, cursor paging, and uploaded files kept on disk.

Pure Python (no aiohttp), so the stores can be reached and inspected from tests through
``Emulator.state``.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
import time
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional

if TYPE_CHECKING:
    from ._webhooks import WebhookSender

JSON = Dict[str, Any]

#: Models listed by ``GET /models``; fine-tunes add their own.
BASE_MODELS = (
    ("gpt-4o", "system"),
    ("gpt-4o-mini", "system"),
    ("gpt-4-turbo", "system"),
    ("gpt-4", "openai"),
    ("gpt-3.5-turbo", "openai"),
    ("gpt-3.5-turbo-instruct", "system"),
    ("davinci-002", "system"),
    ("babbage-002", "system"),
    ("text-davinci-edit-001", "openai"),
    ("text-embedding-3-small", "system"),
    ("text-embedding-3-large", "system"),
    ("text-embedding-ada-002", "openai-internal"),
    ("dall-e-2", "system"),
    ("dall-e-3", "system"),
    ("tts-1", "openai-internal"),
    ("tts-1-hd", "system"),
    ("whisper-1", "openai-internal"),
    ("omni-moderation-latest", "system"),
    ("text-moderation-latest", "openai"),
)
MODEL_CREATED = 1_698_785_189


class ApiError(Exception):
    """An error the API would answer, raised anywhere and turned into a JSON body by the app."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        type: str = "invalid_request_error",
        param: Optional[str] = None,
        code: Optional[str] = None,
        headers: Optional[Mapping[str, str]] = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.type = type
        self.param = param
        self.code = code
        self.headers = dict(headers or {})

    def body(self) -> JSON:
        """The API's error body: ``{"error": {"message", "type", "param", "code"}}``."""
        return {
            "error": {
                "message": self.message,
                "type": self.type,
                "param": self.param,
                "code": self.code,
            }
        }


def not_found(kind: str, object_id: str, param: Optional[str] = None) -> ApiError:
    """The API's 404 for an unknown id, e.g. ``No assistant found with id 'asst_x'.``."""
    return ApiError(404, f"No {kind} found with id '{object_id}'.", param=param)


def now() -> int:
    """Seconds since the epoch, as the API's ``created``/``created_at`` fields."""
    return int(time.time())


def new_id(prefix: str) -> str:
    """A fresh id with the API's prefix (``asst_``, ``file-``...) and 24 random characters."""
    return prefix + os.urandom(12).hex()


class Collection:
    """An insertion-ordered store of API objects by id (the order lists page in)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: Dict[str, JSON] = {}

    def add(self, obj: JSON, key: Optional[str] = None) -> JSON:
        """Store ``obj`` under its id (or ``key``, for links such as assistant files)."""
        self._items[key or obj["id"]] = obj
        return obj

    def get(self, object_id: str, param: Optional[str] = None, key: Optional[str] = None) -> JSON:
        """The object, or the API's 404."""
        try:
            return self._items[key or object_id]
        except KeyError:
            raise not_found(self.kind, object_id, param) from None

    def find(self, object_id: str) -> Optional[JSON]:
        return self._items.get(object_id)

    def pop(self, object_id: str, key: Optional[str] = None) -> JSON:
        obj = self.get(object_id, key=key)
        del self._items[key or object_id]
        return obj

    def values(self) -> List[JSON]:
        return list(self._items.values())

    def where(self, **fields: Any) -> List[JSON]:
        """The objects whose fields equal the given values, in creation order."""
        return [o for o in self._items.values() if all(o.get(k) == v for k, v in fields.items())]

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, object_id: object) -> bool:
        return object_id in self._items


def _int_param(query: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = query.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(400, f"Invalid '{name}': expected an integer.", param=name) from None
    if not low <= value <= high:
        raise ApiError(
            400,
            f"Invalid '{name}': integer out of range, expected {low} to {high} (got {value}).",
            param=name,
        )
    return value


def paginate(
    items: Iterable[JSON],
    query: Mapping[str, str],
    *,
    default_limit: int = 20,
    max_limit: int = 100,
    default_order: str = "desc",
) -> JSON:
    """One cursor page of ``items`` (given oldest first) as the API answers every list.

    Honours ``limit``, ``order`` (``asc``/``desc``), ``after`` and ``before`` (object ids) and
    answers ``object: list``, ``data``, ``first_id``, ``last_id``, ``has_more``. An unknown
    cursor gives an empty page, so auto-paginating clients always stop.
    """
    limit = _int_param(query, "limit", default_limit, 1, max_limit)
    order = query.get("order") or default_order
    if order not in ("asc", "desc"):
        raise ApiError(
            400, f"Invalid 'order': expected 'asc' or 'desc' (got '{order}').", param="order"
        )
    ordered = list(items)
    if order == "desc":
        ordered.reverse()
    ids = [o["id"] for o in ordered]
    after, before = query.get("after"), query.get("before")
    start, stop = 0, len(ordered)
    if after:
        start = ids.index(after) + 1 if after in ids else len(ids)
    if before:
        stop = ids.index(before) if before in ids else 0
    window = ordered[start:stop] if start < stop else []
    if before and not after:
        page = window[-limit:]
        has_more = len(window) > limit
    else:
        page = window[:limit]
        has_more = len(window) > limit
    return {
        "object": "list",
        "data": page,
        "first_id": page[0]["id"] if page else None,
        "last_id": page[-1]["id"] if page else None,
        "has_more": has_more,
    }


class FileStore:
    """Uploaded files' bytes on disk: a temporary folder, or ``data_dir`` kept across runs.

    With a ``data_dir`` each file's metadata is written beside its content (``ID.json``), so a
    restarted emulator lists the files uploaded before.
    """

    def __init__(self, data_dir: Optional[str] = None) -> None:
        self._tmp: Optional[tempfile.TemporaryDirectory[str]] = None
        if data_dir is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="openai-rest-emulator-")
            data_dir = self._tmp.name
        os.makedirs(data_dir, exist_ok=True)
        self.root = data_dir
        self.persistent = self._tmp is None

    def path(self, file_id: str) -> str:
        return os.path.join(self.root, file_id)

    def save_meta(self, obj: JSON) -> None:
        if self.persistent:
            with open(self.path(obj["id"]) + ".json", "w", encoding="utf-8") as f:
                json.dump(obj, f)

    def load_meta(self) -> List[JSON]:
        """The metadata of files kept in a ``data_dir`` by an earlier run, oldest first."""
        if not self.persistent:
            return []
        found = []
        for name in os.listdir(self.root):
            if name.endswith(".json") and os.path.exists(self.path(name[:-5])):
                with open(os.path.join(self.root, name), encoding="utf-8") as f:
                    found.append(json.load(f))
        found.sort(key=lambda o: (o.get("created_at", 0), o["id"]))
        return found

    def delete(self, file_id: str) -> None:
        for path in (self.path(file_id), self.path(file_id) + ".json"):
            try:
                os.remove(path)
            except FileNotFoundError:
                pass

    def close(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None


class State:
    """Every store of one emulator. Handlers run on one event loop; ``lock`` guards test access."""

    def __init__(self, data_dir: Optional[str] = None) -> None:
        self.lock = threading.RLock()
        self.models = Collection("model")
        for model_id, owner in BASE_MODELS:
            self.models.add(
                {"id": model_id, "object": "model", "created": MODEL_CREATED, "owned_by": owner}
            )
        self.file_store = FileStore(data_dir)
        self.files = Collection("file")
        for obj in self.file_store.load_meta():
            self.files.add(obj)
        self.images: Dict[str, bytes] = {}
        self.fine_tunes = Collection("fine-tune")
        self.assistants = Collection("assistant")
        self.assistant_files = Collection("assistant file")
        self.threads = Collection("thread")
        self.messages = Collection("message")
        self.message_files = Collection("message file")
        self.runs = Collection("run")
        self.steps = Collection("run step")
        self.chat_completions = Collection("chat completion")
        self.chat_messages: Dict[str, List[JSON]] = {}
        self.responses = Collection("response")
        self.response_inputs: Dict[str, List[JSON]] = {}
        self.conversations = Collection("conversation")
        self.conversation_items: Dict[str, Collection] = {}
        self.batches = Collection("batch")
        self.uploads = Collection("upload")
        self.upload_parts = Collection("upload part")
        self.vector_stores = Collection("vector store")
        self.vector_store_files = Collection("vector store file")
        self.vector_store_file_batches = Collection("vector store file batch")
        self.fine_tuning_jobs = Collection("fine-tuning job")
        self.fine_tuning_events: Dict[str, List[JSON]] = {}
        self.fine_tuning_checkpoints: Dict[str, List[JSON]] = {}
        self.webhooks: Optional[WebhookSender] = None  # set when the emulator sends webhooks

    def add_file(self, file_id: str, filename: str, purpose: str) -> JSON:
        """Register the bytes already at ``file_store.path(file_id)`` as a ``file`` object."""
        obj = {
            "id": file_id,
            "object": "file",
            "bytes": os.path.getsize(self.file_store.path(file_id)),
            "created_at": now(),
            "filename": filename,
            "purpose": purpose,
            "status": "processed",
            "status_details": None,
        }
        self.file_store.save_meta(obj)
        return self.files.add(obj)

    def close(self) -> None:
        self.file_store.close()
