"""The Batch API: a batch runs its input file (JSONL of ``{"custom_id", "method", "url",
"body"}``) against the emulator's own model and leaves an output and an error file.

A batch moves one step each time it is read (``GET /batches/{id}``), like the runs, so a
polling client sees every state without timers:

``validating`` (the file is checked: JSON lines, ``POST``, the batch's ``url``, unique
``custom_id``; any error → ``failed`` with ``errors``) → ``in_progress`` → (every line is run)
``finalizing`` → (the output and error files are published) ``completed``. ``cancel``
answers ``cancelling``; the next read gives ``cancelled``.
"""

from __future__ import annotations

import asyncio
import json
import os
from typing import Any, Callable, Dict, List, Optional, Tuple

from aiohttp import web

from . import _handlers
from ._http import Route, dumps, json_response, page, read_json
from ._responses import Responder
from ._state import JSON, ApiError, State, new_id, now
from ._webhooks import follow, notify

RESTING = ("completed", "failed", "cancelled", "expired")
"""A batch's statuses once it stops moving."""

ENDPOINTS = (
    "/v1/chat/completions",
    "/v1/embeddings",
    "/v1/responses",
    "/v1/completions",
    "/v1/moderations",
)
MAX_ERRORS = 1000  # validation errors listed in a failed batch's ``errors``
_YIELD_EVERY = 200  # lines run between two yields to the event loop


def _validation_error(code: str, message: str, line: int, param: Optional[str] = None) -> JSON:
    return {"code": code, "message": message, "param": param, "line": line}


def validate(path: str, endpoint: str) -> Tuple[int, List[JSON], Optional[str]]:
    """Check an input file: (number of requests, errors, the first line's ``model``)."""
    errors: List[JSON] = []
    seen = set()
    total = 0
    model = None
    with open(path, "rb") as lines:
        for number, raw in enumerate(lines, 1):
            if not raw.strip():
                continue
            total += 1
            if len(errors) >= MAX_ERRORS:
                continue
            try:
                line = json.loads(raw)
            except ValueError:
                line = None
            if not isinstance(line, dict):
                errors.append(
                    _validation_error(
                        "invalid_json_line", f"Line {number} is not a JSON object.", number
                    )
                )
                continue
            missing = [k for k in ("custom_id", "method", "url", "body") if k not in line]
            if missing:
                errors.append(
                    _validation_error(
                        "missing_required_parameter",
                        f"Missing required parameter '{missing[0]}' on line {number}.",
                        number,
                        missing[0],
                    )
                )
                continue
            if line["method"] != "POST":
                errors.append(
                    _validation_error(
                        "invalid_method",
                        f"Invalid method {line['method']!r} on line {number}: expected 'POST'.",
                        number,
                        "method",
                    )
                )
            if line["url"] != endpoint:
                errors.append(
                    _validation_error(
                        "invalid_url",
                        f"The url {line['url']!r} on line {number} does not match the batch's"
                        f" endpoint {endpoint!r}.",
                        number,
                        "url",
                    )
                )
            custom_id = line["custom_id"]
            if not isinstance(custom_id, str) or custom_id in seen:
                errors.append(
                    _validation_error(
                        "duplicate_custom_id",
                        f"The custom_id {custom_id!r} on line {number} is not unique"
                        " (or not a string).",
                        number,
                        "custom_id",
                    )
                )
            seen.add(str(custom_id))
            if model is None and isinstance(line["body"], dict):
                model = line["body"].get("model")
    if total == 0:
        errors.append(_validation_error("empty_file", "The input file has no requests.", 1))
    return total, errors, model


def _tokens(usage: Any) -> Tuple[int, int]:
    if not isinstance(usage, dict):
        return 0, 0
    prompt = usage.get("input_tokens", usage.get("prompt_tokens")) or 0
    completion = usage.get("output_tokens", usage.get("completion_tokens")) or 0
    return int(prompt), int(completion)


