"""Vector stores: files attached to a store are cut into chunks of text, and ``search``
ranks the chunks by a simple word-overlap score (the share of the query's words a chunk has).

Files attached one by one are ``completed`` at once. A file batch starts ``in_progress`` (its
files too) and completes on its first read; ``cancel`` before that cancels it and its files.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Iterable, List, Optional, Set

from aiohttp import web

from ._http import Route, deleted, json_response, page, read_json
from ._state import JSON, ApiError, State, new_id, not_found, now

_WORD = re.compile(r"\w+")
CHUNK_WORDS = 120  # words per chunk
INDEX_LIMIT = 4 * 1024 * 1024  # bytes of a file read for its chunks
STATIC_CHUNKING = {
    "type": "static",
    "static": {"max_chunk_size_tokens": 800, "chunk_overlap_tokens": 400},
}


def chunks_of(text: str) -> List[str]:
    """``text`` cut into paragraphs, each at most ``CHUNK_WORDS`` words."""
    found: List[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        words = paragraph.split()
        for start in range(0, len(words), CHUNK_WORDS):
            found.append(" ".join(words[start : start + CHUNK_WORDS]))
    return found


def words(text: str) -> Set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _compare(op: str, actual: Any, expected: Any) -> bool:
    if op == "eq":
        return bool(actual == expected)
    if op == "ne":
        return bool(actual != expected)
    if op == "in":
        return isinstance(expected, list) and actual in expected
    if op == "nin":
        return isinstance(expected, list) and actual not in expected
    if actual is None or type(actual) is not type(expected):
        return False
    ops = {
        "gt": lambda: actual > expected,
        "gte": lambda: actual >= expected,
        "lt": lambda: actual < expected,
        "lte": lambda: actual <= expected,
    }
    if op not in ops:
        raise ApiError(400, f"Invalid filter type: {op!r}.", param="filters")
    return bool(ops[op]())


def matches(attributes: JSON, rule: Any) -> bool:
    """Whether file ``attributes`` pass a comparison or compound (``and``/``or``) filter."""
    if not rule:
        return True
    if not isinstance(rule, dict):
        raise ApiError(400, "Invalid 'filters': expected an object.", param="filters")
    kind = rule.get("type")
    if kind in ("and", "or"):
        results = (matches(attributes, r) for r in rule.get("filters") or [])
        return all(results) if kind == "and" else any(results)
    return _compare(str(kind), attributes.get(str(rule.get("key"))), rule.get("value"))


class VectorStoresApi:
    """Handlers of ``/vector_stores`` and their files, file batches and search."""

    def __init__(self, state: State) -> None:
        self.state = state
        self._chunks: Dict[str, List[str]] = {}  # "vs_id/file_id" → chunks

    def routes(self) -> List[Route]:
        v = "/vector_stores/{vector_store_id}"
        f, b = v + "/files/{file_id}", v + "/file_batches/{batch_id}"
        return [
            ("GET", "/vector_stores", self.list),
            ("POST", "/vector_stores", self.create),
            ("GET", v, self.get),
            ("POST", v, self.modify),
            ("DELETE", v, self.delete),
            ("GET", v + "/files", self.list_files),
            ("POST", v + "/files", self.create_file),
            ("GET", f, self.get_file),
            ("POST", f, self.update_file),
            ("DELETE", f, self.delete_file),
            ("GET", f + "/content", self.file_content),
            ("POST", v + "/file_batches", self.create_batch),
            ("GET", b, self.get_batch),
            ("POST", b + "/cancel", self.cancel_batch),
            ("GET", b + "/files", self.list_batch_files),
            ("POST", v + "/search", self.search),
        ]

    # --- stores -----------------------------------------------------------------------------

    def _store(self, request: web.Request) -> JSON:
        return self._refreshed(self.state.vector_stores.get(request.match_info["vector_store_id"]))

    def _refreshed(self, store: JSON) -> JSON:
        """``store`` with its file counts, usage and status brought up to date."""
        files = self._files_of(store["id"])
        counts = {s: 0 for s in ("in_progress", "completed", "failed", "cancelled")}
        for file in files:
            counts[file["status"]] += 1
        store["file_counts"] = {**counts, "total": len(files)}
        store["usage_bytes"] = sum(f["usage_bytes"] for f in files if f["status"] == "completed")
        store["status"] = "in_progress" if counts["in_progress"] else "completed"
        return store

    def _files_of(self, store_id: str) -> List[JSON]:
        return self.state.vector_store_files.where(vector_store_id=store_id)

    async def create(self, request: web.Request) -> web.Response:
        body = await read_json(request)
        created = now()
        store: JSON = {
            "id": new_id("vs_"),
            "object": "vector_store",
            "created_at": created,
            "name": body.get("name") or "",
            "usage_bytes": 0,
            "file_counts": {},
            "status": "completed",
            "expires_after": body.get("expires_after"),
            "expires_at": None,
            "last_active_at": created,
            "metadata": body.get("metadata") or {},
        }
        for file_id in body.get("file_ids") or []:
            self.state.files.get(file_id, "file_ids")
        self.state.vector_stores.add(store)
        for file_id in body.get("file_ids") or []:
            self._attach(store["id"], file_id, {}, "completed")
        return json_response(self._refreshed(store))

    async def list(self, request: web.Request) -> web.Response:
        return page(self.state.vector_stores.values(), request)

    async def get(self, request: web.Request) -> web.Response:
        return json_response(self._store(request))

    async def modify(self, request: web.Request) -> web.Response:
        store = self._store(request)
        body = await read_json(request)
        for name in ("name", "metadata", "expires_after"):
            if name in body:
                store[name] = body[name]
        return json_response(store)

    async def delete(self, request: web.Request) -> web.Response:
        store = self.state.vector_stores.pop(request.match_info["vector_store_id"])
        for file in self._files_of(store["id"]):
            self._detach(store["id"], file["id"])
        return deleted(store["id"], "vector_store.deleted")

    # --- files ------------------------------------------------------------------------------

    def _attach(self, store_id: str, file_id: str, attributes: Any, status: str) -> JSON:
        source = self.state.files.get(file_id, "file_id")
        key = f"{store_id}/{file_id}"
        with open(self.state.file_store.path(file_id), "rb") as f:
            text = f.read(INDEX_LIMIT).decode("utf-8", "replace")
        self._chunks[key] = chunks_of(text)
        file = {
            "id": file_id,
            "object": "vector_store.file",
            "usage_bytes": source["bytes"],
            "created_at": now(),
            "vector_store_id": store_id,
            "status": status,
            "last_error": None,
            "chunking_strategy": STATIC_CHUNKING,
            "attributes": attributes or {},
        }
        return self.state.vector_store_files.add(file, key=key)

    def _detach(self, store_id: str, file_id: str) -> JSON:
        key = f"{store_id}/{file_id}"
        self._chunks.pop(key, None)
        return self.state.vector_store_files.pop(file_id, key=key)

    def _file(self, request: web.Request) -> JSON:
        store = self._store(request)
        file_id = request.match_info["file_id"]
        return self.state.vector_store_files.get(file_id, key=f"{store['id']}/{file_id}")

    async def create_file(self, request: web.Request) -> web.Response:
        store = self._store(request)
        body = await read_json(request, "file_id")
        return json_response(
            self._attach(store["id"], body["file_id"], body.get("attributes"), "completed")
        )

    async def list_files(self, request: web.Request) -> web.Response:
        store = self._store(request)
        return page(self._filtered(self._files_of(store["id"]), request), request)

    @staticmethod
    def _filtered(files: Iterable[JSON], request: web.Request) -> List[JSON]:
        status = request.query.get("filter")
        return [f for f in files if status is None or f["status"] == status]

    async def get_file(self, request: web.Request) -> web.Response:
        return json_response(self._file(request))

    async def update_file(self, request: web.Request) -> web.Response:
        file = self._file(request)
        body = await read_json(request, "attributes")
        file["attributes"] = body["attributes"]
        return json_response(file)

    async def delete_file(self, request: web.Request) -> web.Response:
        file = self._file(request)
        self._detach(file["vector_store_id"], file["id"])
        return deleted(file["id"], "vector_store.file.deleted")

    async def file_content(self, request: web.Request) -> web.Response:
        file = self._file(request)
        chunks = self._chunks.get(f"{file['vector_store_id']}/{file['id']}", [])
        return json_response(
            {
                "object": "vector_store.file_content.page",
                "data": [{"type": "text", "text": c} for c in chunks],
                "has_more": False,
                "next_page": None,
            }
        )

    # --- file batches -----------------------------------------------------------------------

    def _batch(self, request: web.Request) -> JSON:
        store = self._store(request)
        batch = self.state.vector_store_file_batches.get(request.match_info["batch_id"])
        if batch["vector_store_id"] != store["id"]:
            raise not_found("vector store file batch", batch["id"])
        return batch

    def _batch_files(self, batch: JSON) -> List[JSON]:
        store_id = batch["vector_store_id"]
        found = (
            self.state.vector_store_files.find(f"{store_id}/{file_id}")
            for file_id in batch["_file_ids"]
        )
        return [f for f in found if f is not None]

    def _set_batch_status(self, batch: JSON, status: str) -> JSON:
        batch["status"] = status
        files = self._batch_files(batch)
        for file in files:
            if file["status"] == "in_progress":
                file["status"] = status
        counts = {s: 0 for s in ("in_progress", "completed", "failed", "cancelled")}
        for file in files:
            counts[file["status"]] += 1
        batch["file_counts"] = {**counts, "total": len(files)}
        return {k: v for k, v in batch.items() if not k.startswith("_")}

    async def create_batch(self, request: web.Request) -> web.Response:
        store = self._store(request)
        body = await read_json(request)
        specs: List[JSON] = [{"file_id": f} for f in body.get("file_ids") or []]
        specs += [f for f in body.get("files") or [] if isinstance(f, dict)]
        if not specs:
            raise ApiError(400, "Missing required parameter: 'file_ids'.", param="file_ids")
        for spec in specs:
            self.state.files.get(str(spec.get("file_id")), "file_ids")
        for spec in specs:
            self._attach(
                store["id"],
                spec["file_id"],
                spec.get("attributes", body.get("attributes")),
                "in_progress",
            )
        batch = {
            "id": new_id("vsfb_"),
            "object": "vector_store.files_batch",
            "created_at": now(),
            "vector_store_id": store["id"],
            "status": "in_progress",
            "file_counts": {},
            "_file_ids": [s["file_id"] for s in specs],
        }
        self.state.vector_store_file_batches.add(batch)
        return json_response(self._set_batch_status(batch, "in_progress"))

    async def get_batch(self, request: web.Request) -> web.Response:
        batch = self._batch(request)
        status = "completed" if batch["status"] == "in_progress" else batch["status"]
        return json_response(self._set_batch_status(batch, status))

    async def cancel_batch(self, request: web.Request) -> web.Response:
        batch = self._batch(request)
        if batch["status"] != "in_progress":
            raise ApiError(400, f"Cannot cancel a file batch with status '{batch['status']}'.")
        return json_response(self._set_batch_status(batch, "cancelled"))

    async def list_batch_files(self, request: web.Request) -> web.Response:
        batch = self._batch(request)
        return page(self._filtered(self._batch_files(batch), request), request)

    # --- search -----------------------------------------------------------------------------

    async def search(self, request: web.Request) -> web.Response:
        store = self._store(request)
        body = await read_json(request, "query")
        query = body["query"]
        queries = [query] if isinstance(query, str) else query
        if not isinstance(queries, list) or not all(isinstance(q, str) for q in queries):
            raise ApiError(400, "'query' must be a string or an array of strings.", param="query")
        limit = body.get("max_num_results", 10)
        if not isinstance(limit, int) or not 1 <= limit <= 50:
            raise ApiError(400, "'max_num_results' must be 1 to 50.", param="max_num_results")
        threshold = (body.get("ranking_options") or {}).get("score_threshold") or 0.0
        wanted = words(" ".join(queries))
        hits = []
        for file in self._files_of(store["id"]):
            if file["status"] != "completed" or not matches(
                file["attributes"], body.get("filters")
            ):
                continue
            source: Optional[JSON] = self.state.files.find(file["id"])
            for chunk in self._chunks.get(f"{store['id']}/{file['id']}", []):
                score = len(wanted & words(chunk)) / len(wanted) if wanted else 0.0
                if score > 0 and score >= threshold:
                    hits.append(
                        {
                            "file_id": file["id"],
                            "filename": source["filename"] if source else file["id"],
                            "score": round(score, 4),
                            "attributes": file["attributes"],
                            "content": [{"type": "text", "text": chunk}],
                        }
                    )
        hits.sort(key=lambda h: -float(h["score"]))
        store["last_active_at"] = now()
        return json_response(
            {
                "object": "vector_store.search_results.page",
                "search_query": queries,
                "data": hits[:limit],
                "has_more": False,
                "next_page": None,
            }
        )