class BatchesApi:
    """Handlers of ``/batches``; each read of a batch advances it one step."""

    def __init__(self, state: State, responder: Responder) -> None:
        self.state = state
        self.calls: Dict[str, Callable[[JSON], JSON]] = {
            "/v1/chat/completions": _handlers.chat_completion,
            "/v1/embeddings": _handlers.embeddings,
            "/v1/responses": responder.create,
            "/v1/completions": _handlers.completion,
            "/v1/moderations": _handlers.moderations,
        }
        self._results: Dict[str, Dict[str, str]] = {}  # batch id → {"output"|"error": file id}

    def routes(self) -> List[Route]:
        return [
            ("POST", "/batches", self.create),
            ("GET", "/batches", self.list),
            ("GET", "/batches/{batch_id}", self.get),
            ("POST", "/batches/{batch_id}/cancel", self.cancel),
        ]

    async def create(self, request: web.Request) -> web.Response:
        body = await read_json(request, "input_file_id", "endpoint", "completion_window")
        if body["endpoint"] not in ENDPOINTS:
            raise ApiError(
                400,
                f"Invalid 'endpoint': {body['endpoint']!r}. Expected one of {list(ENDPOINTS)}.",
                param="endpoint",
            )
        if body["completion_window"] != "24h":
            raise ApiError(
                400,
                "Invalid 'completion_window': only '24h' is supported.",
                param="completion_window",
            )
        source = self.state.files.get(body["input_file_id"], "input_file_id")
        if source["purpose"] != "batch":
            raise ApiError(
                400,
                f"The input file must have purpose 'batch' (it has {source['purpose']!r}).",
                param="input_file_id",
            )
        created = now()
        batch: JSON = {
            "id": new_id("batch_"),
            "object": "batch",
            "endpoint": body["endpoint"],
            "model": None,
            "errors": None,
            "input_file_id": source["id"],
            "completion_window": "24h",
            "status": "validating",
            "output_file_id": None,
            "error_file_id": None,
            "created_at": created,
            "in_progress_at": None,
            "expires_at": created + 86400,
            "finalizing_at": None,
            "completed_at": None,
            "failed_at": None,
            "expired_at": None,
            "cancelling_at": None,
            "cancelled_at": None,
            "request_counts": {"total": 0, "completed": 0, "failed": 0},
            "usage": {
                "input_tokens": 0,
                "input_tokens_details": {"cached_tokens": 0},
                "output_tokens": 0,
                "output_tokens_details": {"reasoning_tokens": 0},
                "total_tokens": 0,
            },
            "metadata": body.get("metadata"),
        }
        follow(self.state.webhooks, batch, self.advance, RESTING)
        return json_response(self.state.batches.add(batch))

    async def list(self, request: web.Request) -> web.Response:
        return page(self.state.batches.values(), request)

    async def get(self, request: web.Request) -> web.Response:
        batch = self.state.batches.get(request.match_info["batch_id"])
        return json_response(await self.advance(batch))

    async def cancel(self, request: web.Request) -> web.Response:
        batch = self.state.batches.get(request.match_info["batch_id"])
        if batch["status"] not in ("validating", "in_progress", "finalizing", "cancelling"):
            raise ApiError(
                409, f"Cannot cancel a batch with status '{batch['status']}'.", code="conflict"
            )
        if batch["status"] != "cancelling":
            batch["status"], batch["cancelling_at"] = "cancelling", now()
        return json_response(batch)

    # --- the state machine ------------------------------------------------------------------

    async def advance(self, batch: JSON) -> JSON:
        """Move ``batch`` one step along its life (a no-op once it rests)."""
        status = batch["status"]
        if status == "validating":
            self._validate(batch)
        elif status == "in_progress":
            await self._run(batch)
            batch["status"], batch["finalizing_at"] = "finalizing", now()
        elif status == "finalizing":
            self._publish(batch)
            batch["status"], batch["completed_at"] = "completed", now()
        elif status == "cancelling":
            self._publish(batch)
            batch["status"], batch["cancelled_at"] = "cancelled", now()
        if batch["status"] != status and batch["status"] in RESTING:
            notify(self.state.webhooks, f"batch.{batch['status']}", batch["id"])
        return batch

    def _validate(self, batch: JSON) -> None:
        path = self.state.file_store.path(batch["input_file_id"])
        try:
            total, errors, model = validate(path, batch["endpoint"])
        except OSError:
            total, errors, model = (
                0,
                [_validation_error("file_not_found", "No input file.", 1)],
                None,
            )
        batch["model"] = model
        if errors:
            batch["status"], batch["failed_at"] = "failed", now()
            batch["errors"] = {"object": "list", "data": errors}
            return
        batch["request_counts"]["total"] = total
        batch["status"], batch["in_progress_at"] = "in_progress", now()

    async def _run(self, batch: JSON) -> None:
        """Run every line; the results go to two files on disk, published when finalized."""
        call = self.calls[batch["endpoint"]]
        store = self.state.file_store
        output_id, error_id = new_id("file-"), new_id("file-")
        counts, usage = batch["request_counts"], batch["usage"]
        with (
            open(store.path(batch["input_file_id"]), "rb") as lines,
            open(store.path(output_id), "w", encoding="utf-8") as out,
            open(store.path(error_id), "w", encoding="utf-8") as err,
        ):
            for number, raw in enumerate(lines, 1):
                if not raw.strip():
                    continue
                if number % _YIELD_EVERY == 0:
                    await asyncio.sleep(0)
                line = json.loads(raw)
                result = self._run_line(call, line)
                if result["error"] is None:
                    counts["completed"] += 1
                    prompt, completion = _tokens(result["response"]["body"].get("usage"))
                    usage["input_tokens"] += prompt
                    usage["output_tokens"] += completion
                    usage["total_tokens"] += prompt + completion
                    out.write(dumps(result) + "\n")
                else:
                    counts["failed"] += 1
                    err.write(dumps(result) + "\n")
        self._results[batch["id"]] = {}
        if counts["completed"]:
            self._results[batch["id"]]["output"] = output_id
        else:
            store.delete(output_id)
        if counts["failed"]:
            self._results[batch["id"]]["error"] = error_id
        else:
            store.delete(error_id)

    @staticmethod
    def _run_line(call: Callable[[JSON], JSON], line: JSON) -> JSON:
        result: JSON = {"id": new_id("batch_req_"), "custom_id": line["custom_id"]}
        body = line["body"]
        if not isinstance(body, dict):
            result["response"] = None
            result["error"] = {"code": "invalid_body", "message": "The body must be a JSON object."}
            return result
        request_id = "req_" + os.urandom(16).hex()
        try:
            try:
                answer = call({**body, "stream": False})
            except (TypeError, ValueError, AttributeError, KeyError) as exc:  # odd bodies
                raise ApiError(
                    500, f"The line could not be run: {exc!r}", type="server_error"
                ) from exc
        except ApiError as error:
            result["response"] = {
                "status_code": error.status,
                "request_id": request_id,
                "body": error.body(),
            }
            result["error"] = {"code": error.code or error.type, "message": error.message}
            return result
        result["response"] = {"status_code": 200, "request_id": request_id, "body": answer}
        result["error"] = None
        return result

    def _publish(self, batch: JSON) -> None:
        """Register the output and error files of a run batch (downloadable from then on)."""
        results = self._results.pop(batch["id"], {})
        for kind, file_id in results.items():
            name = f"batch_{batch['id']}_{kind}.jsonl"
            self.state.add_file(file_id, name, "batch_output")
            batch[f"{kind}_file_id"] = file_id
